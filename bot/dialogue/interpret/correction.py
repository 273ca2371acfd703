"""A correction of earlier answers (前面说错了, 不对 应该是…, 刚才24年说错了 是七百万): what changes, read in full."""

from __future__ import annotations

import re
from typing import Any

from bot.answers import (
    DATE_SAID,
    STILL_PENDING,
    TAKEN_BACK,
    UNKNOWN,
    bigrams,
    number_value,
    parse_answer,
    quantities,
    supposes,
)
from bot.dialogue import acts
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    keyword_figure,
    named_criteria,
    subject_taken_as_said,
    year_family,
    yearly,
)
from bot.dialogue.interpret.shared import SOUNDS, WRONG, asks_outcome
from bot.dialogue.reading import (
    Message,
    asks,
    clauses,
    without,
)
from bot.dialogue.topics import (
    wants_check,
)
from bot.dialogue.turn import Turn, says, words
from intents.normalize import normalize

CORRECTION_OPENINGS = ("不对", "不是", "错了", "改下", "改一下", "改哈", "改一哈")
"""How a message that gives a figure may start when it corrects one."""


def correction(t: Turn, msg: Message) -> Act | None:
    """说错了 / 不对，应该是…: an earlier answer changes (not “查账征收吧 应该是”: 应该是 at the end hedges)."""
    if _TYPED_DIGIT.search(msg.text):  # “前年研发是一百八十万 少打了个一”: the 一 is a key missed, no figure
        typed = _TYPED_DIGIT.sub(r"\1", msg.text)
        msg = Message(typed, normalize(typed))
    doubted = _taken_back(t, msg)
    if doubted:
        return Act(acts.ANSWER, values=doubted)  # “我们是核定征收 哦不对 好像又不是”: neither, so not known
    pending = (t.flow or {}).get("pending")  # (not knowing the question asked answers it)
    unsure = {
        c: v
        for c, v in t.facts(msg.text).items()
        if v == UNKNOWN and c != pending and t.profile.get(c) not in (None, UNKNOWN)
    }
    if unsure:  # “是查账征收还是核定征收 这个我真的不晓得” after a yes: that answer is not known after all (after
        # the verdict, the verdict again); a correction when said to be one (改一下 …我们这个型号在不在还说不准)
        name = acts.CORRECTION if says(msg.norm, t.kn, "correction") else acts.ANSWER
        return Act(name, values=unsure, conclude=t.flow is None)
    if msg.norm.endswith(_HEDGING_ENDS) and not any(
        w in msg.norm for w in words(t.kn)["correction"] if not w.startswith("应该")
    ):
        return None
    opening = _INTERJECTION.sub("", msg.norm)  # (“喔 不对 …”)
    opens = opening.startswith(CORRECTION_OPENINGS) and bool(quantities(msg.norm))  # “不对 研发是九百五十万”
    # “不对 刚问了销售 第一单是我们集团另一家子公司买的”: an answer recorded, said the other way after 不对
    # (“刚算了下 不对 批发那块占了七成” after “差不多一半一半”, recorded as not known: what was said is corrected)
    unset = (None,) if _WAS_WRONG.search(msg.norm) else (None, UNKNOWN)
    opens = opens or (
        (opening.startswith(WRONG) or bool(_CHECKED_BACK.search(msg.norm)))
        and any(t.profile.get(c) not in (*unset, v) for c, v in _changed_facts(t, msg).items())
    )
    # “前面那个五千五是合并报表的 我们申报主体自己只有四千万”: a figure said before, referred back to, replaced
    # “前年不是五百 查了下账是六百万”: the figure recorded, denied, and the one that replaces it
    replaced = _replaced(t, msg)
    refers = bool(_REFERS_BACK.search(msg.norm) or _NOT_THAT_FIGURE.search(msg.norm)) and bool(replaced)
    correcting = says(msg.norm, t.kn, "correction") or (bool(TAKEN_BACK.search(msg.text)) and bool(t.profile))
    if not (correcting or (opens and t.profile) or refers or _restated(t, msg, replaced)):  # (刚才说一半一半不准 …)
        return None
    if not t.profile and not t.state.get("answered") and not t.flow:
        return None  # (“刚才说错了 我们是规上 那研发准备金能申报吗” opening a conversation: nothing to correct yet)
    said_wrong = any(w in msg.norm for w in words(t.kn)["correction"] if any(c in w for c in (*WRONG, *_OFF_BY)))
    if (asks(t, msg) or supposes(msg.text)) and not said_wrong:
        # “那改成查账征收以后 要留存啥资料”, “那改成查账征收以后就可以了嘛”: the new premise, not a correction
        return None
    # “六千五是前年的数 去年是七千二百万 研发一百五是去年的”: the figure recorded moves to the year before, and the
    # new one is last year's (not the last figure of the message, 研发's 一百五, in its place)
    moved = _of_the_other_year(t, msg)
    values = dict(replaced) | moved
    if values:  # “刚才那个5%说错了 … 实际是2.5% 全部在国内”: the figure replaced, and the new facts beside it
        stated = t.facts(msg.text)
        # (“那十五六个包括车间的技术工人 真正搞研发的就十个左右 总人数是一百三”: each new figure where its words
        # put it — 10 the 科技人员's, 130 the 职工's — not the last figure to the one recorded)
        values = {
            c: stated[c] if c not in moved and stated.get(c, t.profile.get(c)) != t.profile.get(c) else v
            for c, v in values.items()
        }
        values |= {
            c: v
            for c, v in stated.items()
            if c not in values and (c not in t.profile or (t.profile[c] != v and _near(t.profile[c], v)))
        }  # (a figure recorded beside it changes only to one near it: not 职工 180 → “22个里头有7个…” 7)
    if not values and _CALENDAR_YEAR.search(msg.norm):
        values = _years_again(t, msg)  # “刚才24年说错了 是七百万 六百是23年的”: the year named, not the last figure
    values = values or _retarget(t, msg, _changed_facts(t, msg)) or keyword_figure(t, msg)
    if _SWAPPED.search(msg.norm):
        values = _years_again(t, msg) or values  # “我看反了 去年是七十万 前年才是九十万”: both years, each its own
    if values:  # “前年是130万 我看错了 前年营收三千八百万”: a bare yearly figure beside a named one
        known = {v for v in (*values.values(), *t.profile.values()) if isinstance(v, float)}
        for clause in clauses(msg.text):
            plain = normalize(clause)
            said = [q.value for q in quantities(plain) if not (q.unit == "个" and _THING_AFTER.match(plain, q.end))]
            # (“研发算漏了一个项目”: a thing counted, no figure)
            # (not “2000万是前年的 去年是2800万”: the figures recorded and replaced, already read)
            if said and not t.facts(clause) and not any(abs(x - v) < 1e-6 for x in said for v in known):
                said_clause = Message(clause, normalize(clause))
                bare = _years_again(t, said_clause) or _words_shared(t, said_clause)
                values |= {c: v for c, v in bare.items() if c not in values}
    if not values:  # (“三年合计只有百分之三点二”: the share whose words it says, before the last answer of a kind)
        values = _years_again(t, msg) or _words_shared(t, msg) or _reanswer(t, msg)
    # “看错表了 前年650万 去年720万 加起来1370万”: the total corrected, and the two years that add up to it
    values |= {c: v for c, v in _parts_of_total(t, msg, values).items() if c not in values}
    # “一千三是前年的 去年是一千六百多万”: the figure replaced is kept as the year before's
    values |= {c: v for c, v in _figure_of_the_other_year(t, msg).items() if c not in values}
    values |= {c: UNKNOWN for c in _redated(t, msg) if c not in values}
    if not values and _ANOTHER_FIRMS.search(msg.norm) and (last := _last_yes(t)):
        values = {last: False}  # “刚才说错了 那是我们一个关联公司 不是我们本身” after “被列过一次失信”: not ours
    if not values and not t.state.get("answered") and not t.profile:
        return None
    if not values and _MEANT_TO_ASK.search(msg.norm) and t.match(msg.text)[1].intent:
        return None  # “我其实是想问首版次软件 我们有个产品想报”: the question meant, no answer changed
    if not any(q.unit in ("年", "月") for q in quantities(msg.norm)) and "月" not in msg.norm:
        # (“大前年是3.6亿 不是3.9”: 3.9 is 亿, no years; “执照是去年十月份才拿的” dates them)
        values = {c: v for c, v in values.items() if t.kn.criteria[c].unit != "年"}
    wrong_opening = opens and opening.startswith(WRONG)  # (“不对 刚问了财务经理 …”; not “不是给哪家定制的 …”)
    changes = any(c in t.profile and t.profile[c] != v for c, v in values.items())
    if values and not said_wrong and not wrong_opening and not changes:
        return None  # “以前核定征收 今年改成查账征收了”: news, nothing said before changes (or it is said again)
    asked = says(msg.norm, t.kn, "conclude") or wants_check(t, msg.norm) or asks_outcome(t, msg)
    return Act(acts.CORRECTION, values=values, conclude=asked)  # (“…是八十左右 那还行不行”: the verdict again)


_TYPED_DIGIT = re.compile(r"((?:少|多|漏)(?:打|写|输|敲|按|填)了?(?:一个|个)?)([\d一二三四五六七八九零〇])")
"""A digit typed or missed (少打了个一, 多写了个零): a key, not a figure of any answer."""
_MEANT_TO_ASK = re.compile(r"(其实|本来|实际上)(是)?(想|要)(问|咨询|了解|报|申请)")
"""“我其实是想问…”: the question meant, named next."""
_CHECKED_BACK = re.compile(
    r"(刚|刚刚|刚才)(打电话|打了电话|打了个电话|电话)?(问了|问过|查了|查过|核了|核过|翻了|对了|算了|算过|重新算了)"
    r"|我?(又|去)?(翻|查|看|对|核)了(下|一下|一哈)?(证书|证|账|账本|报表|财报|合同|资料|执照|系统|记录|台账)"
)
"""The user went and checked (我刚问了办公室 …, 我翻了证书 …): what it says after, if it differs from the record,
corrects it."""


_OFF_BY = (
    "说多",
    "说少",
    "多说",
    "少说",
    "报多",
    "报少",
    "多报",
    "少报",
    "算多",
    "算少",
    "多算",
    "少算",
    "说高",
    "说低",
)
"""Correction words that say a figure was off (说多了): as wrong as 说错了, whether or not it was recorded."""
_WAS_WRONG = re.compile(r"不对|错了|说错|搞错|弄错")
"""Said of what was answered before: it was wrong, even an answer that was recorded as not known."""
_INTERJECTION = re.compile(rf"^([{SOUNDS}额]|等哈|等一下|等一哈|等下|等等|稍等)+")
"""A sound or a “wait” before what the message says (喔 不对 …, 等哈 不对 …): the correction opens after it."""


_ANOTHER_FIRMS = re.compile(r"不是我们(本身|自己|这家|公司)")
"""What was said was of another firm (那是我们一个关联公司 不是我们本身): the yes just told is not ours."""


def _last_yes(t: Turn) -> str | None:
    """The yes/no question answered last, if its answer was yes."""
    answered = [c for c in t.state.get("answered") or [] if c in t.kn.criteria]
    last = answered[-1] if answered else None
    return last if last and t.kn.criteria[last].type == "bool" and t.profile.get(last) is True else None


_FIGURE_AHEAD = r"(?=\d|[一二两三四五六七八九十](?!样))"
"""A figure comes next (五千五, 500; not 一样)."""


_REFERS_BACK = re.compile(r"(前面|刚才|之前|前头|先前)(那个|说的|讲的)" + _FIGURE_AHEAD)
"""Words that point back at an earlier answer (前面那个五千五): with a figure that replaces it, a correction."""


_NOT_THAT_FIGURE = re.compile(r"不是" + _FIGURE_AHEAD)
"""A figure denied (前年不是五百): if it is one recorded, the figure said with it replaces it."""


_HEDGING_ENDS = ("应该是", "应该是的", "应该是吧", "应该")
"""At the end of a message, 应该是 hedges what was said; it corrects nothing."""


_DOUBT = re.compile(r"好像|不确定|记不清|记不到|可能|也许|晓不得|不知道|搞不清|说不准")
"""After a fact taken back in the same message (哦不对 好像又不是): the user is not sure of it."""


def _taken_back(t: Turn, msg: Message) -> dict[str, Any]:
    """The facts a message states and then takes back in doubt, each as not known (no new fact after)."""
    found = [(msg.norm.find(w), w) for w in words(t.kn)["correction"] if w in msg.norm]
    if not found:
        return {}
    at, word = min(found)
    before, after = msg.norm[:at], msg.norm[at + len(word) :]
    if not before or not _DOUBT.search(after) or t.facts(after) or quantities(after):
        return {}
    # (“研发费用一千多万 哦不对 那个好像是别个的数” in a check that does not ask it: still not to be recorded)
    return {c: UNKNOWN for c in t.facts(before) or t.facts(before, anywhere=True)}


def _changed_facts(t: Turn, msg: Message) -> dict[str, Any]:
    """The facts a correction states, read from its last clauses when the whole restates what it replaces.

    “兄弟公司那个是试用样品 正式首批是卖给一家汽车零部件厂 跟我们没得关联关系”: read whole, 兄弟公司 says
    “related” again, as recorded; the clauses after it say what changed.
    """
    facts = t.facts(msg.text)
    if not facts or any(t.profile.get(c) != v for c, v in facts.items()):
        return facts
    said = clauses(msg.text)
    for start in range(len(said) - 1, 0, -1):
        if _ONLY_NOT.match(normalize(said[start])):
            continue  # “是我们集团下面的兄弟公司买去用的 不是贸易公司”: what it is not, beside what it is
        later = t.facts(" ".join(said[start:]))
        if any(c in t.profile and t.profile[c] != v for c, v in later.items()):
            return later
    return facts


_ONLY_NOT = re.compile(r"(也|并|而|倒)?不是")
"""Opening a later clause: it says what the thing is not (不是贸易公司), which changes nothing said before it."""


def _replaced(t: Turn, msg: Message) -> dict[str, Any]:
    """“刚才那个5%说错了 … 实际是2.5%”: the figure said before names the answer, the one after replaces it."""
    found = quantities(msg.norm)
    stated: dict[str, Any] | None = None

    def others(cid: str) -> list[Any]:
        """The figures the message gives by their words to criteria of another subject in the same unit.

        Not to the other years of the same subject (which year is what the correction may be about), nor to
        figures computed from others.
        """
        nonlocal stated
        if stated is None:
            stated = t.facts(msg.text)
        unit = t.kn.criteria[cid].unit
        return [
            v
            for c, v in stated.items()
            if (other := t.kn.criteria.get(c))
            and other.unit == unit
            and not other.computed_from
            and c not in year_family(t, cid)
            and cid not in year_family(t, c)
        ]

    for i, q in enumerate(found):
        for cid, old in t.profile.items():
            crit = t.kn.criteria.get(cid)
            if crit is None or crit.type != "number" or number_value(q, crit.unit or "", t.day) != old:
                continue
            later = [
                v
                for j, r in enumerate(found[i + 1 :], i + 1)
                if (v := number_value(r, crit.unit or "", t.day)) is not None
                and v not in others(cid)
                and _of_its_year(t, cid, _dated(msg.norm, found[j - 1].end, r.start))
            ]  # (not “九十几万是前年上半年的 前年全年是一百八十万 前年营收三千六”: 3600 is the 营收's, by its word;
            # nor “一百二是今年到现在的 去年全年只有八十万出头 前年是一百一”: 110 is the year before's)
            if _DENIED_FIGURE.search(msg.norm, 0, q.start) or _SUBJECT_AFTER.match(msg.norm, q.end):
                # “是六百万 不是五百万 前年…”, “是二十八个 十八个是研发部的”: the one before it
                later = [v for r in found[:i] if (v := number_value(r, crit.unit or "", t.day)) is not None] or later
            if later and later[-1] != old:
                return {cid: later[-1]}
    return {}


_YEARS_BACK = {"大前年": 2, "前年": 1, "去年": 0, "上年": 0}
"""A year word and how many years before last year it is."""
_YEAR_SAID = re.compile("|".join(_YEARS_BACK))


def _dated(norm: str, start: int, end: int) -> int | None:
    """How many years before last year the last year word in ``norm[start:end]`` is (None: no year said there)."""
    said = list(_YEAR_SAID.finditer(norm, start, end))
    return _YEARS_BACK[said[-1][0]] if said else None


def _of_its_year(t: Turn, cid: str, dated: int | None) -> bool:
    """Whether a figure dated ``dated`` years before last year (None: undated) may be ``cid``'s.

    A figure of no year (主营占比) takes any; a yearly one only a figure undated or of its own year.
    """
    back = _years_back(t, cid)
    return back is None or dated is None or dated == back


def _years_back(t: Turn, cid: str) -> int | None:
    """How many years before last year ``cid`` is a figure of (前年营业收入: 1); None if it is no year's figure."""
    later = [c for c, crit in t.kn.criteria.items() if crit.previous == cid]
    if not later:
        return 0 if yearly(t, cid) else None
    back = _years_back(t, later[0])
    return None if back is None else back + 1


def _restated(t: Turn, msg: Message, replaced: dict[str, Any]) -> bool:
    """“财务说两千二是含税的 不含税只有一千九百多万”: a recorded figure is the subject, a new one replaces it.

    ``replaced`` is what ``_replaced`` read. Not “去年营收2200万 前年只有1800万”: a recorded figure said again among
    others is no correction.
    """
    if not replaced:
        return False
    recorded = {v for v in t.profile.values() if isinstance(v, float)}
    for q in quantities(msg.norm):
        if _SUBJECT_AFTER.match(msg.norm, q.end) and any(abs(q.value - v) < 1e-6 for v in recorded):
            return bool(_ONLY_REALLY.search(msg.norm, q.end))
    return False


_SUBJECT_AFTER = re.compile(r"(万元|万块|万)?(那个)?(是|算的是|说的是|报的是)")
"""After a figure: it is the subject of what follows (两千二是含税的)."""


_ONLY_REALLY = re.compile(r"只有|实际|其实|真实|实实在在|才")
"""Before the figure that replaces it (不含税只有一千九百多万)."""


def _near(old: Any, new: Any) -> bool:
    """Whether ``new`` is a figure close to ``old`` (a figure or a range): a refinement, not another quantity."""
    if not isinstance(new, float):
        return False
    low, high = (old[0], old[1]) if isinstance(old, list) else (old, old)
    if not isinstance(low, float | int) or not isinstance(high, float | int):
        return False
    return low * (1 - NEAR_SHARE) <= new <= high * (1 + NEAR_SHARE)


NEAR_SHARE = 0.25
"""How far a figure said beside a correction may move one recorded (一百二十几个人 → 总人数是一百三)."""


def _parts_of_total(t: Turn, msg: Message, values: dict[str, Any]) -> dict[str, Any]:
    """The years of a corrected two-year total, each dated (去年, 前年) and adding up to it (650 + 720 = 1370)."""
    said = quantities(msg.norm)
    for cid, total in values.items():
        crit = t.kn.criteria.get(cid)
        if crit is None or len(crit.sum_of) != len(_YEAR_WORDS) or not isinstance(total, float):
            continue
        found: dict[str, float] = {}
        for q in said:
            value = number_value(q, crit.unit or "", t.day)
            year = next((i for i, w in enumerate(_YEAR_WORDS) if msg.norm.endswith(w, 0, q.start)), None)
            if isinstance(value, float) and year is not None:
                found[crit.sum_of[year]] = value
        if len(found) == len(_YEAR_WORDS) and abs(sum(found.values()) - total) < 1:
            return found
    return {}


_YEAR_WORDS = ("去年", "前年")
"""The years of a two-year total, in the order of its ``sum_of`` (last year, the year before)."""


_DENIED_FIGURE = re.compile(r"(不是|而不是|并不是|不该是)$")
"""Before a figure: it is the wrong one (是六百万 不是五百万)."""


def _retarget(t: Turn, msg: Message, values: dict[str, Any]) -> dict[str, Any]:
    """“研发是一千四百万 不是四百万”: the figure goes where the wrong one (400万) was recorded."""
    if len(values) != 1:
        return values
    ((cid, value),) = values.items()
    unit = t.kn.criteria[cid].unit
    for q in quantities(msg.norm):
        for other, old in t.profile.items():
            crit = t.kn.criteria.get(other)
            same_kind = other != cid and crit is not None and crit.type == "number" and crit.unit == unit
            if same_kind and number_value(q, unit or "", t.day) == old != value:
                return {other: value}
    return values


def _years_again(t: Turn, msg: Message) -> dict[str, Any]:
    """A correction of yearly figures with no subject (不对 去年是一百八十万 前年一百一十万没错).

    The years of the figure answered last, read as if its word stood before them (不对不对 研发 去年是…).
    """
    year = _YEAR_WORD.search(msg.text)
    if year is None:
        return {}
    criteria = t.kn.criteria
    answered = [c for c in t.state.get("answered") or [] if c in criteria]
    if not answered:
        return {}
    # (the figure answered last, if yearly: after 近两年研发合计, not 营收 before it; a total is corrected by its parts;
    # or the one whose recorded figure the message names: “前年是一百二十万 八十万是前年上半年的数”)
    last = next((c for c in reversed(answered) if _figure_named(t, msg, c)), answered[-1])
    heads = [last, *(h for h, c in criteria.items() if c.previous == last)]
    head = next((h for h in heads if yearly(t, h)), None)
    if head is None:
        return {}
    family = year_family(t, head)
    said = f"{msg.text[: year.start()]} {criteria[head].extract[0]} {msg.text[year.start() :]}"
    said = re.sub(r"\s*" + _SAID_WRONG.pattern + r"\s*", "", said)  # (24年说错了 是七百万: the year goes on)
    return {c: v for c, v in t.facts(said).items() if c in family}


_SWAPPED = re.compile(r"(看|说|打|写|填|记|报|算|搞|弄)反了")
"""Two figures said the wrong way round: the years named again, each with its own figure."""


_CALENDAR_YEAR = re.compile(r"(?<!\d)(20)?2\d年(?![\d底初末]|以|之|前|后)")
"""A year of this decade named (24年, 2025年): the year a corrected figure belongs to."""


_YEAR_WORD = re.compile(rf"去年|前年|大前年|上年|今年|{_CALENDAR_YEAR.pattern}")


_SAID_WRONG = re.compile(r"(说|搞|记|写|报|填|看)(错|岔|反)了?")
"""Words that say a figure was wrong (说错了): in a correction they stand between a year and its new figure."""


def _figure_named(t: Turn, msg: Message, cid: str) -> bool:
    """Whether the message says again the figure recorded for ``cid`` (八十万 for 前年研发费用 80万元)."""
    recorded = t.profile.get(cid)
    unit = t.kn.criteria[cid].unit or ""
    return isinstance(recorded, float) and any(number_value(q, unit) == recorded for q in quantities(msg.norm))


SHARED_WORDS = 2
"""Character pairs a corrected figure's clause must share with a recorded answer's words to be its (三年…占比)."""


def _words_shared(t: Turn, msg: Message) -> dict[str, Any]:
    """A corrected figure no keyword names, given to the recorded answer whose words its clause shares most.

    “财务说三年合计占比是百分之四点三”: 三年 and 占比 are words of 近三年研发费用占比 (recorded 3.5%), and no other
    recorded share says as many; a tie names none.
    """
    found = quantities(msg.norm)
    said = bigrams(msg.norm)
    scored: list[tuple[int, str, float]] = []
    for cid, recorded in t.profile.items():
        crit = t.kn.criteria.get(cid)
        if crit is None or crit.type != "number" or not isinstance(recorded, float | list):
            continue  # (a range recorded too: 四个多点 → “三年合计只有百分之三点二”)
        fits = [v for q in found if (v := number_value(q, crit.unit or "", t.day)) is not None]
        if len(fits) != 1 or not isinstance(value := fits[0], float) or value == recorded:
            continue  # (三年 in 三年合计占比 is no share: the one figure of the unit is)
        shared = max((len(said & bigrams(normalize(w))) for w in crit.extract), default=0)
        if shared >= SHARED_WORDS:
            scored.append((shared, cid, value))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return {}
    return {scored[0][1]: scored[0][2]}


def _redated(t: Turn, msg: Message) -> list[str]:
    """Answers of “obtained within N years” a correction gives a new date for that decides nothing yet.

    “那个是老版本 新产品著作权是2025年8月登记的”: the old 否 goes; within 2 years of a deadline not yet known, the
    new date is not known to pass.
    """
    if not DATE_SAID.search(msg.norm):
        return []
    return [
        c
        for c in t.profile
        if c in t.kn.criteria
        and t.kn.criteria[c].within_years
        and any(normalize(w) in msg.norm for w in t.kn.criteria[c].dated_by)
    ]


_OTHER_YEAR = re.compile(r"(看成|搞成|说成|当成|弄成|写成|填成)了?(前年|去年)的")
"""The figure recorded was another year's (营收我看成前年的了 去年是2.3个亿): it moves to that year."""


def _of_the_other_year(t: Turn, msg: Message) -> dict[str, Any]:
    """“营收我看成前年的了 去年是2.3个亿”: last year's figure recorded is the year before's, the new one last year's."""
    found = _OTHER_YEAR.search(msg.norm)
    if found is None or found[2] != "前年":
        return _figure_of_the_other_year(t, msg)
    before = msg.norm[: found.start()]
    heads = [c for c in t.profile if yearly(t, c) and any(normalize(w) in before for w in t.kn.criteria[c].extract)]
    if len(heads) != 1 or not isinstance(t.profile[heads[0]], float):
        return {}
    return _to_the_year_before(t, heads[0], msg.norm[found.end() :])  # (去年是2.3个亿, read as its figure's)


_WAS_THE_YEAR_BEFORE = re.compile(r"(是|算|为)(前年)的")
"""After a figure recorded (一千三是前年的): that figure was the year before's."""


def _figure_of_the_other_year(t: Turn, msg: Message) -> dict[str, Any]:
    """“一千三是前年的 去年是一千六百多万”: the yearly figure recorded, named again, moves to the year before."""
    found = _WAS_THE_YEAR_BEFORE.search(msg.norm)
    if found is None:
        return {}
    named = quantities(msg.norm[: found.start()])[-1:]
    heads = [
        c
        for c, v in t.profile.items()
        if yearly(t, c)
        and isinstance(v, float)
        and t.kn.criteria[c].previous
        and any(number_value(q, t.kn.criteria[c].unit or "", t.day) == v for q in named)
    ]
    if len(heads) != 1:
        return {}
    return _to_the_year_before(t, heads[0], msg.norm[found.end() :])  # (去年是一千六百多万: its new figure)


def _to_the_year_before(t: Turn, head: str, rest: str) -> dict[str, Any]:
    """``head``'s recorded figure moved to the year before, and the figure ``rest`` gives read as ``head``'s."""
    moved: dict[str, Any] = {str(t.kn.criteria[head].previous): t.profile[head]}
    said = f"{t.kn.criteria[head].extract[0]} {rest}"
    return moved | {c: v for c, v in t.facts(said).items() if c == head}


_THING_AFTER = re.compile(r"[\u4e00-\u9fff](?<![了的都也还啊哦嘛呢吧])")
"""After a count in 个: the thing it counts (漏了一个项目), which is no figure of the criterion answered last."""


def _reanswer(t: Turn, msg: Message) -> dict[str, Any]:
    """A correction without a keyword (“不对 是五千二百万”): the latest answer of a fitting kind."""
    stripped = without(msg.norm, words(t.kn)["correction"], "")
    if not stripped:
        return {}
    answered = [c for c in t.state.get("answered") or [] if c in t.kn.criteria]
    named = named_criteria(t, msg) & set(answered)  # “负债率我看错了 是五十八”: the answer it names
    said = bigrams(stripped)  # else those whose words it shares first (研发那边…九个 → 搞研发的: 科技人员人数)
    sharing = [c for c in answered if said & bigrams(normalize(" ".join(t.kn.criteria[c].extract)))]
    order = [c for c in answered if c in named] if named else [c for c in answered if c not in sharing] + sharing
    if not named:  # “研发两百八十万 主营一点二亿” then “看错了 是三百八十万”: the figure it is near, not the last
        order = [c for c in order if not _near_recorded(t, c, stripped)] + [
            c for c in order if _near_recorded(t, c, stripped)
        ]
    for cid in reversed(order):
        crit = t.kn.criteria[cid]
        if crit.unit == "年" and _PERIOD.search(stripped):
            continue  # (“三年合计只有百分之三点二”: the years a figure covers, no count of years)
        value = parse_answer(stripped, crit, t.kn.messages.vocabulary, t.day)
        if value is None:  # “哦不对 刚问了销售 那家其实是我们集团控股的子公司”: the buyer answered before
            value = subject_taken_as_said(t, msg, cid)
        if value is None and crit.type == "number":  # “2800是今年预计的 去年实际只有1800万”: the last figure
            fits = [
                v
                for q in quantities(stripped)
                if not STILL_PENDING.match(stripped, q.end)
                and not (q.unit == "个" and _THING_AFTER.match(stripped, q.end))
                and (v := number_value(q, crit.unit or "", t.day)) is not None
            ]  # (“授权的只有三个 另外两个还在实审”: the two still in examination are not counted)
            fits = [v for v in fits if v != t.profile.get(cid)]  # (“是五十八 八十五是好几年前的”: not the old one)
            value = fits[-1] if fits else None
        if value is not None and value != UNKNOWN:
            return {cid: value}
    return {}


_PERIOD = re.compile(r"[一二两三四五六七八九十\d]年(合计|加起来|累计|总共|一共|平均|下来|的研发|研发|总的)")
"""Years a figure is summed or averaged over (三年合计, 近三年加起来): a period, not a count of years."""


def _near_recorded(t: Turn, cid: str, stripped: str) -> bool:
    """Whether a figure of ``stripped`` is within a factor of two of the figure recorded for ``cid``."""
    crit = t.kn.criteria[cid]
    old = t.profile.get(cid)
    if crit.type != "number" or not isinstance(old, float) or old <= 0:
        return False
    said = [number_value(q, crit.unit or "", t.day) for q in quantities(stripped)]
    return any(isinstance(v, float) and v != old and old / 2 <= v <= old * 2 for v in said)
