"""bot/dedupe.py: a message id is answered once, within a process and across processes sharing the file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.dedupe import Dedupe, ReplayError, Role
from bot.store import open_storage


@pytest.fixture
def two(db_target: Path | str) -> Iterator[tuple[Dedupe, Dedupe]]:
    """Two Dedupe objects on two connections to one database, like two worker processes (or hosts)."""
    a, b = open_storage(db_target), open_storage(db_target)
    yield Dedupe(a), Dedupe(b)
    a.close()
    b.close()


def test_first_claim_owns_and_a_local_retry_follows(two: tuple[Dedupe, Dedupe]) -> None:
    d, _ = two
    owner = d.begin("wechat", "m1")
    retry = d.begin("wechat", "m1")
    assert (owner.role, retry.role) == (Role.OWNER, Role.LOCAL)
    got: list[object] = []
    waiter = threading.Thread(target=lambda: got.append(d.follow(retry, 5)))
    waiter.start()
    assert d.finish(owner, "answer") is False
    waiter.join(5)
    assert got[0] is not None and got[0].value == "answer"  # type: ignore[attr-defined]


def test_a_retry_in_another_process_reads_the_stored_answer(two: tuple[Dedupe, Dedupe]) -> None:
    a, b = two
    owner = a.begin("wecom", "m2")
    remote = b.begin("wecom", "m2")
    assert remote.role is Role.REMOTE and b.follow(remote, 0.05) is None
    a.finish(owner, "reply")
    outcome = b.follow(remote, 1)
    assert outcome is not None and (outcome.done, outcome.value, outcome.handed_off) == (True, "reply", False)
    again = a.begin("wecom", "m2")
    assert again.role is Role.REMOTE and a.follow(again, 0).value == "reply"  # type: ignore[union-attr]


def test_hand_off_tells_retries_to_stay_silent(two: tuple[Dedupe, Dedupe]) -> None:
    a, b = two
    owner = a.begin("wechat", "m3")
    assert a.hand_off(owner) is True  # in memory: it must not wait for a database that may be the reason
    local = a.follow(a.begin("wechat", "m3"), 0)
    assert local is not None and local.handed_off
    remote = b.begin("wechat", "m3")
    assert b.follow(remote, 0.05) is None  # another process learns it once the answer is stored
    assert a.finish(owner, "late") is True
    outcome = b.follow(remote, 1)
    assert outcome is not None and outcome.handed_off
    done = a.begin("wechat", "m4")
    a.finish(done, "x")
    assert a.hand_off(done) is False


def test_channels_do_not_share_ids(two: tuple[Dedupe, Dedupe]) -> None:
    a, _ = two
    assert a.begin("wechat", "same").role is Role.OWNER
    assert a.begin("wecom", "same").role is Role.OWNER


def test_a_nonce_used_by_another_message_is_a_replay(two: tuple[Dedupe, Dedupe]) -> None:
    a, b = two
    a.begin("wechat", "m5", nonce="1700000000:42")
    assert b.begin("wechat", "m5", nonce="1700000000:42").role is Role.REMOTE  # a retry: same message
    with pytest.raises(ReplayError):
        b.begin("wechat", "m6", nonce="1700000000:42")


def test_an_abandoned_claim_is_taken_over(db_target: Path | str) -> None:
    storage = open_storage(db_target)
    now = [1000.0]
    d = Dedupe(storage, stale_seconds=30, clock=lambda: now[0])
    d.begin("wechat", "m7")  # its process dies: never finished
    fresh = Dedupe(storage, stale_seconds=30, clock=lambda: now[0])
    assert fresh.begin("wechat", "m7").role is Role.REMOTE
    now[0] += 31
    assert fresh.begin("wechat", "m7").role is Role.OWNER
    storage.close()


def test_old_ids_are_forgotten(db_target: Path | str) -> None:
    storage = open_storage(db_target)
    now = [1000.0]
    d = Dedupe(storage, keep_seconds=100, clock=lambda: now[0])
    d.finish(d.begin("wechat", "old"), "x")
    now[0] += 500
    d.begin("wechat", "new")
    assert d.outcome("wechat", "old") is None and d.outcome("wechat", "new") is not None
    storage.close()


def test_many_threads_one_owner(db_target: Path | str) -> None:
    storage = open_storage(db_target)
    d = Dedupe(storage)
    roles: list[Role] = []
    threads = [threading.Thread(target=lambda: roles.append(d.begin("wechat", "m8").role)) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert roles.count(Role.OWNER) == 1 and len(roles) == 16
    storage.close()


def test_an_answer_computed_before_claiming_is_stored_once(two: tuple[Dedupe, Dedupe]) -> None:
    a, b = two
    stored: list[str] = []
    assert a.known("wechat", "s1", "1:1") is None
    first = a.settle("wechat", "s1", "1:1", "answer", lambda: stored.append("a"))
    assert first.role is Role.OWNER and first.settled.is_set() and first.value == "answer"
    assert b.known("wechat", "s1", "1:1") is not None  # a retry elsewhere does not compute it again …
    late = b.settle("wechat", "s1", "1:1", "another answer", lambda: stored.append("b"))
    assert late.role is Role.REMOTE and stored == ["a"]  # … and if it did, stores nothing
    outcome = b.follow(late, 0)
    assert outcome is not None and outcome.value == "answer"
    with pytest.raises(ReplayError):
        b.known("wechat", "s2", "1:1")


def test_a_message_answered_in_a_thread_here_is_followed_not_recomputed(two: tuple[Dedupe, Dedupe]) -> None:
    a, _ = two
    owner = a.begin("wechat", "s3")
    retry = a.known("wechat", "s3")
    assert retry is not None and retry.role is Role.LOCAL
    a.finish(owner, "x")
    assert a.follow(retry, 0) is not None


def test_an_owner_that_fails_releases_its_retries_and_the_id(two: tuple[Dedupe, Dedupe]) -> None:
    a, b = two
    owner = a.begin("wechat", "f1")
    retry = a.begin("wechat", "f1")
    a.abandon(owner)  # computing or storing the answer raised
    outcome = a.follow(retry, 0)
    assert outcome is not None and not outcome.done and outcome.value is None  # the retry says "success" now
    assert b.begin("wechat", "f1").role is Role.OWNER  # WeChat's next retry is answered afresh


def test_an_answered_message_retried_after_a_minute_gets_the_same_answer(db_target: Path | str) -> None:
    now = [1_000_000.0]
    storage = open_storage(db_target)
    d = Dedupe(storage, clock=lambda: now[0])
    first = d.begin("wechat", "m-late")
    assert first.role == Role.OWNER
    d.finish(first, "the answer")
    now[0] += 120  # past the 60 s after which an unfinished claim may be taken over
    retry = Dedupe(storage, clock=lambda: now[0]).begin("wechat", "m-late")
    assert retry.role == Role.REMOTE, "answered once: a late retry is not answered (or logged) again"
    assert d.outcome("wechat", "m-late") is not None and d.outcome("wechat", "m-late").value == "the answer"  # type: ignore[union-attr]
    storage.close()
