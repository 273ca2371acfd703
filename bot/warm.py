"""Knowledge and its matcher kept on disk between runs, so that a one-shot ``policybot ask`` starts fast.

Reading the YAML and building the matcher take about a third of a second. A server pays that once; every
``policybot ask`` and ``policybot chat`` paid it again. The pair is pickled in the user's cache directory (as
the pinyin table is), keyed by everything it is made from: the knowledge folder's bytes, today's date (a topic
not reviewed for a year warns), the matcher's settings, the Python version and the code that builds them. A
change to any of those misses the cache, and a miss builds as before; an unreadable cache is a miss too.
Set ``POLICYBOT_CACHE=0`` to never read or write it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

import platformdirs

from bot.settings import Settings
from intents.match import Index
from knowledge.loader import BUNDLED, Knowledge, folder_version, load

logger = logging.getLogger(__name__)

CODE = Path(__file__).resolve().parent.parent
"""The checkout whose packages build the pair: their source files are part of the key."""
PACKAGES = ("bot", "intents", "knowledge")


def cache_file() -> Path:
    """Where the pair is kept: one file, overwritten when another folder or version is loaded."""
    return Path(platformdirs.user_cache_dir("policybot")) / "knowledge-v1.pickle"


def enabled() -> bool:
    """False when ``POLICYBOT_CACHE`` is 0 (or off/no/false)."""
    return os.environ.get("POLICYBOT_CACHE", "1").strip().lower() not in {"0", "off", "no", "false"}


def key(root: Path, settings: Settings, today: dt.date) -> str:
    """A digest of everything the knowledge and its matcher are built from."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{root.resolve()}\0{folder_version(root)}\0{today.isoformat()}\0".encode())
    matcher = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings) if f.name != "user_salt"}
    digest.update(repr(sorted(matcher.items())).encode())
    for package in PACKAGES:
        for path in sorted((CODE / package).rglob("*.py")):
            stat = path.stat()
            digest.update(f"{path.relative_to(CODE)}\0{stat.st_mtime_ns}\0{stat.st_size}\0".encode())
    return digest.hexdigest()


def prepared(root: Path | str | None, settings: Settings) -> tuple[Knowledge, Index]:
    """The knowledge in ``root`` (default: the bundled one) and its matcher, from the cache when it is current.

    Bad YAML raises ``KnowledgeError`` exactly as ``knowledge.loader.load`` does: only a good load is kept.
    """
    from bot.engine import build_index

    folder = Path(root) if root else BUNDLED
    if not enabled() or not folder.is_dir():
        kn = load(folder)
        return kn, build_index(kn, settings)
    wanted = key(folder, settings, dt.date.today())
    path = cache_file()
    if path.is_file():
        try:
            with path.open("rb") as fh:
                found, kn, index = pickle.load(fh)
            if found == wanted and isinstance(kn, Knowledge) and isinstance(index, Index):
                return kn, index
        except Exception as exc:  # a cache written by other code, or cut short: build as if it were not there
            logger.debug("ignoring the knowledge cache %s: %s", path, exc)
    kn = load(folder)
    index = build_index(kn, settings)
    _store(path, (wanted, kn, index))
    return kn, index


def _store(path: Path, value: object) -> None:
    """Write ``value`` to ``path`` whole or not at all (another process may be reading or writing it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".knowledge-", delete=False) as fh:
            tmp = Path(fh.name)
            try:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                tmp.unlink(missing_ok=True)
                raise
        tmp.replace(path)
    except (OSError, pickle.PicklingError) as exc:
        logger.info("could not cache the knowledge at %s: %s", path, exc)
