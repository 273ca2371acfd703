"""Message + conversation state → one ``Act``: an ordered list of recognisers, the first that claims it wins.

The order is the policy: control words before anything else; then what the bot's last turn makes likely (a
numbered or named option, the pending checklist question); then repairs (verdict now, correction, resume);
then follow-ups on the current topic; last, a new question for the matcher. Each recogniser's name is the
act's ``via``, so the log says why a message was read as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.answers import (
    CALENDAR_YEAR,
    SUPPOSING,
    UNKNOWN,
    held_titles,
    keywords,
    number_value,
    parse_answer,
    parse_yes_no,
    quantities,
)
from bot.calc import HIGH_TECH
from bot.checklist import to_ask
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.flows import CONDITIONS, MEETS
from bot.dialogue.topics import (
    CALCULATION,
    LOOKUPS,
    has_section,
    plain_form,
    section_asked,
    section_texts,
    shaped_part,
    wants_check,
)
from bot.dialogue.turn import NOTHING_TO_CHECK, Turn, policy_names, says, words
from intents.match import Candidate
from intents.normalize import clean, normalize
from knowledge.schema import Criterion, Topic

CORRECTION_OPENINGS = ("不对", "不是", "错了")
"""How a message that gives a figure may start when it corrects one."""
CLOSING_CHARS = 16
"""A message up to this long that says 谢谢 or 人工 is that, even in the middle of a check."""
ACCEPT_CHARS = 4
"""A yes this short after an offer of 条件自查 accepts it (要得, 好的嘛); a longer message must also ask for it."""
CONTROL_CHARS = 14
"""A message up to this long that contains a control phrase (算了 不测了, 接着前面的) is that phrase."""
SHORT_MESSAGE = 16
"""A message this short that names a part of the topic (要交啥, 好久截止) asks about the topic under discussion."""
HANDOFF = ("human_agent", "thanks")
"""Conversation intents that leave a check whatever the message's length (转人工, 谢谢); greetings do not."""
_ITEM = re.compile(r"第([一二三四五六七八九1-9])(?:个|条|项|点|种)")
_ELLIPSIS = re.compile(r"^(?:那|那么|还有|再问下|那个)?(.{1,12}?)(?:的)?(?:呢|咧|嘞|喃|勒)$")
_CN_ORDINAL = "一二三四五六七八九"


@dataclass(frozen=True)
class Message:
    """The text as typed and normalised."""

    text: str
    norm: str


Recogniser = Callable[[Turn, Message], Act | None]


def interpret(t: Turn, text: str) -> Act:
    """The one act ``text`` stands for in this conversation."""
    msg = Message(clean(text), normalize(text))
    for name, recognise in RECOGNISERS:
        act = recognise(t, msg)
        if act is not None:
            return replace(act, via=name, text=act.text or msg.text)
    raise AssertionError("the last recogniser always claims the message")  # pragma: no cover


# -- control words ---------------------------------------------------------------------------------
def feedback(t: Turn, msg: Message) -> Act | None:
    """有用 / 没用 (or 👍 / 👎) right after an answer."""
    if not t.state.get("last_turn"):
        return None
    vocab = t.kn.messages.vocabulary
    raw = msg.text.strip()
    w = words(t.kn)
    if raw in vocab.useful or (msg.norm and msg.norm in w["useful"]):
        return Act(acts.FEEDBACK, useful=True)
    if raw in vocab.useless or (msg.norm and msg.norm in w["useless"]):
        return Act(acts.FEEDBACK, useful=False)
    return None


def empty(t: Turn, msg: Message) -> Act | None:
    """Nothing to read (only spaces, emoji or punctuation)."""
    return Act(acts.EMPTY) if not msg.norm else None


_ADDRESSED = re.compile(r"^\s*[@＠](?P<name>[^\s@＠]+)\s")
"""A message that opens with an @mention: in a group, addressed to that person."""
BOT_NAMES = ("bot", "机器人", "助手", "policy")
"""Words of a mention that addresses this bot (@PolicyBot, @政策机器人) rather than a colleague."""


def aside(t: Turn, msg: Message) -> Act | None:
    """A group message to someone else (@Tony 下午的会改到四点): not for the bot, and no miss."""
    m = _ADDRESSED.match(msg.text)
    if m is None or any(w in m["name"].lower() for w in BOT_NAMES):
        return None
    return Act(acts.NULL, part=acts.ASIDE)


def _checking(t: Turn) -> bool:
    """A check is under way, parked, or was just concluded: control phrases refer to it."""
    return flows.referred(t, topic_check=False) is not None


def _checkable(t: Turn) -> bool:
    """A check is under way or parked or done, or the topic under discussion has one."""
    return flows.referred(t) is not None


def _control(t: Turn, msg: Message, name: str) -> bool:
    if msg.norm in words(t.kn)[name]:
        return True
    return _checkable(t) and len(msg.norm) <= CONTROL_CHARS * 2 and says(msg.norm, t.kn, name)


def restart(t: Turn, msg: Message) -> Act | None:
    """重新开始 / 从头再来: the check starts over (or, with no check, the conversation)."""
    return Act(acts.RESTART) if _control(t, msg, "restart") else None


def cancel(t: Turn, msg: Message) -> Act | None:
    """退出 / 算了 / 不测了: the check ends (not “那先这样判一下”, which asks for the verdict on what is known)."""
    other_ask = _ORDER.search(msg.norm) or says(msg.norm, t.kn, "conclude") or says(msg.norm, t.kn, "resume")
    if msg.norm not in words(t.kn)["exit"] and other_ask:
        return None  # (“算了 回到刚才那个加计扣除”: back to it, not out)
    if msg.norm in words(t.kn)["exit"] or (len(msg.norm) <= CONTROL_CHARS and says(msg.norm, t.kn, "exit")):
        return Act(acts.CANCEL)
    if (t.flow or t.state.get("suspended")) and len(msg.norm) <= CONTROL_CHARS * 2 and says(msg.norm, t.kn, "exit"):
        _c, decision = t.match(msg.text)
        if not decision.intent or decision.score < t.settings.new_question_score:
            return Act(acts.CANCEL)
    return None


_QUESTION_BEFORE = re.compile(r"吗|呢|几月|啥时候|什么时候|好久|多少|好多|哪")
"""A question standing before a thanks in the same message."""


def closing(t: Turn, msg: Message) -> Act | None:
    """谢谢 / 转人工 in a short message, whatever else is going on (要得 谢了, 有没有人工 我想找个人问)."""
    if len(msg.norm) > CLOSING_CHARS:
        return None
    for topic_id in HANDOFF:
        topic = t.kn.topics.get(topic_id)
        said = [a for a in map(normalize, topic.aliases) if len(a) >= 2 and a in msg.norm] if topic else []
        if said:
            if t.match(msg.text)[1].reason == "out_of_scope":
                return None  # (“中国移动客服电话多少”: another service's hotline is not ours)
            if topic_id == "thanks" and _QUESTION_BEFORE.search(msg.norm[: msg.norm.find(said[0])]):
                return None  # “那明年几月可以申请？谢谢”: the question first, the thanks after it
            return Act(topic_id, topic=topic_id)
    return None


# -- what the last turn offered --------------------------------------------------------------------
def _option_act(t: Turn, action: str) -> Act:
    kind, _, arg = action.partition(":")
    topic = t.state.get("topic")
    if kind == "intent":
        return Act(arg, topic=arg, part=None)
    if kind == "checklist" and topic:
        return Act(topic, topic=topic, check=True)
    if kind == "all":
        return Act("help", topic="help", part="all")
    return Act(acts.FOLLOWUP, topic=topic, part=action)


def option(t: Turn, msg: Message) -> Act | None:
    """A bare number picks one of the options offered (during a check, it answers the question)."""
    if not msg.norm.isdigit() or t.flow:
        return None
    for key, _label, action in t.state.get("options") or []:
        if key == msg.norm:
            return _option_act(t, action)
    return Act(acts.NO_OPTION)


def option_label(t: Turn, msg: Message) -> Act | None:
    """An offered option's label (or a clear part of it) typed instead of its number: “申报材料”, “政策依据”."""
    if t.flow:
        return None
    best = None
    for _key, label, action in t.state.get("options") or []:
        norm_label = normalize(label)
        if not norm_label:
            continue
        whole = msg.norm == norm_label
        inside = norm_label in msg.norm and len(msg.norm) <= len(norm_label) + 4
        part = len(msg.norm) >= 2 and msg.norm in norm_label and len(msg.norm) * 2 >= len(norm_label)
        if (whole or inside or part) and (best is None or len(norm_label) > best[0]):
            best = (len(norm_label), action)
    return _option_act(t, best[1]) if best else None


# -- the check under way ---------------------------------------------------------------------------
def conclude(t: Turn, msg: Message) -> Act | None:
    """直接给个结论 / 就这些，行不行: the verdict now, on what is known."""
    current = t.kn.topics.get(t.state.get("topic") or "")
    if current and t.state.get(NOTHING_TO_CHECK) == current.id and says(msg.norm, t.kn, "conclude"):
        return Act(current.id, topic=current.id, check=True)  # “直接说结论” on a policy with nothing to check
    if not _checkable(t):
        return None
    if says(msg.norm, t.kn, "correction") and any(c in msg.norm for c in _WRONG) and t.profile:
        return None  # “不对 负债率我看错了 是八十左右 那还行不行”: the correction, then the verdict
    if len(msg.norm) <= CONTROL_CHARS and says(msg.norm, t.kn, "missing") and not _VERDICT_NOUN.search(msg.norm):
        return None  # “要咋个搞才得行” asks what is missing (“先说结论 差在哪里” the verdict, which lists it)
    bare = msg.norm in _BARE_CONCLUDE and _checking(t)  # “结果” alone, during a check
    asked = bare or says(msg.norm, t.kn, "conclude") or (t.flow is not None and wants_check(t, msg.norm))
    asked = asked or _asks_outcome(t, msg)
    if not asked or (not _checking(t) and wants_check(t, msg.norm) and not t.profile):
        return None  # nothing known yet: “我们到底能不能申请” starts the check
    _c, decision = t.match(msg.text)
    current = (t.flow or t.state.get("suspended") or {}).get("topic") or t.state.get("topic")
    other = decision.intent and decision.intent != current and t.kn.topics[decision.intent].kind == "policy"
    values = t.facts(msg.text)
    pending = t.flow.get("pending") if t.flow else None
    stated = _SUCCESS_A_NOT_A.sub("", msg.norm)  # (得不得行 asks; it answers nothing)
    if pending in t.kn.criteria and pending not in values and len(stated) >= 2:  # “专精特新还没评 直接报得不得行”
        value = _answer_value(t, msg, t.kn.criteria[pending])
        owned = t.kn.criteria[pending].type == "number" and _all_owned(t, msg, values)
        if value is not None and not owned:  # (“高新收入七成 …” is no answer to the share of technicians)
            values[pending] = value
    if other and not values:
        return None  # “那高企呢 够不够”: a check on another topic (with figures or an answer, it is still this one)
    return Act(acts.ANSWER, conclude=True, values=values)


def _asks_outcome(t: Turn, msg: Message) -> bool:
    """During a check, a question about the result in the user's own words: 算下来合不合格, 你看能判不, 综合起来咋样.

    Only when it answers nothing, asks no part of the topic and no “why” (为啥不得行 asks what is missing).
    """
    flow = t.flow or flows.referred(t, topic_check=False)  # under way, parked, or just concluded (再说一遍结果)
    if flow is None or flow.get("kind") != flows.CHECKLIST:
        return False
    if not (says(msg.norm, t.kn, "outcome") or _SUCCESS_A_NOT_A.search(msg.norm)):
        return False
    if t.flow is None and flow.get("topic") != t.state.get("topic"):
        return False  # a check of a topic the conversation has left
    if _ASKS_A_PART.search(msg.norm) or _length(msg.norm) > OUTCOME_CHARS or _about_us(t, msg, anywhere=True):
        return False
    if not (_asks(t, msg) or _ORDER.search(msg.norm) or _CONFIRMS.search(msg.norm)):
        return False
    if t.match(msg.text)[1].reason == "out_of_scope":
        return False  # (专精特新ETF能不能买: another world's question)
    crit = t.kn.criteria.get(str(flow.get("pending") or "")) if t.flow else None
    if crit is not None and crit.type != "bool" and _answer_value(t, msg, crit) is not None:
        return False
    if _VERDICT_NOUN.search(msg.norm):
        return True  # (最后结果咋个说: the result is asked, whatever 咋个说 cues)
    part = section_asked(t, t.kn.topics[flow["topic"]], msg.text, cues_only=True)
    return part is None or part in _CHECK_PARTS  # (我们这条件 批得下来不: the conditions are what the check is)


def _length(norm: str) -> int:
    """Characters as a reader counts them: an English word is one (so do we qualify = 4)."""
    return len(_ENGLISH_WORD.sub("a", norm))


_ENGLISH_WORD = re.compile(r"[a-z]+")
_CONFIRMS = re.compile(r"呢|[噻撒吧嘛哈]$|还是不|还是没")
"""现在呢, 能报了噻: asking the bot to confirm, without a question mark."""
_VERDICT_NOUN = re.compile(r"结果|结论|定论|准话|判断")
"""Words that ask for the verdict itself (先说结论 差在哪里), not only for what is missing (还差啥子 你直接说)."""
_CHECK_PARTS = ("section:申报条件", "section:适用对象", "checklist")


_SUCCESS_A_NOT_A = re.compile(r"([能行成过够达算得可符批上评报申拿扣])[不没]\1")
"""能不能 / 成不成 / 过没过 …: whether it works out, in any words (一锤子定音 能不能扣)."""
OUTCOME_CHARS = 16
"""A longer message with a result word is more likely a question of its own than a request for the verdict."""
_ASKS_A_PART = re.compile(r"为啥|为什么|为何|咋个会|怎么会|卡在|好多|多少|几|比例|好久|啥时候|什么时候|哪")
"""Asks why, how much, when or where: a part of the topic, not the verdict (能拿好多, 为啥子不行)."""
_ORDER = re.compile(r"判|说结果|给个?结果|出结果|下个?定论|结果给|结果发|给我?个?准话|说下结果|给个?说法")
"""Imperatives that ask for the result without a question word (好 判吧, 出结果嘛)."""

_BARE_CONCLUDE = frozenset({"结果", "结论", "结果嘞", "结果咧", "然后呢", "所以呢"})


def missing(t: Turn, msg: Message) -> Act | None:
    """还缺啥 / 差多少: what is still unmet or unknown."""
    if not _checkable(t) or not says(msg.norm, t.kn, "missing") or len(msg.norm) > CONTROL_CHARS:
        return None
    return Act(acts.FOLLOWUP, part="missing")


def correction(t: Turn, msg: Message) -> Act | None:
    """说错了 / 不对，应该是…: an earlier answer changes."""
    opens = msg.norm.startswith(CORRECTION_OPENINGS) and bool(quantities(msg.norm))  # “不对 研发是九百五十万”
    if not (says(msg.norm, t.kn, "correction") or (opens and t.profile)):
        return None
    said_wrong = any(w in msg.norm for w in words(t.kn)["correction"] if any(c in w for c in _WRONG))
    if _asks(t, msg) and not said_wrong:
        return None  # “那改成查账征收以后 要留存啥资料”: a question on the new premise, not a correction
    values = _replaced(t, msg) or _retarget(t, msg, t.facts(msg.text)) or _keyword_figure(t, msg)
    if not values:
        values = _reanswer(t, msg)
    if not values and not t.state.get("answered") and not t.profile:
        return None
    if values and not said_wrong and not any(c in t.profile for c in values):
        return None  # “以前核定征收 今年改成查账征收了”: news, nothing said before changes
    asked = says(msg.norm, t.kn, "conclude") or wants_check(t, msg.norm) or _asks_outcome(t, msg)
    return Act(acts.CORRECTION, values=values, conclude=asked)  # (“…是八十左右 那还行不行”: the verdict again)


_WRONG = ("错", "不对", "混", "反", "岔", "口误")
"""Correction words that say something was wrong (说错了); 改成 / 应该是 alone may open a question."""


def _replaced(t: Turn, msg: Message) -> dict[str, Any]:
    """“刚才那个5%说错了 … 实际是2.5%”: the figure said before names the answer, the one after replaces it."""
    found = quantities(msg.norm)
    for i, q in enumerate(found):
        for cid, old in t.profile.items():
            crit = t.kn.criteria.get(cid)
            if crit is None or crit.type != "number" or number_value(q, crit.unit or "", t.day) != old:
                continue
            later = [v for r in found[i + 1 :] if (v := number_value(r, crit.unit or "", t.day)) is not None]
            if later and later[-1] != old:
                return {cid: later[-1]}
    return {}


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


def _reanswer(t: Turn, msg: Message) -> dict[str, Any]:
    """A correction without a keyword (“不对 是五千二百万”): the latest answer of a fitting kind."""
    stripped = _without(msg.norm, words(t.kn)["correction"], "")
    for cid in reversed(t.state.get("answered") or []):
        crit = t.kn.criteria.get(cid)
        if crit is None or not stripped:
            continue
        value = parse_answer(stripped, crit, t.kn.messages.vocabulary, t.day)
        if value is None and crit.type == "number":  # “2800是今年预计的 去年实际只有1800万”: the last figure
            fits = [v for q in quantities(stripped) if (v := number_value(q, crit.unit or "", t.day)) is not None]
            value = fits[-1] if fits else None
        if value is not None and value != UNKNOWN:
            return {cid: value}
    return {}


def resume(t: Turn, msg: Message) -> Act | None:
    """接着前面的 / 回到刚才的自查 / 继续核: back to the check that was interrupted."""
    if len(msg.norm) > CONTROL_CHARS or not says(msg.norm, t.kn, "resume"):
        return None
    parked = t.state.get("suspended") or t.flow
    if parked:
        _c, decision = t.match(msg.text)
        named = decision.intent if decision.intent in t.kn.topics else None
        if named and named != parked.get("topic") and t.kn.topics[named].kind == "policy":
            return None  # “回到专精特新” with another check parked: a new question on that topic
    return Act(acts.RESUME)


def pending_answer(t: Turn, msg: Message) -> Act | None:
    """During a check: the answer to the pending question, facts volunteered, a detour, or a note it is off topic."""
    flow = t.flow
    if not flow:
        return None
    pending = str(flow.get("pending") or "")
    crit = t.kn.criteria.get(pending)
    if crit is None or flow.get("topic") not in t.kn.topics:
        t.state.pop("flow", None)
        return None
    _c, decision = t.match(msg.text)
    asks = _asks(t, msg)
    opening = _INTERJECTION.sub("", msg.norm)  # “诶 插一句 …”
    aside = any(opening.startswith(w) for w in words(t.kn)["asides"])
    if aside and decision.intent is None and asks:
        return Act(acts.NULL)
    facts = _keep_variant(t, msg, t.facts(msg.text), pending)
    figure = bool(_FIGURE_ONLY.fullmatch(msg.norm))  # a bare figure that does not fit is misread, not off topic
    named = _named_criterion(t, msg, pending)
    value = None if aside else _answer_value(t, msg, t.kn.criteria[named] if named else crit)
    if named and value is None and not aside and crit.type == "bool" and _restates(t, msg, crit):
        named, value = None, True  # “研发费用统计局那边每年都在报” names a figure but restates the question
    if named and value is not None:
        facts.setdefault(named, value)  # “融资 莫得”: the yes/no belongs to the figure named, not the question
        value = None
    if (
        value is not None
        and crit.type == "number"
        and pending not in facts
        and not figure
        and _all_owned(t, msg, facts)
    ):
        value = None  # “有2个发明专利在用”: the figure is the patents', not an answer to the R&D question
    if value is not None and not facts and (owned := _keyword_figure(t, msg, pending)):
        facts = owned  # “负债率我看错了 是八十左右” while 研发 is asked: the figure is the 负债率's
        value = None if crit.type == "number" else value  # (a yes to the question asked still holds)
    if pending in facts:  # said in its own words (“小巨人 莫得”): surer than a leading 是 or a title named
        value = facts.pop(pending)
    elif value == UNKNOWN and UNKNOWN in facts.values():
        value = None  # “目录里有没得 我晓不得”: the not-knowing is the catalogue's, not the question's
    other = decision.intent if decision.intent and decision.intent != flow["topic"] else None
    if other and t.kn.topics[other].kind == "policy" and not names_topic(t, msg, decision, other):
        other = None  # like another topic's example, but naming none: still about this check
    topic = t.kn.topics[flow["topic"]]
    if other and (
        len(facts) + (value is not None) >= MANY_FACTS
        or (len(facts) >= SEVERAL_FACTS and any(_names_fact(t, msg, c, other) for c in facts))
    ):
        other = None  # “ISO9001也过了 有自己品牌 …你看行不”: facts of this check, not a question on the other policy
    if other and asks and _FIRST.search(msg.norm) and _prerequisite(t, topic, other):
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))
    if len(msg.norm) <= CONTROL_CHARS * 2 and says(msg.norm, t.kn, "plainer") and not facts:
        return Act(acts.FOLLOWUP, topic=topic.id, part="plain")  # “备案那是啥子意思 讲通俗点”
    if decision.reason == "out_of_scope" and (asks or value is None) and not figure and not facts:
        if asks and _in_topic_words(t, topic, msg):
            return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
        return Act(acts.NULL)
    chatter = other and t.kn.topics[other].kind == "conversation" and other not in HANDOFF and len(msg.norm) > 8
    if other and asks and decision.score >= t.settings.new_question_score and not chatter:
        return Act(other, topic=other, check=wants_check(t, msg.norm))  # a clear question on another topic
    values = dict(facts)
    if value is not None:
        values[pending] = value
    if values:
        return Act(acts.ANSWER, values=values)
    if other and not chatter:  # no answer in it, and it names another topic (or 转人工): a switch
        return Act(other, topic=other, check=wants_check(t, msg.norm))
    if not asks and t.facts(msg.text, anywhere=True):
        return Act(acts.ANSWER)  # facts this check does not ask about: an answer all the same, asked again
    if decision.intent == flow["topic"] or (asks and section_asked(t, t.kn.topics[flow["topic"]], msg.text)):
        part = section_asked(t, t.kn.topics[flow["topic"]], msg.text)
        return Act(acts.FOLLOWUP, topic=flow["topic"], part=part or "question")
    if value is None and not asks and not figure and not _OURS.search(msg.norm) and _foreign(t, topic, msg):
        return Act(acts.NULL)  # “这两天火锅底料涨价了没得哦”: another world's chatter, not a misread answer
    if asks and len(msg.norm) <= CONTROL_CHARS and _DIFFERENCE.search(msg.norm):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")  # “跟国家级的有啥区别”: of this topic
    if asks and not figure and decision.reason != "out_of_scope" and _in_topic_words(t, topic, msg):
        # “那补的是保费的好多”: a short question in the topic's own words
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    if (decision.reason == "out_of_scope" or asks) and not figure:
        return Act(acts.NULL)
    return Act(acts.ANSWER)  # not understood: asked again


_INTERJECTION = re.compile(r"^[诶哎欸嗯哦噢喔啊呃唉]+")
"""Sounds a message may open with before what it says (诶 插一句)."""


def _names_fact(t: Turn, msg: Message, cid: str, other: str) -> bool:
    """Whether a name of ``other`` in the message is a word of the criterion ``cid`` it stated (ISO9001 → 认证)."""
    crit = t.kn.criteria[cid]
    said = [normalize(w) for w in (*crit.yes_words, *crit.no_words, *crit.extract, *crit.title) if w]
    return any(n in msg.norm and any(n in w or w in n for w in said) for n in _topic_names(t).get(other, []))


def _keep_variant(t: Turn, msg: Message, facts: dict[str, Any], pending: str) -> dict[str, Any]:
    """``facts`` without a change of the variant already chosen (市级 or 国家级, which centre) unless asked for.

    “前年已经认定了市级企业技术中心” in the check of the other centre tells a fact, not a switch; “换成市级的” is one.
    """
    if _SWITCH.search(msg.norm):
        return facts
    return {
        c: v for c, v in facts.items() if c == pending or t.kn.criteria[c].presume is None or t.profile.get(c, v) == v
    }


_SWITCH = re.compile(r"换成|改成|换个|改查|换查|改为")


_FIGURE_AFTER = re.compile(r"[\d一二两三四五六七八九十百千]")


def _all_owned(t: Turn, msg: Message, facts: dict[str, Any]) -> bool:
    """Whether every figure of the message was taken by a fact it names (nothing left to answer the question)."""
    figures = [
        q
        for q in quantities(msg.norm)
        if q.unit != "年" or (q.value < CALENDAR_YEAR and not _FIGURE_AFTER.match(msg.norm, q.end))
    ]  # (a calendar year, or 一年 before a figure — its period — is nobody's answer)
    owned = [cid for cid in facts if t.kn.criteria[cid].type == "number"]
    return bool(figures) and len(owned) >= len(figures)


_FIGURE_ONLY = re.compile(
    r"[\d.%一二两三四五六七八九十百千万亿零半多来几个元块人年月项分平方米左右上下大约概差不将近出头]+"
)
"""A message that is only a figure, with its unit and hedges (3000万, 大概两千万左右)."""


def _status_topics(t: Turn, msg: Message) -> set[str]:
    """Topics named only as a title the message says the enterprise holds or lacks (已经是专精特新, 没评过小巨人)."""
    facts = t.facts(msg.text)
    said = [normalize(w) for cid in facts for w in t.kn.criteria[cid].title]
    if not said:
        return set()
    return {tid for tid, ns in _topic_names(t).items() if any(n in said for n in ns)}


def names_topic(t: Turn, msg: Message, decision: Any, intent: str) -> bool:
    """Whether the message names ``intent`` (its title or an alias) rather than only resembling an example."""
    if any(c.intent == intent and not str(c.via).startswith("example") for c in decision.top):
        return True
    return any(n in msg.norm for n in _topic_names(t).get(intent, []))


def _topic_names(t: Turn) -> dict[str, list[str]]:
    """Topic → its normalised title and aliases, once per knowledge version."""
    if "topic_names" not in t.kn.memo:
        t.kn.memo["topic_names"] = {
            tid: [n for n in map(normalize, (topic.title, *topic.aliases)) if len(n) >= 2]
            for tid, topic in t.kn.topics.items()
        }
    return t.kn.memo["topic_names"]  # type: ignore[no-any-return]


def _named_criterion(t: Turn, msg: Message, pending: str) -> str | None:
    """The one other criterion the message names by its words (“融资 莫得” → 股权融资) when it gives no figure."""
    if any(ch.isdigit() for ch in msg.norm) or len(msg.norm) > CONTROL_CHARS:
        return None
    named = _named(t, msg)
    if pending in named or len(named) != 1:
        return None
    return named.pop()


def _about_us(t: Turn, msg: Message, anywhere: bool = False) -> list[str]:
    """The criteria the message states of the enterprise, without the variant its words choose.

    能报 / 明年再冲一哈 read as 新申请 for 小巨人: a way of asking, no fact about us.
    """
    return [c for c in t.facts(msg.text, anywhere=anywhere) if t.kn.criteria[c].presume is None]


def _named(t: Turn, msg: Message) -> set[str]:
    """The criteria the message names by a keyword of two characters or more."""
    return {cid for kw, cid in keywords(t.kn.criteria, policy_names(t.kn)) if len(kw) >= 2 and kw in msg.norm}


def _keyword_figure(t: Turn, msg: Message, pending: str | None = None) -> dict[str, Any]:
    """The one figure of a message that names one criterion by its words (负债率我看错了 是八十左右 → 资产负债率).

    Farther from its word than ``extract`` reaches, the figure still belongs to the one criterion named, not to the
    question pending; with two criteria named, or two figures, nothing is taken.
    """
    named = _named(t, msg)
    found = quantities(msg.norm)
    if len(named) != 1 or len(found) != 1 or pending in named:
        return {}
    cid = named.pop()
    crit = t.kn.criteria[cid]
    if crit.type != "number":
        return {}
    value = number_value(found[0], crit.unit or "", t.day)
    return {} if value is None else {cid: value}


def _answer_value(t: Turn, msg: Message, crit: Any) -> Any:
    """The message read as a direct answer to ``crit`` (a digit picks an option; 够了 on a figure → its threshold)."""
    if crit.type == "bool" and msg.norm == "3":
        return UNKNOWN
    text = _statement(t, msg)
    value = parse_answer(text, crit, t.kn.messages.vocabulary, t.day)
    if value is None and crit.type == "bool" and crit.title and not _asks(t, msg):
        said = [n for n in map(normalize, crit.title) if n and n in msg.norm]
        if said:  # asked “是否已是专精特新”, told “市级专精特新 做齿轮十五年了” (or “… 都还莫得”: no)
            pending = str(t.state["flow"].get("pending"))
            return held_titles(msg.text, t.kn.criteria).get(pending, True)
    if value is None and crit.type == "bool" and _restates(t, msg, crit):
        return True  # asked “是否已建立研发准备金制度并备案”, told “准备金制度建了的 备案平台也报了”
    if value is None and crit.type == "number":
        meets = None if _asks(t, msg) or t.facts(msg.text) else parse_yes_no(normalize(text), t.kn.messages.vocabulary)
        if meets is not None and not any(ch.isdigit() for ch in msg.norm):
            return {MEETS: meets}
    return value


def _restates(t: Turn, msg: Message, crit: Criterion) -> bool:
    """A clause that repeats the yes/no question's own words, denying nothing: a yes in the user's words."""
    if _asks(t, msg) or says(msg.norm, t.kn, "unknown"):
        return False
    asked = normalize(f"{crit.question}{crit.label or ''}")
    pairs = {asked[i : i + 2] for i in range(len(asked) - 1)} - _EMPTY_PAIRS
    for clause in re.split(r"[\s,，。；;!！、]+", msg.text):
        norm = normalize(clause)
        shared = {norm[i : i + 2] for i in range(len(norm) - 1)} & pairs
        if len(shared) >= RESTATED_PAIRS and not _DENIAL.search(norm):
            return True
    return False


RESTATED_PAIRS = 4
"""Character pairs of the question a statement must repeat to be taken as a yes (研发费用统计 → 研发, 发费, 费用 …)."""
_DENIAL = re.compile(r"[不没未无非莫]|差点|达不到")
_EMPTY_PAIRS = frozenset(
    {"企业", "是否", "贵企", "公司", "我们", "有的", "的是", "是的", "已经", "是不", "或者", "以上"}
)


def _statement(t: Turn, msg: Message) -> str:
    """The message without its question words: “专精特新有没有补贴” states no 有 or 没有."""
    if not _asks(t, msg):
        return msg.text
    return _without(_A_NOT_A.sub(" ", msg.norm), words(t.kn)["question_words"], " ")


def _without(norm: str, remove: frozenset[str], gap: str) -> str:
    """``norm`` with every word of ``remove`` replaced by ``gap``, longest first (then alphabetical: stable)."""
    for word in sorted(remove, key=lambda w: (-len(w), w)):
        norm = norm.replace(word, gap)
    return norm


def _asks(t: Turn, msg: Message) -> bool:
    """Whether the message is a question (吗, 怎么, 啥子, 好久 …) rather than a statement."""
    tail = msg.norm[-1:] if len(msg.norm) > _TAIL_AFTER else ""
    if "?" in msg.text or "？" in msg.text or tail in _ASKING_TAILS or _HOW_MANY.search(msg.norm):
        return True
    if _HAVE_OR_NOT.search(msg.norm):
        return True  # “专利有没得”, “补贴有得没得”; not “市级的都没得”
    if _A_NOT_A.search(msg.norm) and not says(msg.norm, t.kn, "unknown"):
        return True  # “够不够”; not “在不在目录里 我还要问下技术部”, which says it is not known
    return says(msg.norm, t.kn, "question_words")


_HOW_MANY = re.compile(r"(?<![\d一二两三四五六七八九十百千这那近前过最])几(年|月|号|个月|天|批|项|个|家)")
"""几年 / 几个 asks; 十几年 / 三十几个 is a hedged figure, 这几年 / 近几年 a period."""


_HAVE_OR_NOT = re.compile(r"有[^都也还根就]{0,8}[^都也还根就]没得$")
"""…有…没得 at the end asks (有补贴没得); 都没得 / 也没得 states a lack."""


_A_NOT_A = re.compile(r"(?<!不)([^\W\d_])[不没]\1")
"""A-not-A asks (够不够, 达不达标, 有没有) and states neither; “不是不是” corrects."""

_TAIL_AFTER = 2
"""Only a message longer than this asks by its last character (“能享受不”; a bare “否” answers)."""


_ASKING_TAILS = frozenset("不没否")
"""A last character that makes a statement a question (能享受不, 有没)."""


# -- the topic under discussion --------------------------------------------------------------------
def _topic_words(t: Turn, topic: Topic, msg: Message, candidates: list[Candidate]) -> bool:
    """Whether a short question, out of scope only by likeness to an example, is in the topic's own words.

    比例是好多 ≈ 医保报销比例是多少: the example's other words (医保报销) make it another world, not 比例.
    """
    if len(msg.norm) > CONTROL_CHARS or not candidates or not candidates[0].via.startswith("example:"):
        return False
    if not _asks(t, msg):
        return False
    inside, pairs = _pairs_in_topic(t, topic, msg)
    return pairs > 0 and inside == pairs


_OURS = re.compile(r"我|咱|公司|厂|单位|\d|[一二两三四五六七八九十百千万]+[个项件人万亿%成]")
"""Words of the enterprise's own (我们, 厂里) or a figure: a message with them may answer in its own words."""
_DIFFERENCE = re.compile(r"(啥|什么|啥子)区别|有区别|一样不|一回事")


def _in_topic_words(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether most of a short message's words of content stand in the topic's text (保费, 补贴最高)."""
    if len(msg.norm) > CONTROL_CHARS:
        return False
    inside, pairs = _pairs_in_topic(t, topic, msg)
    enough = inside >= min(MIN_TOPIC_PAIRS, pairs)
    return pairs > 0 and enough and inside >= pairs * TOPIC_PAIR_SHARE  # (补贴最高: 贴最 spans two words)


def _pairs_in_topic(t: Turn, topic: Topic, msg: Message) -> tuple[int, int]:
    """How many of the message's word pairs of content stand in the topic's text, and how many it has."""
    pairs = _word_pairs(t, msg, _FILLERS)
    text = _topic_text(t, topic)
    return sum(p in text for p in pairs), len(pairs)


MIN_TOPIC_PAIRS = 2
TOPIC_PAIR_SHARE = 2 / 3
"""A short question is in the topic's words when most of its word pairs (and at least two) stand in its text."""


_FILLERS = re.compile(r"[是的了啊呢嘛哦那这个要]")
"""Characters that carry no content of their own when a question's words are compared with a topic's."""


def _word_pairs(t: Turn, msg: Message, fillers: re.Pattern[str]) -> set[str]:
    """The message's character pairs of content: without question words and ``fillers``."""
    content = fillers.sub("|", _without(msg.norm, words(t.kn)["question_words"], "|"))
    return {p for p in (content[i : i + 2] for i in range(len(content) - 1)) if "|" not in p}


def _topic_text(t: Turn, topic: Topic) -> str:
    """All of the topic's facts, normalised, in one string (once per topic and knowledge version)."""
    key = ("topic_text", topic.id)
    if key not in t.kn.memo:
        t.kn.memo[key] = "|".join(body for _name, body in section_texts(t, topic))
    return t.kn.memo[key]  # type: ignore[no-any-return]


def _foreign(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether a longer question matched to no topic shares no pair of words with the topic under discussion.

    A message that carries on from the last reply (那…, 如果…, 没听懂) is about the topic whatever its words.
    """
    if msg.norm.startswith(_CARRIES_ON):
        return False
    pairs = _word_pairs(t, msg, _FOREIGN_FILLERS)
    text = _topic_text(t, topic)
    return len(pairs) >= FOREIGN_PAIRS and not any(p in text for p in pairs)


_FOREIGN_FILLERS = re.compile(r"[是的了啊呢嘛哦那这个要有没]")
"""The fillers and the 有 / 没 of 有没有: a pair like 有没 says nothing of which world a question is in."""
_CARRIES_ON = ("那", "如果", "要是", "假如", "没听懂", "没懂", "不懂")
FOREIGN_PAIRS = 6
"""Word pairs a question needs before sharing none with the topic makes it another world's (找哪个处室 has too few)."""


def followup(t: Turn, msg: Message) -> Act | None:
    """On the current topic: plainer words, an item of the last list, ellipsis, a part of it, the calculation.

    “那中小企业技术研发中心呢”: the variant it names is taken up, so that a check asked next is of that one.
    """
    act = _followup(t, msg)
    if act is None or act.name != acts.FOLLOWUP or not _WHAT_ABOUT.match(msg.norm):
        return act
    switch = {
        c: v for c, v in t.facts(msg.text).items() if t.kn.criteria[c].presume is not None and t.profile.get(c) != v
    }
    return replace(act, values={**act.values, **switch}) if switch else act


_WHAT_ABOUT = re.compile(r"^(?:那|那么|如果是|要是)?.{1,14}?(?:呢|咧|嘞)")
"""“那中小企业技术研发中心呢 要求是不是低点”: the same question of another one."""


def _followup(t: Turn, msg: Message) -> Act | None:
    topic_id = t.state.get("topic")
    topic = t.kn.topics.get(topic_id or "")
    if topic is None or topic.kind != "policy":
        return None
    w = words(t.kn)
    if len(msg.norm) <= CONTROL_CHARS and any(p in msg.norm for p in w["plainer"]):
        return Act(acts.FOLLOWUP, topic=topic.id, part="plain")
    item = _ITEM.search(msg.norm)
    if item:
        n = item[1]
        key = str(_CN_ORDINAL.index(n) + 1) if n in _CN_ORDINAL else n
        for k, _label, action in t.state.get("options") or []:
            if k == key:
                return _option_act(t, action)
    candidates, decision = t.match(msg.text)
    if (
        has_section(t, topic, CALCULATION)
        and not topic.calculator
        and decision.intent in (None, topic.id)
        and _asks_amount(t, msg)
    ):
        return Act(acts.FOLLOWUP, topic=topic.id, part=f"section:{CALCULATION}")  # “大概能补好多 算给我看哈”
    if decision.reason == "out_of_scope" and not _topic_words(t, topic, msg, candidates):
        return None
    if topic.calculator:  # “我们是高企” after a calculation: the same calculation at 15%
        learned = t.facts(msg.text)
        relevant = {*topic.calculator.inputs, HIGH_TECH}
        asks_amount = any(normalize(x) in msg.norm for x in t.kn.messages.calc_words)
        if (learned.keys() & relevant and len(msg.norm) <= SHORT_MESSAGE) or (
            asks_amount and decision.intent in (None, topic.id)
        ):
            return Act(acts.FOLLOWUP, topic=topic.id, part="calc", values=learned)
    other = decision.intent and decision.intent != topic.id and t.kn.topics[decision.intent].kind == "policy"
    if other and _FIRST.search(msg.norm) and _prerequisite(t, topic, str(decision.intent)):
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))
    here = _about_here(t, topic, msg, str(decision.intent)) if other else None
    if here:
        return Act(acts.FOLLOWUP, topic=topic.id, part="question", text=here)  # “高企占比那个是好多” after the goals
    if other and (
        names_topic(t, msg, decision, str(decision.intent)) or not (_asks(t, msg) or section_asked(t, topic, msg.text))
    ):
        return None  # another topic named: a new question
    ellipsis = _ELLIPSIS.match(msg.norm)
    if ellipsis and topic.id in LOOKUPS and LOOKUPS[topic.id](t.kn, ellipsis[1]):
        return Act(acts.FOLLOWUP, topic=topic.id, part="lookup", text=ellipsis[1])
    if (
        wants_check(t, msg.norm)
        and _check_asked(t, msg, topic.id)
        and (topic.checklist or decision.intent in (None, topic.id))
    ):
        return Act(topic.id, topic=topic.id, check=True)  # (a policy with nothing to check says so)
    part = section_asked(t, topic, msg.text)
    if part and decision.intent is None and _foreign(t, topic, msg):
        return None  # “银行那边有没有啥子低息贷款可以办”: a question cue, but of another world
    if part and (decision.intent in (None, topic.id) or len(msg.norm) <= SHORT_MESSAGE):
        return Act(acts.FOLLOWUP, topic=topic.id, part=part)
    if decision.intent == topic.id and (_asks(t, msg) or ellipsis):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")
    if (
        decision.intent is None
        and decision.reason != "out_of_scope"
        and (_asks(t, msg) or ellipsis)
        and not _foreign(t, topic, msg)
    ):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")  # a question the topic's context explains
    return None


_COUNTED_AS = re.compile(r"(企业)?(占比|比例|比重|数量|家数|个数|数目|的占比|的比例)")
"""After a policy's name, a measure of it (高企占比): the name qualifies a figure, it is not the question's topic."""


def _about_here(t: Turn, topic: Topic, msg: Message, other: str) -> str | None:
    """Whether a short question naming ``other`` asks a measure of it the current topic holds (高企占比 in the goals).

    One fact of the topic must name the other policy and hold every other word of the question. Returns the
    question in that fact's words (高新技术企业占比…), so that the fact is shown first; None if it asks otherwise.
    """
    if len(msg.norm) > SHORT_MESSAGE or not _asks(t, msg):
        return None
    names = _topic_names(t).get(other, [])
    facts = [f for _name, text in section_texts(t, topic) for f in text.split("|") if any(n in f for n in names)]
    for name in (n for n in names if n in msg.norm and _COUNTED_AS.match(msg.norm, msg.norm.find(n) + len(n))):
        pairs = _word_pairs(t, Message(msg.text, msg.norm.replace(name, "|")), _FILLERS)
        fact = next((f for f in facts if pairs and all(p in f for p in pairs)), None)
        if fact is not None:  # one fact of the topic names the other policy and holds every other word asked
            said = max((n for n in names if n in fact), key=len)
            return msg.norm.replace(name, said)
    return None


_FIRST = re.compile(
    r"(要|得|需要|必须)先|先(要|得)|才(得行|行|能|可以)|(要是|如果|假如)(以后|将来|明年|今后)?先?(评上|拿到|取得|获得|成为|是)?"
    r"|先(评上|拿到|取得|获得).{0,12}(呢|就够|就行|就可以)"
)
"""“是不是要先评上专精特新才得行”: whether another title comes first, a condition of the topic under discussion."""


def _prerequisite(t: Turn, topic: Topic, other: str) -> bool:
    """Whether ``topic``'s checklist asks for a title that names ``other`` (小巨人 asks for 专精特新)."""
    names = _topic_names(t).get(other, [])
    for version in topic.checklist:
        for cid in to_ask(version.items, t.kn.criteria):
            if any(normalize(w) in names for w in t.kn.criteria[cid].title):
                return True
    return False


def _asks_amount(t: Turn, msg: Message) -> bool:
    """“能扣多少”, “算给我看”: the enterprise's own amount asked (plain form: 能补好多 is 能补多少)."""
    plain = plain_form(t.kn, msg.norm)
    return any(plain_form(t.kn, normalize(x)) in plain for x in t.kn.messages.calc_words)


def _conditions(t: Turn, topic: Topic) -> str:
    """The part that states the topic's conditions (申报条件), or its general answer if it has none."""
    return f"section:{CONDITIONS}" if has_section(t, topic, CONDITIONS) else "question"


def volunteered(t: Turn, msg: Message) -> Act | None:
    """Facts about the enterprise outside a check: they go to the parked check, else start the topic's."""
    parked = t.state.get("suspended")
    current = t.kn.topics.get(t.state.get("topic") or "")
    if parked and parked.get("kind") == flows.QUESTIONNAIRE and current is not None and current.checklist:
        parked = None  # asked about 加计扣除 in the middle of the questionnaire: facts now are for 加计扣除's check
    topic = t.kn.topics.get((parked or {}).get("topic") or t.state.get("topic") or "")
    if topic is not None and not topic.checklist and not parked and t.state.get(NOTHING_TO_CHECK) == topic.id:
        facts = {} if _asks(t, msg) else t.facts(msg.text)
        # (“营收七八千万 有入库编号” on a policy with nothing to check: recorded, and what it asks for)
        return Act(acts.ANSWER, topic=topic.id, values=facts, check=True) if facts else None
    if topic is None or not topic.checklist or _asks(t, msg) or (not parked and wants_check(t, msg.norm)):
        return None  # (“我们够不够格 帮我评估一下” asks for the check: a question on the topic, with its facts)
    facts = t.facts(msg.text)
    if not facts:
        return None
    if parked:
        return Act(acts.ANSWER, topic=topic.id, values=facts, part="resume")
    _c, decision = t.match(msg.text)
    other = decision.intent and decision.intent != topic.id and decision.score >= t.settings.new_question_score
    if other and len(facts) < SEVERAL_FACTS:
        return None  # (several facts about us outweigh a policy's word among them: 研发投入强度比行业平均高 …)
    return Act(acts.ANSWER, topic=topic.id, values=facts, check=True)


SEVERAL_FACTS = 2
MANY_FACTS = 4
"""Facts in one message that make it an answer to the check whatever other policy it names in passing."""


_ACK = re.compile(r"(要得|好嘛|好的|好吧|好|行|晓得了|知道了|收到|明白了|ok|嗯|那好|懂了|了解)")
"""Words that take in what was said (at the start of a message)."""


def accept_offer(t: Turn, msg: Message) -> Act | None:
    """是 / 好 / 要得 right after an answer that offered 条件自查: start that check; right after a verdict, thanks."""
    topic_id = t.state.get("topic")
    after_verdict = t.state.get(flows.VERDICT_GIVEN) and not t.flow
    if after_verdict and _ACK.match(msg.norm) and not _asks(t, msg) and not _about_us(t, msg):
        return Act("thanks", topic="thanks")  # 要得 / 好嘛 明年再冲: the verdict taken in
    offered = any(action == "checklist" for _k, _l, action in t.state.get("options") or [])
    if not (topic_id and offered) or len(msg.norm) > CONTROL_CHARS:
        return None
    vocab = t.kn.messages.vocabulary
    if _go_ahead(t, msg.norm) or (
        _LEADING_YES.match(msg.norm) and wants_check(t, msg.norm) and not _names_other(t, msg)
    ):
        return Act(acts.ANSWER, topic=topic_id, check=True)  # 好 你问嘛, 要得 看下我们, 行 帮我们测一下
    bare = len(msg.norm) <= ACCEPT_CHARS or wants_check(t, msg.norm)
    if bare and not _asks(t, msg) and parse_yes_no(msg.norm, vocab) is True:
        return Act(acts.ANSWER, topic=topic_id, check=True)  # the answer to the offer (条件自查?)
    return None


_LEADING_YES = re.compile(r"^(好|行|嗯|可以|要得|对|是|ok|那好|好嘛|好的|行嘛|得行)(的|嘛|吧|哈)?(?=.)")
"""A yes opening a message (好 帮我看下): with a request for the check, it takes up the offer."""


def _names_other(t: Turn, msg: Message) -> bool:
    """Whether the message names a policy other than the current topic."""
    current = t.state.get("topic")
    return any(tid != current and any(n in msg.norm for n in ns) for tid, ns in _topic_names(t).items())


def _go_ahead(t: Turn, norm: str) -> bool:
    """“你问嘛”, “好 看下我们”, “要得 开始”: a go-ahead, alone or after a yes word (好 is one here)."""
    found = [w for w in words(t.kn)["go_ahead"] if w in norm]
    if not found:
        return False
    rest = re.sub("|".join(map(re.escape, sorted(found, key=len, reverse=True))), "", norm)
    rest = re.sub("我们|我|咱们", "", rest).strip("吧嘛噻哈了的啊呀")  # (好 查一下我们)
    return not rest or rest in _OKAY or parse_yes_no(rest, t.kn.messages.vocabulary) is True


_OKAY = frozenset({"好", "好好", "行", "那", "那好", "那你", "你", "嗯", "ok", "okay"})
"""A one-word yes before a go-ahead (好 你问嘛) that is no yes on its own in the vocabulary."""


# -- a new question --------------------------------------------------------------------------------
def new_question(t: Turn, msg: Message) -> Act:
    """The matcher's decision: a topic (its checklist if the message asks whether we qualify), ask which, or null."""
    candidates, decision = t.match(msg.text)
    status = _status_topics(t, msg)
    if decision.intent in status or (decision.reason == "ambiguous" and status):
        # “我们已经是市级专精特新了 想冲一下小巨人”: a title the enterprise holds (or lacks) is context, the other
        # policy named is the question.
        other = next(
            (
                c
                for c in candidates
                if c.intent
                and c.intent not in status
                and c.score >= t.settings.new_question_score
                and t.kn.topics[c.intent].kind == "policy"
            ),
            None,
        )  # named clearly: “高企证书有效期几年” asks about 高企 itself, not about a weak second guess
        if other is not None:
            return Act(other.intent, topic=other.intent, check=wants_check(t, msg.norm))  # type: ignore[arg-type]
        current = t.state.get("topic")
        if current in t.kn.topics and current not in status and t.kn.topics[current].kind == "policy":
            # “帮我们核一哈 我们是市级专精特新” while 小巨人 is discussed: the title is context, 小巨人 the question
            return Act(current, topic=current, check=wants_check(t, msg.norm))
    if decision.intent:
        return Act(decision.intent, topic=decision.intent, check=_check_asked(t, msg, decision.intent))
    if decision.reason == "ambiguous":
        return Act(acts.CLARIFY)
    return Act(acts.NULL)


_SPECIFIC_PARTS = frozenset({"时间节点", "不适用情形", "申报材料", "办理流程", "咨询部门", "计算方法"})
_CHOSEN = re.compile(r"(入|选|评)(得)?(上|选)|够得?(上|到)|够不够")
"""“能不能入选”, “评得上不”, “够不够”: whether we would be chosen, on a policy with no conditions to check."""
_SHAPED_NO_CHECK = frozenset({"section:不适用情形", "sources"})
_STRONG_CHECK = ("核", "测", "评估", "自查", "够", "判断", "对一", "对下", "对哈", "check", "看看", "看下", "看哈")


def _check_asked(t: Turn, msg: Message, intent: str) -> bool:
    """Whether a new question asks for the check: eligibility words, unless they only frame a specific part.

    “预缴的时候就能享受吗” asks when, “核定征收的还能享受吗” asks about the exclusions: those parts answer it.
    “帮我核一下”, “够不够”, or facts about the enterprise ask for the check whatever else the message says.
    """
    if not wants_check(t, msg.norm) or SUPPOSING.search(msg.norm):
        return False  # (“如果出个新版本重新登记 算不算”: a case supposed, a question on the topic)
    topic = t.kn.topics.get(intent)
    if topic and not topic.checklist:
        return any(w in msg.norm for w in _STRONG_CHECK) or bool(_CHOSEN.search(msg.norm))
    if topic and shaped_part(t, topic, msg.text) in _SHAPED_NO_CHECK:
        return False  # “哪些情况不能申报 有行政处罚的还行不行”: the exclusions answer it
    if any(w in msg.norm for w in _STRONG_CHECK) or _about_us(t, msg, anywhere=True):
        return True  # (“我们这种做贸易的能不能享受”: about us, so the check, which says so first)
    part = section_asked(t, topic, msg.text) if topic else None
    return not (part and (part == "sources" or part.removeprefix("section:") in _SPECIFIC_PARTS))


RECOGNISERS: list[tuple[str, Recogniser]] = [
    ("feedback", feedback),
    ("empty", empty),
    ("aside", aside),
    ("restart", restart),
    ("cancel", cancel),
    ("option", option),
    ("option_label", option_label),
    ("conclude", conclude),
    ("missing", missing),
    ("correction", correction),
    ("resume", resume),
    ("closing", closing),
    ("pending_answer", pending_answer),
    ("accept_offer", accept_offer),
    ("volunteered", volunteered),
    ("followup", followup),
    ("new_question", new_question),
]
"""In order; the first that returns an act wins (``new_question`` always does)."""
