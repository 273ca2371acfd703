"""Checklists and the policy_match questionnaire: ask the next question, record answers, reach a verdict."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot import checklist, render
from bot.answers import BELOW_FACTOR, JUST_UNDER, UNBOUNDED, UNKNOWN
from bot.dialogue.topics import CONDITIONS, describe, noted, refused, topic_options
from bot.dialogue.turn import Turn, checklist_criteria, finish, menu, offered, offered_topics, set_options, totals_of
from bot.models import Option, Reply
from intents.normalize import normalize
from knowledge.schema import ChecklistVersion, Criterion, Item, Topic

CHECKLIST = "checklist"
QUESTIONNAIRE = "questionnaire"
EXCLUSIONS = "不适用情形"
"""The section of the excluded: a check that starts by telling an excluded industry so leads with it."""
MEETS = "meets"
"""A value ``{"meets": bool}``: the user said a number criterion reaches its threshold (够了) or not."""


def of_the_enterprise(t: Turn, topic: Topic) -> set[str]:
    """The criteria of ``topic``'s check that other policies' checks ask too: facts of the enterprise.

    Where it is registered, its credit, its figures: not of the one product checked. A check started over for
    another product keeps them (那这个不算了 重新来 我们还有个…软件).
    """
    own = set(checklist_criteria(t.kn, topic.id) or {})
    elsewhere = {
        c for other in t.kn.topics.values() if other.id != topic.id for c in checklist_criteria(t.kn, other.id) or {}
    }
    return own & elsewhere


def start_checklist(
    t: Turn,
    topic: Topic,
    intro: str = "",
    fresh: bool = False,
    values: dict[str, Any] | None = None,
    kept: set[str] | frozenset[str] = frozenset(),
) -> Reply:
    """Begin ``topic``'s checklist: what is known is kept, what was “不知道” is asked again; ``fresh`` forgets all.

    ``kept`` criteria are not forgotten even then (another product of the same enterprise checked afresh).

    ``values`` are recorded once the old answers are forgotten (重新来 我们要报的是…: the new start's facts).
    """
    version = checklist.version_in_force(topic, t.day)
    if version is None:
        return Reply(
            t.kn.messages.checklist_none.format(title=topic.title),
            "answer",
            intent=topic.id,
            options=topic_options(t, topic),
        )
    answered = t.state.setdefault("answered", [])
    # Starting afresh forgets every figure the check reads (its shares' figures too), but not which kind of the
    # policy is checked (那有没有门槛低点的 … 按这个再核一遍); else only the 不知道 answers.
    # (and every other figure told in the check being redone: 三年营收加起来五个多亿 “那个是集团的数 重新开始”)
    ids = (
        [*(checklist_criteria(t.kn, topic.id) or {}), *answered]
        if fresh
        else checklist.to_ask(version.items, t.kn.criteria)
    )
    for cid in dict.fromkeys(ids):
        kind = t.kn.criteria[cid].presume is not None and t.profile.get(cid) != UNKNOWN
        if cid in answered and ((fresh and not kind and cid not in kept) or t.profile.get(cid) == UNKNOWN):
            answered.remove(cid)
            t.profile.pop(cid, None)
    if fresh:
        forget_computed(t)
    stored = record(t, dict(values)) if values else {}
    t.state["flow"] = {"kind": CHECKLIST, "topic": topic.id, "version": topic.checklist.index(version), "asked": 0}
    # (echoed once the check is in hand, so the kind it checks is shown: 已记下：核对的是市级企业技术中心 是)
    noted = echo(t, stored, None) if stored else ""  # (重新说 …去年营收三千二: 已记下 …)
    still = {c: t.profile[c] for c in kept if c in t.profile and c not in stored}  # (another product's check)
    if still:
        noted = "\n".join(x for x in (t.kn.messages.restart_kept.format(facts=describe(t, still)), noted) if x)
    t.state["topic"] = topic.id
    begun = [x for x in t.state.get(BEGUN) or [] if x != topic.id]
    t.state[BEGUN] = [*begun, topic.id][-BEGUN_KEPT:]
    if (t.state.get("suspended") or {}).get("topic") == topic.id:
        t.state.pop("suspended")  # this check was the parked one; another parked check stays parked
    set_options(t, [])
    derive(t)
    warning = refused(t, topic)  # an excluded industry (负面清单) is told so before the first question
    footnote = t.kn.messages.caveat_footnote if warning and t.kn.messages.caveat_footnote not in intro else ""
    if next_question(t) is None:  # all known already: the verdict, without promising questions
        if intro == f"【{topic.title}】" and not warning:
            intro = ""  # (the verdict's own title names the topic)
        return advance(t, "\n".join(x for x in (intro, warning, footnote) if x))
    total = checklist.open_items(version.items, known(t), t.kn.criteria)
    start = t.kn.messages.checklist_start.format(title=topic.title, version=version.label, total=total)
    parts = (warning, intro, footnote, start, noted) if warning else (intro, start, noted)
    reply = advance(t, "\n".join(x for x in parts if x))  # (an excluded industry: told so before anything else)
    lead = (
        EXCLUSIONS if warning else CONDITIONS
    )  # an excluded industry is told so first, then the 申报条件 one at a time
    if any(s.name == lead for s in topic.sections):
        reply.section = lead
    return reply


def start_questionnaire(t: Turn, topic: Topic) -> Reply:
    """Begin the whole-enterprise questionnaire (policy_match)."""
    t.state["flow"] = {"kind": QUESTIONNAIRE, "topic": topic.id, "asked": 0}
    t.state.pop("suspended", None)
    set_options(t, [])
    total = len([c for c in topic.questionnaire if c not in t.profile])
    return advance(t, (topic.reply or "").format(total=total) if total else "")  # (all known: the list at once)


def referred(t: Turn, topic_check: bool = True) -> dict[str, Any] | None:
    """The check a verdict, a gap or a restart refers to.

    The one under way, else the parked one, else the last finished one, else (with ``topic_check``) the checklist
    of the topic under discussion, not run yet.
    """
    suspended, last, current = t.state.get("suspended"), t.state.get("last_check"), t.state.get("topic")
    if not t.flow and last and last.get("topic") == current and (suspended or {}).get("topic") != current:
        found = last  # the check just concluded on the topic under discussion, not one parked before it
    else:
        found = t.flow or suspended or last
    topic = t.kn.topics.get(current or "")
    if found or not topic_check or topic is None or not topic.checklist:
        return found
    version = checklist.version_in_force(topic, t.day)
    return {"kind": CHECKLIST, "topic": topic.id, "version": topic.checklist.index(version) if version else 0}


def version_of(t: Turn, flow: dict[str, Any]) -> ChecklistVersion | None:
    """The checklist version a flow (or a finished check) runs on; None for the questionnaire."""
    topic = t.kn.topics[flow["topic"]]
    if flow.get("kind") == QUESTIONNAIRE or not topic.checklist:
        return None
    return topic.checklist[min(flow.get("version", 0), len(topic.checklist) - 1)]


def next_question(t: Turn) -> str | None:
    """The next criterion to ask in the flow under way, or None when nothing more can be learned.

    With the ``stop_when_decided`` setting, None too once an unmet condition decides the verdict (the rest cannot
    change it; the verdict says so).
    """
    flow = t.state["flow"]
    version = version_of(t, flow)
    if version is None:
        questions = t.kn.topics[flow["topic"]].questionnaire
        return next((q for q in questions if q not in t.profile), None)
    if (
        t.settings.stop_when_decided
        and checklist.verdict(version.items, known(t), t.kn.criteria).result == checklist.FAIL
    ):
        return None
    return checklist.next_criterion(version.items, t.profile, t.kn.criteria, known(t))


def question(t: Turn, pending: str, intro: str = "") -> Reply:
    """The reply that asks ``pending`` (with 是/否/不知道 or the choices as options)."""
    flow = t.state["flow"]
    crit = t.kn.criteria[pending]
    m = t.kn.messages
    options = []
    if crit.type == "bool":
        options = [Option("1", m.answer_yes, "answer"), Option("2", m.answer_no, "answer"),
                   Option("3", m.answer_unknown, "answer")]  # fmt: skip
    elif crit.type == "choice":
        options = [Option(str(i), o.label, "answer") for i, o in enumerate(crit.options, 1)]
    body = render.question_text(t.kn, crit, flow.get("asked", 1), yes_no_threshold(t, pending))
    return Reply(
        "\n".join(x for x in (intro, body) if x),
        "checklist_step",
        intent=flow["topic"],
        options=options,
        expects=crit.type,
        data={"criterion": pending},
    )


def advance(t: Turn, intro: str = "") -> Reply:
    """Ask the next question, or conclude when there is none."""
    flow = t.state["flow"]
    pending = next_question(t)
    if pending is None:
        return conclude(t, intro)
    if pending != flow.get("pending"):
        flow["asked"] = flow.get("asked", 0) + 1
        flow["reasks"] = 0
    flow["pending"] = pending
    settled = decided(t, flow)
    reply = question(t, pending, "\n".join(x for x in (intro, settled) if x))
    if settled:
        reply.data["verdict"] = checklist.FAIL  # the reply states it: 结论已经确定：不符合
    return reply


def decided(t: Turn, flow: dict[str, Any]) -> str:
    """Once, when an unmet condition settles the verdict: 不符合 now, what is unmet, and that the rest is optional.

    The remaining items cannot change the verdict; the user may stop (结论 / 退出) or answer on to learn the other gaps.
    """
    found = judged(t, flow) if flow.get("kind") == CHECKLIST else None
    if found is None or found[2].result != checklist.FAIL:
        # a correction undid it (科技人员 12 → 22): said once; a condition unmet later is told again
        return t.kn.messages.verdict_undecided if flow.pop("decided", None) and found is not None else ""
    if flow.get("decided"):
        return ""
    _topic, _version, result = found
    flow["decided"] = True
    unmet = "；".join(o.item.label for o in result.unmet)
    return t.kn.messages.verdict_decided.format(unmet=unmet, count=len(result.unknown))


def ask_again(t: Turn, intro: str = "") -> Reply:
    """The pending question once more (after a detour, or when the check is resumed)."""
    pending = t.state["flow"].get("pending")
    if not pending or pending not in t.kn.criteria:
        return advance(t, intro)
    return question(t, pending, intro)


YES_NO_OPS = (">=", ">")
"""Thresholds a number question may ask as yes/no (达到…了吗); below a ceiling “没有” would read as zero, so those
questions ask for the figure."""


def yes_no_threshold(t: Turn, cid: str) -> tuple[str, float, str | None] | None:
    """The one threshold the check under way holds ``cid`` to, where a yes/no answers it (成立满1年了吗).

    None where the figure itself is needed: in the questionnaire, for several thresholds, a ceiling, or a figure
    another one is computed from (研发费用 ÷ 营业收入) or the topic's calculator reads.
    """
    flow = t.state.get("flow") or {}
    version = version_of(t, flow) if flow.get("kind") == CHECKLIST else None
    crit = t.kn.criteria[cid]
    if version is None or crit.type != "number" or cid in _inputs(t):
        return None
    topic = t.kn.topics[flow["topic"]]
    if topic.calculator and cid in topic.calculator.inputs:
        return None
    found = {
        (c.op, float(c.value), c.unit)  # type: ignore[arg-type]
        for item in version.items
        for c in item.gates() + item.conditions()
        if c.criterion == cid
    }
    if len(found) != 1:
        return None
    ((op, value, unit),) = found
    return (op, value, unit) if op in YES_NO_OPS else None


def _inputs(t: Turn) -> frozenset[str]:
    """Criteria other criteria are computed from or bounded by (their figures are needed), once per knowledge."""
    if "criteria_inputs" not in t.kn.memo:
        t.kn.memo["criteria_inputs"] = frozenset(
            x for c in t.kn.criteria.values() for x in (*c.computed_from, *([c.at_most] if c.at_most else []))
        )
    return t.kn.memo["criteria_inputs"]  # type: ignore[no-any-return]


def threshold_value(t: Turn, cid: str, meets: bool) -> Any:
    """A “够了 / 达不到” answer to a number question, as the range it states against the check's threshold."""
    flow = t.state.get("flow") or {}
    version = version_of(t, flow) if flow else None
    crit = t.kn.criteria[cid]
    for item in version.items if version else []:
        for cond in item.conditions():
            if cond.criterion != cid or not isinstance(cond.value, int | float) or isinstance(cond.value, bool):
                continue
            value = float(cond.value)
            if cond.unit and crit.unit and cond.unit != crit.unit:
                from bot.answers import convert

                value = convert(value, cond.unit, crit.unit) or value
            if cond.op in (">=", ">"):
                return [value, UNBOUNDED] if meets else [0.0, value * JUST_UNDER]
            if cond.op in ("<=", "<"):
                return [0.0, value] if meets else [value / JUST_UNDER, UNBOUNDED]
    return None


def record(t: Turn, values: dict[str, Any]) -> dict[str, Any]:
    """Store answers in the profile (and what they let us derive); returns what was stored, by criterion."""
    stored: dict[str, Any] = {}
    inputs = {i for c in t.state.get("computed", []) if c in t.kn.criteria for i in t.kn.criteria[c].computed_from}
    if any(cid in inputs and t.profile.get(cid) != v for cid, v in values.items()):
        forget_computed(t)  # “科技人员二十二个” after ten: the share is computed again, not kept from before
    for cid, value in values.items():
        if isinstance(value, dict) and MEETS in value:
            value = threshold_value(t, cid, bool(value[MEETS]))
            if value is None:
                continue
        if _within_bound(t.profile.get(cid), value):
            continue  # told 4200万, then “营收不够五千万是不是就莫戏了”: the exact figure stands
        if t.profile.get(cid) not in (None, value):
            t.replaced.setdefault(cid, t.profile[cid])
        t.profile[cid] = value
        stored[cid] = value
        answered = t.state.setdefault("answered", [])
        if cid not in answered:
            answered.append(cid)
    _restate_from_parts(t, stored)
    stored.update(derive(t))
    return stored


def _restate_from_parts(t: Turn, stored: dict[str, Any]) -> None:
    """Drop a figure said before whose parts were all said since, this turn among them, so it is computed again.

    “主营占九成五”, then “主营只有一亿二千八” with 营收 1.5亿 known: the share is 85.33% now, not the 95% said.
    """
    computed = t.state.get("computed", [])
    for cid, crit in _computed(t):
        parts = crit.computed_from
        if (
            cid in t.profile
            and cid not in stored
            and cid not in computed
            and any(p in stored for p in parts)
            and all(p in t.profile for p in parts)
        ):
            t.replaced.setdefault(cid, t.profile.pop(cid))


def _within_bound(known: Any, value: Any) -> bool:
    """Whether ``value`` is only a bound that the exact figure ``known`` keeps to.

    不到/不够 X: just under X; 连 X 都没得: anywhere under it.
    """
    if not _number(known) or not (isinstance(value, list) and len(value) == 2 and all(map(_number, value))):
        return False
    low, high = value
    below = high > 0 and (low == 0 or abs(low / high - BELOW_FACTOR / JUST_UNDER) < BOUND_TOLERANCE)
    return below and 0 <= known <= high


BOUND_TOLERANCE = 1e-6


def derive(t: Turn) -> dict[str, Any]:
    """Values the profile now allows that the user has not given (研发费用 ÷ 营业收入 → 研发占比).

    Bounds (近两年每年的占比 ≤ 上年度占比, and so 上年度占比 ≥ 近两年每年的占比) are kept apart in
    ``state["derived"]``: they judge, but are still asked.
    """
    found: dict[str, Any] = {}
    bounds = {}
    computed = t.state.setdefault("computed", [])
    _drop_contradicted_minimums(t, computed)
    for _ in range(DERIVE_ROUNDS):  # a ratio of last year and of the year before, then their minimum
        for cid, crit in _computed(t):
            if cid in t.profile and not (crit.above_of and t.profile[cid] == UNKNOWN):
                continue  # (同行业平均晓不得, then 问到了 平均两个点出头: now it can be compared)
            value = _compute(crit, t.profile)
            if value is None and crit.mean_of:
                value = _mean_of_total(t, crit)  # 近三年营收一共3.6个亿: 1.2亿 a year on average
            if value is not None:
                t.profile[cid] = found[cid] = value
                computed.append(cid)
    for cid, crit in t.kn.criteria.items():
        above = t.profile.get(crit.at_most or "")
        if crit.at_most and cid not in t.profile and (_number(above) or isinstance(above, list)):
            bounds[cid] = [0.0, above[1] if isinstance(above, list) else above]
        below = t.profile.get(cid)
        if crit.at_most and crit.at_most not in t.profile and (_number(below) or isinstance(below, list)):
            # and what it does not exceed is at least as much (主营收入四千万 → 营业收入 4000万 or more)
            bounds[crit.at_most] = [below[0] if isinstance(below, list) else below, UNBOUNDED]
    t.state["derived"] = bounds
    if not bounds:
        t.state.pop("derived")
    return found


DERIVE_ROUNDS = 2
VERDICT_GIVEN = "verdict_given"
"""State flag: the last reply was a verdict (要得 after it thanks, it does not start the check again)."""
VERDICT_VARIANT = "verdict_variant"
"""State key: the variant a verdict just given was of (按120%), for the late answer to one of its conditions."""
LAST_PART = "last_part"
"""State: the part of the topic the last reply led with (计算方法), if any: an ellipsis after it (委托国外的呢) asks the
same part of what it names."""
CHECKABLE = "checkable"
"""State: the last topic of the conversation with a checklist (a check asked on the goals after it is of that one)."""
BEGUN = "begun"
"""State: the topics whose check was started in this conversation, the latest last (回到材料那个: which one)."""
BEGUN_KEPT = 8
ATTENDING = "attending"
"""State: the condition the user just asked the threshold of (a bare share said next is of it)."""


def _drop_contradicted_minimums(t: Turn, computed: list[str]) -> None:
    """A minimum told (近两年每年都过了100万) that a year told since falls below (一年也就六十万): at most that year's.

    “研发费用一百二十万” to 近两年每年都有100万吗, then “一百二十万是两年加起的 一年也就六十万左右”: the minimum is
    60万 or less, not still 100万 or more.
    """
    for cid, crit in _computed(t):
        told: Any = t.profile.get(cid)
        if not crit.min_of or cid in computed or not (_number(told) or isinstance(told, list)):
            continue
        least = float(told[0] if isinstance(told, list) else told)
        years: list[Any] = [t.profile.get(c) for c in crit.min_of]
        highs = [float(y[1] if isinstance(y, list) else y) for y in years if _number(y) or isinstance(y, list)]
        if highs and min(highs) < least:
            t.profile[cid] = [0.0, min(highs)]


def _mean_of_total(t: Turn, crit: Criterion) -> Any:
    """A mean over years from the total said of the same years (the criterion summing what ``crit`` averages)."""
    total = next((t.profile[c] for c in totals_of(t.kn, crit) if c in t.profile), None)
    years = len(crit.mean_of)
    if isinstance(total, list) and all(_number(v) for v in total):
        return [total[0] / years, min(total[1] / years, UNBOUNDED)]
    if isinstance(total, int | float) and not isinstance(total, bool):
        return total / years
    return None


def _compute(crit: Criterion, profile: dict[str, Any]) -> Any:
    """The criterion's value from others (share_of, above_of, ratio_of, min_of, sum_of, mean_of, growth_of).

    None while one is missing.
    """
    if crit.share_of:
        return _share(*(profile.get(c) for c in crit.share_of))
    if crit.above_of:
        return _above(*(profile.get(c) for c in crit.above_of))
    if crit.ratio_of:
        return _ratio(*(profile.get(c) for c in crit.ratio_of))
    if crit.growth_of:
        return _growth(profile.get(crit.growth_of[0]), profile.get(crit.growth_of[-1]), len(crit.growth_of) - 1)
    parts = [profile.get(c) for c in crit.min_of or crit.sum_of or crit.mean_of]
    if not parts or not all(_number(p) or isinstance(p, list) for p in parts):
        return None
    lows: list[float] = [p[0] if isinstance(p, list) else p for p in parts]  # type: ignore[misc]
    highs: list[float] = [p[1] if isinstance(p, list) else p for p in parts]  # type: ignore[misc]
    low, high = (min(lows), min(highs)) if crit.min_of else (sum(lows), min(sum(highs), UNBOUNDED))
    if crit.mean_of:
        low, high = low / len(parts), min(high / len(parts), UNBOUNDED)
    return low if low == high else [low, high]


def _computed(t: Turn) -> list[tuple[str, Criterion]]:
    """The criteria computed from others, once per knowledge version."""
    if "computed_criteria" not in t.kn.memo:
        t.kn.memo["computed_criteria"] = [(c, crit) for c, crit in t.kn.criteria.items() if crit.computed_from]
    return t.kn.memo["computed_criteria"]  # type: ignore[no-any-return]


def forget_computed(t: Turn) -> None:
    """Drop the values computed from others (after a correction they are computed again)."""
    for cid in t.state.pop("computed", []):
        t.profile.pop(cid, None)


def _ends(value: Any) -> tuple[float, float]:
    """A figure's low and high end (a range's two, a single figure's itself twice)."""
    return (value[0], value[1]) if isinstance(value, list) else (value, value)


def _ratio(top: Any, bottom: Any) -> float | list[float] | None:
    """``top ÷ bottom`` in percent; a range where either is a range."""
    (top_low, top_high), (bottom_low, bottom_high) = _ends(top), _ends(bottom)
    lows, highs = [top_low, bottom_high], [top_high, bottom_low]  # (the least over the most, and the other way)
    if not all(_number(x) for x in [*lows, *highs]) or not lows[1] or not highs[1] or highs[0] >= UNBOUNDED:
        return None
    low, high = round(lows[0] / lows[1] * 100, 2), round(highs[0] / highs[1] * 100, 2)
    return low if low == high else [low, high]


WHOLE_SHARE = 100.0
"""A share of all of it, in percent: no part is more."""


def _share(share: Any, whole: Any) -> float | list[float] | None:
    """``share`` percent of ``whole``; a range where either is one."""
    if not all(_number(v) or isinstance(v, list) for v in (share, whole)):
        return None
    share_low, share_high = _ends(share)
    whole_low, whole_high = _ends(whole)
    if whole_high >= UNBOUNDED or share_high > WHOLE_SHARE:
        return None
    low, high = round(share_low * whole_low / 100, 2), round(share_high * whole_high / 100, 2)
    return low if low == high else [low, high]


def _above(ours: Any, average: Any) -> bool | None:
    """Whether ``ours`` (a share, or its range) is above ``average``; None while either is missing or they overlap."""
    if not all(_number(v) or isinstance(v, list) for v in (ours, average)):
        return None
    our_low, our_high = _ends(ours)
    avg_low, avg_high = _ends(average)
    if our_low > avg_high:
        return True
    if our_high <= avg_low:
        return False
    return None


def _growth(last: Any, first: Any, years: int) -> float | list[float] | None:
    """The yearly (compound) growth in percent from ``first`` to ``last`` over ``years``; a range where either is one.

    营收 1.3亿 three years back and 1.6亿 last year: (1.6 ÷ 1.3)^(1/2) − 1 ≈ 10.94% a year.
    """
    (last_low, last_high), (first_low, first_high) = _ends(last), _ends(first)
    lows, highs = [last_low, first_high], [last_high, first_low]
    if years < 1 or not all(_number(x) and 0 < x < UNBOUNDED for x in [*lows, *highs]):
        return None
    low, high = (round(((top / base) ** (1 / years) - 1) * 100, 2) for top, base in (lows, highs))
    return low if low == high else [low, high]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def known(t: Turn) -> dict[str, Any]:
    """What the checklist is judged on: the profile, and the bounds derived from it where nothing was said."""
    return {**t.state.get("derived", {}), **t.profile}


def record_news(t: Turn, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``record`` the values; returns what was stored and, of that, the news to echo.

    A value the profile already held is said again, not news (“汽车零部件制造”, its 制造业 recorded already).
    """
    again = {c for c, v in values.items() if c in t.profile and t.profile[c] == v}
    stored = record(t, values)
    return stored, {c: v for c, v in stored.items() if c not in again}


def echo(t: Turn, stored: dict[str, Any], pending: str | None) -> str:
    """“已记下：…” for what a free-text answer recorded (a plain 是/否 to the question asked needs none)."""
    shown = {
        cid: v
        for cid, v in stored.items()
        if not (cid == pending and (t.kn.criteria[cid].type == "bool" or _yes_no(t, cid, v) or v == UNKNOWN))
        and not (t.kn.criteria[cid].presume is not None and cid not in _asked_of(t))
    }  # (a 不知道 to another question than the one asked is shown: 已记下：年度研发投入占比 不知道)
    if not shown:
        return ""
    m = t.kn.messages
    fresh = {cid: v for cid, v in shown.items() if cid not in t.replaced}
    note = noted(t, fresh)
    for cid in [c for c in shown if c in t.replaced]:  # (a 否 told before, now 是: not a silent 已记下)
        crit = t.kn.criteria[cid]
        old, new = (render.show_value(t.kn, crit, v) for v in (t.replaced[cid], shown[cid]))
        note += m.corrected.format(label=crit.label or crit.question, old=old, new=new)
    if any(
        isinstance(v, list) and t.kn.criteria[cid].type == "number" and not t.kn.criteria[cid].peers_average
        for cid, v in shown.items()
    ):  # (a range of our own figure against a threshold; the peers' average is compared with ours, no threshold)
        note += m.range_note
    return note


def _asked_of(t: Turn) -> frozenset[str]:
    """The criteria of the check under way: a variant of another policy (小巨人复核) is not news in it (高企 …)."""
    flow = t.state.get("flow")
    version = version_of(t, flow) if flow else None
    if version is None:
        return frozenset()
    return frozenset(c.criterion for item in version.items for c in (*item.gates(), *item.conditions()))


def presume_unsaid(t: Turn, pending: str | None, told: Iterable[str] = ()) -> str:
    """Take a variant question's presumed answer when the user answered other things instead (no loop on it).

    Asked “这次是到期复核吗” and told the figures instead: the check goes on as a new application and says so.
    Facts ``told`` that the variant is ``told_by`` make it 是 instead (技术中心运行三年多了 → 市级企业技术中心).
    """
    crit = t.kn.criteria.get(pending) if pending else None
    if pending is None or crit is None or crit.presume is None or pending in t.profile:
        return ""
    value = True if any(c in crit.told_by for c in (*told, *t.profile)) else crit.presume
    record(t, {pending: value})
    message = t.kn.messages.variant_inferred if value != crit.presume else t.kn.messages.variant_presumed
    facts = describe(t, {pending: value})
    if facts.startswith("按") and facts.endswith("核对"):
        facts = facts[1:-2]  # (a kind said as “按市级企业技术中心核对”: not 按“按…核对”核对)
    return message.format(facts=facts)


def _yes_no(t: Turn, cid: str, value: Any) -> bool:
    """Whether ``value`` is a 是 / 否 to the threshold ``cid`` was asked against (达到…了吗): no echo needed."""
    return yes_no_threshold(t, cid) is not None and value in (
        threshold_value(t, cid, True),
        threshold_value(t, cid, False),
    )


def judged(
    t: Turn, flow: dict[str, Any], exceptions: bool = False, told: dict[str, Any] | None = None
) -> tuple[Topic, ChecklistVersion, checklist.Verdict] | None:
    """The verdict of a check (under way, parked or finished) on what is known now, with ``told`` besides.

    ``exceptions``: the verdict told the user, where an exception never mentioned (a national award) is taken as
    absent; a check still asking asks about it instead. ``told``: facts of a message not recorded (yet).
    """
    topic = t.kn.topics.get(flow.get("topic", ""))
    version = version_of(t, flow) if topic else None
    if topic is None or version is None:
        return None
    profile = {**known(t), **(told or {})}
    unread = {c: UNKNOWN for c in flow.get(UNREAD, ()) if c not in profile and c in t.kn.criteria}
    # (“买家是我们集团那边的一个厂” not understood: the buyer is not taken to be unrelated “按一般情况”)
    return topic, version, checklist.verdict(version.items, {**unread, **profile}, t.kn.criteria, exceptions)


UNREAD = "unread"
"""Flow key: the criteria whose answer was asked again, not understood (no ``assume`` value is taken for them)."""


def conclude(t: Turn, intro: str = "") -> Reply:
    """End the flow under way with its verdict (or the questionnaire with its recommendations)."""
    flow = t.state.pop("flow")
    if flow.get("kind") == QUESTIONNAIRE:
        reply = match_report(t)
        if intro:
            reply.text = f"{intro}\n{reply.text}"
        return finish(t, reply)
    return verdict_reply(t, flow, intro)


def verdict_reply(t: Turn, flow: dict[str, Any], intro: str = "") -> Reply:
    """The verdict of the check ``flow`` on what is known now: met, unmet (with the gap) and unknown."""
    found = judged(t, flow, exceptions=True)
    if found is None:
        return Reply(t.kn.messages.conclude_none, "no_option")
    topic, version, result = found
    t.state["topic"] = topic.id
    t.state["last_check"] = {"topic": topic.id, "version": flow.get("version", 0), "kind": CHECKLIST}
    text = render.verdict_text(t.kn, topic, version.label, result, known(t), version.note, t.day)
    reply = Reply(
        "\n".join(x for x in (intro, text) if x),
        "verdict",
        intent=topic.id,
        options=topic_options(t, topic),
        data={
            "verdict": result.result,
            "met": [o.item.label for o in result.outcomes if o.status == checklist.PASS],
            "unmet": [o.item.label for o in result.unmet],
            "unknown": [o.item.label for o in result.unknown],
            "assumed": [o.item.label for o in result.assumed],
        },
    )
    return finish(t, reply)


def verdict_line(t: Turn, flow: dict[str, Any]) -> tuple[str, str] | None:
    """The verdict of a check in one line (结论：不符合。未满足：…), with its result; None if it cannot be judged."""
    found = judged(t, flow, exceptions=True)
    if found is None:
        return None
    _topic, _version, result = found
    m = t.kn.messages
    if result.result == checklist.PASS:
        return m.verdict_pass, result.result
    if result.result == checklist.FAIL:
        return m.verdict_fail + m.verdict_unmet_header + _first_few(t, result.unmet), result.result
    return m.verdict_unknown + m.verdict_unknown_header + _first_few(t, result.unknown), result.result


LINE_ITEMS = 3
"""How many conditions a one-line verdict names (the full verdict, or 还缺啥, lists them all)."""


def _first_few(t: Turn, outcomes: list[checklist.Outcome]) -> str:
    """The first conditions' labels, joined; the rest counted (a phone shows one short paragraph)."""
    shown = "；".join(o.item.label for o in outcomes[:LINE_ITEMS])
    rest = len(outcomes) - LINE_ITEMS
    return shown + (t.kn.messages.verdict_line_more.format(n=rest) if rest > 0 else "")


def missing(t: Turn, flow: dict[str, Any]) -> str:
    """What is still unmet or unknown in a check, in short lines."""
    found = judged(t, flow, exceptions=True)
    if found is None:
        return t.kn.messages.conclude_none
    topic, _version, result = found
    m = t.kn.messages
    lines = []
    if result.unmet:
        lines.append(m.verdict_unmet_header)
        lines += [m.bullet + render.unmet_line(t.kn, topic, o, known(t), result.supposed) for o in result.unmet]
    if result.unknown:
        lines.append(m.verdict_unknown_header)
        lines += [m.bullet + o.item.label for o in result.unknown]
    return "\n".join(lines) or m.missing_none


def status(t: Turn, flow: dict[str, Any], asked: set[str], word: str) -> str:
    """The conditions of a check that ``asked`` criteria or ``word`` (in a label) name: each one's status."""
    found = judged(t, flow, exceptions=True)
    if found is None:
        return t.kn.messages.conclude_none
    topic, _version, result = found
    named = [o for o in result.outcomes if o.status != checklist.NA and _names_item(o.item, asked, word)]
    return render.status_text(t.kn, topic, named, result, known(t))


def one_open_label(t: Turn, flow: dict[str, Any], word: str) -> str | None:
    """The label (normalised) of the one condition still unmet or unknown in the check ``flow`` that ``word`` names.

    “那个比例” when the other 比例 is met: 高新技术产品收入的比例. None if none or several.
    """
    if len(word) < 2:  # (a one-character word names nothing)
        return None
    found = judged(t, flow, exceptions=True)
    if found is None:
        return None
    labels = {normalize(o.item.label) for o in found[2].unmet + found[2].unknown}
    named = [label for label in labels if word in label]
    return named[0] if len(named) == 1 else None


def named_items(t: Turn, flow: dict[str, Any], asked: set[str], word: str) -> int:
    """How many conditions of the check ``flow`` the criteria ``asked`` or ``word`` name; -1 when all of them."""
    version = version_of(t, flow)
    items = version.items if version else []
    named = sum(_names_item(item, asked, word) for item in items)
    return -1 if named == len(items) else named


def _names_item(item: Item, asked: set[str], word: str) -> bool:
    """Whether an item tests one of the criteria ``asked``, or its label holds ``word``."""
    tested = {c.criterion for c in (*item.gates(), *item.conditions())}
    return bool(tested & asked) or (len(word) >= 2 and word in normalize(item.label))


def match_report(t: Turn) -> Reply:
    """policy_match: every policy's checklist judged on the profile, most promising first."""
    kn = t.kn
    rows = []
    for tid, topic in kn.topics.items():
        version = checklist.version_in_force(topic, t.day)
        if topic.kind != "policy" or version is None:
            continue
        result = checklist.verdict(version.items, t.profile, kn.criteria)
        if result.result == checklist.FAIL:
            continue
        passed = sum(o.status == checklist.PASS for o in result.outcomes)
        rows.append((result.result != checklist.PASS, len(result.unknown), -passed, tid, result))
    rows.sort()
    m = kn.messages
    if not rows:
        return Reply(m.match_none, "match", intent="policy_match", options=set_options(t, menu(t)))
    lines = [m.match_header]
    options = []
    for n, (_, unknown, _neg, tid, result) in enumerate(rows[:8], 1):
        status = (
            m.verdict_pass.split("。")[0]
            if result.result == checklist.PASS
            else m.match_unknown_line.format(count=unknown)
        )
        lines.append(m.match_line.format(n=n, title=kn.topics[tid].title, status=status))
        options.append(Option(str(n), kn.topics[tid].title, f"intent:{tid}"))
    lines.append(m.match_footer)
    set_options(t, options)
    return Reply(
        "\n".join(lines), "match", intent="policy_match", options=options, data={"policies": [r[3] for r in rows]}
    )


def plain_list(t: Turn) -> Reply:
    """The policies the last reply offered, each in its plain words (summary), under the same numbers."""
    kn = t.kn
    lines = [kn.messages.plain_header]
    lines += [f"{o.key} {topic.title}：{topic.summary or topic.title}" for o, topic in offered_topics(t)]
    lines.append(kn.messages.plain_list_footer)
    return Reply("\n".join(lines), "match", intent="policy_match", options=offered(t))  # (its lines are the options)


def easiest(t: Turn) -> Reply:
    """哪个最容易先拿到, after the policies that may suit us: the first listed (fewest conditions left), to check."""
    first, _topic = offered_topics(t)[0]
    return Reply(
        t.kn.messages.match_easiest.format(title=first.label, key=first.key),
        "match",
        intent="policy_match",
        options=offered(t),
    )
