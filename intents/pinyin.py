"""Toneless, dialect-tolerant pinyin, so IME homophone typos (家计扣除, 专精特信) still match."""

from __future__ import annotations

import functools
import logging
import pickle
import unicodedata
from pathlib import Path

import platformdirs

logger = logging.getLogger(__name__)

_CACHE = Path(platformdirs.user_cache_dir("policybot")) / "pinyin-v1.pickle"

# Chongqing speakers (and their IMEs' fuzzy modes) merge these sounds.
_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FINALS = (("ing", "in"), ("eng", "en"))


def _fold(syllable: str) -> str:
    for a, b in _INITIALS:
        if syllable.startswith(a):
            syllable = b + syllable[len(a) :]
            break
    for a, b in _FINALS:
        if syllable.endswith(a):
            syllable = syllable[: -len(a)] + b
            break
    return syllable


def _build() -> dict[str, str]:
    from pypinyin.pinyin_dict import pinyin_dict  # slow import: only when the cache is cold

    table = {}
    for code, readings in pinyin_dict.items():
        first = readings.split(",")[0]
        plain = "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))
        table[chr(code)] = _fold(plain.replace("ü", "v"))
    return table


@functools.cache
def table() -> dict[str, str]:
    """Character → folded toneless pinyin (first reading); cached on disk after the first build."""
    try:
        with _CACHE.open("rb") as fh:
            cached: dict[str, str] = pickle.load(fh)
        return cached
    except (OSError, pickle.PickleError, EOFError, AttributeError) as exc:
        logger.debug("building the pinyin table (no usable cache: %s)", exc)
    built = _build()
    try:
        _CACHE.parent.mkdir(parents=True, exist_ok=True)
        tmp = _CACHE.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(_CACHE)
    except OSError as exc:
        logger.info("could not cache the pinyin table at %s: %s", _CACHE, exc)
    return built


def syllables(text: str) -> list[str]:
    """One folded syllable per Chinese character; other characters stand for themselves."""
    tab = table()
    return [tab.get(ch, ch) for ch in text]


def key(text: str) -> str:
    """A space-joined pinyin key with a leading and trailing space, for syllable-aligned search."""
    return " " + " ".join(syllables(text)) + " "
