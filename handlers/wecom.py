"""The WeCom (企业微信) app channel: msg_signature, AES always, the CorpID check, app messages when late."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wechatpy.enterprise.client import WeChatClient
from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto
from wechatpy.enterprise.exceptions import InvalidCorpIdException
from wechatpy.enterprise.parser import parse_message
from wechatpy.exceptions import InvalidSignatureException

from handlers import wxxml
from handlers.config import ServerConfig
from handlers.texts import LiveTexts
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

Crypto = reusing_cipher(WeChatCrypto, PrpCrypto)
"""wechatpy's crypto for this channel, building its AES cipher once."""


class ApiClient(WeChatClient):  # type: ignore[misc]
    """wechatpy's WeCom client with a configurable API base (tests point it at a local fake)."""

    def __init__(self, corp_id: str, secret: str, api_base: str, session: Any = None):
        super().__init__(corp_id, secret, session=session, timeout=CS_TIMEOUT)
        self.API_BASE_URL = api_base

    def fetch_access_token(self) -> Any:
        return self._fetch_access_token(
            url=self.API_BASE_URL + "gettoken", params={"corpid": self.corp_id, "corpsecret": self.secret}
        )


class WeComChannel(WxChannel):
    """``/wecom``: URL check and encrypted messages of one WeCom app."""

    name = "wecom"
    parser = staticmethod(parse_message)

    def __init__(self, engine: Any, texts: LiveTexts, responder: Responder, config: ServerConfig):
        super().__init__(engine, texts, responder, config.missing(self.name), config.timestamp_window)
        self.config = config
        self.crypto = None if self.missing else Crypto(config.wecom_token, config.wecom_aes_key, config.wecom_corpid)
        self.client: ApiClient | None = None
        if not self.missing and config.wecom_agentid and config.wecom_secret:
            session = SqliteSession(engine.storage)
            self.client = ApiClient(config.wecom_corpid, config.wecom_secret, config.wecom_api_base, session)

    def _decrypt(self, call: Callable[[], str]) -> str:
        try:
            return call()
        except InvalidSignatureException:
            raise Rejected(403, "bad msg_signature") from None
        except InvalidCorpIdException:  # not an InvalidSignatureException: caught on its own
            raise Rejected(403, "message encrypted for another CorpID") from None
        except DECRYPT_ERRORS as exc:
            raise Rejected(403, f"cannot decrypt ({type(exc).__name__})") from None

    def verify_url(self, params: dict[str, str]) -> str:
        crypto = self.crypto
        assert crypto is not None
        signature, stamp, nonce = params.get("msg_signature", ""), params["timestamp"], params.get("nonce", "")
        return self._decrypt(lambda: crypto.check_signature(signature, stamp, nonce, params.get("echostr", "")))

    def open(self, params: dict[str, str], body: bytes) -> Opened:
        crypto = self.crypto
        assert crypto is not None
        try:
            envelope = wxxml.parse_envelope(body)
        except wxxml.MalformedXML as exc:
            raise Rejected(403, f"unreadable encrypted envelope: {exc}") from None
        signature, stamp, nonce = params.get("msg_signature", ""), params["timestamp"], params.get("nonce", "")
        return Opened(self._decrypt(lambda: crypto.decrypt_message(envelope, signature, stamp, nonce)), True)

    def customer_service(self) -> Callable[[str, str], None] | None:
        client, agent = self.client, self.config.wecom_agentid
        if client is None:
            return None
        return lambda user, text: client.message.send_text(int(agent), user, text)
