"""Message + conversation state → one ``Act``: an ordered list of recognisers, the first that claims it wins.

The order is the policy: control words before anything else; then what the bot's last turn makes likely (a
numbered or named option, the pending checklist question); then repairs (verdict now, correction, resume);
then follow-ups on the current topic; last, a new question for the matcher. Each recogniser's name is the
act's ``via``, so the log says why a message was read as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot import checklist, render
from bot.answers import (
    ASKED_A_NOT_A,
    DATE_SAID,
    HEARSAY,
    SUPPOSING,
    UNKNOWN,
    bigrams,
    clause_breaks,
    heard_rule,
    number_value,
    parse_answer,
    parse_yes_no,
    places,
    quantities,
    supposes,
)
from bot.calc import HIGH_TECH
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    FIGURE_ONLY,
    RESTATED_PAIRS,
    about_us,
    all_owned,
    answer_value,
    gives_parts,
    keyword_figure,
    longest_named,
    named_criteria,
    names_fact,
    no_only_of_others,
    read_answer,
    subject_taken_as_said,
    year_family,
    yearly,
    yes_only_by_lead,
)
from bot.dialogue.flows import CONDITIONS
from bot.dialogue.mentions import (
    FIRST,
    about_here,
    foreign,
    in_topic_words,
    named_only_denied,
    names_other,
    names_topic,
    other_policy_named,
    pairs_in_topic,
    policies_named,
    prerequisite,
    section_naming,
    status_topics,
    topic_names,
    topic_words,
)
from bot.dialogue.reading import (
    ASKING_TAILS,
    BOTH,
    CONTROL_CHARS,
    DIFFERENCE,
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
    LOOKUPS,
    WHEN,
    has_section,
    plain_form,
    section_asked,
    shaped_part,
    wants_check,
)
from bot.dialogue.turn import NOTHING_TO_CHECK, Turn, checklist_criteria, says, words
from intents.match import Candidate, Decision
from intents.normalize import clean, normalize
from knowledge.schema import Criterion, Topic

CORRECTION_OPENINGS = ("不对", "不是", "错了")
"""How a message that gives a figure may start when it corrects one."""
CLOSING_CHARS = 16
"""A message up to this long that says 谢谢 or 人工 is that, even in the middle of a check."""
ACCEPT_CHARS = 4
"""A yes this short after an offer of 条件自查 accepts it (要得, 好的嘛); a longer message must also ask for it."""
HUMAN = "human_agent"
HANDOFF = (HUMAN, "thanks")
"""Conversation intents that leave a check whatever the message's length (转人工, 谢谢); greetings do not."""
_ITEM = re.compile(r"第([一二三四五六七八九1-9])(?:个|条|项|点|种)")
_ELLIPSIS = re.compile(r"^(?:那|那么|还有|再问下|那个)?(.{1,12}?)(?:的)?(?:呢|咧|嘞|喃|勒)$")
_CN_ORDINAL = "一二三四五六七八九"


Recogniser = Callable[[Turn, Message], Act | None]


def interpret(t: Turn, text: str) -> Act:
    """The one act ``text`` stands for in this conversation (“@PolicyBot …” is read without the mention)."""
    text = without_mention(text)
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


def aside(t: Turn, msg: Message) -> Act | None:
    """A group message to someone else (@Tony 下午的会改到四点): not for the bot, and no miss; 发错了: nothing asked."""
    if len(msg.norm) <= CLOSING_CHARS and _MISSENT.search(msg.norm) and not quantities(msg.norm):
        return Act(acts.NULL)
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
    if msg.norm not in words(t.kn)["restart"] and any(q.unit in ("万元", "%") for q in quantities(msg.norm)):
        return None  # “那个项目二十万 包在五百万里头的 扣掉重新算”: a figure to count again, not a new start
    said = clauses(msg.text)
    at = next((i for i, c in enumerate(said) if _restarts(t, normalize(c))), None)
    # “搞错了 重新来 我们要报的是中小企业技术研发中心”: start over, with what it says after (its facts)
    values = t.facts(" ".join(said[at + 1 :])) if at is not None and len(said) > 1 else {}
    if _control(t, msg, "restart"):
        return Act(acts.RESTART, part=acts.AGAIN if _THAT_ONE.search(msg.norm) else None, values=values)
    if at is None or len(said) < 2 or not _checkable(t):
        return None
    return Act(acts.RESTART, values=values)


_THAT_ONE = re.compile(r"刚才|前面|之前|上一个|那个|这个|还是(测|核|查|对|自查)|从头(测|核|查|对)|(测|核|查|对)一遍")
"""A start over that points back (刚才那个从头重新来, 还是测一下嘛 从头来, 重新来嘛 从头核一遍): the check left just
now, if one was."""


def _restarts(t: Turn, clause: str) -> bool:
    """Whether a clause of a longer message is only a request to start over (重新来, 重新来一遍嘛)."""
    return len(clause) <= CONTROL_CHARS and says(clause, t.kn, "restart") and not quantities(clause)


def cancel(t: Turn, msg: Message) -> Act | None:
    """退出 / 算了 / 不测了: the check ends (not “那先这样判一下” or “先这样 能不能报”, which ask for the verdict)."""
    alone = msg.norm in words(t.kn)["exit"]  # 退出, said on its own
    other_ask = _ORDER.search(msg.norm) or says(msg.norm, t.kn, "conclude") or says(msg.norm, t.kn, "resume")
    other_ask = other_ask or (not alone and _asks_outcome(t, msg))  # “先这样 能不能报”: the verdict on what is known
    other_ask = other_ask or (not alone and _asks_outcome(t, last_clause(msg)))  # (算了不管那个 你先说…得不得行)
    gives_up = _GIVES_UP.match(msg.norm) or _GIVES_UP.fullmatch(last_clause(msg).norm)  # (…肯定不够 不测了)
    if not alone and any(w in msg.norm for w in t.index.insistent):
        return None  # “算了不问了。帮我转人工吧”, “算了 你给我个人工电话”: given up on the bot, a person asked for
    if gives_up and other_ask and _STRAIGHT.search(msg.norm):
        return None  # “算了不问那么细了 直接说能不能评上嘛”: no more questions, the verdict on what is known
    if gives_up and not _VERDICT_NOUN.search(msg.norm) and not says(msg.norm, t.kn, "resume"):
        return Act(acts.CANCEL)  # “算了算了 不测了 营收才几千万 肯定不够”: given up first; what follows is why
    if not alone and other_ask:
        return None  # (“算了 回到刚才那个加计扣除”: back to it, not out)
    if not says(_RECKONED.sub("", msg.norm), t.kn, "exit"):
        return None  # (“把模具配件拆开算了”: counted that way, no 算了 of giving up)
    if alone:
        return Act(acts.CANCEL)
    if says(msg.norm, t.kn, "correction"):
        return None  # “不对 主营我前面算错了…”: an answer changes, the check goes on
    ends = _ENDS_CHECK.search(msg.norm)
    if _ASKS_WHEN.search(msg.norm):
        return None  # “加计扣除汇算清缴什么时候结束”: when something ends, a question on the topic
    if not t.flow and not ends and closing(t, msg):
        return None  # “算了 谢谢哈” with no check going: a goodbye, thanked back
    checked = t.check_topic
    if ends and (t.flow or t.state.get("suspended")) and about_us(t, msg, anywhere=True):
        return Act(acts.CANCEL)  # “算了 不测了 连专精特新都莫得 测了也白测”: the title named is a fact, no switch
    if not ends and other_policy_named(t, msg, str(checked)):
        return None  # “算了 先问加计扣除”: a switch to another policy (the check is kept); “不测了 先看X” ends it
    if len(msg.norm) <= CONTROL_CHARS:
        return Act(acts.CANCEL)
    if (t.flow or t.state.get("suspended")) and len(msg.norm) <= CONTROL_CHARS * 2:
        _c, decision = t.match(msg.text)
        if not decision.intent or decision.score < t.settings.new_question_score:
            return Act(acts.CANCEL)
    return None


_RECKONED = re.compile(r"(?<=[开拆合加起分单另再重新])算了|算了一?[下遍哈](?![次回])")
"""算了 after a way of counting (拆开算了, 重新算了下): reckoned, not given up."""
_ASKS_WHEN = re.compile(r"什么时候|啥时候|几时|哪天|几号|几月|好久|多久|哪阵")
"""A question of when (什么时候结束): the exit word in it is what ends, not the check."""
_GIVES_UP = re.compile(r"^(算了|那|那就)*(不测|不核|不查|不弄|不搞|不做|不问|不看)了?")
"""A message (or its last clause) that gives the check up (算了 不测了 …, …肯定不够 不测了)."""
_ENDS_CHECK = re.compile(r"不测|不核|不查|不评|不弄|不搞|退出|结束|不做了")
"""Words that end the check itself, not only set it aside (算了 alone may open a switch: 算了 先问加计扣除)."""
QUESTION_AFTER = 4
"""Characters after a thanks that can hold a question of their own (那目录好久修订)."""
_QUESTION_BEFORE = re.compile(r"吗|呢|几月|啥时候|什么时候|好久|多少|好多|哪")
"""A question standing before a thanks in the same message."""


def closing(t: Turn, msg: Message) -> Act | None:
    """谢谢 / 转人工 in a short message, whatever else is going on (要得 谢了, 有没有人工 我想找个人问)."""
    if len(msg.norm) > CLOSING_CHARS or _please_go(t, msg):
        return None
    for topic_id in HANDOFF:
        topic = t.kn.topics.get(topic_id)
        said = [a for a in map(normalize, topic.aliases) if len(a) >= 2 and _said_plainly(msg.norm, a)] if topic else []
        if said:
            if topic_id == "human_agent" and contact_of(t, msg):
                return None  # “小巨人 咨询电话”: that policy's 咨询部门, not a person
            if t.match(msg.text)[1].reason == "out_of_scope":
                return None  # (“中国移动客服电话多少”: another service's hotline is not ours)
            if topic_id == "thanks" and _asked_before(t, msg, said[0]):
                return None  # “那明年几月可以申请？谢谢”, “那我们符合不 ok的话我跟老板说”: the question first
            after = msg.norm[msg.norm.find(said[0]) + len(said[0]) :]
            if topic_id == "thanks" and len(after) >= QUESTION_AFTER and asks(t, Message(after, after)):
                return None  # “晓得了 那首台套目录好久修订”: taken in, and a new question after it
            return Act(topic_id, topic=topic_id)
    if not t.flow and says(msg.norm, t.kn, "leaving") and not asks(t, msg) and not t.facts(msg.text):
        return Act("thanks", topic="thanks")  # “好嘛 我去找区经信委”: the user's own next step, a goodbye
    return None


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


# -- what the last turn offered --------------------------------------------------------------------
def _option_act(t: Turn, action: str) -> Act:
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
def _asks_person(t: Turn, msg: Message) -> bool:
    """Whether the message names the handoff by one of its own words (转个人工, 给我找个人, 有没有电话)."""
    if "handoff_words" not in t.kn.memo:
        human = t.kn.topics.get(HUMAN)
        said = (*human.insistent, *human.aliases) if human else ()
        t.kn.memo["handoff_words"] = frozenset(w for w in map(normalize, said) if w)
    return any(w in msg.norm for w in t.kn.memo["handoff_words"])


_WHICH_TIME = re.compile(r"还是要?等|的时候就|(什么|啥子?)时候(就|才)?(能|可以)|好久(就|才)(能|可以)")
"""Asking at which time something applies (预缴的时候就能享受不 还是要等汇算清缴), not whether we qualify."""
_WHEN_PART = f"section:{WHEN}"


def conclude(t: Turn, msg: Message) -> Act | None:
    """直接给个结论 / 就这些，行不行: the verdict now, on what is known."""
    current = t.kn.topics.get(t.state.get("topic") or "")
    if current and t.state.get(NOTHING_TO_CHECK) == current.id and says(msg.norm, t.kn, "conclude"):
        return Act(current.id, topic=current.id, check=True)  # “直接说结论” on a policy with nothing to check
    if not _checkable(t):
        return None
    if _asks_person(t, msg):
        return None  # “能不能转个人工 我想直接问”: a person asked for, not the verdict
    if says(msg.norm, t.kn, "correction") and any(c in msg.norm for c in _WRONG) and t.profile:
        return None  # “不对 负债率我看错了 是八十左右 那还行不行”: the correction, then the verdict
    last = last_clause(msg)
    if last.norm != msg.norm and len(last.norm) <= CONTROL_CHARS and says(last.norm, t.kn, "resume"):
        return None  # “单项冠军我们够不到 接着前面小巨人的”: back to the check, not its verdict
    if supposes(msg.text) and not _VERDICT_NOUN.search(msg.norm):
        return None  # “我们上了规上以后就得行了噻”: a case supposed, a question on the topic, not the verdict now
    if _opens_an_answer(t, msg):
        return None  # “那就是新能源车电机壳体那块 占总收入七成五左右”: 那就是 introduces the answer
    if current and _WHICH_TIME.search(msg.norm) and section_asked(t, current, msg.text, cues_only=True) == _WHEN_PART:
        return None  # “下回预缴的时候就能享受不 还是要等汇算清缴”: when it applies, not whether
    if (
        len(msg.norm) <= CONTROL_CHARS
        and says(msg.norm, t.kn, "missing")
        and not _VERDICT_NOUN.search(msg.norm)
        and not (_STRAIGHT.search(msg.norm) and _falls_short(t))
        and not (_SUCCESS_A_NOT_A.search(msg.norm) and not quantities(msg.norm))
    ):
        # “要咋个搞才得行” asks what is missing (“先说结论 差在哪里”, “够不够 差好多” the verdict, which lists it;
        # “差好多 研发两百万够不够” asks about that figure)
        return None
    if (
        (_means(msg, in_check=t.flow is not None) and not _closes_asking(t, msg, last))
        or _counts_as(t, msg)
        or _WHY_NOT.search(msg.norm)
        or _thing_counts(t, msg)
    ) and not _VERDICT_NOUN.search(msg.norm):
        return None  # “一类知识产权是指啥子 发明专利算不算”: what a condition's word means
    if t.flow is not None and _go_ahead(t, msg.norm) and not says(msg.norm, t.kn, "conclude"):
        return None  # “可以 测一下” with the check under way: ask on, no verdict yet
    asked_on = t.flow is not None and _asked_on(t, msg)
    if (
        t.flow is not None
        and (not _known_of_check(t) or asked_on)
        and wants_check(t, msg.norm)
        and (not says(msg.norm, t.kn, "conclude") or asked_on)
        and (len(msg.norm) <= CONTROL_CHARS or asked_on)
        and t.match(msg.text)[1].intent in (None, t.flow.get("topic"))
        and (not _asks_outcome(t, msg) or _CHECK_FOR_US_SAID.search(msg.norm))
    ):
        # “帮我对一下条件”, “那帮我们对一下嘛 看够不够” before anything is known: the check, asked on (no verdict of
        # twelve unknowns); without a yes before it, a request for the check (with one, the offer taken up). So is
        # “帮我们核一下到底能不能享受100%那个” with most conditions still to ask
        if _LEADING_YES.match(msg.norm):
            return Act(acts.ANSWER, check=True, values=t.facts(msg.text))  # (the variant it names: 100%那个)
        return Act(str(t.flow["topic"]), topic=str(t.flow["topic"]), check=True)
    bare = _LEAD_ACK.sub("", msg.norm) in _BARE_CONCLUDE and _checking(t)  # “结果”, “OK 结果” alone, in a check
    asked = bare or says(msg.norm, t.kn, "conclude") or (t.flow is not None and wants_check(t, msg.norm))
    asked = asked or _asks_outcome(t, msg) or (_checking(t) and bool(_NOW_IT_DOES.search(msg.norm)))
    asked = asked or _outcome_then_aside(t, msg)
    if not asked and _checking(t) and last.norm != msg.norm and t.facts(msg.text):
        # “没出过事故 产品也不是淘汰类的 这下能报了噻”: the facts, then the verdict (not “…能不能一起报”, a question)
        unnamed = _unnamed(t, last.norm)
        asked = bool(_NOW_IT_DOES.search(unnamed) or _THEN_IT_DOES.search(unnamed)) or says(last.norm, t.kn, "conclude")
    if not asked or (not _checking(t) and wants_check(t, msg.norm) and not _known_of_check(t)):
        return None  # nothing known yet: “我们到底能不能申请” starts the check (a figure calculated with is no answer)
    _c, decision = t.match(msg.text)
    current = t.check_topic
    other = (
        decision.intent
        and decision.intent != current
        and t.kn.topics[decision.intent].kind == "policy"
        and names_topic(t, msg, decision, decision.intent)  # (结论是什么 only resembles 智造重镇是什么)
    )
    values = t.facts(msg.text)
    pending = t.flow.get("pending") if t.flow else None
    stated = _SUCCESS_A_NOT_A.sub("", msg.norm)  # (得不得行 asks; it answers nothing)
    hopeless = _NO_HOPE.search(msg.norm) or _NOTHING_MORE.search(msg.norm)  # (是不是没得戏了, 没有了的话…: no 否)
    hopeless = hopeless or _VERDICT_OR_NOT.search(msg.norm)  # (能下结论没得: its 没得 asks, it is no 否)
    asked_for = without(stated, words(t.kn)["outcome"] | words(t.kn)["conclude"], " ")
    rest = _ASKING_FILLERS.sub("", asked_for.replace(" ", ""))
    if (
        pending in t.kn.criteria
        and pending not in values
        and len(rest) >= 2  # (那到底得不得行嘛, 那这样够了噻: nothing but the request, no answer to the question)
        and not _ACKNOWLEDGED.fullmatch(rest)  # (可以了吧 给个结论: 可以 is no 是 to the question)
        and not hopeless
    ):
        # (够没得: its 没得 answers nothing; 所以算符合吗: its 符合 asks for the verdict, it is no 是)
        said = msg if asked_for == msg.norm else Message(asked_for, asked_for)
        value = answer_value(t, said, t.kn.criteria[pending])  # “专精特新还没评 直接报得不得行”
        if value is True and t.kn.criteria[pending].assume is False and _ACKNOWLEDGED.match(said.norm.lstrip()):
            value = None  # asked 近三年是否出过重大事故, told “OK 那我们能不能报”: an opening OK admits nothing
        if value is True and values and yes_only_by_lead(t, said, t.kn.criteria[pending], values):
            value = None  # “好的 帮我们看一下 我们在渝北注册…”: 好的 takes the check in, it is no 是
        if value is False and values and no_only_of_others(t, said, t.kn.criteria[pending], values):
            value = None  # asked 是否属于中小企业, told “莫得失信莫得事故 够了吧”: its 莫得 denies those
        owned = t.kn.criteria[pending].type == "number" and all_owned(t, msg, values)
        if value is not None and not owned:  # (“高新收入七成 …” is no answer to the share of technicians)
            values[pending] = value
    if other and (t.flow or {}).get("kind") == flows.QUESTIONNAIRE and not says(msg.norm, t.kn, "conclude"):
        return None  # “首版次软件那个 …能报不” during “which policies suit us”: that policy's check, asked for
    if other and all(t.kn.criteria[c].presume is not None for c in values) and not _this_checks(t, msg, decision, last):
        # “那高企呢 够不够”: a check on another topic (with figures or an answer, it is still this one); so is
        # “小巨人我们直接报可以不”, whose 直接报 only says which kind of that policy is asked about
        return None
    if (
        _WHAT_ABOUT.match(msg.norm)
        and not _VERDICT_NOUN.search(msg.norm)  # (“那结论呢 能按120不”: the verdict, of that kind)
        and any(t.kn.criteria[c].presume is not None and t.profile.get(c) != v for c, v in values.items())
    ):
        return None  # “那国家级的单项冠军呢 有没得戏”: the other variant, asked about (a follow-up)
    if (
        values
        and all(t.kn.criteria[c].this_turn_only for c in values)
        and (HEARSAY.search(msg.norm) or _COUNTS_AS.search(msg.norm))
        and not bare
        and not says(msg.norm, t.kn, "conclude")
        and not _VERDICT_NOUN.search(msg.norm)
    ):
        return None  # “听说有的能按120% 我们得行不”: a rate heard of, what it asks of us (not a verdict of it)
    return Act(acts.ANSWER, conclude=True, values=values)


def _heard_of_here(t: Turn, topic: Topic, msg: Message, ours_too: bool = False) -> bool:
    """Whether the message tells a threshold heard of in words of ``topic``'s conditions (听说…营收可以降到两个亿).

    ``ours_too``: a figure of ours may stand beside it (the message asks whether we meet the rule heard of).
    """
    return heard_rule(msg.text, ours_too) and _of_conditions(t, topic, msg, in_scope=True)


def _of_conditions(t: Turn, topic: Topic, msg: Message, in_scope: bool) -> bool:
    """Whether the message names one of the topic's conditions, by a criterion's word or (in scope) the topic's."""
    own = set(checklist_criteria(t.kn, topic.id) or {})
    if named_criteria(t, msg, MIN_KEYWORD if in_scope else LONG_KEYWORD) & own:
        return True  # (out of scope by another world's word, 售后: only a long word of the condition, 科技人员)
    inside, _pairs = pairs_in_topic(t, topic, msg)
    return in_scope and inside >= MIN_INSIDE


MIN_KEYWORD = 2
LONG_KEYWORD = 3
_GENERIC_GRAMS = frozenset(
    {
        "是否",
        "企业",
        "贵企",
        "是不",
        "不是",
        "有没",
        "没有",
        "多少",
        "上年",
        "年度",
        "我们",
        "公司",
        "属于",
        "是什",
        "什么",
    }
)
"""Character pairs any question of a check holds: sharing them says nothing of which condition is meant."""


def _asked_on(t: Turn, msg: Message) -> bool:
    """Whether the message asks for the check itself while fewer than half its conditions are known.

    “帮我们核一下到底能不能享受”: the questions asked on, not a verdict of unknowns (not with 结论 or 结果 said).
    """
    if not _CHECK_FOR_US_SAID.search(msg.norm) or _VERDICT_NOUN.search(msg.norm):
        return False
    own = _check_criteria(t) or {}
    return bool(own) and 2 * len(t.profile.keys() & own.keys()) < len(own)


def _check_criteria(t: Turn) -> dict[str, Criterion] | None:
    """The criteria of the check the conversation is on, in force today (None without one)."""
    current = t.check_topic
    return checklist_criteria(t.kn, str(current), t.day) if current in t.kn.topics else None


def _known_of_check(t: Turn) -> bool:
    """Whether anything is known of the conditions of the check the conversation is on (not only of a calculation)."""
    own = _check_criteria(t)
    if own is None:
        return bool(t.profile)
    calculator = t.kn.topics[str(t.check_topic)].calculator
    return bool(t.profile.keys() & (own.keys() - set(calculator.inputs if calculator else ())))


def _opens_an_answer(t: Turn, msg: Message) -> bool:
    """Whether a verdict word opening the message (那就是) only introduces a figure or fact said plainly after it."""
    lead = max((w for w in words(t.kn)["conclude"] if msg.norm.startswith(w)), key=len, default="")
    rest = msg.norm[len(lead) :]
    stated = any(q.unit for q in quantities(rest)) or bool(t.facts(msg.text))  # (那就是全部在境内 对头)
    first = clauses(msg.text)[0] if msg.text.strip() else ""
    # (“那就是 全部是我们自己团队写的 登记也只有我们一家”: 那就是 on its own, then what it is, said at length)
    stated = stated or (normalize(first) == lead and len(rest) >= LONG_ANSWER_CHARS and not asks(t, msg))
    return bool(lead) and len(rest) >= ANSWER_AFTER_CHARS and stated and not _OUTCOME_OR_ASKED.search(rest)


ANSWER_AFTER_CHARS = 4
LONG_ANSWER_CHARS = 8
_OUTCOME_OR_ASKED = re.compile(r"[不没吗嘛呢?？够行差]|可以|符合")


_COUNTS_AS = re.compile(r"算不算|算得到不|算不算是|能不能算|可不可以算")
_THING_OK = re.compile(r"^(?:那|那么)?([^，|]{0,8}的[^，|]{0,6}?)(?:不得行|不行|可以|能行|得行)(?:吗|嘛|哇|迈)$")
"""Whether a thing will do (外购的著作权不得行吗, 定制的不行吗): of the thing named before it, not of us."""
_THING_COUNTS = re.compile(
    rf"^(?:那|那么)?(.{{1,10}}?的?)(?:{_COUNTS_AS.pattern})(?:[那这]个|[那这]一?类|[那这]种)?(?:八大|高新技术|高新|重点)?"
    r"(?:领域|范围|类别|行业|里面|研发|研发费用|研发活动|科技人员|主营)?(?:嘛|哦|呢|啊|喃|噻)?$"
)
_OURSELVES = re.compile(r"我|咱|公司|这样|这种|这个情况|现在|这下|目前|都")
THING_CHARS = 16
"""A clause this short before a bare “算不算研发” may be the thing asked about."""


def _thing_counts(t: Turn, msg: Message) -> bool:
    """Whether the message asks if a thing just spoken of counts (相近的算不算嘛), not if we qualify (我们算不算)."""
    # (人才计划是啥要求 区县级的算不算: its last clause; 批发算不算 我们也有工厂的噻: its first)
    said = clauses(msg.text)
    found = _THING_COUNTS.match(last_clause(msg).norm) or _THING_COUNTS.match(normalize(said[0]))
    found = found or _THING_OK.match(msg.norm)
    thing = found[1] if found else None
    last = normalize(said[-1])
    if thing is None and len(said) > 1 and _THING_COUNTS.match("这" + last) and not _COUNTS_AS.fullmatch(last):
        thing = normalize(said[-2])  # (在搞一个新款电动扳手 | 算不算研发: the thing, the clause before)
        thing = thing if len(thing) <= THING_CHARS else None
    if thing is None or _OURSELVES.search(thing):
        return False
    return not any(n in thing for ns in topic_names(t).values() for n in ns)  # (加计扣除能不能算: the policy)


def _counts_as(t: Turn, msg: Message) -> bool:
    """Whether the message asks if something counts as a word of the check's conditions (调试的师傅算不算科技人员)."""
    found = _COUNTS_AS.search(msg.norm)
    checked = t.flow.get("topic") if t.flow else t.check_topic  # (after its verdict too)
    if found is None or checked not in t.kn.topics:
        return False
    after = Message(msg.norm[found.end() :], msg.norm[found.end() :])
    own = set(checklist_criteria(t.kn, str(checked)) or {})
    return bool(named_criteria(t, after, LONG_KEYWORD) & own)


def _of_pending(msg: Message, crit: Criterion) -> bool:
    """Whether the message shares a word with the pending question or its label (目录 of 指导目录所列范围)."""
    own = (render.bigrams(normalize(crit.question)) | render.bigrams(normalize(crit.label))) - _GENERIC_GRAMS
    return bool(render.bigrams(msg.norm) & own)


MIN_INSIDE = 2
"""Word pairs of the topic's text a question of meaning needs to be about the topic (I类知识产权是啥)."""


def _this_checks(t: Turn, msg: Message, decision: Any, last: Message) -> bool:
    """Whether a verdict request naming another topic, one with nothing to check, asks this check's verdict.

    So it does when the topic is named only by a word of a condition of this check (知识产权这块我要问下技术部
    你先说够不够嘛), or in a fact said before a closing clause that asks the verdict (专利是跟高校合作的 … 能不能
    先给个结论). “那高企呢 够不够” asks another's.
    """
    topic = t.kn.topics.get(str(t.check_topic or ""))
    version = checklist.version_in_force(topic, t.day) if topic else None
    if version is None or _WHAT_ABOUT.match(msg.norm) or t.kn.topics[decision.intent].checklist:
        return False  # (a title held first, 那小巨人我们有没得希望: that policy's own check)
    if last.norm != msg.norm and says(last.norm, t.kn, "conclude") and t.match(last.text)[1].intent is None:
        return True
    named = [str(c.via).partition(":")[2] for c in decision.top if c.intent == decision.intent]
    labels = normalize("|".join(item.label for item in version.items))
    return bool(named) and all(w and _THIS_PART.sub("", normalize(w)) in labels for w in named)


_THIS_PART = re.compile(r"(这块|这个|这一块|那块|那一块|这方面|方面|的事)$")
"""After a word, only pointing at it (知识产权这块): the word is what names."""


def _closes_asking(t: Turn, msg: Message, last: Message) -> bool:
    """Whether the message ends in a clause of its own asking the verdict (…不晓得咋个算 你先说能不能申)."""
    return (
        last.norm != msg.norm
        and bool(_ASKING_VERDICT.search(last.norm) or ASKED_A_NOT_A.search(last.norm))
        and says(last.norm, t.kn, "conclude")
        and not _means(last, in_check=True)
    )


_ASKING_VERDICT = re.compile(r"说|讲|告诉|给|判断|结论")
"""Words of a clause asking for the verdict (as a question by its shape does), not stating it (就不得行了嗦)."""


def _means(msg: Message, in_check: bool = False) -> bool:
    """Whether a clause of the message asks what a word means or how a figure is counted.

    ``in_check``: during a check, “X是啥子”, “啥子叫X”, “是必须的哇” and “看哪一年的” ask about a condition too
    (outside one, “研发准备金是啥子” asks about the policy itself).
    """
    meaning = (_MEANING, _MEANING_IN_CHECK) if in_check else (_MEANING,)
    return any(m.search(clause) for clause in map(normalize, _TEXT_CLAUSES.split(msg.text)) for m in meaning)


_TEXT_CLAUSES = re.compile(r"[\s，,。？?！!；;]+")
_MEANING_IN_CHECK = re.compile(
    r"(?<!不)是啥子|(?<!不)是什么|啥子叫|什么叫|啥叫|是必须的|必须的吗|必须要吗|没得变通|能不能变通|看哪一年|算哪一年|还是只算|算全部"
    r"|算什么行业|算啥子行业|要咋个证明|怎么证明|咋个证明|[在去到]哪[里儿]?查|是多少"
    r"|(算|指|包括|包含|含)(哪些|哪几种|哪几类|哪种)(人|费用|收入|东西)?$"  # 科技人员算哪些人
)
"""Within a check, more ways to ask what a condition means, demands or counts (辅助账是啥子, 独立法人是必须的哇);
not 不是啥子淘汰类的, which denies."""
_MEANING = re.compile(
    r"是指|指的是|指啥|什么意思|啥意思|啥子意思|是什么东西|是啥东西|怎么理解|咋个理解|是啥$|是什么$"
    r"|(是|要)?(咋个|怎么|如何)(算|认定|比|计算|统计)"
    r"|硬性|硬杠|硬指标|通融|有弹性|有没有弹性"  # 面积这条是硬性的迈: how strict a condition is
)
"""What a word means: a question on a condition, never the verdict."""


def _asks_outcome(t: Turn, msg: Message) -> bool:
    """During a check, a question about the result in the user's own words: 算下来合不合格, 你看能判不, 综合起来咋样.

    Only when it answers nothing, asks no part of the topic and no “why” (为啥不得行 asks what is missing).
    """
    flow = t.flow or flows.referred(t, topic_check=False)  # under way, parked, or just concluded (再说一遍结果)
    if flow is None or flow.get("kind") != flows.CHECKLIST:
        return False
    said = says(_PROCEDURES.sub("|", msg.norm), t.kn, "outcome") or _SUCCESS_A_NOT_A.search(msg.norm)
    if not (said or _CANNOT_GET.search(msg.norm)):
        return False
    if t.flow is None and flow.get("topic") != t.state.get("topic"):
        return False  # a check of a topic the conversation has left
    if _ASKS_A_PART.search(msg.norm) or _length(msg.norm) > OUTCOME_CHARS or about_us(t, msg, anywhere=True):
        return False
    asked = asks_in_a_clause(t, msg) or bool(_SUCCESS_A_NOT_A.search(msg.norm))  # (满足没得: by its shape)
    if not (asked or _ORDER.search(msg.norm) or _CONFIRMS.search(msg.norm)):
        return False
    if t.match(msg.text)[1].reason == "out_of_scope":
        return False  # (专精特新ETF能不能买: another world's question)
    crit = t.kn.criteria.get(str(flow.get("pending") or "")) if t.flow else None
    only_asks = not _SUCCESS_A_NOT_A.sub("", msg.norm).strip(_PARTICLES)  # (够没有嘛: its 没有 is no answer)
    if crit is not None and crit.type != "bool" and not only_asks and answer_value(t, msg, crit) is not None:
        return False
    if _VERDICT_NOUN.search(msg.norm):
        return True  # (最后结果咋个说: the result is asked, whatever 咋个说 cues)
    part = section_asked(t, t.kn.topics[flow["topic"]], msg.text, cues_only=True)
    return part is None or part in _CHECK_PARTS  # (我们这条件 批得下来不: the conditions are what the check is)


_PAST_RULE = re.compile(r"以前|原来|老标准|旧标准|之前|往年")


def _outcome_then_aside(t: Turn, msg: Message) -> bool:
    """“那我们到底符合不 行的话我去跟老板说”: the result asked first, then what the user will do, which asks nothing."""
    said = clauses(msg.text)
    if len(said) < 2 or _PAST_RULE.search(msg.norm) or not _asks_outcome(t, Message(said[0], normalize(said[0]))):
        return False  # (not “以前不是一千万就可以吗 按老标准我们是够的撒”: the old rule, argued)
    if t.match(said[0])[1].intent not in (None, t.state.get("topic")):
        return False  # (“我们企业总的还能享受啥子政策 帮我匹配一下”: which policies, another question)
    rest = " ".join(said[1:])
    norm = normalize(rest)
    if asks_in_a_clause(t, Message(rest, norm)) or t.facts(rest) or norm.startswith("还是"):
        return False
    # (not “重庆市级的单项冠军我们够不够 帮我看下”: the check asked; nor “…按老标准我们是够的撒”: a claim)
    return not (wants_check(t, norm) or says(norm, t.kn, "outcome") or says(norm, t.kn, "conclude"))


_PROCEDURES = re.compile(r"资格(审定|认定|复核|有效期)")
"""Steps named with an outcome's word (资格审定 holds 资格): a procedure asked about, not the verdict."""


def _length(norm: str) -> int:
    """Characters as a reader counts them: an English word is one (so do we qualify = 4)."""
    return len(_ENGLISH_WORD.sub("a", norm))


_ENGLISH_WORD = re.compile(r"[a-z]+")
_CONFIRMS = re.compile(r"呢|[噻撒吧嘛哈哦]$|还是不|还是没")
"""现在呢, 能报了噻, 申不到哦: asking the bot to confirm, without a question mark."""
_CANNOT_GET = re.compile(r"[申报评拿扣批享选认][不没](到|上|了|成|起|下来)")
"""申不到, 评不上, 报不了: whether it is out of reach, asked in the negative (那意思是现在也申不到哦)."""
_VERDICT_OR_NOT = re.compile(r"(结论|结果|定论|说法|准话)(没得|没有|莫得|没|不)$")
"""A request for the verdict that ends by asking “or not” (能下结论没得): its 没得 answers nothing."""
_VERDICT_NOUN = re.compile(r"结果|结论|定论|准话|判断")
"""Words that ask for the verdict itself (先说结论 差在哪里), not only for what is missing (还差啥子 你直接说)."""
_CHECK_PARTS = ("section:申报条件", "section:适用对象", "checklist")


_NOTHING_MORE = re.compile(r"(没有|没得|莫得|没)了|没别的|没其他")
"""Nothing more to tell (没有了的话给个结论嘛): no answer to the question pending."""
_ASKING_FILLERS = re.compile(r"是不是|那么|那|到底|究竟|现在|这下|了|嘛|吗|呢|哦|噻|啊|说句话")
"""Words around a request for the verdict that answer nothing (那到底…嘛)."""
_ACK_WORDS = "ok|好的|好|行|可以|要得"
"""Words that only acknowledge (longest first where one opens another: 好的 before 好)."""
_ACKNOWLEDGED = re.compile(rf"({_ACK_WORDS})(吧|的)?")
"""What is left of a request for the verdict that only acknowledges (可以了吧 给个结论): no answer to the question
(对 and 是 still answer it: “对 直接给结论” is a yes)."""
_NO_HOPE = re.compile(r"(没得|莫得|没有|没)(戏|搞头|搞|希望|指望)|不行|不得行|行还是不行")
"""Asking whether it is hopeless (是不是没得戏了, 那是不是就不得行了): a request for the verdict, no 否 to the question
pending."""
_ASK_PARTICLES = "嘛哦呢啊噻吧哈撒"
"""Particles that may close a question (够没有嘛)."""
_SUCCESS_A_NOT_A = re.compile(
    rf"([能行成过够达算得可符批上评报申拿扣认享选通])[不没]\1|[够行成过到足合](了)?(没得|没有|没)[{_ASK_PARTICLES}]*$"
    rf"|(能|可以)[认评报申批过拿享扣选]{{1,2}}(得|上)?不[{_ASK_PARTICLES}]*$"
)
"""能不能 / 成不成 / 过没过 / 够没得 / 能认不 …: whether it works out, in any words (一锤子定音 能不能扣)."""
_PARTICLES = f"那{_ASK_PARTICLES}了"
"""What may stand around a bare A-not-A request (那够没有嘛)."""
OUTCOME_CHARS = 16
"""A longer message with a result word is more likely a question of its own than a request for the verdict."""
_ASKS_A_PART = re.compile(r"为啥|为什么|为何|咋个会|怎么会|卡在|好多|多少|几|比例|好久|啥时候|什么时候|哪")
"""Asks why, how much, when or where: a part of the topic, not the verdict (能拿好多, 为啥子不行)."""
_CHECK_FOR_US_SAID = re.compile(r"(帮我们|帮我|帮忙|麻烦|给我们)(对|核|测|查|看)(?!过)")
"""A request to be checked, in it (帮我们对一下嘛 看够不够): the check, whatever result word follows (not 帮我们对过:
someone did)."""
_APPLYING = "(直接)?(报|申请|申报|评|享受)"
_CLOSING = "(噻|吧|嘛|哈|撒|不|没|吗|哇)*$"
"""The parts the two patterns below share: applying (directly), and the particles that close the question."""
_NOW_IT_DOES = re.compile(
    rf"^(所以|那|那么)?(这下|现在|这样|这回|那就)(就|总)?(能|可以|得行|够|行|符合){_APPLYING}?[^了不没吗]{{0,4}}了?"
    + _CLOSING
)
"""The last clause after facts, asking if they make it now (这下能报了噻, 现在可以申请了不)."""
_THEN_IT_DOES = re.compile(rf"^(所以)?那(就)?(能|可以){_APPLYING}了?{_CLOSING}")
"""…or, after facts only, 那可以报了不: those facts, then whether they make it."""


def _unnamed(t: Turn, norm: str) -> str:
    """``norm`` without the names of the topic checked (这样能直接报小巨人不 → 这样能直接报不)."""
    return without(norm, frozenset(topic_names(t).get(str(t.check_topic or ""), [])), "")


_ORDER = re.compile(r"判|说结果|给个?结果|出结果|下个?定论|结果给|结果发|给我?个?准话|说下结果|给个?说法")
"""Imperatives that ask for the result without a question word (好 判吧, 出结果嘛)."""

_STRAIGHT = re.compile(r"直接(说|讲|告诉)|准话|一句话")
"""Asking to be told straight (差好多 直接说得行不) once a condition is unmet: the verdict, which lists the gap too."""

_BARE_CONCLUDE = frozenset({"结果", "结论", "结果嘞", "结果咧", "然后呢", "所以呢"})
_LEAD_ACK = re.compile(rf"^(({_ACK_WORDS})(了|啦)?|嗯)")
"""An acknowledgement before a bare request for the result (OK 结果, 行了 结果)."""


def missing(t: Turn, msg: Message) -> Act | None:
    """还缺啥 / 差多少: what is still unmet or unknown."""
    if not _checkable(t):
        return None
    if _WHY_NOT.match(msg.norm) and flows.referred(t, topic_check=False) is not None:
        return Act(acts.FOLLOWUP, part="missing")  # “为啥子不得行 我们也有搞研发的嘛”: what is unmet, and why
    if _ENOUGH_AT.search(msg.norm) and len(msg.norm) <= CONTROL_CHARS and _falls_short(t):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “那研发要到好多才够”: the gap, with the amount
    if _A_BIT_SHORT.search(msg.norm) and len(msg.norm) <= CONTROL_CHARS and _falls_short(t):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “差一点点也不行嗦”: the gap and the bar again
    if not says(msg.norm, t.kn, "missing") or len(msg.norm) > CONTROL_CHARS or DIFFERENCE.search(msg.norm):
        return None  # (“综合类和行业类门槛差在哪”: how two things differ, not what we lack)
    if says(msg.norm, t.kn, "resume"):
        return None  # “回到首版次 还有啥没问的”, “继续 还要问啥”: on with the check, which asks what it has not
    if wants_check(t, msg.norm) and flows.referred(t, topic_check=False) is None:
        return None  # “核一下嘛 看我们差好多” before any check: the check, which finds the gaps
    if wants_check(t, msg.norm) and t.flow is not None and t.flow.get("asked", 0) <= 1 and not _figures_known(t):
        return Act(acts.ANSWER, check=True)  # (the check just begun, no figure told: on with its first question)
    return Act(acts.FOLLOWUP, part="missing")


_FAR_SHORT = re.compile(r"差(好远|得远|多远|好多|多少|几多|得多)|够得(到|上|着)|够不(到|上|着)")
"""How far short we fall of a kind of the topic (国家级的我们是不是差好远), asked inside its check."""
_EXCLUDED_PART = "section:不适用情形"
"""The part that lists who is left out (负面清单是啥子: the industries, not the condition naming them)."""
_A_BIT_SHORT = re.compile(r"差(一|那么)?(点点?|丁点|些)(儿)?(也|都|就)(不|没)(行|得行|够|可以|算|得)")
"""Whether falling a little short still fails (差一点点也不行嗦): asked after a verdict that found a gap."""


def _figures_known(t: Turn) -> bool:
    """Whether a figure the check under way asks about is known (营收, 研发费用 …), not only a title or a yes."""
    own = checklist_criteria(t.kn, str(t.check_topic), t.day) or {}
    return any(c in own and own[c].type == "number" for c in t.profile)


def fees(t: Turn, msg: Message) -> Act | None:
    """要交钱吗, 有个中介说三万块包过 靠谱不: on the topic talked of, what its texts say of fees and agents.

    A question with no facts of ours (中介帮我们估了下创新能力评价 七十八分 is an answer).
    """
    topic = t.kn.topics.get(str(t.check_topic or t.state.get("topic") or ""))
    if topic is None or topic.kind != "policy" or not says(msg.norm, t.kn, "fees"):
        return None
    if not (asks(t, msg) or _TRUSTED.search(msg.norm)) or t.facts(msg.text, anywhere=True):
        return None
    if section_asked(t, topic, msg.text, cues_only=True):
        return None  # (中介说能包过 正规申报走什么流程: the part asked)
    _c, decision = t.match(msg.text)
    # (首台套申报要交钱吗: that topic's question; 中介的发票…交个税不: another world's; 有没有人用过: the group's)
    if decision.intent not in (None, topic.id) or decision.reason == "out_of_scope" or _OF_OTHERS.search(msg.norm):
        return None
    return Act(acts.FOLLOWUP, topic=topic.id, part="fees")


_TRUSTED = re.compile(r"靠谱|可信|信得过|真的假的|是真的|骗")
"""Whether an agent's offer can be trusted (包过 靠谱不): a question, whatever its shape."""
_OF_OTHERS = re.compile(r"有没有人|有没得人|有人用过|谁用过|哪个用过")
"""A question put to the others in a chat (有没有人用过那种代办的), not to the bot."""


_ENOUGH_AT = re.compile(
    r"(要|得|需要)(到|达到|花|投|做|搞|有)?(好多|多少)[^，|]{0,4}?(才够|才行|才得行|才达标|才能|够得到|才达得到)"
)
"""How much would be enough (要到好多才够, 要花好多研发才够得到): after a check found something unmet, its gap."""


def _falls_short(t: Turn) -> bool:
    """Whether the check referred to has a condition unmet on what is known."""
    flow = flows.referred(t, topic_check=False)
    found = flows.judged(t, flow) if flow else None
    return bool(found and found[2].unmet)


_WHY_NOT = re.compile(
    r"^(那|但是|可是)?(为啥子?|为什么|为何|咋个会|怎么会|凭啥子?|凭什么)(就|会|又)?"
    r"(不得行|不行|不符合|不够|不能|没戏|评不上|过不了|享受不了)"
)
"""A question opening with why the result is no (为啥子不得行 …): what is unmet, with the clause."""


def correction(t: Turn, msg: Message) -> Act | None:
    """说错了 / 不对，应该是…: an earlier answer changes (not “查账征收吧 应该是”: 应该是 at the end hedges)."""
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
        return Act(acts.ANSWER, values=unsure, conclude=t.flow is None)  # the verdict, the verdict again)
    if msg.norm.endswith(_HEDGING_ENDS) and not any(
        w in msg.norm for w in words(t.kn)["correction"] if not w.startswith("应该")
    ):
        return None
    opens = msg.norm.startswith(CORRECTION_OPENINGS) and bool(quantities(msg.norm))  # “不对 研发是九百五十万”
    # “前面那个五千五是合并报表的 我们申报主体自己只有四千万”: a figure said before, referred back to, replaced
    # “前年不是五百 查了下账是六百万”: the figure recorded, denied, and the one that replaces it
    replaced = _replaced(t, msg)
    refers = bool(_REFERS_BACK.search(msg.norm) or _NOT_THAT_FIGURE.search(msg.norm)) and bool(replaced)
    if not (says(msg.norm, t.kn, "correction") or (opens and t.profile) or refers or _restated(t, msg, replaced)):
        return None
    said_wrong = any(w in msg.norm for w in words(t.kn)["correction"] if any(c in w for c in _WRONG))
    if (asks(t, msg) or supposes(msg.text)) and not said_wrong:
        # “那改成查账征收以后 要留存啥资料”, “那改成查账征收以后就可以了嘛”: the new premise, not a correction
        return None
    values = dict(replaced) or _of_the_other_year(t, msg)
    if values:  # “刚才那个5%说错了 … 实际是2.5% 全部在国内”: the figure replaced, and the new facts beside it
        stated = t.facts(msg.text)
        # (“那十五六个包括车间的技术工人 真正搞研发的就十个左右 总人数是一百三”: each new figure where its words
        # put it — 10 the 科技人员's, 130 the 职工's — not the last figure to the one recorded)
        if replaced:
            values = {
                c: stated[c] if stated.get(c, t.profile.get(c)) != t.profile.get(c) else v for c, v in values.items()
            }
        values |= {
            c: v
            for c, v in stated.items()
            if c not in values and (c not in t.profile or (t.profile[c] != v and _near(t.profile[c], v)))
        }  # (a figure recorded beside it changes only to one near it: not 职工 180 → “22个里头有7个…” 7)
    if not values and _CALENDAR_YEAR.search(msg.norm):
        values = _years_again(t, msg)  # “刚才24年说错了 是七百万 六百是23年的”: the year named, not the last figure
    values = values or _retarget(t, msg, _changed_facts(t, msg)) or keyword_figure(t, msg)
    if values:  # “前年是130万 我看错了 前年营收三千八百万”: a bare yearly figure beside a named one
        known = {v for v in (*values.values(), *t.profile.values()) if isinstance(v, float)}
        for clause in clauses(msg.text):
            said = [q.value for q in quantities(normalize(clause))]
            # (not “2000万是前年的 去年是2800万”: the figures recorded and replaced, already read)
            if said and not t.facts(clause) and not any(abs(x - v) < 1e-6 for x in said for v in known):
                said_clause = Message(clause, normalize(clause))
                bare = _years_again(t, said_clause) or _words_shared(t, said_clause)
                values |= {c: v for c, v in bare.items() if c not in values}
    if not values:
        values = _years_again(t, msg) or _reanswer(t, msg)
    # “看错表了 前年650万 去年720万 加起来1370万”: the total corrected, and the two years that add up to it
    values |= {c: v for c, v in _parts_of_total(t, msg, values).items() if c not in values}
    values |= {c: UNKNOWN for c in _redated(t, msg) if c not in values}
    if not values and not t.state.get("answered") and not t.profile:
        return None
    wrong_opening = opens and msg.norm.startswith(_WRONG)  # (“不对 刚问了财务经理 …”; not “不是给哪家定制的 …”)
    changes = any(c in t.profile and t.profile[c] != v for c, v in values.items())
    if values and not said_wrong and not wrong_opening and not changes:
        return None  # “以前核定征收 今年改成查账征收了”: news, nothing said before changes (or it is said again)
    asked = says(msg.norm, t.kn, "conclude") or wants_check(t, msg.norm) or _asks_outcome(t, msg)
    return Act(acts.CORRECTION, values=values, conclude=asked)  # (“…是八十左右 那还行不行”: the verdict again)


_FIGURE_AHEAD = r"(?=\d|[一二两三四五六七八九十](?!样))"
"""A figure comes next (五千五, 500; not 一样)."""
_REFERS_BACK = re.compile(r"(前面|刚才|之前|前头|先前)(那个|说的|讲的)" + _FIGURE_AHEAD)
"""Words that point back at an earlier answer (前面那个五千五): with a figure that replaces it, a correction."""
_NOT_THAT_FIGURE = re.compile(r"不是" + _FIGURE_AHEAD)
"""A figure denied (前年不是五百): if it is one recorded, the figure said with it replaces it."""
_HEDGING_ENDS = ("应该是", "应该是的", "应该是吧", "应该")
"""At the end of a message, 应该是 hedges what was said; it corrects nothing."""
_WRONG = ("错", "不对", "混", "反", "岔", "口误")
"""Correction words that say something was wrong (说错了); 改成 / 应该是 alone may open a question."""


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
    return {c: UNKNOWN for c in t.facts(before)}


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
        later = t.facts(" ".join(said[start:]))
        if any(c in t.profile and t.profile[c] != v for c, v in later.items()):
            return later
    return facts


def _replaced(t: Turn, msg: Message) -> dict[str, Any]:
    """“刚才那个5%说错了 … 实际是2.5%”: the figure said before names the answer, the one after replaces it."""
    found = quantities(msg.norm)
    for i, q in enumerate(found):
        for cid, old in t.profile.items():
            crit = t.kn.criteria.get(cid)
            if crit is None or crit.type != "number" or number_value(q, crit.unit or "", t.day) != old:
                continue
            later = [v for r in found[i + 1 :] if (v := number_value(r, crit.unit or "", t.day)) is not None]
            if _DENIED_FIGURE.search(msg.norm, 0, q.start) or _SUBJECT_AFTER.match(msg.norm, q.end):
                # “是六百万 不是五百万 前年…”, “是二十八个 十八个是研发部的”: the one before it
                later = [v for r in found[:i] if (v := number_value(r, crit.unit or "", t.day)) is not None] or later
            if later and later[-1] != old:
                return {cid: later[-1]}
    return {}


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
        if crit is None or crit.type != "number" or not isinstance(recorded, float):
            continue
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


def _recorded_figure_asked(t: Turn, msg: Message, pending: str) -> bool:
    """Whether the message's first figure is one recorded for another criterion, asked about in its own clause.

    “三个半点不够啊？”: the 3.5% recorded as the R&D share, said back with a question; not an answer of 3.5% to the
    share of R&D spent in China pending.
    """
    pieces = (Message(m[0], normalize(m[0])) for m in _CLAUSE_WITH_MARK.finditer(msg.text))
    said = next(((c, found[0]) for c in pieces if (found := quantities(c.norm))), None)
    if said is None or not asks(t, said[0]):
        return False
    first = said[1]
    for cid, recorded in t.profile.items():
        crit = t.kn.criteria.get(cid)
        if cid == pending or crit is None or crit.type != "number" or not isinstance(recorded, float):
            continue
        if number_value(first, crit.unit or "", t.day) == recorded:
            return True
    return False


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
        return {}
    before = msg.norm[: found.start()]
    heads = [c for c in t.profile if yearly(t, c) and any(normalize(w) in before for w in t.kn.criteria[c].extract)]
    if len(heads) != 1 or not isinstance(t.profile[heads[0]], float):
        return {}
    head = heads[0]
    moved: dict[str, Any] = {str(t.kn.criteria[head].previous): t.profile[head]}
    said = f"{t.kn.criteria[head].extract[0]} {msg.norm[found.end() :]}"  # (去年是2.3个亿, read as its figure's)
    moved |= {c: v for c, v in t.facts(said).items() if c == head}
    return moved


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
    for cid in reversed(order):
        crit = t.kn.criteria[cid]
        value = parse_answer(stripped, crit, t.kn.messages.vocabulary, t.day)
        if value is None:  # “哦不对 刚问了销售 那家其实是我们集团控股的子公司”: the buyer answered before
            value = subject_taken_as_said(t, msg, cid)
        if value is None and crit.type == "number":  # “2800是今年预计的 去年实际只有1800万”: the last figure
            fits = [v for q in quantities(stripped) if (v := number_value(q, crit.unit or "", t.day)) is not None]
            fits = [v for v in fits if v != t.profile.get(cid)]  # (“是五十八 八十五是好几年前的”: not the old one)
            value = fits[-1] if fits else None
        if value is not None and value != UNKNOWN:
            return {cid: value}
    return {}


_GOES_ON_HOLDING = re.compile(r"(接着|继续|接到|接倒)(用|使用|享受|有效|生效|保持|执行|教育|读|上学|经营)")
"""“证书到期了还能接着用吗”: a title or benefit that goes on holding (继续教育: a course), not the conversation
going back."""


def resume(t: Turn, msg: Message) -> Act | None:
    """接着前面的 / 回到刚才的自查 / 继续核: back to the check that was interrupted.

    In a longer message, only when its last clause says so (懂了 单项冠军我们够不到 接着前面小巨人的).
    """
    whole = msg
    if (back := _back_then_told(t, msg)) is not None:
        return back
    if len(msg.norm) > CONTROL_CHARS:
        msg = last_clause(msg)
    if len(msg.norm) > CONTROL_CHARS or not says(msg.norm, t.kn, "resume") or _GOES_ON_HOLDING.search(msg.norm):
        return None
    if whole is not msg and t.match(whole.text)[1].reason == "out_of_scope":
        return None  # “个人的专项附加扣除又咋个填 继续教育那个”: another world's 继续教育, no going back
    parked = t.state.get("suspended") or t.flow
    _c, decision = t.match(msg.text)
    named = decision.intent if decision.intent in t.kn.topics else None
    named = named if named and t.kn.topics[named].kind == "policy" else None
    if parked and named and named != parked.get("topic"):
        return None  # “回到专精特新” with another check parked: a new question on that topic
    return Act(acts.RESUME, topic=named or _begun_named(t, msg))


LEAD_CLAUSES = 2
"""How many clauses may open a message before the one that goes back to the check (好 接着说高企 …)."""


def _back_then_told(t: Turn, msg: Message) -> Act | None:
    """“好 接着说高企 去年销售收入一点五个亿 …”: back to the check in course or parked, with the facts told after.

    One of the first clauses goes back (short, a resume word); the rest states facts of that check and asks
    nothing. A clause naming another policy than the check's is a new question on it, not a return.
    """
    check = t.state.get("suspended") or t.flow
    if not check or check.get("kind") != flows.CHECKLIST:
        return None
    said = clauses(msg.text)
    for i, clause in enumerate(said[:LEAD_CLAUSES]):
        norm = normalize(clause)
        if len(norm) > CONTROL_CHARS or not says(norm, t.kn, "resume") or _GOES_ON_HOLDING.search(norm):
            continue
        named = t.match(clause)[1].intent
        if named in t.kn.topics and t.kn.topics[named].kind == "policy" and named != check.get("topic"):
            return None
        rest = " ".join(said[i + 1 :])
        if not rest or asks(t, Message(rest, normalize(rest))):
            return None
        facts = t.facts(rest, topic=str(check["topic"]))
        return Act(acts.RESUME, topic=str(check["topic"]), values=facts) if facts else None
    return None


def _begun_named(t: Turn, msg: Message) -> str | None:
    """The check begun earlier that the words beside the resume words name by a part of its title (回到材料那个)."""
    rest = render.bigrams(without(msg.norm, words(t.kn)["resume"], "|"))
    for tid in reversed(t.state.get(flows.BEGUN) or []):
        topic = t.kn.topics.get(tid)
        if topic is not None and rest & render.bigrams(normalize(topic.title)):
            return tid
    return None


def _figure_or_rank(crit: Criterion) -> bool:
    """Whether a fact of ``crit`` may be kept from a check that does not ask it: a figure or a rank, no variant."""
    return crit.presume is None and (crit.type == "number" or crit.rank_within is not None)


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
    attending = str(t.state.pop(flows.ATTENDING, "") or "")
    attending = _share_of_part(t, attending)
    if (
        attending in t.kn.criteria
        and attending not in t.profile
        and (_bare_share(t, msg, t.kn.criteria[attending]) or gives_parts(t, msg, t.kn.criteria[attending]))
    ):
        # 研发要占好多才够 → “三年加起来大概4.6%”: that share; 科技人员是指哪些人 → “那就只算研发部 16个人 全厂
        # 大概两百人”: the share of 科技人员, its part and whole
        pending, crit = attending, t.kn.criteria[attending]
    if told := _echo_then_told(t, msg):  # “人才计划？区里面有个人入选了区县级的”: that item, asked back and answered
        return Act(acts.ANSWER, values=told)
    _c, decision = t.match(msg.text)
    asking = asks(t, msg)
    opening = _INTERJECTION.sub("", msg.norm)  # “诶 插一句 …”
    aside = any(opening.startswith(w) for w in words(t.kn)["asides"])
    if asking and DIFFERENCE.search(msg.norm) and (compared := other_policy_named(t, msg, str(flow["topic"]))):
        return Act(compared, topic=compared)  # “单项冠军跟小巨人是啥子区别” in the 小巨人 check: about 单项冠军
    if (
        asking
        and DIFFERENCE.search(msg.norm)
        and decision.intent in (None, flow["topic"])
        and decision.reason != "out_of_scope"
    ):
        # “中小企业技术研发中心跟企业技术中心有啥区别”, asked which kind is checked: the kinds explained, not a choice
        topic = t.kn.topics[flow["topic"]]
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or _conditions(t, topic))
    how_to = aside and bool(_HOW_TO_DO.search(msg.norm))  # (顺便问下 公司注册地址…迁到九龙坡要咋办手续: another errand)
    if aside and decision.intent is None and asking and (how_to or not (_OURS.search(msg.norm) and t.facts(msg.text))):
        # (“哦对了 我们是…分公司 不是独立法人 有影响没”: our facts, asked about, are an answer)
        checked = t.kn.topics[flow["topic"]]
        money = _MONEY_ASKED.search(msg.norm) and decision.reason != "out_of_scope"  # (not 港股IPO有没有补贴)
        if not _asked_in_topic_words(t, checked, msg) and not money:
            return Act(acts.NULL)  # (“对了 认定下来所得税是按好多交”: an aside on the topic itself is its question)
        return Act(acts.FOLLOWUP, topic=checked.id, part=section_asked(t, checked, msg.text, asked=True) or "question")
    if _go_ahead(t, msg.norm):
        return Act(acts.ANSWER, check=True)  # “你问嘛”, “测嘛” with the check already under way: ask on
    if asking and (said := _asked_back_then_answered(t, msg, crit)) is not None:
        # “备案？啥子备案 没搞过”: the question's thing asked back, then answered: the answer, and what it means
        return Act(
            acts.FOLLOWUP,
            topic=str(flow["topic"]),
            part=_conditions(t, t.kn.topics[flow["topic"]]),
            values={pending: said},
        )
    if (
        asking
        and (_WHY_NOT.search(msg.norm) or _thing_counts(t, msg))
        and decision.reason != "out_of_scope"
        and not other_policy_named(t, msg, str(flow["topic"]))
    ):
        # “受让的为啥子不行”: why a condition rules something out; its 不行 answers nothing; “相近的算不算嘛”:
        # whether a thing just spoken of meets one (科技人员是指哪些人 品管部算不算: the figure said next is its)
        _attend(t, msg, str(flow["topic"]))
        return Act(acts.FOLLOWUP, topic=str(flow["topic"]), part=_conditions(t, t.kn.topics[flow["topic"]]))
    if asking and _recorded_figure_asked(t, msg, pending):
        # “三个半点不够啊？八千多万的是要好多”: our 3.5% said back and asked about, no answer to the question pending
        return Act(acts.FOLLOWUP, topic=str(flow["topic"]), part=_conditions(t, t.kn.topics[flow["topic"]]))
    facts, value = read_answer(t, msg, pending, aside=aside)
    figure = bool(FIGURE_ONLY.fullmatch(msg.norm))  # a bare figure that does not fit is misread, not off topic
    other = decision.intent if decision.intent and decision.intent != flow["topic"] else None
    if other and _named_in_question(t, msg, crit, other):
        other = None  # “研发投入强度要高于全市同行业平均 这个平均是好多”: the question's own words, not 52号文's goals
    if other and t.kn.topics[other].kind == "policy" and not names_topic(t, msg, decision, other):
        other = None  # like another topic's example, but naming none: still about this check
    if other and facts and value is None and all(t.kn.criteria[c].presume is not None for c in facts):
        facts = {}  # “小巨人 我们想冲一下”: 想冲 is how the other policy is asked about, no fact for this check
    topic = t.kn.topics[flow["topic"]]
    if (
        other
        and flow.get("kind") == flows.QUESTIONNAIRE
        and t.kn.topics[other].kind == "policy"
        and names_topic(t, msg, decision, other)
        and (wants_check(t, msg.norm) or _THIS_FIRST.search(msg.norm))
    ):
        # “先问专精特新嘛 …帮我们对一下”, “算了 先帮我看专精特新嘛”: that policy's check instead
        return Act(other, topic=other, check=True)
    if other and (
        len(facts) + (value is not None) >= MANY_FACTS
        or (len(facts) >= SEVERAL_FACTS and any(names_fact(t, msg, c, other) for c in facts))
    ):
        other = None  # “ISO9001也过了 有自己品牌 …你看行不”: facts of this check, not a question on the other policy
    if other and asking and FIRST.search(msg.norm) and prerequisite(t, topic, other):
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))
    if (other or (not facts and value is None)) and _heard_of_here(t, topic, msg, ours_too=not other):
        # “听说专精特新的话收入门槛可以降到两个亿 是不是哦” in a 单项冠军 check, “网上说要大专以上的占30% 我们大专
        # 以上有四十多个 这个应该够噻” in a 高企 check: a rule of this check heard of, asked about
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))
    if len(msg.norm) <= CONTROL_CHARS * 2 and says(msg.norm, t.kn, "plainer") and not facts:
        return Act(acts.FOLLOWUP, topic=topic.id, part="plain")  # “备案那是啥子意思 讲通俗点”
    named_other = bool(other) and names_topic(t, msg, decision, str(other))  # (研发准备金是啥子: that policy)
    # (“负面清单是啥子 晓不得”: what a word means asked, then not knowing it said: the question, no “don't know”)
    asked_first = value == UNKNOWN and not facts and asks_in_a_clause(t, msg) and not _of_pending(msg, crit)
    if (
        (asking or asked_first)
        and (_means(msg) or (not named_other and (_means(msg, in_check=True) or _counts_as(t, msg))))
        and _of_conditions(t, topic, msg, decision.reason != "out_of_scope")
    ):
        # “科技人员是咋个算的 售后调试的算不算”: what one of the check's own conditions means; a bare share said
        # next is that condition's (高新技术产品收入是啥子意思 → “那就是电机壳体那块 占总收入七成五左右”); facts
        # stated beside the question are kept (市场占有率咋个算哦 我们…国内排第三)
        _attend(t, msg, topic.id)
        meant = _EXCLUDED_PART if section_asked(t, topic, msg.text) == _EXCLUDED_PART else _conditions(t, topic)
        return Act(acts.FOLLOWUP, topic=topic.id, part=meant, values=_stated_beside(t, msg))
    named_elsewhere = bool(decision.top) and decision.top[0].via.startswith(("alias:", "combo:"))
    if (
        decision.reason == "out_of_scope"
        and asking
        and named_elsewhere
        and not figure
        and value is None
        and UNKNOWN not in facts.values()  # (“备案平台? 我真的晓不得 …她休产假了”: not known, of 备案)
    ):
        return Act(acts.NULL)  # “个体户核定征收的个税咋个算”: another world's question; its 核定征收 is not ours
    if decision.reason == "out_of_scope" and (asking or value is None) and not figure and not facts:
        if asking and not named_elsewhere and (in_topic_words(t, topic, msg) or _AWARD_ASKED.search(msg.norm)):
            # (个税汇算…: another world named; 入选奖多少钱: this topic's award, though like an example of another)
            return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
        return Act(acts.NULL)
    chatter = other and t.kn.topics[other].kind == "conversation" and other not in HANDOFF and len(msg.norm) > 8
    if other and asking and BOTH.search(msg.norm) and (here := section_naming(t, topic, other)):
        return Act(acts.FOLLOWUP, topic=topic.id, part=here)  # “这个跟首台套能不能一起享受”: this one's word on that
    if other and asking and decision.score >= t.settings.new_question_score and not chatter:
        return Act(other, topic=other, check=wants_check(t, msg.norm))  # a clear question on another topic
    if (
        value is not None
        and asking
        and not named_other
        and (_means(msg, in_check=True) or _WHICH_OR_WHY.search(msg.norm))
        and _of_pending(msg, crit)
    ):
        # “目录是哪个目录 在哪里查”: what the pending question's own words mean, not an answer (“don't know”)
        return Act(
            acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or _conditions(t, topic)
        )
    if value is not None and asking and crit.type == "number" and _POLICY_RATE.search(msg.norm):
        value = None  # “评上了所得税是不是减到百分之十五”: the policy's rate asked about, no share of ours
    values = {**facts, **({pending: value} if value is not None else {})}
    if asking and values and all(t.kn.criteria[c].this_turn_only for c in values):
        # “工业母机那个120%我们沾得到边不” in the check: a question on that rate's conditions, no answer
        return Act(
            acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or _conditions(t, topic)
        )
    question = _question_in_check(t, msg, topic, values, value is None, figure)
    if question is not None:
        return question
    if values:
        return Act(acts.ANSWER, values=values)
    if other and not asking and (held := _titles_stated(t, msg)):
        return Act(acts.ANSWER, values=held)  # “我们是市级专精特新 21年拿的”: a title held, told; no question on it
    if other and not chatter:  # no answer in it, and it names another topic (or 转人工): a switch
        return Act(other, topic=other, check=wants_check(t, msg.norm))
    if not asking and (elsewhere := t.facts(msg.text, anywhere=True)):
        # facts this check does not ask about: figures and ranks (全国排第五 in the 专精特新 check) are kept and
        # echoed; a yes or no is not (its words may be another check's), and the question is asked again
        return Act(acts.ANSWER, values={c: v for c, v in elsewhere.items() if _figure_or_rank(t.kn.criteria[c])})
    if decision.intent == flow["topic"] or (asking and section_asked(t, t.kn.topics[flow["topic"]], msg.text)):
        part = section_asked(t, t.kn.topics[flow["topic"]], msg.text)
        if part is None and asking and (_FAR_SHORT.search(msg.norm) or wants_check(t, msg.norm)):
            part = _conditions(t, topic)  # “国家级的单项冠军我们是不是差好远”: the bars of that kind, its words first
        return Act(acts.FOLLOWUP, topic=flow["topic"], part=part or "question")
    if value is None and not asking and not figure and not _OURS.search(msg.norm) and foreign(t, topic, msg):
        return Act(acts.NULL)  # “这两天火锅底料涨价了没得哦”: another world's chatter, not a misread answer
    if asking and len(msg.norm) <= CONTROL_CHARS and DIFFERENCE.search(msg.norm):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")  # “跟国家级的有啥区别”: of this topic
    if asking and not figure and decision.reason != "out_of_scope" and _asked_in_topic_words(t, topic, msg):
        # “那补的是保费的好多”, “对了 认定下来所得税是按好多交 15%是不是”: a question in the topic's own words
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    if asking and not figure and decision.reason != "out_of_scope" and _MONEY_ASKED.search(msg.norm):
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    if (decision.reason == "out_of_scope" or asking) and not figure:
        return Act(acts.NULL)
    return Act(acts.ANSWER)  # not understood: asked again


_AWARDS = "奖励|奖金|补贴|补助"
"""What a topic pays out, in the words of a question on how much."""
_MONEY_ASKED = re.compile(rf"(好多|多少)(钱|{_AWARDS})|({_AWARDS}|奖|补|拿|给)(好多|多少)|有没有(钱|奖励|补贴)")
"""How much money a topic gives (评上了有好多钱奖励, 那大概能拿好多): asked of the topic under discussion."""
_AWARD_ASKED = re.compile(rf"(奖|{_AWARDS}|资助)(好多|多少)|(好多|多少)({_AWARDS}|资助)")
"""How much a topic awards (入选奖多少钱): not a price of another world (房贷一个月好多钱)."""


def _asked_in_topic_words(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether a question is in the topic's own words: most of a short one's, half of a longer one's (at least 3)."""
    if in_topic_words(t, topic, msg):
        return True
    inside, pairs = pairs_in_topic(t, topic, msg)
    return inside >= LONGER_TOPIC_PAIRS and inside * 2 >= pairs


LONGER_TOPIC_PAIRS = 3


def _stated_beside(t: Turn, msg: Message) -> dict[str, Any]:
    """The facts of the message's clauses that ask nothing (市场占有率咋个算哦 | 我们…国内排第三)."""
    parts = [m[0] for m in _CLAUSE_WITH_MARK.finditer(msg.text)]  # (独立法人是硬杠杠? keeps its ?)
    told = [c for c in parts if not asks(t, Message(c, normalize(c)))]
    if not told or len(told) == len(parts):
        return {}
    return t.facts(" ".join(told))


_CLAUSE_WITH_MARK = re.compile(r"[^\s,，。；;!！?？]+[?？]?")


def _titles_stated(t: Turn, msg: Message) -> dict[str, Any]:
    """Titles the message says the enterprise holds or not, as facts wherever they are asked."""
    return {c: v for c, v in t.facts(msg.text, anywhere=True).items() if t.kn.criteria[c].title}


def _attend(t: Turn, msg: Message, topic: str) -> None:
    """Remember the condition of ``topic``'s check that a question is about: a figure said next is its.

    The condition is the one its longest word names (高新技术产品收入, not 收入).
    """
    if meant := longest_named(t, msg, checklist_criteria(t.kn, topic) or {}):
        t.state[flows.ATTENDING] = meant


def _share_of_part(t: Turn, cid: str) -> str:
    """The check's share that ``cid`` is the part of (科技人员 → 科技人员占比), else ``cid`` itself."""
    asked = checklist_criteria(t.kn, t.scope) if t.scope else None
    return next((c for c, crit in (asked or {}).items() if crit.ratio_of[:1] == [cid]), cid)


def _named_in_question(t: Turn, msg: Message, crit: Criterion, other: str) -> bool:
    """Whether ``other`` is named only by words of the pending question, which the message goes on restating.

    “研发投入强度要高于全市同行业平均 这个平均是好多”: 研发投入强度 names 52号文's goals, but the message restates
    the question asked (研发投入强度是否高于全市同行业平均); “那专精特新中小企业呢 我们够不够” only names it.
    """
    asked = normalize(f"{crit.question}{crit.label or ''}")
    named = [n for n in topic_names(t).get(other, []) if n in msg.norm]
    if not named or not all(n in asked for n in named):
        return False
    every = frozenset(n for names in topic_names(t).values() for n in names if n in msg.norm)
    rest = without(msg.norm, every, "|")  # (beside any policy's name: 我们还只是市级专精特新 restates nothing)
    return len(render.bigrams(rest) & render.bigrams(asked)) >= RESTATED_PAIRS


def _question_in_check(
    t: Turn, msg: Message, topic: Topic, values: dict[str, Any], unanswered: bool, figure: bool
) -> Act | None:
    """A question on the topic in a check's words, not an answer to it (the facts in ``values`` are its words).

    “那中小企业技术研发中心呢 门槛低点不” (the other variant, taken up), “那如果明年营收过两亿 是不是只要3%”
    (a case supposed), “啥子意思 批发的就不得行啊” (what was said already), “那生产厂家那边要满足啥子” (the
    criterion's words, of nobody in particular).
    """
    asking = asks(t, msg)
    said = {**t.facts(msg.text), **values}
    taken = _variant_taken_up(t, msg)
    if asking and taken and all(t.kn.criteria[c].presume is not None for c in said):
        conditions = section_asked(t, topic, msg.text, asked=True) or _conditions(t, topic)
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions, values=taken)
    needed = _needed(t, topic, msg, values) if asking and values else None
    if needed is not None:
        # “去年营收八千万出头 研发要占好多才够”: the figure kept, and the threshold asked answered; a bare share
        # said next is of the condition asked about
        t.state[flows.ATTENDING] = needed
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic), values=values)
    supposed = (supposes(msg.text) or (asking and SUPPOSING.search(msg.norm))) and not figure
    if supposed and not asking and len(values) >= SEVERAL_FACTS:
        supposed = False  # “齿轮产品都算高新收入的话占八成多 …创新能力分数78 …没出过事故”: a hedge among facts
    if not supposed and not (values and asking):
        return None
    restated = unanswered and all(t.profile.get(c) == v for c, v in values.items())
    anyones = bool(_WHAT_QUESTION.search(msg.norm)) and msg.norm.startswith("那") and not _MINE.search(msg.norm)
    if not (supposed or restated or anyones):
        return None
    return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")


_HOW_MUCH_NEEDED = re.compile(
    r"(好多|多少|几)[^，|]{0,3}(才够|才行|才能|才得行|才可以|才算)|(要|得|需要)(占|达到|到)(好多|多少|几)"
)
"""How much a condition takes (研发要占好多才够), asked beside the enterprise's own figures."""


def _needed(t: Turn, topic: Topic, msg: Message, values: dict[str, Any]) -> str | None:
    """The one condition of the check whose threshold the message asks, beside figures it gives for others."""
    found = _HOW_MUCH_NEEDED.search(msg.norm)
    if found is None:
        return None
    asked = _NEED_VERBS.sub("", msg.norm[max(0, found.start() - NEEDED_WORDS) : found.end()])  # 研发占好多才够
    share = "占" in asked or "比" in asked
    scored = []
    for cid in checklist_criteria(t.kn, topic.id) or {}:
        crit = t.kn.criteria[cid]
        if cid in values or crit.type != "number" or (share and crit.unit != "%"):
            continue
        # how far a criterion's word runs on in the question (研发占比: 研发占 of 研发占好多; 研发人员: only 研发)
        run = max((_run(asked, normalize(w)) for w in (*crit.extract, *crit.subject)), default=0)
        if run >= MIN_KEYWORD:
            scored.append((run, cid))
    best = max((r for r, _c in scored), default=0)
    named = [c for r, c in scored if r == best]
    return named[0] if len(named) == 1 else None


_NEED_VERBS = re.compile(r"要|得|需要")


def _bare_share(t: Turn, msg: Message, crit: Criterion) -> bool:
    """Whether the message gives one share in ``crit``'s unit that the words around it give to no condition."""
    found = [q for q in quantities(msg.norm) if q.unit == "%"]
    if crit.unit != "%" or len(found) != 1:
        return False
    said = t.facts(msg.text).values()  # (全部在国内做的 is the domestic share, 100%, not the figure said)
    return not any(v == found[0].value or v == found[0].stored() for v in said)


def _run(text: str, word: str) -> int:
    """The longest start of ``word`` that stands in ``text``."""
    return max((n for n in range(len(word), 0, -1) if word[:n] in text), default=0)


NEEDED_WORDS = 6
"""Characters before “要占好多才够” that name the condition asked (研发)."""
_WHICH_OR_WHY = re.compile(r"是哪[个种些一]|是好多")
"""Which one, how much (目录是哪个目录): asked of a word, never an answer."""
_WHY_NOT = re.compile(
    r"(为啥子?|为什么|咋个就|凭啥|凭什么)[^，|]{0,10}?"
    r"(不行|不得行|不能|不可以|不算|不给|不认|报不了|报不到|评不上|拿不到|享受不了|够不到|不够)"
)
"""Why a condition rules something out (受让的为啥子不行): a question, and its 不行 no answer."""
_WHAT_QUESTION = re.compile(r"啥|什么|哪|怎么|咋|多少|好多|意思")
"""Question words that ask for content (what, which, how, how much), not for a yes."""
_MINE = re.compile(r"我|咱|\d|[一二两三四五六七八九十百千万]+[个项件人万亿%成年]")
"""The enterprise's own words or a figure: a message with them says something of us."""


_INTERJECTION = re.compile(r"^[诶哎欸嗯哦噢喔啊呃唉]+")
"""Sounds a message may open with before what it says (诶 插一句)."""


# -- the topic under discussion --------------------------------------------------------------------


_THIS_FIRST = re.compile(r"先(帮我们?|给我们?)?(看|核|对|查|弄|搞)(一下|下|哈)?")
"""In the questionnaire: one policy asked about first (先帮我看专精特新嘛), instead of the whole survey."""
_HOW_TO_DO = re.compile(
    r"(咋个|咋|怎么|怎样|如何)(办|弄|搞|操作)(手续|理)?|办(啥|什么)?手续|(要|需要)(办)?(哪些|啥子|啥|什么)手续"
)
"""How to get something done (要咋办手续): an errand asked in passing, not an answer about us."""
_OURS = re.compile(r"我|咱|公司|厂|单位|^就?[做搞干]|一直|\d|[一二两三四五六七八九十百千万]+[个项件人万亿%成]")
"""Words of the enterprise's own (我们, 厂里) or a figure: a message with them may answer in its own words."""


def followup(t: Turn, msg: Message) -> Act | None:
    """On the current topic: plainer words, an item of the last list, ellipsis, a part of it, the calculation.

    “那中小企业技术研发中心呢”: the variant it names is taken up, so that a check asked next is of that one.
    """
    act = _followup(t, msg)
    if act is None or act.name != acts.FOLLOWUP:
        return act
    switch = {c: v for c, v in _variant_taken_up(t, msg).items() if t.profile.get(c) != v}
    if switch:
        act = replace(act, values={**act.values, **switch})
    return replace(act, conclude=True) if _verdict_asked_beside(t, msg, act) else act


def _verdict_asked_beside(t: Turn, msg: Message, act: Act) -> bool:
    """“那可以报不 是市里补还是区里补” after the verdict: a part asked, and the verdict asked again in a clause."""
    if t.flow is not None or act.part in (None, "question", "missing") or act.topic != t.state.get("topic"):
        return False
    said = clauses(msg.text)
    return len(said) > 1 and any(_asks_outcome(t, Message(c, normalize(c))) for c in said)


_WE_TOO = re.compile(r"我们也|那我们|我们(就)?来|那就|给我们")
"""A check asked for ourselves after hearing of something (那我们也核一下): of the topic talked of before."""
_WHAT_ABOUT = re.compile(r"^(?:那|那么|如果是|要是)?.{1,14}?(?:呢|咧|嘞)")
"""“那中小企业技术研发中心呢 要求是不是低点”: the same question of another one."""
_FITS_BETTER = re.compile(
    r"(是不是|是否|会不会)?(更|比较|还是)(适合|合适|对路|好报|好评|容易)|低一档|低一级|次一级|门槛低|要求低|低一点的|低点的"
)
"""“中小企业技术研发中心是不是更适合我们”, “有没有低一档的 中小企业那种”: another one asked about as the better
fit (its 是不是 doubts nothing)."""


def _variant_taken_up(t: Turn, msg: Message) -> dict[str, Any]:
    """The variant a question names and takes up (那X呢, X是不是更适合我们), so that a check asked next is of it."""
    if _WHAT_ABOUT.match(msg.norm):
        text = msg.text
    elif _FITS_BETTER.search(msg.text):
        text = _FITS_BETTER.sub(" ", msg.text)
    else:
        return {}
    return {c: v for c, v in t.facts(text).items() if t.kn.criteria[c].presume is not None}


def _followup(t: Turn, msg: Message) -> Act | None:
    topic_id = t.state.get("topic")
    topic = t.kn.topics.get(topic_id or "")
    if topic is None or topic.kind != "policy":
        return None
    w = words(t.kn)
    if len(msg.norm) <= CONTROL_CHARS and any(p in msg.norm for p in w["plainer"]):
        return Act(acts.FOLLOWUP, topic=topic.id, part="plain")
    if "的话" in msg.norm and _heard_of_here(t, topic, msg):
        # “网上说是专精特新的话营收可以降到2个亿 是不是” after a 单项冠军 verdict: this topic's rule, heard of
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))
    if _thing_counts(t, msg) and checklist_criteria(t.kn, topic.id, t.day):
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))  # “只有相近的” → “相近的算不算嘛”
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
        and decision.reason != "out_of_scope"
        and _asks_amount(t, msg)
    ):  # (not “研发人员的个税能不能少交点”: another world's amount)
        return Act(acts.FOLLOWUP, topic=topic.id, part=f"section:{CALCULATION}")  # “大概能补好多 算给我看哈”
    if topic.checklist and _only_check(t, msg.norm):
        return Act(topic.id, topic=topic.id, check=True)  # “帮我核一下”, however like an out-of-scope example
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
    if other and FIRST.search(msg.norm) and prerequisite(t, topic, str(decision.intent)):
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))
    here = about_here(t, topic, msg, str(decision.intent)) if other else None
    if here:
        return Act(acts.FOLLOWUP, topic=topic.id, part="question", text=here)  # “高企占比那个是好多” after the goals
    checked_here = (
        bool(other)
        and bool(topic.checklist)
        and wants_check(t, msg.norm)
        and _check_asked(t, msg, topic.id)
        and not _clearly_about(t, msg, decision, str(decision.intent), topic.id)
    )  # (“帮我们对一下 我们做伺服压力机的 两江新区”: a check of this topic, however like a platform question)
    unnamed = other and not checked_here and not names_topic(t, msg, decision, str(decision.intent))
    if unnamed and not wants_check(t, msg.norm) and _close_behind(t, topic, candidates, decision):
        # “听说保险补偿费率不能超过3% 是不是” on 首台套: like 首批次's example, but no nearer than this topic's own
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
    if supposes(msg.text) and decision.intent in (None, topic.id) and t.state.get(flows.VERDICT_GIVEN):
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))  # “明年把研发做到一百万以上再报 得行不”
    policy = decision.intent if decision.intent and t.kn.topics[decision.intent].kind == "policy" else None
    if (
        wants_check(t, msg.norm)
        and _check_asked(t, msg, topic.id)
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
        if not topic.checklist and decision.intent is None and earlier in t.kn.topics and _WE_TOO.search(msg.norm):
            return Act(earlier, topic=earlier, check=True)  # “那我们也核一下嘛” after 高企's goal: the 高企 check
        return Act(topic.id, topic=topic.id, check=True)
    part = section_asked(t, topic, msg.text)
    ours = wants_check(t, msg.norm) and (bool(_OUR_KIND.search(msg.norm)) or bool(about_us(t, msg, anywhere=True)))
    if part and decision.intent is None and foreign(t, topic, msg) and not ours:
        return None  # “银行那边有没有啥子低息贷款可以办”: a question cue, but of another world
    if ours and decision.intent is None and not topic.checklist:
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))  # nothing to check: its conditions
    if part and (decision.intent in (None, topic.id) or len(msg.norm) <= SHORT_MESSAGE or _closer(t, topic, msg)):
        return Act(acts.FOLLOWUP, topic=topic.id, part=part)
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
        return Act(acts.FOLLOWUP, topic=topic.id, part=_conditions(t, topic))  # (要单独注册公司吗: a condition's words)
    if other and asks(t, msg) and _short_in_topic(t, topic, msg):
        return Act(acts.FOLLOWUP, topic=topic.id, part="question")  # “目录在哪里查”: this topic's 目录, named by none
    return None


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


def _closer(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether a question naming no topic shares more word pairs with this topic's text than with the one it resembles.

    高企 in view: “拿到以后所得税是15%对吧 有效期几年” is 高企's, not 单项冠军's (单项冠军称号有效期几年).
    """
    _c, decision = t.match(msg.text)
    other = t.kn.topics.get(decision.intent or "")
    if other is None or other.kind != "policy" or names_topic(t, msg, decision, other.id):
        return False  # (转人工, 咨询电话: the conversation intents keep their own words)
    return pairs_in_topic(t, topic, msg)[0] > pairs_in_topic(t, other, msg)[0]


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


def _conditions(t: Turn, topic: Topic) -> str:
    """The part that states the topic's conditions (申报条件), or its general answer if it has none."""
    return f"section:{CONDITIONS}" if has_section(t, topic, CONDITIONS) else "question"


LATE_BARE_CHARS = 4
"""A message this short (有的, 没得) after such a verdict answers what it left unknown without naming it."""


_POLICY_RATE = re.compile(r"减到|降到|减按|减为|降为|优惠到|税率|所得税")
"""In a question, a figure of the policy's tax rate (所得税是不是减到百分之十五), not of the enterprise."""


def late_answer(t: Turn, msg: Message) -> Act | None:
    """“会计说有的 按项目建的” right after a verdict that left one thing unknown: its answer, and the verdict again."""
    echo = _ECHO_THEN.match(msg.text)  # (“清单? 没报过 应该不在里头”: the item said back, then answered)
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
    said = bigrams(msg.norm) - _GENERIC_GRAMS
    named = [c for c in unknown if said & bigrams(normalize(f"{t.kn.criteria[c].question}{t.kn.criteria[c].label}"))]
    bare = len(msg.norm) <= LATE_BARE_CHARS
    if len(unknown) == 1 and bare:
        named = list(unknown)
    if len(named) != 1:
        return None  # (with several unknown, a bare 有的 answers no one of them; “清单里头没得我们”: its 没得 is of
        # another list, not of the 辅助账 left unknown)
    cid = named[0]
    facts, value = read_answer(t, msg, cid)
    if value is None and echo:  # (“清单? 没报过 应该不在里头”: the last clause says it)
        last = last_clause(told)
        value = read_answer(t, last, cid)[1] if last.norm != told.norm else None
    if value is None or value == UNKNOWN:
        return None
    return Act(acts.ANSWER, topic=found[0].id, values={**facts, cid: value}, conclude=True)


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
    if topic is None or not topic.checklist or asks(t, msg) or (not parked and wants_check(t, msg.norm)):
        return None  # (“我们够不够格 帮我评估一下” asks for the check: a question on the topic, with its facts)
    facts = t.facts(msg.text)
    if not facts and t.state.get(flows.VERDICT_GIVEN):
        # “研发费用去年大概八百多万” after the verdict: a figure its check does not ask, kept (not out of scope)
        elsewhere = t.facts(msg.text, anywhere=True)
        facts = {c: v for c, v in elsewhere.items() if t.kn.criteria[c].type == "number" and v != UNKNOWN}
    _c, decision = t.match(msg.text)
    other = decision.intent and decision.intent != topic.id and decision.score >= t.settings.new_question_score
    denied = bool(other) and named_only_denied(t, msg, str(decision.intent))
    introduced = not parked and _INTRODUCES.match(msg.norm) and decision.intent in (None, topic.id)
    if not facts and not denied and not _told(t, topic, msg, decision) and not introduced:
        return None  # (“我们是做火锅底料的食品厂 江津的” after a topic: who we are, for its check)
    if parked:
        return Act(acts.ANSWER, topic=topic.id, values=facts, part="resume")
    held = _titles_stated(t, msg) if other and facts else {}
    held = held if facts.keys() - held.keys() else {}  # (a title alone, 我们是高企, is no fact of this check)
    if other and len(facts) < SEVERAL_FACTS and not denied and not held:
        return None  # (several facts about us outweigh a policy's word among them: 研发投入强度比行业平均高 …;
        # so does a title held beside a fact of this check: “江北做家电的 规上企业 市级专精特新”)
    facts |= {c: v for c, v in held.items() if c not in facts}
    # (“这批料不是用在首台套装备上的 信用也没问题”: the other policy is what our case is not)
    return Act(acts.ANSWER, topic=topic.id, values=facts, check=True)


_INTRODUCES = re.compile(r"(我们|我司|我们公司|我们厂)(是|主要是)?(做|生产|搞)[^\d，。？?]{1,14}的")
"""A message that opens saying what the enterprise makes (我们是做火锅底料的食品厂)."""


_ECHO_THEN = re.compile(r"^\s*(?P<item>[^?？\s]{2,8})\s*[?？]+\s*(?P<rest>[^?？]+)$")
"""An item said back with a question mark, then a statement (人才计划？区里面有个人入选了区县级的)."""


def _echo_then_told(t: Turn, msg: Message) -> dict[str, Any]:
    """The facts of an item said back and then told about, read as if it were named without the question mark.

    Only when the rest asks nothing and states nothing on its own: “规上？是的” answers the question asked.
    """
    said = _ECHO_THEN.match(msg.text)
    if said is None:
        return {}
    rest = said["rest"]
    if asks(t, Message(rest, normalize(rest))) or t.facts(rest):
        return {}
    return t.facts(f"{said['item']} {rest}")


def _asked_back_then_answered(t: Turn, msg: Message, crit: Criterion) -> bool | None:
    """The yes or no a message ends on after asking back what the question's thing is (备案？啥子备案 | 没搞过)."""
    last = last_clause(msg)
    bare = _BARE_DONE.fullmatch(last.norm)
    if crit.type != "bool" or last.norm == msg.norm or bare is None:
        return None
    before = msg.norm[: len(msg.norm) - len(last.norm)]
    if not (_WHAT_IS.search(before) and bigrams(before) & bigrams(normalize(crit.question))) or quantities(before):
        return None
    return bare["no"] is None


_WHAT_IS = re.compile(r"啥|什么|是指|咋个")
"""Words asking what a thing is (啥子备案)."""


_BARE_DONE = re.compile(r"(还|都|也|从来)?(?P<no>没有|没得|莫得|没)?(搞|弄|做|办|建|报|备)(过|了)(的|哦|嘛|噻)?")
"""A clause that only says it was done or not (没搞过, 弄过的): the answer after the question's thing asked back."""


def _told(t: Turn, topic: Topic, msg: Message, decision: Any) -> bool:
    """A figure of ours in the topic's own words that no condition asks (保险的话 保额打算投六千万左右)."""
    if decision.intent not in (None, topic.id) or decision.reason == "out_of_scope" or not quantities(msg.norm):
        return False
    if "还是" in msg.norm or _WHAT_QUESTION.search(msg.norm):
        return False  # (“一千五百万这种是市里补还是区县补”: a question with our figure in it)
    inside, _pairs = pairs_in_topic(t, topic, msg)
    return inside >= 1 and bool(_MINE.search(msg.norm))


SEVERAL_FACTS = 2
MANY_FACTS = 4
"""Facts in one message that make it an answer to the check whatever other policy it names in passing."""


_RESIGNED = frozenset({"行吧", "那好吧", "那行吧", "也行吧", "只能这样了", "那只能这样了", "那算了吧"})
"""A reluctant okay: what was said is taken in, nothing more asked."""
_ACK = re.compile(r"(要得|好嘛|好的|好吧|好|行|晓得了|知道了|收到|明白了|ok|嗯|那好|懂了|了解)")
"""Words that take in what was said (at the start of a message)."""


def accept_offer(t: Turn, msg: Message) -> Act | None:
    """是 / 好 / 要得 right after an answer that offered 条件自查: start that check; right after a verdict, thanks."""
    topic_id = t.state.get("topic")
    after_verdict = t.state.get(flows.VERDICT_GIVEN) and not t.flow
    if after_verdict and topic_id and t.kn.topics[topic_id].checklist and _go_ahead(t, msg.norm):
        return Act(acts.ANSWER, topic=topic_id, check=True)  # “好嘛 那一个一个来”: on with what is still unknown
    if after_verdict and _ACK.match(msg.norm) and not asks(t, msg) and not about_us(t, msg):
        return Act("thanks", topic="thanks")  # 要得 / 好嘛 明年再冲: the verdict taken in
    if not t.flow and msg.norm in _RESIGNED:
        return Act("thanks", topic="thanks")  # “行吧” after an answer: taken in, reluctantly; no yes to any offer
    topic = t.kn.topics.get(topic_id or "")
    if (
        topic is not None
        and topic.checklist
        and (yes := _LEADING_YES.match(msg.norm))
        and yes.end() in clause_breaks(msg.text)  # (好 帮我测下; not 好久可以报)
        and (wants_check(t, msg.norm) or _CHECK_VERB.match(msg.norm, yes.end()))
        and not names_other(t, msg)
    ):
        # “要得 核一下 我们做摩托车离合器的 做了十五年”: yes, check us (with what it says of us), at any length
        return _taken_up(t, msg, topic.id, t.facts(msg.text))
    offered = _offered(t)
    if not (topic_id and offered) or len(msg.norm) > CONTROL_CHARS:
        return None
    if _UNDERSTOOD.search(msg.norm):  # (“好的 明白”, “哦 要得”: what was said is taken in, no yes to the offer)
        ack = _INTERJECTION.sub("", msg.norm)
        return Act("thanks", topic="thanks") if _ACK.fullmatch(ack) or not ack else None
    if _please_go(t, msg):
        return Act(acts.ANSWER, topic=topic_id, check=True)  # 好的 麻烦了: yes, and thanks for the trouble
    vocab = t.kn.messages.vocabulary
    if (
        _INTERJECTION.sub("", msg.norm).rstrip("吧嘛哈噻撒") in _BARE_GO
        or _go_ahead(t, msg.norm)
        or _CHECK_VERB.fullmatch(msg.norm)
        or (_LEADING_YES.match(msg.norm) and wants_check(t, msg.norm) and not names_other(t, msg))
    ):
        return _taken_up(t, msg, topic_id)  # 好 你问嘛, 要得 看下我们, 行 帮我们测一下
    bare = len(msg.norm) <= ACCEPT_CHARS or wants_check(t, msg.norm)
    if bare and not asks(t, msg) and parse_yes_no(msg.norm, vocab) is True:
        return Act(acts.ANSWER, topic=topic_id, check=True)  # the answer to the offer (条件自查?)
    return None


_UNDERSTOOD = re.compile(r"明白|晓得了|知道了|懂了|收到|了解了|清楚了|^[哦噢喔]")
"""Words that take in an answer: after them a yes word acknowledges, it accepts no offer."""


def _taken_up(t: Turn, msg: Message, topic: str, values: dict[str, Any] | None = None) -> Act:
    """The offered check taken up, by a request in words of its own or by a plain go-ahead.

    “帮我们对一下嘛” asks for the topic's check as a new question would; “要得 对一下”, “好 你问嘛” answer the offer.
    """
    if not _LEADING_YES.match(msg.norm) and (wants_check(t, msg.norm) or _CHECK_VERB.search(msg.norm)):
        return Act(topic, topic=topic, check=True, values=values or {})
    return Act(acts.ANSWER, topic=topic, check=True, values=values or {})


def _offered(t: Turn) -> bool:
    """Whether the last reply offered the check (条件自查) among its options."""
    return any(action == "checklist" for _k, _l, action in t.state.get("options") or [])


def _please_go(t: Turn, msg: Message) -> bool:
    """“好的 麻烦了”, “要得 辛苦你了” right after the offer of the check: a yes with thanks for the trouble."""
    yes = _LEADING_YES.match(msg.norm)
    return bool(yes and _offered(t) and t.state.get("topic") and _COURTESY.fullmatch(msg.norm, yes.end()))


_COURTESY = re.compile(r"(麻烦|辛苦)(你|您)?(了|啦|哈)?|pls|please|plz")
"""Thanks for the trouble about to be taken, after a yes (好的 麻烦了): not a goodbye (好的 谢谢 is one)."""
_LEADING_YES = re.compile(
    r"^(好|行|嗯|可以|要得|对|是|okay|ok|yes|yeah|yep|sure|那好|好嘛|好的|行嘛|得行)(的|嘛|吧|哈)?(?![久多像些不没吗点少])(?=.)"
)
"""A yes opening a message (好 帮我看下): with a request for the check, it takes up the offer (not 好久, 是不是)."""


def _go_ahead(t: Turn, norm: str) -> bool:
    """“你问嘛”, “好 看下我们”, “要得 开始”: a go-ahead, alone or after a yes word (好 is one here)."""
    found = [w for w in words(t.kn)["go_ahead"] if w in norm]
    if not found:
        return False
    rest = re.sub("|".join(map(re.escape, sorted(found, key=len, reverse=True))), "", norm)
    rest = re.sub("我们|我|咱们|[那吧嘛噻哈了的啊呀]", "", rest)  # (好 查一下我们, 好 那一个一个来)
    yes_no = parse_yes_no(rest, t.kn.messages.vocabulary)
    # (烦 那你问嘛; not “是首次发布 刚开始推 …”, a yes to the question with facts, where 开始 is of the facts)
    short_yes = yes_no is True and len(rest) <= GO_AHEAD_REST
    return not rest or rest in _OKAY or short_yes or (len(rest) == 1 and yes_no is None)


GO_AHEAD_REST = 8
"""Characters a yes beside a go-ahead may have (要得嘛 你问): more, and it is a message of its own."""
_CHECK_VERB = re.compile(
    r"(那|就)?(你|先)?(帮|给)?(我们|我|咱们)?(先)?(自己|自)?(查|看|测|核|检查|核对|对|评估|评|过)"
    r"(一下|一哈|一遍|下|哈|看|一下子)(我们|我)?(嘛|吧|哈|噻|撒)?"
)
"""A request to be checked (查一哈, 帮我们看下, 幫我們檢查一下): after a yes or an offer, it takes the offer up."""
_BARE_GO = frozenset({"测", "核", "查", "看"})
"""One character that, alone after an offer of 条件自查, takes it up (测)."""
_OKAY = frozenset({"好", "好好", "行", "那", "那好", "那你", "你", "嗯", "ok", "okay"})
"""A one-word yes before a go-ahead (好 你问嘛) that is no yes on its own in the vocabulary."""


# -- a new question --------------------------------------------------------------------------------
def new_question(t: Turn, msg: Message) -> Act:
    """The matcher's decision: a topic (its checklist if the message asks whether we qualify), ask which, or null."""
    candidates, decision = t.match(msg.text)
    status = status_topics(t, msg)
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
                and names_topic(t, msg, decision, c.intent)
            ),
            None,
        )  # named clearly: “高企证书有效期几年” asks about 高企 itself, not about a weak second guess, nor
        # “我们从来没申报过高企。第一次申报要准备哪些材料” about 首批次, whose example it only resembles
        if other is not None:
            return Act(other.intent, topic=other.intent, check=wants_check(t, msg.norm))  # type: ignore[arg-type]
        current = t.state.get("topic")
        if current in t.kn.topics and current not in status and t.kn.topics[current].kind == "policy":
            # “帮我们核一哈 我们是市级专精特新” while 小巨人 is discussed: the title is context, 小巨人 the question
            return Act(current, topic=current, check=wants_check(t, msg.norm))
    meant = {decision.intent} if decision.intent else {c.intent for c in decision.top if decision.reason == "ambiguous"}
    if HUMAN in meant and (policy := contact_of(t, msg)):
        return Act(policy, topic=policy)  # “专精特新中小企业 联系方式”: whom to ask about that policy
    if decision.intent:
        return Act(decision.intent, topic=decision.intent, check=_check_asked(t, msg, decision.intent))
    if decision.reason == "ambiguous":
        return Act(acts.CLARIFY)
    return Act(acts.NULL)


_A_PERSON = re.compile(r"人工|真人|客服|工作人员|找个人|找人")
"""Words that ask for a person, not for a department's contact (转人工, 找个工作人员)."""


def contact_of(t: Turn, msg: Message) -> str | None:
    """The one policy a request for contacts names (小巨人 咨询电话, 专精特新中小企业 联系方式), if any.

    Its 咨询部门 answers it; a request for a person (转人工, 找个工作人员) stays one.
    """
    if _A_PERSON.search(msg.norm):
        return None
    named = {tid for _at, tid in policies_named(t, msg)}
    return named.pop() if len(named) == 1 else None


_SPECIFIC_PARTS = frozenset({"时间节点", "不适用情形", "申报材料", "办理流程", "咨询部门", "计算方法"})
_CHOSEN = re.compile(r"(入|选|评)(得)?(上|选)|够得?(上|到)|够不够")
"""“能不能入选”, “评得上不”, “够不够”: whether we would be chosen, on a policy with no conditions to check."""
_SHAPED_NO_CHECK = frozenset({"section:不适用情形", "sources"})
_STRONG_CHECK = ("核", "测", "评估", "自查", "够", "判断", "对一", "对下", "对哈", "check", "看看", "看下", "看哈")


def _clearly_about(t: Turn, msg: Message, decision: Any, other: str, topic: str) -> bool:
    """Whether the message is about ``other`` by name, or with ``topic`` not even among its candidates.

    After the 首台套 verdict, “对了我们算不算工业母机企业 研发费用能按120%扣不” asks about 研发费用加计扣除; but a
    request to be checked that states facts this topic's check asks (规上企业 独立法人) stays with this topic, however
    like another topic's example its words are (独立法人研发机构怎么认定).
    """
    if names_topic(t, msg, decision, other):
        current = t.kn.topics.get(topic)
        held = current is not None and prerequisite(t, current, other) and True in _titles_stated(t, msg).values()
        return not held  # (“check一下我们 市级专精特新2023年就评上了” about 小巨人: the title it asks for, held)
    if any(c.intent == topic for c in decision.top):
        return False
    if decision.score < t.settings.new_question_score and not asks(t, msg):
        return False  # (“帮我们过一下条件 九龙坡做传感器模组的”: a request, only faintly like a platform question)
    own = checklist_criteria(t.kn, topic) or {}
    return not t.facts(msg.text).keys() & own.keys()  # (“帮我们看下 规上企业 独立法人”: our facts, of this check)


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
    if any(w in msg.norm for w in _STRONG_CHECK) or about_us(t, msg, anywhere=True):
        return True  # (“我们这种做贸易的能不能享受”: about us, so the check, which says so first)
    specific = _specific_part(section_asked(t, topic, msg.text, cues_only=True) if topic else None)
    if specific or (topic and _WE_APPLY.search(msg.norm)):
        return not specific  # (首台套重庆认定 我们能不能报: of us, whatever its words share with the exclusions)
    return not _specific_part(section_asked(t, topic, msg.text) if topic else None)


def _specific_part(part: str | None) -> bool:
    """Whether ``part`` answers an eligibility question by itself (the sources, the exclusions, when …)."""
    return bool(part and (part == "sources" or part.removeprefix("section:") in _SPECIFIC_PARTS))


_WE_APPLY = re.compile(r"(我们|咱们|我这种).{0,8}(报|申|评|享受|认定|拿|够)")
"""Whether we may apply, asked of ourselves: the check, not a part the message's words only resemble (not 我们研究
新口味算不算研发, what a word covers)."""


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
    ("fees", fees),
    ("correction", correction),
    ("resume", resume),
    ("closing", closing),
    ("pending_answer", pending_answer),
    ("accept_offer", accept_offer),
    ("late_answer", late_answer),
    ("volunteered", volunteered),
    ("followup", followup),
    ("new_question", new_question),
]
"""In order; the first that returns an act wins (``new_question`` always does)."""
