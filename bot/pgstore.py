"""PostgreSQL storage: the same seam as ``bot.storage.Storage``, shared by every host (psycopg 3 with a pool).

Imported only when a ``postgresql://`` URL is given (``pip install 'policybot[postgres]'``). The SQL of the
callers (dedupe, reload, the staff tools) is written once with ``?`` placeholders; ``Connection`` hands it to
psycopg with ``%s``. A nested ``transaction()`` is a savepoint, so one part of a turn that fails (its state) does
not cost the others (its log row), as with SQLite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg
from psycopg import errors, pq
from psycopg.conninfo import make_conninfo
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from bot import schema
from bot.health import WriteHealth
from bot.schema import TURN_COLUMNS, turn_row
from bot.storage import Busy, Storage, _patience
from bot.store import Unreachable, describe

logger = logging.getLogger(__name__)

POOL_MIN = 1
POOL_MAX = 16
"""Connections per process: ``serve``'s answering threads (8 first tries, 4 patient ones), the event loop, the rest."""
CONNECT_TIMEOUT = 10.0
"""Seconds to wait for the database when a process opens it (then the command fails, saying so)."""
WAIT_TIMEOUT = 30.0
"""Seconds a caller without patience waits for a pooled connection (then ``Unreachable``, or ``Busy``)."""
RECONNECT_SECONDS = 5.0
"""How long the pool tries to replace a lost connection (pausing 1, 2, … s between tries) before it starts over:
a server back after a long outage is found within seconds (psycopg_pool's default, 5 minutes of ever longer
pauses, could leave the bot answering late, and /healthz saying unreachable, for minutes after its return)."""
APP_NAME = "policybot"

_PLACEHOLDER = re.compile(r"'[^']*'|\?|%")


@functools.lru_cache(maxsize=256)
def to_pg(sql: str) -> str:
    """For a query with parameters: ``?`` becomes ``%s`` (not inside quotes) and every literal ``%`` ``%%``."""

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        return token.replace("%", "%%") if token.startswith("'") else ("%s" if token == "?" else "%%")

    return _PLACEHOLDER.sub(sub, sql)


class Connection:
    """A pooled psycopg connection that speaks the callers' SQL (``?`` placeholders), like ``sqlite3``'s."""

    def __init__(self, raw: psycopg.Connection[Any]):
        self.raw = raw
        self.depth = 0
        """Savepoints open in this thread's transaction."""

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        cursor = self.raw.cursor()
        if params:
            cursor.execute(to_pg(sql), params)  # type: ignore[arg-type]
        else:  # no parameters: psycopg reads no placeholders, and a % is itself
            cursor.execute(sql)  # type: ignore[arg-type]
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        cursor.executemany(to_pg(sql), rows)  # type: ignore[arg-type]
        return cursor

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def commit(self) -> None:
        self.raw.commit()


class PgStorage:
    """The log, dialogue state and feedback in one PostgreSQL database shared by every process and host.

    Each outermost ``transaction()`` takes a connection from the pool for its thread; reads outside one take a
    connection in autocommit mode. Within ``patience(seconds)`` (the server's event loop) a caller waits no longer
    than that for a pooled connection or for a row another host has locked (the same user, the same message id):
    it gets ``Busy``, with nothing written, and the server moves the message to a thread that may wait.
    """

    dialect = schema.POSTGRESQL
    patience = staticmethod(Storage.patience)
    holding = staticmethod(Storage.holding)
    hash_user = staticmethod(Storage.hash_user)

    def __init__(self, url: str, min_size: int = POOL_MIN, max_size: int = POOL_MAX):
        self.url = url
        self.path = describe(url)
        """Where the data is, for messages (no password)."""
        self.lock = threading.RLock()
        self.health = WriteHealth()
        """Failed writes and unlogged turns, for ``/healthz`` (as for SQLite)."""
        self._local = threading.local()
        self._made_count = 0
        """Connections the pool has made (counted by its ``configure`` callback, ``_made``)."""
        self._counting = threading.Lock()
        self._attempts = (0, 0, False)
        """Connections made and failed attempts at the last look, and whether it found the server unreachable."""
        try:
            conninfo = make_conninfo(url, application_name=APP_NAME)
        except psycopg.ProgrammingError as exc:
            raise ConnectionError(f"not a PostgreSQL URL: {exc}") from None
        self.pool = ConnectionPool(
            conninfo,
            min_size=min_size,
            max_size=max_size,
            kwargs={"autocommit": True},
            timeout=WAIT_TIMEOUT,
            reconnect_timeout=RECONNECT_SECONDS,
            reconnect_failed=_start_over,
            configure=self._made,
            open=False,
            name=APP_NAME,
        )
        try:
            self.pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except PoolTimeout:
            self.pool.close()
            raise ConnectionError(f"cannot connect to {self.path} within {CONNECT_TIMEOUT:g} s") from None
        self._attempts = (self._made_count, self.pool.get_stats().get("connections_errors", 0), False)
        try:
            with self.transaction() as conn:
                schema.upgrade(conn, schema.POSTGRESQL)
        except psycopg.Error as exc:
            self.pool.close()
            raise ConnectionError(f"{self.path}: {type(exc).__name__}: {exc}") from None
        except BaseException:
            self.pool.close()
            raise

    # -- connections and transactions ------------------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        """Whether this thread is inside a transaction that can still be committed."""
        held: Connection | None = getattr(self._local, "conn", None)
        return held is not None and held.raw.info.transaction_status == pq.TransactionStatus.INTRANS

    @contextlib.contextmanager
    def _pooled(self) -> Iterator[psycopg.Connection[Any]]:
        """A connection from the pool for this block.

        Raises:
            Unreachable: the server does not take connections, or dropped this one (it is going down, say);
                whatever the block did is not committed, unless the drop came during its COMMIT.
            Busy: no connection came free in time (the caller's patience, else ``WAIT_TIMEOUT``).
        """
        limit = _patience.get()
        try:
            with self.pool.connection(timeout=limit) as raw:
                try:
                    yield raw
                except psycopg.OperationalError as exc:
                    if not raw.broken:
                        raise
                    self._unreachable(dropped=True)  # until a new connection is made
                    raise Unreachable(f"{self.path} dropped the connection: {exc}") from exc
        except PoolTimeout:
            if self._unreachable():
                raise Unreachable(f"{self.path} does not take connections") from None
            raise Busy("no database connection free") from None

    def _made(self, conn: psycopg.Connection[Any]) -> None:
        with self._counting:
            self._made_count += 1

    def _unreachable(self, dropped: bool = False) -> bool:
        """Whether the server is out of reach: a connection just ``dropped``, or attempts failed since the last look.

        Else a connection made since then says it is reachable; with neither (an attempt under way counts as
        neither), the verdict stays as at the last look.
        """
        made, failed = self._made_count, self.pool.get_stats().get("connections_errors", 0)
        seen_made, seen_failed, verdict = self._attempts
        if dropped:
            verdict = True
        elif made != seen_made:
            verdict = False
        elif failed != seen_failed:
            verdict = True
        self._attempts = (made, failed, verdict)
        return verdict

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads: this thread's transaction if it has one, else a pooled one (autocommit)."""
        held: Connection | None = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        with self._pooled() as raw:
            yield Connection(raw)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (COMMIT, or ROLLBACK on error); a nested one is a savepoint of the outer one.

        BEGIN and the lock timeout go in one round trip, and a savepoint is only rolled back to, never released
        (COMMIT releases them all): on a database across the network every round trip counts.
        """
        held: Connection | None = getattr(self._local, "conn", None)
        if held is not None:
            yield from self._savepoint(held)
            return
        limit = _patience.get()
        with self._pooled() as raw:
            conn = Connection(raw)
            self._local.conn = conn
            try:
                with _busy_on_lock():
                    raw.execute("BEGIN" + (f"; SET LOCAL lock_timeout = {max(1, int(limit * 1000))}" if limit else ""))
                    try:
                        yield conn
                    except BaseException:
                        if raw.info.transaction_status != pq.TransactionStatus.UNKNOWN:
                            raw.execute("ROLLBACK")
                        raise
                    if raw.info.transaction_status == pq.TransactionStatus.INERROR:
                        raw.execute("ROLLBACK")
                        raise psycopg.errors.InFailedSqlTransaction(
                            "a statement failed: the transaction is rolled back"
                        )
                    raw.execute("COMMIT")
            finally:
                self._local.conn = None

    @staticmethod
    def _savepoint(held: Connection) -> Iterator[Connection]:
        name = f"s{held.depth}"
        held.depth += 1
        try:
            with _busy_on_lock():
                held.raw.execute(f"SAVEPOINT {name}")
                try:
                    yield held
                except BaseException:
                    if held.raw.info.transaction_status in (pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR):
                        held.raw.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    raise
        finally:
            held.depth -= 1

    # -- meta, log, feedback, dialogue state --------------------------------------------------------------
    def salt(self, configured: str = "") -> str:
        """The salt for user-id hashes: the configured one, else a random one kept in this database."""
        if configured:
            return configured
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('salt', ?) ON CONFLICT (key) DO NOTHING", [secrets.token_hex(16)]
            )
            return str(conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0])

    def log_turn(self, row: dict[str, Any]) -> int:
        """Write one turn (committed before the reply goes out); returns its id."""
        row = turn_row(row)
        sql = f"INSERT INTO turns ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)}) RETURNING id"
        with self.transaction() as conn:
            return int(conn.execute(sql, list(row.values())).fetchone()[0])

    def turns(self, where: str | None = None, params: Any = None) -> list[dict[str, Any]]:
        """Rows of the log (oldest first)."""
        sql = "SELECT * FROM turns" + (f" WHERE {where}" if where else "") + " ORDER BY id"
        with self.reading() as conn:
            cursor = conn.raw.cursor(row_factory=dict_row)
            cursor.execute(to_pg(sql) if params else sql, params or None)  # type: ignore[arg-type]
            return list(cursor.fetchall())

    # feedback and dialogue state: the same SQL as SQLite's (``?`` becomes ``%s`` in ``Connection``)
    add_feedback = Storage.add_feedback
    load_state = Storage.load_state
    save_state = Storage.save_state

    # -- the staff tools ------------------------------------------------------------------------------
    def snapshot(self, since: dt.date | None = None, until: dt.date | None = None) -> sqlite3.Connection:
        """The log of a period (with its feedback and the review decisions) copied into an in-memory SQLite.

        The report's queries are SQLite's (Datasette runs the same ones); they run unchanged on the copy. The
        period is widened by a day on each side, as local days differ from UTC ones; the queries cut it exactly.
        """
        target = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        target.execute("BEGIN")
        schema.upgrade(target, schema.SQLITE)
        target.execute("COMMIT")
        where, params = [], []
        if since:
            where.append("ts >= ?")
            params.append((since - dt.timedelta(days=1)).isoformat())
        if until:
            where.append("ts < ?")
            params.append((until + dt.timedelta(days=2)).isoformat())
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        columns = ", ".join(TURN_COLUMNS)
        with self.reading() as conn, conn.raw.transaction():
            conn.raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            _copy_rows(conn, target, f"SELECT {columns} FROM turns{clause}", "turns", list(TURN_COLUMNS), params)
            lowest = target.execute("SELECT min(id) FROM turns").fetchone()[0]
            _copy_rows(
                conn,
                target,
                "SELECT id, ts, turn_id, user_hash, intent, useful FROM feedback WHERE turn_id >= ?",
                "feedback",
                ["id", "ts", "turn_id", "user_hash", "intent", "useful"],
                [lowest if lowest is not None else 0],
            )
            _copy_rows(
                conn,
                target,
                "SELECT normalized, ts, decision, intent FROM review_done",
                "review_done",
                ["normalized", "ts", "decision", "intent"],
                [],
            )
        return target

    def checkpoint(self, wait: float = 0.0) -> bool:
        """Nothing to do: PostgreSQL checkpoints its own write-ahead log (SQLite's needs the schedule)."""
        return True

    def close(self) -> None:
        """Close the pool's connections."""
        self.pool.close()


SNAPSHOT_BATCH = 5000
"""Rows fetched and inserted at a time by ``snapshot`` and ``migrate``."""


def _copy_rows(
    conn: Connection, target: sqlite3.Connection, sql: str, table: str, columns: list[str], params: list[Any]
) -> int:
    cursor = conn.execute(sql, params)
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    total = 0
    while batch := cursor.fetchmany(SNAPSHOT_BATCH):
        target.executemany(insert, batch)
        total += len(batch)
    return total


def _start_over(pool: ConnectionPool[Any]) -> None:
    """The pool gave up replacing a connection (after ``RECONNECT_SECONDS``): try again at once, then as before."""
    if not pool.closed:
        pool.check()  # with no connection in the pool, it starts a new attempt


@contextlib.contextmanager
def _busy_on_lock() -> Iterator[None]:
    """A lock wait past the caller's patience (``lock_timeout``) is ``Busy``, as with SQLite."""
    try:
        yield
    except errors.LockNotAvailable:
        raise Busy("a row is held by another transaction (another host answering the same user or message)") from None


class MigrateError(Exception):
    """The log cannot be moved (the target already holds one)."""


MIGRATED = {
    "turns": list(TURN_COLUMNS),
    "feedback": ["id", "ts", "turn_id", "user_hash", "intent", "useful"],
    "state": ["key", "data", "updated"],
    "review_done": ["normalized", "ts", "decision", "intent"],
}
"""What ``migrate`` copies, with ids kept (answered-message ids and wechatpy's token expire within hours)."""


def _clean(value: Any) -> Any:
    return value.replace("\0", "") if isinstance(value, str) else value  # PostgreSQL's text holds no NUL


def migrate(source: Storage, target: PgStorage) -> dict[str, int]:
    """Copy an SQLite log into an empty PostgreSQL database, in one transaction; rows copied per table.

    The salt comes along, so that a user's hash (and dialogue state) stays the same after the move.

    Raises:
        MigrateError: the target already holds log rows, feedback or dialogue state.
    """
    counts: dict[str, int] = {}
    with source.reading() as src, target.transaction() as conn:
        held = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM turns) OR EXISTS (SELECT 1 FROM feedback) OR EXISTS (SELECT 1 FROM state)"
        ).fetchone()[0]
        if held:
            raise MigrateError(f"{target.path} already holds a log; migrate only into an empty database")
        salt = src.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        if salt:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('salt', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [salt[0]],
            )
        for table, columns in MIGRATED.items():
            names = ", ".join(columns)
            rows = src.execute(f"SELECT {names} FROM {table}")
            counts[table] = 0
            with conn.raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                while batch := rows.fetchmany(SNAPSHOT_BATCH):
                    for row in batch:
                        copy.write_row([_clean(v) for v in row])
                    counts[table] += len(batch)
        for table in ("turns", "feedback"):  # new rows are numbered after the copied ones
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            )
    return counts
