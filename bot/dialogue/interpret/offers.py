"""What follows the bot's last turn: an offer taken up, a late answer, facts volunteered.

An offer of the check taken up (要得), a late answer to what a verdict left unknown (会计说有的), and facts about
the enterprise volunteered outside a check.
"""

from __future__ import annotations

import re
from typing import Any

from bot import checklist
from bot.answers import (
    UNKNOWN,
    bigrams,
    clause_breaks,
    parse_yes_no,
    quantities,
    supposes,
)
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    GENERIC_GRAMS,
    about_us,
    read_answer,
)
from bot.dialogue.interpret.shared import (
    ANOTHER_PARTY,
    DENIAL,
    ECHO_THEN,
    INTERJECTION,
    LEADING_YES,
    MINE,
    SEVERAL_FACTS,
    THEN_IT_WILL_DO,
    WHAT_QUESTION,
    check_offered,
    go_ahead,
    please_go,
    titles_stated,
)
from bot.dialogue.mentions import (
    named_only_denied,
    names_other,
    pairs_in_topic,
    prerequisite,
)
from bot.dialogue.reading import (
    CONTROL_CHARS,
    Message,
    asks,
    asks_in_a_clause,
    clauses,
    last_clause,
)
from bot.dialogue.topics import (
    wants_check,
)
from bot.dialogue.turn import NOTHING_TO_CHECK, Turn, calculation_criteria, checklist_criteria, says
from intents.normalize import normalize
from knowledge.schema import Topic

ACCEPT_CHARS = 4
"""A yes this short after an offer of 条件自查 accepts it (要得, 好的嘛); a longer message must also ask for it."""


LATE_BARE_CHARS = 4
"""A message this short (有的, 没得) after such a verdict answers what it left unknown without naming it."""


def late_answer(t: Turn, msg: Message) -> Act | None:
    """“会计说有的 按项目建的” right after a verdict that left one thing unknown: its answer, and the verdict again."""
    echo = ECHO_THEN.match(msg.text)  # (“清单? 没报过 应该不在里头”: the item said back, then answered)
    told = Message(echo["rest"], normalize(echo["rest"])) if echo else msg
    if t.flow is not None or not t.state.get(flows.VERDICT_GIVEN) or asks_in_a_clause(t, told):
        return None
    finished = flows.referred(t)
    variant = t.state.get(flows.VERDICT_VARIANT) or {}  # (the verdict was of 120%: its list condition is asked of)
    t.profile.update({c: v for c, v in variant.items() if c in t.kn.criteria})
    try:
        found = flows.judged(t, finished) if finished else None
    finally:
        for cid in variant:
            t.profile.pop(cid, None)
    if found is None or found[2].result != checklist.OPEN:
        return None
    unknown = {
        c.criterion
        for o in found[2].unknown
        for c in o.item.gates() + o.item.conditions()
        if t.profile.get(c.criterion, UNKNOWN) == UNKNOWN and c.criterion not in variant
    }
    if not unknown or names_other(t, msg):
        return None
    said = bigrams(msg.norm) - GENERIC_GRAMS
    named = [c for c in unknown if said & bigrams(normalize(f"{t.kn.criteria[c].question}{t.kn.criteria[c].label}"))]
    bare = len(msg.norm) <= LATE_BARE_CHARS
    if len(unknown) == 1 and bare:
        named = list(unknown)
    if len(named) != 1:
        return None  # (with several unknown, a bare 有的 answers no one of them; “清单里头没得我们”: its 没得 is of
        # another list, not of the 辅助账 left unknown)
    cid = named[0]
    facts, value = read_answer(t, msg, cid)
    if facts and value is False and msg.norm.startswith(_TAKEN_BACK):
        return None  # “不对 前年有个小的安全事故 不算重大的”: 不对 takes back an answer it then restates, no 否 here
    if value is None and echo:  # (“清单? 没报过 应该不在里头”: the last clause says it)
        last = last_clause(told)
        value = read_answer(t, last, cid)[1] if last.norm != told.norm else None
    if value is None or value == UNKNOWN:
        return None
    return Act(acts.ANSWER, topic=found[0].id, values={**facts, cid: value}, conclude=True)


_TAKEN_BACK = ("不对", "不是不是", "说错了", "搞错了")
"""How a message opens that takes back an earlier answer."""


_EXPLAIN = re.compile(r"展开(讲|说|介绍)|详细(讲|说|介绍)|具体(讲|说|介绍)|介绍(一)?下|多(讲|说)(点|一点|些)")
"""Asking for more about something named, not telling a fact of ours."""


def volunteered(t: Turn, msg: Message) -> Act | None:
    """Facts about the enterprise outside a check: they go to the parked check, else start the topic's."""
    parked = t.state.get("suspended")
    current = t.kn.topics.get(t.state.get("topic") or "")
    if parked and parked.get("kind") == flows.QUESTIONNAIRE and current is not None and current.checklist:
        parked = None  # asked about 加计扣除 in the middle of the questionnaire: facts now are for 加计扣除's check
    topic = t.kn.topics.get((parked or {}).get("topic") or t.state.get("topic") or "")
    if topic is not None and not topic.checklist and not parked and t.state.get(NOTHING_TO_CHECK) == topic.id:
        facts = {} if asks(t, msg) else t.facts(msg.text)
        # (“营收七八千万 有入库编号” on a policy with nothing to check: recorded, and what it asks for)
        return Act(acts.ANSWER, topic=topic.id, values=facts, check=True) if facts else None
    if topic is not None and (matters := _matters_asked(t, topic, msg)):
        return Act(acts.ANSWER, topic=topic.id, values=matters, conclude=True)
    if topic is None or not topic.checklist or asks(t, msg) or (not parked and wants_check(t, msg.norm)):
        return None  # (“我们够不够格 帮我评估一下” asks for the check: a question on the topic, with its facts)
    if ANOTHER_PARTY.search(msg.norm) and THEN_IT_WILL_DO.search(msg.norm):
        return None  # “那让生产厂家来报就行噻”: another party's case, put to be confirmed; its 生产 is not ours
    facts = t.facts(msg.text)
    if facts and _EXPLAIN.search(msg.norm) and all(t.kn.criteria[c].presume is not None for c in facts):
        return None  # “中小企业技术研发中心那个展开讲讲”: that kind explained, no check of it
    if not facts and t.state.get(flows.VERDICT_GIVEN):
        # “研发费用去年大概八百多万” after the verdict: a figure its check does not ask, kept (not out of scope)
        elsewhere = t.facts(msg.text, anywhere=True)
        facts = {c: v for c, v in elsewhere.items() if t.kn.criteria[c].type == "number" and v != UNKNOWN}
    if not says(msg.norm, t.kn, "correction") and not _NOW.search(msg.norm):
        # “对头 他们直接用 不是贸易商” after “买家是我们集团下面另一个子公司”: a failing answer is not undone by a
        # word on another of its parts; only a correction or a change (现在建好了) undoes it
        facts = {c: v for c, v in facts.items() if not _undoes_a_failure(t, c, v)}
    if supposes(msg.text):
        # “还差三百万噻 那明年营收上了两千万再报”: the figure of a plan is none of ours; “以前不是一千万就可以了嘛”
        # after the verdict: a rule recalled, nothing told about us
        facts = {c: v for c, v in facts.items() if c in t.facts(_unsupposed(msg.text))}
        if not facts:
            return None
    _c, decision = t.match(msg.text)
    other = decision.intent and decision.intent != topic.id and decision.score >= t.settings.new_question_score
    denied = bool(other) and named_only_denied(t, msg, str(decision.intent))
    introduced = not parked and _INTRODUCES.match(msg.norm) and decision.intent in (None, topic.id)
    if not facts and not parked and (held := _titles_after_verdict(t, topic, msg)):
        return Act(acts.ANSWER, topic=topic.id, part="noted", values=held)
    if not facts and not denied and not _told(t, topic, msg, decision) and not introduced:
        return None  # (“我们是做火锅底料的食品厂 江津的” after a topic: who we are, for its check)
    if parked:
        return Act(acts.ANSWER, topic=topic.id, values=facts, part="resume")
    held = titles_stated(t, msg) if other and facts else {}
    if held and not facts.keys() - held.keys() and not prerequisite(t, topic, str(decision.intent)):
        held = {}  # (a title alone is a fact of this check only where it asks for it: not 我们是高企 after 加计扣除)
    if other and len(facts) < SEVERAL_FACTS and not denied and not held and not _own_facts(t, topic.id, facts):
        return None  # (several facts about us outweigh a policy's word among them: 研发投入强度比行业平均高 …;
        # so does a title held beside a fact of this check: “江北做家电的 规上企业 市级专精特新”)
    facts |= {c: v for c, v in held.items() if c not in facts}
    # (“这批料不是用在首台套装备上的 信用也没问题”: the other policy is what our case is not)
    return Act(acts.ANSWER, topic=topic.id, values=facts, check=True)


_MATTERS = re.compile(
    r"影响(大不大|大不|大吗|不大|没得|没有|没|吗|不)|有没有?影响|有没得影响|有影响(没|不|吗)|影不影响"
    r"|要紧(不|吗|没)|要不要紧|碍事(不|吗)|碍不碍事|有关系(没|不|吗)|有没有?关系|有没得关系"
)
"""Whether something matters (这个影响大不, 有关系没): asked of a fact just told."""


def _matters_asked(t: Turn, topic: Topic, msg: Message) -> dict[str, Any]:
    """Facts this topic's check reads, told right after its verdict with whether they matter (这个影响大不).

    “分公司营业执照是分支机构那种 不是独立法人 这个影响大不”: the verdict on them says whether they matter.
    """
    if t.flow is not None or not t.state.get(flows.VERDICT_GIVEN) or not _MATTERS.search(msg.norm):
        return {}
    if (t.state.get("last_check") or {}).get("topic") != topic.id:
        return {}
    said = clauses(msg.text)
    told = [c for c in said if not _MATTERS.search(normalize(c))]
    if len(told) == len(said) or supposes(msg.text):
        return {}  # (版本号不是1.0也有影响吗: a case asked about in the clause that asks, not ours told)
    facts = t.facts(" ".join(told))
    checked = checklist_criteria(t.kn, topic.id, t.day) or {}
    return facts if facts and all(c in checked for c in facts) else {}


def _titles_after_verdict(t: Turn, topic: Topic, msg: Message) -> dict[str, Any]:
    """Titles (and what goes with them) told right after this topic's verdict, none of which its check asks.

    “我们还是市级专精特新 有市级企业技术中心” after the 研发准备金 verdict.

    Kept for the next check; the verdict stands (not the topic's 适用对象 asked).
    """
    finished = t.state.get("last_check") or {}
    if t.flow is not None or not t.state.get(flows.VERDICT_GIVEN) or finished.get("topic") != topic.id:
        return {}
    told = {c: v for c, v in t.facts(msg.text, anywhere=True).items() if t.kn.criteria[c].presume is None}
    return told if any(t.kn.criteria[c].title for c in told) else {}  # (not 市级's 国家级单项冠军 否: a kind)


def _undoes_a_failure(t: Turn, cid: str, value: Any) -> bool:
    """Whether ``value`` would turn a recorded answer that fails a condition nearly everyone meets into a pass."""
    passes = t.kn.criteria[cid].assume
    return passes is not None and value == passes and t.profile.get(cid) == (not passes)


_NOW = re.compile(r"现在|已经|刚刚?|后来|最近|今年|上个月|这个月|搞好了|弄好了|建好了|办好了|下来了")
"""Words of a change since (现在建好了, 已经备案了): a later state, not a slip."""


def _unsupposed(text: str) -> str:
    """``text`` without its clauses that suppose a case or state a plan (那明年营收上了两千万再报)."""
    return " ".join(c for c in clauses(text) if not supposes(c))


def _own_facts(t: Turn, topic: str, facts: dict[str, Any]) -> bool:
    """Whether a fact told is one only this topic's check asks (想搞综合类的 after 创新中心).

    Such a fact makes the message an answer for this topic, whatever other policy's word stands beside it (共性技术).
    """
    others = t.kn.memo.get(("asked_elsewhere", topic))
    if others is None:
        others = {c for o in t.kn.topics if o != topic for c in checklist_criteria(t.kn, o) or {}}
        t.kn.memo[("asked_elsewhere", topic)] = others
    own = checklist_criteria(t.kn, topic) or {}
    read = calculation_criteria(t.kn.topics[topic])  # (我们是高企 after the sum: its rate)
    # (not which kind of it is asked: “那市级专精特新到期复核” is 专精特新's review, not this 小巨人's)
    return any(c in own and c not in others and c not in read and own[c].presume is None for c in facts)


NOTED_CHARS = 24
"""A statement this short right after a verdict, in no policy's words and stating no fact, is taken in
(有的 合同都签了)."""


def noted(t: Turn, msg: Message) -> Act | None:
    """A short statement after a verdict that no condition reads (有的 合同都签了): taken in, the verdict stands.

    Not out of scope: it speaks of the case just judged, in words the matcher finds nothing in (not another world's).
    """
    if t.flow is not None or not t.state.get(flows.VERDICT_GIVEN):
        return None  # (right after the verdict: later, 今天热得遭不住 is chat, not about the case)
    finished = t.state.get("last_check")
    if not finished or finished.get("topic") != t.state.get("topic") or t.state.get("suspended"):
        return None
    if _other_only_denied(t, msg, str(finished["topic"])) or _case_denied(t, msg, str(finished["topic"])):
        # “用在车身件上 不是配啥子首台套设备的 公司也没得失信记录”: what our case is not, told; no other policy asked
        return Act(acts.ANSWER, topic=finished["topic"], part="noted")
    if len(msg.norm) > NOTED_CHARS:
        return None
    if denies_only(t, msg):
        # (以前没申报过 也没得虚假材料那些事; 失信名单没得 after an accident told: one part denied, nothing changed)
        return Act(acts.ANSWER, topic=finished["topic"], part="noted")
    if asks_in_a_clause(t, msg) or t.facts(msg.text):
        # (facts its check reads are answers, taken by the recognisers before; 那江苏那个厂能报不 我们帮他跑腿: asked)
        return None
    _c, decision = t.match(msg.text)
    plain = INTERJECTION.sub("", msg.norm)  # (嗯嗯 dfgh: no words)
    if decision.intent is not None or decision.reason not in ("low_score", "empty") or not CJK_PAIR.search(plain):
        return None
    return Act(acts.ANSWER, topic=finished["topic"], part="noted")


_ANY_DENIED = re.compile(r"(不是|没得|没有|莫得)([\u4e00-\u9fff]{0,2}?)(啥子|什么)")
"""“不是配啥子…的”: after a denial, 啥子 is “any”, no question."""


def _other_only_denied(t: Turn, msg: Message, judged: str) -> bool:
    """Whether the message names another policy only to deny it (不是配啥子首台套设备的), asking and telling nothing."""
    other = t.match(msg.text)[1].intent
    if other in (None, judged) or t.kn.topics[str(other)].kind != "policy" or not named_only_denied(t, msg, str(other)):
        return False  # (most messages after a verdict name no other policy: nothing more to read)
    return _asks_and_tells_nothing(t, msg)


def _case_denied(t: Turn, msg: Message, judged: str) -> bool:
    """Whether the message, in the words of the policy judged, tells what our case is not and asks nothing.

    “保险打算保六千万左右 材料没用在啥子首台套装备上 以前也没拿过首批次补贴”: told, the verdict stands.
    """
    if t.match(msg.text)[1].intent != judged or not DENIAL.search(msg.norm):
        return False
    return _asks_and_tells_nothing(t, msg) and not (
        wants_check(t, msg.norm) or says(msg.norm, t.kn, "conclude") or says(msg.norm, t.kn, "missing")
    )


def _asks_and_tells_nothing(t: Turn, msg: Message) -> bool:
    """Whether the message asks nothing and tells no fact, its “any” after a denial read as such (没用在啥子…)."""
    text = _ANY_DENIED.sub(r"\1\2", msg.text)  # (不是配啥子…的: its 啥子 asks nothing)
    said = Message(text, normalize(text))
    return not (asks(t, said) or asks_in_a_clause(t, said) or t.facts(msg.text))


_DENYING_CLAUSE = re.compile(
    r"(以前|之前|原来|从来|一直|也|都|还|我们|公司|那些|这些)*(没得|莫得|没有|没|未|从没|从未|不存在|不涉及|不沾)"
)
"""A clause that opens denying (以前没申报过, 也没得虚假材料那些事): something our case does not have."""
_DENIED_AT_END = re.compile(r"[\u4e00-\u9fff]{1,8}?(我们)?(也|都|还|从来)?(没得|莫得|没有|没上|没进|没列)(过)?的?")
"""A clause that names a thing, then denies it (失信名单没得): something our case does not have."""


def _named_then_denied(t: Turn, clause: str) -> bool:
    """“失信名单没得”: a thing a condition reads, then denied (not “社保基数今年调没得”, asked: changed or not)."""
    return bool(_DENIED_AT_END.fullmatch(clause)) and bool(t.facts(clause))


def denies_only(t: Turn, msg: Message) -> bool:
    """Right after a verdict, a statement every clause of which denies something (以前没申报过 也没得虚假材料那些事).

    In the judged policy's words or none, it is taken in, not a question on the part those words are in.
    """
    if t.flow is not None or not t.state.get(flows.VERDICT_GIVEN) or asks(t, msg):
        return False
    said = [normalize(c) for c in clauses(msg.text)]
    if not said or not all(_DENYING_CLAUSE.match(c) or _named_then_denied(t, c) for c in said if c):
        return False
    intent = t.match(msg.text)[1].intent
    return intent is None or intent == t.judged_topic


CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
"""Two Chinese characters running: words, not gibberish."""


_INTRODUCES = re.compile(
    r"(我们|我司|我们公司|我们厂)(是|主要是)?(做|生产|搞|卖|经营|销售|加工|干)[^\d，。？?]{1,14}的"
)
"""A message that opens saying what the enterprise makes or sells (我们是做火锅底料的食品厂, 我们主要是卖钢材的)."""


def _told(t: Turn, topic: Topic, msg: Message, decision: Any) -> bool:
    """A figure of ours in the topic's own words that no condition asks (保险的话 保额打算投六千万左右)."""
    if decision.intent not in (None, topic.id) or decision.reason == "out_of_scope" or not quantities(msg.norm):
        return False
    if "还是" in msg.norm or WHAT_QUESTION.search(msg.norm):
        return False  # (“一千五百万这种是市里补还是区县补”: a question with our figure in it)
    inside, _pairs = pairs_in_topic(t, topic, msg)
    return inside >= 1 and bool(MINE.search(msg.norm))


_RESIGNED = frozenset({"行吧", "那好吧", "那行吧", "也行吧", "只能这样了", "那只能这样了", "那算了吧"})
"""A reluctant okay: what was said is taken in, nothing more asked."""


_ACK = re.compile(
    r"(要得|好嘛|好的|好吧|好(?![多久几像些处点])|行(?![业情政为程])|晓得了|知道了|收到|明白了|ok(?![a-z])|嗯|那好|懂了|了解)"
)
"""Words that take in what was said (at the start of a message)."""
_BARE_ACK = re.compile(r"[诶哎欸嗯哦噢喔啊]*(要得|好嘛|好的|好吧|好|行|行嘛|可以|嗯+|ok|okay|得行)[的嘛吧哈啊噻撒]*")
"""A message that only takes in what was said (好嘛, 要得, 嗯嗯)."""


_PLAN = re.compile(
    r"先把|回去|明年再|以后再|下次再|过段时间再|再说|守好|去准备|先准备|先去|(报|汇报|转|说|讲)(给|跟)(老板|领导|财务|经理)"
    r"|(明年|以后|下次|过段时间|等)[^，。？?|]{1,10}再(报|申报|申请|评|搞|弄|来)"
    r"|(跟|给|向)(老板|领导|财务|经理)(说|讲|汇报|报)"
)
"""After a word that takes in an answer: what the user will do next (先把市级的守好), no question."""


def accept_offer(t: Turn, msg: Message) -> Act | None:
    """是 / 好 / 要得 right after an answer that offered 条件自查: start that check; right after a verdict, thanks."""
    topic_id = t.state.get("topic")
    after_verdict = t.state.get(flows.VERDICT_GIVEN) and not t.flow
    if after_verdict and topic_id and t.kn.topics[topic_id].checklist and go_ahead(t, msg.norm) and not asks(t, msg):
        # “好嘛 那一个一个来”: on with what is still unknown (not “要得 那在哪里报 好久开始”: where and when)
        return Act(acts.ANSWER, topic=topic_id, check=True)
    if after_verdict and _ACK.match(msg.norm) and not asks(t, msg) and not about_us(t, msg):
        return Act("thanks", topic="thanks")  # 要得 / 好嘛 明年再冲: the verdict taken in
    if not t.flow and _ACK.match(msg.norm) and _PLAN.search(msg.norm) and not asks(t, msg) and not about_us(t, msg):
        return Act("thanks", topic="thanks")  # “好 那我们先把市级的守好”: taken in, and what we will do
    if not t.flow and msg.norm in _RESIGNED:
        return Act("thanks", topic="thanks")  # “行吧” after an answer: taken in, reluctantly; no yes to any offer
    if not t.flow and not check_offered(t) and t.state.get("topic") and _BARE_ACK.fullmatch(msg.norm):
        return Act("thanks", topic="thanks")  # “好嘛”, “要得” after the contacts: taken in (no offer to say yes to)
    topic = t.kn.topics.get(topic_id or "")
    if (
        topic is not None
        and topic.checklist
        and (yes := LEADING_YES.match(msg.norm))
        and yes.end() in clause_breaks(msg.text)  # (好 帮我测下; not 好久可以报)
        and (wants_check(t, msg.norm) or _CHECK_VERB.match(msg.norm, yes.end()))
        and not names_other(t, msg)
    ):
        # “要得 核一下 我们做摩托车离合器的 做了十五年”: yes, check us (with what it says of us), at any length
        return _taken_up(t, msg, topic.id, t.facts(msg.text))
    offered = check_offered(t)
    if not (topic_id and offered) or len(msg.norm) > CONTROL_CHARS:
        return None
    if t.judged_topic == topic_id and not t.flow and _BARE_ACK.fullmatch(msg.norm):
        return Act("thanks", topic="thanks")  # “要得” after 申报通知好久出, the check already judged: taken in
    if _UNDERSTOOD.search(msg.norm):  # (“好的 明白”, “哦 要得”: what was said is taken in, no yes to the offer)
        ack = INTERJECTION.sub("", msg.norm)
        ack = _GLAD.sub("", ack)
        return Act("thanks", topic="thanks") if _ACK.fullmatch(ack) or not ack else None
    if please_go(t, msg):
        return Act(acts.ANSWER, topic=topic_id, check=True)  # 好的 麻烦了: yes, and thanks for the trouble
    vocab = t.kn.messages.vocabulary
    if (
        INTERJECTION.sub("", msg.norm).rstrip("吧嘛哈噻撒") in _BARE_GO
        or go_ahead(t, msg.norm)
        or _CHECK_VERB.fullmatch(msg.norm)
        or (LEADING_YES.match(msg.norm) and wants_check(t, msg.norm) and not names_other(t, msg))
    ):
        return _taken_up(t, msg, topic_id)  # 好 你问嘛, 要得 看下我们, 行 帮我们测一下
    bare = len(msg.norm) <= ACCEPT_CHARS or wants_check(t, msg.norm)
    if bare and not asks(t, msg) and parse_yes_no(msg.norm, vocab) is True:
        return Act(acts.ANSWER, topic=topic_id, check=True)  # the answer to the offer (条件自查?)
    return None


_GLAD = re.compile(r"巴适|安逸|辛苦了?|谢谢|感谢|多谢")
_UNDERSTOOD = re.compile(rf"明白|晓得了|知道了|懂了|收到|了解了|(?<![想要])了解$|清楚了|{_GLAD.pattern}|^[哦噢喔]")
"""Words that take in an answer (巴适, 安逸: and are glad of it): after them a yes word acknowledges, it accepts no
offer."""


def _taken_up(t: Turn, msg: Message, topic: str, values: dict[str, Any] | None = None) -> Act:
    """The offered check taken up, by a request in words of its own or by a plain go-ahead.

    “帮我们对一下嘛” asks for the topic's check as a new question would; “要得 对一下”, “好 你问嘛” answer the offer.
    """
    if not LEADING_YES.match(msg.norm) and (wants_check(t, msg.norm) or _CHECK_VERB.search(msg.norm)):
        return Act(topic, topic=topic, check=True, values=values or {})
    return Act(acts.ANSWER, topic=topic, check=True, values=values or {})


_CHECK_VERB = re.compile(
    r"(那|就)?(你|先)?(帮|给)?(我们|我|咱们)?(先)?(自己|自)?(查|看|测|核|检查|核对|对|评估|评|过)"
    r"(一下|一哈|一遍|下|哈|看|一下子)(我们|我)?(嘛|吧|哈|噻|撒)?"
)
"""A request to be checked (查一哈, 帮我们看下, 幫我們檢查一下): after a yes or an offer, it takes the offer up."""


_BARE_GO = frozenset({"测", "核", "查", "看"})
"""One character that, alone after an offer of 条件自查, takes it up (测)."""
