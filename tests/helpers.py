"""Test helpers: build the real engine on a temporary SQLite file; talk to it like a user."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.engine import Engine
from bot.models import Inbound, Reply
from bot.settings import Settings
from bot.storage import Storage
from knowledge.loader import BUNDLED, load

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FIXED_NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def make_engine(db: Path, knowledge: Path = BUNDLED, now: dt.datetime | None = FIXED_NOW, **settings: object) -> Engine:
    """The real engine on the given knowledge folder and SQLite file, with a fixed clock."""
    kn = load(knowledge)
    clock = (lambda: now) if now else None
    return Engine(kn, Storage(db), Settings().replace(settings), clock=clock)


class User:
    """A user talking to the engine on one channel."""

    def __init__(self, engine: Engine, user_id: str = "u1", channel: str = "test"):
        self.engine, self.user_id, self.channel = engine, user_id, channel

    def say(self, text: str) -> Reply:
        return self.engine.respond(Inbound(self.channel, self.user_id, text))


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, driven by Playwright in the browser tests (skipped, saying so, where it is missing)."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
