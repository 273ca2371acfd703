"""The storage seam on both back ends (SQLite file, PostgreSQL): what the engine and the channels rely on."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot import schema
from bot.cli import main
from bot.dedupe import Dedupe, ReplayError, Role
from bot.schema import SchemaError
from bot.storage import Busy, Storage
from bot.store import Unreachable, open_storage
from tests.helpers import NO_PG, ROOT, User, make_engine, own_cluster, pg_schema, pg_url

ROW = {"channel": "test", "user_hash": "h", "text": "x"}


def test_writes_in_one_transaction_are_stored_together_or_not_at_all(db_target: Path | str) -> None:
    storage = open_storage(db_target)
    with pytest.raises(RuntimeError), storage.transaction():
        storage.save_state("k", {"a": 1})
        storage.log_turn(ROW)
        raise RuntimeError("the process fails half-way")
    assert storage.load_state("k", 60) == {} and storage.turns() == []
    with storage.transaction():
        storage.save_state("k", {"a": 1})
        first = storage.log_turn(ROW)
    assert storage.load_state("k", 60) == {"a": 1} and [r["id"] for r in storage.turns()] == [first]
    storage.close()


def test_a_failed_write_inside_a_transaction_does_not_cost_the_others(db_target: Path | str) -> None:
    """PostgreSQL aborts a transaction on any error: each nested part is a savepoint, as the engine needs."""
    storage = open_storage(db_target)
    with storage.transaction():
        storage.log_turn({**ROW, "text": "before"})
        with pytest.raises(Exception, match="no_such_table"), storage.transaction() as conn:
            conn.execute("INSERT INTO no_such_table VALUES (1)")
        assert storage.in_transaction
        storage.log_turn({**ROW, "text": "after"})
    assert [r["text"] for r in storage.turns()] == ["before", "after"]
    storage.close()


def test_a_state_that_cannot_be_saved_never_costs_the_log_row(both_engine, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    storage = both_engine.storage
    real = storage.save_state

    def broken(key: str, data: dict, now: float | None = None) -> None:
        with storage.transaction() as conn:  # a statement the database refuses, inside the turn's transaction
            real(key, data, now)
            conn.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(storage, "save_state", broken)
    assert User(both_engine).say("专精特新要什么条件").kind == "answer"
    assert [r["intent"] for r in storage.turns()] == ["zjtx"]
    assert "could not store the dialogue state" in caplog.text


def test_the_salt_and_a_conversation_outlive_the_process(db_target: Path | str) -> None:
    first = make_engine(db_target)
    User(first, "keeps").say("专精特新够不够条件")
    salt = first.salt
    first.storage.close()
    second = make_engine(db_target)
    assert second.salt == salt
    assert "第 2 项" in User(second, "keeps").say("是").text
    second.storage.close()


def test_the_schema_version_is_recorded_and_a_newer_one_refused(db_target: Path | str) -> None:
    storage = open_storage(db_target)
    with storage.reading() as conn:
        assert schema.version(conn, storage.dialect) == schema.VERSION
    with storage.transaction() as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(schema.VERSION + 1)])
    storage.close()
    with pytest.raises(SchemaError):
        open_storage(db_target)
    result = CliRunner().invoke(main, ["--db", str(db_target), "ask", "你好"])
    assert result.exit_code != 0 and f"schema version {schema.VERSION + 1}" in result.output


def test_a_log_from_before_schema_versions_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    first_release = [f"{c} TEXT" for c in schema.TURN_COLUMNS if c not in ("id", "act", "via")]
    conn.execute(f"CREATE TABLE turns (id INTEGER PRIMARY KEY, {', '.join(first_release)})")
    conn.execute(
        "INSERT INTO turns (ts, channel, user_hash, text) VALUES ('2026-01-01T00:00:00+00:00', 'c', 'h', 'old')"
    )
    conn.commit()
    conn.close()
    storage = Storage(db)
    assert [(r["text"], r["act"], r["via"]) for r in storage.turns()] == [("old", None, None)]
    with storage.reading() as c:
        assert schema.version(c, schema.SQLITE) == schema.VERSION
    storage.close()


def test_processes_opening_one_database_at_once_create_it_once(db_target: Path | str) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_one() -> None:
        try:
            barrier.wait()
            open_storage(db_target).close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []


def test_a_row_another_host_holds_makes_an_impatient_writer_busy(db_target: Path | str) -> None:
    a, b = open_storage(db_target), open_storage(db_target)
    outcome: list[object] = []
    with a.transaction():
        a.save_state("k", {"host": "a"})

        def impatient() -> None:
            try:
                with b.patience(0.05):
                    b.save_state("k", {"host": "b"})
                outcome.append("written")
            except Busy:
                outcome.append("busy")

        thread = threading.Thread(target=impatient)
        thread.start()
        thread.join(10)
    assert outcome == ["busy"] and b.load_state("k", 60) == {"host": "a"}
    b.save_state("k", {"host": "b"})  # once the row is free, the same write goes through
    assert a.load_state("k", 60) == {"host": "b"}
    a.close()
    b.close()


def test_one_nonce_claimed_at_once_on_two_hosts_for_two_messages_is_a_replay(db_target: Path | str) -> None:
    stores = [open_storage(db_target), open_storage(db_target)]
    dedupes = [Dedupe(s) for s in stores]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def claim(d: Dedupe, key: str) -> None:
        barrier.wait()
        try:
            results.append(d.begin("wechat", key, nonce="1700000000:7").role)
        except ReplayError:
            results.append("replay")

    threads = [threading.Thread(target=claim, args=(d, f"msg-{i}")) for i, d in enumerate(dedupes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(map(str, results)) == sorted([str(Role.OWNER), "replay"])
    for s in stores:
        s.close()


def test_two_processes_writing_at_once_lose_nothing(db_target: Path | str) -> None:
    script = (
        "import sys\nfrom bot.store import open_storage\n"
        "s = open_storage(sys.argv[1])\n"
        "for i in range(200):\n"
        "    with s.transaction():\n"
        "        s.log_turn({'channel': sys.argv[2], 'user_hash': 'h', 'text': str(i)})\n"
        "        s.save_state(sys.argv[2], {'n': i})\n"
    )
    open_storage(db_target).close()
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db_target), n], cwd=ROOT) for n in ("a", "b")]
    assert [p.wait(60) for p in procs] == [0, 0]
    storage = open_storage(db_target)
    assert len(storage.turns("channel = 'a'")) == len(storage.turns("channel = 'b'")) == 200
    assert storage.load_state("a", 60) == {"n": 199} == storage.load_state("b", 60)
    storage.close()


# -- moving a log, and what an operator sees ---------------------------------------------------------------
def test_migrate_moves_an_sqlite_log_and_its_conversations(tmp_path: Path) -> None:
    if pg_url() is None:
        pytest.skip(NO_PG)
    db = tmp_path / "old.db"
    before = make_engine(db)
    user = User(before, "moving")
    user.say("专精特新要什么条件")
    user.say("有用")
    user.say("专精特新够不够条件")
    user.say("是")
    rows = before.storage.turns()
    before.storage.close()
    with pg_schema() as url:
        result = CliRunner().invoke(main, ["--db", str(db), "migrate", "--to", url])
        assert result.exit_code == 0, result.output
        assert f"copied {len(rows)} turns, 1 feedback, 1 state, 0 review_done" in result.output
        after = make_engine(url)
        try:
            assert after.storage.turns() == rows
            assert "第 3 项" in User(after, "moving").say("是").text, "the check goes on where it was"
            assert after.storage.turns()[-1]["id"] == rows[-1]["id"] + 1
        finally:
            after.storage.close()
        again = CliRunner().invoke(main, ["--db", str(db), "migrate", "--to", url])
        assert again.exit_code != 0 and "already holds a log" in again.output


def test_an_unreachable_database_is_a_clean_error_without_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    import bot.pgstore

    monkeypatch.setattr(bot.pgstore, "CONNECT_TIMEOUT", 0.5)
    url = "postgresql://bot:s3cret@127.0.0.1:1/policybot"
    result = CliRunner().invoke(main, ["--db", url, "ask", "你好"])
    assert result.exit_code != 0
    assert "cannot open the log database postgresql://bot@127.0.0.1:1/policybot" in result.output
    assert "s3cret" not in result.output


def test_a_server_stopped_under_a_transaction_is_unreachable_and_found_again_once_back() -> None:
    """The next statement raises Unreachable (a Busy: the answering threads wait it out), the transaction is not
    committed, and once the server is back the same store writes again, without being reopened."""
    pytest.importorskip("psycopg")
    with own_cluster() as cluster:
        storage = open_storage(cluster.url)
        try:
            with pytest.raises(Unreachable), storage.transaction():
                storage.log_turn({**ROW, "text": "half a turn"})
                cluster.down()
                storage.save_state("k", {"a": 1})
            with pytest.raises(Unreachable), storage.patience(0.5):
                storage.turns()  # no new connection can be made either
            cluster.up()
            storage.log_turn({**ROW, "text": "after"})
            assert [r["text"] for r in storage.turns()] == ["after"] and storage.load_state("k", 60) == {}
        finally:
            storage.close()


def test_psycopg_is_imported_only_for_a_postgresql_url(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom bot.engine import open_engine\nimport handlers.app, bot.staff\n"
        "open_engine(None, sys.argv[1]).storage.close()\n"
        "assert not [m for m in sys.modules if m.startswith('psycopg')], 'psycopg imported for an SQLite file'\n"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.db")], cwd=ROOT, check=True)


def test_the_callers_sql_means_the_same_on_both(db_target: Path | str) -> None:
    """``?`` placeholders, and a ``%`` or ``?`` inside quotes, with and without parameters."""
    storage = open_storage(db_target)
    storage.log_turn({**ROW, "text": "50%?"})
    with storage.reading() as conn:
        assert conn.execute("SELECT count(*) FROM turns WHERE text LIKE '%\\%?' ESCAPE '\\'").fetchone()[0] == 1
        assert conn.execute("SELECT text FROM turns WHERE text = ? AND '?' = '?'", ["50%?"]).fetchone()[0] == "50%?"
        assert (
            conn.execute("SELECT text FROM turns WHERE text LIKE '5%' AND channel = ?", ["test"]).fetchone()[0]
            == "50%?"
        )
    assert [r["text"] for r in storage.turns("text LIKE '%?' AND channel = ?", ["test"])] == ["50%?"]
    storage.close()


def test_migrate_says_what_it_needs(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    open_storage(db).close()
    not_url = CliRunner().invoke(main, ["--db", str(db), "migrate", "--to", str(tmp_path / "other.db")])
    assert not_url.exit_code != 0 and "--to must be a postgresql:// URL" in not_url.output
    from_url = CliRunner().invoke(main, ["--db", "postgresql://h/x", "migrate", "--to", "postgresql://h/y"])
    assert from_url.exit_code != 0 and "--db must name the SQLite file" in from_url.output
