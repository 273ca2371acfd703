"""What a message means in its conversation: one ``Act`` with its slots."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ANSWER = "answer"
CORRECTION = "correction"
FOLLOWUP = "followup"
RESUME = "resume"
RESTART = "restart"
CANCEL = "cancel"
NULL = "null"
"""The acts of the dialogue contract (``ask --json``'s ``act``); a new question's act is its intent id."""
FEEDBACK = "feedback"
EMPTY = "empty"
CLARIFY = "clarify"
NO_OPTION = "no_option"
"""Bookkeeping acts: 有用/没用, an empty message, “which topic did you mean?”, a number with nothing to pick."""
ASIDE = "aside"
"""The ``part`` of a null act for a group message addressed to someone else (@同事 …)."""
AGAIN = "again"
"""The ``part`` of a restart that points back (刚才那个从头重新来): the check just left starts again."""
RETOLD = "retold"
"""The ``part`` of a restart with more said after it (搞错了 从头来 我说的是…): the topic in hand, told afresh."""
ANOTHER = "another"
"""The ``part`` of a restart for another thing of ours (那这个不算了 重新来 我们还有个…软件): the check over for it,
what it says of the enterprise kept."""

CHECK_PART = "check"
"""The ``part`` of a follow-up asking the same of another kind of the topic (那中小企业技术研发中心呢 我们够不够): the
check, of that kind."""

SUPPOSED = "supposed"
"""The ``part`` of a follow-up asking the last question again of another case (那房地产公司呢 after 批发零售 was
told): answered for that case, nothing recorded of us."""

PLAIN_LIST = "plain_list"
"""The ``part`` of a follow-up asking plainer words of the policies just listed (讲通俗点 我老板看不懂这些): each
in a line of plain words, under the same numbers."""

STATUS = "status:"
"""The ``part`` prefix of a follow-up asking how some conditions of the check stand (研发那条够没得):
``status:研发|rd_spend_last_year`` — the word the message names them by, then the criteria it names."""


@dataclass(frozen=True)
class Act:
    """One interpretation of a message.

    ``name`` is an intent id for a new question (or a switch), else one of the act names above. ``values``
    are criterion → value pairs the message gives (answers, corrections, volunteered figures); ``part`` says
    which part of the topic a follow-up asks for (``section:申报材料``, ``sources``, ``calc``, ``plain``,
    ``missing``, ``lookup``); ``check`` asks for the topic's checklist, ``conclude`` for its verdict now.
    """

    name: str
    via: str = ""
    topic: str | None = None
    part: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    check: bool = False
    conclude: bool = False
    text: str = ""
    """The text the act is about (the message, or the part of it that names a place: “那永川呢” → 永川)."""
    useful: bool | None = None
