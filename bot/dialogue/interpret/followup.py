"""A follow-up on the topic under discussion.

A part of it (啥时候截止), plainer words, an item of the last list, an ellipsis with a new value (那永川呢), or a
question its context explains.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.answers import supposes, without_supposing_words
from bot.calc import HIGH_TECH
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    about_us,
)
from bot.dialogue.interpret.offers import denies_only
from bot.dialogue.interpret.shared import (
    A_PERSON,
    ANOTHER_PARTY,
    CHECK_NAMED,
    DENIAL,
    ERRAND,
    FITS_BETTER,
    HUMAN,
    MATCH,
    OTHER_POLICIES,
    OWN_ERRAND,
    SUCCESS_A_NOT_A,
    THEN_IT_WILL_DO,
    WHAT_ABOUT,
    WHERE_TO,
    asks_outcome,
    check_asked,
    conditions_part,
    counted_part,
    heard_of_here,
    named_by_word,
    national_scheme_heard_of,
    opens_aside,
    option_act,
    plainer_asked,
    policies_asked,
    switched_to,
    thing_counts,
    titles_stated,
    variant_taken_up,
)
from bot.dialogue.mentions import (
    FIRST,
    about_here,
    foreign,
    in_topic_words,
    names_topic,
    other_policy_named,
    own_words_of,
    pairs_in_topic,
    prerequisite,
    topic_names,
    topic_words,
)
from bot.dialogue.reading import (
    SHORT_MESSAGE,
    Message,
    asks,
    asks_in_a_clause,
    clauses,
    last_clause,
    without,
)
from bot.dialogue.topics import (
    CALCULATION,
    CONTACT,
    COVERED,
    LOOKUPS,
    has_section,
    names_part,
    plain_form,
    section_asked,
    speaks_of,
    wants_check,
)
from bot.dialogue.turn import Turn, checklist_criteria, offered, offered_topics, policy_names, says, words
from intents.match import Candidate, Decision
from intents.normalize import normalize
from knowledge.schema import Topic

_ITEM = re.compile(r"第([一二三四五六七八九1-9])(?:个|条|项|点|种)")


_WHAT_OF = "(?:呢|咧|嘞|喃|勒)"
"""The particles that ask “and what of it” at a message's end (那单项冠军呢, 那市级的嘞)."""
_ELLIPSIS = re.compile(rf"^(?:那|那么|还有|再问下|那个)?(.{{1,12}}?)(?:的)?{_WHAT_OF}$")


_CASE_ON = re.compile(rf"{_WHAT_OF}$")
"""A case supposed, put as “…呢”: the same question as the last part answered, of that case."""


_CN_ORDINAL = "一二三四五六七八九"


_WHICH_CLAUSE = re.compile(r"哪一条|哪条|第几条|哪个条款|哪一款|哪款|哪一部分|哪部分|哪里讲|哪儿讲|哪里说的|哪里提")
"""Which clause of the document (52号文里头说的是哪一条): the topic's own source, not the document's."""
_GAP_CLOSED = re.compile(r"差[^，|]{0,6}(点|万|亿|个|年|%|分)|(降|减|压|提|涨|拉|做|补)(下来|上去|上来|到|够|齐)")
"""The gap to a condition, or closing it (就差三个点, 降下来, 拉上去): said of the condition unmet."""
_SPUN_OFF = re.compile(r"单独|拆|分出|剥离|独立")
"""A part of the business set up apart (把加工那块单独成立个公司): a case of the policy's, not an errand."""


def followup(t: Turn, msg: Message) -> Act | None:
    """On the current topic: plainer words, an item of the last list, ellipsis, a part of it, the calculation.

    “那中小企业技术研发中心呢”: the variant it names is taken up, so that a check asked next is of that one.
    """
    if policies_asked(t, msg):
        return None  # “那我们企业还能享受哪些政策”: the policy match, not a part of this topic
    if denies_only(t, msg):
        return None  # after the verdict, “以前没申报过 也没得虚假材料那些事”: told, no part asked (taken in)
    act = _followup(t, msg) or _other_kind_with_title_held(t, msg)
    if act is None or act.name != acts.FOLLOWUP:
        return act
    named = variant_taken_up(t, msg)
    act = switched_to(t, act, named)
    if not named and str(act.part).startswith("section:") and (what := _ELLIPSIS.match(last_clause(msg).norm)):
        act = switched_to(t, act, _kind_of(t, what[1]))  # (营收不够 那个中小企业技术研发中心呢: that kind from now on)
    topic = t.kn.topics.get(act.topic or "")
    if (
        named  # (“那重庆市级的单项冠军呢” when the municipal one was judged: its verdict and conditions again)
        and act.part in (None, "question")
        and topic
        and (t.state.get(flows.VERDICT_GIVEN) or t.judged_topic == topic.id)
    ):
        # “那国家级的呢” right after the verdict of the municipal one: that kind's verdict on what is known, and its
        # conditions (not the topic's overview again); later (那国家级的单项冠军呢 也是四个亿), its conditions
        concluded = bool(t.state.get(flows.VERDICT_GIVEN)) and not t.flow
        return replace(act, part=conditions_part(t, topic), conclude=concluded)
    # (明年再报得行不: a plan, not now; 那江苏那个厂能报不: another party's, not ours)
    beside = _verdict_asked_beside(t, msg, act) and not supposes(msg.text) and not ANOTHER_PARTY.search(msg.norm)
    beside = beside and not national_scheme_heard_of(t, msg)  # (国家那个…保险补偿 成都总部能报不: not our verdict)
    return replace(act, conclude=True) if beside else act


_CONFIRMING = re.compile(r"[噻吧撒嘛哈](\s|$)|对吧|是吧|对不")
"""A tag that asks to have something confirmed (7月份预缴的时候就能先扣了噻): a question after all."""


def _item_key(msg: Message) -> str | None:
    """The option key of an item of the last list named by its place (第三个 → "3"), if the message names one."""
    item = _ITEM.search(msg.norm)
    if item is None:
        return None
    return str(_CN_ORDINAL.index(item[1]) + 1) if item[1] in _CN_ORDINAL else item[1]


def _listed_policy(t: Turn, msg: Message) -> Act | None:
    """“第一个具体咋个弄” after the list of policies that may suit us: that policy, and the part asked of it."""
    key = _item_key(msg)
    if key is None:
        return _listed_gap(t, msg)
    action = next((o.action for o in offered(t) if o.key == key), "")
    kind, _, listed = action.partition(":")
    topic = t.kn.topics.get(listed) if kind == "intent" else None
    if topic is None or topic.kind != "policy" or t.kn.topics.get(str(t.state.get("topic"))) == topic:
        return None
    return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")


def _listed_gap(t: Turn, msg: Message) -> Act | None:
    """“专精特新那个 我们还差啥子” after the list of policies that may suit us: that policy's gap on what is known.

    “加计扣除那个具体咋个报”: the part asked of the policy the list named (那个 points back to it).
    """
    missing = says(msg.norm, t.kn, "missing")
    pointed = bool(_POINTS_BACK.search(msg.norm)) and not wants_check(t, msg.norm)  # (not 那高企够不够 帮我核一下这个)
    if t.state.get("topic") != MATCH or not (missing or pointed):
        return None
    listed = {topic.id for _option, topic in offered_topics(t)}
    named = t.match(msg.text)[1].intent
    topic = t.kn.topics.get(named or "")
    if topic is None or named not in listed or not topic.checklist:
        return None
    if not missing:  # (高企那个详细说下: what it is, of the policy listed)
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic), conclude=True)


_POINTS_BACK = re.compile(r"(那个|这个|那项|这项|那条|这条)")
"""Words pointing back at something said (加计扣除那个): a policy of the list just given."""


def _kind_of(t: Turn, text: str) -> dict[str, Any]:
    """The kind of the policy ``text`` names, as answers (中小企业技术研发中心: the SME centre is checked).

    A kind is a criterion presumed until told; empty when ``text`` names none.
    """
    return {c: v for c, v in t.facts(text).items() if t.kn.criteria[c].presume is not None}


def _other_kind_with_title_held(t: Turn, msg: Message) -> Act | None:
    """“那市级的呢 我们是市级专精特新” after a 单项冠军 check: the other kind of this policy, a title said beside it."""
    topic = t.kn.topics.get(str(t.state.get("topic") or ""))
    what = WHAT_ABOUT.match(msg.norm)
    if topic is None or not topic.checklist or t.flow is not None or what is None or what.end() >= len(msg.norm):
        return None
    kind = _kind_of(t, what[0])
    rest = Message(msg.text, msg.norm[what.end() :])
    held = titles_stated(t, rest)
    if not kind or not held or len(rest.norm) > SHORT_MESSAGE or asks(t, rest):
        return None
    return Act(acts.FOLLOWUP, topic=topic.id, part="question", values=held)


def _condition_of_check_here(t: Turn, topic: Topic, msg: Message, other: str) -> bool:
    """Whether the message names a condition of the check just judged here, in more than the words of ``other``.

    ``other`` is the document's own (its goals): 研发投入强度 is one of them; 行业平均 is the condition's
    (研发投入强度达到行业平均水平), words no policy's name holds (not 专精特新要翻番).
    """
    if not topic.checklist or not t.kn.topics[other].about_document or not _checked_here(t, topic):
        return False
    rest = without(msg.norm, frozenset(normalize(a) for a in t.kn.topics[other].aliases), "|")
    labels = [normalize(c.label or "") for c in (checklist_criteria(t.kn, topic.id, t.day) or {}).values()]
    if "policy_names_joined" not in t.kn.memo:
        t.kn.memo["policy_names_joined"] = "|".join(normalize(n) for n in policy_names(t.kn))
    names: str = t.kn.memo["policy_names_joined"]
    return any(
        (word := rest[i : i + _LABEL_CHARS]) in label and "|" not in word and word not in names
        for i in range(len(rest) - _LABEL_CHARS + 1)
        for label in labels
    )


def _condition_of_kind_here(t: Turn, topic: Topic, msg: Message, other: str) -> bool:
    """Whether the message names a kind of the check judged here (市级的) and one of its conditions.

    The condition is named in ``other``'s words (研发机构, in 设立了市级及以上研发机构).
    """
    if not topic.checklist or not _checked_here(t, topic) or not _LEVEL_FIRST.match(msg.norm):
        return False
    criteria = checklist_criteria(t.kn, topic.id, t.day) or {}
    if not any(t.kn.criteria[c].presume is not None for c in criteria):
        return False
    labels = [normalize(c.label or "") for c in criteria.values()]
    named = [w for a in t.kn.topics[other].aliases if len(w := normalize(a)) >= 2 and w in msg.norm]
    return bool(named) and all(any(w in label for label in labels) for w in named)


_KIND_OF_OURS_COUNTS = re.compile(
    r"(那|那么)?(我们|我们的|我们这个|我们这种|我们家)[^，|]{1,8}?(算不算|算不算是|属不属于|是不是属于)(?![得上数])[^，|]{2,}"
)
"""A thing of ours, asked whether it counts as a kind (我们传感器算不算集成电路), before another clause."""


_LEVEL_FIRST = re.compile(r"(那|那么)?(市级|省级|国家级|区级|区县级|市里头?|市里面|国家|重庆市?)的")
"""A kind by its level, first (市级的要啥子研发机构)."""


_LABEL_CHARS = 4
"""How many characters running a message must share with a condition's label to name it beside another topic's
words (行业平均)."""


def _same_part_of_other(t: Turn, msg: Message, other: str) -> Act | None:
    """An ellipsis naming another policy (那单项冠军呢) right after a part of this one: that one, the same part."""
    said = _OTHER_ELLIPSIS.match(msg.norm)
    last = t.state.get(flows.LAST_PART)
    if said is None or not last or supposes(msg.text):
        return None
    named = Message(said[1], said[1])
    decision = t.match(said[1])[1]
    if decision.intent != other or not names_topic(t, named, decision, other):
        return None  # (not “那是在哪个网站上报喃”: no policy named, the same topic's part)
    if last == t.kn.messages.sources_header:
        return Act(other, topic=other, part="sources")
    return Act(other, topic=other, part=f"section:{last}") if has_section(t, t.kn.topics[other], last) else None


_OTHER_ELLIPSIS = re.compile(
    r"^(?:那|那么|还有|那个)(.{2,12}?)(?:的)?(?:呢|咧|嘞|喃)(?:(?:也是|也|还是|一样)[^，|]{0,8})?$"
)
"""“那单项冠军呢”, “那首批次新材料呢 也是80%”: the same question, of what it names."""


def _comes_before(t: Turn, msg: Message, other: str) -> bool:
    """Whether the message asks what comes before ``other`` (专精特新前头还要评啥子): ``other``'s own conditions."""
    return any(
        _BEFORE_IT.match(msg.norm, m.end())
        for n in topic_names(t).get(other, [])
        for m in re.finditer(re.escape(n), msg.norm)
    )


_BEFORE_IT = re.compile(r"的?(前头|前面|前边|之前|以前|前一级|下面一级|下一级)")


def _checked_here(t: Turn, topic: Topic) -> bool:
    """Whether the last check ended on ``topic`` (its verdict given, then a part asked: 差好多)."""
    return t.judged_topic == topic.id


def _verdict_asked_beside(t: Turn, msg: Message, act: Act) -> bool:
    """“那可以报不 是市里补还是区里补” after the verdict: a part asked, and the verdict asked again in a clause."""
    if t.flow is not None or act.part in (None, "missing") or act.topic != t.state.get("topic"):
        return False
    said = clauses(msg.text)
    outcome = [asks_outcome(t, Message(c, normalize(c))) for c in said]
    # (“那能不能加计 加好多”: the verdict, and the question in the other clause)
    return len(said) > 1 and any(outcome) and (act.part != "question" or not all(outcome))


BRIEF = 10
"""A question this short with a part's word and an applying word (今年还赶得上报不) carries on from the topic."""
_APPLYING = re.compile(r"报|申|评|认定|享受|今年|明年")
_HEARD_ASKED = re.compile(r"^(不是说|不是听说|听说|网上说|有人说|别人说|以前不是|之前不是|原来不是)")
"""A rule heard of, put as a question (不是说专精特新可以降到2亿吗): about the rules of the topic in hand."""


_WE_TOO = re.compile(r"我们也|那我们|我们(就)?来|那就|给我们")
"""A check asked for ourselves after hearing of something (那我们也核一下): of the topic talked of before."""


def _policies_offered(t: Turn) -> list[str]:
    """The policies the last reply listed as its options (the list of policies that suit us), in its order."""
    return [topic.id for _option, topic in offered_topics(t) if topic.kind == "policy"]


def _other_kind_supposed(t: Turn, msg: Message, topic: Topic) -> bool:
    """Whether the case supposed is another kind of the policy than the one checked (那要是报市级企业技术中心呢)."""
    own = checklist_criteria(t.kn, topic.id, t.day) or {}
    return any(
        c in own and t.kn.criteria[c].presume is not None and t.profile.get(c, t.kn.criteria[c].presume) != v
        for c, v in t.facts(without_supposing_words(msg.text), topic=topic.id).items()
    )


def _followup(t: Turn, msg: Message) -> Act | None:
    topic_id = t.state.get("topic")
    topic = t.kn.topics.get(topic_id or "")
    if (listed := _listed_policy(t, msg)) is not None:
        return listed
    if plainer_asked(t, msg) and len(_policies_offered(t)) >= 2 and t.match(msg.text)[1].intent is None:
        return Act(acts.FOLLOWUP, part=acts.PLAIN_LIST)  # “讲通俗点嘛 我老板看不懂这些” after a list of policies
    if topic is None or topic.kind != "policy":
        return None
    if t.match(msg.text)[1].intent in (None, MATCH) and national_scheme_heard_of(t, msg):
        # “国家那个保险补偿 我们四川的企业能报不” after the 首台套 verdict: this topic's national scheme, asked about
        # (not the list of policies, whose example 我们企业能享受哪些政策 it is like): whom each scheme covers
        covered = f"section:{COVERED}" if has_section(t, topic, COVERED) else conditions_part(t, topic)
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or covered)
    if plainer_asked(t, msg):
        elsewhere = other_policy_named(t, msg, topic.id)
        decision = t.match(msg.text)[1]
        if (
            elsewhere is None
            or decision.intent != elsewhere
            or not t.kn.topics[elsewhere].checklist  # (52号文's goals: 研发投入强度 is a word of many a check)
            or not names_topic(t, msg, decision, elsewhere)
        ):  # (not 高企又是啥子条件 讲简单点: that policy's; 研发投入强度咋个算 讲通俗点 is this one's word)
            return Act(acts.FOLLOWUP, topic=topic.id, part="plain")
    if WHERE_TO.match(msg.norm):  # (这个在哪儿查得到嘛: where, of what the last answer spoke of)
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    if ("的话" in msg.norm or _HEARD_ASKED.search(msg.norm)) and heard_of_here(t, topic, msg):
        # “网上说是专精特新的话营收可以降到2个亿 是不是” after a 单项冠军 verdict: this topic's rule, heard of
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic))
    if thing_counts(t, msg) and checklist_criteria(t.kn, topic.id, t.day):
        return Act(acts.FOLLOWUP, topic=topic.id, part=counted_part(t, topic, msg))  # “只有相近的” → “相近的算不算嘛”
    key = _item_key(msg)
    if key is not None and not other_policy_named(t, msg, topic.id):  # (not 那第一个加计扣除具体咋个报: that one)
        for o in offered(t):
            if o.key == key:
                return option_act(t, o.action)
    candidates, decision = t.match(msg.text)
    if (
        decision.intent in (None, topic.id)
        and ANOTHER_PARTY.search(msg.norm)
        and _APPLYING.search(msg.norm)
        and (asks_in_a_clause(t, msg) or THEN_IT_WILL_DO.search(msg.norm))
    ):  # “那江苏那个厂能报不 我们帮他跑腿”, “那厂家来报就可以噻”: whether another party may, which the conditions say
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or conditions_part(t, topic))
    if (
        decision.intent is None
        and (OWN_ERRAND.search(msg.norm) or (opens_aside(t, msg) and ERRAND.search(msg.norm)))
        and not _SPUN_OFF.search(msg.norm)
        and not supposes(msg.text)
    ):
        # “对了 开个分公司要准备啥子材料”, “注册个子公司 执照咋个办”: another errand, though 材料 is a word of this
        # topic (not “那要是把加工那块单独成立个公司呢”, a case of this topic's)
        return None
    if (
        has_section(t, topic, CALCULATION)
        and not topic.calculator
        and decision.intent in (None, topic.id)
        and decision.reason != "out_of_scope"
        and _asks_amount(t, msg)
        and not (wants_check(t, msg.norm) and SUCCESS_A_NOT_A.search(msg.norm))  # (帮我们算一下够不够: the check)
    ):  # (not “研发人员的个税能不能少交点”: another world's amount)
        return Act(acts.FOLLOWUP, topic=topic.id, part=f"section:{CALCULATION}")  # “大概能补好多 算给我看哈”
    if topic.checklist and _only_check(t, msg.norm):
        return Act(topic.id, topic=topic.id, check=True)  # “帮我核一下”, however like an out-of-scope example
    if decision.intent == HUMAN and A_PERSON.search(msg.norm):
        return None  # “有没有人可以直接问 留个电话嘛”: a person, not this topic's department
    if (
        decision.reason == "out_of_scope"
        and t.state.get(flows.VERDICT_GIVEN)
        and _GAP_CLOSED.search(msg.norm)
        and supposes(msg.text)
    ):  # “就差三个点嘛 明年还点贷款降下来是不是就得行了”: the gap closed, supposed; what is still missing
        return Act(acts.FOLLOWUP, topic=topic.id, part="missing")
    if decision.reason == "out_of_scope" and not topic_words(t, topic, msg, candidates):
        return None
    if topic.calculator:  # “我们是高企” after a calculation: the same calculation at 15%
        learned = t.facts(msg.text)
        relevant = {*topic.calculator.inputs, HIGH_TECH}
        if (learned.keys() & relevant and len(msg.norm) <= SHORT_MESSAGE) or (
            _asks_amount(t, msg) and decision.intent in (None, topic.id) and not wants_check(t, msg.norm)
        ):  # (能多扣好多: 好多 is 多少; “那我们够不够嘛 能多扣好多” asks the verdict first)
            return Act(acts.FOLLOWUP, topic=topic.id, part="calc", values=learned)
    other = decision.intent and decision.intent != topic.id and t.kn.topics[decision.intent].kind == "policy"
    if other and (same := _same_part_of_other(t, msg, str(decision.intent))):
        return same  # “那首批次新材料呢 也是80%?” right after 首台套's 计算方法: 首批次, its 计算方法
    if (
        other
        and FIRST.search(msg.norm)
        and prerequisite(t, topic, str(decision.intent))
        and not _comes_before(t, msg, str(decision.intent))
    ):
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic))
    if other and t.kn.topics[str(decision.intent)].about_document and _WHICH_CLAUSE.search(msg.norm):
        return Act(acts.FOLLOWUP, topic=topic.id, part="sources")  # “52号文里头说的是哪一条”: this topic's clause
    here = about_here(t, topic, msg, str(decision.intent)) if other else None
    if here:
        return Act(acts.FOLLOWUP, topic=topic.id, part="question", text=here)  # “高企占比那个是好多” after the goals
    if other and _condition_of_check_here(t, topic, msg, str(decision.intent)):
        # “研发投入强度的行业平均去哪里查” after a 单项冠军 verdict: its condition (研发投入强度达到行业平均), though
        # 研发投入强度 is a name of the document's goals
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or "question")
    if other and _condition_of_kind_here(t, topic, msg, str(decision.intent)):
        # “市级的要啥子研发机构” after the 单项冠军 verdict: the municipal kind's condition (设立市级及以上研发机构),
        # not the policy of 研发机构
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or "question")
    checked_here = (
        bool(other)
        and bool(topic.checklist)
        and wants_check(t, msg.norm)
        and check_asked(t, msg, topic.id)
        and not _clearly_about(t, msg, decision, str(decision.intent), topic.id)
    )  # (“帮我们对一下 我们做伺服压力机的 两江新区”: a check of this topic, however like a platform question)
    unnamed = other and not checked_here and not names_topic(t, msg, decision, str(decision.intent))
    if (
        unnamed
        and not wants_check(t, msg.norm)
        and (_close_behind(t, topic, candidates, decision) or own_words_of(t, topic, msg))
    ):
        # “听说保险补偿费率不能超过3% 是不是” on 首台套: like 首批次's example, but no nearer than this topic's own;
        # “保费能补好多 费率是不是还是3%封顶” on 首批次: like 首台套's example, in words the two share (费率)
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or "question")
    if decision.intent == MATCH and FITS_BETTER.search(msg.norm) and not OTHER_POLICIES.search(msg.norm):
        # “那有没得门槛低点的 适合我们这种规模的” after this topic's verdict: a lower kind of it, not the policy match
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or "question")
    if (
        other
        and not checked_here
        and (
            names_topic(t, msg, decision, str(decision.intent))
            or not (asks(t, msg) or section_asked(t, topic, msg.text))
        )
    ):
        return None  # another topic named: a new question
    ellipsis = _ELLIPSIS.match(msg.norm)
    if ellipsis and topic.id in LOOKUPS and LOOKUPS[topic.id](t.kn, ellipsis[1]):
        return Act(acts.FOLLOWUP, topic=topic.id, part="lookup", text=ellipsis[1])
    checked = t.state.get(flows.VERDICT_GIVEN) or (t.flow is None and _checked_here(t, topic))
    if supposes(msg.text) and decision.intent in (None, topic.id) and checked:
        # “明年把研发做到一百万以上再报 得行不”: the conditions; “要是备了案 大概补好多”: the part it asks
        asked = section_asked(t, topic, last_clause(msg).text, cues_only=True)
        last_part = t.state.get(flows.LAST_PART)
        if (
            not asked
            and last_part
            and last_part != t.kn.messages.sources_header
            and _CASE_ON.search(msg.norm)
            and not _other_kind_supposed(t, msg, topic)  # (那要是报市级企业技术中心呢: that kind's conditions)
        ):
            # “那要是明年组装做大了 超过一半了呢” right after the exclusions: that part, of the case supposed
            asked = f"section:{last_part}"
        return Act(acts.FOLLOWUP, topic=topic.id, part=asked or conditions_part(t, topic))
    if checked and _title_asked_about(t, topic, msg):
        # “那创新型中小企业呢 先评那个得不得行” after the verdict: the title this check needs, what it takes
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic))
    policy = decision.intent if decision.intent and t.kn.topics[decision.intent].kind == "policy" else None
    if decision.intent in (None, topic.id) and _KIND_OF_OURS_COUNTS.match(msg.norm) and len(clauses(msg.text)) > 1:
        # “那我们传感器算不算集成电路 能不能按120%”: whether our kind of thing is of the kind a rule names, the
        # rule (the list it must be on), not the check
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or "question")
    if (
        wants_check(t, msg.norm)
        and check_asked(t, msg, topic.id)
        and not national_scheme_heard_of(t, msg)  # (国家那个我们报得了不: that scheme's word, not our check)
        and not (  # (“还能享受哪些政策 帮我看下” names the questionnaire; “帮我看下能不能享受” checks this topic)
            decision.intent
            and t.kn.topics[decision.intent].questionnaire
            and names_topic(t, msg, decision, str(decision.intent))
        )
        and (
            decision.intent in (None, topic.id)
            or (topic.checklist and (policy is None or not _clearly_about(t, msg, decision, policy, topic.id)))
        )
    ):  # (a policy with nothing to check says so; “研发费用能按120%扣不” asks about another policy)
        earlier = str(t.state.get(flows.CHECKABLE) or "")
        if (
            not topic.checklist
            and decision.intent is None
            and earlier in t.kn.topics
            and (_WE_TOO.search(msg.norm) or topic.about_document)
        ):
            # “那我们也核一下嘛” after 高企's goal: the 高企 check; so is “帮我看下够不够条件” after a question on the
            # document's goals, which nobody qualifies for
            return Act(earlier, topic=earlier, check=True)
        if (
            topic.checklist
            and WHAT_ABOUT.match(msg.norm)
            and not any(w in msg.norm for w in CHECK_NAMED)
            and t.facts(msg.text, topic=topic.id)
        ):
            # “那中小企业技术研发中心呢 我们够不够”: the same question of another kind, the check of that kind (“…呢
            # 也帮我核一下” asks for that check in so many words: a new check)
            return Act(acts.FOLLOWUP, topic=topic.id, part=acts.CHECK_PART)
        return Act(topic.id, topic=topic.id, check=True)
    part = section_asked(t, topic, msg.text)
    ours = wants_check(t, msg.norm) and (bool(_OUR_KIND.search(msg.norm)) or bool(about_us(t, msg, anywhere=True)))
    brief = (
        all(len(normalize(c)) <= BRIEF for c in clauses(msg.text))  # (好久开始报 | 今年还来得及不: two brief ones)
        and bool(_APPLYING.search(msg.norm))
        and not named_by_word(decision)
    )
    if part and decision.intent is None and not brief and foreign(t, topic, msg) and not ours:
        return None  # “银行那边有没有啥子低息贷款可以办”: a question cue, but of another world (not “今年还赶得上报不”)
    if ours and decision.intent is None and not topic.checklist:
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic))  # nothing to check: its conditions
    if (
        part
        and decision.reason == "ambiguous"
        and part == f"section:{CONTACT}"
        and other_policy_named(t, msg, topic.id)
    ):
        return None  # “有没得人晓得加计扣除的问题打哪个电话问” in the 高企 check: whom to ask of 加计扣除
    told = len(msg.norm) > SHORT_MESSAGE and not asks_in_a_clause(t, msg) and bool(t.state.get(flows.VERDICT_GIVEN))
    if told and DENIAL.search(msg.norm) and not _CONFIRMING.search(msg.norm) and not names_part(t, topic, msg.text):
        return None  # “保险打算保六千万左右 材料没用在啥子首台套装备上 …” after the verdict: told, no part asked
    if part and (decision.intent in (None, topic.id) or len(msg.norm) <= SHORT_MESSAGE or _closer(t, topic, msg)):
        return Act(acts.FOLLOWUP, topic=topic.id, part=part)
    if (
        part in _PROCEDURAL
        and other
        and not named_by_word(decision)
        and not names_topic(t, msg, decision, str(decision.intent))
    ):
        # “先把场地弄好 到时候找哪个部门报”: a part every topic has, like 技改's example only
        return Act(acts.FOLLOWUP, topic=topic.id, part=part)
    last_part = t.state.get(flows.LAST_PART)
    if ellipsis is None and (tail := last_clause(msg).norm) != msg.norm and tail.startswith(("那", "那么")):
        ellipsis = _ELLIPSIS.match(tail)  # “我们才三千多万 那中小企业技术研发中心呢”: the clause that asks
    if (
        ellipsis
        and not part
        and last_part
        and decision.intent in (None, topic.id)
        and decision.reason != "out_of_scope"
        and not foreign(t, topic, msg)
        and last_part != t.kn.messages.sources_header
        and (speaks_of(t, topic, str(last_part), ellipsis[1]) or _kind_of(t, ellipsis[1]))
    ):  # “委托国外的呢” right after the 计算方法 of 委托研发: the same part, of the case it names (not “形成无形资产
        # 的那部分呢” after 时间节点, which says nothing of it); “那中小企业技术研发中心呢” after 市级企业技术中心's
        # conditions: that kind's (and it is the kind checked from now on)
        return Act(acts.FOLLOWUP, topic=topic.id, part=f"section:{last_part}", values=_kind_of(t, ellipsis[1]))
    if decision.intent == topic.id and (asks(t, msg) or ellipsis):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")
    if (
        decision.intent is None
        and decision.reason != "out_of_scope"
        and (asks(t, msg) or ellipsis)
        and not foreign(t, topic, msg)
    ):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")  # a question the topic's context explains
    if decision.reason == "out_of_scope" and topic_words(t, topic, msg, candidates):
        # (要单独注册公司吗: a condition's words)
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic))
    if other and asks(t, msg) and _short_in_topic(t, topic, msg):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")  # “目录在哪里查”: this topic's 目录, named by none
    if other and asks(t, msg) and not named_by_word(decision) and _closer(t, topic, msg, or_as_close=True):
        # “目录在哪里查 看哪一年的版本” after the 首批次 verdict: like 首台套's example, but naming no topic, and in
        # 首批次's words as much as in 首台套's
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    return None


_PROCEDURAL = frozenset(f"section:{name}" for name in ("咨询部门", "办理流程", "时间节点", "申报材料"))
"""Parts every topic has in like words (找哪个部门, 好久报): asked with no topic named, of the one under discussion."""


def _title_asked_about(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether “那X呢” names a title this topic's check asks whether we hold (创新型中小企业 for 专精特新)."""
    about = WHAT_ABOUT.match(msg.norm)
    if about is None:
        return False
    criteria = checklist_criteria(t.kn, topic.id, t.day) or {}
    return any(normalize(w) in about[0] for c in criteria.values() for w in c.title)


CLOSE_BEHIND = 6.0
"""Points a topic under discussion may trail another's example by and still be the one a question is about."""


_OUR_KIND = re.compile(r"我们(这种|这样|这类|这号|这个|公司|厂|企业)")
"""The enterprise described, asking whether it qualifies (我们这种三十几个人的小厂有戏不): about this topic."""


def _close_behind(t: Turn, topic: Topic, candidates: list[Candidate], decision: Decision) -> bool:
    """Whether a question matched to another topic by an example only is about as like this topic's own words."""
    if not decision.top or not decision.top[0].via.startswith("example"):
        return False
    own = next((c.score for c in candidates if c.intent == topic.id), None)
    return own is not None and own >= decision.score - CLOSE_BEHIND


def _closer(t: Turn, topic: Topic, msg: Message, or_as_close: bool = False) -> bool:
    """Whether a question naming no topic shares more word pairs with this topic's text than with the one it resembles.

    高企 in view: “拿到以后所得税是15%对吧 有效期几年” is 高企's, not 单项冠军's (单项冠军称号有效期几年).
    ``or_as_close``: as many (at least one) will do, the topic under discussion breaking the tie.
    """
    _c, decision = t.match(msg.text)
    other = t.kn.topics.get(decision.intent or "")
    if other is None or other.kind != "policy" or names_topic(t, msg, decision, other.id):
        return False  # (转人工, 咨询电话: the conversation intents keep their own words)
    here, there = pairs_in_topic(t, topic, msg)[0], pairs_in_topic(t, other, msg)[0]
    return here > there or (or_as_close and here >= max(1, there))


def _short_in_topic(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether a very short question's words of content stand in the topic's text (目录在哪里查 → 目录)."""
    if len(msg.norm) > VERY_SHORT:
        return in_topic_words(t, topic, msg)
    inside, pairs = pairs_in_topic(t, topic, msg)
    return inside >= 1 and inside * 2 >= pairs


VERY_SHORT = 8
"""A question this short has one or two words of content: one of them in the topic's text is enough."""


def _only_check(t: Turn, norm: str) -> bool:
    """Whether the message is nothing but a request for the check (帮我核一下, 先帮我们测下嘛)."""
    if not wants_check(t, norm):
        return False
    rest = without(norm, words(t.kn)["eligibility"], "")
    return not _CHECK_FILLERS.sub("", rest)


_CHECK_FILLERS = re.compile(r"我们|我|咱们|帮忙|帮|你|先|再|一下|一哈|下|哈|嘛|吧|噻|呢|了|的|看|条件|情况|那")
"""Words around a request for the check that add nothing to it (你先帮我们…嘛)."""


def _asks_amount(t: Turn, msg: Message) -> bool:
    """“能扣多少”, “算给我看”: the enterprise's own amount asked (plain form: 能补好多 is 能补多少)."""
    plain = plain_form(t.kn, msg.norm)
    return any(plain_form(t.kn, normalize(x)) in plain for x in t.kn.messages.calc_words)


def _clearly_about(t: Turn, msg: Message, decision: Any, other: str, topic: str) -> bool:
    """Whether the message is about ``other`` by name, or with ``topic`` not even among its candidates.

    After the 首台套 verdict, “对了我们算不算工业母机企业 研发费用能按120%扣不” asks about 研发费用加计扣除; but a
    request to be checked that states facts this topic's check asks (规上企业 独立法人) stays with this topic, however
    like another topic's example its words are (独立法人研发机构怎么认定).
    """
    if names_topic(t, msg, decision, other):
        current = t.kn.topics.get(topic)
        held = current is not None and prerequisite(t, current, other) and True in titles_stated(t, msg).values()
        return not held  # (“check一下我们 市级专精特新2023年就评上了” about 小巨人: the title it asks for, held)
    if any(c.intent == topic for c in decision.top):
        return False
    if decision.score < t.settings.new_question_score and not asks(t, msg):
        return False  # (“帮我们过一下条件 九龙坡做传感器模组的”: a request, only faintly like a platform question)
    own = checklist_criteria(t.kn, topic) or {}
    return not t.facts(msg.text).keys() & own.keys()  # (“帮我们看下 规上企业 独立法人”: our facts, of this check)
