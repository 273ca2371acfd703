"""Control words, read before anything else.

Feedback, an empty message, an aside to someone else in a group, restart, cancel, and a closing (谢谢, 转人工).
"""

from __future__ import annotations

import re

from bot.answers import (
    places,
    quantities,
)
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    about_us,
)
from bot.dialogue.interpret.resume import finishes_first
from bot.dialogue.interpret.shared import (
    HANDOFF,
    ORDER,
    STRAIGHT,
    VERDICT_NOUN,
    asks_outcome,
    checkable,
    contact_of,
    leaving,
    please_go,
)
from bot.dialogue.mentions import (
    other_policy_named,
)
from bot.dialogue.reading import (
    ASKING_TAILS,
    CONTROL_CHARS,
    LEAD_CLAUSES,
    Message,
    asks,
    asks_in_a_clause,
    clauses,
    last_clause,
)
from bot.dialogue.turn import Turn, checklist_criteria, says, words
from intents.normalize import normalize

CLOSING_CHARS = 16
"""A message up to this long that says 谢谢 or 人工 is that, even in the middle of a check."""


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


_EVERYONE = frozenset({"all", "所有人", "全体成员", "大家", "群友", "各位", "everyone", "群里"})
"""@mentions of the whole group: a question on a policy after them is the bot's to answer."""


_MISSENT = re.compile(r"发错|手滑|点错了")
"""A message sent by mistake (hhhh 发错了): nothing to answer, and no answer to the question pending."""


BOT_NAMES = ("bot", "机器人", "助手", "policy")
"""Words of a mention that addresses this bot (@PolicyBot, @政策机器人) rather than a colleague."""


def without_mention(text: str) -> str:
    """``text`` without a mention of this bot opening it (“@PolicyBot 璧山高新区呢” → “璧山高新区呢”)."""
    mention = _ADDRESSED.match(text)
    if mention and any(w in mention["name"].lower() for w in BOT_NAMES) and text[mention.end() :].strip():
        return text[mention.end() :]
    return text


_SET_ASIDE = re.compile(
    r"^(?:那|好|嗯|哦)?\s*(?:先不管|先不说|先不谈|暂时不管|暂时不说|先撇开|撇开|先放下)[^，,。；;！!？?\s]{1,12}?(?:了|的事|那个|这个)?"
    r"[\s，,。；;！!]+(?=\S)"
    r"|^[^，,。；;！!？?\s]{1,12}?(?:的事情?|那个|这个|那块)?"
    r"(?:先不管|先不说|先不谈|先放一边|先放一放|先放到一边|先放起|先搁着|等会儿?再说|回头再说)(?:了|哈|嘛|哦)?[\s，,。；;！!]+(?=\S)"
)
"""A clause opening a message that sets a matter aside (先不管贷款, 贷款的事先放一边) before what is asked."""


def without_set_aside(t: Turn, text: str) -> str:
    """``text`` without a clause setting a matter aside (“先不管贷款 单项冠军到底够没够” → “单项冠军到底够没够”).

    Not when the matter is a fact a check reads (先不管国家的 …: the municipal kind, then).
    """
    aside = _SET_ASIDE.match(text)
    if aside is None or t.facts(aside[0], anywhere=True):
        return text
    return text[aside.end() :]


_UNDERSTOOD = re.compile(
    r"^(?:晓得了|知道了|明白了|懂了|清楚了|了解了|收到)(?:哈|嘛|哦|噢|啊|了)?[\s，,。；;！!]+(?=\S)"
)
"""“晓得了” opening a message before a question: the last answer taken in, and the question is what is said."""


def without_understood(t: Turn, text: str) -> str:
    """``text`` without an opening “understood” before a question (“晓得了 这个具体要问税务哪个”)."""
    understood = _UNDERSTOOD.match(text)
    if understood is None:
        return text
    rest = text[understood.end() :]
    return rest if asks(t, Message(rest, normalize(rest))) else text


_JOKING = re.compile(r"(开个?玩笑|开玩笑的|说着耍的?|说起耍的?|逗你的|逗你玩)(的|哈|嘛|哦|噻)*$")
"""A message ending in “just kidding” (哈哈开个玩笑): nothing asked in earnest."""


def aside(t: Turn, msg: Message) -> Act | None:
    """A group message to someone else (@Tony 下午的会改到四点): not for the bot, and no miss; 发错了: nothing asked."""
    if (
        len(msg.norm) <= CLOSING_CHARS
        and _MISSENT.search(msg.norm)
        and not quantities(msg.norm)
        and not any(_restarts(t, normalize(c)) for c in clauses(msg.text))  # (发错了 … 重新来: start over)
    ):
        return Act(acts.NULL)
    if _JOKING.search(msg.norm) and not quantities(msg.norm):
        return Act(acts.NULL)  # “支付宝花呗的钱能不能算研发费用 哈哈开个玩笑”: said in jest, nothing to answer
    m = _ADDRESSED.match(msg.text)
    if m is None or any(w in m["name"].lower() for w in BOT_NAMES):
        return None
    if m["name"].lower() in _EVERYONE:
        rest = msg.text[m.end() :]
        _c, decision = t.match(rest)
        if (
            decision.intent
            and t.kn.topics[decision.intent].kind == "policy"
            and asks(t, Message(rest, normalize(rest)))
        ):
            return None  # “@all 加计扣除第三季度预缴能不能享受”: a policy question put to the whole group, the bot too
    return Act(acts.NULL, part=acts.ASIDE)


def _control(t: Turn, msg: Message, name: str) -> bool:
    if msg.norm in words(t.kn)[name]:
        return True
    said = _as_favour_dropped(msg.norm) if name == "restart" else msg.norm
    if name == "restart" and _NOT_A_CHANGE.search(said):
        return False  # (研发是新结构 不是简单换个型号)
    return checkable(t) and len(msg.norm) <= CONTROL_CHARS * 2 and says(said, t.kn, name)  # (从头帮我核一遍)


def _as_favour_dropped(norm: str) -> str:
    """A start over said as one, without its words of asking a favour (从头帮我测一遍 → 从头测一遍).

    重新帮我核下 keeps them: it asks the check again on what is known now, no start over.
    """
    return _HELPING.sub("", norm) if _FROM_THE_START.search(norm) else norm


_HELPING = re.compile(r"帮我们|帮我|给我们|给我|帮忙")
"""Words of asking a favour inside a start over (从头帮我测一遍 is 从头测一遍)."""
_FROM_THE_START = re.compile(r"从头|重头")
"""A start over said as one (从头), not a check asked again on what is known now (重新帮我过一遍, 再帮我核一遍)."""


def restart(t: Turn, msg: Message) -> Act | None:
    """重新开始 / 从头再来: the check starts over (or, with no check, the conversation)."""
    said = clauses(msg.text)
    at = next((i for i, c in enumerate(said) if _restarts(t, normalize(c))), None)
    if (
        (at is None or _RETOLD.search(said[at]))  # (扣掉重新算: counted again; 重新说 …: the figures told again)
        and msg.norm not in words(t.kn)["restart"]
        and any(q.unit in ("万元", "%") for q in quantities(msg.norm))
    ):
        # “那个项目二十万 包在五百万里头的 扣掉重新算”: a figure to count again, not a new start (but “等哈 重新来
        # 从头核 刚才那个五个亿是整个集团的”: a start over in a clause of its own, then why)
        return None
    if at is not None and _RETOLD.search(said[at]) and len(said) > at + 1 and _nothing_told_yet(t):
        return None  # “重新说 这个厂永川注册纳税 …” right after the check started over: the facts, told afresh
    # “搞错了 重新来 我们要报的是中小企业技术研发中心”: start over, with what it says after (its facts); and with
    # what it says before, unless that calls something wrong (“问了老板 去年评的创新型 从头再核一遍嘛”)
    # (and with its own clause's: “那从头按企业技术中心重新核” names the kind to check)
    after = said[at + 1 :] if at is not None else []
    told_before = [i for i, c in enumerate(after) if _SAID_BEFORE.search(c)]
    if told_before:  # (从头来 我刚才说的是关联的贸易公司 不是这家: why it was wrong, no fact of ours)
        after = after[told_before[-1] + 1 :]
        while after and _WRONG.search(after[0]) and len(normalize(after[0])) <= _DISOWNING_CHARS:
            after = after[1:]
    kept = [] if at is None else [*([] if _WRONG.search(" ".join(said[: at + 1])) else said[: at + 1]), *after]
    if at is None:  # (“那从头按企业技术中心重新核”: one clause, the kind to check in it)
        values = {} if _WRONG.search(msg.norm) else t.facts(msg.text)
    else:
        values = t.facts(" ".join(kept)) if kept else {}
    if at is not None and flows.referred(t, topic_check=False) and _ANOTHER_ONE.search(normalize(" ".join(after))):
        return Act(acts.RESTART, part=acts.ANOTHER, values=values)  # (我们还有个通用的采集软件: its check afresh)
    if at is not None and len(said) > at + 1 and flows.referred(t, topic_check=False) is None and checkable(t):
        # (“搞错了 从头来 我说的是我们自己造的机器人”: no check begun, but the topic in hand has one)
        return Act(acts.RESTART, part=acts.RETOLD, values=values)
    if _control(t, msg, "restart"):
        _c, decision = t.match(msg.text)
        named = t.kn.topics.get(str(decision.intent)) if decision.intent else None
        if named is not None and named.checklist and flows.referred(t, topic_check=False) is None:
            # “开完了 重新开始核专精特新嘛” after the check was left: that policy's check, from its start
            return Act(acts.RESTART, topic=named.id, values=values)
        return Act(acts.RESTART, part=acts.AGAIN if _THAT_ONE.search(msg.norm) else None, values=values)
    if at is None or len(said) < 2 or not checkable(t):
        return None
    if flows.referred(t, topic_check=False) is None:
        # no check in hand: “开完会了 老板还是想搞高新 重新帮我核下” starts the one named over, “从头帮我测一遍”
        # the topic's in hand; nothing to start over is no reason to forget the conversation
        _c, decision = t.match(msg.text)
        named = t.kn.topics.get(str(decision.intent)) if decision.intent else None
        if named is not None and named.checklist:
            return Act(acts.RESTART, topic=named.id, values=values)
        current = t.kn.topics.get(str(t.state.get("topic") or ""))
        return Act(acts.RESTART, part=acts.RETOLD, values=values) if current and current.checklist else None
    return Act(acts.RESTART, values=values)


def _nothing_told_yet(t: Turn) -> bool:
    """A check under way with none of its conditions known yet (just begun, or begun again)."""
    own = checklist_criteria(t.kn, str(t.flow["topic"]), t.day) if t.flow else None
    # (which kind is asked, 新申请 not 复核, is presumed, not told)
    return own is not None and not any(c in t.profile for c, crit in own.items() if crit.presume is None)


_RETOLD = re.compile(r"算|说|讲")
"""In a start over before figures: they are counted or told again (扣掉重新算, 重新说 …), no new check."""
_WRONG = re.compile(r"错|不对|乱|不算|(?<!是)不是")
"""Before a start over: what was said is called wrong (营收说错了 重新来), not new facts (not 是不是, a question)."""
_DISOWNING_CHARS = 6
"""A clause this short right after what was said before is explained only denies it (不是这家)."""
_SAID_BEFORE = re.compile(r"(刚才|之前|前面|先前|上面)(说|讲|报|给)的")
"""After a start over: what was said before, explained (我刚才说的是我们关联的那个贸易公司), no fact of ours."""
_ANOTHER_ONE = re.compile(
    r"((还有|另外|另|还在?(搞|做|研发|开发|弄))(一)?(个|款|套|种|台|样)"
    r"|换(一)?(个|款|套|种)(?=产品|软件|装备|设备|材料|项目|型号)"
    r"|新的(这|那)(个|款|套)|新(产品|软件|装备|材料))(?![^|+]{0,8}(公司|厂|企业|单位))"
)
"""After a start over: another thing of ours to check (我们还有个…软件, 换个产品), not the same told again, nor
another company (我们还有个贸易公司: none of this one's facts are its)."""
_THAT_ONE = re.compile(
    r"刚才|前面|之前|上一个|那个|这个|还是(帮我|给我|帮忙|再)?(测|核|查|对|自查)|从头(测|核|查|对)|(测|核|查|对)一遍"
)
"""A start over that points back (刚才那个从头重新来, 还是测一下嘛 从头来, 重新来嘛 从头核一遍): the check left just
now, if one was."""


def _restarts(t: Turn, clause: str) -> bool:
    """Whether a clause of a longer message is only a request to start over (重新来, 重新来一遍嘛)."""
    return (
        len(clause) <= CONTROL_CHARS
        and says(_as_favour_dropped(clause), t.kn, "restart")
        and not quantities(clause)
        and not _NOT_A_CHANGE.search(clause)
    )


_NOT_A_CHANGE = re.compile(r"(不是|并非|不只是?|不光是?|不仅是?|不单是?)(简单|单纯|只是|光是)?(地|的)?换")
"""A change denied (研发是新结构 不是简单换个型号): what the work is not, no request to check another model."""


def cancel(t: Turn, msg: Message) -> Act | None:
    """退出 / 算了 / 不测了: the check ends (not “那先这样判一下” or “先这样 能不能报”, which ask for the verdict)."""
    alone = msg.norm in words(t.kn)["exit"]  # 退出, said on its own
    last = last_clause(msg)
    if not alone and finishes_first(t, msg):
        return None  # “算了电话等哈再打 先把刚才那个核完”: another thing given up, back to the check
    other_ask = ORDER.search(msg.norm) or says(msg.norm, t.kn, "conclude") or says(msg.norm, t.kn, "resume")
    other_ask = other_ask or (not alone and asks_outcome(t, msg))  # “先这样 能不能报”: the verdict on what is known
    other_ask = other_ask or (not alone and asks_outcome(t, last))  # (算了不管那个 你先说…得不得行)
    opening = [normalize(c) for c in clauses(msg.text)[:LEAD_CLAUSES]]
    gives_up = bool(
        _GIVES_UP.match(msg.norm)
        or _GIVES_UP.fullmatch(last.norm)  # (…肯定不够 不测了)
        or _THIS_GIVEN_UP.fullmatch(last.norm)  # (…那算了 小巨人不测了)
        or any(_THIS_GIVEN_UP.fullmatch(c) for c in opening)  # (算了 高企不测了 又要审计又要啥子 太麻烦: then why)
        or (t.flow is not None and _NO_NEED.fullmatch(last.norm) is not None)  # (…今年不弄了 不用核了)
    )
    dropped = _THAT_DROPPED.match(msg.norm)
    if dropped and t.flow is not None and t.facts(msg.norm[dropped.end() :]):
        return None  # “算了不扯那个 高新产品收入占比应该有八成”: the aside dropped, the check answered
    aside = _SET_ASIDE_FIRST.match(msg.norm) or _SET_ASIDE_FIRST.match(last.norm)  # (…差得远 先不核这个了)
    if aside and t.open_check and not other_policy_named(t, msg, str(t.check_topic)):
        return Act(acts.CANCEL)  # (not “先不搞那个 直接看小巨人够不够”: another policy asked for instead)
    if not alone and any(w in msg.norm for w in t.index.insistent):
        return None  # “算了不问了。帮我转人工吧”, “算了 你给我个人工电话”: given up on the bot, a person asked for
    if gives_up and other_ask and STRAIGHT.search(msg.norm):
        return None  # “算了不问那么细了 直接说能不能评上嘛”: no more questions, the verdict on what is known
    if (
        gives_up
        and last.norm != msg.norm
        and asks(t, last)
        and t.match(last.text)[1].intent not in (None, t.check_topic)
    ):
        return None  # “不问加计扣除了。研发准备金今年的通知出来没有”: one topic dropped, another asked
    idle = not (t.flow or t.state.get("suspended"))  # (no check going, none left to come back to)
    if gives_up and idle and "谢" in msg.norm and closing(t, msg):
        return None  # “算了 不问了 谢谢” with no check going or left: a goodbye, thanked back
    if gives_up and not VERDICT_NOUN.search(msg.norm) and not says(msg.norm, t.kn, "resume"):
        return Act(acts.CANCEL)  # “算了算了 不测了 营收才几千万 肯定不够”: given up first; what follows is why
    if not alone and other_ask:
        return None  # (“算了 回到刚才那个加计扣除”: back to it, not out)
    if not says(_RECKONED.sub("", msg.norm), t.kn, "exit"):
        return None  # (“把模具配件拆开算了”: counted that way, no 算了 of giving up)
    if alone:
        return Act(acts.CANCEL)
    if idle and _TAKEN_IN.match(msg.norm) and not asks_in_a_clause(t, msg):
        return Act("thanks", topic="thanks")  # “要得 先这样” after an answer, no check going: taken in, goodbye
    if says(msg.norm, t.kn, "correction"):
        return None  # “不对 主营我前面算错了…”: an answer changes, the check goes on
    ends = _ENDS_CHECK.search(msg.norm)
    if _ASKS_WHEN.search(msg.norm):
        return None  # “加计扣除汇算清缴什么时候结束”: when something ends, a question on the topic
    if not t.flow and not ends and closing(t, msg):
        return None  # “算了 谢谢哈” with no check going: a goodbye, thanked back
    checked = t.check_topic
    if ends and t.open_check and about_us(t, msg, anywhere=True):
        return Act(acts.CANCEL)  # “算了 不测了 连专精特新都莫得 测了也白测”: the title named is a fact, no switch
    if not ends and other_policy_named(t, msg, str(checked)):
        return None  # “算了 先问加计扣除”: a switch to another policy (the check is kept); “不测了 先看X” ends it
    if len(msg.norm) <= CONTROL_CHARS:
        return Act(acts.CANCEL)
    if t.open_check and len(msg.norm) <= CONTROL_CHARS * 2:
        _c, decision = t.match(msg.text)
        if not decision.intent or decision.score < t.settings.new_question_score:
            return Act(acts.CANCEL)
    return None


_RECKONED = re.compile(
    r"(?<=[开拆合加起分单另再重新少多漏])算了|算了一?[下遍哈](?![次回])"
    r"|(?<=[评测估核])算了|算了(?=[\d一二两三四五六七八九十百]+(分|万|个|项|%|亿|年))"
)
"""算了 after a way of counting (拆开算了, 重新算了下, 少算了一个项目) or before what came out (评价算了58分):
reckoned, not given up."""


_ASKS_WHEN = re.compile(r"什么时候|啥时候|几时|哪天|几号|几月|好久|多久|哪阵")
"""A question of when (什么时候结束): the exit word in it is what ends, not the check."""


_GIVES_UP = re.compile(
    r"^(哎呀|哎|唉|嗯|哦|好|算了|算球了|算逑了|算求了|那|那就)*"
    r"(不(测|核|查|弄|搞|做|问|看|评)((这个|那个|这|那)了)?|莫(测|核|查|弄|搞|问|评)(这个|那个|这|那)?了|撤了)了?"
)
"""A message (or its last clause) that gives the check up (算了 不测了 …, …肯定不够 不测这个了, 莫评了 … 撤了, 算球了
莫测这个了 …)."""
_NO_NEED = re.compile(r"(就|也|都)?不(用|要|必|需要)(再)?(测|核|查|评|核对|对)了?")
"""A last clause, a check under way, saying it need not go on (…准备金那个今年不弄了 不用核了)."""
_SET_ASIDE_FIRST = re.compile(r"^(算了|那|那就|哦|嗯|好)*先(不(测|核|查|弄|搞|做)|放到这|放倒这|放着|放一放)")
"""“先放到这儿 等会计回来再弄”, “先不弄这个了”: the check set aside, unless another policy is asked for instead."""


_THAT_DROPPED = re.compile(r"^(算了|那|好|嗯|哦)*(不|莫|别)(扯|管|说|聊|提|讲)(那个|那些|那|它)了?")
"""“算了不扯那个”: the aside just asked dropped, not the check."""
_THIS_GIVEN_UP = re.compile(r"(那|那就)?(算了)?[\u4e00-\u9fff]{2,8}?(就|也|先)?[不莫](测|核|查|评估|搞|弄|做|填)了")
"""A last clause that gives up the check of a policy it names (小巨人不测了, 这个问卷先不做了)."""
_ENDS_CHECK = re.compile(r"不测|不核|不查|不评|不弄|不搞|退出|结束|不做了")
"""Words that end the check itself, not only set it aside (算了 alone may open a switch: 算了 先问加计扣除)."""


QUESTION_AFTER = 4
"""Characters after a thanks that can hold a question of their own (那目录好久修订)."""


_QUESTION_BEFORE = re.compile(r"吗|呢|几月|几年|几天|几号|多久|啥时候|什么时候|好久|多少|好多|哪|咋个|怎么|啥子")
"""A question standing before a thanks in the same message."""


def closing(t: Turn, msg: Message) -> Act | None:
    """谢谢 / 转人工 in a short message, whatever else is going on (要得 谢了, 有没有人工 我想找个人问)."""
    if len(msg.norm) > CLOSING_CHARS and "human_agent" in t.kn.topics and _HANDED_OVER.search(msg.norm):
        return Act("human_agent", topic="human_agent")  # “能不能转个人工 我想找懂首台套的人问下”: a person, asked
    if len(msg.norm) > CLOSING_CHARS and not t.flow and _all_closing(t, msg):
        return Act("thanks", topic="thanks")  # “刚才问的都清楚了。谢谢你。后面有问题再来找你”: every clause a goodbye
    if len(msg.norm) > CLOSING_CHARS or please_go(t, msg):
        return None
    for topic_id in HANDOFF:
        topic = t.kn.topics.get(topic_id)
        said = [a for a in map(normalize, topic.aliases) if len(a) >= 2 and _said_plainly(msg.norm, a)] if topic else []
        if said:
            if topic_id == "human_agent" and contact_of(t, msg):
                return None  # “小巨人 咨询电话”: that policy's 咨询部门, not a person
            if t.match(msg.text)[1].reason == "out_of_scope" and not (topic_id == "thanks" and _at_the_end(msg, said)):
                return None  # (“中国移动客服电话多少”: another service's hotline is not ours; “翻译一句 thank you for
                # your cooperation”: words to translate, but “懂了 先去招人 谢谢” closes, whatever it says between)
            if topic_id == "thanks" and _asked_before(t, msg, said[0]):
                return None  # “那明年几月可以申请？谢谢”, “那我们符合不 ok的话我跟老板说”: the question first
            after = msg.norm[msg.norm.find(said[0]) + len(said[0]) :]
            if topic_id == "thanks" and len(after) >= QUESTION_AFTER and asks(t, Message(after, after)):
                return None  # “晓得了 那首台套目录好久修订”: taken in, and a new question after it
            return Act(topic_id, topic=topic_id)
    if (
        (not t.flow or (len(msg.norm) <= CONTROL_CHARS and _TAKEN_IN.match(msg.norm)))
        # (in a check, only after taking in what was said: 要得 我先去平台测一哈; not 征收方式 晓不得 我问哈会计)
        and leaving(t, msg)
        and not asks_in_a_clause(t, msg)
        and (not t.facts(msg.text) or _LATER.search(msg.norm))
    ):
        # “好嘛 我去找区经信委”: the user's own next step, a goodbye (“明年进了规上再来问”: what is to come, no fact)
        return Act("thanks", topic="thanks")
    return None


_HANDED_OVER = re.compile(r"(?<!不用)(?<!不要)(?<!不想)(?<![别莫])(转(个|一下|下|接|到|给)?(人工|真人)|接个?人工)")
"""A person asked for in so many words (转个人工, not 不用转人工), whatever the rest of a longer message says."""


def _all_closing(t: Turn, msg: Message) -> bool:
    """Whether each clause of a longer message takes in, thanks or leaves, one thanking (清楚了 谢谢你 后面再来找你)."""
    parts = [Message(c, normalize(c)) for c in clauses(msg.text) if normalize(c)]
    thanks = [normalize(a) for a in t.kn.topics["thanks"].aliases] if "thanks" in t.kn.topics else []
    thanked = [p for p in parts if any(a and a in p.norm for a in thanks) and len(p.norm) <= CONTROL_CHARS]
    return (
        len(parts) > 1
        and bool(thanked)
        and not asks_in_a_clause(t, msg)
        and all(p in thanked or _UNDERSTOOD.search(p.norm) or leaving(t, p) for p in parts)
    )


_UNDERSTOOD = re.compile(r"(都|我)?(清楚|明白|晓得|知道|懂)了")
"""A clause saying what the bot said is understood (刚才问的都清楚了)."""
_TAKEN_IN = re.compile(r"(要得|好的|好嘛|好|行|嗯|ok|可以|晓得了|明白了|知道了)", re.I)
"""An opening that takes in what the bot said, before the user's own next step."""
_LATER = re.compile(r"明年|后年|以后|到时候|过段时间|过两年|等.{1,10}再")
"""A time to come: what is said of it (明年进了规上再来问) is a plan, no fact of the enterprise now."""


def _at_the_end(msg: Message, said: list[str]) -> bool:
    """Whether a word of ``said`` closes the message (… 先去招人 谢谢): said to close the conversation."""
    return any(msg.norm.endswith(w) for w in said)


def _asked_before(t: Turn, msg: Message, word: str) -> bool:
    """Whether a question stands before the closing ``word`` (in its clause, or as a clause of its own)."""
    if _QUESTION_BEFORE.search(msg.norm[: msg.norm.find(word)]):
        return True
    at = msg.text.lower().find(word)  # (as typed, its spaces part the clauses)
    before = msg.text[:at] if at >= 0 else msg.norm[: msg.norm.find(word)]
    return any(normalize(c)[-1:] in _ASKING_END for c in clauses(before))  # (not 明年多招几个再说 谢了)


_ASKING_END = ASKING_TAILS | frozenset("吗呢?？")
"""The last character of a clause that asks (那我们符合不, …吗, …？)."""


def _said_plainly(norm: str, word: str) -> bool:
    """Whether ``word`` occurs in ``norm`` not negated and not the end of another word.

    “全球就不晓得了” holds no 晓得了, “上规要营收到好多哦” no 收到 (营收): no thanks.
    """
    return any(
        not norm[:found].endswith(_NEGATIONS) and norm[max(0, found - 1) : found + 1] not in _WORDS_ENDING_IN_IT
        for found in places(norm, word)
    )


_NEGATIONS = ("不", "没", "莫")


_WORDS_ENDING_IN_IT = frozenset({"营收", "税收", "回收", "验收", "接收", "征收", "吸收"})
"""Two characters that make a word of their own where a closing word (收到) starts on the second."""
