"""One message being answered: the knowledge snapshot, the conversation state, and helpers every handler shares."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from bot import checklist
from bot.answers import KNOWING_ASKED, extract
from bot.calc import HIGH_TECH
from bot.models import Option, Reply
from bot.settings import Settings
from intents.match import Candidate, Decision, Index
from intents.normalize import normalize
from knowledge.loader import Knowledge
from knowledge.schema import Criterion, Topic

FACTS_KEPT = 4096
"""Messages whose extracted facts are remembered per knowledge version (then forgotten all at once)."""
ALREADY_NUMBERED = frozenset({"match"})
"""Reply kinds whose text already lists their numbered options."""
OPTION_GAP = "  "
"""Between follow-up options written on one line (“1 条件自查  2 申报条件”); channels turn them into buttons."""
NOTHING_TO_CHECK = "nothing_to_check"
"""State key: the policy without conditions to check whose “暂无法判断” was given (facts after it are for it)."""
WORD_LISTS = (
    "useful",
    "useless",
    "restart",
    "exit",
    "conclude",
    "correction",
    "resume",
    "plainer",
    "missing",
    "fees",
    "go_ahead",
    "question_words",
    "unknown",
    "outcome",
    "asides",
    "leaving",
)


def english_terms(kn: Knowledge, text: str) -> str:
    """``text`` with the vocabulary's English terms in their Chinese words (R&D 前年140万 → 研发 前年140万)."""
    if "english_terms" not in kn.memo:
        pairs = [
            (v, k)
            for k, vs in kn.messages.vocabulary.synonyms.items()
            for v in vs
            if v.isascii() and len(v) >= ENGLISH_MIN
        ]
        kn.memo["english_terms"] = sorted(pairs, key=lambda p: -len(p[0]))
    if text.isascii() or not any(ch.isascii() and ch.isalpha() for ch in text):
        return text
    lowered = text.lower()
    for variant, word in kn.memo["english_terms"]:
        if variant in lowered:
            # (“高新技术企业 high-tech”: the word said twice is said once, not a second mention standing alone)
            w, v = re.escape(word), re.escape(variant)
            lowered = re.sub(rf"{w}[\s(（]*{v}[)）]?|{v}[\s(（]*{w}[)）]?", word, lowered).replace(variant, word)
    return lowered


ENGLISH_MIN = 3
"""Shorter English variants (rd, ip) are too easily part of another word to be replaced before reading facts."""


def policy_names(kn: Knowledge) -> list[str]:
    """Every topic's title and aliases: words that name a policy, not a fact about the user."""
    if "names" not in kn.memo:
        kn.memo["names"] = [n for t in kn.topics.values() for n in (t.title, *t.aliases)]
    return kn.memo["names"]  # type: ignore[no-any-return]


def calculation_criteria(topic: Topic | None) -> set[str]:
    """The criteria a topic's calculation reads: its inputs, the 15% rate's title and its special list (120%)."""
    calc = topic.calculator if topic else None
    if calc is None:
        return set()
    special = calc.params.get("special_criterion")
    return {*calc.inputs, HIGH_TECH, *([special] if special else [])}


def totals_of(kn: Knowledge, crit: Criterion) -> tuple[str, ...]:
    """The criteria that sum what the mean ``crit`` averages (近三年销售收入合计 for 近三年平均营业收入)."""
    if not crit.mean_of:
        return ()
    key = ("totals_of", tuple(crit.mean_of))
    if key not in kn.memo:
        kn.memo[key] = tuple(c for c, other in kn.criteria.items() if other.sum_of == crit.mean_of)
    return kn.memo[key]  # type: ignore[no-any-return]


def checklist_criteria(kn: Knowledge, topic_id: str, day: dt.date | None = None) -> dict[str, Criterion] | None:
    """The criteria a topic's checklists ask or derive from (the same object each time), or None without one.

    During a check, a figure is attached among these first: “研发占比5%” in a 高企 check is its three-year
    share, not the 专精特新 one-year share that a word of the whole vocabulary would pick. With ``day``, only the
    checklist in force that day, which is the one a check runs: “平台上自评得分62” in a check by the 2026 rules
    is their development score, not the self-score of the rules they replaced.
    """
    topic = kn.topics.get(topic_id)
    in_force = checklist.version_in_force(topic, day) if topic and day else None
    key = ("checklist_criteria", topic_id, topic.checklist.index(in_force) if topic and in_force else None)
    if key not in kn.memo:
        ids: set[str] = set()
        ids.update(calculation_criteria(topic))  # and what its calculation reads (the 120% list, the 15% rate)
        for version in [in_force] if in_force else topic.checklist if topic else []:
            for item in version.items:
                for cond in (*item.conditions(), *item.gates()):
                    ids.add(cond.criterion)
        todo = list(ids)
        while todo:  # the figures a derived criterion is computed from are asked too
            crit = kn.criteria.get(todo.pop())
            if crit is None:
                continue
            # (and what bounds it, with the total its mean is taken of: 近三年营收一共3.6个亿 bounds 平均主营)
            bound = kn.criteria.get(crit.at_most or "")
            for cid in (
                *crit.computed_from,
                *([crit.previous] if crit.previous else []),
                *([crit.at_most] if bound and crit.at_most else []),
                *(totals_of(kn, bound) if bound else ()),
            ):
                if cid not in ids:
                    ids.add(cid)
                    todo.append(cid)
        kn.memo[key] = {cid: kn.criteria[cid] for cid in kn.criteria if cid in ids} or None
    return kn.memo[key]  # type: ignore[no-any-return]


def words(kn: Knowledge) -> dict[str, frozenset[str]]:
    """The normalised reply words (有用, 退出, 重新开始, 直接给个结论 …), computed once per knowledge version."""
    if "vocabulary" not in kn.memo:
        vocab = kn.messages.vocabulary
        found = {name: _with_variants(map(normalize, getattr(vocab, name))) for name in WORD_LISTS}
        found["eligibility"] = _with_variants(map(normalize, [*vocab.eligibility, *kn.messages.checklist_words]))
        kn.memo["vocabulary"] = found
    return kn.memo["vocabulary"]  # type: ignore[no-any-return]


_PARTICLE_SPELLINGS = {"噻": "撒"}
"""A closing particle and how else users write it (够了噻, 够了撒): a word ending in one ends in the other too."""


_FOR_US = ("帮我们", "帮咱们", "帮我")
"""Who a request is for, said of me or of us (帮我过一下, 帮我们过一下): a word with one has the others too."""


def _with_variants(found: Iterable[str]) -> frozenset[str]:
    """The non-empty words, each ending in a particle also with its other spelling, each for me also for us."""
    out = {w for w in found if w}
    out |= {w[:-1] + _PARTICLE_SPELLINGS[w[-1]] for w in out if w[-1] in _PARTICLE_SPELLINGS}
    for w in list(out):
        said = next((p for p in _FOR_US if p in w), None)
        if said:
            out |= {w.replace(said, other, 1) for other in _FOR_US}
    return frozenset(out)


def says(norm: str, kn: Knowledge, name: str) -> bool:
    """Whether the normalised message contains one of the vocabulary's ``name`` words."""
    if name == "unknown":
        norm = KNOWING_ASKED.sub("|", norm)  # (你晓不晓得 asks the bot; it says nothing of what the user knows)
    return any(w in norm for w in words(kn)[name])


class Turn:
    """One message being answered: the knowledge snapshot, the conversation's state and what we learn."""

    def __init__(self, kn: Knowledge, index: Index, settings: Settings, state: dict[str, Any], day: dt.date):
        self.kn, self.index, self.settings, self.state, self.day = kn, index, settings, state, day
        self._facts: dict[tuple[str, str | None], dict[str, Any]] = {}
        self._matches: dict[str, tuple[list[Candidate], Decision]] = {}
        self.replaced: dict[str, Any] = {}
        """Answers this message changed: criterion id → the value before (echoed as 已更正, not 已记下)."""
        self.feedback: tuple[int, str, str | None, bool] | None = None
        """有用 / 没用 to store: ``Storage.add_feedback``'s arguments (no user hash: feedback is anonymous)."""

    @property
    def profile(self) -> dict[str, Any]:
        """What the user told us about the enterprise: criterion id → value."""
        return self.state.setdefault("profile", {})  # type: ignore[no-any-return]

    @property
    def flow(self) -> dict[str, Any] | None:
        """The checklist or questionnaire under way (its topic, version and pending question), if any."""
        return self.state.get("flow")

    @property
    def open_check(self) -> dict[str, Any] | None:
        """The check under way, else the parked one (a question on something else set it aside), if any."""
        return self.flow or self.state.get("suspended")

    @property
    def judged_topic(self) -> str | None:
        """The topic of the check last judged (its verdict given), if any."""
        return (self.state.get("last_check") or {}).get("topic")

    @property
    def check_topic(self) -> Any:
        """The topic of the check under way, else of the parked one, else the topic under discussion."""
        return (self.open_check or {}).get("topic") or self.state.get("topic")

    @property
    def scope(self) -> str | None:
        """The topic whose checklist the conversation is on (under way, parked, or the topic discussed)."""
        if (self.open_check or {}).get("kind") == "questionnaire":
            return None
        topic = self.check_topic
        return topic if topic and checklist_criteria(self.kn, topic) else None

    def facts(self, text: str, anywhere: bool = False, topic: str | None = None) -> dict[str, Any]:
        """What ``text`` states about the enterprise (computed once per message and checklist in scope).

        With ``anywhere``, read against every criterion, not only the check's: whether the message states
        facts at all (“独立法人 没进失信名单” in a check that asks neither is still an answer, not chatter).
        With ``topic``, read against that topic's checklist (a question that switches to it); a topic with none
        takes no variant of another policy's check (想报 is 小巨人's new application, not 重点新产品's).
        """
        if topic is not None:  # a new question on ``topic``: read against its checklist, if it has one
            scope = topic if checklist_criteria(self.kn, topic) else None
        else:
            scope = None if anywhere else self.scope
        if (text, scope) not in self._facts:
            known = self.kn.memo.setdefault("facts", {})  # the same message from many users: extract once
            facts = known.get((text, scope, self.day))  # one lookup: another thread may clear ``known`` at any time
            if facts is None:
                criteria = (checklist_criteria(self.kn, scope, self.day) if scope else None) or self.kn.criteria
                said = english_terms(self.kn, self.index.respell(text))  # (单项冠君: the name meant)
                facts = extract(said, criteria, policy_names(self.kn), self.day)
                if len(known) >= FACTS_KEPT:
                    known.clear()
                known[(text, scope, self.day)] = facts  # (a calendar year's meaning changes with the day)
            self._facts[(text, scope)] = facts
        found = self._facts[(text, scope)]
        if topic is not None and scope is None:  # (“想报重点新产品”: no variant of another policy's check, 新申请)
            return {c: v for c, v in found.items() if self.kn.criteria[c].presume is None}
        return dict(found)

    def match(self, text: str) -> tuple[list[Candidate], Decision]:
        """Ranked intents and the decision for ``text`` (computed once per text and turn)."""
        if text not in self._matches:
            candidates = self.index.match(text)
            self._matches[text] = (candidates, self.index.decide(candidates))
        return self._matches[text]


def set_options(t: Turn, options: list[Option]) -> list[Option]:
    """Remember the numbered options offered (a bare digit or the label picks one next turn)."""
    t.state["options"] = [[o.key, o.label, o.action] for o in options]
    return options


def offered(t: Turn) -> list[Option]:
    """The numbered options the last reply offered (what ``set_options`` kept), in their order."""
    return [Option(*o) for o in t.state.get("options") or []]


def offered_topics(t: Turn) -> list[tuple[Option, Topic]]:
    """The offered options that open a topic (the policies that may suit us, a menu), with the topic each opens."""
    found = [(o, t.kn.topics.get(o.action.removeprefix("intent:"))) for o in offered(t)]
    return [(o, topic) for o, topic in found if topic is not None and o.action.startswith("intent:")]


def menu(t: Turn, limit: int | None = None) -> list[Option]:
    """The topic menu of messages.yaml (its first ``limit`` entries), numbered."""
    kn = t.kn
    ids = [x for x in kn.messages.menu if x in kn.topics][:limit]
    return [Option(str(i), kn.topics[tid].title, f"intent:{tid}") for i, tid in enumerate(ids, 1)]


def human_option(kn: Knowledge, key: str = "1") -> Option:
    """转人工, as an option."""
    return Option(key, kn.topics["human_agent"].title, "intent:human_agent")


def finish(t: Turn, reply: Reply) -> Reply:
    """Append the numbered options to the text (once)."""
    if reply.menu_shown:
        return reply
    reply.menu_shown = True
    if reply.options and not t.flow and reply.kind not in ALREADY_NUMBERED:
        quiet = reply.kind in ("clarify", "fallback", "conversation", "restart")
        header = "" if quiet else t.kn.messages.followup_header
        # follow-ups on one line (a phone shows the answer, not a list); a menu of topics one per line
        joiner = "\n" if quiet else OPTION_GAP
        body = joiner.join(f"{o.key} {o.label}" for o in reply.options)
        reply.text = "\n".join(x for x in (reply.text, header, body) if x)
    return reply
