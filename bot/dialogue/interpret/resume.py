"""Back to the check left for another question (接着前面的, 回到刚才的自查), with any facts said beside it."""

from __future__ import annotations

import re
from typing import Any

from bot import render
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.reading import (
    CONTROL_CHARS,
    LEAD_CLAUSES,
    Message,
    asks,
    clauses,
    last_clause,
    without,
)
from bot.dialogue.topics import section_asked
from bot.dialogue.turn import Turn, says, words
from intents.normalize import normalize

_GOES_ON_HOLDING = re.compile(
    r"(接着|继续|接到|接倒)(用|使用|享受|有效|生效|保持|执行|教育|读|上学|经营)"
    r"|回到[^，,。|]{0,4}(规上|规模以上|规下|以前|原来|水平|万|亿|个点)"
)
"""“证书到期了还能接着用吗”: a title or benefit that goes on holding (继续教育: a course), not the conversation
going back; nor is “明年回到规上再报” (the enterprise back above the line)."""


def resume(t: Turn, msg: Message) -> Act | None:
    """接着前面的 / 回到刚才的自查 / 继续核: back to the check that was interrupted.

    In a longer message, only when its last clause says so (懂了 单项冠军我们够不到 接着前面小巨人的).
    """
    if (back := _back_then_told(t, msg)) is not None:
        return back
    if (named_back := _talked_of_again(t, msg)) is not None:
        return named_back
    if (finish := _finish_that_first(t, msg)) is not None:
        return finish
    if len(msg.norm) > CONTROL_CHARS and (parked := t.state.get("suspended") or t.flow) and _opens_back(t, msg):
        return Act(acts.RESUME, topic=str(parked["topic"]))  # “哦 接着刚才那个 我们还有啥没说的”
    if (back_to := _back_to_the_one_named(t, msg)) is not None:
        return back_to
    whole = msg.norm
    if len(msg.norm) > CONTROL_CHARS:
        msg = last_clause(msg)
    if len(msg.norm) > CONTROL_CHARS or not says(msg.norm, t.kn, "resume") or _GOES_ON_HOLDING.search(msg.norm):
        return None
    if _APPLY_NEXT.search(msg.norm) and not _BACK_TO.search(whole):
        return None  # “小巨人现在能不能接着报”: applying next, no going back to a check (回到高企那个 接着评 is)
    parked = t.state.get("suspended") or t.flow
    _c, decision = t.match(msg.text)
    named = decision.intent if decision.intent in t.kn.topics else None
    named = named if named and t.kn.topics[named].kind == "policy" else None
    if parked and named and named != parked.get("topic"):
        return None  # “回到专精特新” with another check parked: a new question on that topic
    return Act(acts.RESUME, topic=named or _begun_named(t, msg))


_FINISH_FIRST = re.compile(r"(先把|先)?[^，,。]{0,10}(核完|对完|测完|查完|弄完|搞完|问完|看完|过完|整完|核了|对了再说)")
"""“先把准备金那个核完”: the check left, named, to be finished first."""


_POINTS_BACK = re.compile(r"(刚才|刚刚|前面|之前|先前|上面|原来)(那个|那项|那一项|的)|把(这个|这项|这些)")
"""Words pointing back at the check left (先把刚才那个核完, 先接到把这个核完), naming no policy."""


def finishes_first(t: Turn, msg: Message) -> bool:
    """Whether the last clause asks to finish the parked check first (先把准备金那个核完, 先把刚才那个核完).

    With none parked, the check under way (个税的我自己去问 高企这个我们先搞完撒: after an aside, go on).
    """
    parked = _left_to_finish(t)
    if not parked or parked.get("kind") != flows.CHECKLIST:
        return False
    last = last_clause(msg)
    said = _FINISH_FIRST.search(last.norm)
    if not said:
        return False
    named = t.match(last.text)[1].intent
    if named is not None:
        return named == parked.get("topic")
    # (先把软件的看完, 先把软件这个核完: the 首版次软件 check, named by a word of its title)
    thing = said[0][len(said[1] or "") : -len(said[2])].removesuffix("的").removesuffix("那个").removesuffix("这个")
    title = normalize(t.kn.topics[parked["topic"]].title) if parked.get("topic") in t.kn.topics else ""
    return bool(_POINTS_BACK.search(last.norm)) or (len(thing) >= 2 and thing in title)


def _finish_that_first(t: Turn, msg: Message) -> Act | None:
    """“嗯 这个回头再说 先把准备金那个核完”: back to the parked check the last clause names, to finish it."""
    if not finishes_first(t, msg):
        return None
    return Act(acts.RESUME, topic=str((_left_to_finish(t) or {}).get("topic")))


def _left_to_finish(t: Turn) -> dict[str, Any] | None:
    """The check a “finish it first” refers to: the one parked, else the one under way."""
    return t.state.get("suspended") or t.flow


_TALK_AGAIN = re.compile(
    r"(再|还是|又|重新|回来)(来)?(说|聊|谈|讲|摆)(一下|下|哈|回|说)?(?P<what>[^，,。|]{2,12}?)(的事情|的事|那个|那块|这块|的|吧|嘛|哈|了)*$"
)
"""“我们再说专精特新的事”, “还是说技术中心”: the talk turned again to a policy (named after the verb)."""


def _talked_of_again(t: Turn, msg: Message) -> Act | None:
    """“那个晓得了 我们再说专精特新的事”: back to the check left, named as the thing to talk of again.

    Only the policy of the check parked (or under way, or, with none, the one last done), named and nothing asked
    of it: “再说一下小巨人的申报材料” asks a part of it, and “还是说高企” with another check parked is a new question
    on 高企.
    """
    parked = t.state.get("suspended") or t.flow
    if parked and parked.get("kind") != flows.CHECKLIST:
        return None
    said = _TALK_AGAIN.search(last_clause(msg).norm)
    if said is None:
        return None
    what = Message(said["what"], said["what"])
    back_to = parked.get("topic") if parked else t.judged_topic
    if back_to not in t.kn.topics or asks(t, what) or t.match(what.text)[1].intent != back_to:
        return None
    if section_asked(t, t.kn.topics[back_to], what.text) is not None:
        return None
    # (the check done: “晓得了 那个不管了 还是说加计扣除” after an aside goes back to it, not a goodbye)
    return Act(acts.RESUME, topic=back_to)


_BACK_TO = re.compile(r"(回到|倒回|说回|转回)[^，,。|+]{0,8}?(那个|那项|的自查|的核对|[|，,。 ]*(?=接着|继续))")
"""Back to a check named (回到高企那个): the 接着评 after it goes on with that check."""
_APPLY_NEXT = re.compile(r"(接着|继续)(报|申|评|往上报|冲)")
"""Applying for the next title (接着报小巨人), not going back to the check."""


def _back_then_told(t: Turn, msg: Message) -> Act | None:
    """“好 接着说高企 去年销售收入一点五个亿 …”: back to the check in course or parked, with the facts told after.

    One of the first clauses goes back (short, a resume word); the rest states facts of that check and asks
    nothing. A clause naming another policy than the check's is a new question on it, not a return.
    """
    check = t.state.get("suspended") or t.flow
    if not check or check.get("kind") not in (flows.CHECKLIST, flows.QUESTIONNAIRE):
        return None
    said = clauses(msg.text)
    i = _goes_back_at(t, said)
    if i is None:
        return None
    named = t.match(said[i])[1].intent
    if named in t.kn.topics and t.kn.topics[named].kind == "policy" and named != check.get("topic"):
        return None
    rest = " ".join(said[i + 1 :])
    if not rest or asks(t, Message(rest, normalize(rest))):
        return None
    facts = t.facts(rest, topic=str(check["topic"]))
    return Act(acts.RESUME, topic=str(check["topic"]), values=facts) if facts else None


def _back_to_the_one_named(t: Turn, msg: Message) -> Act | None:
    """“那回到刚才那个 还有啥子政策适合我们”: a clause going back, then the question of the check parked."""
    parked = t.state.get("suspended") or t.flow
    if not parked or parked.get("kind") not in (flows.CHECKLIST, flows.QUESTIONNAIRE):
        return None
    said = clauses(msg.text)
    i = _goes_back_at(t, said)
    rest = " ".join(said[i + 1 :]) if i is not None else ""
    if not rest or t.match(rest)[1].intent != parked.get("topic"):
        return None
    return Act(acts.RESUME, topic=str(parked["topic"]), values=t.facts(rest, topic=str(parked["topic"])))


def _goes_back_at(t: Turn, said: list[str]) -> int | None:
    """The place of the first of the opening clauses that only goes back to the check (short, a resume word)."""
    for i, clause in enumerate(said[:LEAD_CLAUSES]):
        norm = normalize(clause)
        if len(norm) <= CONTROL_CHARS and says(norm, t.kn, "resume") and not _GOES_ON_HOLDING.search(norm):
            return i
    return None


_WHAT_LEFT = re.compile(r"还(有|差)(啥子|啥|什么|哪些|哪几个|哪样)(子)?(没|要|需要|得)(说|问|答|核|填|讲|回答|对)")
"""“还有啥没说的”: what the check has still to ask, asked after going back to it."""


def _opens_back(t: Turn, msg: Message) -> bool:
    """Whether a short clause opening the message goes back to the check and the rest asks what it still needs."""
    said = clauses(msg.text)
    i = _goes_back_at(t, said)
    return i is not None and bool(_WHAT_LEFT.search(normalize("".join(said[i + 1 :]))))


def _begun_named(t: Turn, msg: Message) -> str | None:
    """The check begun earlier that the words beside the resume words name by a part of its title (回到材料那个)."""
    rest = render.bigrams(without(msg.norm, words(t.kn)["resume"], "|"))
    for tid in reversed(t.state.get(flows.BEGUN) or []):
        topic = t.kn.topics.get(tid)
        if topic is not None and rest & render.bigrams(normalize(topic.title)):
            return tid
    return None
