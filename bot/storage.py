"""SQLite storage: the conversation log, dialogue state and feedback (sqlite-utils, WAL mode)."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
import json
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from bot import schema
from bot.health import WriteHealth
from bot.schema import turn_row

try:
    import fcntl
except ImportError:  # not POSIX: SQLite's own locking alone orders the writers
    fcntl = None  # type: ignore[assignment]

_FULL_WIDTH = str.maketrans("０１２３４５６７８９＋－．＠", "0123456789+-.@")
"""Full-width digits and signs as a phone types them (１３８…): masked as their ASCII forms."""
_SEP = r"[-. ]?"
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
r"""Starts only where a word starts: linear on long texts (a CJK run is all ``\w``)."""
_ID_CARD = re.compile(
    r"(?<![\dA-Za-z])\d{6} ?(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?\d{3}[\dXx](?![\dA-Za-z])"
    r"|(?<![\dA-Za-z])\d{15}(?![\dA-Za-z])"
)
"""18 digits (region, a plausible birth date, sequence, check), spaces allowed between the parts; or the old 15."""
_CREDIT_CODE = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Za-z])")
"""统一社会信用代码: 18 characters, letters allowed (an all-digit one that is no ID card is caught here too)."""
_BANK_CARD = re.compile(r"(?<![\d])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{4,7}(?!\d)")
"""16 to 19 digits, in groups of four or not."""
_PHONE = re.compile(rf"(?<![\d])(?:\+?86{_SEP})?1[3-9](?:{_SEP}\d){{9}}(?!\d)")
"""A mobile number however its eleven digits are grouped (138 1234 5678, 1381 234 5678, 138.1234.5678)."""
_LANDLINE = re.compile(r"(?<![\d])(?:\+?86[- ]?)?\(?0\d{2,3}\)?[- ]?\d{7,8}(?!\d)")


def mask(text: str) -> str:
    """Hide e-mail addresses, ID-card numbers, credit codes, bank cards and phone numbers (linear in the text)."""
    text = text.translate(_FULL_WIDTH)
    text = _EMAIL.sub("[邮箱]", text)
    text = _ID_CARD.sub("[身份证号]", text)
    text = _CREDIT_CODE.sub("[信用代码]", text)
    text = _BANK_CARD.sub("[银行卡号]", text)
    text = _PHONE.sub("[手机号]", text)
    return _LANDLINE.sub("[电话]", text)


BUSY_TIMEOUT = 30.0
"""Seconds a write waits for another writer (another process, a staff tool) before it fails."""

_patience: contextvars.ContextVar[float | None] = contextvars.ContextVar("policybot_storage_patience", default=None)


class Busy(Exception):
    """The database (or this process's connection) was held longer than the caller was willing to wait."""


CHECKPOINT_WAIT = 0.5
"""Seconds a scheduled WAL checkpoint waits for readers and writers before it gives up until the next one."""

GATE_POLL = 0.0001
"""Seconds between tries of the writers' gate for a caller with limited patience (the event loop)."""


def _busy(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` says another connection holds a lock (any extended code of SQLITE_BUSY or _LOCKED)."""
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _fault(exc: BaseException) -> bool:
    """Whether ``exc`` says the database cannot be written (a full or read-only disk, an I/O error, corruption)."""
    storage_error = isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError
    return storage_error and not _busy(exc)  # type: ignore[arg-type]


def _try_begin(conn: sqlite3.Connection, wait: float) -> bool:
    """BEGIN IMMEDIATE, waiting up to ``wait`` seconds for the write lock; False if another writer kept it."""
    conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if _busy(exc):
            return False
        raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    return True


class Storage:
    """One SQLite file shared by every channel and process.

    Writers take a gate first: an exclusive ``flock`` on ``<db>.lock``, so a writer that waits for another
    process is woken the moment it is done, instead of retrying on SQLite's busy-handler sleeps (1 to 100 ms).
    Code that must not wait long (the server's event loop) says so with ``patience(seconds)``: waiting longer
    than that — for this process's other threads, another process or another program — raises ``Busy``, with
    nothing written.
    """

    dialect = schema.SQLITE

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=BUSY_TIMEOUT, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.lock = threading.RLock()
        """Orders this process's threads on the one connection."""
        self._depth = 0  # nested transactions (only the holder of ``lock`` reads or changes it)
        self._gate = self.path.with_name(self.path.name + ".lock").open("a+b") if fcntl else None
        self.health = WriteHealth()
        """Whether writes succeed; turns that could not be stored are counted here."""
        with self.lock:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            if self._gate is not None:  # a new file's switch to WAL fails, without waiting, while another opens it
                self._take_gate(None)
            try:
                self.db.enable_wal()
            finally:
                self._ungate()
            conn.execute("PRAGMA synchronous = NORMAL")
            self._schema()

    @property
    def in_transaction(self) -> bool:
        """Whether a write transaction is open (SQLite ends it by itself on a full disk or an I/O error)."""
        return self.db.conn.in_transaction

    # -- locking -----------------------------------------------------------------------------------
    @staticmethod
    @contextlib.contextmanager
    def patience(seconds: float) -> Iterator[None]:
        """Within this block (this thread or task), waiting longer than ``seconds`` for a lock raises ``Busy``."""
        token = _patience.set(seconds)
        try:
            yield
        finally:
            _patience.reset(token)

    @staticmethod
    def impatient() -> bool:
        """Whether the caller set a ``patience`` (and so wants ``Busy`` rather than a long wait)."""
        return _patience.get() is not None

    @staticmethod
    @contextlib.contextmanager
    def holding(lock: threading.Lock | threading.RLock) -> Iterator[None]:
        """Hold ``lock``, waiting no longer than the caller's patience."""
        limit = _patience.get()
        if not lock.acquire(timeout=-1 if limit is None else limit):
            raise Busy("a lock of this process is held")
        try:
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reads (WAL: readers never wait for writers, only for this process's threads)."""
        with self.holding(self.lock):
            yield self.db.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on error); nested ones join the outer one."""
        with self.holding(self.lock):
            if self._depth:
                self._depth += 1
                try:
                    yield self.db.conn
                finally:
                    self._depth -= 1
                return
            conn = self.db.conn
            try:
                gated = self._begin(conn)
            except sqlite3.Error as exc:
                if _fault(exc):
                    self.health.failed(str(exc))
                raise
            self._depth = 1
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:  # also after a failed COMMIT: never leave the write lock held
                    conn.execute("ROLLBACK")
                if _fault(exc):
                    self.health.failed(str(exc))
                raise
            else:
                self.health.succeeded()
            finally:
                self._depth = 0
                if gated:
                    self._ungate()

    def _begin(self, conn: sqlite3.Connection) -> bool:
        """BEGIN IMMEDIATE; True if the writers' gate is held with it (to be let go after COMMIT).

        The gate is only ever held together with SQLite's write lock, so waiting for it means waiting for one
        transaction of ours; with patience, the wait stops at the deadline all the same. If another program
        holds the write lock, the gate is let go at once and the wait is SQLite's (the whole busy timeout, or
        what is left of the caller's patience).
        """
        limit = _patience.get()
        deadline = None if limit is None else time.monotonic() + limit
        if self._gate is not None:
            self._take_gate(deadline)
            try:
                began = _try_begin(conn, 0)
            except BaseException:
                self._ungate()
                raise
            if began:
                return True
            self._ungate()
        wait = BUSY_TIMEOUT if deadline is None else max(0.0, deadline - time.monotonic())
        if not _try_begin(conn, wait):
            if deadline is None:  # not a caller's short patience: the database has been locked for long
                self.health.failed(f"another program has held the database for over {BUSY_TIMEOUT:g} s")
            raise Busy("another program is writing to the database")
        return False

    def _take_gate(self, deadline: float | None) -> None:
        assert self._gate is not None
        if deadline is None:
            fcntl.flock(self._gate, fcntl.LOCK_EX)
            return
        while True:
            try:
                fcntl.flock(self._gate, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy("another process kept the database") from None
                time.sleep(GATE_POLL)

    def _ungate(self) -> None:
        if self._gate is not None:
            fcntl.flock(self._gate, fcntl.LOCK_UN)

    def _schema(self) -> None:
        with self.transaction() as conn:
            schema.upgrade(conn, schema.SQLITE)

    def salt(self, configured: str = "") -> str:
        """The salt for user-id hashes: the configured one, else a random one kept in this database."""
        if configured:
            return configured
        with self.lock:
            try:
                return str(self.db.table("meta").get("salt")["value"])
            except sqlite_utils.db.NotFoundError:
                value = secrets.token_hex(16)
                self.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)", [value])
                return str(self.db.table("meta").get("salt")["value"])

    @staticmethod
    def hash_user(salt: str, channel: str, user_id: str) -> str:
        """A salted hash: the log never holds a raw user id."""
        return hashlib.sha256(f"{salt}\0{channel}\0{user_id}".encode()).hexdigest()[:20]

    # -- log ---------------------------------------------------------------------------------------
    def log_turn(self, row: dict[str, Any]) -> int:
        """Write one turn (committed before the reply goes out); returns its id."""
        row = turn_row(row)
        sql = f"INSERT INTO turns ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})"
        with self.transaction() as conn:
            return int(conn.execute(sql, list(row.values())).lastrowid or 0)

    def turns(self, where: str | None = None, params: Any = None) -> list[dict[str, Any]]:
        """Rows of the log (oldest first)."""
        with self.reading():
            return list(self.db.table("turns").rows_where(where, params, order_by="id"))

    def add_feedback(self, turn_id: int | None, user_hash: str, intent: str | None, useful: bool) -> None:
        """Record 有用 / 没用 for an answer."""
        ts = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        with self.transaction() as conn:  # plain SQL: sqlite-utils' insert would commit an enclosing transaction
            conn.execute(
                "INSERT INTO feedback (ts, turn_id, user_hash, intent, useful) VALUES (?, ?, ?, ?, ?)",
                [ts, turn_id, user_hash, intent, int(useful)],
            )

    # -- dialogue state ----------------------------------------------------------------------------
    def load_state(self, key: str, idle_seconds: float, now: float | None = None) -> dict[str, Any]:
        """The saved state for ``key``, or an empty one if none or idle longer than ``idle_seconds`` at ``now``."""
        with self.reading() as conn:
            row = conn.execute("SELECT data, updated FROM state WHERE key = ?", [key]).fetchone()
        if not row or (time.time() if now is None else now) - row[1] > idle_seconds:
            return {}
        try:
            data = json.loads(row[0])
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def save_state(self, key: str, data: dict[str, Any], now: float | None = None) -> None:
        """Persist ``data`` as of ``now`` (default: the wall clock); an empty dict deletes the state.

        Feedback and state are plain SQL both back ends run (PostgreSQL's ``PgStorage`` uses these methods).
        """
        with self.transaction() as conn:
            if data:
                conn.execute(
                    "INSERT INTO state (key, data, updated) VALUES (?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated = excluded.updated",
                    [key, json.dumps(data, ensure_ascii=False), time.time() if now is None else now],
                )
            else:
                conn.execute("DELETE FROM state WHERE key = ?", [key])

    def checkpoint(self, wait: float = CHECKPOINT_WAIT) -> bool:
        """Copy the WAL into the database and truncate it; False if readers or writers kept it for ``wait`` s.

        SQLite's automatic checkpoints never shrink the WAL file, and skip while a reader is active: on a busy or
        nearly full disk the WAL only grows. The server calls this on a schedule.
        """
        with self.holding(self.lock):
            conn = self.db.conn
            conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            try:
                busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        return not busy

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.db.conn.close()
            if self._gate is not None:
                self._gate.close()
