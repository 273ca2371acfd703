"""The storage seam: ``open_storage(target)`` is SQLite for a file path and PostgreSQL for a postgresql:// URL.

Both back ends (``bot.storage.Storage``, ``bot.pgstore.PgStorage``) offer what ``Store`` lists; the engine, the
answered-message ids, the reload status and the channels use nothing else. PostgreSQL's driver is imported only
when such a URL is given.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from bot.health import WriteHealth
from bot.storage import Busy

URL_SCHEMES = ("postgresql://", "postgres://")


class Unreachable(Busy):
    """The database server does not take connections (PostgreSQL).

    Busy to the answering code, which may wait for it; an error to ``/healthz``.
    """


def is_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL database (else it is an SQLite file)."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


class Store(Protocol):
    """What a back end offers (see ``bot.storage.Storage`` for the meaning of each part)."""

    dialect: str
    lock: threading.RLock
    health: WriteHealth

    @property
    def in_transaction(self) -> bool: ...

    def patience(self, seconds: float) -> contextlib.AbstractContextManager[None]: ...

    def holding(self, lock: Any) -> contextlib.AbstractContextManager[None]: ...

    def reading(self) -> contextlib.AbstractContextManager[Any]: ...

    def transaction(self) -> contextlib.AbstractContextManager[Any]: ...

    def salt(self, configured: str = "") -> str: ...

    def hash_user(self, salt: str, channel: str, user_id: str) -> str: ...

    def log_turn(self, row: dict[str, Any]) -> int: ...

    def turns(self, where: str | None = None, params: Any = None) -> list[dict[str, Any]]: ...

    def add_feedback(self, turn_id: int | None, user_hash: str, intent: str | None, useful: bool) -> None: ...

    def load_state(self, key: str, idle_seconds: float, now: float | None = None) -> dict[str, Any]: ...

    def save_state(self, key: str, data: dict[str, Any], now: float | None = None) -> None: ...

    def checkpoint(self, wait: float = ...) -> bool: ...

    def close(self) -> None: ...


def open_storage(target: Path | str) -> Store:
    """The store at ``target``: a ``postgresql://`` URL, or the path of an SQLite file."""
    if is_url(target):
        try:
            from bot.pgstore import PgStorage
        except ImportError as exc:
            raise ConnectionError(
                f"a PostgreSQL URL needs psycopg: pip install 'policybot[postgres]' ({exc})"
            ) from None
        return PgStorage(str(target))
    from bot.storage import Storage

    return Storage(target)


def describe(target: Path | str) -> str:
    """``target`` for a message: a path as it is, a URL without its password."""
    if not is_url(target):
        return str(target)
    parts = urlsplit(str(target))
    netloc = parts.netloc.rpartition("@")
    user = netloc[0].partition(":")[0]
    return f"{parts.scheme}://{user + '@' if user else ''}{netloc[2]}{parts.path}"


def report_connection(
    target: Path | str, since: dt.date | None = None, until: dt.date | None = None
) -> sqlite3.Connection:
    """An SQLite connection the report's queries run on; the caller closes it.

    The file itself, or an in-memory copy of the PostgreSQL log of the period.
    """
    if is_url(target):
        from bot.pgstore import PgStorage

        store = PgStorage(str(target), max_size=1)
        try:
            return store.snapshot(since, until)
        finally:
            store.close()
    conn = sqlite3.connect(str(target), timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn
