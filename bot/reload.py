"""Live reload: when the knowledge files change and then stay quiet, the new version replaces the old in one step.

Only a version that validates goes live, and only one that keeps the content of the one answering: a version
that drops a topic, a topic's checklist, calculator or questionnaire, any of its sections or most of its
examples (a half-uploaded file is valid YAML too) is held — logged, shown in ``/healthz`` — until staff confirm
it with ``policybot reload --accept``. The confirmation is stored in the database, so every worker process
takes it up.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from watchfiles import Change, awatch

from bot.checks import ERROR, validate
from bot.engine import Engine
from bot.store import Store
from knowledge.loader import Knowledge, folder_version

logger = logging.getLogger(__name__)

DEBOUNCE_MS = 800
"""Changes closer together than this (an editor saving several files) are reported together."""
SETTLE_SECONDS = 5.0
"""The knowledge files must stay unchanged this long before they are loaded (a slow upload pauses)."""
POLL_SECONDS = 1.0
"""How often the watcher looks at the files, and at staff's confirmation while a reload is held."""
MOST_EXAMPLES = 0.5
"""A topic left with fewer than this share of its examples has lost most of them."""
STATUS_KEY = "knowledge_reload"
"""Key of the last reload's outcome in the database's ``meta`` table (read by ``last_reload``)."""
ACCEPT_KEY = "knowledge_accepted"
"""Key of the version staff confirmed (``policybot reload --accept``) in the ``meta`` table."""
SUFFIXES = (".yaml", ".yml")

Snapshot = dict[str, tuple[int, int]]
"""Path → (mtime in ns, size) of every knowledge file."""


def _yaml_only(change: Change, path: str) -> bool:
    name = Path(path).name
    return name.endswith(SUFFIXES) and not name.startswith(".")


def losses(old: Knowledge, new: Knowledge) -> list[str]:
    """What ``new`` drops of ``old``'s content, one line per topic and part (empty: nothing is lost)."""
    out = []
    for tid, before in old.topics.items():
        name = old.files.get(tid, tid)
        after = new.topics.get(tid)
        if after is None:
            out.append(f"{name}: the topic {tid} is gone")
            continue
        dropped = [part for part in ("checklist", "calculator", "questionnaire") if getattr(before, part)]
        dropped = [part for part in dropped if not getattr(after, part)]
        kept = {s.name for s in after.sections}
        dropped += [f"section {s.name}" for s in before.sections if s.name not in kept]
        if len(after.examples) < len(before.examples) * MOST_EXAMPLES:
            dropped.append(f"examples ({len(after.examples)} of {len(before.examples)} left)")
        if dropped:
            out.append(f"{name}: {', '.join(dropped)} removed")
    return out


def reload_once(engine: Engine, root: Path | str) -> bool:
    """Load and check ``root``; swap it in if it validates and loses nothing (or staff accepted it).

    Returns:
        True when the engine now answers from the folder's current content; False when it keeps the old
        knowledge (errors, or a reload held until staff confirm it).
    """
    old = engine.knowledge
    kn, problems = validate(root, engine.settings)
    errors = [p for p in problems if p.severity == ERROR]
    if kn is None or errors:
        logger.error(
            "knowledge in %s has %d error(s); still answering with version %s:\n%s",
            root,
            len(errors),
            old.version,
            "\n".join(f"  {p}" for p in errors),
        )
        _record(engine, ok=False, version=old.version, problems=[str(p) for p in errors])
        return False
    if kn.version == old.version:
        if (last_reload(engine) or {}).get("held"):  # the files are back as they were
            _record(engine, ok=True, version=old.version, problems=[])
        return True
    lost = losses(old, kn)
    if lost and kn.version != accepted(engine.storage):
        logger.error(
            "knowledge in %s (version %s) drops content; still answering with version %s until staff confirm it "
            "with `policybot reload --accept`:\n%s",
            root,
            kn.version,
            old.version,
            "\n".join(f"  {line}" for line in lost),
        )
        held = {"version": kn.version, "losses": lost}
        _record(engine, ok=False, version=old.version, problems=[], held=held)
        return False
    engine.swap(kn)
    logger.warning("knowledge reloaded: version %s replaces %s%s", kn.version, old.version, " (accepted)" * bool(lost))
    _record(engine, ok=True, version=kn.version, problems=[])
    return True


def _record(engine: Engine, ok: bool, version: str, problems: list[str], held: dict[str, Any] | None = None) -> None:
    status = {
        "ts": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "ok": ok,
        "serving": version,
        "problems": problems,
        "held": held,
    }
    try:
        with engine.storage.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [STATUS_KEY, json.dumps(status, ensure_ascii=False)],
            )
    except Exception:
        logger.exception("could not record the reload status")


def accept(storage: Store, version: str) -> None:
    """Staff confirm ``version``: a reload to it goes live although it drops content."""
    value = {"version": version, "ts": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    with storage.transaction() as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [ACCEPT_KEY, json.dumps(value)],
        )


def accepted(storage: Store) -> str | None:
    """The version staff last confirmed, or None."""
    value = _meta(storage, ACCEPT_KEY)
    return str(value["version"]) if isinstance(value, dict) and "version" in value else None


def _meta(storage: Store, key: str) -> Any:
    try:
        with storage.reading() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else None
    except Exception:
        return None


def _folder_version(root: Path) -> str | None:
    try:
        return folder_version(root)
    except OSError:  # a file deleted meanwhile: the next look sees the change
        return None


def snapshot(root: Path) -> Snapshot:
    """Modification time and size of every knowledge file under ``root``."""
    out: Snapshot = {}
    for path in root.rglob("*"):
        if _yaml_only(Change.modified, str(path)):
            try:
                stat = path.stat()
            except OSError:  # deleted meanwhile
                continue
            out[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return out


def last_reload(engine: Engine) -> dict[str, Any] | None:
    """The last reload's outcome (``ts``, ``ok``, ``serving`` version, ``problems``, ``held``), or None.

    ``held`` is ``{"version", "losses"}`` while a version that drops content waits for staff to accept it.
    """
    return last_reload_in(engine.storage)


def last_reload_in(storage: Store) -> dict[str, Any] | None:
    """``last_reload`` as recorded in ``storage`` (for staff tools, which have no engine)."""
    value = _meta(storage, STATUS_KEY)
    return value if isinstance(value, dict) else None


async def watch(
    engine: Engine,
    root: Path | str,
    stop_event: asyncio.Event,
    debounce_ms: int = DEBOUNCE_MS,
    on_reload: Callable[[], None] | None = None,
    settle: float = SETTLE_SECONDS,
    poll: float = POLL_SECONDS,
) -> None:
    """Reload ``root`` into ``engine`` once its YAML files changed and stayed quiet ``settle`` s, until ``stop_event``.

    Loading runs in a worker thread: the server keeps answering meanwhile. Start it in the ASGI lifespan::

        stop = asyncio.Event()
        task = asyncio.create_task(watch(engine, engine.knowledge.root, stop))

    Yield:
        stop.set(); await task

    While a reload is held, the database is read every ``poll`` s for staff's confirmation of that version.
    ``on_reload`` is called (on the event loop) after each successful reload.
    """
    root = Path(root)
    logger.info("watching %s for knowledge changes", root)
    seen = await asyncio.to_thread(snapshot, root)
    changed_at: float | None = None
    """When the files last changed, while a change waits to be loaded."""
    if await asyncio.to_thread(_folder_version, root) != engine.knowledge.version:
        changed_at = time.monotonic()  # changed between loading the engine and starting to watch
    held: str | None = None
    """The version on disk that waits for staff's confirmation."""
    async for changes in awatch(
        root,
        watch_filter=_yaml_only,
        stop_event=stop_event,
        debounce=debounce_ms,
        recursive=True,
        rust_timeout=max(1, int(poll * 1000)),
        yield_on_timeout=True,
    ):
        current = await asyncio.to_thread(snapshot, root)
        if changes or current != seen:
            if changes:
                logger.info("knowledge changed: %s", ", ".join(sorted(Path(p).name for _, p in changes)))
            seen, changed_at = current, time.monotonic()
        if changed_at is not None:
            if time.monotonic() - changed_at < settle:
                continue  # still being written
            changed_at = None
        elif held is None or await asyncio.to_thread(accepted, engine.storage) != held:
            continue
        try:
            if await asyncio.to_thread(reload_once, engine, root):
                held = None
                if on_reload is not None:
                    on_reload()
            else:
                held = ((await asyncio.to_thread(last_reload, engine) or {}).get("held") or {}).get("version")
        except Exception:
            logger.exception("knowledge reload failed; still answering with version %s", engine.knowledge.version)
