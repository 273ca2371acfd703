"""Settings: one declarative table of names, defaults and help, read by the CLI, the README and the engine."""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

PREFIX = "POLICYBOT_"
OTHER_NAMES: set[str] = {"POLICYBOT_KNOWLEDGE", "POLICYBOT_DB", "POLICYBOT_CACHE"}
"""``POLICYBOT_*`` environment variables that are not settings; the channels add theirs (``register_names``)."""


def setting(default: Any, help: str) -> Any:
    """Declare a setting with its default and help text."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Tunable behaviour. Override with ``POLICYBOT_<NAME>`` environment variables or ``knowledge/settings.yaml``."""

    min_score: float = setting(
        62.0, "Below this match score the bot falls back to the topic menu (unless the classifier's vote rescues it)"
    )
    min_margin: float = setting(4.0, "If the second intent is within this many points, ask which one was meant")
    clarify_max: int = setting(3, "How many options a clarifying question offers")
    alias_score: float = setting(86.0, "Score of a message that contains an intent's alias")
    alias_bonus_per_char: float = setting(2.0, "Extra score per character of the alias found (longer is surer)")
    pinyin_penalty: float = setting(4.0, "Points taken off an alias found only by its pinyin (typo)")
    classifier: int = setting(
        1,
        "1: a character n-gram classifier trained on the YAML examples votes on ties and low scores; "
        "0: aliases and examples decide alone",
    )
    vote_settle_margin: float = setting(
        1.0, "A tie goes to the classifier's choice when it is this much likelier (natural log) than the next"
    )
    vote_rescue_margin: float = setting(
        5.0,
        "Below min_score, the classifier's intent is answered when this much likelier (natural log) than every "
        "other candidate and than out of scope",
    )
    new_question_score: float = setting(80.0, "During a checklist, a message this sure of an intent leaves it")
    session_idle_minutes: int = setting(30, "A conversation's state expires after this many idle minutes")
    max_message_chars: int = setting(2000, "Longer messages are politely refused (still logged, truncated)")
    log_text_chars: int = setting(4000, "How much of a message the log keeps")
    user_salt: str = setting("", "Salt for hashing user ids; empty: a random one stored in the database")
    stop_when_decided: int = setting(
        0,
        "1: once a condition is unmet the check ends with its verdict, the rest not asked; "
        "0: the verdict is said at once and the rest may still be answered",
    )

    @classmethod
    def names(cls) -> list[str]:
        """All setting names."""
        return [f.name for f in fields(cls)]

    @classmethod
    def help(cls) -> dict[str, tuple[Any, str]]:
        """Name → (default, help), for ``--help`` and the README."""
        return {f.name: (f.default, f.metadata["help"]) for f in fields(cls)}

    def replace(self, values: Mapping[str, Any]) -> Settings:
        """A copy with ``values`` applied; unknown names raise ``KeyError`` naming them."""
        unknown = sorted(set(values) - set(self.names()))
        if unknown:
            raise KeyError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(self.names())}")
        typed = {}
        for f in fields(self):
            if f.name in values:
                kind = type(getattr(self, f.name))
                try:
                    typed[f.name] = kind(values[f.name])
                except (TypeError, ValueError):
                    raise ValueError(
                        f"setting {f.name} (POLICYBOT_{f.name.upper()}): expected {kind.__name__}, "
                        f"got {values[f.name]!r}"
                    ) from None
        return dataclasses.replace(self, **typed)

    @classmethod
    def from_env(cls, base: Settings | None = None, environ: Mapping[str, str] | None = None) -> Settings:
        """Apply ``POLICYBOT_<NAME>`` environment variables."""
        env = os.environ if environ is None else environ
        base = base or cls()
        found = {n: env[f"POLICYBOT_{n.upper()}"] for n in cls.names() if f"POLICYBOT_{n.upper()}" in env}
        return base.replace(found)


TEST_PREFIX = PREFIX + "TEST_"
"""Variables the test suite reads (``POLICYBOT_TEST_PG_URL``), not the bot: never reported as unknown."""


def register_names(names: Iterable[str]) -> None:
    """Declare more ``POLICYBOT_*`` environment variables as known (the channels' configuration)."""
    OTHER_NAMES.update(names)


def known_names() -> list[str]:
    """Every ``POLICYBOT_*`` environment variable PolicyBot reads."""
    return sorted({PREFIX + n.upper() for n in Settings.names()} | OTHER_NAMES)


def unknown_names(environ: Mapping[str, str] | None = None) -> list[str]:
    """One message per ``POLICYBOT_*`` environment variable nobody reads, naming the closest known one."""
    env = os.environ if environ is None else environ
    known = known_names()
    suffixes = {name.removeprefix(PREFIX): name for name in known}
    problems = []
    ours = (n for n in env if n.startswith(PREFIX) and not n.startswith(TEST_PREFIX))
    for name in sorted(n for n in ours if n not in known):
        close = difflib.get_close_matches(name.removeprefix(PREFIX), list(suffixes), n=1, cutoff=0.6)
        hint = f"did you mean {suffixes[close[0]]}?" if close else f"known names: {', '.join(known)}"
        problems.append(f"unknown setting {name}: {hint}")
    return problems
