"""The XML helper WeChat and WeCom share: parse safely, translate to ``Inbound``, build and fit text replies."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.parsers.expat import ExpatError

import xmltodict
from wechatpy.messages import BaseMessage

from bot.models import Inbound, Option

logger = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
"""Largest request body accepted (bytes); WeChat's own messages are a few hundred bytes."""
TEXT_LIMIT_BYTES = 2048
"""Content limit of one text message, in UTF-8 bytes: documented for WeCom (发送应用消息, “最长不超过2048个字节”)
and measured for the official account's passive and customer-service replies (45002 content size out of limit)."""
ELLIPSIS = "…"
SUMMARY_SHARE = 2
"""At most 1/SUMMARY_SHARE of a cut reply goes to the note and the numbered menu; the rest is summary."""

_HOSTILE = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PARSE_ERRORS = (ValueError, ExpatError, KeyError, TypeError, AttributeError, IndexError)
"""What wechatpy's ``parse_message`` lets escape on broken input (no root, no MsgType, text instead of tags…)."""


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""C0 control characters XML 1.0 forbids (tab, newline and carriage return are allowed)."""


class HostileXML(Exception):
    """A DTD or entity declaration: refused before any parser sees it (XML bomb, external entity)."""


class MalformedXML(Exception):
    """Not a well-formed WeChat message; WeChat expects "success" for such a message."""


def _text(body: bytes | str) -> str:
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            raise MalformedXML("not UTF-8") from None
    if _HOSTILE.search(body):
        raise HostileXML("DOCTYPE or ENTITY declaration")
    return _ILLEGAL.sub("", body)  # a control character a phone let through must not cost the message


def parse_envelope(body: bytes | str) -> dict[str, Any]:
    """The fields of a flat ``<xml>…</xml>`` document (the encrypted envelope, or a whole message).

    Raises:
        HostileXML: a DTD or entity declaration, found before parsing.
        MalformedXML: anything else a parser rejects, or a document whose root is not ``<xml>`` with fields.
    """
    text = _text(body)
    try:
        root = xmltodict.parse(text, disable_entities=True)["xml"]
    except _PARSE_ERRORS as exc:
        raise MalformedXML(f"{type(exc).__name__}: {exc}") from None
    if not isinstance(root, dict):
        raise MalformedXML("<xml> has no fields")
    return root


def parse_message(body: bytes | str, parser: Callable[[str], BaseMessage | None]) -> BaseMessage:
    """Parse with wechatpy's ``parse_message`` (official account or WeCom), refusing hostile input first.

    Raises:
        HostileXML: see ``parse_envelope``.
        MalformedXML: wechatpy's ValueError, ExpatError, KeyError… turned into one exception.
    """
    text = _text(body)
    try:
        message = parser(text)
    except _PARSE_ERRORS as exc:
        raise MalformedXML(f"{type(exc).__name__}: {exc}") from None
    if message is None:
        raise MalformedXML("empty body")
    return message


# -- translation -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A parsed message: who sent it, its retry key, and what to ask the engine (None: nothing to answer)."""

    user: str
    account: str
    key: str
    inbound: Inbound | None
    note: str


class IntentTexts:
    """A message text the engine decides as a given intent: how a menu click or a welcome is asked."""

    def __init__(self, engine: Any):
        self.engine = engine
        self._cache: dict[tuple[str, str], str | None] = {}

    def text(self, intent: str) -> str | None:
        """The first of the intent's title, aliases and examples that the matcher decides as ``intent``."""
        kn = self.engine.knowledge
        cache_key = (kn.version, intent)
        if cache_key not in self._cache:
            topic = kn.topics.get(intent)
            found = None
            for text in [topic.title, *topic.aliases, *topic.examples] if topic else []:
                if self.engine.match(text)[1].intent == intent:
                    found = text
                    break
            self._cache[cache_key] = found
        return self._cache[cache_key]


WELCOME_INTENT = "greeting"
MEDIA_TYPES = ("image", "location", "link", "video", "shortvideo", "file")
"""Messages without text: the engine answers them with its polite request to type the question."""


def _raw(message: BaseMessage, name: str) -> str:
    value = message._data.get(name)
    return value.strip() if isinstance(value, str) else ""


def _text_message(message: BaseMessage, channel: str, user: str, key: str, _: IntentTexts) -> tuple[Inbound, str]:
    return Inbound(channel, user, _raw(message, "Content"), "text", message_id=key), "text"


def _voice(message: BaseMessage, channel: str, user: str, key: str, _: IntentTexts) -> tuple[Inbound, str]:
    heard = _raw(message, "Recognition")
    if heard:
        return Inbound(channel, user, heard, "text", message_id=key), "voice:recognised"
    return Inbound(channel, user, "", "voice", message_id=key), "voice"


def _media(message: BaseMessage, channel: str, user: str, key: str, _: IntentTexts) -> tuple[Inbound, str]:
    kind = _raw(message, "MsgType").lower()
    return Inbound(channel, user, "", kind, message_id=key), kind


def _event(message: BaseMessage, channel: str, user: str, key: str, texts: IntentTexts) -> tuple[Inbound | None, str]:
    event = _raw(message, "Event").lower()
    intent = {"subscribe": WELCOME_INTENT, "subscribe_scan": WELCOME_INTENT}.get(event)
    if event == "click":
        intent = _raw(message, "EventKey")
    if intent is None:
        return None, f"event:{event or '?'}"
    text = texts.text(intent)
    if text is None:
        logger.warning("%s: no question leads to intent %r (event %s)", channel, intent, event)
        return None, f"event:{event}:unknown-intent"
    return Inbound(channel, user, text, "text", message_id=key), f"event:{event}:{intent}"


TRANSLATORS: dict[str, Callable[..., tuple[Inbound | None, str]]] = {
    "text": _text_message,
    "voice": _voice,
    "event": _event,
    **{kind: _media for kind in MEDIA_TYPES},
}
"""MsgType → translation; a type not listed here is answered "success" and logged."""


def translate(message: BaseMessage, channel: str, texts: IntentTexts) -> Incoming:
    """Turn a parsed wechatpy message into what the engine should be asked.

    Raises:
        MalformedXML: the sender, the recipient or the retry key (MsgId, or CreateTime for events) is missing.
    """
    user, account = _raw(message, "FromUserName"), _raw(message, "ToUserName")
    msg_type = _raw(message, "MsgType").lower()
    created, msg_id = _raw(message, "CreateTime"), _raw(message, "MsgId")
    key = msg_id if msg_id and msg_type != "event" else (f"{user}:{created}" if created else "")
    if not user or not account or not key:
        raise MalformedXML("FromUserName, ToUserName and MsgId (events: CreateTime) are required")
    translator = TRANSLATORS.get(msg_type)
    if translator is None:
        return Incoming(user, account, key, None, f"unknown MsgType {msg_type!r}")
    inbound, note = translator(message, channel, user, key, texts)
    return Incoming(user, account, key, inbound, note)


# -- replies -----------------------------------------------------------------------------------------


def cdata(text: str) -> str:
    """A CDATA section holding ``text`` exactly, even if it contains ``]]>``; XML-illegal characters dropped."""
    text = _NOT_XML_CHAR.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply(to_user: str, from_user: str, content: str, create_time: int) -> str:
    """The passive text reply (the same format for the official account and WeCom)."""
    return (
        f"<xml><ToUserName>{cdata(to_user)}</ToUserName><FromUserName>{cdata(from_user)}</FromUserName>"
        f"<CreateTime>{int(create_time)}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{cdata(content)}</Content></xml>"
    )


def size(text: str) -> int:
    """UTF-8 length in bytes (what WeChat's limit counts)."""
    return len(text.encode("utf-8"))


def _cut(text: str, room: int) -> str:
    """At most ``room`` bytes of ``text``, ending at a line break when one is near, then an ellipsis."""
    room -= size(ELLIPSIS)
    kept = text.encode("utf-8")[: max(room, 0)].decode("utf-8", "ignore")
    newline = kept.rfind("\n")
    if newline * 3 >= len(kept) * 2:
        kept = kept[:newline]
    return kept.rstrip() + ELLIPSIS


def _lines_within(lines: list[str], room: int) -> list[str]:
    out: list[str] = []
    for line in lines:
        if size("\n".join([*out, line])) > room:
            break
        out.append(line)
    return out


def fit_text(
    text: str, options: list[Option], summary_note: str, truncated_note: str, limit: int = TEXT_LIMIT_BYTES
) -> str:
    """Plain text that fits one WeChat text message: the reply, or a summary plus the numbered menu."""
    text = _NOT_XML_CHAR.sub("", text)
    if size(text) <= limit:
        return text
    menu = [f"{o.key} {o.label}" for o in options]
    body = text
    if menu and body.endswith(menu[-1]):
        body = body[: body.rfind(menu[0])].rstrip() if menu[0] in body else body
    tail = _lines_within([summary_note, *menu] if menu else [truncated_note], limit // SUMMARY_SHARE)
    room = limit - size("\n".join(tail)) - size("\n")
    return "\n".join([_cut(body, room), *tail])
