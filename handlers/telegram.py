"""Telegram channel: python-telegram-bot updates in as ``Inbound``, the engine's ``Reply`` out as HTML messages.

This module only translates. Matching, dialogue state and the log belong to the engine; every word the bot says
comes from ``knowledge/messages.yaml``, the topics, or ``knowledge/telegram.yaml`` (the Telegram-only strings).
It runs by long polling (``policybot telegram``) or as a webhook route that ``policybot serve`` mounts next to
WeChat, WeCom and the API (``webhook_mount``).

Callback data of the inline buttons (at most 64 bytes)::

    o:<key>:<owner>   answer a numbered option of the reply (sends the bare digit as the owner's text)
    t:<topic id>      ask about a topic (/topics, the policy_match report)
    c:<topic id>      start a topic's checklist, or the policy_match questionnaire (/check)
    x                 the "✓ chosen" marker left on a message whose option was pressed: nothing to do
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import html
import json
import logging
import os
import re
import sqlite3
import warnings
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import click
from pydantic import BaseModel, ConfigDict, field_validator
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import BotCommandLimit, ChatType, InlineKeyboardButtonLimit, MessageLimit, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest
from telegram.warnings import PTBDeprecationWarning

from bot import render
from bot.dedupe import Dedupe, Role
from bot.engine import FEEDBACK_KINDS, Engine
from bot.models import Inbound, Reply
from bot.storage import Busy, Storage
from handlers.wxbase import Rejected, read_body
from knowledge.loader import Knowledge, KnowledgeError, load_file

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
WEBHOOK_URL_ENV = "POLICYBOT_TELEGRAM_WEBHOOK_URL"
SECRET_ENV = "POLICYBOT_TELEGRAM_SECRET"
API_BASE_ENV = "POLICYBOT_TELEGRAM_API_BASE"
"""A self-hosted Bot API server, e.g. ``http://127.0.0.1:8081/bot`` (python-telegram-bot's ``base_url``)."""
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
STRINGS_FILE = "telegram.yaml"
CHAT_KEY_CHARS = 16
"""Characters of a chat's hash in a logged message id (``<hash>:<message id>``)."""
COMMANDS = ("start", "help", "topics", "check", "reset")
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]

MAX_ATTEMPTS = 3
"""Tries per Bot API call before it is logged and dropped."""
MAX_RETRY_WAIT = 60.0
"""Seconds of flood-control wait (429 retry_after) we accept; a longer one drops the call with a warning."""
NETWORK_BACKOFF = 1.0
"""Seconds before retrying after a network error, times the attempt number."""
SHORT_LABEL = 8
"""Buttons whose labels are all this short share rows."""
ROW_WIDTH = 3
"""Buttons per row when they share rows."""
DUPLICATE_WAIT = 5.0
"""Seconds a second delivery of an update waits for the first one's answer before asking for a resend (503)."""

_TOKEN = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_OPTION, _TOPIC, _CHECK, _FEEDBACK, _NOOP = "o", "t", "c", "f", "x"
_ALERT_CHARS = 200
"""Telegram's limit on the text of a callback answer."""
_KEYBOARD_KEY = "keyboard:{chat}"
"""user_data key: the id of the latest message carrying this user's live option buttons in a chat (0: none)."""
_EXPECTS_KEY = "expects"
"""user_data key: what the last reply to this user waits for (a checklist answer), as ``Reply.expects``."""
_KINDS = {
    "sticker": "sticker",
    "photo": "image",
    "voice": "voice",
    "audio": "voice",
    "video": "video",
    "video_note": "video",
    "animation": "video",
    "document": "file",
    "location": "location",
    "venue": "location",
    "contact": "contact",
    "poll": "poll",
    "dice": "sticker",
    "game": "game",
}
"""Message attribute → ``Inbound.kind`` of a message that is not text (the engine politely refuses them)."""

Context = ContextTypes.DEFAULT_TYPE
T = TypeVar("T")


class TelegramConfigError(click.ClickException):
    """The Telegram settings are unusable; the message names the environment variable to fix.

    A ``ClickException``: a CLI command that checks the settings first (``policybot telegram`` does, and
    ``policybot serve`` can by calling ``webhook_config()``) exits non-zero with the message and no traceback.
    """


# -- strings ---------------------------------------------------------------------------------------
class Strings(BaseModel):
    """Everything the bot says on Telegram only (``knowledge/telegram.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    commands: dict[str, str]
    help: str
    topics_header: str
    check_header: str
    check_unknown: str
    followup_header: str
    chosen: str
    stale: str
    not_yours: str
    edited: str
    unknown_command: str
    feedback_useful: str
    feedback_useless: str

    @field_validator("commands")
    @classmethod
    def _every_command(cls, value: dict[str, str]) -> dict[str, str]:
        missing = [c for c in COMMANDS if c not in value]
        unknown = [c for c in value if c not in COMMANDS]
        if missing or unknown:
            raise ValueError(
                f"expected exactly the commands {', '.join(COMMANDS)}; missing {missing}, unknown {unknown}"
            )
        for name, text in value.items():
            if not BotCommandLimit.MIN_DESCRIPTION <= len(text) <= BotCommandLimit.MAX_DESCRIPTION:
                raise ValueError(f"{name}: a description must have 1–{BotCommandLimit.MAX_DESCRIPTION} characters")
        return value


def load_strings(knowledge_root: Path | None = None) -> Strings:
    """Read ``telegram.yaml`` from the knowledge folder (the bundled one if it has none) or raise KnowledgeError."""
    return load_file(knowledge_root, STRINGS_FILE, Strings)


def _strings_or_fail(knowledge_root: Path) -> Strings:
    try:
        return load_strings(knowledge_root)
    except KnowledgeError as exc:
        raise TelegramConfigError(
            f"{STRINGS_FILE} has problems:\n" + "\n".join(f"  {p}" for p in exc.problems)
        ) from None


# -- settings from the environment -----------------------------------------------------------------
def check_token(token: str) -> str:
    """The bot token, stripped, or TelegramConfigError naming ``TELEGRAM_BOT_TOKEN`` (the token is never shown)."""
    token = token.strip()
    if not token:
        raise TelegramConfigError(f"{TOKEN_ENV} is not set: put the bot token from @BotFather in it")
    if not _TOKEN.match(token):
        raise TelegramConfigError(
            f"{TOKEN_ENV} does not look like a bot token (expected <bot id>:<secret>, e.g. 123456789:AAH…, "
            "as @BotFather gives it)"
        )
    return token


def webhook_path(url: str, name: str = WEBHOOK_URL_ENV) -> str:
    """The route path of a webhook URL (``/telegram`` if it has none); Telegram only calls https URLs."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise TelegramConfigError(
            f"{name} must be an https URL Telegram can reach, e.g. https://bot.example.org/telegram"
        )
    return parts.path.rstrip("/") or "/telegram"


# -- rendering -------------------------------------------------------------------------------------
def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Rendered:
    """A reply ready for Telegram: HTML messages within the size limit, and buttons for the last one."""

    chunks: list[str]
    keyboard: InlineKeyboardMarkup | None = None
    live: bool = False
    """The buttons answer the reply's numbered options (pressing an older set is refused as stale)."""


class Renderer:
    """Turns the engine's plain-text ``Reply`` into escaped HTML messages and inline keyboards."""

    def __init__(self, knowledge: Knowledge, strings: Strings, limit: int = MessageLimit.MAX_TEXT_LENGTH):
        self.kn, self.strings, self.limit = knowledge, strings, limit
        m = knowledge.messages
        self.headings = {s.name for t in knowledge.topics.values() for s in t.sections}
        self.headings |= {m.verdict_unmet_header, m.verdict_unknown_header, m.next_step_header}
        counted = (
            re.escape(render.group_header(knowledge, h, 0)) for h in (m.verdict_unmet_header, m.verdict_unknown_header)
        )
        self.counted = re.compile("|".join(c.replace("0", r"\d+") for c in counted))
        """A verdict group's header with its count (未满足（2项）：), a heading too."""

    def render(self, reply: Reply, owner: str, prefix: str = "") -> Rendered:
        """Text without the option lines (they become buttons), split on section boundaries."""
        lines = ([*prefix.split("\n")] if prefix else []) + self.body_lines(reply)
        keyboard, live = self.keyboard(reply, owner)
        return Rendered(self.split(lines), keyboard, live)

    def body_lines(self, reply: Reply) -> list[str]:
        """The reply's lines, minus the trailing "1 xxx" option lines that the buttons replace."""
        lines = reply.text.split("\n")
        if not reply.options:
            return lines
        numbered = [f"{o.key} {o.label}" for o in reply.options]
        if lines[-len(numbered) :] == numbered and len(lines) > len(numbered):
            del lines[-len(numbered) :]
        elif len(lines) > 1 and lines[-1].split() == " ".join(numbered).split():  # "1 是  2 否  3 不知道"
            del lines[-1]
        if lines and lines[-1] == self.kn.messages.followup_header:
            lines[-1] = self.strings.followup_header
        return lines

    def keyboard(self, reply: Reply, owner: str) -> tuple[InlineKeyboardMarkup | None, bool]:
        """Buttons for the reply's numbered options, and 有用 / 没用 under an answer."""
        feedback = [
            [
                InlineKeyboardButton(self.strings.feedback_useful, callback_data=f"{_FEEDBACK}:1"),
                InlineKeyboardButton(self.strings.feedback_useless, callback_data=f"{_FEEDBACK}:0"),
            ]
        ]
        wants_feedback = reply.kind in FEEDBACK_KINDS
        if reply.options:
            buttons = [
                InlineKeyboardButton(
                    o.label if reply.expects else f"{o.key} {o.label}", callback_data=f"{_OPTION}:{o.key}:{owner}"
                )
                for o in reply.options
            ]
            markup = arrange(buttons)
            if wants_feedback and markup is not None:
                markup = InlineKeyboardMarkup([*markup.inline_keyboard, *feedback])
            return markup, True
        if wants_feedback:
            return InlineKeyboardMarkup(feedback), False
        return None, False

    def topic_keyboard(self, topic_ids: list[str], action: str) -> InlineKeyboardMarkup | None:
        """One button per topic, titled, whose callback asks about it (``t``) or checks it (``c``)."""
        buttons = [
            InlineKeyboardButton(self.kn.topics[tid].title, callback_data=f"{action}:{tid}")
            for tid in topic_ids
            if tid in self.kn.topics
        ]
        return arrange(buttons)

    def split(self, lines: list[str]) -> list[str]:
        """HTML messages within the limit, broken between sections, else between lines, else inside a line.

        The limit counts the text as Telegram does: after entity parsing, so tags and escapes are free.
        """
        sections: list[list[str]] = []
        for line in lines:
            if not sections or self.is_heading(line):
                sections.append([])
            sections[-1].extend(self._wrap(line))
        chunks: list[list[str]] = []
        current: list[str] = []
        for section in sections:
            if current and self._size(current + section) > self.limit:
                chunks.append(current)
                current = []
            if self._size(current + section) <= self.limit:
                current += section
                continue
            for line in section:
                if current and self._size([*current, line]) > self.limit:
                    chunks.append(current)
                    current = []
                current.append(line)
        if current:
            chunks.append(current)
        return ["\n".join(self.to_html(line) for line in c) for c in chunks if any(x.strip() for x in c)]

    def is_heading(self, line: str) -> bool:
        """A line that starts a section: 【标题】 or a section name such as 申报条件."""
        stripped = line.strip()
        headed = stripped.startswith("【") and stripped.endswith("】")
        return headed or stripped in self.headings or bool(self.counted.fullmatch(stripped))

    def to_html(self, line: str) -> str:
        """One plain line as escaped HTML, headings in bold."""
        escaped = html.escape(line, quote=False)
        return f"<b>{escaped}</b>" if self.is_heading(line) else escaped

    def _wrap(self, line: str) -> list[str]:
        """A line longer than the limit cut into pieces that fit (between code points)."""
        if utf16_len(line) <= self.limit:
            return [line]
        pieces: list[str] = []
        current, size = "", 0
        for ch in line:
            cost = utf16_len(ch)
            if current and size + cost > self.limit:
                pieces.append(current)
                current, size = "", 0
            current += ch
            size += cost
        return [*pieces, current]

    @staticmethod
    def _size(lines: list[str]) -> int:
        return utf16_len("\n".join(lines))


def arrange(buttons: list[InlineKeyboardButton]) -> InlineKeyboardMarkup | None:
    """Short labels share rows of ``ROW_WIDTH``; long ones get a row each."""
    if not buttons:
        return None
    for b in buttons:
        data = b.callback_data if isinstance(b.callback_data, str) else ""
        if len(data.encode()) > InlineKeyboardButtonLimit.MAX_CALLBACK_DATA:
            raise ValueError(f"callback data too long: {data!r}")
    width = ROW_WIDTH if all(len(b.text) <= SHORT_LABEL for b in buttons) else 1
    return InlineKeyboardMarkup([buttons[i : i + width] for i in range(0, len(buttons), width)])


def topic_text(engine: Engine, topic_id: str) -> str | None:
    """A question the engine answers with ``topic_id``: its title or the first example that matches it."""
    topic = engine.knowledge.topics.get(topic_id)
    if topic is None:
        return None
    for text in (topic.title, *topic.examples):
        _, decision = engine.match(text)
        if decision.intent == topic_id:
            return text
    return None


def message_kind(message: Message) -> str:
    """``text`` or the ``Inbound.kind`` of what the message carries instead."""
    if message.text is not None:
        return "text"
    for attr, kind in _KINDS.items():
        if getattr(message, attr, None):
            return kind
    return "other"


def _retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value: Any = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


# -- the bot ---------------------------------------------------------------------------------------
class TelegramBot:
    """The handlers: each update becomes engine calls and each ``Reply`` becomes messages."""

    def __init__(
        self,
        engine: Engine,
        strings: Strings | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ):
        self.engine = engine
        self.strings = strings or _strings_or_fail(engine.knowledge.root)
        self.sleep = sleep
        self._buttons: dict[str, Callable[[Update, Context, str], Awaitable[None]]] = {
            _OPTION: self._on_option,
            _TOPIC: self._on_topic,
            _CHECK: self._on_check,
            _FEEDBACK: self._on_feedback,
        }

    @property
    def renderer(self) -> Renderer:
        """A renderer on the knowledge currently answering."""
        return Renderer(self.engine.knowledge, self.strings)

    def install(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Register the handlers on ``app`` (order matters: edits first, then commands, then everything else)."""
        new = filters.UpdateType.MESSAGE
        app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, self.on_edited))
        commands = {"start": self.cmd_start, "help": self.cmd_help, "topics": self.cmd_topics}
        commands |= {"check": self.cmd_check, "reset": self.cmd_reset}
        for name in COMMANDS:
            app.add_handler(CommandHandler(name, commands[name], filters=new))
        app.add_handler(MessageHandler(new & filters.COMMAND, self.on_unknown_command))
        app.add_handler(MessageHandler(new & ~filters.StatusUpdate.ALL, self.on_message))
        app.add_handler(CallbackQueryHandler(self.on_button))
        app.add_error_handler(self.on_error)

    async def announce(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Publish the command menu (descriptions from telegram.yaml)."""
        commands = [BotCommand(name, self.strings.commands[name]) for name in COMMANDS]
        await self.call("setMyCommands", lambda: app.bot.set_my_commands(commands))

    # -- Bot API calls, retried --------------------------------------------------------------------
    async def call(self, what: str, make: Callable[[], Awaitable[T]]) -> T | None:
        """Run one Bot API call; wait out flood control and network errors; log and give up on the rest."""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            last = attempt == MAX_ATTEMPTS
            try:
                return await make()
            except RetryAfter as exc:
                wait = _retry_seconds(exc)
                if wait > MAX_RETRY_WAIT or last:
                    logger.warning("Telegram flood control on %s (retry after %ss): dropped", what, wait)
                    return None
                logger.info("Telegram flood control on %s: waiting %ss", what, wait)
                await self.sleep(wait)
            except BadRequest as exc:
                logger.warning("Telegram refused %s: %s", what, exc.message)
                return None
            except NetworkError as exc:
                if last:
                    logger.warning("network error on %s after %d attempts, dropped: %s", what, attempt, exc.message)
                    return None
                logger.info("network error on %s (attempt %d): %s", what, attempt, exc.message)
                await self.sleep(NETWORK_BACKOFF * attempt)
            except TelegramError as exc:
                logger.warning("Telegram refused %s: %s", what, exc.message)
                return None
        return None

    async def on_error(self, update: object, context: Context) -> None:
        """Last resort: a handler failed; log it and keep running."""
        logger.error("a Telegram update could not be handled", exc_info=context.error)

    # -- sending -----------------------------------------------------------------------------------
    async def send(
        self,
        context: Context,
        message: Message,
        rendered: Rendered,
        owner: str | None = None,
        quote: bool = False,
    ) -> Message | None:
        """Send the chunks to ``message``'s chat (quoting it in groups), buttons under the last one."""
        chat_id = message.chat_id
        thread = message.message_thread_id if message.is_topic_message else None
        sent: Message | None = None
        for i, chunk in enumerate(rendered.chunks):
            last = i == len(rendered.chunks) - 1
            reply_to = (
                ReplyParameters(message.message_id, allow_sending_without_reply=True) if quote and i == 0 else None
            )

            def make(chunk: str = chunk, last: bool = last, reply_to: ReplyParameters | None = reply_to) -> Any:
                return context.bot.send_message(
                    chat_id,
                    chunk,
                    parse_mode=ParseMode.HTML,
                    reply_markup=rendered.keyboard if last else None,
                    message_thread_id=thread,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                    reply_parameters=reply_to,
                )

            sent = await self.call("sendMessage", make)
        if owner is not None and context.user_data is not None:
            key = _KEYBOARD_KEY.format(chat=chat_id)
            context.user_data[key] = sent.message_id if sent is not None and rendered.live else 0
        return sent

    async def send_reply(
        self, context: Context, message: Message, reply: Reply, owner: str, prefix: str = ""
    ) -> Message | None:
        """Render and send an engine reply; remember what it waits for."""
        if context.user_data is not None:
            context.user_data[_EXPECTS_KEY] = reply.expects
        rendered = self.renderer.render(reply, owner, prefix)
        return await self.send(context, message, rendered, owner, quote=_is_group(message))

    async def send_text(
        self, context: Context, message: Message, text: str, keyboard: InlineKeyboardMarkup | None = None
    ) -> Message | None:
        """Send a fixed string (from telegram.yaml), escaped."""
        rendered = Rendered(self.renderer.split(text.split("\n")), keyboard)
        return await self.send(context, message, rendered, quote=_is_group(message))

    # -- talking to the engine ---------------------------------------------------------------------
    async def say(
        self,
        user: str,
        text: str,
        kind: str = "text",
        message: Message | None = None,
        key: str = "",
        act: str | None = None,
        chat: int | None = None,
        log: bool = True,
    ) -> Reply:
        """One engine turn (logged with channel telegram), off the event loop.

        Each chat is its own conversation; a private chat with none yet takes up the user's latest group one.
        """
        inbound = Inbound(
            CHANNEL,
            user,
            text,
            kind=kind,
            received=message.date if message is not None else None,
            message_id=key or (f"{self.chat_key(message.chat_id)}:{message.message_id}" if message else None),
            act=act,
            chat_id=str(chat) if chat is not None else (str(message.chat_id) if message is not None else None),
        )
        return await asyncio.to_thread(self.engine.respond, inbound, log)

    def chat_key(self, chat_id: int) -> str:
        """A chat id as the log keeps it: salted and hashed (a private chat's id is the user's id)."""
        return Storage.hash_user(self.engine.salt, CHANNEL, f"chat:{chat_id}")[:CHAT_KEY_CHARS]

    async def leave_pending(self, context: Context, user: str, chat: int | None) -> None:
        """Before a command starts something new, leave a checklist question still waiting for an answer."""
        if context.user_data is not None and context.user_data.get(_EXPECTS_KEY):
            # an internal step, not something the user typed: not logged as a turn
            await self.say(user, self.engine.knowledge.messages.vocabulary.exit[0], act="cancel", chat=chat, log=False)
            context.user_data[_EXPECTS_KEY] = None

    async def ask_topic(
        self,
        context: Context,
        user: str,
        topic_id: str,
        message: Message | None = None,
        chat: int | None = None,
    ) -> Reply | None:
        """The engine's answer about ``topic_id`` in ``chat`` (None if no question of ours reaches it)."""
        text = await asyncio.to_thread(topic_text, self.engine, topic_id)
        if text is None:
            return None
        chat = chat if chat is not None else (message.chat_id if message is not None else None)
        await self.leave_pending(context, user, chat)
        return await self.say(user, text, message=message, chat=chat)

    async def start_check(
        self, context: Context, user: str, topic_id: str, message: Message | None = None
    ) -> Reply | None:
        """Start ``topic_id``'s checklist (its answer, then the option whose action is ``checklist``)."""
        reply = await self.ask_topic(context, user, topic_id, message)
        if reply is None:
            return None
        start = next((o for o in reply.options if o.action == "checklist"), None)
        chat = message.chat_id if message is not None else None
        return await self.say(user, start.key, chat=chat, log=False) if start else reply

    def checkable(self) -> list[str]:
        """Topics /check can start: the policy_match questionnaire, then every topic with a checklist."""
        topics = self.engine.knowledge.topics
        return [t for t, v in topics.items() if v.questionnaire] + [t for t, v in topics.items() if v.checklist]

    # -- handlers ----------------------------------------------------------------------------------
    async def cmd_start(self, update: Update, context: Context) -> None:
        """/start [topic id]: welcome and topic menu (a deep link may name a topic)."""
        message, user = _message_user(update)
        if message is None or not self.addressed(message, context):
            return
        wanted = (context.args or [""])[0]
        reply = None
        for topic_id in (wanted, "greeting", "help"):
            if topic_id in self.engine.knowledge.topics:
                reply = await self.ask_topic(context, user, topic_id, message)
            if reply is not None:
                break
        if reply is None:
            reply = await self.say(
                user, self.engine.knowledge.messages.vocabulary.restart[0], message=message, act="reset"
            )
        await self.send_reply(context, message, reply, user)

    async def cmd_help(self, update: Update, context: Context) -> None:
        """/help: the commands, then the engine's help answer with its menu."""
        message, user = _message_user(update)
        if message is None or not self.addressed(message, context):
            return
        reply = await self.ask_topic(context, user, "help", message)
        if reply is None:
            await self.send_text(context, message, self.strings.help)
            return
        await self.send_reply(context, message, reply, user, prefix=self.strings.help)

    async def cmd_topics(self, update: Update, context: Context) -> None:
        """/topics: every policy topic as a button."""
        message, _ = _message_user(update)
        if message is None or not self.addressed(message, context):
            return
        policies = [t for t, v in self.engine.knowledge.topics.items() if v.kind == "policy"]
        await self.send_text(
            context, message, self.strings.topics_header, self.renderer.topic_keyboard(policies, _TOPIC)
        )

    async def cmd_check(self, update: Update, context: Context) -> None:
        """/check [topic id or words]: start that checklist, or list the ones that can be started."""
        message, user = _message_user(update)
        if message is None or not self.addressed(message, context):
            return
        wanted = " ".join(context.args or []).strip()
        choices = self.checkable()
        topic_id = wanted if wanted in choices else None
        if wanted and topic_id is None:
            _, decision = await asyncio.to_thread(self.engine.match, wanted)
            topic_id = decision.intent if decision.intent in choices else None
        reply = await self.start_check(context, user, topic_id, message) if topic_id else None
        if reply is not None:
            await self.send_reply(context, message, reply, user)
            return
        header = self.strings.check_unknown.format(text=wanted) if wanted else self.strings.check_header
        await self.send_text(context, message, header, self.renderer.topic_keyboard(choices, _CHECK))

    async def cmd_reset(self, update: Update, context: Context) -> None:
        """/reset: the engine's 重新开始 (forget the conversation, show the menu)."""
        message, user = _message_user(update)
        if message is None or not self.addressed(message, context):
            return
        reply = await self.say(user, self.engine.knowledge.messages.vocabulary.restart[0], message=message, act="reset")
        await self.send_reply(context, message, reply, user)

    async def on_unknown_command(self, update: Update, context: Context) -> None:
        """A command we do not have: say which ones exist (in groups only when it names this bot)."""
        message, _ = _message_user(update)
        if message is None or not self.addressed(message, context):
            return
        await self.send_text(context, message, self.strings.unknown_command)

    async def on_message(self, update: Update, context: Context) -> None:
        """Text (and anything else a user sends) through the engine; in groups only when addressed."""
        message, user = _message_user(update)
        if message is None or not self.addressed(message, context):
            return
        kind = message_kind(message)
        text = self.strip_mention(message, context) if kind == "text" else (message.caption or "")
        reply = await self.say(user, text, kind=kind, message=message)
        await self.send_reply(context, message, reply, user)

    async def on_edited(self, update: Update, context: Context) -> None:
        """An edited message is not answered again; ask for it to be resent (if it was meant for us)."""
        message = update.edited_message
        if message is None or not self.addressed(message, context):
            return
        await self.send_text(context, message, self.strings.edited)

    async def on_button(self, update: Update, context: Context) -> None:
        """A pressed inline button: dispatch on the callback data's prefix; every query is answered."""
        query = update.callback_query
        if query is None:
            return
        action, _, rest = (query.data or "").partition(":")
        handler = self._buttons.get(action)
        sent = isinstance(query.message, Message) and _button_label(query.message, query.data or "") is not None
        if handler is None or not sent:  # only the buttons the bot put under that message: forged data is ignored
            if handler is not None:
                logger.warning("Telegram: callback data not among the message's buttons, ignored")
            await self.call("answerCallbackQuery", lambda: query.answer())
            return
        await handler(update, context, rest)

    async def _on_option(self, update: Update, context: Context, rest: str) -> None:
        query = update.callback_query
        assert query is not None and isinstance(query.message, Message)
        message, user = query.message, str(query.from_user.id)
        key, _, owner = rest.partition(":")
        if not key.isdigit():
            await self.call("answerCallbackQuery", lambda: query.answer())
            return
        if owner and owner != user:
            await self.call("answerCallbackQuery", lambda: query.answer(self.strings.not_yours))
            return
        live = (context.user_data or {}).get(_KEYBOARD_KEY.format(chat=message.chat_id))
        if live is not None and live != message.message_id:
            await self.call("answerCallbackQuery", lambda: query.answer(self.strings.stale))
            await self.call("editMessageReplyMarkup", lambda: query.edit_message_reply_markup(None))
            return
        await self.call("answerCallbackQuery", lambda: query.answer())
        label = _button_label(message, query.data or "") or key
        marker = InlineKeyboardMarkup(
            [[InlineKeyboardButton(self.strings.chosen.format(label=label), callback_data=_NOOP)]]
        )
        await self.call("editMessageReplyMarkup", lambda: query.edit_message_reply_markup(marker))
        reply = await self.say(user, key, key=f"callback:{query.id}", chat=message.chat_id)
        await self.send_reply(context, message, reply, user)

    async def _on_feedback(self, update: Update, context: Context, value: str) -> None:
        """有用 / 没用 pressed under an answer: the engine records it against that answer."""
        query = update.callback_query
        assert query is not None and isinstance(query.message, Message)
        vocab = self.engine.knowledge.messages.vocabulary
        word = vocab.useful[0] if value == "1" else vocab.useless[0]
        reply = await self.say(str(query.from_user.id), word, key=f"callback:{query.id}", chat=query.message.chat_id)
        await self.call("answerCallbackQuery", lambda: query.answer(reply.text[:_ALERT_CHARS]))
        await self.call("editMessageReplyMarkup", lambda: query.edit_message_reply_markup(None))

    async def _on_topic(self, update: Update, context: Context, topic_id: str) -> None:
        query = update.callback_query
        assert query is not None and isinstance(query.message, Message)
        await self.call("answerCallbackQuery", lambda: query.answer())
        user = str(query.from_user.id)
        reply = await self.ask_topic(context, user, topic_id, chat=query.message.chat_id)
        if reply is not None:
            await self.send_reply(context, query.message, reply, user)

    async def _on_check(self, update: Update, context: Context, topic_id: str) -> None:
        query = update.callback_query
        assert query is not None and isinstance(query.message, Message)
        await self.call("answerCallbackQuery", lambda: query.answer())
        user = str(query.from_user.id)
        reply = await self.start_check(context, user, topic_id) if topic_id in self.checkable() else None
        if reply is not None:
            await self.send_reply(context, query.message, reply, user)

    # -- groups ------------------------------------------------------------------------------------
    def addressed(self, message: Message, context: Context) -> bool:
        """Private chats always; in groups a command, a mention of the bot, or a reply to one of its messages."""
        if not _is_group(message):
            return True
        bot = context.bot
        if message.from_user is not None and message.from_user.is_bot:
            return False
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        handle = f"@{bot.username}".lower()
        for entity, value in _entities(message).items():
            if entity.type == MessageEntity.MENTION and value.lower() == handle:
                return True
            if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot.id:
                return True
            if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
                name, _, target = value.partition("@")
                if target.lower() == handle[1:] or (not target and name.lstrip("/") in COMMANDS):
                    return True
        return False

    def strip_mention(self, message: Message, context: Context) -> str:
        """The text without the @mention of this bot."""
        text = message.text or ""
        handle = f"@{context.bot.username}".lower()
        for entity, value in _entities(message).items():
            if entity.type == MessageEntity.MENTION and value.lower() == handle:
                text = text.replace(value, " ")
        return text.strip()


def _is_group(message: Message) -> bool:
    return message.chat.type != ChatType.PRIVATE


def _message_user(update: Update) -> tuple[Message | None, str]:
    message = update.message
    if message is None:
        return None, ""
    sender = message.from_user.id if message.from_user else message.chat_id
    return message, str(sender)


def _entities(message: Message) -> dict[MessageEntity, str]:
    return message.parse_entities() if message.text is not None else message.parse_caption_entities()


def _button_label(message: Message, data: str) -> str | None:
    markup = message.reply_markup
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            if button.callback_data == data:
                return button.text
    return None


# -- keeping the token out of the logs ------------------------------------------------------------------
class Redact(logging.Filter):
    """Replaces a secret in every record a handler emits: message, arguments and traceback text."""

    MARK = "<redacted>"

    def __init__(self, secret: str):
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, self.MARK), ()
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = text.replace(self.secret, self.MARK), None
        elif record.exc_text and self.secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self.secret, self.MARK)
        return True


def redact_in_logs(token: str) -> None:
    """Keep ``token`` out of every log handler's output (the library's tracebacks and httpx's URLs carry it)."""
    if not token:
        return
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, Redact) and f.secret == token for f in handler.filters):
            handler.addFilter(Redact(token))


# -- building the Application ----------------------------------------------------------------------
def build_application(
    engine: Engine,
    token: str,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    updater: bool = True,
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    base_url: str | None = None,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """A python-telegram-bot ``Application`` wired to the engine (requests replaceable for tests).

    ``base_url`` (default ``POLICYBOT_TELEGRAM_API_BASE``) points the bot at a self-hosted Bot API server.
    """
    redact_in_logs(token)
    bot = TelegramBot(engine, sleep=sleep)
    builder = ApplicationBuilder().token(token).post_init(bot.announce)
    base = (os.environ.get(API_BASE_ENV, "") if base_url is None else base_url).strip()
    if base:
        builder = builder.base_url(base)
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    if not updater:
        builder = builder.updater(None)
    app = builder.build()
    bot.install(app)
    app.bot_data["policybot"] = bot
    return app


# -- webhook, mounted in policybot serve -----------------------------------------------------------
@dataclass
class WebhookMount:
    """What ``policybot serve`` mounts: the routes, and what its lifespan awaits at startup and shutdown."""

    routes: list[BaseRoute]
    startup: Callable[[], Awaitable[None]]
    shutdown: Callable[[], Awaitable[None]]
    path: str = ""


class _Webhook:
    """The webhook route: checks the secret header, then has the Application handle each update once.

    Telegram delivers an update again when it did not get a 200 in time. Its ``update_id`` is claimed in the
    database (``bot.dedupe``, the table that answers WeChat's retried MsgIds once), so a second delivery — to
    this worker or another — is not answered again. The update is handled before the 200 goes out: a worker
    that dies while handling it leaves an unfinished claim, and Telegram's next delivery after
    ``dedupe.STALE_SECONDS`` takes it over.
    """

    def __init__(self, app: Application[Any, Any, Any, Any, Any, Any], url: str, secret: str, dedupe: Dedupe):
        self.app, self.url, self.secret, self.dedupe = app, url, secret, dedupe
        self._lock = asyncio.Lock()
        self._order = asyncio.Lock()
        """One update at a time per worker, as the Application's own update queue handles them."""

    async def startup(self) -> None:
        """Start the Application and register the webhook URL and secret with Telegram."""
        await self._start()

    async def _start(self) -> bool:
        async with self._lock:
            if self.app.running:
                return True
            try:
                await self.app.initialize()
                await self.app.bot.set_webhook(self.url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES)
                await self.app.bot_data["policybot"].announce(self.app)
                await self.app.start()
            except InvalidToken:
                logger.error("Telegram rejected the token in %s: the Telegram webhook stays off", TOKEN_ENV)
                return False
            except TelegramError as exc:
                logger.error("could not reach Telegram (%s): will try again on the next webhook call", exc.message)
                return False
            logger.info("Telegram webhook registered")
            return True

    async def shutdown(self) -> None:
        """Stop the Application (the webhook stays registered, so Telegram keeps updates for the next start)."""
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()

    async def endpoint(self, request: Request) -> Response:
        """POST from Telegram: 403 without the right secret, 400 on a bad body, else 200 once the update is handled."""
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return PlainTextResponse("forbidden", status_code=403)
        if not await self._start():
            return PlainTextResponse("unavailable", status_code=503)
        try:
            data = json.loads(await read_body(request))
        except Rejected as exc:
            logger.warning("Telegram webhook: refused (%d): %s", exc.status, exc.reason)
            return PlainTextResponse("refused", status_code=exc.status)
        except (ValueError, RecursionError) as exc:
            logger.warning("Telegram webhook: unreadable body (%s)", type(exc).__name__)
            return PlainTextResponse("bad update", status_code=400)
        try:
            update = Update.de_json(data, self.app.bot) if isinstance(data, dict) else None
        except Exception as exc:  # well-formed JSON of the wrong shape ({"update_id": "abc", "message": 5})
            logger.warning("Telegram webhook: unreadable update (%s)", type(exc).__name__)
            update = None
        if update is None:
            return PlainTextResponse("bad update", status_code=400)
        return await self._handle_once(update)

    async def _handle_once(self, update: Update) -> Response:
        """Handle ``update`` unless another delivery of it was (or is being) handled; 503 asks Telegram to retry."""
        key = f"update:{update.update_id}"
        try:
            flight = await asyncio.to_thread(self.dedupe.begin, CHANNEL, key)
        except Busy:  # the database stayed locked: Telegram delivers the update again later
            logger.warning("Telegram webhook: the database is locked; update %s left for Telegram to resend", key)
            return PlainTextResponse("busy", status_code=503)
        except sqlite3.Error as exc:  # a full or read-only disk: answer without remembering the id
            logger.error("Telegram webhook: cannot remember %s (%s); handling it anyway", key, exc)
            flight = None
        if flight is not None and flight.role is not Role.OWNER:
            outcome = await asyncio.to_thread(self.dedupe.follow, flight, DUPLICATE_WAIT)
            if outcome is not None and outcome.done:
                logger.info("Telegram webhook: %s was delivered again; already answered", key)
                return Response(status_code=200)
            return PlainTextResponse("being answered", status_code=503)
        try:
            async with self._order:
                await self.app.process_update(update)
        except BaseException:
            if flight is not None:
                await asyncio.to_thread(self.dedupe.abandon, flight)
            raise
        if flight is not None:
            try:
                await asyncio.to_thread(self.dedupe.finish, flight, None)
            except (Busy, sqlite3.Error) as exc:  # answered; a later delivery may be answered again
                logger.error("Telegram webhook: could not mark %s as answered: %s", key, exc)
        return Response(status_code=200)


@dataclass(frozen=True)
class WebhookConfig:
    """The webhook settings, checked."""

    token: str
    url: str
    path: str
    secret: str


def webhook_config(environ: Mapping[str, str] | None = None) -> WebhookConfig | None:
    """The webhook settings from the environment; None unless a token and a webhook URL are both set.

    ``POLICYBOT_TELEGRAM_WEBHOOK_URL`` must be https (its path is the route). ``POLICYBOT_TELEGRAM_SECRET``
    (letters, digits, ``_`` and ``-``) defaults to a secret derived from the token, so every worker process
    registers the same one. Raises TelegramConfigError naming the variable that is wrong.
    """
    env = os.environ if environ is None else environ
    url = env.get(WEBHOOK_URL_ENV, "").strip()
    if not url:
        return None
    if not env.get(TOKEN_ENV, "").strip():
        logger.warning("%s is set but %s is not: the Telegram webhook is not mounted", WEBHOOK_URL_ENV, TOKEN_ENV)
        return None
    token = check_token(env[TOKEN_ENV])
    path = webhook_path(url)
    url = urlunsplit(urlsplit(url)._replace(path=path))  # registered as routed: “…/hook/” would get a 307
    secret = (
        env.get(SECRET_ENV, "").strip() or hashlib.sha256(f"policybot telegram webhook\0{token}".encode()).hexdigest()
    )
    if not _SECRET.match(secret):
        raise TelegramConfigError(f"{SECRET_ENV} may only hold letters, digits, _ and - (1–256 characters)")
    return WebhookConfig(token, url, path, secret)


def webhook_mount(
    engine: Engine, environ: Mapping[str, str] | None = None, *, request: BaseRequest | None = None
) -> WebhookMount | None:
    """The Telegram webhook for ``policybot serve``, or None unless a token and a webhook URL are configured.

    See ``webhook_config`` for the environment variables; raises TelegramConfigError when one is malformed.
    """
    config = webhook_config(environ)
    if config is None:
        return None
    app = build_application(engine, config.token, request=request, updater=False)
    hook = _Webhook(app, config.url, config.secret, Dedupe(engine.storage))
    return WebhookMount([Route(config.path, hook.endpoint, methods=["POST"])], hook.startup, hook.shutdown, config.path)


# -- policybot telegram ----------------------------------------------------------------------------
def _engine(ctx: click.Context) -> Engine:
    """The engine of the ``policybot`` group (its --knowledge and --db), or a default one run standalone."""
    if ctx.obj is not None and hasattr(ctx.obj, "engine"):
        return ctx.obj.engine()  # type: ignore[no-any-return]
    from bot.engine import open_engine
    from bot.settings import Settings

    try:
        return open_engine(None, None, Settings.from_env())
    except KnowledgeError as exc:
        raise click.ClickException(
            "the knowledge has problems:\n" + "\n".join(f"  {p}" for p in exc.problems)
        ) from None


@click.command(name="telegram", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option(
    "--webhook",
    "webhook_url",
    metavar="URL",
    help=f"Take updates by webhook at this https URL instead of polling: sets {WEBHOOK_URL_ENV}=URL and runs "
    "`policybot serve` (options after it, such as --host and --port, go to serve).",
)
@click.pass_context
def telegram_command(ctx: click.Context, webhook_url: str | None) -> None:
    """Run PolicyBot on Telegram by long polling; the bot token comes from TELEGRAM_BOT_TOKEN.

    With --webhook URL nothing polls: the command is the same as
    `POLICYBOT_TELEGRAM_WEBHOOK_URL=URL policybot serve [--host … --port …]`. That one process serves WeChat,
    WeCom, the API and Telegram (the route is URL's path). At startup it registers URL with Telegram together
    with a secret (POLICYBOT_TELEGRAM_SECRET, or one derived from the token), and the route answers 403 to any
    request without that X-Telegram-Bot-Api-Secret-Token header. Every turn goes to the same log, channel
    "telegram".
    """
    token = check_token(os.environ.get(TOKEN_ENV, ""))
    if not webhook_url:
        if ctx.args:
            raise click.UsageError(f"unexpected arguments: {' '.join(ctx.args)} (they only go with --webhook)")
        _poll(ctx, token)
        return
    webhook_path(webhook_url, name="--webhook")
    parent = ctx.parent
    serve = parent.command.get_command(parent, "serve") if parent and isinstance(parent.command, click.Group) else None
    if serve is None:
        raise click.ClickException(f"no `serve` command here: run `{WEBHOOK_URL_ENV}={webhook_url} policybot serve`")
    os.environ[WEBHOOK_URL_ENV] = webhook_url
    with serve.make_context("serve", list(ctx.args), parent=parent) as sub:
        serve.invoke(sub)


def _poll(ctx: click.Context, token: str) -> None:
    engine = _engine(ctx)
    try:
        build_application(engine, token).run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        raise click.ClickException(f"Telegram rejected the token in {TOKEN_ENV}: check it with @BotFather") from None
    finally:
        engine.storage.close()
