"""Test helpers: build the real engine on a temporary SQLite file; talk to it like a user."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

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
