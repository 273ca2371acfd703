"""The official account (公众号) channel: plaintext, compatible and safe (AES) modes; the custom menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wechatpy.client import WeChatClient
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.parser import parse_message
from wechatpy.utils import check_signature

from handlers import wxxml
from handlers.config import ServerConfig
from handlers.texts import ChannelTexts, LiveTexts
from handlers.wxbase import (
    CS_TIMEOUT,
    DECRYPT_ERRORS,
    Opened,
    Rejected,
    Responder,
    SqliteSession,
    WxChannel,
    reusing_cipher,
)

MENU_GROUP_SIZE = 5
"""WeChat allows at most 5 sub-buttons under a top-level button…"""
MENU_GROUPS = 3
"""…and at most 3 top-level buttons."""
MENU_LABEL_CHARS = 8
"""Sub-button names longer than this many characters are cut off on the phone."""
MENU_NAME_BYTES = 60
TOP_NAME_BYTES = 16


Crypto = reusing_cipher(WeChatCrypto, PrpCrypto)
"""wechatpy's crypto for this channel, building its AES cipher once."""


class ApiClient(WeChatClient):  # type: ignore[misc]
    """wechatpy's client with a configurable API base (tests point it at a local fake of WeChat)."""

    def __init__(self, appid: str, secret: str, api_base: str, session: Any = None):
        super().__init__(appid, secret, session=session, timeout=CS_TIMEOUT)
        self.API_BASE_URL = api_base

    def fetch_access_token(self) -> Any:
        return self._fetch_access_token(
            url=self.API_BASE_URL + "token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


class WeChatChannel(WxChannel):
    """``/wechat``: URL check, messages in any of the three modes, passive or customer-service replies."""

    name = "wechat"
    parser = staticmethod(parse_message)

    def __init__(self, engine: Any, texts: LiveTexts, responder: Responder, config: ServerConfig):
        super().__init__(engine, texts, responder, config.missing(self.name), config.timestamp_window)
        self.config = config
        self.crypto = None
        if not self.missing and config.wechat_aes_key:
            self.crypto = Crypto(config.wechat_token, config.wechat_aes_key, config.wechat_appid)
        self.client: ApiClient | None = None
        if not self.missing and config.wechat_appid and config.wechat_secret:
            session = SqliteSession(engine.storage)
            self.client = ApiClient(config.wechat_appid, config.wechat_secret, config.wechat_api_base, session)

    def _check_plain(self, params: dict[str, str]) -> None:
        try:
            check_signature(
                self.config.wechat_token, params.get("signature", ""), params["timestamp"], params.get("nonce", "")
            )
        except InvalidSignatureException:
            raise Rejected(403, "bad signature") from None

    def verify_url(self, params: dict[str, str]) -> str:
        self._check_plain(params)
        return params.get("echostr", "")

    def open(self, params: dict[str, str], body: bytes) -> Opened:
        encrypted = params.get("encrypt_type", "raw").lower() == "aes"
        if not encrypted and self.crypto is not None:
            # Safe mode: the URL ``signature`` does not cover the body, so a plaintext post would let anyone
            # holding one signed URL speak (and read replies) as any openid.
            raise Rejected(403, "plaintext message, but safe mode (an AES key) is configured")
        if "signature" in params or not encrypted:
            self._check_plain(params)
        if not encrypted:
            return Opened(body.decode("utf-8", "replace"), False)
        if self.crypto is None:  # plaintext mode configured; compatible mode also sends the plain fields
            if "signature" not in params:
                raise Rejected(403, "encrypted message but no AES key configured")
            return Opened(body.decode("utf-8", "replace"), False)
        try:
            envelope = wxxml.parse_envelope(body)
        except wxxml.MalformedXML as exc:
            raise Rejected(403, f"unreadable encrypted envelope: {exc}") from None
        try:
            xml = self.crypto.decrypt_message(
                envelope, params.get("msg_signature", ""), params["timestamp"], params.get("nonce", "")
            )
        except InvalidSignatureException:
            raise Rejected(403, "bad msg_signature") from None
        except InvalidAppIdException:
            raise Rejected(403, "message encrypted for another AppID") from None
        except DECRYPT_ERRORS as exc:
            raise Rejected(403, f"cannot decrypt ({type(exc).__name__})") from None
        return Opened(xml, True)

    def customer_service(self) -> Callable[[str, str], None] | None:
        client = self.client
        if client is None:
            return None
        return lambda user, text: client.message.send_text(user, text)


def menu_label(kn: Any, texts: ChannelTexts, intent: str) -> str:
    """A sub-button name: the configured label, else the title, else the longest short-enough alias."""
    if intent in texts.menu_labels:
        return texts.menu_labels[intent]
    topic = kn.topics[intent]
    if len(topic.title) <= MENU_LABEL_CHARS:
        return str(topic.title)
    short = sorted((a for a in topic.aliases if 2 <= len(a) <= MENU_LABEL_CHARS), key=len, reverse=True)
    return short[0] if short else str(topic.title[:MENU_LABEL_CHARS])


def build_menu(kn: Any, texts: ChannelTexts) -> dict[str, Any]:
    """The custom menu: the bot's topic menu (messages.yaml ``menu``), five to a group; CLICK keys are intent ids."""
    intents = [i for i in kn.messages.menu if i in kn.topics][: MENU_GROUP_SIZE * MENU_GROUPS]
    groups = [intents[i : i + MENU_GROUP_SIZE] for i in range(0, len(intents), MENU_GROUP_SIZE)]
    buttons = []
    for name, members in zip(texts.menu_groups, groups, strict=False):
        subs = [
            {"type": "click", "name": _fit_bytes(menu_label(kn, texts, i), MENU_NAME_BYTES), "key": i} for i in members
        ]
        buttons.append({"name": _fit_bytes(name, TOP_NAME_BYTES), "sub_button": subs})
    return {"button": buttons}


def _fit_bytes(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def push_menu(config: ServerConfig, menu: dict[str, Any], session: Any = None) -> Any:
    """Create the custom menu through the API (needs AppID and AppSecret)."""
    client = ApiClient(config.wechat_appid, config.wechat_secret, config.wechat_api_base, session)
    return client.menu.create(menu)
