"""Live reload: a valid edit replaces the knowledge in one step while requests are answered; a bad one is refused."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from bot.engine import Engine
from bot.models import Reply
from bot.reload import last_reload, reload_once, watch
from handlers.cli import main
from tests.helpers import User, make_engine
from tests.staff_log import copy_knowledge
from tests.wx_helpers import server_process

MESSAGES = [
    "研发准备金补助怎么申请",
    "专精特新要什么条件",
    "2",
    "高企条件自查",
    "是",
    "不知道",
    "社保补贴怎么领",
    "有用",
    "3",
    "首台套有什么补贴",
    "退出",
    "你好",
]
"""What the talking threads send, round and round (questions, numbers, checklist answers, feedback)."""
THREADS = 4
MARK = "（已更新）"
WAIT_SECONDS = 20


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return copy_knowledge(tmp_path)


@pytest.fixture
def engine(kb: Path, tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(tmp_path / "log.db", kb)
    yield eng
    eng.storage.close()


def _edit_summary(kb: Path, mark: str) -> Path:
    path = kb / "topics" / "rd_reserve.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nsummary: " in text
    path.write_text(text.replace("\nsummary: ", f"\nsummary: {mark}", 1), encoding="utf-8")
    return path


class Talkers:
    """Threads answering messages through the engine until stopped; every reply and failure is kept."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.replies: list[Reply] = []
        self.failures: list[BaseException] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._talk, args=(n,)) for n in range(THREADS)]

    def _talk(self, n: int) -> None:
        user = User(self.engine, f"talker-{n}", "wechat")
        i = n
        while not self.stop.is_set():
            try:
                reply = user.say(MESSAGES[i % len(MESSAGES)])
            except BaseException as exc:  # noqa: BLE001 - recorded, the test fails on it
                self.failures.append(exc)
                return
            with self.lock:
                self.replies.append(reply)
            i += 1

    def wait_for(self, more: int) -> None:
        target = len(self.replies) + more
        deadline = time.monotonic() + WAIT_SECONDS
        while len(self.replies) < target:
            assert time.monotonic() < deadline and not self.failures, self.failures
            time.sleep(0.01)

    def __enter__(self) -> Talkers:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(WAIT_SECONDS)


def test_edits_while_answering_nothing_dropped(engine: Engine, kb: Path, caplog: pytest.LogCaptureFixture) -> None:
    v0 = engine.knowledge.version
    with Talkers(engine) as talkers:
        talkers.wait_for(20)
        path = _edit_summary(kb, MARK)
        during = len(talkers.replies)
        assert reload_once(engine, kb)
        assert len(talkers.replies) > during, "answers kept coming while the new version was checked"
        v1 = engine.knowledge.version
        assert v1 != v0
        talkers.wait_for(20)
        path.write_text(path.read_text(encoding="utf-8") + "\nexamples: [unclosed\n", encoding="utf-8")
        with caplog.at_level(logging.ERROR, logger="bot.reload"):
            assert not reload_once(engine, kb)
        assert engine.knowledge.version == v1, "the old version keeps serving"
        talkers.wait_for(20)
    assert talkers.failures == []
    assert all(t.is_alive() is False for t in talkers.threads)
    replies = talkers.replies
    assert [r.kind for r in replies if r.kind == "error"] == []
    db = engine.storage.db
    assert db.execute("SELECT count(*) FROM turns").fetchone()[0] == len(replies), "every reply was logged"
    versions = {v for (v,) in db.execute("SELECT DISTINCT knowledge_version FROM turns").fetchall()}
    assert versions == {v0, v1}
    assert "rd_reserve.yaml" in caplog.text and f"still answering with version {v1}" in caplog.text
    status = last_reload(engine)
    assert status is not None and status["ok"] is False and status["serving"] == v1
    assert any("rd_reserve.yaml" in p for p in status["problems"])
    fresh = User(engine, "after", "wechat").say("研发准备金补助是什么")
    assert MARK in fresh.text


def test_a_conversation_continues_across_a_reload(engine: Engine, kb: Path) -> None:
    user = User(engine, "mid-checklist", "wecom")
    step = user.say("高企条件自查")
    assert step.kind == "checklist_step"
    _edit_summary(kb, MARK)
    assert reload_once(engine, kb)
    reply = user.say("不知道")
    assert reply.kind in ("checklist_step", "verdict"), reply.text
    assert reply.intent == "high_tech_enterprise"


def test_an_unchanged_folder_is_not_swapped(engine: Engine, kb: Path) -> None:
    before = engine.knowledge
    assert reload_once(engine, kb)
    assert engine.knowledge is before


def test_watch_reloads_when_a_file_changes(engine: Engine, kb: Path) -> None:
    v0 = engine.knowledge.version
    reloaded: list[str] = []

    async def scenario() -> None:
        stop = asyncio.Event()
        on_reload = lambda: reloaded.append(engine.knowledge.version)  # noqa: E731
        task = asyncio.create_task(watch(engine, kb, stop, debounce_ms=50, on_reload=on_reload, settle=0.3, poll=0.1))
        deadline = time.monotonic() + WAIT_SECONDS
        n = 0
        while engine.knowledge.version == v0:
            assert time.monotonic() < deadline, "the watcher never reloaded"
            if n == 0 or n % 10 == 0:  # the watcher may start after the first write
                _edit_summary(kb, f"{MARK}{n}")
            n += 1
            await asyncio.sleep(0.2)
        stop.set()
        await asyncio.wait_for(task, WAIT_SECONDS)

    asyncio.run(scenario())
    assert MARK in (engine.knowledge.topics["rd_reserve"].summary or "")
    assert reloaded and reloaded[-1] != v0  # the server's hook (re-freezing for the collector) ran


# -- content that a reload would silently lose --------------------------------------------------------------
def _before_changes(text: str) -> int:
    """How many lines of rd_deduction.yaml come before its ``changes:`` key.

    Cut there, the file is valid YAML and a valid topic (with its sections), without its calculator and checklist.
    """
    return next(i for i, line in enumerate(text.splitlines()) if line.startswith("changes:"))


def _truncate(kb: Path) -> tuple[Path, str]:
    path = kb / "topics" / "rd_deduction.yaml"
    full = path.read_text(encoding="utf-8")
    path.write_text("".join(full.splitlines(keepends=True)[: _before_changes(full)]), encoding="utf-8")
    return path, full


def _staff(kb: Path, db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--knowledge", str(kb), "--db", str(db), "reload", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_version_that_drops_content_is_held_until_staff_accept_it(
    engine: Engine, kb: Path, caplog: pytest.LogCaptureFixture
) -> None:
    v0 = engine.knowledge.version
    _truncate(kb)
    with caplog.at_level(logging.ERROR, logger="bot.reload"):
        assert not reload_once(engine, kb)
    assert engine.knowledge.version == v0 and engine.knowledge.topics["rd_deduction"].calculator is not None
    status = last_reload(engine)
    assert status is not None and status["serving"] == v0 and status["held"]
    (lost,) = status["held"]["losses"]
    assert "rd_deduction.yaml" in lost and "checklist" in lost and "calculator" in lost
    assert "policybot reload --accept" in caplog.text and "calculator" in caplog.text
    assert "算一算" in User(engine, "still-whole").say("研发费用加计扣除").text
    shown = _staff(kb, engine.storage.path)
    assert status["held"]["version"] in shown and "calculator" in shown
    assert not reload_once(engine, kb), "held again: nobody accepted it yet"
    accepted = _staff(kb, engine.storage.path, "--accept")
    assert f"accepted version {status['held']['version']}" in accepted
    assert reload_once(engine, kb)
    assert engine.knowledge.topics["rd_deduction"].calculator is None
    assert (last_reload(engine) or {}).get("held") is None


def test_a_change_that_loses_nothing_goes_live_without_confirmation(engine: Engine, kb: Path) -> None:
    path = kb / "topics" / "rd_deduction.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nexamples:\n", "\nexamples:\n  - 研发加计扣除新问法一问\n", 1), encoding="utf-8")
    assert reload_once(engine, kb)
    assert "研发加计扣除新问法一问" in engine.knowledge.topics["rd_deduction"].examples


def test_watch_loads_the_files_only_once_they_are_quiet(
    engine: Engine, kb: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A slow upload: the file is written in three parts with pauses; only the whole file is ever loaded."""
    v0 = engine.knowledge.version
    path = kb / "topics" / "rd_deduction.yaml"
    full = path.read_text(encoding="utf-8").replace("\nsummary: ", f"\nsummary: {MARK}", 1)
    lines = full.splitlines(keepends=True)
    parts = ["".join(lines[:120]), "".join(lines[: _before_changes(full)]), full]
    served: list[str] = []

    async def scenario() -> None:
        stop = asyncio.Event()
        on_reload = lambda: served.append(engine.knowledge.version)  # noqa: E731
        task = asyncio.create_task(watch(engine, kb, stop, debounce_ms=50, on_reload=on_reload, settle=2.0, poll=0.1))
        await asyncio.sleep(0.3)
        for part in parts:
            path.write_text(part, encoding="utf-8")
            await asyncio.sleep(0.5)  # a pause well within the settle time
        deadline = time.monotonic() + WAIT_SECONDS
        while engine.knowledge.version == v0:
            assert time.monotonic() < deadline, "the watcher never reloaded"
            await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(task, WAIT_SECONDS)

    with caplog.at_level(logging.INFO, logger="bot.reload"):
        asyncio.run(scenario())
    assert len(served) == 1 and MARK in (engine.knowledge.topics["rd_deduction"].summary or "")
    assert engine.knowledge.topics["rd_deduction"].calculator is not None
    assert "drops content" not in caplog.text and "error" not in caplog.text.lower()


def test_a_held_reload_is_shown_and_accepted_across_two_workers(tmp_path: Path, kb: Path) -> None:
    db = tmp_path / "workers.db"
    env = {"POLICYBOT_KNOWLEDGE": str(kb), "POLICYBOT_RELOAD_SETTLE": "0.3"}
    with server_process(db, env, workers=2) as base:
        (v0,) = {h["knowledge_version"] for h in _workers(base, lambda h: True, "a worker did not start")}
        _truncate(kb)
        held = _workers(base, lambda h: bool((h["reload"] or {}).get("held")), "no worker showed the held reload")
        assert all(h["knowledge_version"] == v0 for h in held), "both workers still serve the whole topic"
        assert "calculator" in held[0]["reload"]["held"]["losses"][0]
        _staff(kb, db, "--accept")
        _workers(base, lambda h: h["knowledge_version"] != v0, "a worker never took the accepted version")


def _workers(base: str, done: object, message: str, workers: int = 2) -> list[dict]:  # type: ignore[type-arg]
    """``/healthz`` of every worker, asked (on new connections) until each one's latest answer is ``done``."""
    latest: dict[int, dict] = {}  # type: ignore[type-arg]
    deadline = time.monotonic() + WAIT_SECONDS
    while len(latest) < workers or not all(done(h) for h in latest.values()):  # type: ignore[operator]
        assert time.monotonic() < deadline, f"{message}: {latest}"
        with httpx.Client() as client:
            health = client.get(base + "/healthz").json()
        latest[health["pid"]] = health
        time.sleep(0.02)
    return list(latest.values())
