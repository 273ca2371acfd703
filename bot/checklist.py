"""Evaluate a topic's checklist against what the user has told us; pick the next question; reach a verdict."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.answers import UNKNOWN, convert
from knowledge.schema import ChecklistVersion, Condition, Criterion, Item, Topic

PASS, FAIL, OPEN, NA = "pass", "fail", "unknown", "n/a"
ASSUMED = "assumed"
"""Met on the criteria's ``assume`` value: the user never mentioned them (无失信、无事故 …); the verdict says so."""
ASSUMED_FAIL = "assumed_fail"
"""Not met unless an exception the user never mentioned applies (4项知识产权 unless a national award): the verdict
names the exception taken as absent (the criteria's ``assume`` value)."""

_NUMERIC: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}


def version_in_force(topic: Topic, day: dt.date) -> ChecklistVersion | None:
    """The checklist version that applies on ``day`` (the latest one if none is dated for it)."""
    if not topic.checklist:
        return None
    for version in topic.checklist:
        if version.in_force(day):
            return version
    return topic.checklist[0]


def test(cond: Condition, profile: dict[str, Any], criteria: dict[str, Criterion]) -> str:
    """PASS, FAIL, or OPEN when the answer is missing or unknown."""
    if cond.criterion not in profile or profile[cond.criterion] == UNKNOWN:
        return OPEN
    answer = profile[cond.criterion]
    crit = criteria[cond.criterion]
    if crit.type == "choice" and isinstance(answer, list):  # 国家级的奖莫得: one of several, decided if all agree
        found = {test(cond, {**profile, cond.criterion: one}, criteria) for one in answer}
        return found.pop() if len(found) == 1 else OPEN
    if cond.op in ("in", "not_in"):
        values = cond.value if isinstance(cond.value, list) else [cond.value]
        inside = answer in values
        return PASS if inside == (cond.op == "in") else FAIL
    value = cond.value
    if crit.type == "number" and cond.unit and crit.unit and isinstance(value, int | float):
        value = convert(float(value), cond.unit, crit.unit) or value
    if crit.type == "choice" and isinstance(value, list):
        return PASS if (answer in value) == (cond.op == "==") else FAIL
    if isinstance(answer, list):  # a range (五千多万, 不到一年): decided only if both ends agree
        low, high = (PASS if _NUMERIC[cond.op](end, value) else FAIL for end in answer)
        return low if low == high else OPEN
    return PASS if _NUMERIC[cond.op](answer, value) else FAIL


def status(item: Item, profile: dict[str, Any], criteria: dict[str, Criterion]) -> str:
    """The item's state: PASS, FAIL, OPEN, or NA when its ``when`` does not hold."""
    gates = [test(g, _presumed(g, profile, criteria), criteria) for g in item.gates()]
    if FAIL in gates:
        return NA
    if OPEN in gates:
        return OPEN
    results = [test(c, profile, criteria) for c in item.conditions()]
    if PASS in results:
        return PASS
    if OPEN in results:
        return OPEN
    return FAIL


def other_routes(
    outcomes: list[Outcome], unmet: Item, profile: dict[str, Any], criteria: dict[str, Criterion]
) -> list[Item]:
    """Items on the same criteria as ``unmet`` that another case would apply (国家级“小巨人”企业：…不低于1亿元).

    Each is set aside by its ``when`` only for a title the enterprise does not hold: the route it could take
    instead, not the other kind's bar (国家级 vs 市级) nor another tier of a figure (销售收入2亿元以上的 …).
    """
    own = {c.criterion for c in unmet.conditions()}

    def by_title(item: Item) -> bool:
        failing = [g for g in item.gates() if test(g, _presumed(g, profile, criteria), criteria) == FAIL]
        return bool(failing) and all(criteria[g.criterion].title for g in failing)

    return [
        o.item
        for o in outcomes
        if o.status == NA
        and o.item is not unmet
        and {c.criterion for c in o.item.conditions()} == own
        and by_title(o.item)
    ]


def _met_anyway(item: Item, profile: dict[str, Any], criteria: dict[str, Criterion]) -> bool:
    """Whether the item's own test passes, so that it is met whether or not its ``when`` holds."""
    return any(test(c, profile, criteria) == PASS for c in item.conditions())


def _gate_open(cond: Condition, profile: dict[str, Any]) -> bool:
    return cond.criterion not in profile or profile[cond.criterion] == UNKNOWN


def _presumed(cond: Condition, profile: dict[str, Any], criteria: dict[str, Criterion]) -> dict[str, Any]:
    """``profile`` with the presumed answer of the gate's criterion when the user gave none (没说复核 → 新申请)."""
    presume = criteria[cond.criterion].presume
    if presume is None or not _gate_open(cond, profile):
        return profile
    return {**profile, cond.criterion: presume}


def _open_gate(item: Item, profile: dict[str, Any], criteria: dict[str, Criterion]) -> Condition | None:
    """The first condition of the item's ``when`` not answered yet and not presumed."""
    return next((g for g in item.gates() if _gate_open(g, profile) and criteria[g.criterion].presume is None), None)


def _possible(crit: Criterion) -> list[Any]:
    """Every value a yes/no or choice criterion can take (none listed for numbers)."""
    if crit.type == "bool":
        return [True, False]
    return [o.value for o in crit.options] if crit.type == "choice" else []


def statuses(items: list[Item], profile: dict[str, Any], criteria: dict[str, Criterion]) -> list[str]:
    """Each item's state, deciding items whose ``when`` is unknown where every possible answer leads the same way.

    “从事相关领域满5年（老产品）/ 满3年（新产品）” with 18 years passes whether or not the product is new, and an
    average revenue of 0.5亿 fails both the 4亿 and the 1亿 branch: the gate need not be asked.
    """
    found = [status(item, profile, criteria) for item in items]
    gated: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        gate = _open_gate(item, profile, criteria) if found[n] == OPEN else None
        if gate:
            gated.setdefault(gate.criterion, []).append(n)
    for cid, members in gated.items():
        values = _possible(criteria[cid])
        if not values and all(_met_anyway(items[n], profile, criteria) for n in members):
            for n in members:  # 近三年研发占比 5.6% with last year's revenue unknown: every tier (≥3/4/5%) is met
                found[n] = PASS
            continue
        outcomes = [[status(items[n], {**profile, cid: v}, criteria) for n in members] for v in values]
        if not outcomes:
            continue
        if all(OPEN not in o and FAIL not in o for o in outcomes):
            settled = PASS
        elif all(FAIL in o for o in outcomes):
            settled = FAIL
        else:
            continue
        for k, n in enumerate(members):
            found[n] = settled if any(o[k] == settled for o in outcomes) else NA
    return found


def next_criterion(
    items: list[Item], profile: dict[str, Any], criteria: dict[str, Criterion], known: dict[str, Any] | None = None
) -> str | None:
    """The next criterion worth asking (not yet answered), or None when nothing more can be learned.

    ``known`` (the profile and what it bounds) decides which items are still open; ``profile`` which of their
    criteria were answered.
    """
    states = statuses(items, profile if known is None else known, criteria)
    for last in (False, True):  # items of conditions nearly everyone meets (无失信, 中小企业) are asked last
        for item, state in zip(items, states, strict=True):
            if state == OPEN and _assumable(item, criteria) == last and _asked(item, criteria):
                found = _unanswered(item, profile, criteria)
                if found:
                    return found
    return None


def _assumable(item: Item, criteria: dict[str, Criterion]) -> bool:
    """Whether every criterion of ``item`` has an ``assume`` value (a condition nearly everyone meets)."""
    return all(criteria[c.criterion].assume is not None for c in item.gates() + item.conditions())


def _asked(item: Item, criteria: dict[str, Criterion]) -> bool:
    """Whether the check asks ``item`` at all (not one only read from what the user says: ``ask: false``)."""
    return any(criteria[c.criterion].ask for c in item.gates() + item.conditions())


def _unanswered(item: Item, profile: dict[str, Any], criteria: dict[str, Criterion]) -> str | None:
    """The first criterion of an open ``item`` not answered yet (its gates first), or None."""
    unasked = next((g.criterion for g in item.gates() if g.criterion not in profile), None)
    if unasked:
        return unasked
    if any(profile.get(g.criterion) == UNKNOWN and criteria[g.criterion].presume is None for g in item.gates()):
        return None  # behind a gate the user cannot answer: nothing to ask
    return next((c.criterion for c in item.conditions() if c.criterion not in profile), None)


def open_items(items: list[Item], profile: dict[str, Any], criteria: dict[str, Criterion]) -> int:
    """How many conditions are still undecided (what “共 N 项” promises).

    Items behind a yes/no or choice question not answered yet (新申请 / 复核) count once per branch: the larger.
    """
    plain = 0
    branches: dict[str, dict[str, int]] = {}
    for item, state in zip(items, statuses(items, profile, criteria), strict=True):
        if state != OPEN:
            continue
        gate = _open_gate(item, profile, criteria)
        if gate and criteria[gate.criterion].type != "number":
            counts = branches.setdefault(gate.criterion, {})
            key = f"{gate.op}{gate.value}"
            counts[key] = counts.get(key, 0) + 1
        else:
            plain += 1
    return plain + sum(max(counts.values()) for counts in branches.values())


def to_ask(items: list[Item], criteria: dict[str, Criterion]) -> list[str]:
    """Every criterion the checklist may ask, in order, each once."""
    seen: list[str] = []
    for item in items:
        for cond in item.gates() + item.conditions():
            if cond.criterion not in seen:
                seen.append(cond.criterion)
    return seen


@dataclass(frozen=True)
class Outcome:
    """One item's result, for the verdict."""

    item: Item
    status: str


@dataclass(frozen=True)
class Verdict:
    """符合 (pass) / 不符合 (fail) / 暂无法判断 (unknown), with each item's outcome."""

    result: str
    outcomes: list[Outcome]

    supposed: dict[str, Any] = field(default_factory=dict)
    """The ``assume`` values an item was judged on (ASSUMED or ASSUMED_FAIL)."""

    @property
    def unmet(self) -> list[Outcome]:
        """Items not met (on the user's answers, or unless an exception never mentioned applies)."""
        return [o for o in self.outcomes if o.status in (FAIL, ASSUMED_FAIL)]

    @property
    def assumed(self) -> list[Outcome]:
        """Items met only on what is usually so (the user never mentioned them)."""
        return [o for o in self.outcomes if o.status == ASSUMED]

    @property
    def unknown(self) -> list[Outcome]:
        """Items that could not be decided."""
        return [o for o in self.outcomes if o.status == OPEN]


def verdict(
    items: list[Item], profile: dict[str, Any], criteria: dict[str, Criterion], exceptions: bool = False
) -> Verdict:
    """Judge every item; any unmet → FAIL, else any unknown → OPEN, else PASS.

    When every item still open has criteria the user never mentioned with an ``assume`` value (无失信, 无事故 …)
    and is met on those values, the items are ASSUMED and the verdict is 符合, naming what it took for granted.
    With ``exceptions`` (the verdict the user asked for, not a check still asking), an item that those values fail
    (3项知识产权, no national award mentioned) is ASSUMED_FAIL: 不符合, unless the exception never mentioned applies.
    """
    found = statuses(items, profile, criteria)
    assumed = (
        {}
        if FAIL in found
        else {  # (an unmet item decides it: nothing need be taken for granted)
            c.criterion: criteria[c.criterion].assume
            for item, state in zip(items, found, strict=True)
            if state == OPEN
            for c in (*item.gates(), *item.conditions())
            if c.criterion not in profile and criteria[c.criterion].assume is not None
        }
    )
    supposed = statuses(items, {**profile, **assumed}, criteria) if assumed else found
    if OPEN not in supposed and FAIL not in supposed:  # only to say 符合: otherwise it stays to be confirmed
        found = [ASSUMED if s == OPEN and t == PASS else s for s, t in zip(found, supposed, strict=True)]
    elif exceptions and FAIL in supposed:
        # “授权的只有三个”, no award mentioned: not met, unless the award the user never named applies
        found = [ASSUMED_FAIL if s == OPEN and t == FAIL else s for s, t in zip(found, supposed, strict=True)]
    outcomes = [Outcome(i, state) for i, state in zip(items, found, strict=True)]
    states = {PASS if o.status == ASSUMED else FAIL if o.status == ASSUMED_FAIL else o.status for o in outcomes}
    result = FAIL if FAIL in states else OPEN if OPEN in states else PASS
    return Verdict(result, outcomes, assumed)
