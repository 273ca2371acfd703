"""Build a realistic log for the staff tools: tests/data/log_messages.yaml through the real engine, dated."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Engine
from knowledge.loader import BUNDLED
from tests.helpers import DATA, FIXED_NOW, User, database, make_engine

HOURS_UTC = (1, 9, 17, 20)
"""Hours (UTC) sessions start at, cycled: 17:00 and 20:00 UTC fall on the next Chongqing day."""
UNKNOWN = "不知道"
"""What a user answers after a question was asked again."""


def _messages() -> dict[str, Any]:
    return yaml.safe_load((DATA / "log_messages.yaml").read_text(encoding="utf-8"))


class LogBuilder:
    """Replays conversations and dates each new row (the engine stamps the wall clock)."""

    def __init__(self, engine: Engine, data: dict[str, Any]):
        self.engine, self.data = engine, data
        self.n = 0
        self.sent = 0

    def _slot(self) -> tuple[str, dt.datetime]:
        channels, days = self.data["channels"], self.data["days_ago"]
        channel = channels[self.n % len(channels)]
        day = FIXED_NOW.date() - dt.timedelta(days=days[self.n % len(days)])
        start = dt.datetime.combine(day, dt.time(HOURS_UTC[self.n % len(HOURS_UTC)], self.n % 60), dt.UTC)
        self.n += 1
        return channel, start

    def _stamp(self, table: str, after: int, start: dt.datetime) -> None:
        db = self.engine.storage.db
        ids = [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE id > ? ORDER BY id", [after]).fetchall()]
        for k, row_id in enumerate(ids):
            ts = (start + dt.timedelta(seconds=20 * k)).isoformat(timespec="milliseconds")
            db.execute(f"UPDATE {table} SET ts = ? WHERE id = ?", [ts, row_id])

    def _last(self, table: str) -> int:
        return int(self.engine.storage.db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    def session(self, run: Any) -> None:
        """Run ``run(user)`` as one user's conversation and date its rows."""
        channel, start = self._slot()
        turns, feedback = self._last("turns"), self._last("feedback")
        run(User(self.engine, f"user-{self.n}", channel))
        self._stamp("turns", turns, start)
        self._stamp("feedback", feedback, start)

    def say_all(self, messages: list[str]) -> Any:
        def run(user: User) -> None:
            for text in messages:
                user.say(str(text))
                self.sent += 1

        return run

    def checklist(self, spec: dict[str, Any]) -> Any:
        pools = {
            "bool": itertools.cycle(spec["answers"]),
            "number": itertools.cycle(spec.get("numbers") or [UNKNOWN]),
            "choice": itertools.cycle(spec.get("choices") or ["1"]),
        }

        def run(user: User) -> None:
            reply = user.say(spec["start"])
            self.sent += 1
            for _ in range(spec.get("max_steps", self.data["max_steps"])):
                if reply.kind not in ("checklist_step", "reask"):
                    break
                answer = UNKNOWN if reply.kind == "reask" else next(pools[reply.expects or "bool"])
                reply = user.say(str(answer))
                self.sent += 1
            for text in spec.get("then", []):
                user.say(str(text))
                self.sent += 1

        return run


def build_log(db: Path, knowledge: Path = BUNDLED) -> tuple[Engine, int]:
    """The real engine on ``db`` after replaying every conversation; and how many messages were sent."""
    engine = make_engine(db, knowledge)
    data = _messages()
    builder = LogBuilder(engine, data)
    for _ in range(data["session_rounds"]):
        for messages in data["sessions"]:
            builder.session(builder.say_all(messages))
    for spec in data["checklists"]:
        builder.session(builder.checklist(spec))
    for variants in data["unanswered"]:
        for text in variants:
            builder.session(builder.say_all([text]))
    for text in data["noise"]:
        builder.session(builder.say_all([text]))
    return engine, builder.sent


def copy_knowledge(dest: Path) -> Path:
    """A copy of the bundled knowledge folder (YAML only) at ``dest/knowledge``, for tests that edit it."""
    root = dest / "knowledge"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def copy_db(engine: Engine, dest: Path) -> Path:
    """A copy of the engine's log database."""
    with sqlite3.connect(dest) as out:
        engine.storage.db.conn.backup(out)
    return dest


@contextlib.contextmanager
def log_copy(engine: Engine, backend: str, dest: Path) -> Iterator[Path | str]:
    """A copy of the engine's log on ``backend``: an SQLite file, or moved into a new PostgreSQL schema by
    ``policybot migrate`` (skipped without a PostgreSQL server)."""
    from click.testing import CliRunner

    from bot.cli import main

    path = copy_db(engine, dest / "copy.db")
    if backend == "sqlite":
        yield path
        return
    with database(backend, dest) as url:
        result = CliRunner().invoke(main, ["--db", str(path), "migrate", "--to", str(url)])
        assert result.exit_code == 0, result.output
        yield url
