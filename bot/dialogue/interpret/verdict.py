"""The verdict now (直接给个结论, 就这些行不行), what is still missing (还缺啥, 差多少) and fees (要交钱吗)."""

from __future__ import annotations

import re
from typing import Any

from bot import checklist
from bot.answers import (
    ASKED_A_NOT_A,
    HEARSAY,
    REACHED,
    keywords,
    quantities,
    supposes,
)
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    all_owned,
    answer_value,
    named_criteria,
    no_only_of_others,
    yes_only_by_lead,
)
from bot.dialogue.interpret.shared import (
    ANOTHER_PARTY,
    COUNTS_AS,
    FITS_BETTER,
    HUMAN,
    LEADING_YES,
    STRAIGHT,
    SUCCESS_A_NOT_A,
    VERDICT_NOUN,
    WHAT_ABOUT,
    WHERE_TO,
    WHY_NOT,
    WRONG,
    asks_outcome,
    checkable,
    counts_as,
    denial_of_the_one_asked_about,
    go_ahead,
    hopeless_by_rule_heard,
    leaving,
    means,
    named_by_word,
    national_scheme_heard_of,
    plainer_asked,
    policies_asked,
    switched_to,
    thing_counts,
    variant_taken_up,
)
from bot.dialogue.mentions import (
    named_only_denied,
    names_topic,
    other_policy_named,
    status_topics,
    topic_names,
)
from bot.dialogue.reading import (
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
    WHEN,
    section_asked,
    wants_check,
)
from bot.dialogue.turn import NOTHING_TO_CHECK, Turn, checklist_criteria, says, words
from intents.normalize import normalize
from knowledge.schema import Criterion

_CAN_WE = re.compile(
    r"(先|你)?(告诉我|说下|说一下|直接说)?(那|那现在|现在|到底|那到底)?还?"
    r"((能不能|可不可以|能|可以)(报|申报|申请|评|享受)(不|吗|嘛|没)?|(报|申报|申请|评|享受)得(成|了|到)?(不|吗|嘛|没))"
)
"""A bare “can we apply” (能不能报, 那还报得不), as the last clause: the outcome asked, nothing else."""


def _checking(t: Turn) -> bool:
    """A check is under way, parked, or was just concluded: control phrases refer to it."""
    return flows.referred(t, topic_check=False) is not None


def _asks_person(t: Turn, msg: Message) -> bool:
    """Whether the message names the handoff by one of its own words (转个人工, 给我找个人, 有没有电话)."""
    if "handoff_words" not in t.kn.memo:
        human = t.kn.topics.get(HUMAN)
        said = (*human.insistent, *human.aliases) if human else ()
        t.kn.memo["handoff_words"] = frozenset(w for w in map(normalize, said) if w)
    return any(
        w in msg.norm and not _SET_ASIDE.match(msg.norm, msg.norm.find(w) + len(w)) for w in t.kn.memo["handoff_words"]
    )


_SET_ASIDE = re.compile(r"(先)?(放到|放倒|放一边|放一放|不用|不打|等会|等下|算了|不急)")
"""After a handoff word: the person is set aside for now (电话先放到 你先说…), not asked for."""


_WHICH_TIME = re.compile(
    r"还是要?等|的时候就|(什么|啥子?)时候(就|才)?(能|可以)|好久(就|才)(能|可以)|月份?(都|已经)过了|(都|已经)过了.{0,3}还"
)
"""Asking at which time something applies (预缴的时候就能享受不 还是要等汇算清缴), not whether we qualify."""


_WHEN_PART = f"section:{WHEN}"


_ONE_CONDITION = re.compile(
    r"(那|那么|那个|还有|再问下)?(?P<what>[\u4e00-\u9fffA-Za-z]{2,10}?)的?"
    r"(?P<that>那条|这条|那一条|这一条|那项|这项|那一项|这一项|那块|这块|方面|这个条件|那个条件)?(我们|我们的|我们家)?(现在)?"
    r"(够了没有?|够没得|够没有|够不够|够了吗|够了不|够不|达到没有?|达到了没有?|达没达到|达到了吗|达标没有?|达标了没有?|"
    r"满足没有?|满足了没有?|满不满足|满足了吗|过没过|过了没有?|合格没有?|符不符合|符合没有?|符合了没有?)"
    r"(啊|哦|嘛|呢|喃|嗦|哇)?"
)
"""“研发那条够没得”, “知识产权这块我们满足没有”: how the conditions it names stand, not the whole verdict again."""
_WHOLE = re.compile(r"^(条件|我们|我们的|这些|那些|都|全部|整体|总的|其他|别的|剩下|别个|其余)")
"""…unless what it names is the whole (条件够不够, 其他的够不够): the verdict."""


_THIS_ONE = re.compile(r"这个|那个")
"""“这个研发中心”: the kind under discussion named, not one of its conditions."""


def _criterion_words(t: Turn, topic: str) -> set[str]:
    """The words that name a condition of ``topic``'s check on their own (营收, 负债率, 占有率)."""
    own = checklist_criteria(t.kn, topic, t.day) or {}
    return {kw for kw, cid in keywords(t.kn.criteria) if cid in own}


_THAT_BAR = re.compile(
    r"(那|那么)?(那个|这个)(?P<what>[\u4e00-\u9fff]{2,6}?)(最低|最少|起码|至少)?(的要求|要求|门槛)?(是|要|得|需要)?(达到|到)?"
    r"(好多|多少|几个|多高|好高|几成|几个点|百分之几)(哦|嘛|呢|喃|啊|哇)?"
)
"""“那个比例最低要好多” during or after a check: the bar of the one condition still open that the word names."""


def standing(t: Turn, msg: Message) -> Act | None:
    """“研发那条够没得” during or after a check: how the conditions it names stand, each with its answer and gap.

    “那个比例最低要好多”: the one condition still open that its word names, with its bar.
    """
    if bar := _THAT_BAR.fullmatch(msg.norm):
        flow = flows.referred(t, topic_check=False)
        label = flows.one_open_label(t, flow, bar["what"]) if flow and flow.get("kind") == flows.CHECKLIST else None
        return Act(acts.FOLLOWUP, topic=str(flow["topic"]), part=f"{acts.STATUS}{label}|") if flow and label else None
    said = _ONE_CONDITION.fullmatch(msg.norm)
    flow = flows.referred(t, topic_check=False) if said else None
    if said is None or flow is None or flow.get("kind") != flows.CHECKLIST or _WHOLE.match(said["what"]):
        return None
    if t.facts(msg.text):
        return None  # “研发两百万够不够”: a figure told, answered and judged
    if not said["that"] and t.match(msg.text)[1].intent not in (None, flow["topic"]):
        return None  # “高企够不够”: another policy's check
    what = said["what"]
    if _THIS_ONE.search(what):
        return None  # “那这个研发中心我们够不”: the kind in hand, its verdict
    if not said["that"] and what not in _criterion_words(t, str(flow["topic"])):
        return None  # “营收刚才说了的嘛 够不够”, “那市级的够没得”: no condition named by its own word
    named = named_criteria(t, Message(what, what))
    if flows.named_items(t, flow, named, what) <= 0:
        return None  # nothing of the check named, or all of it: the verdict
    return Act(acts.FOLLOWUP, topic=str(flow["topic"]), part=f"{acts.STATUS}{what}|{','.join(sorted(named))}")


_THAT_ONE_TOO = re.compile(r"^(?:那|那么)?(.{2,12}?)(?:呢|嘞|喃)(?:也|还是|又)")
"""Another thing named, then whether it too (国家那个保险补偿呢 也不得行哇): asked of that thing."""


def conclude(t: Turn, msg: Message) -> Act | None:
    """直接给个结论 / 就这些，行不行: the verdict now, on what is known; of the other kind, when the message names it.

    “那市级的 现在到底够不够” after a word on the national kind: the municipal kind's verdict.
    """
    if _later_asked(t, msg):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “那代工那块少接点 明年能行不”: what it must reach
    act = _conclude(t, msg)
    if act is None or act.name != acts.ANSWER or not act.conclude or not msg.norm.startswith(("那", "那么")):
        return act  # (only a kind pointed at: not “以前没得市级技术中心 这回呢 评得上不”, which tells a fact)
    return switched_to(t, act, variant_taken_up(t, msg), act_wins=True)


def _conclude(t: Turn, msg: Message) -> Act | None:
    current = t.kn.topics.get(t.state.get("topic") or "")
    if current and t.state.get(NOTHING_TO_CHECK) == current.id and says(msg.norm, t.kn, "conclude"):
        return Act(current.id, topic=current.id, check=True)  # “直接说结论” on a policy with nothing to check
    if current and current.questionnaire and not t.flow and _WHICH_ONES.search(msg.norm):
        return Act(current.id, topic=current.id)  # “就这些 推荐几个嘛” after the list of policies: the list again
    if not checkable(t):
        return None
    if _others_fine_asked(t, msg):
        return None  # “那就是只差营收嘛 其他都没问题噻”: what is not met, to confirm (not the verdict again)
    if (t.flow or {}).get("kind") == flows.QUESTIONNAIRE and _WHICH_ONES.search(msg.norm):
        return Act(acts.ANSWER, conclude=True, values=t.facts(msg.text))  # “那总的说 我们能搞哪几样”: the list now
    if _asks_person(t, msg):
        return None  # “能不能转个人工 我想直接问”: a person asked for, not the verdict
    if t.state.get("suspended") and len(msg.norm) <= CONTROL_CHARS and says(msg.norm, t.kn, "resume"):
        return None  # “回到刚才的自查” with a check set aside: back to it, not the verdict of the one in hand
    if hopeless_by_rule_heard(t, current, msg):
        return None  # “听说要大专以上的人占30% 我们没得那么多 是不是就莫戏了”: that rule, asked about
    if national_scheme_heard_of(t, msg):
        return None  # “听说工信部也在搞首版次 国家那个我们报得了不”: another scheme heard of, not this check's verdict
    if ANOTHER_PARTY.search(msg.norm):
        return None  # “那买我们设备的客户能拿奖励不”: what the buyer may have, not our verdict
    if (also := _THAT_ONE_TOO.match(msg.norm)) and not VERDICT_NOUN.search(also[1]):
        return None  # “国家那个保险补偿呢 也不得行哇”: the same asked of another thing, a follow-up on it
    if (
        leaving(t, msg)
        and not asks_in_a_clause(t, msg)
        and not VERDICT_NOUN.search(msg.norm)
        and not says(msg.norm, t.kn, "conclude")
    ):
        return None  # “要得 我去跟老板汇报 谢谢哈”: the user's next step (汇报), no request for the verdict
    if policies_asked(t, msg):
        return None  # “那我们还能享受啥子政策” after the verdict: which policies we may have, not this one's verdict
    _c, decision = t.match(msg.text)
    elsewhere = decision.reason == "out_of_scope" and named_by_word(decision)
    if decision.reason == "out_of_scope" and (
        (len(msg.norm) > SHORT_MESSAGE and not says(msg.norm, t.kn, "conclude") and not t.facts(msg.text))
        or (elsewhere and asks(t, msg) and not VERDICT_NOUN.search(msg.norm) and _asked_of_elsewhere(t, msg))
    ):
        # “铜价最近涨好凶 现在买点期货得不得行”: another world's 得不得行, not our verdict; so is “工业母机概念股现在
        # 能不能上车” (or “半导体ETF能不能上车”, short), whatever policy word it holds
        return None
    if says(msg.norm, t.kn, "correction") and any(c in msg.norm for c in WRONG) and t.profile:
        return None  # “不对 负债率我看错了 是八十左右 那还行不行”: the correction, then the verdict
    last = last_clause(msg)
    if last.norm != msg.norm and len(last.norm) <= CONTROL_CHARS and says(last.norm, t.kn, "resume"):
        return None  # “单项冠军我们够不到 接着前面小巨人的”: back to the check, not its verdict
    if supposes(msg.text) and not VERDICT_NOUN.search(msg.norm):
        return None  # “我们上了规上以后就得行了噻”: a case supposed, a question on the topic, not the verdict now
    plain_verdict = _checking(t) and bool(SUCCESS_A_NOT_A.search(msg.norm))  # (能不能报 简单点说: the verdict, plainly)
    if WHERE_TO.match(msg.norm) or _one_proposed(msg) or (plainer_asked(t, msg) and not plain_verdict):
        return None  # “这个在哪儿查得到嘛”, “讲通俗点 我们要咋个改才得行”: where, or plainer words (a follow-up)
    if FITS_BETTER.search(msg.norm) and not VERDICT_NOUN.search(msg.norm):
        return None  # “那有没得门槛低点的研发机构可以评”: another kind asked about, not this one's verdict again
    if _opens_an_answer(t, msg):
        return None  # “那就是新能源车电机壳体那块 占总收入七成五左右”: 那就是 introduces the answer
    if current and _WHICH_TIME.search(msg.norm) and section_asked(t, current, msg.text, cues_only=True) == _WHEN_PART:
        return None  # “下回预缴的时候就能享受不 还是要等汇算清缴”: when it applies, not whether
    if (
        len(msg.norm) <= CONTROL_CHARS
        and says(msg.norm, t.kn, "missing")
        and not VERDICT_NOUN.search(msg.norm)
        and not (STRAIGHT.search(msg.norm) and _falls_short(t))
        and not (SUCCESS_A_NOT_A.search(msg.norm) and not quantities(msg.norm))
    ):
        # “要咋个搞才得行” asks what is missing (“先说结论 差在哪里”, “够不够 差好多” the verdict, which lists it;
        # “差好多 研发两百万够不够” asks about that figure)
        return None
    if (
        (means(msg, in_check=t.flow is not None) and not _closes_asking(t, msg, last))
        or counts_as(t, msg)
        or WHY_NOT.search(msg.norm)
        or thing_counts(t, msg)
    ) and not VERDICT_NOUN.search(msg.norm):
        return None  # “一类知识产权是指啥子 发明专利算不算”: what a condition's word means
    if t.flow is not None and go_ahead(t, msg.norm) and not says(msg.norm, t.kn, "conclude"):
        return None  # “可以 测一下” with the check under way: ask on, no verdict yet
    asked_on = t.flow is not None and _asked_on(t, msg)
    if (
        t.flow is not None
        and (not _known_of_check(t) or asked_on)
        and wants_check(t, msg.norm)
        and (not says(msg.norm, t.kn, "conclude") or asked_on)
        and (len(msg.norm) <= CONTROL_CHARS or asked_on)
        and t.match(msg.text)[1].intent in (None, t.flow.get("topic"))
        and (not asks_outcome(t, msg) or _CHECK_FOR_US_SAID.search(msg.norm))
    ):
        # “帮我对一下条件”, “那帮我们对一下嘛 看够不够” before anything is known: the check, asked on (no verdict of
        # twelve unknowns); without a yes before it, a request for the check (with one, the offer taken up). So is
        # “帮我们核一下到底能不能享受100%那个” with most conditions still to ask
        if LEADING_YES.match(msg.norm):
            return Act(acts.ANSWER, check=True, values=t.facts(msg.text))  # (the variant it names: 100%那个)
        return Act(str(t.flow["topic"]), topic=str(t.flow["topic"]), check=True)
    bare = _LEAD_ACK.sub("", msg.norm) in _BARE_CONCLUDE and _checking(t)  # “结果”, “OK 结果” alone, in a check
    asked = bare or says(msg.norm, t.kn, "conclude") or (t.flow is not None and wants_check(t, msg.norm))
    asked = asked or asks_outcome(t, msg) or (_checking(t) and bool(_NOW_IT_DOES.search(msg.norm)))
    asked = asked or _outcome_then_aside(t, msg) or _aside_then_outcome(t, msg)
    judged = t.judged_topic
    if not asked and not t.flow and judged == t.state.get("topic") and _CAN_WE.fullmatch(last.norm):
        # “那现在能说好多 能不能报”, “目录我们一时半会对不出来 先告诉我现在能不能评” after the verdict, nothing new
        # told: that verdict again (its unknowns are the user's to find out, not to be asked again at once)
        asked = not t.facts(msg.text) and t.match(msg.text)[1].intent in (None, judged)
    if not asked and _checking(t) and last.norm != msg.norm and t.facts(msg.text):
        # “没出过事故 产品也不是淘汰类的 这下能报了噻”: the facts, then the verdict (not “…能不能一起报”, a question)
        unnamed = _unnamed(t, last.norm)
        asked = bool(_NOW_IT_DOES.search(unnamed) or _THEN_IT_DOES.search(unnamed) or _MET_NOW.search(unnamed))
        asked = asked or says(last.norm, t.kn, "conclude")
    if (
        asked
        and t.flow
        and t.flow.get("kind") == flows.CHECKLIST
        and not t.state.get("answered")
        and not (decision.intent not in (None, t.flow.get("topic")) and names_topic(t, msg, decision, decision.intent))
        and wants_check(t, msg.norm)
        and _tells_of_us(t, msg)
    ):
        # “帮我核一下 我们巴南的 做摩托车配件” after “批发企业能享受不” began the check: what it tells of us, not
        # what the question supposed, and the check from its start
        return Act(str(t.flow["topic"]), topic=str(t.flow["topic"]), check=True)
    known = _known_of_check(t)
    if (
        asked
        and t.flow
        and t.flow.get("kind") == flows.CHECKLIST
        and wants_check(t, msg.norm)
        and known < _FEW_KNOWN
        and _to_check(t, msg)
        and not WHAT_ABOUT.match(msg.norm)
        and not says(msg.norm, t.kn, "conclude")
        and not VERDICT_NOUN.search(msg.norm)
        and (decision.intent in (None, t.flow.get("topic")) or decision.intent in status_topics(t, msg, anywhere=True))
    ):
        # “帮我们看下够不够小巨人 前年评上的市级专精特新 …” with the check just begun: its facts, and the check
        # asked on (no verdict of a dozen conditions to confirm)
        return Act(acts.ANSWER, check=True, values=t.facts(msg.text))
    if not asked or (
        not _checking(t) and wants_check(t, msg.norm) and (not known or (known < _FEW_KNOWN and _to_check(t, msg)))
    ):
        # nothing known yet: “我们到底能不能申请” starts the check (a figure calculated with is no answer); so does
        # “我们到底能不能享受 你帮我评估一下” with only the trade known (我们做齿轮的, said with a question)
        return None
    current = t.check_topic
    other = (
        decision.intent
        and decision.intent != current
        and t.kn.topics[decision.intent].kind == "policy"
        and names_topic(t, msg, decision, decision.intent)  # (结论是什么 only resembles 智造重镇是什么)
    )
    questionnaire = (t.flow or {}).get("kind") == flows.QUESTIONNAIRE
    if other and not questionnaire and decision.intent in status_topics(t, msg, anywhere=True):
        other = False  # “有市级企业技术中心 就这些 能报不” in the 研发准备金 check: a title held, then this verdict
    if other and _checking(t) and named_only_denied(t, msg, str(decision.intent)) and not _STILL.search(msg.norm):
        # “没评过单项冠军 条件都齐了 能不能报” in the 小巨人 check: a title not held, then this verdict (not “预缴的时候
        # 没享受加计扣除 年底汇算还能享受不”: whether what was not had can still be)
        other = False
    values = t.facts(msg.text)
    pending = t.flow.get("pending") if t.flow else None
    stated = SUCCESS_A_NOT_A.sub("", msg.norm)  # (得不得行 asks; it answers nothing)
    hopeless = _NO_HOPE.search(msg.norm) or _NOTHING_MORE.search(msg.norm)  # (是不是没得戏了, 没有了的话…: no 否)
    hopeless = hopeless or _VERDICT_OR_NOT.search(msg.norm)  # (能下结论没得: its 没得 asks, it is no 否)
    hopeless = hopeless or _REACHED_OR_NOT.search(msg.text)  # (都对得上没有 说个结论: asked, no 否)
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
        if value is True and (ack := _ACKNOWLEDGED.match(said.norm.lstrip())):
            after = said.norm.lstrip()[ack.end() :]
            if answer_value(t, Message(after, after), t.kn.criteria[pending]) is not True:
                # asked 近三年是否出过重大事故, told “OK 那我们能不能报”; asked 是否属于目录, told “好 结论嘛 能不能报”
                # after a follow-up: an opening OK acknowledges the reply before, it admits nothing
                value = None
        if value is True and values and yes_only_by_lead(t, said, t.kn.criteria[pending], values):
            value = None  # “好的 帮我们看一下 我们在渝北注册…”: 好的 takes the check in, it is no 是
        if value is False and values and no_only_of_others(t, said, t.kn.criteria[pending], values):
            value = None  # asked 是否属于中小企业, told “莫得失信莫得事故 够了吧”: its 莫得 denies those
        owned = t.kn.criteria[pending].type == "number" and all_owned(t, msg, values)
        attending = str(t.state.get(flows.ATTENDING) or "")
        if moved := denial_of_the_one_asked_about(t, said, attending, str(pending), value):
            values.update(moved)  # (评价得分是啥子 在哪里测 → “还没测过 先判一下嘛”: the score is not known)
        elif value is not None and not owned:  # (“高新收入七成 …” is no answer to the share of technicians)
            values[pending] = value
    if other and questionnaire and not says(msg.norm, t.kn, "conclude"):
        return None  # “首版次软件那个 …能报不” during “which policies suit us”: that policy's check, asked for
    if other and all(t.kn.criteria[c].presume is not None for c in values) and not _this_checks(t, msg, decision, last):
        # “那高企呢 够不够”: a check on another topic (with figures or an answer, it is still this one); so is
        # “小巨人我们直接报可以不”, whose 直接报 only says which kind of that policy is asked about
        return None
    if (
        WHAT_ABOUT.match(msg.norm)
        and not VERDICT_NOUN.search(msg.norm)  # (“那结论呢 能按120不”: the verdict, of that kind)
        and any(t.kn.criteria[c].presume is not None and t.profile.get(c) != v for c, v in values.items())
    ):
        return None  # “那国家级的单项冠军呢 有没得戏”: the other variant, asked about (a follow-up)
    # a check asked for again right after its verdict, in words that ask no verdict (结论, 判断)
    checked_again = (
        t.flow is None
        and current
        and current == (t.state.get("last_check") or {}).get("topic")
        and not bare
        and not says(msg.norm, t.kn, "conclude")
        and not VERDICT_NOUN.search(msg.norm)
    )
    if checked_again and _OURS_ASKED.search(msg.norm) and _other_kind_named(t, msg, current, values):
        # “那中小企业技术研发中心我们够不够” after the verdict of the municipal centre: the check of the other kind,
        # asked on from what is known (not a verdict of its conditions, none asked yet)
        return Act(current, topic=current, check=True, values=values)
    if checked_again and not values and not _NOW_PLEASE.search(msg.norm) and _asked_on(t, msg):
        # “那帮我看看这个能不能报” after the other kind was talked of, after the verdict: the check asked for in so
        # many words, with most of its conditions still to ask (not a verdict of their unknowns)
        return Act(current, topic=current, check=True)
    if (
        values
        and all(t.kn.criteria[c].this_turn_only for c in values)
        and (HEARSAY.search(msg.norm) or COUNTS_AS.search(msg.norm))
        and not bare
        and not says(msg.norm, t.kn, "conclude")
        and not VERDICT_NOUN.search(msg.norm)
    ):
        return None  # “听说有的能按120% 我们得行不”: a rate heard of, what it asks of us (not a verdict of it)
    return Act(acts.ANSWER, conclude=True, values=values)


_WHICH_ONE = re.compile(r"哪家|哪个|哪种|哪一家|哪些|找谁|找哪|哪里|哪儿")
"""Which one (找哪家保险公司), asked in a clause before one is proposed."""
_ONE_OR_NOT = re.compile(r"(?P<who>[\u4e00-\u9fffA-Za-z]{1,8}?)(得不得行|得行不|行不行|行不|可以不|可不可以|要得不)")
"""A last clause proposing one and asking if it will do (人保得行不)."""
_US_OR_THIS = re.compile(r"[我咱这那]|自己|本身")
"""…unless what it proposes is us or this case (我们得行不, 这样行不): the verdict asked."""


def _one_proposed(msg: Message) -> bool:
    """“这个保险找哪家保险公司买 人保得行不”: which one asked, then one proposed (人保 will do?), no verdict asked."""
    said = [normalize(c) for c in clauses(msg.text)]
    proposed = _ONE_OR_NOT.fullmatch(said[-1]) if len(said) >= 2 else None
    if proposed is None or _US_OR_THIS.search(proposed["who"]):
        return False
    return any(_WHICH_ONE.search(c) for c in said[:-1])


def _asked_of_elsewhere(t: Turn, msg: Message) -> bool:
    """Whether every clause that asks is of another world (工业母机概念股现在能不能上车).

    Not “个税那个不管了 | 你直接说我们高企够不够嘛”, nor “你先说够不够 | 另外…能不能帮我们申请点贷款”.
    """
    asking = [c for c in clauses(msg.text) if asks(t, Message(c, normalize(c)))]
    return all(t.match(c)[1].reason == "out_of_scope" for c in asking)


_WHICH_ONES = re.compile(
    r"(能|可以|可能|够得上|符合|适合)(搞|报|申报|申请|享受|弄|拿|评)?(哪些|哪几样|哪几个|哪几项|哪样|哪个|啥子|什么|些啥)"
    r"|推荐(哪些|哪几个|哪几样|啥子|什么|些啥|几个|一下|下|哈|点)|列(出来|一下|个单子)|(最该|应该|该)?先(弄|搞|报|做|申报|申请)哪(个|样|一个|些)"
)
"""Which policies we may have, asked during the questionnaire (我们能报哪些嘛, 能搞哪几样): its list."""
_OURS_ASKED = re.compile(
    r"我们[^，,。]{0,4}(够不够|能不能|能报|报得|可以报|可不可以|行不行|得不得行|评得上|能评|够得着|够得到|够得上)"
)
"""Whether we qualify, asked in so many words (我们够不够): of a new kind, its check (not 那市级的行不行, a verdict)."""


def _other_kind_named(t: Turn, msg: Message, topic: str, values: dict[str, Any]) -> bool:
    """Whether the message names another kind of the ``topic`` just judged (中小企业技术研发中心 after 市级技术中心)."""
    own = checklist_criteria(t.kn, topic, t.day) or {}
    return any(
        c in own
        and t.kn.criteria[c].presume is not None
        and not t.kn.criteria[c].this_turn_only
        and t.profile.get(c) not in (None, v)
        for c, v in values.items()
    )


def _asked_on(t: Turn, msg: Message) -> bool:
    """Whether the message asks for the check itself while fewer than half its conditions are known.

    “帮我们核一下到底能不能享受”: the questions asked on, not a verdict of unknowns (not with 结论 or 结果 said).
    """
    if not _CHECK_FOR_US_SAID.search(msg.norm) or VERDICT_NOUN.search(msg.norm):
        return False
    own = _check_criteria(t) or {}
    return bool(own) and 2 * len(t.profile.keys() & own.keys()) < len(own)


def _check_criteria(t: Turn) -> dict[str, Criterion] | None:
    """The criteria of the check the conversation is on, in force today (None without one)."""
    current = t.check_topic
    return checklist_criteria(t.kn, str(current), t.day) if current in t.kn.topics else None


def _known_of_check(t: Turn) -> int:
    """How many conditions of the check the conversation is on are known (not only of a calculation)."""
    own = _check_criteria(t)
    if own is None:
        return len(t.profile)
    calculator = t.kn.topics[str(t.check_topic)].calculator
    return len(t.profile.keys() & (own.keys() - set(calculator.inputs if calculator else ())))


_NOW_PLEASE = re.compile(r"先说|就问|快点|有没有戏|有没得戏|有戏没|莫绕|别绕|给个话|给句话")
"""The verdict asked for now, on what is known (你先说有没有戏嘛, 就问够不够 快点): no check begun instead."""


_EVALUATE = re.compile(r"帮(我|我们|忙)?(看|核|评估|对|测|查|过)|评估")
"""A request to go through the conditions (帮我们看下, 你帮我评估一下), not only whether we qualify."""


_OUR_CASE = re.compile(r"(我们|我)(这种|这个|这样的?)(情况|条件|企业|公司|厂)")
"""Our case put to the check (我们这种情况行不行 | 沙坪坝的 做数控刀片 …): the conditions gone through, as asked."""


def _to_check(t: Turn, msg: Message) -> bool:
    """Whether a request to go through the conditions should begin (or ask on) the check rather than judge now."""
    return bool(_EVALUATE.search(msg.norm) or _OUR_CASE.search(msg.norm)) and _undecided(t, msg)


def _undecided(t: Turn, msg: Message) -> bool:
    """Whether what is known, with what the message tells, decides nothing yet in the check (批发占七成 does).

    Not when the verdict is asked for straight away (你先说有没有戏嘛).
    """
    topic = t.check_topic
    if STRAIGHT.search(msg.norm) or _NOW_PLEASE.search(msg.norm):
        return False
    if topic is None:
        return True
    found = flows.judged(t, {"topic": topic}, told=t.facts(msg.text))
    return found is None or found[2].result == checklist.OPEN


_FEW_KNOWN = 2
"""With fewer conditions known than this, a request to check starts the check rather than giving the verdict."""


def _opens_an_answer(t: Turn, msg: Message) -> bool:
    """Whether a verdict word opening the message (那就是) only introduces a figure or fact said plainly after it."""
    lead = max((w for w in words(t.kn)["conclude"] if msg.norm.startswith(w)), key=len, default="")
    rest = msg.norm[len(lead) :]
    stated = any(q.unit for q in quantities(rest)) or bool(t.facts(msg.text))  # (那就是全部在境内 对头)
    first = clauses(msg.text)[0] if msg.text.strip() else ""
    # (“那就是 全部是我们自己团队写的 登记也只有我们一家”: 那就是 on its own, then what it is, said at length)
    stated = stated or (normalize(first) == lead and len(rest) >= LONG_ANSWER_CHARS and not asks(t, msg))
    # (not “直接说能不能报市级的”: the lead itself asks the outcome, and 市级的 says which one)
    return bool(lead) and len(rest) >= ANSWER_AFTER_CHARS and stated and not _OUTCOME_OR_ASKED.search(msg.norm)


ANSWER_AFTER_CHARS = 4


LONG_ANSWER_CHARS = 8


_OUTCOME_OR_ASKED = re.compile(r"[不没吗嘛呢?？够行差]|可以|符合|结论|结果|能报|能评|能申|能享受|报得|评得")


def _this_checks(t: Turn, msg: Message, decision: Any, last: Message) -> bool:
    """Whether a verdict request naming another topic, one with nothing to check, asks this check's verdict.

    So it does when the topic is named only by a word of a condition of this check (知识产权这块我要问下技术部
    你先说够不够嘛), or in a fact said before a closing clause that asks the verdict (专利是跟高校合作的 … 能不能
    先给个结论). “那高企呢 够不够” asks another's.
    """
    topic = t.kn.topics.get(str(t.check_topic or ""))
    version = checklist.version_in_force(topic, t.day) if topic else None
    if version is None or WHAT_ABOUT.match(msg.norm) or t.kn.topics[decision.intent].checklist:
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
        and not means(last, in_check=True)
    )


_ASKING_VERDICT = re.compile(r"说|讲|告诉|给|判断|结论")
"""Words of a clause asking for the verdict (as a question by its shape does), not stating it (就不得行了嗦)."""


_PAST_RULE = re.compile(r"以前|原来|老标准|旧标准|之前|往年")


_AMOUNT_TOO = re.compile(
    r"(那|那么|如果行|行的话|要是行)?(能|可以|大概|一共|最多)?(补|扣|拿|奖|减|少缴|少交)(好多|多少|几多)(钱)?(嘛|呢|哦|喃)?"
)
"""After the result asked, how much the policy gives: the verdict says it (政策内容), no question of its own."""


def _outcome_then_aside(t: Turn, msg: Message) -> bool:
    """“那我们到底符合不 行的话我去跟老板说”: the result asked first, then what the user will do, which asks nothing."""
    said = clauses(msg.text)
    if len(said) < 2 or _PAST_RULE.search(msg.norm) or not asks_outcome(t, Message(said[0], normalize(said[0]))):
        return False  # (not “以前不是一千万就可以吗 按老标准我们是够的撒”: the old rule, argued)
    if t.match(said[0])[1].intent not in (None, t.state.get("topic")):
        return False  # (“我们企业总的还能享受啥子政策 帮我匹配一下”: which policies, another question)
    rest = " ".join(said[1:])
    norm = normalize(rest)
    if t.facts(rest) or norm.startswith("还是"):
        return False
    if asks_in_a_clause(t, Message(rest, norm)) and not _AMOUNT_TOO.fullmatch(norm):
        return False  # (“到底得不得行 能补好多”: the verdict, which says what the policy gives)
    # (not “重庆市级的单项冠军我们够不够 帮我看下”: the check asked; nor “…按老标准我们是够的撒”: a claim)
    return not (wants_check(t, norm) or says(norm, t.kn, "outcome") or says(norm, t.kn, "conclude"))


def _aside_then_outcome(t: Turn, msg: Message) -> bool:
    """“电话先放到 你先说我们现在能不能认定”: an aside that asks and tells nothing, then the result asked."""
    said = clauses(msg.text)
    last = normalize(said[-1]) if len(said) > 1 else ""
    if not last or not asks_outcome(t, Message(said[-1], last)):
        return False
    if not (says(last, t.kn, "conclude") or wants_check(t, last)):
        return False  # (顺便问下 | 公司注册地址能不能迁到自贸区去: a new question, not the result)
    if t.match(msg.text)[1].reason == "out_of_scope":
        return False  # (石墨烯概念股最近涨得凶 | 你觉得能不能买点: another world's question)
    rest = " ".join(said[:-1])
    norm = normalize(rest)
    if len(norm) > ASIDE_CHARS or supposes(msg.text):
        return False  # (如果出个新版本重新登记著作权 | 算不算: a case supposed, asked about)
    return not asks_in_a_clause(t, Message(rest, norm)) and not t.facts(rest)


ASIDE_CHARS = 8
"""An aside before the result asked is this short (电话先放到)."""


_VERDICT_OR_NOT = re.compile(r"(结论|结果|定论|说法|准话)(没得|没有|莫得|没|不)$")
"""A request for the verdict that ends by asking “or not” (能下结论没得): its 没得 answers nothing."""


_REACHED_OR_NOT = re.compile(rf"({REACHED}|够格|达标|够条件|有戏|合格)(没得|没有|莫得|没)(?=$|[\s，,。！!？?嘛哦啊呢])")
"""A reach asked “or not” at the end of a clause (都对得上没有, 够格没得 给个话): its 没有 answers nothing."""


_NOTHING_MORE = re.compile(r"(没有|没得|莫得|没)了|没别的|没其他")
"""Nothing more to tell (没有了的话给个结论嘛): no answer to the question pending."""


_ASKING_FILLERS = re.compile(r"是不是|那么|那|到底|究竟|现在|这下|了|嘛|吗|呢|哦|噻|啊|说句话")
"""Words around a request for the verdict that answer nothing (那到底…嘛)."""


_ACK_WORDS = "ok|好的|好|行|可以|要得"
"""Words that only acknowledge (longest first where one opens another: 好的 before 好)."""


_ACKNOWLEDGED = re.compile(rf"({_ACK_WORDS})(吧|的)?")
"""What is left of a request for the verdict that only acknowledges (可以了吧 给个结论): no answer to the question
(对 and 是 still answer it: “对 直接给结论” is a yes)."""


_STILL = re.compile(r"还(能|可以|可不可以|能不能|享受得到|来得及|补得到|追得回|补报)")
"""Whether what was not had can still be (年底汇算还能享受不): asked of that thing itself."""

_NO_HOPE = re.compile(r"(没得|莫得|没有|没)(戏|搞头|搞|希望|指望)|不行|不得行|行还是不行")
"""Asking whether it is hopeless (是不是没得戏了, 那是不是就不得行了): a request for the verdict, no 否 to the question
pending."""


_CHECK_FOR_US_SAID = re.compile(r"(帮我们|帮我|帮忙|麻烦|给我们|给我)(对|核|测|查|看|评估)(?!过)")
"""A request to be checked, in it (帮我们对一下嘛 看够不够): the check, whatever result word follows (not 帮我们对过:
someone did)."""


_APPLYING = "(直接)?(报|申请|申报|评|享受)"


_CLOSING = "(噻|吧|嘛|哈|撒|不|没|吗|哇)*$"
"""The parts the two patterns below share: applying (directly), and the particles that close the question."""


_NOW_IT_DOES = re.compile(
    rf"^(所以|那|那么)?(这下|现在|这样|这回|那就|这个)(就|总)?(能不能|可不可以|得不得行|行不行|够不够|符不符合|能|可以|得行|够|行|符合){_APPLYING}?[^了不没吗]{{0,4}}了?"
    + _CLOSING
)
"""The last clause after facts, asking if they make it now (这下能报了噻, 现在可以申请了不, 这样能不能加计嘛)."""


_THEN_IT_DOES = re.compile(rf"^(所以)?那(就)?(能|可以){_APPLYING}了?{_CLOSING}")
"""…or, after facts only, 那可以报了不: those facts, then whether they make it."""

_MET_NOW = re.compile(r"^(条件)?(都|全|就)?(满足|符合|达标|合格|够格|够)了(不|没得|没有|没|吗|噻|吧)(嘛|哦|噻|哇)?$")
"""…or 满足了不, 都符合了吧: whether they make it, asked of the conditions."""


def _tells_of_us(t: Turn, msg: Message) -> bool:
    """Whether a request for the check says what the enterprise is (我们巴南的 做摩托车配件), naming no figure.

    The check starts on it, no verdict on what an earlier question supposed.
    """
    said = t.facts(msg.text)
    return bool(said) and bool(_OURS_SAID.search(msg.norm)) and not quantities(msg.norm)


_OURS_SAID = re.compile(r"我们|我司|我们公司|我们厂|本公司")
"""The enterprise speaking of itself."""


def _unnamed(t: Turn, norm: str) -> str:
    """``norm`` without the names of the topic checked (这样能直接报小巨人不 → 这样能直接报不)."""
    return without(norm, frozenset(topic_names(t).get(str(t.check_topic or ""), [])), "")


_BARE_CONCLUDE = frozenset({"结果", "结论", "结果嘞", "结果咧", "然后呢", "所以呢"})


_LEAD_ACK = re.compile(rf"^(({_ACK_WORDS})(了|啦)?|嗯)")
"""An acknowledgement before a bare request for the result (OK 结果, 行了 结果)."""


def missing(t: Turn, msg: Message) -> Act | None:
    """还缺啥 / 差多少: what is still unmet or unknown; of the other kind, when the message names it.

    “那国家级单项冠军呢 我们差在哪” after the municipal kind's 符合: what the national one lacks.
    """
    act = _missing(t, msg)
    if act is None:
        return None
    return switched_to(t, act, variant_taken_up(t, msg))


def _missing(t: Turn, msg: Message) -> Act | None:
    if not checkable(t):
        return None
    checked = (flows.referred(t, topic_check=False) or {}).get("topic")
    other = other_policy_named(t, msg, str(checked)) if checked else None
    if other and _NEXT_TITLE.search(msg.norm) and not variant_taken_up(t, msg):
        return None  # “评上以后再冲小巨人 还差啥子” after 专精特新's verdict: what 小巨人 lacks, its own check
    if WHY_NOT.match(msg.norm) and flows.referred(t, topic_check=False) is not None:
        return Act(acts.FOLLOWUP, part="missing")  # “为啥子不得行 我们也有搞研发的嘛”: what is unmet, and why
    if _others_fine_asked(t, msg):
        return Act(acts.FOLLOWUP, part="missing")  # “就是说其他都够了撒” right after a verdict: what is not, if any
    if (_WHY_LEAD.match(msg.norm) or _WHY_LEAD.match(msg.text)) and _falls_short(t):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “为啥子嘛 我们数据比好多专精特新都好”: why
    tail = last_clause(msg).norm  # (差好大一截哦 | 要补几个人才够: the clause that asks)
    if (
        _ENOUGH_AT.search(tail)
        and len(tail) <= CONTROL_CHARS
        and _falls_short(t)
        and t.match(msg.text)[1].intent in (None, (flows.referred(t, topic_check=False) or {}).get("topic"))
    ):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “那研发要到好多才够”: the gap, with the amount
    part = _THAT_PART.match(msg.norm)
    if part and SUCCESS_A_NOT_A.search(msg.norm) and _falls_short(t) and t.match(part[2])[1].intent is None:
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “那研发那块呢 四百万够不够”: that condition's gap
    if (_GAP_TOLD_BACK.fullmatch(msg.norm) or _BECAUSE_OF.fullmatch(msg.norm)) and _falls_short(t):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “那是差一个点嗦”, “就是因为没上规嗦”: to confirm
    if _TOLD_BACK_END.search(msg.norm) and _told_again(t, msg) and _falls_short(t):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “那转让来的就完全没得办法了嗦”: what is unmet, again
    if _HOW_MANY_MORE.search(tail) and len(tail) <= CONTROL_CHARS and _falls_short(t):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “还要添几个研发的人”: the gap, counted
    if _A_BIT_SHORT.search(msg.norm) and len(msg.norm) <= CONTROL_CHARS and _falls_short(t):
        return Act(acts.FOLLOWUP, part="missing")  # after 不符合, “差一点点也不行嗦”: the gap and the bar again
    if (
        len(msg.norm) > CONTROL_CHARS
        and _falls_short(t)
        and any(len(n) <= CONTROL_CHARS and says(n, t.kn, "missing") for n in map(normalize, clauses(msg.text)))
        and not DIFFERENCE.search(msg.norm)
    ):
        # after 不符合, “那还差好多嘛 大概要补好多研发费”: the gap, asked in a clause of its own
        return Act(acts.FOLLOWUP, part="missing")
    if (
        len(tail) <= CONTROL_CHARS
        and says(tail, t.kn, "missing")
        and not DIFFERENCE.search(msg.norm)
        and variant_taken_up(t, msg)
    ):
        return Act(acts.FOLLOWUP, part="missing")  # “那市级企业技术中心 我们还差好多”: what that kind lacks
    said = msg.norm
    if tail != msg.norm and leaving(t, last_clause(msg)):
        said = msg.norm[: len(msg.norm) - len(tail)]  # (哪些没说清楚的 给我列一下 | 我去问: the user's next step)
    if not says(said, t.kn, "missing") or len(said) > CONTROL_CHARS or DIFFERENCE.search(msg.norm):
        return None  # (“综合类和行业类门槛差在哪”: how two things differ, not what we lack)
    if says(msg.norm, t.kn, "resume"):
        return None  # “回到首版次 还有啥没问的”, “继续 还要问啥”: on with the check, which asks what it has not
    if wants_check(t, msg.norm) and flows.referred(t, topic_check=False) is None:
        return None  # “核一下嘛 看我们差好多” before any check: the check, which finds the gaps
    if wants_check(t, msg.norm) and t.flow is not None and t.flow.get("asked", 0) <= 1 and not _figures_known(t):
        return Act(acts.ANSWER, check=True)  # (the check just begun, no figure told: on with its first question)
    return Act(acts.FOLLOWUP, part="missing")


_BECAUSE_OF = re.compile(
    r"(那|所以)?(就是|主要是|是不是|只是|还是|就)?(因为|由于|卡在|输在)(.{1,12}?)(的原因|的问题)?"
    r"(嗦|噻|撒|哦|啊|吧|嘛|是吧|对吧|哇|唛|哈|吗|呀)?"
)
"""“就是因为没上规嗦”, “是不是卡在营收上”: the reason the verdict failed, told back to be confirmed (its gap)."""
_OTHERS_FINE = re.compile(
    r"(其他|其它|其余|别的|剩下)的?(条件|几条|几项)?(都|全|全部|也都)(够|没问题|满足|可以|行|达标|符合|齐|过)了?"
    r"(噻|撒|嘛|吧|哈|嗦|哇|哦|是吧|对吧|吗|呢|唛)?$"
)
"""“其他都够了撒”, “其他都没问题噻”: the rest said to be met, asked to be confirmed."""


def _others_fine_asked(t: Turn, msg: Message) -> bool:
    """Whether, right after a verdict, the message only asks that the rest be confirmed as met (its gaps answer)."""
    return (
        bool(t.state.get(flows.VERDICT_GIVEN))
        and bool(_OTHERS_FINE.search(msg.norm))
        and not t.facts(msg.text)
        and not VERDICT_NOUN.search(msg.norm)  # (“其他都没问题噻 结论呢”: the verdict; 那就是… is no request for it)
    )


_NEXT_TITLE = re.compile(
    r"(评上|拿到|认定|过了|有了)(以后|之后|了)?(再|就)?(冲|报|申|评|搞)|(下一步|接下来|然后|往上|再)(再|就)?(冲|报|申|评|搞)"
    r"|冲(?![突击减销抵账])"
)
"""A next title aimed at once this one is had (评上以后再冲小巨人, 那下一步冲小巨人还差啥子): that title's gap, not
this check's."""
_THAT_PART = re.compile(r"^(那|那么|还有)(.{1,6}?)(那块|那一块|这块|方面|那项|那条)(呢|咧|嘞|喃)")
"""“那研发那块呢”: one part of what was checked, asked about after the verdict."""
_WHY_LEAD = re.compile(r"^(那|可是|但是)?(为啥子?|为什么|凭啥子?|凭什么)(嘛|呢|哦|喃|啊|勒)?(?=[\s,，。?？!！]|我们|$)")
"""A message opening with a bare why (为啥子嘛 …, 为啥子 检测也花了钱的): after a verdict that found a gap, why it
fails."""
_A_BIT_SHORT = re.compile(
    r"差(一|那么)?(点点?|丁点|些|[\d一二两三四五六七八九十百千]+(万|个点|分|人|项|年|%)?)(儿)?(也|都|就)(不|没)(行|得行|够|可以|算|得)"
)
"""Whether falling a little short still fails (差一点点也不行嗦, 就差两百万都不得行啊): asked after a verdict that
found a gap."""


_GAP_TOLD_BACK = re.compile(
    r"(那|所以|意思是|也就是说?)?(就|只|也就)?是?(还|只|就)?差(了)?([\d.]+|[一二两三四五六七八九十百千]+|一点点?)"
    r"(个百分点|个点|点|分|万|个|人|项|年|%)?(多|左右)?(嗦|哦|噻|吧|嘛|哈|啊|是吧|是不是|对不对|对吧|唛|呀)?"
)
"""A message that tells the gap back (那是差一个点嗦, 就差五分是吧): after a verdict that found one, asking it be
confirmed."""


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


_TOLD_BACK_END = re.compile(r"(嗦|是吧|对吧|是不是|对不对|吗|哦|噢)$")
"""At the end of a fact told back after the verdict: asking it be confirmed (那转让来的就没得办法了嗦)."""


def _told_again(t: Turn, msg: Message) -> bool:
    """Whether the message only states facts already recorded with the same values, asking nothing else.

    Not “参与制定行业标准 有没得补贴哦” (a question of its own, on another policy), nor “…可以去合作嗎”.
    """
    if _ASKS_SOMETHING.search(msg.norm):
        return False
    told = t.facts(msg.text)
    if not told or any(t.profile.get(c) != v for c, v in told.items()):
        return False
    checked = (flows.referred(t, topic_check=False) or {}).get("topic")
    return t.match(msg.text)[1].intent in (None, checked)


_ASKS_SOMETHING = re.compile(r"啥|什么|哪|怎么|咋|多少|好多|几|有没|有莫|能不能|可不可以|可以|要不要|得不得")
"""A question word: the message asks something of its own, not only whether what it tells back is so."""


_HOW_MANY_MORE = re.compile(r"(还|再)(要|得|需要)?(添|加|招|补|增加|多招|多加|配|请)(几|好多|多少)")
"""How many more to add (还要添几个研发的人, 再招好多人): after a check found a gap, its size."""
_ENOUGH_AT = re.compile(
    r"(要|得|需要)(降|减|压|提|涨|拉|投|花|做|搞|有|补|加|招|增加|提高|降低|控制)?(到|达到)?(好多|多少|几个|几)"
    r"[^，|]{0,4}?(才够|才行|才得行|才达标|才能|够得到|才达得到)"
)
"""How much would be enough (要到好多才够, 要花好多研发才够得到, 批发那块要降到好多才得行): after a check found
something unmet, its gap."""


_LATER = re.compile(r"明年|后年|以后|今后|将来|下一年|下年|过两年|过几年")
"""A time to come, in the clause that asks after 不符合: whether it can be met then (明年能行不), no verdict now."""


def _later_asked(t: Turn, msg: Message) -> bool:
    """After 不符合, whether the message asks if it can be met in time to come (what it says is a plan, not news)."""
    tail = last_clause(msg)  # (“那贸易那块少做点 | 以后能行不”: the plan, then the question)
    if not (_LATER.search(tail.norm) and asks_outcome(t, tail) and _falls_short(t)) or supposes(msg.text):
        return False  # (a plan, “那今年多投点研发 明年报得成不”, gets the conditions: the follow-up's own reading)
    checked = (flows.referred(t, topic_check=False) or {}).get("topic")
    return t.match(msg.text)[1].intent in (None, checked)  # (not “小巨人是不是要求更高 我们以后有没有戏”, 转人工吧 …)


def _falls_short(t: Turn) -> bool:
    """Whether the check referred to has a condition unmet on what is known."""
    flow = flows.referred(t, topic_check=False)
    found = flows.judged(t, flow) if flow else None
    return bool(found and found[2].unmet)
