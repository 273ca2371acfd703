"""Storage faults behind a real server: a database locked for long, a PostgreSQL server down for long, a full or
read-only disk, the WAL's growth."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import bot.pgstore
import bot.storage
from bot.engine import Engine
from bot.storage import Storage
from tests.helpers import Cluster, make_engine, own_cluster
from tests.wx_helpers import (
    WECHAT_AES_KEY,
    WECHAT_APPID,
    FakeApi,
    Official,
    StaffTool,
    fields_of,
    fresh_message,
    running,
    serve,
    turns,
)

TIMEOUT = 10.0
BUSY_TIMEOUT = 0.3
"""Stands for SQLite's 30-second busy timeout, so that a lock "held over 30 s" takes a second here."""
WAIT_TIMEOUT = 0.3
"""Stands for the 30 seconds a PostgreSQL caller waits for a connection, so that an outage "over 30 s" takes
seconds here (the server is really down all that time)."""
RECONNECT_SECONDS = 0.5
"""Stands for the 5 seconds the pool tries to reconnect before it starts over."""
OUTAGE = 10 * WAIT_TIMEOUT
"""Ten waits long: psycopg_pool's own pauses between tries (1, 2, 4 s…) would miss the server's return by seconds."""
RECOVERY = 1.5
"""Seconds within which the late answer goes out once the server is back."""
WECHAT_WAIT = 5.0
"""Seconds WeChat waits for a passive reply before it gives up on it and retries."""


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(tmp_path / "log.db")
    yield eng
    eng.storage.close()


@pytest.fixture
def fake_api() -> Iterator[tuple[FakeApi, str]]:
    api = FakeApi()
    with serve(api.app()) as base:
        yield api, base + "/cgi-bin/"


def message(**values: str) -> str:
    return fresh_message("wechat", "text", "o", **values)


def post(base: str, params: dict[str, str], body: bytes) -> httpx.Response:
    return httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)


def content(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    return str(Official().read(response)["Content"])


def health(base: str) -> dict:  # type: ignore[type-arg]
    return httpx.get(base + "/healthz", timeout=TIMEOUT).json()  # type: ignore[no-any-return]


# -- a database locked for longer than the busy timeout -----------------------------------------------------


def test_a_message_acknowledged_during_a_long_lock_is_answered_late_and_logged_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_api: tuple[FakeApi, str]
) -> None:
    monkeypatch.setattr(bot.storage, "BUSY_TIMEOUT", BUSY_TIMEOUT)
    engine = make_engine(tmp_path / "log.db")
    api, api_base = fake_api
    cfg = {"wechat_appid": "wx_test", "wechat_secret": "s3cret", "wechat_api_base": api_base, "reply_budget": 0.2}
    xml = message()
    params, body = Official().request(xml)
    staff_tool = StaffTool(engine.storage.path, 30 * BUSY_TIMEOUT)
    try:
        with running(engine, **cfg) as base:
            staff_tool.take()
            try:
                assert post(base, params, body).text == "success"  # acknowledged: WeChat will not retry for ever
                assert post(base, params, body).text == "success"  # WeChat's retry
                time.sleep(4 * BUSY_TIMEOUT)  # the busy timeout has run out several times
                assert not api.sent("message/custom/send") and turns(engine, channel="wechat") == []
                web = httpx.post(base + "/api/ask", json={"text": "高企认定条件"}, timeout=TIMEOUT)
                assert web.status_code == 200 and web.json()["intent"] == "high_tech_enterprise"
                during = health(base)
                assert during["status"] == "degraded" and "held the database" in during["cause"]
            finally:
                staff_tool.close()
            assert api.arrived.wait(TIMEOUT), "the answer went out once the database was back"
            assert post(base, params, body).text == "success"  # a retry after that says nothing more
            after = health(base)
        (sent,) = api.sent("message/custom/send")
        assert sent["touser"] == fields_of(xml)["FromUserName"] and "专精特新" in sent["text"]["content"]
        (row,) = turns(engine, fields_of(xml)["MsgId"], "wechat")
        assert row["intent"] == "zjtx"
        assert after["status"] == "ok" and after["log"]["unlogged_turns"] == 1  # the web turn, answered at once
    finally:
        engine.storage.close()


# -- a PostgreSQL server down for longer than a wait for a connection --------------------------------------


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """A PostgreSQL server of the test's own, to take down (the shared one of POLICYBOT_TEST_PG_URL stays up)."""
    with own_cluster() as made:
        yield made


def test_a_message_acknowledged_while_postgresql_is_down_is_answered_late_and_logged_once(
    cluster: Cluster, monkeypatch: pytest.MonkeyPatch, fake_api: tuple[FakeApi, str]
) -> None:
    monkeypatch.setattr(bot.pgstore, "WAIT_TIMEOUT", WAIT_TIMEOUT)
    monkeypatch.setattr(bot.pgstore, "RECONNECT_SECONDS", RECONNECT_SECONDS)
    engine = make_engine(cluster.url)
    api, api_base = fake_api
    cfg = {
        "wechat_appid": WECHAT_APPID,
        "wechat_secret": "s3cret",
        "wechat_aes_key": WECHAT_AES_KEY,
        "wechat_api_base": api_base,
        "reply_budget": 0.2,
    }
    wechat, xml = Official(), message()
    try:
        with running(engine, **cfg) as base:
            on_time = content(post(base, *wechat.request(message(), "aes")))  # another user, before the outage
            cluster.down()  # the pooled connection is dropped, and no new one can be made
            try:
                started = time.monotonic()
                first = post(base, *wechat.request(xml, "aes"))
                assert first.text == "success" and time.monotonic() - started < WECHAT_WAIT  # acknowledged in time
                assert post(base, *wechat.request(xml, "aes")).text == "success"  # WeChat's retry, signed anew
                time.sleep(OUTAGE)  # the waits for a connection run out again and again
                assert not api.sent("message/custom/send")
                during = httpx.get(base + "/healthz", timeout=TIMEOUT)
            finally:
                cluster.up()  # on the same port
            assert api.arrived.wait(RECOVERY), "the answer went out as soon as the database was back"
            assert post(base, *wechat.request(xml, "aes")).text == "success"  # a retry after that says nothing more
            after = health(base)
        (sent,) = api.sent("message/custom/send")
        assert sent["touser"] == fields_of(xml)["FromUserName"] and sent["text"]["content"] == on_time
        (row,) = turns(engine, fields_of(xml)["MsgId"], "wechat")
        assert row["intent"] == "zjtx"
        assert during.status_code == 503 and during.json()["database"] == "unreachable", during.text
        assert after["status"] == "ok" and after["database"] == "ok", after
    finally:
        engine.storage.close()


# -- a full or read-only disk -------------------------------------------------------------------------------


def break_disk(storage: Storage, fault: str) -> None:
    """Make the engine's connection fail every write as SQLite does on a full disk or a read-only file."""
    conn = storage.db.conn
    with storage.lock:
        if fault == "read-only":
            conn.execute("PRAGMA query_only = 1")
            return
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow…
        with pytest.raises(sqlite3.OperationalError, match="full"):
            while True:  # …and its pages are filled up
                conn.execute(
                    "INSERT INTO turns (ts, channel, user_hash, text) VALUES ('2000-01-01', 'filler', 'f', 'f')"
                )


def mend_disk(storage: Storage, fault: str) -> None:
    conn = storage.db.conn
    with storage.lock:
        conn.execute("PRAGMA query_only = 0" if fault == "read-only" else "PRAGMA max_page_count = 1073741823")


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_a_full_or_read_only_disk_still_answers_and_logging_resumes_by_itself(engine: Engine, fault: str) -> None:
    with running(engine) as base:
        assert "专精特新" in content(post(base, *Official().request(message())))
        break_disk(engine.storage, fault)
        try:
            wechat = post(base, *Official().request(message()))
            assert "专精特新" in content(wechat), "WeChat gets its answer, not a 500"
            web = httpx.post(base + "/api/ask", json={"text": "研发费用加计扣除怎么算"}, timeout=TIMEOUT)
            assert web.status_code == 200 and web.json()["intent"] == "rd_deduction"
            degraded = health(base)
        finally:
            mend_disk(engine.storage, fault)
        assert "专精特新" in content(post(base, *Official().request(message())))
        recovered = health(base)
    assert degraded["status"] == "degraded" and degraded["log"]["unlogged_turns"] == 2
    assert ("full" if fault == "full" else "readonly") in degraded["cause"]
    assert recovered["status"] == "ok" and recovered["log"]["ok"] and recovered["log"]["unlogged_turns"] == 2
    assert len(turns(engine, channel="wechat")) == 2 and turns(engine, channel="web") == []


def test_the_wal_is_checkpointed_on_a_schedule(engine: Engine) -> None:
    wal = Path(f"{engine.storage.path}-wal")
    with running(engine, checkpoint_seconds=0.2) as base:
        for _ in range(5):
            assert content(post(base, *Official().request(message())))
        assert wal.stat().st_size > 0
        deadline = time.monotonic() + TIMEOUT
        while wal.stat().st_size > 0:
            assert time.monotonic() < deadline, "the WAL was never truncated"
            time.sleep(0.05)
    assert len(turns(engine, channel="wechat")) == 5


def test_a_url_check_is_answered_on_a_read_only_disk(engine: Engine) -> None:
    with running(engine, wechat_aes_key=WECHAT_AES_KEY, wechat_appid=WECHAT_APPID) as base:
        break_disk(engine.storage, "read-only")
        try:
            response = httpx.get(base + "/wechat", params=Official().url_check("still-here"), timeout=TIMEOUT)
        finally:
            mend_disk(engine.storage, "read-only")
    assert response.status_code == 200 and response.text == "still-here"
