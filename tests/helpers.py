"""Test helpers: build the real engine on a temporary SQLite file (or PostgreSQL schema); talk to it like a user."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bot.engine import Engine
from bot.models import Inbound, Reply
from bot.settings import Settings
from bot.store import open_storage
from knowledge.loader import BUNDLED, load

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FIXED_NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def make_engine(
    db: Path | str, knowledge: Path = BUNDLED, now: dt.datetime | None = FIXED_NOW, **settings: object
) -> Engine:
    """The real engine on the given knowledge folder and SQLite file (or PostgreSQL URL), with a fixed clock."""
    kn = load(knowledge)
    clock = (lambda: now) if now else None
    return Engine(kn, open_storage(db), Settings().replace(settings), clock=clock)


PG_URL_VAR = "POLICYBOT_TEST_PG_URL"
"""A PostgreSQL server the tests may use (``.ci/run`` starts one); without it, the PostgreSQL tests are skipped."""
NO_PG = f"no PostgreSQL server for the tests: set {PG_URL_VAR} (.ci/run starts one)"
BACKENDS = ["sqlite", "postgresql"]


def pg_url() -> str | None:
    """The test server's URL, or None."""
    return os.environ.get(PG_URL_VAR) or None


@contextlib.contextmanager
def pg_schema() -> Iterator[str]:
    """A URL whose tables live in a new, empty schema of the test server (dropped afterwards)."""
    import psycopg

    url = pg_url()
    assert url is not None
    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    joiner = "&" if "?" in url else "?"
    try:
        yield f"{url}{joiner}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@contextlib.contextmanager
def database(backend: str, folder: Path, name: str = "log.db") -> Iterator[Path | str]:
    """An empty database of ``backend``: a file in ``folder``, or a PostgreSQL schema (skipped without a server)."""
    import pytest

    if backend == "sqlite":
        yield folder / name
        return
    if pg_url() is None:
        pytest.skip(NO_PG)
    with pg_schema() as url:
        yield url


PG_PROGRAMS = Path("/usr/lib/postgresql")
"""Where Debian's ``postgresql`` package puts the server's programs (``.ci/postgres`` runs them)."""
NO_PG_PROGRAMS = (
    f"no PostgreSQL server programs in {PG_PROGRAMS}/*/bin for a cluster of its own: apt-get install postgresql"
)
CLUSTER_SCRIPT = ROOT / ".ci" / "postgres"


class Cluster:
    """A throw-away PostgreSQL cluster of one test's own (``.ci/postgres``): it may go down without harming others."""

    def __init__(self, folder: str, url: str):
        self.folder, self.url = folder, url

    def down(self) -> None:
        """Stop the server (``pg_ctl stop -m fast``: it drops every connection); the data stays."""
        subprocess.run([CLUSTER_SCRIPT, "down", self.folder], check=True)

    def up(self) -> None:
        """Start the server again, on the same port."""
        subprocess.run([CLUSTER_SCRIPT, "up", self.folder], check=True)


@contextlib.contextmanager
def own_cluster() -> Iterator[Cluster]:
    """A new PostgreSQL cluster, deleted afterwards (the test is skipped without PostgreSQL's programs)."""
    import pytest

    if not any(PG_PROGRAMS.glob("*/bin/pg_ctl")):
        pytest.skip(NO_PG_PROGRAMS)
    folder = tempfile.mkdtemp(prefix="policybot-pg.")  # not under pytest's tmp_path: the server's user must enter it
    try:
        started = subprocess.run([CLUSTER_SCRIPT, "start", folder], check=True, stdout=subprocess.PIPE, text=True)
        yield Cluster(folder, started.stdout.strip())
    finally:
        subprocess.run([CLUSTER_SCRIPT, "stop", folder], check=True)


class User:
    """A user talking to the engine on one channel."""

    def __init__(self, engine: Engine, user_id: str = "u1", channel: str = "test"):
        self.engine, self.user_id, self.channel = engine, user_id, channel

    def say(self, text: str) -> Reply:
        return self.engine.respond(Inbound(self.channel, self.user_id, text))

    def answer_checklist(self, reply: Reply, answers: dict[str, str] | None = None, default: str = "不知道") -> Reply:
        """Answer each checklist question (``answers`` by criterion id, else ``default``) until the check ends."""
        for _ in range(CHECKLIST_TURNS):
            if reply.kind != "checklist_step":
                break
            reply = self.say((answers or {}).get(reply.data["criterion"], default))
        return reply


CHECKLIST_TURNS = 40
"""More questions than any checklist asks: a check that never ends fails the test instead of hanging it."""


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

MISSING_GLYPHS_JS = r"""el => {
  const style = getComputedStyle(el);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 48;
  const ctx = canvas.getContext("2d");
  ctx.font = `${style.fontWeight} 32px ${style.fontFamily}`;
  const draw = ch => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.fillText(ch, 4, 38);
    return ctx.getImageData(0, 0, 48, 48).data.join(",");
  };
  const box = draw("\u{10FFFD}");
  const han = [...new Set(el.innerText)].filter(ch => /\p{Script=Han}/u.test(ch));
  return {han: han.length, boxes: han.filter(ch => draw(ch) === box)};
}"""
"""The Chinese characters of an element that its font renders as the missing-glyph box (drawn like U+10FFFD,
a private-use code point no font has), found by drawing each on a canvas in the element's own font."""


def missing_glyphs(tab: Any, selector: str) -> list[str]:
    """Chinese characters of the first element matching ``selector`` that show as boxes (no CJK font)."""
    found = tab.eval_on_selector(selector, MISSING_GLYPHS_JS)
    assert found["han"] > 0, f"{selector} holds no Chinese text to check"
    return list(found["boxes"])
