"""Plain HTTP on a real uvicorn server: /api/ask, /healthz, the page, Telegram's mount."""

from __future__ import annotations

import sys
import threading
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from bot.engine import Engine
from handlers.app import create_app
from handlers.texts import load_texts
from tests.helpers import NO_PG, make_engine, pg_schema, pg_url
from tests.staff_log import copy_knowledge
from tests.wx_helpers import config, fresh, serve, turns

TIMEOUT = 10.0
RELOAD_SECONDS = 15.0
UNREACHABLE_LOOKS = 8
"""Looks at /healthz, 0.2 s apart, while PostgreSQL refuses the server's connections (the pool tries at 0, 1 s…)."""


@pytest.fixture
def base(engine: Engine) -> Iterator[str]:
    with serve(create_app(engine, config())) as url:
        yield url


def ask(base: str, text: Any, user: Any = None) -> httpx.Response:
    body = {"text": text} if user is None else {"text": text, "user": user}
    return httpx.post(base + "/api/ask", json=body, timeout=TIMEOUT)


def test_ask_returns_the_structured_reply(base: str, engine: Engine) -> None:
    data = ask(base, "专精特新要什么条件", "staff-1").json()
    assert data["intent"] == "zjtx" and data["kind"] == "answer" and data["user"] == "staff-1"
    assert data["candidates"][0]["intent"] == "zjtx" and data["options"][0]["key"] == "1"
    assert set(data) >= {"text", "kind", "intent", "score", "candidates", "options", "expects", "reason", "data"}
    (row,) = turns(engine, channel="web")
    assert row["intent"] == "zjtx"


def test_ask_keeps_dialogue_state_per_user(base: str) -> None:
    user = fresh("web-")
    first = ask(base, "研发费用加计扣除", user).json()
    key = next(o["key"] for o in first["options"] if o["action"].startswith("section:"))
    follow = ask(base, key, user).json()
    assert follow["intent"] == "rd_deduction" and follow["kind"] == "section"
    other = ask(base, key, fresh("web-")).json()
    assert other["kind"] == "no_option"


def test_ask_without_user_gets_one(base: str) -> None:
    data = ask(base, "你好").json()
    assert data["user"].startswith("web-") and data["intent"] == "greeting"


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"txt": "x"}',
        b'{"text": 5}',
        b'{"text": "x", "user": "a b"}',
        b'{"text": "x", "user": 5}',
        b"[" * 20000 + b"]" * 20000,  # deeper than the JSON parser's recursion limit
    ],
    ids=["not json", "list", "no text", "text not a string", "bad user", "user not a string", "deep nesting"],
)
def test_bad_requests_are_400_with_a_json_error(body: bytes, base: str) -> None:
    response = httpx.post(base + "/api/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "error" in response.json()


def test_oversized_ask_is_413(base: str) -> None:
    response = httpx.post(base + "/api/ask", content=b'{"text": "' + b"a" * 65536 + b'"}')
    assert response.status_code == 413


def test_get_on_ask_is_405(base: str) -> None:
    assert httpx.get(base + "/api/ask").status_code == 405


def test_healthz(base: str, engine: Engine) -> None:
    data = httpx.get(base + "/healthz").json()
    assert data["status"] == "ok" and data["database"] == "ok"
    assert data["knowledge_version"] == engine.knowledge.version
    assert data["channels"] == {"wechat": "ok", "wecom": "ok"}
    assert isinstance(data["pid"], int)


def test_healthz_does_not_wait_for_a_busy_database(base: str, engine: Engine) -> None:
    holder = threading.Thread(target=_hold, args=(engine.storage.lock, 2.0))  # a thread waiting for the write lock
    holder.start()
    try:
        time.sleep(0.1)
        started = time.monotonic()
        response = httpx.get(base + "/healthz")
        assert time.monotonic() - started < 1.0
        assert response.status_code == 200 and response.json()["database"] == "busy"
    finally:
        holder.join()


def test_healthz_on_postgresql_reports_a_lost_database_then_its_return(tmp_path: Any) -> None:
    """The database drops the server's connections, then refuses new ones: /healthz says so (503), then ok again."""
    if pg_url() is None:
        pytest.skip(NO_PG)
    import psycopg

    with pg_schema() as url, psycopg.connect(url, autocommit=True) as admin:
        role = f"r_{fresh()}"
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw'")  # type: ignore[arg-type]
        admin.execute(f"GRANT ALL ON SCHEMA {_schema_of(url)} TO {role}")  # type: ignore[arg-type]
        parts = urlsplit(url)
        engine = make_engine(urlunsplit(parts._replace(netloc=f"{role}:pw@{parts.netloc.rpartition('@')[2]}")))
        try:
            with serve(create_app(engine, config())) as base:
                assert httpx.get(base + "/healthz").json()["database"] == "ok"
                admin.execute(f"ALTER ROLE {role} NOLOGIN")  # type: ignore[arg-type]
                admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'")  # type: ignore[arg-type]
                assert _health(base) == (503, "unreachable")  # the connection it had is dropped…
                for _ in range(UNREACHABLE_LOOKS):  # …and the pool's tries to make a new one fail
                    time.sleep(0.2)
                    assert _health(base) == (503, "unreachable")
                admin.execute(f"ALTER ROLE {role} LOGIN")  # type: ignore[arg-type]
                deadline = time.monotonic() + RELOAD_SECONDS
                while _health(base) != (200, "ok"):
                    assert time.monotonic() < deadline, "the pool did not reconnect"
                    time.sleep(0.2)
                assert ask(base, "高企认定条件").json()["intent"] == "high_tech_enterprise"
        finally:
            engine.storage.close()
            admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'")  # type: ignore[arg-type]
            admin.execute(f"DROP OWNED BY {role} CASCADE")  # type: ignore[arg-type]
            admin.execute(f"DROP ROLE {role}")  # type: ignore[arg-type]


def _schema_of(url: str) -> str:
    return url.rsplit("search_path%3D", 1)[1]


def _health(base: str) -> tuple[int, str]:
    response = httpx.get(base + "/healthz", timeout=TIMEOUT)
    return response.status_code, response.json()["database"]


def _hold(lock: Any, seconds: float) -> None:
    with lock:
        time.sleep(seconds)


def test_page_is_served_with_the_yaml_words(base: str) -> None:
    response = httpx.get(base + "/")
    texts = load_texts(None)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert f"<title>{texts.page.title}</title>" in response.text and texts.page.placeholder in response.text
    assert "http://" not in response.text and "https://" not in response.text  # self-contained


@dataclass
class FakeMount:
    calls: list[str] = field(default_factory=list)

    @property
    def routes(self) -> list[Route]:
        async def hook(request: Any) -> PlainTextResponse:
            return PlainTextResponse("telegram ok")

        return [Route("/telegram/hook", hook, methods=["POST"])]

    async def startup(self) -> None:
        self.calls.append("startup")

    async def shutdown(self) -> None:
        self.calls.append("shutdown")


def test_telegram_webhook_is_mounted_and_started(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    mount = FakeMount()
    module = types.ModuleType("handlers.telegram")
    module.webhook_mount = lambda eng: mount  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "handlers.telegram", module)
    with serve(create_app(engine, config())) as url:
        assert httpx.post(url + "/telegram/hook").text == "telegram ok"
        assert mount.calls == ["startup"]
    assert mount.calls == ["startup", "shutdown"]


def test_app_works_without_the_telegram_module(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "handlers.telegram", None)  # import raises ImportError
    with serve(create_app(engine, config())) as url:
        assert ask(url, "你好").status_code == 200


def test_a_failing_telegram_setup_does_not_stop_the_others(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("handlers.telegram")

    def broken(eng: Any) -> None:
        raise ValueError("bad token")

    module.webhook_mount = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "handlers.telegram", module)
    with serve(create_app(engine, config())) as url:
        assert ask(url, "你好").status_code == 200


def test_app_opens_its_own_engine_from_the_environment(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYBOT_DB", str(tmp_path / "own.db"))
    monkeypatch.setenv("POLICYBOT_WECHAT_TOKEN", "t")
    app = create_app()
    with serve(app) as url:
        assert ask(url, "高企认定条件").json()["intent"] == "high_tech_enterprise"
        assert httpx.get(url + "/healthz").json()["channels"]["wechat"] == "ok"
    assert (tmp_path / "own.db").exists()


def test_yaml_edits_reach_the_page_and_the_api_without_a_restart(tmp_path: Any) -> None:
    """Staff edit the knowledge folder while the server runs: the page and the answers follow."""
    root = copy_knowledge(tmp_path)
    engine = make_engine(tmp_path / "reload.db", knowledge=root)
    try:
        with serve(create_app(engine, config(reload_settle=0.3))) as url:
            channels = root / "channels.yaml"
            channels.write_text(
                channels.read_text(encoding="utf-8").replace("政策咨询机器人 · 试用", "试用页（已修改）"),
                encoding="utf-8",
            )
            deadline = time.monotonic() + RELOAD_SECONDS
            while "试用页（已修改）" not in httpx.get(url + "/").text:
                assert time.monotonic() < deadline, "the edit was not picked up"
                time.sleep(0.1)
            health = httpx.get(url + "/healthz").json()
            assert health["knowledge_version"] == engine.knowledge.version and health["reload"]["ok"]
    finally:
        engine.storage.close()


def test_a_body_that_never_arrives_is_refused_not_held(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    from urllib.parse import urlsplit

    from handlers import wxbase

    monkeypatch.setattr(wxbase, "BODY_SECONDS", 0.3)
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
        sock.sendall(
            b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
        )
        status = sock.recv(64).split(b" ")[1]
    assert status == b"408"
