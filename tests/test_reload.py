"""Live reload: a valid edit replaces the knowledge in one step while requests are answered; a bad one is refused."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.models import Reply
from bot.reload import last_reload, reload_once, watch
from tests.helpers import User, make_engine
from tests.staff_log import copy_knowledge

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
        task = asyncio.create_task(watch(engine, kb, stop, debounce_ms=50, on_reload=on_reload))
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
