"""What channels hand the engine (``Inbound``) and what it hands back (``Reply``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from intents.match import Candidate


@dataclass(frozen=True)
class Inbound:
    """One user message, already translated from the channel's format."""

    channel: str
    user_id: str
    text: str
    kind: str = "text"  # text | image | voice | location | link | video | sticker | event | ...
    received: dt.datetime | None = None
    message_id: str | None = None
    act: str | None = None
    """A control act a channel's command or button stands for (``reset``, ``cancel``): not interpreted as text."""
    chat_id: str | None = None
    """The chat the message was sent in, where it is not the private chat with ``user_id`` (a Telegram group):
    each (channel, chat, user) is a conversation of its own. A private chat with none of its own takes up the
    user's latest group conversation (asked in the group, the check offered there goes on in private)."""


@dataclass(frozen=True)
class Option:
    """A numbered choice the user can answer with a bare digit (or a button)."""

    key: str
    label: str
    action: str


@dataclass
class Reply:
    """The engine's answer; ``text`` is plain text, the rest lets channels render buttons and logs explain."""

    text: str
    kind: str  # answer | section | checklist_step | verdict | fallback | clarify | conversation | match | error ...
    intent: str | None = None
    score: float = 0.0
    candidates: list[Candidate] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    expects: str | None = None  # bool | number | choice while a question is pending
    reason: str | None = None
    act: str | None = None
    """How the message was understood: an intent id (a new question), ``answer``, ``correction``, ``followup``,
    ``resume``, ``restart``, ``cancel`` or ``null`` (out of scope), or a bookkeeping act (``feedback``, ``empty``)."""
    section: str | None = None
    """The YAML section the reply leads with (政策依据 for the sources), or None for the overview."""
    via: str | None = None
    """Which recogniser read the message that way (``bot.dialogue.interpret``), for the log and ``try``."""
    data: dict[str, Any] = field(default_factory=dict)
    menu_shown: bool = field(default=False, repr=False)
    """Whether ``text`` already ends with the numbered options (set by the engine)."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form (the API and ``ask --json``)."""
        out = asdict(self)
        out.pop("menu_shown")
        out["candidates"] = [c.as_dict() for c in self.candidates]
        out["score"] = round(self.score, 1)
        return out
