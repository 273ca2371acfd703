"""An option the last reply offered, by its number or typed as its label (申报材料 after a topic's menu)."""

from __future__ import annotations

import re

from bot.dialogue import acts
from bot.dialogue.acts import Act
from bot.dialogue.interpret.shared import MATCH, option_act
from bot.dialogue.reading import (
    Message,
)
from bot.dialogue.turn import Turn, offered, offered_topics
from intents.normalize import normalize


def option(t: Turn, msg: Message) -> Act | None:
    """A bare number picks one of the options offered (during a check, it answers the question)."""
    if not msg.norm.isdigit() or t.flow:
        return None
    for o in offered(t):
        if o.key == msg.norm:
            return option_act(t, o.action)
    return Act(acts.NO_OPTION)


def option_label(t: Turn, msg: Message) -> Act | None:
    """An offered option's label (or a clear part of it) typed instead of its number: “申报材料”, “政策依据”."""
    if t.flow:
        return None
    best = None
    for o in offered(t):
        norm_label = normalize(o.label)
        if not norm_label:
            continue
        whole = msg.norm == norm_label
        inside = norm_label in msg.norm and len(msg.norm) <= len(norm_label) + 4
        part = len(msg.norm) >= 2 and msg.norm in norm_label and len(msg.norm) * 2 >= len(norm_label)
        if (whole or inside or part) and (best is None or len(norm_label) > best[0]):
            best = (len(norm_label), o.action)
    return option_act(t, best[1]) if best else None


_EASIEST = re.compile(
    r"哪(个|一个|样|项|些)(最|比较|更)?(容易|好拿|好报|好申请|好弄|好搞|好办|好做|好评|好整|好过|简单|有希望|有戏|有把握|稳|快|门槛低)|先(报|搞|申请|弄|做)哪(个|一个|样|项)"
    r"|哪(个|一个|样|项)(可以|能)?先(报|搞|申请|弄|做|拿)"
)
"""Which of the policies listed is the easiest, or to go for first (哪个最容易先拿到, 先报哪个)."""


def easiest(t: Turn, msg: Message) -> Act | None:
    """“讲通俗点 哪个最容易先拿到” right after the policies that may suit us were listed: the first of them."""
    if t.flow or t.state.get("topic") != MATCH or not _EASIEST.search(msg.norm):
        return None
    return Act(acts.FOLLOWUP, topic=MATCH, part="easiest") if offered_topics(t) else None
