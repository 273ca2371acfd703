"""Turn topics, checklist questions and verdicts into short plain text (no markdown: it is read on phones)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, TypeGuard

from bot.answers import JUST_UNDER, UNBOUNDED, UNKNOWN, bigrams, cn_number, convert
from bot.checklist import ASSUMED, ASSUMED_FAIL, FAIL, PASS, Outcome, Verdict, other_routes
from intents.normalize import normalize
from knowledge.loader import Knowledge
from knowledge.schema import UNCERTAIN, Condition, Criterion, Fact, Followup, Item, Topic

MAIN_SECTIONS = ("政策要点",)
"""Sections shown in the first answer (its most relevant facts); the rest are one tap away."""
FIRST_ANSWER_CHANGES = 1
"""Rule changes the first answer mentions (the newest); the others are in the sections they changed."""


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def facts_in_force(section_items: list[Fact], day: dt.date) -> list[Fact]:
    """Facts of a section that apply on ``day``."""
    return [f for f in section_items if f.in_force(day)]


SHARED_CAVEAT_MIN = 2
"""Facts shown together from which, when most are uncertain, one line says why instead of a ※ on each."""


def fact_lines(kn: Knowledge, topic: Topic, facts: list[Fact], reason: str | None = None) -> tuple[list[str], bool]:
    """Bulleted lines, and whether any needs the caveat.

    Where most of the facts shown are uncertain, one ※ line before them gives the reason (``reason``, the
    section's own ``caveat``, else why their sources are weak) and the facts carry no mark of their own: a ※ on
    every step reads as “nothing here is reliable”.
    """
    m = kn.messages
    flags = [kn.uncertain(topic, fact) for fact in facts]
    shared = len(facts) >= SHARED_CAVEAT_MIN and sum(flags) * 2 > len(facts)
    lines = [f"{m.caveat_mark} {reason or weak_sources(kn, topic, facts)}"] if shared else []
    for fact, flag in zip(facts, flags, strict=True):
        mark = m.caveat_mark if flag and not shared else ""
        lines.append(f"{m.bullet}{fact.text}{mark}")
    return lines, any(flags)


def weak_sources(kn: Knowledge, topic: Topic, facts: list[Fact]) -> str:
    """Why most of ``facts`` carry the caveat, from the commonest weak confidence among them (messages.yaml)."""
    m = kn.messages
    found = Counter(str(f.confidence or kn.source(topic, f.source).confidence) for f in facts if kn.uncertain(topic, f))
    common = found.most_common(1)[0][0] if found else ""
    return m.caveat_reasons.get(common) or m.caveat


def section_text(
    kn: Knowledge, topic: Topic, name: str, day: dt.date, query: str = "", limit: int | None = None
) -> tuple[str, bool, int]:
    """One section, titled, the facts that share words with ``query`` first (at most ``limit``).

    Returns the text, whether it carries the caveat, and how many facts the section has in force.
    """
    for section in topic.sections:
        if section.name == name:
            facts = relevant_first(
                facts_in_force(section.items, day), named(kn, query, topic), kn.memo, head_grams(kn, topic), True
            )
            lines, caveat = fact_lines(kn, topic, facts[:limit], section.caveat)
            news, flagged = latest_changes(kn, topic, day) if _CHANGE_ASKED.search(query) else ([], False)
            caveat |= flagged
            return "\n".join([f"【{topic.title}·{name}】", *news, *lines]), caveat, len(facts)
    return "", False, 0


_CHANGE_ASKED = re.compile(
    r"变了|变化|改了|改动|调整了|有啥不同|有什么不同|有哪些不同|新旧|跟以前比|和以前比|跟原来比|和原来比|比以前|跟去年比|和去年比"
)
"""A question of what changed (小巨人今年的标准跟以前比变了啥子): the latest change of the rules leads the part."""


RELEVANT_BIGRAMS = 3
"""A fact sharing this many character pairs with the question is shown first (the question asked is answered)."""
RELEVANT_OWN = 2
"""In one section's view, pairs of the question's own words (not the topic's names) that pin a fact too (投保 and
费率: the fact on rates leads the five shown)."""


def head_grams(kn: Knowledge, topic: Topic) -> frozenset[str]:
    """Character pairs of the topic's title before any bracket (研发费用加计扣除, 专精特新中小企业认定).

    Every fact of the topic may repeat them; a programme named in the bracket or in an alias (创新型中小企业) is not
    among them, since it tells the facts apart. The pairs of the words asking how much (多少, 百分之几) are added:
    they ask, and say nothing of which fact answers (三分之二 is no answer to 百分之多少).
    """
    key = ("head_grams", topic.id)
    if key not in kn.memo:
        asking = frozenset().union(*(bigrams(normalize(w)) for w in kn.messages.amount_words))
        kn.memo[key] = bigrams(normalize(re.split(r"[（(]", topic.title)[0])) | asking
    return kn.memo[key]  # type: ignore[no-any-return]


def named(kn: Knowledge, query: str, topic: Topic) -> str:
    """``query`` with the full name of each other policy it calls by a short one (高企 → 高新技术企业).

    A fact written with the full name then shares words with it (the goals' 高新技术企业占比达到60%). The topic's own
    names are left out: every fact of it may repeat them.
    """
    if not query:
        return query
    if "alias_names" not in kn.memo:
        names = {
            normalize(alias): (t.id, normalize(re.split(r"[（(]", t.title)[0]))
            for t in kn.topics.values()
            if t.kind == "policy"
            for alias in t.aliases
            if len(normalize(alias)) >= 2
        }
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))) or "(?!)")
        kn.memo["alias_names"] = (pattern, names)
    pattern, names = kn.memo["alias_names"]
    norm = normalize(query)
    full = {name for m in pattern.finditer(norm) for tid, name in [names[m[0]]] if tid != topic.id and name}
    return "|".join([norm, *sorted(full)]) if full else query


_TENTHS = {c: str(n) for n, c in enumerate("一二三四五六七八九", start=1)}
_SAID_TENTHS = re.compile(r"([一二三四五六七八九])成")


_BOUGHT_IN = re.compile(r"买(过)?来|买进来|买的专利|转让过来")
"""Rights bought in, as the facts say it (受让)."""
_YEARS_ASKED = re.compile(r"(多少|几|好几)年")
"""How many years, asked: written as the facts of a span of years say it (从事相关细分领域10年以上)."""


def as_written(query: str) -> str:
    """The question in the words facts are written in (八成 → 80%, 好多 → 多少, 营收 → 营业收入, 买来 → 受让)."""
    said = _SAID_TENTHS.sub(lambda m: f"{_TENTHS[m[1]]}0%", query)
    said = said.replace("高新产品", "高新技术产品").replace("高新收入", "高新技术产品收入")
    said = said.replace("委外", "委托").replace("外委", "委托")  # (仿真委外给重大做的: the facts on 委托研发)
    said = said.replace("委托国外", "委托境外")
    said = _BOUGHT_IN.sub("受让", said)  # (专利买来的也算数噻: the facts on rights 受让)
    # (要做好多年才够: the facts of 从事…N年以上, and of 满N年)
    said = _YEARS_ASKED.sub("从事年以上", said.replace("好多", "多少"))
    said = _NUMERAL_FIGURE.sub(_figure_in_digits, said)  # (要做满十年才能报: the fact of 满10年; 四个亿: 4亿)
    said = _SUBSIDY_ASKED.sub("补助资金最高多少", said)  # (首台套重庆补好多钱: the fact of 补助资金最高…万元)
    return said.replace("营收", "营业收入")


_NUMERAL_FIGURE = re.compile(r"(?<![一二两三四五六七八九十百千万零〇])([一二两三四五六七八九十]{1,3})个?(?=年|亿)")
"""A number of years or of 亿 in numerals (十年, 四个亿): facts write it in digits (满10年, 4亿元以上)."""


_SUBSIDY_ASKED = re.compile(r"(补|奖|给)(多少|好多)钱?|能(补|奖|拿)(多少|好多)")
"""How much is paid, asked (补好多钱, 能拿多少): the facts stating the most a subsidy pays lead."""


def _figure_in_digits(m: re.Match[str]) -> str:
    value = cn_number(m[1])
    return m[0] if value is None else str(int(value))


RARE_SHARE = 4
"""In one section's view, a word of the question that at most one fact in this many (and at least one) of the section
says pins those facts (委托 among the nine ways to compute the deduction: the two on commissioned R&D lead)."""
_LINKING = frozenset("的了是有吗呢吧么啊嘛在和与及或也都就还要能可会这那个些啥咋怎多少几")
"""Characters that tie words together: a pair holding one says nothing of which fact answers."""


def _rare_words(own: frozenset[str], facts: list[frozenset[str]]) -> frozenset[str]:
    """The question's own character pairs that few of the section's facts say (see ``RARE_SHARE``)."""
    most = max(1, len(facts) // RARE_SHARE)
    return frozenset(g for g in own if not _LINKING & set(g) and 0 < sum(g in f for f in facts) <= most)


def relevant_first(
    facts: list[Fact],
    query: str,
    memo: dict[Any, Any] | None = None,
    names: frozenset[str] = frozenset(),
    own_words: bool = False,
) -> list[Fact]:
    """Facts that share words with the question first, the rest in their written order.

    ``names``: the character pairs of the topic's names. Every fact of the topic may repeat them, so among the facts
    shown first, those sharing the question's other words lead (研发费用加计扣除的比例是多少: the rate, not the fact
    that says 研发费用 and 加计扣除 most often).
    """
    grams = bigrams(as_written(normalize(query)))
    if not grams:
        return facts
    own = grams - names
    memo = {} if memo is None else memo
    scored = []
    for n, fact in enumerate(facts):
        key = ("grams", id(fact))
        if key not in memo:
            memo[key] = bigrams(fact.text)
        shared = grams & memo[key]
        scored.append((len(shared), len(own & shared), n, fact))
    rare = _rare_words(own, [memo[("grams", id(f))] for f in facts]) if own_words else frozenset()
    relevant = [
        s[0] >= RELEVANT_BIGRAMS or (own_words and (s[1] >= RELEVANT_OWN or bool(rare & memo[("grams", id(s[3]))])))
        for s in scored
    ]
    pinned = sorted((s for s, r in zip(scored, relevant, strict=True) if r), key=lambda s: (-s[1], s[2]))
    rest = [s for s, r in zip(scored, relevant, strict=True) if not r]
    return [f for *_, f in pinned + rest]


def changes_text(kn: Knowledge, topic: Topic, day: dt.date) -> list[str]:
    """Notes on rule changes that took effect in the last two years or are coming."""
    out = []
    for change in sorted(topic.changes, key=lambda c: c.date, reverse=True):
        if (day - change.date).days <= 730:
            mark = kn.messages.caveat_mark if kn.uncertain(topic, change) else ""
            out.append(kn.messages.change_note.format(date=_date(change.date), text=change.text) + mark)
    return out


def latest_changes(kn: Knowledge, topic: Topic, day: dt.date) -> tuple[list[str], bool]:
    """The notes on the newest rule changes a first answer mentions, and whether any of them carries the caveat."""
    newest = sorted((c for c in topic.changes if (day - c.date).days <= 730), key=lambda c: c.date, reverse=True)
    caveat = any(kn.uncertain(topic, c) for c in newest[:FIRST_ANSWER_CHANGES])
    return changes_text(kn, topic, day)[:FIRST_ANSWER_CHANGES], caveat


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def followups(kn: Knowledge, topic: Topic) -> list[Followup]:
    """The numbered options after an answer: the topic's own, or the default ones that exist for it."""
    if topic.followups is not None:
        return list(topic.followups)
    names = {s.name for s in topic.sections}
    out = []
    for f in kn.messages.default_followups:
        if f.action == "checklist" and not topic.checklist:
            continue
        if f.action.startswith("section:") and f.action.removeprefix("section:") not in names:
            continue
        out.append(f)
    return out[: kn.messages.followup_limit]


def answer_text(
    kn: Knowledge,
    topic: Topic,
    day: dt.date,
    extra: list[str] | None = None,
    brief: bool = False,
    query: str = "",
    own_words: bool = False,
) -> tuple[str, list[str]]:
    """The first answer about a topic: title, summary, changes, main sections (shortened), extras.

    Returns the text and the names of sections that were cut short (offered as follow-ups). ``brief``
    leaves the sections out (the extras, e.g. a calculation, are the answer). ``own_words``: the question's rare
    words pin facts too (a question on the topic already in hand, not its first answer).
    """
    m = kn.messages
    parts = [f"【{topic.title}】"]
    if topic.summary:
        parts.append(topic.summary)
    news, caveat = latest_changes(kn, topic, day)
    parts.extend(news)
    cut: list[str] = []
    for name in () if brief else MAIN_SECTIONS:
        for section in topic.sections:
            if section.name != name:
                continue
            facts = relevant_first(
                facts_in_force(section.items, day), named(kn, query, topic), kn.memo, head_grams(kn, topic), own_words
            )  # (目录是哪一年的版本, the topic in hand: the facts on the 目录 lead the main section of seventeen)
            limit = topic.main_facts or m.main_facts_limit
            if len(facts) > limit:
                cut.append(name)
                facts = facts[:limit]
            lines, flagged = fact_lines(kn, topic, facts, section.caveat)
            if lines:
                if len(MAIN_SECTIONS) > 1:  # one main section follows the summary unlabelled: a line saved on a phone
                    parts.append(name)
                parts.extend(lines)
                caveat |= flagged
    parts.extend(extra or [])
    if caveat:
        parts.append(m.caveat_footnote)
    return "\n".join(parts), cut


def sources_text(kn: Knowledge, topic: Topic) -> str:
    """Every document the topic cites, with clauses, dates and links."""
    clauses: dict[str, list[str]] = {}
    refs: list[Any] = [f for s in topic.sections for f in s.items] + list(topic.changes)
    refs += [i for v in topic.checklist for i in v.items]
    if topic.calculator:
        refs.append(topic.calculator)
    for ref in refs:
        bucket = clauses.setdefault(ref.source, [])
        if ref.clause and ref.clause not in bucket:
            bucket.append(ref.clause)
    lines = [f"【{topic.title}·{kn.messages.sources_header}】"]
    caveat = False
    for sid, cl in clauses.items():
        src = kn.source(topic, sid)
        unsure = {field: kn.messages.caveat_mark if field in src.unverified else "" for field in ("url", "date")}
        head = f"《{src.title}》" + (f"（{src.number}）" if src.number else "")
        if src.date:
            head += f" {_date(src.date)}{unsure['date']}"
        if cl:
            head += "；条款：" + "、".join(cl[:6])
        mark = kn.messages.caveat_mark if src.confidence in UNCERTAIN else ""
        lines.append(f"{kn.messages.bullet}{head}{mark}")
        if src.url:
            lines.append(f"  {src.url}{unsure['url']}")
        caveat |= bool(mark) or any(unsure[f] and getattr(src, f) for f in unsure)
    if caveat:
        lines.append(kn.messages.caveat_footnote)
    return "\n".join(lines)


def show_value(kn: Knowledge, crit: Criterion, value: Any) -> str:
    """A profile value as the user would say it."""
    m = kn.messages
    if value is None:
        return m.not_answered
    if value == UNKNOWN:
        return m.answer_unknown
    if crit.type == "bool":
        return m.answer_yes if value else m.answer_no
    if crit.type == "choice" and isinstance(value, list):  # the options a family said or denied leaves open
        for family in crit.families:
            if set(value) == set(family.values):
                return family.label
            if set(value) == {o.value for o in crit.options} - set(family.values):
                return family.denied_label
        return "或".join(show_value(kn, crit, v) for v in value)
    if crit.type == "choice":
        return next((o.label for o in crit.options if o.value == value), str(value))
    above = isinstance(value, list) and value[1] >= UNBOUNDED  # (before 亿元 divides the bound)
    value, unit = _in_yi_units(value, crit.unit or "")  # (2.5亿元, not 25,000万元)
    if isinstance(value, list):
        low, high = value
        if above:
            return m.range_above.format(low=_num(low), unit=unit)
        if low == 0 and high > 0:  # “否” to 做满3年了吗: [0, just under 3]
            below = high / JUST_UNDER
            return m.range_below.format(high=_num(below if round(below, 2) == round(below, 6) else high), unit=unit)
        shown = high / JUST_UNDER  # (三千多万: stored just under 4000, said as 3,000–4,000)
        return m.range_between.format(
            low=_num(low), high=_num(shown if round(shown, 2) == round(shown, 6) else high), unit=unit
        )
    return f"{_num(float(value))}{unit}"


YI = 10000.0
"""万元 in one 亿元."""


def _in_yi_units(value: Any, unit: str) -> tuple[Any, str]:
    """A sum (or range) in 万元 and its unit, in 亿元 where it reads better (1.28亿); else as it is."""
    if unit != "万元" or not _in_yi(value):
        return value, unit
    return ([v / YI for v in value] if isinstance(value, list) else float(value) / YI), "亿元"


def _in_yi(value: Any) -> bool:
    """Whether a sum in 万元 reads better in 亿元: 1亿 or more, with two decimals at most there (1.28亿)."""
    values = value if isinstance(value, list) else [value]
    if not all(_number(v) for v in values) or min(values) < YI:
        return False
    return all(any(round(w / YI, 2) == round(w / YI, 6) for w in (v, v / JUST_UNDER)) or v >= UNBOUNDED for v in values)


def judging(item: Item) -> list[Condition]:
    """The item's tests, without an alternative on the criterion of its gate where another is left.

    近三年研发占比 ≥ 4% “or” 营收 > 2亿, gated on 营收 > 5000万: the 2亿 only bounds the band, the 4% is the test
    (its answer, requirement and gap are the share's, not “约差 12,500万元” of revenue).
    """
    gated = {g.criterion for g in item.gates()}
    tests = [c for c in item.conditions() if c.criterion not in gated]
    return tests or item.conditions()


def requirement(kn: Knowledge, item: Item) -> str:
    """The item's threshold in words: 不低于100万元 / 不属于：烟草制造业、……"""
    parts = []
    for cond in judging(item):
        crit = kn.criteria[cond.criterion]
        op = kn.messages.ops.get(cond.op, cond.op)
        if crit.type == "bool":
            parts.append(kn.messages.answer_yes if cond.value is (cond.op == "==") else kn.messages.answer_no)
        elif crit.type == "choice":
            values = cond.value if isinstance(cond.value, list) else [cond.value]
            labels = [next((o.label for o in crit.options if o.value == v), str(v)) for v in values]
            parts.append(op + "、".join(labels))
        else:
            unit = cond.unit or crit.unit or ""
            parts.append(f"{op}{_num(float(cond.value))}{unit}")  # type: ignore[arg-type]
    return " 或 ".join(parts)


def question_text(
    kn: Knowledge, crit: Criterion, number: int, threshold: tuple[str, float, str | None] | None = None
) -> str:
    """A checklist question with its answer format.

    With a ``threshold`` (op, value, unit) a number question asks yes/no against it, the threshold in the question
    (“注册成立满1年了吗？”), and says a figure is welcome too.
    """
    m = kn.messages
    if threshold is not None:
        op, value, unit = threshold
        shown = f"{_num(value)}{unit or crit.unit or ''}"
        template = crit.threshold_question or (m.threshold_questions.get(op) if crit.label else None)
        if template:
            asked = template.format(label=crit.label or crit.question, value=shown)
            return "\n".join([m.progress.format(n=number) + asked, m.hint_meets])
    lines = [m.progress.format(n=number) + crit.question]
    if crit.type == "bool":
        lines.append(f"1 {m.answer_yes}  2 {m.answer_no}  3 {m.answer_unknown}")
    elif crit.type == "choice":
        lines.extend(f"{i} {o.label}" for i, o in enumerate(crit.options, 1))
    elif crit.hint or "（如" not in crit.question:
        lines.append(hint(kn, crit))
    return "\n".join(lines)


def hint(kn: Knowledge, crit: Criterion, yes_no: bool = False) -> str:
    """How to answer ``crit``, shown after an answer that was not understood (``yes_no``: asked against a threshold)."""
    m = kn.messages
    if yes_no and m.hint_meets:
        return m.hint_meets
    if crit.hint:
        return crit.hint
    if crit.type == "bool":
        return m.hint_bool
    if crit.type == "choice":
        return m.hint_choice
    example = {"万元": "300万", "%": "3%", "人": "50人", "年": "3年", "项": "2项", "分": "65分"}
    return m.hint_number.format(example=example.get(crit.unit or "", "10"))


def gap(kn: Knowledge, item: Item, profile: dict[str, Any]) -> str | None:
    """How far an unmet number is from its threshold: “约差 60万元”.

    In money where the figure is a ratio of two, with the amount needed (“约差 110万元（需约360万元）”). A minimum
    of two years is judged by the year that falls short (近两年每年占比: last year's 250万 of 1.2亿).
    """
    for cond in judging(item):
        crit = kn.criteria[cond.criterion]
        if crit.type != "number" or cond.op not in (">=", ">") or not _number(cond.value):
            continue
        need = float(cond.value)
        if cond.unit and crit.unit and cond.unit != crit.unit:
            need = convert(need, cond.unit, crit.unit) or need
        # (the lower year of the two in money first — the one the answer shows: “1.88%，约差 180万元（需约480万元）”
        # says more than the share's 1.12%)
        lower = sorted(crit.min_of, key=lambda c: v if _number(v := profile.get(c)) else UNBOUNDED)
        in_money = [(cid, short) for cid in lower if (short := _short(kn, cid, need, profile, money_only=True))]
        if in_money:  # (both years short: what each needs, “那研发要投到好多才够”)
            first, *others = in_money
            also = "".join(kn.messages.verdict_short_also.format(label=_money_of(kn, c), short=s) for c, s in others)
            return first[1] + also
        for cid in [cond.criterion, *crit.min_of]:
            short = _short(kn, cid, need, profile)
            if short:
                return short
    return None


def _money_of(kn: Knowledge, cid: str) -> str:
    """The name of the sum a share is of (上年度研发费用 for 上年度研发费用占营业收入比重)."""
    ratio = kn.criteria[cid].ratio_of
    return (kn.criteria[ratio[0]].label if ratio else kn.criteria[cid].label) or cid


def _short(kn: Knowledge, cid: str, need: float, profile: dict[str, Any], money_only: bool = False) -> str | None:
    """How far ``cid``'s answer is below ``need``, in money where it is a ratio of two known figures.

    A share said as a range (两个多点) of a revenue said as one (一个亿出头) is short by a range of money
    (约差 50–110万元（需约300–360万元）); a range answer of anything else has no gap worth saying.
    """
    crit, answer = kn.criteria[cid], profile.get(cid)
    said = _bounds(answer)
    if said is None or said[1] >= need:
        return None
    if crit.ratio_of:
        top, bottom = crit.ratio_of
        spent, base = _bounds(profile.get(top)), _bounds(profile.get(bottom))
        if spent is not None and base is not None and base[0] > 0:
            unit = kn.criteria[top].unit or ""
            needed = (need / 100 * base[0], need / 100 * base[1])
            short = (needed[0] - spent[1], needed[1] - spent[0])
            if short[1] <= 0:
                return None
            return kn.messages.verdict_short_of.format(
                gap=_sum_between(max(short[0], 0), short[1], unit), need=_sum_between(*needed, unit)
            )
    return _sum(need - answer, crit.unit or "") if _number(answer) and not money_only else None


def _bounds(value: Any) -> tuple[float, float] | None:
    """An exact figure as (it, it), a range said (三千多万) as its ends; None for anything else or no upper end."""
    if _number(value):
        return float(value), float(value)
    if isinstance(value, list) and len(value) == 2 and all(_number(v) for v in value) and value[1] < UNBOUNDED:
        return float(value[0]), float(value[1]) / JUST_UNDER if value[1] > value[0] else float(value[1])
    return None


def _sum_between(low: float, high: float, unit: str) -> str:
    """An amount known exactly (约差 60万元) or between two ends (50–110万元, each end rounded to a whole 万元)."""
    if low == high:
        return _sum(high, unit)
    ends = [round(v) if v >= 10 else round(v, 2) for v in (low, high)]
    if ends[0] == ends[1]:
        return _sum(ends[1], unit)
    shown, unit = _in_yi_units(ends, unit)
    return f"{_num(shown[0])}–{_num(shown[1])}{unit}"


def _sum(value: float, unit: str) -> str:
    """A gap in words, in 亿元 where it reads better (约差 1.4亿元, not 14,000万元)."""
    shown, unit = _in_yi_units(value, unit)
    return f"{_num(shown)}{unit}"


def _number(value: Any) -> TypeGuard[float]:
    """A figure, not a yes/no (bool is an int in Python)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def unmet_line(
    kn: Knowledge, topic: Topic, outcome: Outcome, profile: dict[str, Any], supposed: dict[str, Any] | None = None
) -> str:
    """An unmet condition: the user's answer, the threshold (where the label does not say it), the gap, the clause.

    Unmet unless an exception never mentioned applies (ASSUMED_FAIL): the exception taken as absent is named.
    """
    m = kn.messages
    item = outcome.item
    taken: dict[str, Any] = {}
    if outcome.status == ASSUMED_FAIL and supposed:
        taken = {c.criterion: supposed[c.criterion] for c in item.conditions() if c.criterion in supposed}
    answers = "、".join(
        show_value(kn, kn.criteria[c.criterion], profile.get(c.criterion))
        for c in judging(item)
        if c.criterion not in taken
    )
    need = requirement(kn, item)
    short = gap(kn, item, {**profile, **taken})
    yes_no = all(kn.criteria[c.criterion].type == "bool" for c in item.conditions())  # the label says which
    line = m.verdict_line.format(
        label=item.label,
        answer=answers,
        requirement=need,
        source=kn.cite(topic, item),
        need="" if yes_no or _says(item.label, need) else m.verdict_need.format(requirement=need),
        gap=m.verdict_gap.format(label=item.label, answer=answers, requirement=need, gap=short) if short else "",
    )
    if taken:
        line += m.verdict_assumed_fail.format(
            assumed="；".join(show_value(kn, kn.criteria[c], v) for c, v in taken.items())
        )
    return line + (m.caveat_mark if kn.uncertain(topic, item) else "")


def _met_once(result: Verdict) -> list[str]:
    """The labels of the items met, a condition met whatever its tier once (研发费用占比 5%: the first tier only).

    With the figure that picks the tier unknown (最近一年销售收入), a share above every tier's bar meets them all;
    the first, the strictest as the checklist lists them, says so.
    """
    tiers: set[str] = set()  # the criteria tested by the tiers met so far
    met = []
    for o in result.outcomes:
        if o.status != PASS:
            continue
        tested = {c.criterion for c in o.item.conditions()}
        if o.item.gates() and tested & tiers:
            continue
        if o.item.gates():
            tiers |= tested
        met.append(o.item.label)
    return met


def _says(label: str, need: str) -> bool:
    """Whether an item's label already states its threshold (“不低于5,000万元” in “…5000万元以上”)."""
    figure = re.sub(r"^\D+", "", need.replace(",", ""))
    return (figure or need) in label.replace(",", "")


def _threshold(kn: Knowledge, item: Item) -> str:
    """“（不低于1,200万元）” after an unknown item whose label does not already say its figure; bare yes/no: nothing."""
    if not any(kn.criteria[c.criterion].type == "number" for c in item.conditions()):
        return ""
    need = requirement(kn, item)
    return "" if _says(item.label, need) else f"（{need}）"


def group_header(kn: Knowledge, header: str, count: int) -> str:
    """A verdict group's header with its count: 未满足： → 未满足（2项）：."""
    colon = header[-1:] if header.endswith(("：", ":")) else ""
    return header.removesuffix(colon) + kn.messages.verdict_count.format(count=count) + colon


ROUTES_SHOWN = 2
"""Other routes to an unmet condition a verdict names after it (国家级“小巨人”企业 1亿元), at most."""
UNKNOWN_SHOWN = 8
"""Conditions to confirm a verdict lists one by one (the first, in the checklist's order); 还缺啥 lists them all."""
NEXT_STEPS_OPEN_MAX = 3
"""A verdict with more conditions still to confirm gives only whom to ask as its next step (confirm them first)."""


def next_steps(kn: Knowledge, topic: Topic, day: dt.date, only_ask: bool) -> tuple[list[str], bool]:
    """下一步 after a verdict: what to prepare, where, when and whom to ask, one sourced fact of each section.

    With ``only_ask`` (after 不符合, or with much still to confirm) only the lines marked ``when_unmet``. Falls
    back to the topic's ``next_steps`` text where none of the sections exists. Returns the lines and whether one
    carries the caveat; where most do, one ※ line says why, as in a section.
    """
    m = kn.messages
    chosen: list[tuple[str, Fact]] = []
    for step in m.next_steps:
        if only_ask and not step.when_unmet:
            continue
        section = next((s for s in topic.sections if s.name == step.section), None)
        facts = relevant_first(facts_in_force(section.items, day), step.words, kn.memo) if section else []
        if facts:
            chosen.append((step.label, facts[0]))
    if not chosen:
        return ([topic.next_steps] if topic.next_steps else []), False
    facts = [fact for _label, fact in chosen]
    marked, caveat = fact_lines(kn, topic, facts)
    lines = [m.next_step_header, *(x for x in marked if not x.startswith(m.bullet))]
    for (label, fact), shown in zip(chosen, (x for x in marked if x.startswith(m.bullet)), strict=True):
        mark = m.caveat_mark if shown.endswith(m.caveat_mark) else ""
        text = m.next_step_line.format(label=label, text=fact.text.rstrip("。"), source=kn.cite(topic, fact))
        lines.append(m.bullet + text + mark)
    return lines, caveat


def status_text(kn: Knowledge, topic: Topic, asked: list[Outcome], result: Verdict, profile: dict[str, Any]) -> str:
    """“研发那条够没得”: the conditions asked about, each met / unmet (with the gap) / to confirm, then the verdict."""
    m = kn.messages
    lines = [m.status_header.format(title=topic.title)]
    for outcome in asked:
        item = outcome.item
        if outcome.status in (FAIL, ASSUMED_FAIL):
            lines.append(
                m.bullet + m.status_unmet.format(line=unmet_line(kn, topic, outcome, profile, result.supposed))
            )
        elif outcome.status == PASS:
            answers = "、".join(
                show_value(kn, kn.criteria[c.criterion], profile.get(c.criterion)) for c in judging(item)
            )
            lines.append(m.bullet + m.status_met.format(label=item.label, answer=answers))
        elif outcome.status == ASSUMED:
            lines.append(m.bullet + m.status_assumed.format(label=item.label))
        else:
            lines.append(m.bullet + m.status_unknown.format(label=item.label, threshold=_threshold(kn, item)))
    verdict = {PASS: "符合", FAIL: "不符合"}.get(result.result, "暂无法判断")
    lines.append(m.status_footer.format(verdict=verdict))
    return "\n".join(lines)


def verdict_text(
    kn: Knowledge,
    topic: Topic,
    version_label: str,
    result: Verdict,
    profile: dict[str, Any],
    note: str | None,
    day: dt.date | None = None,
) -> str:
    """符合 / 不符合 / 暂无法判断, then three short groups (unmet with the gap, unknown, met), then the next step.

    After 不符合 the undecided items are one line, not a list: they cannot change the verdict.
    """
    m = kn.messages
    failed = result.result == FAIL
    lines = [m.verdict_header.format(title=topic.title)]
    lines.append({"pass": m.verdict_pass, "fail": m.verdict_fail}.get(result.result, m.verdict_unknown))
    if result.result == PASS and topic.summary:
        lines.append(m.verdict_gives.format(summary=topic.summary))  # “那能不能享受”: what it gives, in one line
    caveat = False
    if result.unmet:
        lines.append(group_header(kn, m.verdict_unmet_header, len(result.unmet)))
        for outcome in result.unmet:
            caveat |= kn.uncertain(topic, outcome.item)
            routes = other_routes(result.outcomes, outcome.item, profile, kn.criteria)[:ROUTES_SHOWN]
            otherwise = "".join(m.verdict_otherwise.format(label=r.label) for r in routes)
            lines.append(m.bullet + unmet_line(kn, topic, outcome, profile, result.supposed) + otherwise)
    if result.unknown and not (failed and m.verdict_skipped):
        lines.append(group_header(kn, m.verdict_unknown_header, len(result.unknown)))
        for outcome in result.unknown[:UNKNOWN_SHOWN]:
            mark = m.caveat_mark if kn.uncertain(topic, outcome.item) else ""
            caveat |= bool(mark)
            lines.append(f"{m.bullet}{outcome.item.label}{_threshold(kn, outcome.item)}{mark}")
        if len(result.unknown) > UNKNOWN_SHOWN:
            lines.append(m.verdict_more.format(count=len(result.unknown) - UNKNOWN_SHOWN))
    met = _met_once(result)
    if met:
        lines.append(group_header(kn, m.verdict_met_header, len(met)) + "；".join(met))
    if result.assumed:
        lines.append(m.verdict_assumed_header + "；".join(o.item.label for o in result.assumed))
    if result.unknown and failed and m.verdict_skipped:
        lines.append(m.verdict_skipped.format(count=len(result.unknown)))
    lines.append(m.verdict_version.format(version=version_label) + (note or ""))
    only_ask = failed or len(result.unknown) > NEXT_STEPS_OPEN_MAX
    steps, flagged = next_steps(kn, topic, day or dt.date.today(), only_ask)
    lines.extend(steps)
    if caveat or flagged:
        lines.append(m.caveat_footnote)
    return "\n".join(lines)
