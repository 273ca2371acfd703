"""Words and tests more than one recogniser reads with (a figure of ours, a question of meaning, a title held)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.answers import (
    HEARSAY,
    SUPPOSING,
    SWITCHED_TO,
    UNKNOWN,
    WHO_KNOWS,
    heard_rule,
    parse_yes_no,
)
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    about_us,
    answer_value,
    named_criteria,
    names_criterion,
)
from bot.dialogue.flows import CONDITIONS
from bot.dialogue.mentions import (
    pairs_in_topic,
    policies_named,
    topic_names,
)
from bot.dialogue.reading import (
    CONTROL_CHARS,
    Message,
    asks_in_a_clause,
    clauses,
    last_clause,
)
from bot.dialogue.topics import (
    CALCULATION,
    WHEN,
    has_section,
    section_asked,
    shaped_part,
    wants_check,
)
from bot.dialogue.turn import Turn, checklist_criteria, offered, says, words
from intents.match import Decision
from intents.normalize import normalize
from knowledge.schema import Topic

HUMAN = "human_agent"
HELP = "help"
MATCH = "policy_match"


HANDOFF = (HUMAN, "thanks")
"""Conversation intents that leave a check whatever the message's length (转人工, 谢谢); greetings do not."""


OTHER_POLICIES = re.compile(
    r"(啥子?|什么|哪些|哪几个|别的|其他)(政策|补贴|优惠)|(享受|申请|报)(啥子?|什么|哪些)(其他|别的)"
)
"""Which policies asked for (还能享受啥子政策, 还能享受啥子其他的)."""


def named_by_word(decision: Decision) -> bool:
    """Whether the best candidate was named by an alias or a trigger's words, not only like an example."""
    return bool(decision.top) and decision.top[0].via.startswith(("alias:", "combo:"))


def policies_asked(t: Turn, msg: Message) -> bool:
    """Whether the message asks which policies we may have (那我们企业还能享受哪些政策): the policy match."""
    return bool(OTHER_POLICIES.search(msg.norm)) and t.match(msg.text)[1].intent == MATCH


def checkable(t: Turn) -> bool:
    """A check is under way or parked or done, or the topic under discussion has one."""
    return flows.referred(t) is not None


def option_act(t: Turn, action: str) -> Act:
    """The act an offered option stands for (``intent:…``, ``section:…``, ``checklist`` …)."""
    kind, _, arg = action.partition(":")
    topic = t.state.get("topic")
    if kind == "intent":
        return Act(arg, topic=arg, part=None)
    if kind == "checklist" and topic:
        return Act(topic, topic=topic, check=True)
    if kind == "all":
        return Act("help", topic="help", part="all")
    return Act(acts.FOLLOWUP, topic=topic, part=action)


def hopeless_by_rule_heard(t: Turn, topic: Topic | None, msg: Message) -> bool:
    """Whether the message asks if a rule heard of rules us out (听说要大专以上的占30% 我们没得那么多 是不是就莫戏了).

    What the rule is answers it (a rule no longer in force, or its bar today), not the verdict of the whole check.
    """
    return topic is not None and bool(_THEN_HOPELESS.search(msg.norm)) and heard_of_here(t, topic, msg, ours_too=True)


_THEN_HOPELESS = re.compile(r"就(是)?(莫得?|没得?|没有)(戏|希望|搞头)|就(不行|不得行|报不了|评不上|申请不了)")
"""After a rule heard of: that it leaves us out (是不是就莫戏了)."""


def heard_of_here(t: Turn, topic: Topic, msg: Message, ours_too: bool = False) -> bool:
    """Whether the message tells a threshold heard of in words of ``topic``'s conditions (听说…营收可以降到两个亿).

    ``ours_too``: a figure of ours may stand beside it (the message asks whether we meet the rule heard of).
    """
    return heard_rule(msg.text, ours_too) and of_conditions(t, topic, msg, in_scope=True)


def of_conditions(t: Turn, topic: Topic, msg: Message, in_scope: bool) -> bool:
    """Whether the message names one of the topic's conditions, by a criterion's word or (in scope) the topic's."""
    own = set(checklist_criteria(t.kn, topic.id) or {})
    if named_criteria(t, msg, MIN_KEYWORD if in_scope else LONG_KEYWORD) & own:
        return True  # (out of scope by another world's word, 售后: only a long word of the condition, 科技人员)
    if COUNTS_AS.search(msg.norm) and points_at_pending(t, msg):
        return True  # (食品杀菌设备 算不算那八个领域里头的: the kinds the question pending lists)
    inside, _pairs = pairs_in_topic(t, topic, msg)
    return in_scope and inside >= MIN_INSIDE


MIN_KEYWORD = 2


LONG_KEYWORD = 3


COUNTS_AS = re.compile(
    r"算不算|算得到不|算不算是|能不能也?算|可不可以也?算|能也?算进去不|算得进去不|是不是也?(?:不能|不)算|是不是也?算不了"
    r"|(?:能不能|可不可以|能否)也?(?:放|计|加|摆|归|列)(?:进去|进来|到里面|里头)|(?:放|计|加|归)得?进去不"
    r"|也(?:能|可以)(?:加计|扣除|扣|算|计入)(?:扣除)?(?:不|吗|么)"  # (委托重大做的那部分也能加计不)
    r"|也算数?(?:噻|吧|哈|撒)(?=$|\|)|算数不"  # (专利买来的也算数噻: that too, asked to be confirmed)
    r"|不得(?:算数|算|认)(?:啊|嗦|哦|喃)(?=$|\|)"  # (省里那个二等奖不得算啊: doesn't it count?)
)
"""Whether something counts (算不算, 能不能也算进去): asked of a thing, not said of us."""


THING_OK = re.compile(
    r"^(?:那|那么)?([^，|]{0,8}的(?:(?!到底|究竟)[^，|]){0,6}?)(?<!行)(?:不得行|不行|可以|能行|得行)(?:吗|嘛|哇|迈)$"
)
"""Whether a thing will do (外购的著作权不得行吗, 定制的不行吗): of the thing named before it, not of us
(市级的到底行不行: the verdict asked, A-not-A)."""


THING_COUNTS = re.compile(
    rf"^(?:那|那么)?(.{{1,10}}?的?)(?:{COUNTS_AS.pattern})(?:[那这]个|[那这]一?类|[那这]种)?(?:八大|高新技术|高新|重点)?"
    r"(?:领域|范围|类别|行业|里面|进去|研发|研发费用|研发活动|科技人员|主营|关联企业|关联方|关联公司|贸易商|数"
    r"|负面清单|负面清单行业|清单|名单|目录)?"
    r"(?:嘛|哦|呢|啊|喃|噻)?$"
)


POINTER = re.compile(r"(这|那)(种|个|样|类|一类|一种)的?")
"""A thing named only by pointing back (这种算不算研发): the thing is what the clause before said."""


OURSELVES = re.compile(r"我|咱|公司|这样|这种|这个情况|现在|这下|目前|都")


THING_CHARS = 16
"""A clause this short before a bare “算不算研发” may be the thing asked about."""


_NOT_SURE = re.compile(r"晓不得|不晓得|不知道")
"""Before 算不算: whether a thing counts is not known (不晓得还算不算数), said, not asked."""


def thing_counts(t: Turn, msg: Message) -> bool:
    """Whether the message asks if a thing just spoken of counts (相近的算不算嘛), not if we qualify (我们算不算)."""
    # (人才计划是啥要求 区县级的算不算: its last clause; 批发算不算 我们也有工厂的噻: its first)
    said = clauses(msg.text)
    found = THING_COUNTS.match(last_clause(msg).norm) or THING_COUNTS.match(normalize(said[0]))
    found = found or THING_OK.match(msg.norm)
    thing = found[1] if found else None
    last = normalize(said[-1])
    if thing is not None and POINTER.fullmatch(thing) and len(said) > 1:
        # (包装换个颜色 | 这种算不算研发: 这种 points to the clause before, a thing asked about; 在搞低盐的新配方 |
        # 这种算不算研发: a fact of ours stated, then confirmed, unless it goes against an answer given)
        stated = t.facts(said[-2])
        against = any(t.profile.get(c) not in (None, v) for c, v in stated.items())
        before = normalize(said[-2])
        thing = before if len(before) <= THING_CHARS and (not stated or against) else thing
    if thing is None and len(said) > 1 and THING_COUNTS.match("这" + last) and not COUNTS_AS.fullmatch(last):
        thing = normalize(said[-2])  # (在搞一个新款电动扳手 | 算不算研发: the thing, the clause before)
        thing = thing if len(thing) <= THING_CHARS else None
    pointed = POINTER.search(thing) if thing is not None else None
    if thing is not None and pointed is not None and pointed.end() == len(thing) and pointed.start() >= 2:
        thing = thing[: pointed.start()]  # (每批出厂抽检这种: the checks named, 这种 pointing at them)
    if thing is None or OURSELVES.search(thing) or _NOT_SURE.search(thing):
        return False  # (不晓得还算不算数: whether it counts is not known, said; no question)
    return not any(n in thing for ns in topic_names(t).values() for n in ns)  # (加计扣除能不能算: the policy)


def counts_as(t: Turn, msg: Message) -> bool:
    """Whether the message asks if something counts as a word of the check's conditions (调试的师傅算不算科技人员)."""
    found = COUNTS_AS.search(msg.norm)
    checked = t.flow.get("topic") if t.flow else t.check_topic  # (after its verdict too)
    if found is None or checked not in t.kn.topics:
        return False
    after = Message(msg.norm[found.end() :], msg.norm[found.end() :])
    own = set(checklist_criteria(t.kn, str(checked)) or {})
    if named_criteria(t, after, LONG_KEYWORD) & own:
        return True
    # (齿轮算不算那个核心基础零部件: words of a condition's own question, not one of its keywords)
    named = WORDS_OF_CONDITION.sub("", after.norm)
    if any(named in n for ns in topic_names(t).values() for n in ns):
        return False  # (我们这个到底算不算首版次: the policy itself, whether we qualify)
    if len(named) >= LONG_KEYWORD and any(
        named in normalize(f"{t.kn.criteria[cid].question}{t.kn.criteria[cid].label or ''}") for cid in own
    ):
        return True
    return points_at_pending(t, after)


def points_at_pending(t: Turn, msg: Message) -> bool:
    """Whether the message points at what the question pending lists (那八个领域里头的, 这几类产品)."""
    pointed = _POINTED_AT.search(msg.norm)
    pending = t.kn.criteria.get(str((t.flow or {}).get("pending")))
    return bool(pointed and pending and pointed["what"] in normalize(pending.question))


_POINTED_AT = re.compile(
    r"(是|属于)?(那|这)(些|几|[一二两三四五六七八九十\d]+)?(个|种|类|项|条|大)(?P<what>[\u4e00-\u9fff]{2,6}?)"
    r"(里头|里面|里边|之内|当中|之中|中间|中|内|以内|范围内|范围)?的?(之一)?(嘛|哦|呢|啊|喃|噻|吗)*$"
)
"""What 算不算 points at among the things a question lists (那八个领域里头的, 这几类产品)."""


WORDS_OF_CONDITION = re.compile(r"^(是|属于)?(那个|这个|那种|这种|那一?类|这一?类)?|(嘛|哦|呢|啊|喃|噻|吗|的)+$")
"""Around the words of a condition after 算不算 (那个核心基础零部件嘛): pointing and closing words, not its own."""


MIN_INSIDE = 2
"""Word pairs of the topic's text a question of meaning needs to be about the topic (I类知识产权是啥)."""


def means(msg: Message, in_check: bool = False) -> bool:
    """Whether a clause of the message asks what a word means or how a figure is counted.

    ``in_check``: during a check, “X是啥子”, “啥子叫X”, “是必须的哇” and “看哪一年的” ask about a condition too
    (outside one, “研发准备金是啥子” asks about the policy itself).
    """
    meaning = (MEANING, MEANING_IN_CHECK) if in_check else (MEANING,)
    return any(m.search(clause) for clause in map(normalize, TEXT_CLAUSES.split(msg.text)) for m in meaning)


TEXT_CLAUSES = re.compile(r"[\s，,。？?！!；;]+")


MEANING_IN_CHECK = re.compile(
    r"(?<!不)是啥子|(?<!不)是什么|啥子叫|什么叫|啥叫|是必须的|必须的吗|必须要吗|没得变通|能不能变通|看哪一年|算哪一年|还是只算|算全部"
    r"|算什么行业|算啥子行业|要咋个证明|怎么证明|咋个证明|[在去到]哪[里儿]?查|是多少"
    r"|(算|指|包括|包含|含)(哪些|哪几种|哪几类|哪种)(人|费用|收入|东西)?$"  # 科技人员算哪些人
)
"""Within a check, more ways to ask what a condition means, demands or counts (辅助账是啥子, 独立法人是必须的哇);
not 不是啥子淘汰类的, which denies."""


MEANING = re.compile(
    r"是指|指的是|指啥|什么意思|啥意思|啥子意思|是什么东西|是啥东西|怎么理解|咋个理解|是啥$|是什么$"
    r"|(是|要)?(咋个|怎么|如何)(算|认定|比|计算|统计)"
    r"|硬性|硬杠|硬指标|通融|有弹性|有没有弹性"  # 面积这条是硬性的迈: how strict a condition is
    r"|(啥子|什么|啥|哪个|哪种)口径|口径(是啥|是什么|咋个|怎么)"  # 细分产品是按啥子口径来分的
    r"|按(啥子|什么|啥|哪个|哪种)(标准|规定)?(来)?(分|划|界定|区分)"
)
"""What a word means: a question on a condition, never the verdict."""


_SAY_IT = re.compile(r"^(那|你)?(咋个说|怎么说|咋说|啷个说)")
"""Opening a question of the result (咋个说 报得成不): tell us, no part of the topic asked how."""


def asks_outcome(t: Turn, msg: Message) -> bool:
    """During a check, a question about the result in the user's own words: 算下来合不合格, 你看能判不, 综合起来咋样.

    Only when it answers nothing, asks no part of the topic and no “why” (为啥不得行 asks what is missing).
    """
    flow = t.flow or flows.referred(t, topic_check=False)  # under way, parked, or just concluded (再说一遍结果)
    if flow is None or flow.get("kind") != flows.CHECKLIST:
        return False
    said = says(PROCEDURES.sub("|", msg.norm), t.kn, "outcome") or SUCCESS_A_NOT_A.search(msg.norm)
    if not (said or CANNOT_GET.search(msg.norm)):
        return False
    if t.flow is None and flow.get("topic") != t.state.get("topic") and t.state.get("topic") not in HANDOFF:
        return False  # a check of a topic the conversation has left (not for a phone number: 电话先放到 你先说…)
    if (
        ASKS_A_PART.search(_SAY_IT.sub("", msg.norm))
        or length(_OUR_CASE.sub("", msg.norm)) > OUTCOME_CHARS  # (那你看我们这个情况 到底享不享受得到)
        or about_us(t, msg, anywhere=True)
    ):
        return False
    if opens_aside(t, msg):
        return False  # (顺便问下 公司能不能搬到两江新区去: another question, opened as an aside)
    asked = asks_in_a_clause(t, msg) or bool(SUCCESS_A_NOT_A.search(msg.norm))  # (满足没得: by its shape)
    if not (asked or ORDER.search(msg.norm) or CONFIRMS.search(msg.norm)):
        return False
    if t.match(msg.text)[1].reason == "out_of_scope":
        return False  # (专精特新ETF能不能买: another world's question)
    crit = t.kn.criteria.get(str(flow.get("pending") or "")) if t.flow else None
    only_asks = not SUCCESS_A_NOT_A.sub("", msg.norm).strip(PARTICLES)  # (够没有嘛: its 没有 is no answer)
    if crit is not None and crit.type != "bool" and not only_asks and answer_value(t, msg, crit) is not None:
        return False
    if VERDICT_NOUN.search(msg.norm):
        return True  # (最后结果咋个说: the result is asked, whatever 咋个说 cues)
    asked_of = _CAN_OR_CANNOT.sub("|", _SAY_IT.sub("", msg.text.strip()))  # (能报不能报: its 不能报 cues no 不适用情形)
    part = section_asked(t, t.kn.topics[flow["topic"]], asked_of, cues_only=True)
    return part is None or part in CHECK_PARTS  # (我们这条件 批得下来不: the conditions are what the check is)


PROCEDURES = re.compile(r"资格(审定|认定|复核|有效期)")
"""Steps named with an outcome's word (资格审定 holds 资格): a procedure asked about, not the verdict."""


_OUR_CASE = re.compile(
    r"^(那|那么)?(你看|你说|照你看|照你说)?(我们|我们的|我们公司)?(这个|这种|这样的?|目前的?|现在的?)(情况|条件)(下)?"
)
"""What opens a question of the verdict by pointing at our case as told (那你看我们这个情况 …): no part asked."""


def length(norm: str) -> int:
    """Characters as a reader counts them: an English word is one (so do we qualify = 4)."""
    return len(ENGLISH_WORD.sub("a", norm))


ENGLISH_WORD = re.compile(r"[a-z]+")
_MASHED = re.compile(r"[bcdfghjklmnpqrstvwxz]{5}|([bcdfghjklmnpqrstvwxz]{2,3})\1")
"""Five consonants running (asdkjh, asdfgh) or letters typed twice over (dfgdfg): a keyboard mashed, no word."""


def mashed(msg: Message) -> bool:
    """Whether the message is only letters hit at random (asdkjh, asdfgh jkl, dfgdfg): gibberish, no answer."""
    words = msg.norm.split() if " " in msg.norm else ENGLISH_WORD.findall(msg.norm)
    letters = "".join(words)
    return bool(letters) and letters == re.sub(r"[^a-z]", "", msg.norm) and any(_MASHED.search(w) for w in words)


CONFIRMS = re.compile(r"呢|[噻撒吧嘛哈哦]$|还是不|还是没")
"""现在呢, 能报了噻, 申不到哦: asking the bot to confirm, without a question mark."""


CANNOT_GET = re.compile(r"[申报评拿扣批享选认][不没](到|上|了|成|起|下来)")
"""申不到, 评不上, 报不了: whether it is out of reach, asked in the negative (那意思是现在也申不到哦)."""


VERDICT_NOUN = re.compile(r"结果|结论|定论|准话|判断")
"""Words that ask for the verdict itself (先说结论 差在哪里), not only for what is missing (还差啥子 你直接说)."""


CHECK_PARTS = ("section:申报条件", "section:适用对象", "checklist")


ASK_PARTICLES = "嘛哦呢啊噻吧哈撒"
"""Particles that may close a question (够没有嘛)."""


_CAN_OR_CANNOT = re.compile(r"(能|可以)(?P<verb>[认评报申批过拿享扣选])不(能|可以)(?P=verb)")
"""能报不能报: whether it works out, whose 不能报 names no part."""
SUCCESS_A_NOT_A = re.compile(
    rf"([能行成过够达算得可符批上评报申拿扣认享选通])[不没]\1|([够行成过到足合]|达标|够格|够条件|有戏)(了)?(没得|没有|莫得|没)[{ASK_PARTICLES}]*$"
    rf"|(能|可以)[认评报申批过拿享扣选]{{1,2}}(得|上)?不[{ASK_PARTICLES}]*$"
    rf"|([够行成过足合]|达标|够格|够条件)了不[{ASK_PARTICLES}]*$"
    rf"|{_CAN_OR_CANNOT.pattern}"
    r"|(?P<done>[认评报申批过拿享扣选])得(上|了|到|过)(?P=done)不"
    r"|(?P<either>够|行|成|能|符合|达标|满足|合格)还是不(?P=either)"
    r"|[认评报申批拿享扣选]得不(?![到多少了好够行对错住起])"
)
"""能不能 / 成不成 / 过没过 / 够没得 / 达标没得 / 能认不 / 满足了不 / 能报不能报 / 评得上评不上 / 够还是不够 / 报得不 …:
whether it works out, in any words (一锤子定音能不能扣)."""


PARTICLES = f"那{ASK_PARTICLES}了"
"""What may stand around a bare A-not-A request (那够没有嘛)."""


OUTCOME_CHARS = 16
"""A longer message with a result word is more likely a question of its own than a request for the verdict."""


ASKS_A_PART = re.compile(
    r"为啥|为什么|为何|咋个会|怎么会|卡在|好多|多少|几|比例|好久|啥时候|什么时候|哪"
    r"|(咋样|怎样|怎么样|咋个|怎么|如何)(才能|才可以)(进|入|上|列入|纳入|挤进|拿到)"
    r"|把[^|]{0,4}?(加进|加入|列进|列入|纳入|放进|弄进|补进|增补进)"
)
"""Asks why, how much, when, where or how to get into something: a part of the topic, not the verdict (能拿好多,
为啥子不行, 要咋样才能进目录, 能不能申请把它加进目录)."""


ORDER = re.compile(r"判|说结果|给个?结果|出结果|下个?定论|结果给|结果发|给我?个?准话|说下结果|给个?说法")
"""Imperatives that ask for the result without a question word (好 判吧, 出结果嘛)."""


STRAIGHT = re.compile(r"直接(说|讲|告诉)|准话|一句话|(你|那你)就(说|讲)")
"""Asking to be told straight (差好多 直接说得行不) once a condition is unmet: the verdict, which lists the gap too."""


WRONG = ("错", "不对", "混", "反", "岔", "口误", "更正", "纠正")
"""Correction words that say something was wrong (说错了); 改成 / 应该是 alone may open a question."""


def titles_stated(t: Turn, msg: Message) -> dict[str, Any]:
    """Titles the message says the enterprise holds or not, as facts wherever they are asked."""
    return {c: v for c, v in t.facts(msg.text, anywhere=True).items() if t.kn.criteria[c].title}


WHY_NOT = re.compile(
    r"((为啥子?|为什么|咋个就|怎么就|凭啥|凭什么)|(咋个|怎么)[^，|]{0,8}?反而)[^，|]{0,10}?"
    r"(不行|不得行|不能|不可以|不算|不给|不认|报不了|报不到|评不上|拿不到|享受不了|够不到|不够)"
    r"|^(那|但是|可是)?(咋个|怎么|咋)(会|就)?(不行|不得行|不算|不够|报不了|评不上)(?!业)"
)
"""Why a condition rules something out (受让的为啥子不行, 咋个营收少了反而不行了, 咋个不行喃 …): a question, its 不行
no answer."""


DENIAL = re.compile(r"没|莫得|不是|未曾|从未")
"""A word that denies: a statement of what the case is not (材料没用在啥子首台套装备上)."""


WHAT_QUESTION = re.compile(r"啥|什么|哪|怎么|咋|多少|好多|意思")
"""Question words that ask for content (what, which, how, how much), not for a yes."""


MINE = re.compile(r"我|咱|\d|[一二两三四五六七八九十百千万]+[个项件人万亿%成年]")
"""The enterprise's own words or a figure: a message with them says something of us."""


SOUNDS = "诶哎欸嗯哦噢喔啊呃唉"
INTERJECTION = re.compile(rf"^[{SOUNDS}]+")
"""Sounds a message may open with before what it says (诶 插一句)."""


def opens_aside(t: Turn, msg: Message) -> bool:
    """Whether the message opens as an aside (诶 插一句 …, 顺便问下 …), after any interjection."""
    opening = INTERJECTION.sub("", msg.norm)
    return any(opening.startswith(w) for w in words(t.kn)["asides"])


WHAT_ABOUT = re.compile(r"^(?:那|那么|如果是|要是)?.{1,14}?(?:呢|咧|嘞)")
"""“那中小企业技术研发中心呢 要求是不是低点”: the same question of another one."""


FITS_BETTER = re.compile(
    r"(是不是|是否|会不会)?(更|比较|还是)(适合|合适|对路|好报|好评|容易)|低一档|低一级|次一级|门槛低|要求低|低一点的|低点的"
)
"""“中小企业技术研发中心是不是更适合我们”, “有没有低一档的 中小企业那种”: another one asked about as the better
fit (its 是不是 doubts nothing)."""


def variant_taken_up(t: Turn, msg: Message) -> dict[str, Any]:
    """The variant a question names and takes up (那X呢, X是不是更适合我们), so that a check asked next is of it."""
    if about := WHAT_ABOUT.match(msg.norm):
        # (那中小企业技术研发中心呢 | 那个门槛是不是低点: the one named, whatever is asked of it)
        return _kinds_said(t, about[0]) or _kinds_said(t, msg.text)
    if SWITCHED_TO.match(msg.norm):
        return _kinds_said(t, msg.text)
    if kind_asked := _KIND_ASKED.match(msg.norm):
        return _kinds_said(t, kind_asked[2])  # (那中小企业技术研发中心又是啥子条件: a check next is of that one)
    if FITS_BETTER.search(msg.text):
        return _kinds_said(t, FITS_BETTER.sub(" ", msg.text))
    said = clauses(msg.text)
    if len(said) > 1 and _THAT_ONE_FIRST.fullmatch(normalize(said[0])):
        return _kinds_said(t, said[0])  # (那市级企业技术中心 | 我们还差好多: the one named, what is asked of it)
    if pointed := _KIND_POINTED.match(msg.norm):
        return _kinds_said(t, pointed[0])  # (国家级的那个我们还差啥子)
    return {}


def switched_to(t: Turn, act: Act, taken: dict[str, Any], act_wins: bool = False) -> Act:
    """``act`` with the kinds ``taken`` (variant_taken_up) that differ from the profile: a switch of the check's kind.

    ``act_wins``: a kind the act itself already read stays (the verdict's own reading of the message).
    """
    switch = {c: v for c, v in taken.items() if t.profile.get(c) != v}
    if not switch:
        return act
    return replace(act, values={**switch, **act.values} if act_wins else {**act.values, **switch})


_THAT_ONE_FIRST = re.compile(r"(那|那么)[^我你他]{2,14}")
"""A first clause that only names something, after 那 (那市级企业技术中心 | 我们还差好多): the one asked about next."""
_KIND_POINTED = re.compile(
    r"^(那|那么)?(市级|省级|国家级|区级|重庆市?)(的)?(那个|这个|那种|这种|[^我你他那这跟和与比级]{2,8}?)(?=我们|还|差|缺)"
)
"""A kind by its level, pointed at or named, then what is asked of it (国家级的那个我们还差啥子, 国家级的单项冠军我们
差在哪)."""


_KIND_ASKED = re.compile(r"^(那|那么)?(.{2,14}?)(又|的|要|有)?(是)?(啥子|什么|啥|哪些)(条件|要求|门槛|标准)")
"""The conditions of a kind asked (那中小企业技术研发中心又是啥子条件): the kind named first."""


def _kinds_said(t: Turn, text: str) -> dict[str, Any]:
    """The kinds of a policy that ``text`` picks (criteria of ``kinds``), as read against the check in scope.

    A message that points at a kind (那市级企业技术中心呢) picks it by its name alone: the first words of its
    ``yes_when_all``, which elsewhere need a verb beside them (报市级企业技术中心).
    """
    said = {c: v for c, v in t.facts(text).items() if c in kinds(t)}
    if said:
        return said
    norm = normalize(text)
    topic = str(t.check_topic or t.state.get("topic") or "")
    own = checklist_criteria(t.kn, topic, t.day) if topic in t.kn.topics else None
    for cid, crit in (own or {}).items():
        if cid not in kinds(t) or crit.type != "bool":
            continue
        yes = bool(crit.yes_when_all) and any(normalize(w) in norm for w in crit.yes_when_all[0])
        no = bool(crit.no_when_all) and any(normalize(w) in norm for w in crit.no_when_all[0])
        if yes and not no and not any(normalize(w) in norm for w in crit.no_words):
            said[cid] = True
        elif no and not yes and not any(normalize(w) in norm for w in crit.yes_words):
            said[cid] = False  # (“那市级的 | 现在到底够不够” after a word on the national kind: the municipal one)
    return said


def kinds(t: Turn) -> frozenset[str]:
    """Criteria that pick the kind of a policy checked.

    A ``presume`` (市级 or 国家级), or a choice that checklist items are gated by (综合类 or 行业类).
    """
    if "kinds" not in t.kn.memo:
        gating = {
            g.criterion
            for topic in t.kn.topics.values()
            for version in topic.checklist
            for item in version.items
            for g in item.gates()
        }
        t.kn.memo["kinds"] = frozenset(
            cid for cid, c in t.kn.criteria.items() if c.presume is not None or (c.type == "choice" and cid in gating)
        )
    return t.kn.memo["kinds"]  # type: ignore[no-any-return]


def conditions_part(t: Turn, topic: Topic) -> str:
    """The part that states the topic's conditions (申报条件), or its general answer if it has none."""
    return f"section:{CONDITIONS}" if has_section(t, topic, CONDITIONS) else "question"


def counted_part(t: Turn, topic: Topic, msg: Message) -> str:
    """The part for whether a thing counts.

    The calculation's for a cost in the base (算进去), the exclusions' for a case they name (卖给贸易商的算不算),
    else the conditions.
    """
    counted = (f"section:{CALCULATION}", EXCLUDED_PART)
    part = section_asked(t, topic, msg.text, cues_only=True)
    if part not in counted:
        part = section_asked(t, topic, msg.text)  # (委托重大做的那部分也能加计不: the calculation's words, 委托)
    return part if part in counted else conditions_part(t, topic)


EXCLUDED_PART = "section:不适用情形"
"""The part that lists who is left out (负面清单是啥子: the industries, not the condition naming them)."""


ECHO_THEN = re.compile(r"^\s*(?P<item>[^?？\s]{2,8})\s*[?？]+\s*(?P<rest>[^?？]+)$")
"""An item said back with a question mark, then a statement (人才计划？区里面有个人入选了区县级的)."""


SEVERAL_FACTS = 2


def check_offered(t: Turn) -> bool:
    """Whether the last reply offered the check (条件自查) among its options."""
    return any(o.action == "checklist" for o in offered(t))


def please_go(t: Turn, msg: Message) -> bool:
    """“好的 麻烦了”, “要得 辛苦你了” right after the offer of the check: a yes with thanks for the trouble."""
    yes = LEADING_YES.match(msg.norm)
    return bool(yes and check_offered(t) and t.state.get("topic") and COURTESY.fullmatch(msg.norm, yes.end()))


COURTESY = re.compile(r"(麻烦|辛苦)(你|您)?(了|啦|哈)?|pls|please|plz")
"""Thanks for the trouble about to be taken, after a yes (好的 麻烦了): not a goodbye (好的 谢谢 is one)."""


LEADING_YES = re.compile(
    r"^(好|行|嗯|可以|要得|对|是|okay|ok|yes|yeah|yep|sure|那好|好嘛|好的|行嘛|得行)(的|嘛|吧|哈)?(?![久多像些不没吗点少])(?=.)"
)
"""A yes opening a message (好 帮我看下): with a request for the check, it takes up the offer (not 好久, 是不是)."""


def go_ahead(t: Turn, norm: str) -> bool:
    """“你问嘛”, “好 看下我们”, “要得 开始”: a go-ahead, alone or after a yes word (好 is one here)."""
    found = [w for w in words(t.kn)["go_ahead"] if w in norm]
    if not found:
        return False
    rest = re.sub("|".join(map(re.escape, sorted(found, key=len, reverse=True))), "", norm)
    rest = re.sub("我们|我|咱们|[那吧嘛噻哈了的啊呀]", "", rest)  # (好 查一下我们, 好 那一个一个来)
    if _ASKED_BESIDE.search(rest):
        return False  # “要得 那在哪里报 好久开始”: where and when asked, 开始 is theirs
    yes_no = parse_yes_no(rest, t.kn.messages.vocabulary)
    # (烦 那你问嘛; not “是首次发布 刚开始推 …”, a yes to the question with facts, where 开始 is of the facts)
    short_yes = yes_no is True and len(rest) <= GO_AHEAD_REST
    return not rest or rest in OKAY or short_yes or (len(rest) == 1 and yes_no is None)


_ASKED_BESIDE = re.compile(r"哪里|哪儿|在哪|好久|多久|什么时候|啥时候|几时|怎么|咋")
"""Question words beside a go-ahead word: a question (好久开始), no go-ahead."""
GO_AHEAD_REST = 8
"""Characters a yes beside a go-ahead may have (要得嘛 你问): more, and it is a message of its own."""


OKAY = frozenset({"好", "好好", "行", "那", "那好", "那你", "你", "嗯", "ok", "okay"})
"""A one-word yes before a go-ahead (好 你问嘛) that is no yes on its own in the vocabulary."""


A_PERSON = re.compile(r"人工|真人|客服|工作人员|找个人|找人|有(没有|没得|莫得)?人(可以|能)")
"""Words that ask for a person, not for a department's contact (转人工, 找个工作人员, 有没有人可以直接问)."""


def contact_of(t: Turn, msg: Message) -> str | None:
    """The one policy a request for contacts names (小巨人 咨询电话, 专精特新中小企业 联系方式), if any.

    Its 咨询部门 answers it; a request for a person (转人工, 找个工作人员) stays one.
    """
    if A_PERSON.search(msg.norm):
        return None
    named = {tid for _at, tid in policies_named(t, msg)}
    return named.pop() if len(named) == 1 else None


SPECIFIC_PARTS = frozenset({"时间节点", "不适用情形", "申报材料", "办理流程", "咨询部门", "计算方法"})


CHOSEN = re.compile(r"(入|选|评)(得)?(上|选)|够得?(上|到)|够不够")
"""“能不能入选”, “评得上不”, “够不够”: whether we would be chosen, on a policy with no conditions to check."""


SHAPED_NO_CHECK = frozenset({"section:不适用情形", "sources"})


STRONG_CHECK = ("核", "测", "评估", "自查", "够", "判断", "对一", "对下", "对哈", "check", "看看", "看下", "看哈")


def check_asked(t: Turn, msg: Message, intent: str) -> bool:
    """Whether a new question asks for the check: eligibility words, unless they only frame a specific part.

    “预缴的时候就能享受吗” asks when, “核定征收的还能享受吗” asks about the exclusions: those parts answer it.
    “帮我核一下”, “够不够”, or facts about the enterprise ask for the check whatever else the message says.
    """
    if not wants_check(t, msg.norm) or SUPPOSING.search(msg.norm):
        return False  # (“如果出个新版本重新登记 算不算”: a case supposed, a question on the topic)
    if _BAR_ASKED.search(msg.norm) and not any(w in msg.norm for w in CHECK_NAMED):
        return False  # (“单项冠军是不是要四个亿营收才评得上”: the bar asked, not whether we reach it)
    topic = t.kn.topics.get(intent)
    if topic and not topic.checklist:
        return any(w in msg.norm for w in STRONG_CHECK) or bool(CHOSEN.search(msg.norm))
    if topic and shaped_part(t, topic, msg.text) in SHAPED_NO_CHECK:
        return False  # “哪些情况不能申报 有行政处罚的还行不行”: the exclusions answer it
    if any(w in msg.norm for w in STRONG_CHECK):
        return True
    cued = section_asked(t, topic, msg.text, cues_only=True) if topic else None
    if cued == f"section:{WHEN}" and _AT_WHICH_TIME.search(msg.norm):
        return False  # (“高企去年认定了。…预缴的时候能不能享受”: when, whatever the title held beside it)
    if ANOTHER_PARTY.search(msg.norm):
        return False  # “买我们设备的那个化工厂 能不能拿首购首用的奖励”: whether the buyer may, no check of ours
    if about_us(t, msg, anywhere=True):
        return True  # (“我们这种做贸易的能不能享受”: about us, so the check, which says so first)
    specific = specific_part(cued)
    if specific or (topic and WE_APPLY.search(msg.norm)):
        return not specific  # (首台套重庆认定 我们能不能报: of us, whatever its words share with the exclusions)
    return not specific_part(section_asked(t, topic, msg.text) if topic else None)


_BAR_ASKED = re.compile(
    r"(是不是|是否|是要|要不要)(要|得|必须|需要|起码|至少)[^，|]{1,12}?才(能|可以|评得|评上|报得|申请得|够|行|算)"
)
"""A rule asked (是不是要四个亿营收才评得上): what the bar is, answered by the conditions."""
CHECK_NAMED = ("核", "评估", "自查", "判断", "对一", "对下", "对哈", "check")
"""Words that ask for the check itself, whatever else the message asks (帮我核一下 是不是要…才…)."""


THEN_IT_WILL_DO = re.compile(r"(就|才|总)(可以|行|得行|能报|可以报|能申请|没问题)了?(噻|撒|嘛|哈|吧|哇)$")
"""A case supposed and put to be confirmed (那厂家来报就可以噻): a question, though it has no question word."""
ANOTHER_PARTY = re.compile(
    r"^(那|那么)?(让|叫|请|由)?((买|用|采购|购买)了?我们[^，|]{0,6}的(那个|那家|这个|这家|那些)?[^，|]{0,4}(厂|企业|公司|单位|客户|用户)"
    r"|(我们的)?(客户|用户|买家|买方|采购方|购买方|下游|生产厂家|厂家|厂商|原厂)"
    r"|(我们的?)?(子公司|分公司|关联公司|另外那家|另外一家)((那边|那里)(单独|自己|独立)?|单独|自己|独立|(那个|那家)?呢)"
    r"|(他们|人家|兄弟厂|兄弟单位|兄弟公司|朋友的?(厂|公司))(的|那边|那里|那个|家|在)"
    r"|[^，|我咱自]{1,6}?(那个|那家)(厂家?|工厂|企业|公司|供应商|代工厂)"
    r"|(我们)?在[^，|我你]{2,6}?(那边|那里|那头)(报|申|评|认定))"  # 那我们在成都那边报得不: elsewhere
)
"""A message about another party than us (买我们设备的那个厂, 我们的客户, 子公司那边单独, 江苏那个厂家): what they
may have is no check of ours."""
_AT_WHICH_TIME = re.compile(
    r"(预缴|汇算|申报|季度|年底|年初)的?时候|(什么|啥子?|哪个)时候|几月份?|好久"
    r"|([一二三四1-4]|第[一二三四1-4])(季度|季)(度)?(的)?(预缴|申报|报税)"
)
"""Asking at which time it applies (预缴的时候能不能享受, 一季度预缴能不能享受), not whether we qualify."""


def specific_part(part: str | None) -> bool:
    """Whether ``part`` answers an eligibility question by itself (the sources, the exclusions, when …)."""
    return bool(part and (part == "sources" or part.removeprefix("section:") in SPECIFIC_PARTS))


WE_APPLY = re.compile(r"(我们|咱们|我这种).{0,8}(报|申|评|享受|认定|拿|够|弄|搞|建)")
"""Whether we may apply, asked of ourselves: the check, not a part the message's words only resemble (not 我们研究
新口味算不算研发, what a word covers)."""


WHERE_TO = re.compile(
    r"^(那|那么)?(这个|那个|这|那)[^，|?？]{0,6}?(在|去|到|上)哪(儿|里|个地方|个网站|个平台|个部门)?"
    r"(查|测|看|弄|办|填|报|评|做|找|问)"
)
"""Where to look something up or get it done, of the thing just spoken of (这个得分在哪儿测, 这个在哪儿查得到嘛)."""


def plainer_asked(t: Turn, msg: Message) -> bool:
    """Whether the message asks for plainer words: said alone, or opening a longer message (讲通俗点 跟我们有啥关系)."""
    plainer = words(t.kn)["plainer"]
    if (
        len(msg.norm) <= CONTROL_CHARS
        and (at := min((msg.norm.find(p) for p in plainer if p in msg.norm), default=-1)) >= 0
    ):
        before = msg.norm[:at]  # (“科技人员是啥意思”, “高新产品收入咋个算 讲通俗点”: that condition's words, asked of)
        return not named_criteria(t, Message(before, before), shortest=PLAINER_OPENING)
    return any(msg.norm.startswith(p) for p in plainer if len(p) >= PLAINER_OPENING)


PLAINER_OPENING = 3
"""A word asking for plainer words this long (讲通俗点, 没听懂) may open a longer message; a condition's word this
long before it is what is asked about, not the reply before."""


ERRAND = re.compile(
    r"(咋个|咋|怎么|怎样|如何)(办|弄|搞|操作)(手续|理)?|办(啥|什么)?手续|(要|需要)(办)?(哪些|啥子|啥|什么)手续"
    r"|(开|注册|成立|设立|新开|新设)(个|一个|家|一家)?(分公司|子公司|新公司|公司|分厂|门市|网店)"
)
"""How to get something done (要咋办手续, 开个分公司要准备啥子材料): an errand asked in passing, not an answer about
us."""
COMPANY_ERRAND = re.compile(
    r"工商(那边|局|变更|登记|年报)|减资|增资|(注册资本|注册资金)(减|增|变更|改|调)|把注册(资本|资金)"
    r"|(增加|减少|变更|调整|调高|调低|提高|降低|加|减)(一下|点)?(注册资本|注册资金)"
)
"""The enterprise's own registration errand (把注册资本减一点 工商那边…): no part of a policy, whatever it asks."""
OWN_ERRAND = re.compile(
    rf"(开|注册|设立|新开|新设)(个|一个|家|一家)?分公司|执照|工商|手续|落户|注册证|新公司|{COMPANY_ERRAND.pattern}"
)
"""Words of an errand of the enterprise's own (开个分公司, 办执照, 工商手续, 把注册资本减一点): no part of a policy."""


def leaving(t: Turn, msg: Message) -> bool:
    """Whether the message says the user goes off to do the next step (我去问下法务, 改天再细问, 我去跟老板汇报)."""
    return says(msg.norm, t.kn, "leaving") or bool(_LEAVING.search(msg.norm))


_LEAVING = re.compile(
    rf"(我|我们)(先|再)?去?(问|找)(一下|下|哈|问)?({WHO_KNOWS})(?!说|讲|回)"
    rf"|(我|我们)(先|再)?去?跟({WHO_KNOWS})(说|讲|汇报|商量|报告|沟通)"
    rf"|(整理|理)(一下|下|哈)?(发|转|拿|报)给({WHO_KNOWS})"
    rf"|(我|我们)(先|再)?去?(喊|叫|让|找)({WHO_KNOWS})(去|来)?(算|查|弄|搞|对|核|看|填|报|准备|整理)"
    r"|(改天|回头|晚点|下次|过两天|过几天)再?(细|详细|仔细|慢慢)?(问|来|聊|请教|咨询)"
    r"|(我|我们)(先|再)?去(平台|网上|系统|官网|那边)?上?(测|算|查|对|填|评)(一下|下|哈|一哈|看看|一遍)"
    r"|(我|我们)(先|再)?(自己)?去[^，|]{0,8}?(网站|官网|平台|网上|系统)上?(翻|查|看|找|搜)"
    r"|(我|我们)(先|再)?(自己)?去(弄|整|搞|办|准备)(了|一下|下|哈|一哈)?(嘛|哈|了)?$"
    r"|(我|我们)(先)?回去(再|先)?(对|核|算|查|看|理|整理|问|商量|研究|准备|弄|搞)"
    r"|(问到|问清楚|问好|查到|查清楚|搞清楚|弄清楚|算好|准备好)了?(再来|再问|再找你|再说)"
    r"|(后面|以后|之后|下回|下次)(有|还有)(啥|什么|啥子)?(问题|事情?)再(来)?(找你|问你|来问|问)"
)
"""The user's own next step, said in other words than the ``leaving`` list (我问下法务, 改天再细问, 我先去平台测一哈,
我喊会计去算, 问到了再来, 我回去再对一下数据)."""


def denial_of_the_one_asked_about(t: Turn, msg: Message, attending: str, pending: str, value: Any) -> dict[str, Any]:
    """A bare no or not-known just after the user asked what a condition means: that condition's, not the pending one's.

    Asked the title, the user asks “你说的那个评价得分是啥子 在哪里测”, then says “还没测过”: the score is not known;
    the title is still to be answered. Only a no or not-known moves (a yes may take up the question shown again), and
    only to a condition not yet answered; a score or figure denied is not known, never a zero.
    """
    if value not in (False, UNKNOWN) or attending == pending or attending not in t.kn.criteria:
        return {}
    if attending in t.profile or (pending in t.kn.criteria and names_criterion(msg.norm, t.kn.criteria[pending])):
        return {}  # (“称号还没拿到”: the pending question's own words)
    return {attending: value if t.kn.criteria[attending].type == "bool" else UNKNOWN}


_NATIONAL_ONE = re.compile(r"(国家|工信部|部里)的?(那个|这个|层面)")
"""The national scheme of the same name, pointed at (国家那个): another one than the city's checked here."""
_NATIONAL_COVER = re.compile(r"(国家|工信部)(的|那个|层面的?)?[^，|]{0,6}保险补偿")
"""The national insurance compensation, named (让成都总公司去报国家的首台套保险补偿): not the city's title checked."""

_NATIONAL_NEXT = re.compile(r"(那|那么)?(国家|工信部)(级)?的[^，|]{1,8}呢")
"""The national one asked about next (那国家的首版次呢): another one than the city's checked here."""
_NATIONAL_TOO = re.compile(
    r"(国家|工信部|部里)(层面|那边|那头|级)?((是不是|是否|有没有|有没得)?也有|(也)?(有没有|有没得|有莫得))"
)
"""Whether the national level has one too (国家层面是不是也有首版次 也能报吗, 那国家层面有没得首版次软件可以报):
another one than the city's."""


def national_scheme_heard_of(t: Turn, msg: Message) -> bool:
    """Whether the message asks of a national scheme heard of, where the topic's check knows only the city's.

    听说工信部也在搞首版次 国家那个我们报得了不, 那让成都总公司去报国家的首台套保险补偿得不得行: that scheme's word,
    not this check's verdict.
    """
    if not (
        (HEARSAY.search(msg.norm) and _NATIONAL_ONE.search(msg.norm))
        or _NATIONAL_COVER.search(msg.norm)
        or _NATIONAL_NEXT.match(msg.norm)
        or _NATIONAL_TOO.search(msg.norm)
    ):
        return False
    topic = str(t.check_topic or t.state.get("topic") or "")
    own = checklist_criteria(t.kn, topic, t.day) if topic in t.kn.topics else None
    return not any(t.kn.criteria[c].presume is not None and "国家" in (t.kn.criteria[c].label or "") for c in own or ())
