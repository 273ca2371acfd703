"""Helpers for the server tests: a real uvicorn on loopback, Tencent-style signing and encryption, a fake API."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
import xmltodict
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from wechatpy.crypto import WeChatCrypto
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto
from wechatpy.utils import WeChatSigner

from bot.models import Inbound, Reply
from bot.store import is_url
from handlers.config import ServerConfig
from tests.helpers import ROOT

PAYLOADS = Path(__file__).resolve().parent / "payloads"
STARTUP_SECONDS = 30.0

# Credentials of the test accounts (not Tencent's sample ones, which the tests use separately).
WECHAT_TOKEN, WECHAT_APPID = "policybot-test", "wx00000000000000aa"
WECHAT_AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
WECOM_TOKEN, WECOM_CORPID, WECOM_AGENTID = "policybot-wecom", "ww00000000000000bb", "1000002"
WECOM_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"


def payload(channel: str, name: str) -> str:
    """A payload file's text, e.g. ``payload("wechat", "text")``."""
    return (PAYLOADS / channel / f"{name}.xml").read_text(encoding="utf-8")


def with_fields(xml: str, **values: str) -> str:
    """The payload with the given fields' values replaced (``Content="…"``, ``MsgId="…"``)."""
    for name, value in values.items():
        pattern = re.compile(rf"<{name}>(.*?)</{name}>", re.DOTALL)
        found = pattern.search(xml)
        assert found, f"payload has no <{name}>"
        inner = f"<![CDATA[{value}]]>" if found.group(1).startswith("<![CDATA[") else value
        xml = xml[: found.start()] + f"<{name}>{inner}</{name}>" + xml[found.end() :]
    return xml


def fields_of(xml: str) -> dict[str, Any]:
    """The fields of a reply's ``<xml>``."""
    return dict(xmltodict.parse(xml)["xml"])


def config(**values: Any) -> ServerConfig:
    """A server configuration for the test accounts; keyword names as in ServerConfig."""
    base: dict[str, Any] = dict(
        wechat_token=WECHAT_TOKEN,
        wecom_token=WECOM_TOKEN,
        wecom_aes_key=WECOM_AES_KEY,
        wecom_corpid=WECOM_CORPID,
        wecom_agentid=WECOM_AGENTID,
    )
    base.update(values)
    return ServerConfig.from_values({f"POLICYBOT_{k.upper()}": v for k, v in base.items()})


def _to_user(xml: str) -> str:
    found = re.search(r"<ToUserName>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</ToUserName>", xml)
    return found.group(1) if found else ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn on a free loopback port in a thread; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(STARTUP_SECONDS)


@contextlib.contextmanager
def server_process(db: Path | str, env: dict[str, str], workers: int = 1) -> Iterator[str]:
    """``policybot serve`` as a child process on a free port; yields the base URL once /healthz answers."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "handlers.cli",
        "--db",
        str(db),
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    child_env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
            assert time.monotonic() < deadline, "server did not start"
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def server_env(**values: str) -> dict[str, str]:
    """Environment variables for a child server with the test accounts."""
    env = {
        "POLICYBOT_WECHAT_TOKEN": WECHAT_TOKEN,
        "POLICYBOT_WECOM_TOKEN": WECOM_TOKEN,
        "POLICYBOT_WECOM_AES_KEY": WECOM_AES_KEY,
        "POLICYBOT_WECOM_CORPID": WECOM_CORPID,
    }
    env.update({f"POLICYBOT_{k.upper()}": v for k, v in values.items()})
    return env


def sign(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return str(signer.signature)


_counter = iter(range(10**9))


def fresh(prefix: str = "") -> str:
    """A unique number as a string (nonces, MsgIds)."""
    return f"{prefix}{time.time_ns() % 10**12}{next(_counter):06d}"


@dataclass
class Official:
    """Sends messages the way the official-account platform does, in a given mode."""

    token: str = WECHAT_TOKEN
    aes_key: str = WECHAT_AES_KEY
    appid: str = WECHAT_APPID

    @property
    def crypto(self) -> WeChatCrypto:
        return WeChatCrypto(self.token, self.aes_key, self.appid)

    def url_check(self, echostr: str = "echo-123", timestamp: int | None = None) -> dict[str, str]:
        stamp, nonce = str(timestamp or int(time.time())), fresh()
        return {"signature": sign(self.token, stamp, nonce), "timestamp": stamp, "nonce": nonce, "echostr": echostr}

    def request(self, xml: str, mode: str = "raw", timestamp: int | None = None) -> tuple[dict[str, str], bytes]:
        """Query parameters and body for ``xml`` in mode raw (plaintext), compat or aes (safe)."""
        stamp, nonce = str(timestamp or int(time.time())), fresh()
        params = {"signature": sign(self.token, stamp, nonce), "timestamp": stamp, "nonce": nonce, "openid": "o"}
        if mode == "raw":
            return params, xml.encode()
        envelope = fields_of(self.crypto.encrypt_message(xml, nonce, stamp))
        params.update(encrypt_type="aes", msg_signature=envelope["MsgSignature"])
        to_user = _to_user(xml)
        if mode == "compat":
            body = xml.replace("</xml>", f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>")
        else:
            encrypt = envelope["Encrypt"]
            body = f"<xml><ToUserName><![CDATA[{to_user}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        return params, body.encode()

    def read(self, response: httpx.Response) -> dict[str, Any]:
        """The reply's fields, decrypted if it is encrypted."""
        outer = fields_of(response.text)
        if "Encrypt" not in outer:
            return outer
        xml = self.crypto.decrypt_message(outer, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"])
        return fields_of(xml)


@dataclass
class Corp:
    """Sends messages the way WeCom does: msg_signature over the encrypted body."""

    token: str = WECOM_TOKEN
    aes_key: str = WECOM_AES_KEY
    corpid: str = WECOM_CORPID

    @property
    def crypto(self) -> WeComCrypto:
        return WeComCrypto(self.token, self.aes_key, self.corpid)

    def url_check(self, echo: str = "1616140317555161061") -> dict[str, str]:
        stamp, nonce = str(int(time.time())), fresh()
        echostr = fields_of(self.crypto.encrypt_message(echo, nonce, stamp))["Encrypt"]
        return {
            "msg_signature": sign(self.token, stamp, nonce, echostr),
            "timestamp": stamp,
            "nonce": nonce,
            "echostr": echostr,
        }

    def request(
        self, xml: str, timestamp: int | None = None, agent: str = WECOM_AGENTID
    ) -> tuple[dict[str, str], bytes]:
        stamp, nonce = str(timestamp or int(time.time())), fresh()
        envelope = fields_of(self.crypto.encrypt_message(xml, nonce, stamp))
        to_user = _to_user(xml)
        body = (
            f"<xml><ToUserName><![CDATA[{to_user}]]></ToUserName>"
            f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt><AgentID><![CDATA[{agent}]]></AgentID></xml>"
        )
        return {"msg_signature": envelope["MsgSignature"], "timestamp": stamp, "nonce": nonce}, body.encode()

    def read(self, response: httpx.Response) -> dict[str, Any]:
        outer = fields_of(response.text)
        return fields_of(self.crypto.decrypt_message(outer, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"]))


class Recorder:
    """Wraps the engine: counts the messages it answers, can rewrite the reply text, can run ``then`` after each."""

    def __init__(
        self,
        engine: Any,
        text: str | None = None,
        options: list[Any] | None = None,
        then: Any = None,
    ):
        self.engine, self.text, self.options, self.then = engine, text, options, then
        self.calls: list[Inbound] = []
        self._lock = threading.Lock()

    def answer(self, inbound: Inbound, log: bool = True) -> Any:
        with self._lock:
            self.calls.append(inbound)
        answered = self.engine.answer(inbound, log=log)
        if self.then is not None:
            self.then()
        if self.text is not None:
            answered.reply.text = self.text
            answered.reply.options = self.options if self.options is not None else answered.reply.options
        return answered

    def respond(self, inbound: Inbound, log: bool = True) -> Reply:
        answered = self.answer(inbound, log)
        self.engine.record(answered)
        return answered.reply  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


class StaffTool:
    """Another program writing to the database: ``take()`` holds its write lock for ``seconds`` (or until
    ``close()``), from a thread of its own. On PostgreSQL it locks the tables a message is stored in."""

    def __init__(self, path: Path | str, seconds: float):
        self.conn: Any
        if is_url(str(path)):
            import psycopg

            self.conn = psycopg.connect(str(path), autocommit=True)
            self.begin = "BEGIN; LOCK TABLE dedupe, turns, state IN EXCLUSIVE MODE"
        else:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.begin = "BEGIN IMMEDIATE"
        self.seconds = seconds
        self.held, self.done = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold)

    def take(self) -> None:
        """Take the lock now (returns once it is held)."""
        if not self.thread.is_alive() and not self.held.is_set():
            self.thread.start()
        self.held.wait()

    def _hold(self) -> None:
        self.conn.execute(self.begin)
        self.held.set()
        try:
            self.done.wait(self.seconds)
        finally:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.done.set()
        if self.thread.is_alive():
            self.thread.join()
        self.conn.close()


@dataclass
class FakeApi:
    """A local stand-in for api.weixin.qq.com / qyapi.weixin.qq.com: hands out tokens, records messages."""

    calls: list[tuple[str, dict[str, Any], Any]] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/cgi-bin/{path:path}", self.handle, methods=["GET", "POST"])])

    async def handle(self, request: Request) -> JSONResponse:
        path = request.path_params["path"]
        body = await request.json() if request.method == "POST" else None
        self.calls.append((path, dict(request.query_params), body))
        if path in ("token", "gettoken"):
            return JSONResponse({"access_token": "ACCESS_TOKEN_TEST", "expires_in": 7200})
        self.arrived.set()
        return JSONResponse({"errcode": 0, "errmsg": "ok"})

    def sent(self, path: str) -> list[Any]:
        return [body for p, _, body in self.calls if p == path]


def turns(engine: Any, message_id: str | None = None, channel: str | None = None) -> list[dict[str, Any]]:
    """Log rows, optionally for one message id and channel."""
    where, params = [], []
    if message_id is not None:
        where.append("message_id = ?")
        params.append(message_id)
    if channel is not None:
        where.append("channel = ?")
        params.append(channel)
    return list(engine.storage.turns(" AND ".join(where) or None, params or None))


def fresh_message(channel: str, name: str = "text", user_prefix: str = "u", **values: str) -> str:
    """A payload with a fresh user and MsgId (so tests sharing the engine do not share dialogue state)."""
    xml = payload(channel, name)
    fresh_values = {"FromUserName": fresh(user_prefix), "CreateTime": str(int(time.time()))}
    if "<MsgId>" in xml:
        fresh_values["MsgId"] = fresh()
    return with_fields(xml, **{**fresh_values, **values})


@contextlib.contextmanager
def running(engine: Any, **cfg: Any) -> Iterator[str]:
    """The real app on ``engine`` with ``cfg``, served by uvicorn on a free loopback port."""
    from handlers.app import create_app

    with serve(create_app(engine, config(**cfg))) as base:
        yield base


def module_engine(name: str) -> Any:
    """A module-scoped fixture: one real engine (on its own SQLite file) shared by a test module's servers."""

    @pytest.fixture(scope="module")
    def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
        from tests.helpers import make_engine

        eng = make_engine(tmp_path_factory.mktemp(name) / "log.db")
        yield eng
        eng.storage.close()

    return shared
