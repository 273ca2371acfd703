"""Live reload: when a knowledge file changes, the new version replaces the old in one step, only if it validates."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from watchfiles import Change, awatch

from bot.checks import ERROR, validate
from bot.engine import Engine

logger = logging.getLogger(__name__)

DEBOUNCE_MS = 800
"""Changes closer together than this (an editor saving several files) cause one reload."""
STATUS_KEY = "knowledge_reload"
"""Key of the last reload's outcome in the database's ``meta`` table (read by ``last_reload``)."""
SUFFIXES = (".yaml", ".yml")


def _yaml_only(change: Change, path: str) -> bool:
    name = Path(path).name
    return name.endswith(SUFFIXES) and not name.startswith(".")


def reload_once(engine: Engine, root: Path | str) -> bool:
    """Load and check ``root``; swap it in if it validates, else keep serving the old knowledge.

    Returns:
        True when the engine now answers from the folder's current content.
    """
    old = engine.knowledge.version
    kn, problems = validate(root, engine.settings)
    errors = [p for p in problems if p.severity == ERROR]
    if kn is None or errors:
        logger.error(
            "knowledge in %s has %d error(s); still answering with version %s:\n%s",
            root,
            len(errors),
            old,
            "\n".join(f"  {p}" for p in errors),
        )
        _record(engine, ok=False, version=old, problems=[str(p) for p in errors])
        return False
    if kn.version == old:
        return True
    engine.swap(kn)
    logger.warning("knowledge reloaded: version %s replaces %s", kn.version, old)
    _record(engine, ok=True, version=kn.version, problems=[])
    return True


def _record(engine: Engine, ok: bool, version: str, problems: list[str]) -> None:
    status = {
        "ts": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "ok": ok,
        "serving": version,
        "problems": problems,
    }
    try:
        with engine.storage.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [STATUS_KEY, json.dumps(status, ensure_ascii=False)],
            )
    except Exception:
        logger.exception("could not record the reload status")


def last_reload(engine: Engine) -> dict[str, Any] | None:
    """The last reload's outcome (``ts``, ``ok``, ``serving`` version, ``problems``), or None."""
    try:
        with engine.storage.reading() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", [STATUS_KEY]).fetchone()
    except Exception:
        return None
    return json.loads(row[0]) if row else None


async def watch(
    engine: Engine,
    root: Path | str,
    stop_event: asyncio.Event,
    debounce_ms: int = DEBOUNCE_MS,
    on_reload: Callable[[], None] | None = None,
) -> None:
    """Reload ``root`` into ``engine`` whenever a YAML file in it changes, until ``stop_event`` is set.

    Loading runs in a worker thread: the server keeps answering meanwhile. Start it in the ASGI lifespan::

        stop = asyncio.Event()
        task = asyncio.create_task(watch(engine, engine.knowledge.root, stop))

    Yield:
        stop.set(); await task

    ``on_reload`` is called (on the event loop) after each successful reload.
    """
    root = Path(root)
    logger.info("watching %s for knowledge changes", root)
    async for changes in awatch(
        root, watch_filter=_yaml_only, stop_event=stop_event, debounce=debounce_ms, recursive=True
    ):
        logger.info("knowledge changed: %s", ", ".join(sorted(Path(p).name for _, p in changes)))
        try:
            if await asyncio.to_thread(reload_once, engine, root) and on_reload is not None:
                on_reload()
        except Exception:
            logger.exception("knowledge reload failed; still answering with version %s", engine.knowledge.version)
