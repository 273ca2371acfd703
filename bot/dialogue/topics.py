"""What the bot says about a topic: the first answer, one section, the sources, the calculation, a lookup."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot import platforms, render
from bot.calc import compute, refusal
from bot.dialogue.turn import Turn, human_option, menu, says, set_options
from bot.models import Option, Reply
from intents.normalize import normalize
from knowledge.loader import Knowledge
from knowledge.schema import Topic

LOOKUPS: dict[str, Callable[[Knowledge, str], str | None]] = {}
"""Topic id → a function answering specific questions from structured data (None: use the general answer)."""


def _platforms(kn: Knowledge, text: str) -> str | None:
    found = platforms.lookup(kn, text)
    return platforms.render(kn, found) if found.specific else None


LOOKUPS["innovation_platforms"] = _platforms


SECTION_FACTS = 6
"""Facts a section reply shows (the most relevant first); the rest are one tap away."""
CALCULATION = "计算方法"
"""The section a reply with the user's own calculation answers."""
RELEVANT_SECTION = 3
"""Character pairs a question must share with a section's facts (beyond the topic's own name) to lead with it."""


def section_asked(t: Turn, topic: Topic, text: str, cues_only: bool = False) -> str | None:
    """The action for the part of ``topic`` the message asks about (``section:申报材料``, ``sources``), if any.

    First the cue words of messages.yaml (the longest found wins: 咋个申请 → 办理流程); else the section whose
    facts share the most words with the question (预缴 → 时间节点, 核定征收 → 不适用情形); None for a general
    question, which gets the overview. ``cues_only`` skips the guess from shared words.
    """
    norm = _without_names(t.kn, topic, normalize(text))  # 首批次新材料: its 材料 asks for no 申报材料
    names = {s.name for s in topic.sections}
    cues = _cues(t.kn)
    found = max(((w == name, len(w), -n, name) for n, (name, w) in enumerate(cues) if w in norm), default=None)
    if found is not None:
        name = found[3]
        if name == t.kn.messages.sources_header:
            return "sources"
        if name in names:
            return f"section:{name}"
    if cues_only:
        return None
    grams = render.bigrams(norm) - _name_grams(t.kn, topic)
    scores = sorted(((len(grams & g), -n, name) for n, (name, g) in enumerate(_section_grams(t, topic))), reverse=True)
    if scores and scores[0][0] >= RELEVANT_SECTION and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        return f"section:{scores[0][2]}"
    return None


def _cues(kn: Knowledge) -> list[tuple[str, str]]:
    """(section, normalised cue word) pairs of messages.yaml, once per knowledge version.

    A section's own name counts before any cue: “研发准备金补助 申报条件” asks for the conditions, whatever
    else it says.
    """
    if "section_cues" not in kn.memo:
        kn.memo["section_cues"] = [(name, normalize(name)) for name in kn.messages.section_words] + [
            (name, w) for name, ws in kn.messages.section_words.items() for w in map(normalize, ws) if w
        ]
    return kn.memo["section_cues"]  # type: ignore[no-any-return]


def _without_names(kn: Knowledge, topic: Topic, norm: str) -> str:
    """``norm`` with the topic's own title and aliases blanked out (their words say nothing of the part asked)."""
    key = ("names_longest_first", topic.id)
    if key not in kn.memo:
        kn.memo[key] = sorted({n for n in map(normalize, (topic.title, *topic.aliases)) if len(n) >= 2}, key=len)[::-1]
    for name in kn.memo[key]:
        norm = norm.replace(name, "|")
    return norm


def _name_grams(kn: Knowledge, topic: Topic) -> frozenset[str]:
    """Character pairs of the topic's title and aliases: naming the topic says nothing about the part asked."""
    key = ("name_grams", topic.id)
    if key not in kn.memo:
        kn.memo[key] = frozenset().union(*(render.bigrams(normalize(n)) for n in (topic.title, *topic.aliases)))
    return kn.memo[key]  # type: ignore[no-any-return]


def _section_grams(t: Turn, topic: Topic) -> list[tuple[str, frozenset[str]]]:
    """Each section's name and the character pairs of its facts, once per topic and knowledge version."""
    key = ("section_grams", topic.id)
    if key not in t.kn.memo:
        t.kn.memo[key] = [
            (
                s.name,
                frozenset().union(*(render.bigrams(normalize(f.text)) for f in s.items)) - _name_grams(t.kn, topic),
            )
            for s in topic.sections
            if s.items
        ]
    return t.kn.memo[key]  # type: ignore[no-any-return]


def describe(t: Turn, facts: dict[str, Any]) -> str:
    """“上年度研发费用 300万元，行业 制造业” for the echo of what was recorded."""
    kn = t.kn
    return "，".join(
        f"{kn.criteria[cid].label or kn.criteria[cid].question} {render.show_value(kn, kn.criteria[cid], v)}"
        for cid, v in facts.items()
    )


def calculate(t: Turn, topic: Topic, text: str) -> str | None:
    """The topic's calculation on what the user told us, with its source; None without the figures."""
    calc = topic.calculator
    if calc is None:
        return None
    return compute(calc, t.profile, t.kn.messages, normalize(text), _labels(t), lambda ref: t.kn.cite(topic, ref))


def _labels(t: Turn) -> dict[str, str]:
    if "labels" not in t.kn.memo:
        t.kn.memo["labels"] = {o.value: o.label for c in t.kn.criteria.values() for o in c.options}
    return t.kn.memo["labels"]  # type: ignore[no-any-return]


def refused(t: Turn, topic: Topic) -> str | None:
    """Why the topic's benefit is not for this enterprise (负面清单行业), from what it said; said before the rest."""
    calc = topic.calculator
    return refusal(calc, t.profile, t.kn.messages, _labels(t)) if calc else None


def topic_options(t: Turn, topic: Topic, more: list[str] | None = None, whole: bool = False) -> list[Option]:
    """The numbered follow-ups after an answer about ``topic``: 条件自查 first, then “more of” what was cut short.

    ``whole`` makes a “more” option show the whole section (after a section reply that was itself cut short).
    """
    offered = [(f.label, f.action) for f in render.followups(t.kn, topic)]
    for name in more or []:
        count = sum(len(render.facts_in_force(s.items, t.day)) for s in topic.sections if s.name == name)
        action = f"section:{name}:all" if whole else f"section:{name}"
        offered.insert(0, (t.kn.messages.more_facts.format(section=name, count=count), action))
    # 条件自查 first and 政策依据 last are always offered; the rest fill the places left, in order
    first = [o for o in offered if o[1] == "checklist"]
    last = [o for o in offered if o[1] == "sources"]
    middle = [o for o in offered if o not in first and o not in last]
    room = max(0, t.kn.messages.followup_limit - len(first) - len(last))
    follow = [*first, *middle[:room], *last]
    return set_options(t, [Option(str(i), label, action) for i, (label, action) in enumerate(follow, 1)])


def do(t: Turn, action: str, text: str = "") -> Reply:
    """Carry out an option's action (``intent:X``, ``section:X``, ``sources``, ``calc``, ``all:``) on the topic."""
    from bot.dialogue import flows  # flows answer topics too: import on use

    kind, _, arg = action.partition(":")
    if kind == "intent":
        return answer(t, t.kn.topics[arg], text)
    if kind == "all":
        return all_topics(t)
    topic = t.kn.topics.get(t.state.get("topic") or "")
    if topic is None:
        return Reply(t.kn.messages.nothing_to_choose, "no_option")
    if kind == "checklist":
        return flows.start_checklist(t, topic)
    if kind == "section":
        name, _, whole = arg.partition(":")
        limit = None if whole else SECTION_FACTS
        body, caveat, count = render.section_text(t.kn, topic, name, t.day, text, limit)
        if not body:
            return Reply(t.kn.messages.nothing_to_choose, "no_option")
        footnote = [t.kn.messages.caveat_footnote] if caveat else []
        more = [name] if limit is not None and count > limit else []
        reply = Reply("\n".join([body, *footnote]), "section", intent=topic.id, section=name)
        reply.options = topic_options(t, topic, more=more, whole=True)
        return reply
    if kind == "sources":
        text = render.sources_text(t.kn, topic)
        name = t.kn.messages.sources_header
        return Reply(text, "section", intent=topic.id, options=topic_options(t, topic), section=name)
    if kind == "calc":
        result = calculate(t, topic, text)
        body = _with_footnote(t.kn, result, bool(refused(t, topic))) if result else t.kn.messages.calc_missing
        return Reply(body, "calc", intent=topic.id, options=topic_options(t, topic))
    return Reply(t.kn.messages.nothing_to_choose, "no_option")


def all_topics(t: Turn) -> Reply:
    """Every policy topic, numbered."""
    policies = [(tid, topic) for tid, topic in t.kn.topics.items() if topic.kind == "policy"]
    opts = [Option(str(i), topic.title, f"intent:{tid}") for i, (tid, topic) in enumerate(policies, 1)]
    return Reply(t.kn.messages.menu_header, "conversation", options=set_options(t, opts))


def answer(t: Turn, topic: Topic, text: str) -> Reply:
    """The answer to a question about ``topic``: the part asked if there is one, else the overview card."""
    kn = t.kn
    learned = t.facts(text) if text else {}
    t.profile.update(learned)
    t.state["topic"] = topic.id
    if topic.kind == "conversation":
        return conversation(t, topic)
    norm = normalize(text)
    lookup = LOOKUPS.get(topic.id)
    if lookup and text:
        found = lookup(kn, text)
        if found:
            return Reply(found, "answer", intent=topic.id, options=topic_options(t, topic))
    extra = []
    section = None
    if learned:
        extra.append(kn.messages.prefilled.format(facts=describe(t, learned)))
    warning = refused(t, topic)
    lead = [*extra, warning] if warning else []  # an excluded enterprise is told so before anything else
    calc = topic.calculator
    result = None if warning else calculate(t, topic, text)
    asks_amount = any(normalize(w) in norm for w in kn.messages.calc_words)
    if result and (asks_amount or calc and calc.inputs[0] in learned):
        extra.append(result)
        section = CALCULATION if asks_amount else None
    elif text and not asks_amount:
        part = section_asked(t, topic, text)
        if part:
            reply = do(t, part, text)
            reply.kind = "answer" if reply.kind == "section" else reply.kind  # the answer to a new question
            if lead or extra:
                reply.text = "\n".join([*(lead or extra), reply.text])
            reply.text = _with_footnote(kn, reply.text, bool(warning))
            return reply
    if lead:
        extra = []
    body, cut = render.answer_text(kn, topic, t.day, extra, brief=bool(asks_amount and (result or warning)), query=text)
    body = _with_footnote(kn, "\n".join([*lead, body]), bool(warning))
    return Reply(
        body,
        "answer",
        intent=topic.id,
        options=topic_options(t, topic, more=cut),
        section=section,
        data={"title": topic.title, "sections": sections_data(t, topic)},
    )


def _with_footnote(kn: Knowledge, text: str, caveat: bool) -> str:
    """``text`` with the caveat footnote, when it carries a caveat mark the footnote does not yet explain."""
    footnote = kn.messages.caveat_footnote
    return f"{text}\n{footnote}" if caveat and footnote not in text else text


def plain(t: Turn, topic: Topic) -> Reply:
    """The topic in a few plain words: its summary and the first facts of its main section."""
    kn = t.kn
    lines = [kn.messages.plain_header + (topic.summary or topic.title)]
    for section in topic.sections[:1]:
        facts, _ = render.fact_lines(kn, topic, render.facts_in_force(section.items, t.day)[:2])
        lines.extend(facts)
    return Reply("\n".join(lines), "section", intent=topic.id, options=topic_options(t, topic))


def sections_data(t: Turn, topic: Topic) -> list[dict[str, Any]]:
    """The topic's sections with sources and caveats, for channels that render cards (memoised per day)."""
    key = ("sections", topic.id, t.day)
    if key not in t.kn.memo:
        t.kn.memo[key] = [
            {
                "name": s.name,
                "items": [
                    {"text": f.text, "source": t.kn.cite(topic, f), "caveat": t.kn.uncertain(topic, f)}
                    for f in render.facts_in_force(s.items, t.day)
                ],
            }
            for s in topic.sections
        ]
    return t.kn.memo[key]  # type: ignore[no-any-return]


def conversation(t: Turn, topic: Topic) -> Reply:
    """Greeting, help, thanks, 转人工, or the policy_match questionnaire."""
    from bot.dialogue import flows

    if topic.questionnaire:
        return flows.start_questionnaire(t, topic)
    options: list[Option] = []
    if topic.id in ("greeting", "help"):
        options = menu(t)
        if topic.id == "help":
            options.append(Option(str(len(options) + 1), t.kn.messages.all_topics_label, "all:"))
    return Reply(topic.reply or "", "conversation", intent=topic.id, options=set_options(t, options))


def fallback(t: Turn, again: bool) -> Reply:
    """Out of scope: the full menu the first time; then a shorter, different text with 转人工."""
    m = t.kn.messages
    if not again:
        return Reply(m.fallback, "fallback", options=set_options(t, menu(t)))
    short = menu(t, limit=3)
    short.append(human_option(t.kn, str(len(short) + 1)))
    return Reply(m.fallback_again, "fallback", options=set_options(t, short))


def wants_check(t: Turn, norm: str) -> bool:
    """Whether the message asks “are we eligible?” (够不够条件, 帮我核一下, 我们这种情况行不行, 够专精特新不 …)."""
    return says(norm, t.kn, "eligibility") or bool(_ENOUGH.search(norm))


_ENOUGH = re.compile(r"够.{1,10}(不|没|吗|没得)$")
"""“够专精特新不”, “够得上小巨人吗”: enough for a title."""
