"""Telegram test helpers: a fake Bot API at python-telegram-bot's request seam, real update payloads, a harness.

``FakeBotAPI`` is a ``telegram.request.BaseRequest`` (the class python-telegram-bot's own ``OfflineRequest``
subclasses): every Bot API call the Application makes lands here, is recorded, and gets the JSON Telegram would
return. Failures (429 with retry_after, network errors) can be scripted per method.
"""

from __future__ import annotations

import asyncio
import copy
import html
import itertools
import json
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

from bot.engine import Engine
from handlers.telegram import build_application

PAYLOADS = Path(__file__).resolve().parent / "payloads" / "telegram"
TOKEN = "7000000001:AAGz0t-FakeTokenForTests_qwertyuiop"
BOT_USER = {
    "id": 7000000001,
    "is_bot": True,
    "first_name": "重庆政策助手",
    "username": "policy_cq_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
SENT_DATE = 1795597300
_ids = itertools.count(815400000)


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of ``tests/payloads/telegram/<name>.json`` with a new update_id."""
    data = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    data["update_id"] = next(_ids)
    return data


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def text_update(text: str, name: str = "message_text") -> dict[str, Any]:
    """A message update from payload ``name`` carrying ``text`` (a leading /command gets its entity)."""
    data = payload(name)
    msg = data["message"]
    msg["message_id"] = next(_ids) % 100_000
    msg["text"] = text
    msg.pop("entities", None)
    if text.startswith("/"):
        msg["entities"] = [{"offset": 0, "length": utf16(text.split()[0]), "type": "bot_command"}]
    return data


def command(cmd: str, *args: str, name: str = "message_command") -> dict[str, Any]:
    """``/cmd args`` as the Bot API delivers it."""
    return text_update(" ".join([cmd, *args]), name)


def mention(text: str) -> dict[str, Any]:
    """A group message that @mentions the bot."""
    handle = "@" + BOT_USER["username"]
    data = text_update(f"{handle} {text}", "message_group_mention")
    data["message"]["entities"] = [{"offset": 0, "length": utf16(handle), "type": "mention"}]
    return data


def callback(message: dict[str, Any], data: str, sender: dict[str, Any] | None = None) -> dict[str, Any]:
    """A callback query for a button under ``message`` (a message the fake API returned)."""
    update = payload("callback_query")
    query = update["callback_query"]
    query["id"] = str(next(_ids))
    query["message"] = copy.deepcopy(message)
    query["data"] = data
    if sender is not None:
        query["from"] = sender
    return update


@dataclass
class Call:
    """One Bot API request: method, parameters, and what the fake answered."""

    method: str
    params: dict[str, Any]
    outcome: str = "ok"
    result: Any = None


@dataclass
class FakeBotAPI(BaseRequest):
    """Answers like api.telegram.org; records every call; scripted failures per method."""

    calls: list[Call] = field(default_factory=list)
    updates: deque[dict[str, Any]] = field(default_factory=deque)
    failures: dict[str, deque[tuple[str, Any]]] = field(default_factory=lambda: defaultdict(deque))
    _message_ids: Any = field(default_factory=lambda: itertools.count(900))

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def fail(self, method: str, *, retry_after: int | None = None, network: bool = False, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` fail with a 429 (retry_after) or a network error."""
        for _ in range(times):
            self.failures[method].append(("429", retry_after) if retry_after is not None else ("network", network))

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.outcome == "ok"]

    @property
    def sent(self) -> list[dict[str, Any]]:
        """Parameters of every delivered sendMessage."""
        return [c.params for c in self.of("sendMessage")]

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kw: Any):  # type: ignore[no-untyped-def,override]
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        if name == "getUpdates":
            batch = list(self.updates)
            self.updates.clear()
            if not batch:
                await asyncio.sleep(0.01)
            return 200, json.dumps({"ok": True, "result": batch}).encode()
        if self.failures.get(name):
            kind, value = self.failures[name].popleft()
            self.calls.append(Call(name, params, kind))
            if kind == "network":
                raise NetworkError("httpx.ConnectError: [Errno 104] Connection reset by peer")
            body = {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {value}",
                "parameters": {"retry_after": value},
            }
            return 429, json.dumps(body).encode()
        result = self._result(name, params)
        if result is None:
            self.calls.append(Call(name, params, "404"))
            return 404, json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}).encode()
        self.calls.append(Call(name, params, "ok", result))
        return 200, json.dumps({"ok": True, "result": result}, ensure_ascii=False).encode()

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name in ("setMyCommands", "setWebhook", "deleteWebhook", "answerCallbackQuery"):
            return True
        if name == "sendMessage":
            return self._message(params["chat_id"], next(self._message_ids), params)
        if name == "editMessageReplyMarkup":
            return self._message(params["chat_id"], params["message_id"], params)
        return None

    @staticmethod
    def _message(chat_id: int, message_id: int, params: dict[str, Any]) -> dict[str, Any]:
        chat = (
            {"id": chat_id, "title": "两江新区企业服务群", "type": "supergroup"}
            if int(chat_id) < 0
            else {"id": chat_id, "first_name": "伟", "type": "private"}
        )
        msg: dict[str, Any] = {
            "message_id": message_id,
            "from": {k: BOT_USER[k] for k in ("id", "is_bot", "first_name", "username")},
            "chat": chat,
            "date": SENT_DATE,
            "text": html.unescape(re.sub(r"<[^>]+>", "", params.get("text", "…"))),
        }
        if params.get("reply_markup"):
            msg["reply_markup"] = params["reply_markup"]
        return msg


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every inline button under a message (sent params or returned message)."""
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


class Harness:
    """A real ``telegram.ext.Application`` on the engine, behind ``FakeBotAPI``; feed it update JSON."""

    def __init__(self, engine: Engine):
        self.api = FakeBotAPI()
        self.sleeps: list[float] = []
        self.app = build_application(engine, TOKEN, request=self.api, get_updates_request=self.api, sleep=self._sleep)
        self.loop = asyncio.new_event_loop()

    async def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def __enter__(self) -> Harness:
        self.loop.run_until_complete(self.app.initialize())
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.run_until_complete(self.app.shutdown())
        self.loop.run_until_complete(self.loop.shutdown_default_executor())
        self.loop.close()

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(coro)

    def feed(self, update: dict[str, Any]) -> list[Call]:
        """Process one update as the Bot API sent it; return the API calls it caused."""
        before = len(self.api.calls)
        self.run(self.app.process_update(Update.de_json(update, self.app.bot)))
        return self.api.calls[before:]

    def last_message(self) -> dict[str, Any]:
        """The message Telegram returned for the latest sendMessage."""
        return self.api.of("sendMessage")[-1].result  # type: ignore[no-any-return]

    def press(
        self, text: str, message: dict[str, Any] | None = None, sender: dict[str, Any] | None = None
    ) -> list[Call]:
        """Press the button labelled ``text`` (or with that callback data) under ``message`` (default: latest)."""
        message = message or self.last_message()
        found = [
            b for b in buttons(message) if text in (b["text"], b["text"].split(" ", 1)[-1], b.get("callback_data"))
        ]
        assert found, f"no button {text!r} in {[b['text'] for b in buttons(message)]}"
        return self.feed(callback(message, found[0]["callback_data"], sender))


class _Params:
    """What ``FakeBotAPI.do_request`` reads of a request: its parameters."""

    def __init__(self, parameters: dict[str, Any]):
        self.parameters = parameters


RAW_PARAMS = frozenset({"text", "url", "secret_token", "callback_query_id", "caption"})
"""Parameters python-telegram-bot sends as plain strings (every other value is JSON-encoded)."""
LONG_POLL_SECONDS = 0.5
"""The longest a getUpdates call waits for an update here (Telegram waits up to its ``timeout``)."""


class FakeBotServer(FakeBotAPI):
    """``FakeBotAPI`` over HTTP: a Starlette app answering ``/bot<token>/<method>`` as api.telegram.org does.

    Run it with ``wx_helpers.serve`` on 127.0.0.1 and point the bot at it with ``POLICYBOT_TELEGRAM_API_BASE``
    (``<base>/bot``). ``deliver`` plays Telegram's side of a webhook: it posts an update to the URL the bot
    registered with ``setWebhook``, moved onto a local server, with the secret it registered.
    """

    def __init__(self) -> None:
        super().__init__()
        self.polls: list[dict[str, Any]] = []
        """Parameters of every getUpdates call (the bot is polling)."""

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/bot{token}/{method}", self.handle, methods=["GET", "POST"])])

    async def handle(self, request: Request) -> Response:
        if request.path_params["token"] != TOKEN:
            return Response(b'{"ok": false, "error_code": 401, "description": "Unauthorized"}', status_code=401)
        method = request.path_params["method"]
        form = parse_qsl((await request.body()).decode(), keep_blank_values=True)  # PTB posts url-encoded forms
        params = {k: (v if k in RAW_PARAMS else _json_or_text(v)) for k, v in form}
        if method == "getUpdates":
            self.polls.append(params)
        if method == "getUpdates" and not self.updates:
            waited = 0.0
            while not self.updates and waited < min(float(params.get("timeout") or 0), LONG_POLL_SECONDS):
                await asyncio.sleep(0.02)
                waited += 0.02
        status, body = await self.do_request(f"/{method}", "POST", _Params(params))  # type: ignore[arg-type]
        return Response(body, status_code=status, media_type="application/json")

    def webhook(self) -> dict[str, Any]:
        """The parameters of the latest setWebhook."""
        return self.of("setWebhook")[-1].params

    def deliver(self, local_base: str, update: dict[str, Any]) -> httpx.Response:
        """POST ``update`` as Telegram does to the registered webhook's path on ``local_base``."""
        hook = self.webhook()
        headers = {"X-Telegram-Bot-Api-Secret-Token": hook["secret_token"]}
        return httpx.post(local_base + urlsplit(hook["url"]).path, json=update, headers=headers, timeout=30)


def _json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
