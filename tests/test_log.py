"""Every turn is logged before the reply, masked and hashed; bad input never crashes and is never lost."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Engine
from bot.models import Inbound
from bot.storage import Busy, Storage, mask
from tests.helpers import ROOT, User


def rows(engine: Engine) -> list[dict]:
    return engine.storage.turns()


def test_a_turn_row_has_everything_a_reviewer_needs(engine: Engine) -> None:
    User(engine, "wx-openid-123").say("专精特信要什么条件？")
    (row,) = rows(engine)
    assert row["channel"] == "test" and row["intent"] == "zjtx" and row["kind"] == "answer"
    assert row["user_hash"] and "wx-openid-123" not in json.dumps(row, ensure_ascii=False)
    assert row["normalized"] == "专精特信要什么条件"
    assert json.loads(row["candidates"])[0]["intent"] == "zjtx"
    assert row["knowledge_version"] == engine.knowledge.version
    assert row["latency_ms"] >= 0 and row["ts"].endswith("+00:00")


def test_personal_data_is_masked() -> None:
    text = "我电话13812345678，身份证110101199003071234，邮箱a.b@example.com"
    masked = mask(text)
    assert "13812345678" not in masked and "110101199003071234" not in masked and "example.com" not in masked


MASKED = {
    "13812345678": "[手机号]",
    "１３８１２３４５６７８": "[手机号]",
    "138.1234.5678": "[手机号]",
    "138 1234 5678": "[手机号]",
    "1381 234 5678": "[手机号]",
    "+86 138-1234-5678": "[手机号]",
    "023-63891234": "[电话]",
    "(023)63891234": "[电话]",
    "110101199003071234": "[身份证号]",
    "500101 19900101 1234": "[身份证号]",
    "11010119900307123X": "[身份证号]",
    "6222021234567890123": "[银行卡号]",
    "6222 0212 3456 7890": "[银行卡号]",
    "91500000MA5U8JKL3X": "[信用代码]",
    "915000002028145678": "[信用代码]",
    "a.b@example.com": "[邮箱]",
}


@pytest.mark.parametrize("raw", list(MASKED))
def test_every_form_of_personal_data_is_masked(raw: str) -> None:
    assert mask(f"联系我 {raw} 谢谢") == f"联系我 {MASKED[raw]} 谢谢"


def test_figures_are_not_masked() -> None:
    for text in ("去年营收3000万", "研发费用300万元", "2025年目标", "12345"):
        assert mask(text) == text


@pytest.mark.parametrize("raw", ["１３８１２３４５６７８", "138 1234 5678", "500101 19900101 1234"])
def test_no_column_of_the_log_shows_the_number(engine: Engine, raw: str) -> None:
    User(engine, f"pii-{raw}").say(f"请联系我 {raw}")
    row = rows(engine)[-1]
    digits = "".join(
        ch for ch in mask(raw.translate(str.maketrans("０１２３４５６７８９", "0123456789"))) if ch.isdigit()
    )
    plain = "".join(ch for ch in raw.translate(str.maketrans("０１２３４５６７８９", "0123456789")) if ch.isdigit())
    for column in ("text", "normalized", "reply"):
        assert plain not in (row[column] or "").replace(" ", ""), column
    assert digits == ""


def test_masked_in_the_log(engine: Engine) -> None:
    User(engine).say("请联系我 13812345678")
    assert "13812345678" not in rows(engine)[0]["text"]


def test_wal_mode_and_rows_survive_a_killed_process(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    code = (
        f"import os, sys; sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})\n"
        "from tests.helpers import make_engine, User\n"
        f"e = make_engine({str(db)!r}); r = User(e).say('首台套有什么补贴')\n"
        "print(r.intent, flush=True); os._exit(9)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "first_set_equipment"
    conn = sqlite3.connect(db)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert conn.execute("select intent from turns").fetchall() == [("first_set_equipment",)]


BAD = [
    "",
    "   \n\t ",
    "a" * 100_000,
    "😀" * 20,
    "\x00\x07\x1b[31m研发\x08",
    "'; DROP TABLE turns; --",
    "\ud800",
    "1" * 50,
]


def test_bad_input_gets_a_polite_reply_and_a_log_row(engine: Engine) -> None:
    user = User(engine)
    for text in BAD:
        reply = user.say(text)
        assert reply.text and "Traceback" not in reply.text
        assert reply.kind != "error" and reply.act != "error", f"an internal error answered {text[:20]!r}"
    logged = rows(engine)
    assert len(logged) == len(BAD)
    assert [r["error"] for r in logged] == [None] * len(BAD), "the engine failed inside (the apology hid it)"
    assert "turns" in engine.storage.db.table_names()


def test_non_text_messages_are_asked_to_type(engine: Engine) -> None:
    reply = engine.respond(Inbound("test", "u", "", kind="image"))
    assert reply.kind == "unsupported" and "文字" in reply.text


def test_an_internal_error_is_apologised_for_and_logged(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("bot.engine.handle.respond", boom)
    reply = User(engine).say("加计扣除")
    assert reply.kind == "error" and "secret" not in reply.text and reply.options
    row = rows(engine)[0]
    assert row["kind"] == "error" and "RuntimeError" in row["error"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_no_text_makes_respond_raise(engine: Engine, text: str) -> None:
    reply = engine.respond(Inbound("prop", "p", text))
    assert isinstance(reply.text, str) and reply.text
    assert reply.kind != "error", f"an internal error answered {text!r}"


def test_a_state_that_cannot_be_saved_never_costs_the_log_row(engine: Engine, caplog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(engine.storage, "save_state", broken)
    reply = User(engine).say("专精特新要什么条件")
    assert reply.kind == "answer"
    assert [r["intent"] for r in rows(engine)] == ["zjtx"]
    assert "could not store the dialogue state" in caplog.text


def test_a_writer_with_little_patience_is_told_busy_and_writes_nothing(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "busy.db")
    staff_tool = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    staff_tool.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with pytest.raises(Busy), storage.patience(0.05):
            storage.save_state("k", {"a": 1})
    finally:
        staff_tool.execute("COMMIT")
    assert storage.load_state("k", 60) == {}
    storage.save_state("k", {"a": 1})  # once it is free, the same write goes through
    assert storage.load_state("k", 60) == {"a": 1}
    staff_tool.close()
    storage.close()


def test_writes_in_one_transaction_are_stored_together_or_not_at_all(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "tx.db")
    with pytest.raises(RuntimeError), storage.transaction():
        storage.save_state("k", {"a": 1})
        storage.log_turn({"channel": "test", "user_hash": "h", "text": "x"})
        raise RuntimeError("the process fails half-way")
    assert storage.load_state("k", 60) == {} and storage.turns() == []
    with storage.transaction():
        storage.save_state("k", {"a": 1})
        storage.log_turn({"channel": "test", "user_hash": "h", "text": "x"})
    assert storage.load_state("k", 60) == {"a": 1} and len(storage.turns()) == 1
    storage.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom bot.storage import Storage\n"
        "s = Storage(sys.argv[1])\n"
        "for i in range(300):\n"
        "    with s.transaction():\n"
        "        s.log_turn({'channel': sys.argv[2], 'user_hash': 'h', 'text': str(i)})\n"
        "        s.save_state(sys.argv[2], {'n': i})\n"
    )
    db = str(tmp_path / "two.db")
    Storage(db).close()
    procs = [subprocess.Popen([sys.executable, "-c", script, db, name], cwd=ROOT) for name in ("a", "b")]
    assert [p.wait(60) for p in procs] == [0, 0]
    storage = Storage(db)
    assert len(storage.turns("channel = 'a'")) == len(storage.turns("channel = 'b'")) == 300
    assert storage.load_state("a", 60) == {"n": 299} == storage.load_state("b", 60)
    storage.close()


def test_a_failed_start_of_a_transaction_lets_go_of_the_writers_gate(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import bot.storage

    first, second = Storage(tmp_path / "g.db"), Storage(tmp_path / "g.db")
    real = bot.storage._try_begin

    def broken(conn: sqlite3.Connection, wait: float) -> bool:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(bot.storage, "_try_begin", broken)
    with pytest.raises(sqlite3.DatabaseError):
        first.save_state("k", {"a": 1})
    monkeypatch.setattr(bot.storage, "_try_begin", real)
    with second.patience(0.5):  # the other process is not locked out
        second.save_state("k", {"b": 2})
    assert first.load_state("k", 60) == {"b": 2}
    first.close()
    second.close()


def test_a_failure_that_ends_the_transaction_stores_nothing_half(engine: Engine, caplog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    user = User(engine)
    user.say("我们能评专精特新吗")
    before = len(rows(engine))

    def disk_full(row: dict) -> int:
        engine.storage.db.conn.execute("ROLLBACK")  # what SQLite does on SQLITE_FULL or an I/O error
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(engine.storage, "log_turn", disk_full)
    user.say("是")
    monkeypatch.undo()
    assert len(rows(engine)) == before and "could not store the turn" in caplog.text
    assert "第 2 项" in user.say("是").text  # the state did not move on without its log row


def test_an_internal_error_keeps_the_conversation(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.dialogue import handle

    user = User(engine, "keeps")
    first = user.say("专精特新够不够条件")
    real = handle.respond

    def boom(t, inbound, max_chars):  # type: ignore[no-untyped-def]
        t.state.clear()  # a failure half-way through must not cost the user's check
        raise RuntimeError("internal")

    monkeypatch.setattr("bot.engine.handle.respond", boom)
    assert user.say("是").kind == "error"
    monkeypatch.setattr("bot.engine.handle.respond", real)
    again = user.say("是")
    assert again.act == "answer" and again.data["criterion"] != first.data["criterion"]
