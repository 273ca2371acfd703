"""Message + conversation state → one ``Act``: an ordered list of recognisers, the first that claims it wins.

The order is the policy: control words before anything else; then what the bot's last turn makes likely (a
numbered or named option, the pending checklist question); then repairs (verdict now, correction, resume);
then follow-ups on the current topic; last, a new question for the matcher. Each recogniser's name is the
act's ``via``, so the log says why a message was read as it was.

Each recogniser lives in the module named for what it reads: ``control`` (feedback, empty, an aside to
someone else, restart, cancel, closing), ``options`` (an offered option by number or label), ``verdict`` (the verdict
now, what is missing, fees), ``correction``, ``resume``, ``pending`` (the answer to the checklist question asked),
``offers`` (an offer taken up, an answer after the verdict, facts volunteered), ``followup`` (the topic under
discussion) and ``new_question``; words and tests more than one of them uses are in ``shared``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.dialogue.acts import Act
from bot.dialogue.interpret.control import (
    aside,
    cancel,
    closing,
    empty,
    feedback,
    restart,
    without_mention,
    without_set_aside,
    without_understood,
)
from bot.dialogue.interpret.correction import correction
from bot.dialogue.interpret.followup import followup
from bot.dialogue.interpret.new_question import new_question
from bot.dialogue.interpret.offers import accept_offer, late_answer, noted, volunteered
from bot.dialogue.interpret.options import easiest, option, option_label
from bot.dialogue.interpret.pending import pending_answer
from bot.dialogue.interpret.resume import resume
from bot.dialogue.interpret.verdict import conclude, fees, missing, standing
from bot.dialogue.reading import Message
from bot.dialogue.turn import Turn
from intents.normalize import clean, normalize

Recogniser = Callable[[Turn, Message], Act | None]


def interpret(t: Turn, text: str) -> Act:
    """The one act ``text`` stands for in this conversation.

    “@PolicyBot …” is read without the mention, “先不管贷款 单项冠军到底够没够” without the matter set aside,
    “晓得了 这个要问哪个” without its opening “understood”.
    """
    text = without_understood(t, without_set_aside(t, without_mention(text)))
    msg = Message(clean(text), normalize(text))
    for name, recognise in RECOGNISERS:
        act = recognise(t, msg)
        if act is not None:
            return replace(act, via=name, text=act.text or msg.text)
    raise AssertionError("the last recogniser always claims the message")  # pragma: no cover


RECOGNISERS: list[tuple[str, Recogniser]] = [
    ("feedback", feedback),
    ("empty", empty),
    ("aside", aside),
    ("restart", restart),
    ("cancel", cancel),
    ("option", option),
    ("option_label", option_label),
    ("easiest", easiest),
    ("standing", standing),
    ("conclude", conclude),
    ("missing", missing),
    ("fees", fees),
    ("correction", correction),
    ("resume", resume),
    ("closing", closing),
    ("pending_answer", pending_answer),
    ("accept_offer", accept_offer),
    ("late_answer", late_answer),
    ("volunteered", volunteered),
    ("followup", followup),
    ("noted", noted),
    ("new_question", new_question),
]
"""In order; the first that returns an act wins (``new_question`` always does)."""

__all__ = ["RECOGNISERS", "Recogniser", "interpret", "without_mention"]
