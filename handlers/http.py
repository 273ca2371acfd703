"""Plain HTTP: ``POST /api/ask`` (JSON in, the structured reply out), ``GET /healthz`` and the chat page."""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
from typing import Any

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from bot.charts import FONTS
from bot.models import Inbound
from bot.reload import last_reload
from bot.storage import Busy
from bot.store import Unreachable
from handlers.texts import ChannelTexts, LiveTexts
from handlers.wxbase import INLINE_WAIT, Rejected, read_body

logger = logging.getLogger(__name__)

CHANNEL = "web"
MAX_USER_CHARS = 64
_USER = re.compile(r"[\w.:@-]+")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class HttpApi:
    """The endpoints for integrations, monitoring and the chat page."""

    def __init__(self, engine: Any, texts: LiveTexts, channels: dict[str, list[str]]):
        self.engine, self.texts, self.channels = engine, texts, channels
        self._page: tuple[ChannelTexts | None, str] = (None, "")  # (texts it was rendered from, page)

    async def ask(self, request: Request) -> Response:
        """``{"text": "…", "user": "optional id"}`` → the reply as JSON (``Reply.as_dict()`` plus ``user``)."""
        try:
            body = await read_body(request)
        except Rejected as exc:
            return _error(exc.status, exc.reason)
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):  # RecursionError: thousands of nested brackets
            return _error(400, "the body must be JSON")
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return _error(400, 'expected {"text": "…", "user": "…"}')
        user = data.get("user") or f"{CHANNEL}-{secrets.token_hex(8)}"
        if not isinstance(user, str) or len(user) > MAX_USER_CHARS or not _USER.fullmatch(user):
            return _error(400, f"user must be up to {MAX_USER_CHARS} letters, digits or ._:@-")
        reply = await anyio.to_thread.run_sync(self.engine.respond, Inbound(CHANNEL, user, data["text"]))
        return JSONResponse({**reply.as_dict(), "user": user})

    async def healthz(self, request: Request) -> Response:
        """Liveness plus what an operator wants first: the knowledge version, the database, the channels."""
        try:
            with self.engine.storage.patience(INLINE_WAIT), self.engine.storage.reading() as conn:
                conn.execute("SELECT 1").fetchone()
            database = "ok"
        except Unreachable:  # PostgreSQL does not take connections
            database = "unreachable"
        except Busy:  # a thread of this worker waits for the write lock: alive, and the event loop must not wait
            database = "busy"
        except Exception as exc:  # report, do not raise
            logger.exception("health check: database unavailable")
            database = f"error: {type(exc).__name__}"
        channels = {
            name: ("ok" if not missing else "missing " + ", ".join(missing)) for name, missing in self.channels.items()
        }
        log = self.engine.storage.health.as_dict()
        readable = database in ("ok", "busy")
        body = {
            "status": "ok" if readable and log["ok"] else "degraded",
            "knowledge_version": self.engine.knowledge.version,
            "database": database,
            "log": log,
            "channels": channels,
            "reload": self._last_reload(),
            "pid": os.getpid(),
        }
        if not log["ok"]:
            body["cause"] = f"the log cannot be written: {log['fault']}"
        # a log that cannot be written is no reason to take the worker out of service: it still answers
        return JSONResponse(body, status_code=200 if readable else 503)

    def _last_reload(self) -> dict[str, Any] | None:
        with self.engine.storage.patience(INLINE_WAIT):  # on the event loop: never wait long (None if busy)
            return last_reload(self.engine)

    async def page(self, request: Request) -> Response:
        """The chat page."""
        texts = self.texts.current
        if self._page[0] is not texts:
            self._page = (texts, render_page(texts))
        return HTMLResponse(self._page[1])


def render_page(texts: ChannelTexts) -> str:
    """The self-contained chat page, with the words from ``channels.yaml``."""
    words = json.dumps(texts.page.model_dump(), ensure_ascii=False).replace("</", "<\\/")
    title = texts.page.title.replace("&", "&amp;").replace("<", "&lt;")
    return PAGE.replace("{{fonts}}", FONTS).replace("{{title}}", title).replace("{{texts}}", words)


PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
  body { margin: 0; font: 15px/1.55 {{fonts}}; background: #ededed; }
  main { max-width: 720px; margin: 0 auto; display: flex; flex-direction: column; height: 100vh; }
  header { padding: 12px 16px; background: #fff; border-bottom: 1px solid #ddd; }
  header h1 { margin: 0; font-size: 17px; }
  header p { margin: 4px 0 0; color: #666; font-size: 13px; }
  header button { float: right; }
  #log { flex: 1; overflow-y: auto; padding: 12px 16px; }
  .msg { max-width: 85%; margin: 8px 0; padding: 8px 12px; border-radius: 6px; white-space: pre-wrap;
         word-break: break-word; }
  .you { margin-left: auto; background: #95ec69; }
  .bot { background: #fff; }
  .who { display: block; font-size: 12px; color: #888; }
  .options button { margin: 6px 6px 0 0; }
  .meta { margin-top: 6px; font-size: 12px; color: #888; }
  form { display: flex; gap: 8px; padding: 10px 16px; background: #f7f7f7; border-top: 1px solid #ddd; }
  #text { flex: 1; padding: 8px; font-size: 15px; }
  button { padding: 6px 12px; font-size: 14px; cursor: pointer; }
</style>
</head>
<body>
<main>
  <header><button id="new" type="button"></button><h1 id="title"></h1><p id="intro"></p></header>
  <div id="log" aria-live="polite"></div>
  <form id="ask"><input id="text" autocomplete="off" autofocus><button id="send" type="submit"></button></form>
</main>
<script id="texts" type="application/json">{{texts}}</script>
<script>
"use strict";
const T = JSON.parse(document.getElementById("texts").textContent);
const log = document.getElementById("log");
const input = document.getElementById("text");
const KEY = "policybot-user";
document.getElementById("title").textContent = T.title;
document.getElementById("intro").textContent = T.intro;
document.getElementById("send").textContent = T.send;
document.getElementById("new").textContent = T.new_session;
input.placeholder = T.placeholder;

function newUser() {
  const id = "web-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  localStorage.setItem(KEY, id);
  return id;
}
let user = localStorage.getItem(KEY) || newUser();

function bubble(cls, who, text) {
  const div = document.createElement("div");
  div.className = "msg " + cls;
  const name = document.createElement("span");
  name.className = "who";
  name.textContent = who;
  div.append(name, document.createTextNode(text));
  log.append(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

// The numbered options are shown once, as buttons: drop the text's trailing option lines ("1 是  2 否" too).
function withoutOptions(text, options) {
  const lines = text.split("\\n");
  const numbered = options.map(o => o.key + " " + o.label);
  const words = s => s.split(/\\s+/).filter(Boolean).join(" ");
  if (lines.length > numbered.length && lines.slice(-numbered.length).join("\\n") === numbered.join("\\n")) {
    return lines.slice(0, -numbered.length).join("\\n");
  }
  if (lines.length > 1 && words(lines[lines.length - 1]) === words(numbered.join(" "))) {
    return lines.slice(0, -1).join("\\n");
  }
  return text;
}

function showReply(div, reply) {
  div.lastChild.textContent = withoutOptions(reply.text, reply.options || []);
  if (reply.options && reply.options.length) {
    const box = document.createElement("div");
    box.className = "options";
    for (const o of reply.options) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = o.key + " " + o.label;
      b.addEventListener("click", () => send(o.key));
      box.append(b);
    }
    div.append(box);
  }
  const meta = document.createElement("details");
  meta.className = "meta";
  const summary = document.createElement("summary");
  summary.textContent = T.details;
  const body = document.createElement("div");
  body.textContent = T.intent + ": " + (reply.intent || "-") + "  " + T.score + ": " + reply.score +
    "  " + T.reason + ": " + (reply.reason || reply.kind) +
    (reply.candidates || []).map(c => "\\n" + (c.intent || "-") + " " + c.score + " " + c.via).join("");
  meta.append(summary, body);
  div.append(meta);
}

async function send(text) {
  if (!text.trim()) return;
  bubble("you", T.you, text);
  const div = bubble("bot", T.bot, T.thinking);
  try {
    const r = await fetch("/api/ask", {method: "POST", headers: {"Content-Type": "application/json"},
                                       body: JSON.stringify({text: text, user: user})});
    if (!r.ok) throw new Error(String(r.status));
    showReply(div, await r.json());
  } catch (e) {
    div.lastChild.textContent = T.error;
    div.classList.add("error");
  }
  log.scrollTop = log.scrollHeight;
}

document.getElementById("ask").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = input.value;
  input.value = "";
  send(text);
});
document.getElementById("new").addEventListener("click", () => { user = newUser(); log.replaceChildren(); });
</script>
</body>
</html>
"""
