"""SQLite storage: the conversation log, dialogue state and feedback (sqlite-utils, WAL mode)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import sqlite_utils

_PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")
_ID_CARD = re.compile(r"(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")


def mask(text: str) -> str:
    """Hide phone numbers, ID-card numbers and e-mail addresses before anything is stored."""
    text = _EMAIL.sub("[邮箱]", text)
    text = _ID_CARD.sub("[身份证号]", text)
    text = _PHONE.sub("[手机号]", text)
    return _LANDLINE.sub("[电话]", text)


TURN_COLUMNS = {
    "id": int,
    "ts": str,
    "channel": str,
    "user_hash": str,
    "message_id": str,
    "text": str,
    "normalized": str,
    "intent": str,
    "score": float,
    "candidates": str,
    "kind": str,
    "reason": str,
    "reply": str,
    "latency_ms": float,
    "knowledge_version": str,
    "error": str,
}


class Storage:
    """One SQLite file shared by every channel and process."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.lock = threading.RLock()
        with self.lock:
            conn.execute("PRAGMA busy_timeout = 30000")
            self.db.enable_wal()
            conn.execute("PRAGMA synchronous = NORMAL")
            self._schema()

    def _schema(self) -> None:
        db = self.db
        if "turns" not in db.table_names():
            db.table("turns").create(TURN_COLUMNS, pk="id", not_null={"ts", "channel", "user_hash"})
            db.table("turns").create_index(["ts"], if_not_exists=True)
            db.table("turns").create_index(["intent"], if_not_exists=True)
            db.table("turns").create_index(["channel", "message_id"], if_not_exists=True)
        if "state" not in db.table_names():
            db.table("state").create({"key": str, "data": str, "updated": float}, pk="key")
        if "feedback" not in db.table_names():
            db.table("feedback").create(
                {"id": int, "ts": str, "turn_id": int, "user_hash": str, "intent": str, "useful": int},
                pk="id",
            )
        if "meta" not in db.table_names():
            db.table("meta").create({"key": str, "value": str}, pk="key")

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
        row = dict(row)
        row.setdefault("ts", dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"))
        if isinstance(row.get("candidates"), list | dict):
            row["candidates"] = json.dumps(row["candidates"], ensure_ascii=False)
        unknown = set(row) - set(TURN_COLUMNS)
        if unknown:
            raise KeyError(f"unknown log column(s): {sorted(unknown)}")
        sql = f"INSERT INTO turns ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})"
        with self.lock:
            cursor = self.db.execute(sql, list(row.values()))
            return int(cursor.lastrowid or 0)

    def turns(self, where: str | None = None, params: Any = None) -> list[dict[str, Any]]:
        """Rows of the log (oldest first)."""
        with self.lock:
            return list(self.db.table("turns").rows_where(where, params, order_by="id"))

    def add_feedback(self, turn_id: int | None, user_hash: str, intent: str | None, useful: bool) -> None:
        """Record 有用 / 没用 for an answer."""
        with self.lock:
            self.db.table("feedback").insert(
                {
                    "ts": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                    "turn_id": turn_id,
                    "user_hash": user_hash,
                    "intent": intent,
                    "useful": int(useful),
                }
            )

    # -- dialogue state ----------------------------------------------------------------------------
    def load_state(self, key: str, idle_seconds: float) -> dict[str, Any]:
        """The saved state for ``key``, or an empty one if none or expired."""
        with self.lock:
            row = self.db.execute("SELECT data, updated FROM state WHERE key = ?", [key]).fetchone()
        if not row or time.time() - row[1] > idle_seconds:
            return {}
        try:
            data = json.loads(row[0])
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def save_state(self, key: str, data: dict[str, Any]) -> None:
        """Persist ``data`` (an empty dict deletes the state)."""
        with self.lock:
            if data:
                self.db.execute(
                    "INSERT OR REPLACE INTO state (key, data, updated) VALUES (?, ?, ?)",
                    [key, json.dumps(data, ensure_ascii=False), time.time()],
                )
            else:
                self.db.execute("DELETE FROM state WHERE key = ?", [key])

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.db.conn.close()
