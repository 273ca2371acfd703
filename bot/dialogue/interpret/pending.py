"""During a check: the answer to the question asked, facts volunteered, a detour, or a note that it is off topic."""

from __future__ import annotations

import re
from typing import Any

from bot import render
from bot.answers import (
    ASKED_A_NOT_A,
    SUPPOSING,
    UNKNOWN,
    bigrams,
    keywords,
    number_value,
    quantities,
    says_unknown,
    supposes,
)
from bot.dialogue import acts, flows
from bot.dialogue.acts import Act
from bot.dialogue.attribution import (
    FIGURE_ONLY,
    RESTATED_PAIRS,
    gives_parts,
    longest_named,
    named_criteria,
    names_condition_of_check,
    names_criterion,
    names_fact,
    read_answer,
)
from bot.dialogue.interpret.shared import (
    COMPANY_ERRAND,
    ECHO_THEN,
    ERRAND,
    EXCLUDED_PART,
    HANDOFF,
    HELP,
    MATCH,
    MIN_KEYWORD,
    MINE,
    SEVERAL_FACTS,
    WHAT_ABOUT,
    WHAT_QUESTION,
    WHERE_TO,
    WHY_NOT,
    asks_outcome,
    check_asked,
    conditions_part,
    counted_part,
    counts_as,
    denial_of_the_one_asked_about,
    go_ahead,
    heard_of_here,
    hopeless_by_rule_heard,
    mashed,
    means,
    named_by_word,
    of_conditions,
    opens_aside,
    plainer_asked,
    thing_counts,
    titles_stated,
    variant_taken_up,
)
from bot.dialogue.mentions import (
    FIRST,
    foreign,
    in_topic_words,
    named_only_denied,
    names_topic,
    other_policy_named,
    own_words_of,
    pairs_in_topic,
    prerequisite,
    section_naming,
    this_titled,
    topic_names,
)
from bot.dialogue.reading import (
    BOTH,
    CONTROL_CHARS,
    DIFFERENCE,
    Message,
    asks,
    asks_in_a_clause,
    clauses,
    last_clause,
    without,
)
from bot.dialogue.topics import (
    section_asked,
    wants_check,
)
from bot.dialogue.turn import Turn, checklist_criteria, policy_names, says
from intents.match import Decision
from intents.normalize import normalize
from knowledge.schema import Criterion, Topic

_FAR_SHORT = re.compile(r"差(好远|得远|多远|好多|多少|几多|得多)|够得(到|上|着)|够不(到|上|着)")
"""How far short we fall of a kind of the topic (国家级的我们是不是差好远), asked inside its check."""


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


def _figure_or_rank(crit: Criterion) -> bool:
    """Whether a fact of ``crit`` may be kept from a check that does not ask it: a figure or a rank, no variant."""
    return crit.presume is None and (crit.type == "number" or crit.rank_within is not None)


def _sounds_like_other(decision: Decision, current: str) -> bool:
    """Whether the matcher found another topic by the sound of its name (家计扣除 → 加计扣除): named, misspelt."""
    return decision.intent not in (None, current) and bool(decision.top) and decision.top[0].via.startswith("pinyin:")


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
    if mashed(msg):
        return None  # “asdkjh”: keys hit at random, no answer (a short note, then the question again)
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
    aside = opens_aside(t, msg)  # “诶 插一句 …”
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
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text) or conditions_part(t, topic))
    if asking and decision.intent is None and COMPANY_ERRAND.search(msg.norm) and not t.facts(msg.text):
        return Act(acts.NULL)  # “我们想顺便把注册资本减一点 工商那边要走啥子流程”: an errand of ours, no policy's
    how_to = aside and bool(ERRAND.search(msg.norm))  # (顺便问下 公司注册地址…迁到九龙坡要咋办手续: another errand)
    if aside and decision.intent is None and asking and (how_to or not (_OURS.search(msg.norm) and t.facts(msg.text))):
        # (“哦对了 我们是…分公司 不是独立法人 有影响没”: our facts, asked about, are an answer)
        checked = t.kn.topics[flow["topic"]]
        if decision.reason != "out_of_scope" and thing_counts(t, msg):  # (哦对了 卖给贸易商的是不是也不能算)
            return Act(acts.FOLLOWUP, topic=checked.id, part=counted_part(t, checked, msg))
        money = _MONEY_ASKED.search(msg.norm) and decision.reason != "out_of_scope"  # (not 港股IPO有没有补贴)
        another_world = (
            decision.reason == "out_of_scope" and bool(decision.top) and decision.top[0].via.startswith("alias:")
        )
        if (not _asked_in_topic_words(t, checked, msg) and not money) or another_world:
            # (“对了 认定下来所得税是按好多交”: an aside on the topic itself is its question; “对了 个人所得税汇算在
            # 哪里弄”: another world's word, though 所得税 stands in the topic's text)
            return Act(acts.NULL)
        return Act(acts.FOLLOWUP, topic=checked.id, part=section_asked(t, checked, msg.text, asked=True) or "question")
    if WHERE_TO.match(msg.norm) or plainer_asked(t, msg):  # (这个得分在哪儿测, 讲通俗点 …: of the question asked)
        checked = t.kn.topics[flow["topic"]]
        plain = plainer_asked(t, msg)
        return Act(
            acts.FOLLOWUP,
            topic=checked.id,
            part="plain" if plain else section_asked(t, checked, msg.text, asked=True) or conditions_part(t, checked),
        )
    if go_ahead(t, msg.norm):
        return Act(acts.ANSWER, check=True)  # “你问嘛”, “测嘛” with the check already under way: ask on
    if asking and (said := _asked_back_then_answered(t, msg, crit)) is not None:
        # “备案？啥子备案 没搞过”: the question's thing asked back, then answered: the answer, and what it means
        return Act(
            acts.FOLLOWUP,
            topic=str(flow["topic"]),
            part=conditions_part(t, t.kn.topics[flow["topic"]]),
            values={pending: said},
        )
    if (
        asking
        and (WHY_NOT.search(msg.norm) or thing_counts(t, msg))
        and decision.reason != "out_of_scope"
        and not other_policy_named(t, msg, str(flow["topic"]))
        and not _sounds_like_other(decision, str(flow["topic"]))  # (对了 家计扣除的话 委托…能不能算)
    ):
        # “受让的为啥子不行”: why a condition rules something out; its 不行 answers nothing; “相近的算不算嘛”:
        # whether a thing just spoken of meets one (科技人员是指哪些人 品管部算不算: the figure said next is its)
        _attend(t, msg, str(flow["topic"]))
        checked = t.kn.topics[flow["topic"]]  # (车间日常质检的费用能不能也算进去: whether a cost counts in the base)
        told = {c: v for c, v in t.facts(msg.text).items() if c == pending and v is not UNKNOWN}
        if told and _ALL_OF_IT.search(msg.norm):
            # “钱主要花在出厂批次检测 …日常维修保养 这种算不算”: what it names is all of it, and answers the question
            # (not “有个项目只是把外壳换了个颜色 …算不算研发”: one project, asked about)
            return Act(acts.ANSWER, values=told)
        # (“平台上那个评价得分我测了56分 这个算不算数”: the score is told, whether it counts asked)
        scored = {c: v for c, v in told.items() if t.kn.criteria[c].unit == "分"}
        return Act(acts.FOLLOWUP, topic=checked.id, part=counted_part(t, checked, msg), values=scored)
    if asking and _recorded_figure_asked(t, msg, pending):
        # “三个半点不够啊？八千多万的是要好多”: our 3.5% said back and asked about, no answer to the question pending
        return Act(acts.FOLLOWUP, topic=str(flow["topic"]), part=conditions_part(t, t.kn.topics[flow["topic"]]))
    facts, value = read_answer(t, msg, pending, aside=aside)
    if value is not None and value != UNKNOWN and _unsure_at_last(t, msg):
        facts.pop(pending, None)
        value = UNKNOWN  # “目录我翻了 没找到一模一样的名字 有个类似的 不确定算不算”: in the end, not known
    if value == UNKNOWN and asking and _figure_asked_then_unknown(t, msg, crit):
        # “行业平均水平是好多 这个我真的晓不得”: the figure the question turns on, not known
        return Act(acts.ANSWER, values={pending: UNKNOWN})
    if (
        not asking
        and not (facts.keys() - {pending})
        and (moved := denial_of_the_one_asked_about(t, msg, attending, pending, value))
    ):
        return Act(acts.ANSWER, values=moved)  # (评价得分是啥子 在哪里测 → “还没测过”: the score's, not the title's)
    figure = bool(FIGURE_ONLY.fullmatch(msg.norm))  # a bare figure that does not fit is misread, not off topic
    other = decision.intent if decision.intent and decision.intent != flow["topic"] else None
    if other and _named_in_question(t, msg, crit, other):
        other = None  # “研发投入强度要高于全市同行业平均 这个平均是好多”: the question's own words, not 52号文's goals
    if other and t.kn.topics[other].kind == "policy" and not names_topic(t, msg, decision, other):
        other = None  # like another topic's example, but naming none: still about this check
    if other and asking and _ELSE_ASKED.search(msg.norm):
        # “诶问个别的 评了高企研发费还可以加计扣除不”: another question, said so; 评了高企 is its case, not our title
        # (“对了问一哈 预缴的时候没享受加计扣除 年底汇算还能享受不”: when it applies, no check of it)
        return Act(other, topic=other, check=check_asked(t, msg, other))
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
    if other and not asking and (facts or value is not None) and _NOT_HELD.search(msg.norm):
        other = None  # “发展评价得分六十八分 也没得失信 单项冠军没评过”: our facts, and a title we do not hold
    if other and not asking and t.kn.topics[other].kind == "policy" and named_only_denied(t, msg, other):
        other = None  # “投保金额按计划六千万 这个材料也不是用在首台套装备上的”: what our case is not, no switch
    if (
        other
        and asking
        and FIRST.search(msg.norm)
        and prerequisite(t, topic, other)
        and not _ELSE_ASKED.search(msg.norm)
        and not _its_own_first(t, msg, other)
        and not _ITS_OWN_BAR.search(msg.norm)
    ):
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic))
    if (other or (not facts and value is None)) and heard_of_here(t, topic, msg, ours_too=not other):
        # “听说专精特新的话收入门槛可以降到两个亿 是不是哦” in a 单项冠军 check, “网上说要大专以上的占30% 我们大专
        # 以上有四十多个 这个应该够噻” in a 高企 check: a rule of this check heard of, asked about; the verdict
        # when a clause asks for it (网上说做满两年就够了噻 | 你直接说报得了不)
        last = last_clause(msg)
        if (
            last.norm != msg.norm
            and (asks_outcome(t, last) or says(last.norm, t.kn, "conclude"))
            and not hopeless_by_rule_heard(t, topic, msg)
        ):
            return Act(acts.ANSWER, conclude=True)  # (its verdict names each condition with its bar)
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic))
    if len(msg.norm) <= CONTROL_CHARS * 2 and says(msg.norm, t.kn, "plainer") and not facts:
        if other and t.kn.topics[other].kind == "policy" and names_topic(t, msg, decision, other):
            return Act(other, topic=other, part="plain")  # “研发准备金是啥子哦 说简单点”: that policy, plainly
        return Act(acts.FOLLOWUP, topic=topic.id, part="plain")  # “备案那是啥子意思 讲通俗点”
    named_other = bool(other) and names_topic(t, msg, decision, str(other))  # (研发准备金是啥子: that policy)
    # (“负面清单是啥子 晓不得”: what a word means asked, then not knowing it said: the question, no “don't know”)
    asked_first = value == UNKNOWN and not facts and asks_in_a_clause(t, msg) and not names_criterion(msg.norm, crit)
    if (
        (asking or asked_first)
        and (means(msg) or (not named_other and (means(msg, in_check=True) or counts_as(t, msg))))
        and of_conditions(
            t, topic, _without_names(t, msg, topic.id) if named_other else msg, decision.reason != "out_of_scope"
        )
    ):  # (not “插一句 研发准备金那个补贴是咋个算的” in the 小巨人 check: its 研发 is the other policy's name)
        # “科技人员是咋个算的 售后调试的算不算”: what one of the check's own conditions means; a bare share said
        # next is that condition's (高新技术产品收入是啥子意思 → “那就是电机壳体那块 占总收入七成五左右”); facts
        # stated beside the question are kept (市场占有率咋个算哦 我们…国内排第三)
        _attend(t, msg, topic.id)
        meant = EXCLUDED_PART if section_asked(t, topic, msg.text) == EXCLUDED_PART else conditions_part(t, topic)
        return Act(acts.FOLLOWUP, topic=topic.id, part=meant, values=_stated_beside(t, msg))
    which = [Message(c, n) for c in clauses(msg.text) if _EITHER.search(n := normalize(c))]
    if (
        asked_first
        and which
        and pairs_in_topic(t, topic, which[0])[0]
        and not names_condition_of_check(t, which[0].norm)
        and not _answers_named(t, which[0].norm)  # (not “是查账还是核定”: which of a condition's answers)
    ):
        # “那个保险是厂家买还是我们买 我都搞不清楚”: which of two, asked of the topic, and not known: the question,
        # no answer to the condition pending
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    named_elsewhere = named_by_word(decision)
    if (
        decision.reason == "out_of_scope"
        and asking
        and named_elsewhere
        and not figure
        and value is None
        and UNKNOWN not in facts.values()  # (“备案平台? 我真的晓不得 …她休产假了”: not known, of 备案)
    ):
        return Act(acts.NULL)  # “个体户核定征收的个税咋个算”: another world's question; its 核定征收 is not ours
    if (
        decision.reason == "out_of_scope"
        and (asking or value is None)
        and not figure
        and not facts
        and not (value == UNKNOWN and (t.facts(msg.text).get(pending) == UNKNOWN or names_criterion(msg.norm, crit)))
    ):  # (not “我们是查账还是核定征收 我真不晓得 会计休产假去了”, “征收方式? 这个我真晓不得 …”: the question said
        # back, and not known)
        if asking and not named_elsewhere and (in_topic_words(t, topic, msg) or _AWARD_ASKED.search(msg.norm)):
            # (个税汇算…: another world named; 入选奖多少钱: this topic's award, though like an example of another)
            return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
        return Act(acts.NULL)
    # (a greeting in a long message is chatter; 你除了这个还能查啥子 asks what else the bot does, a switch to help)
    talk = other and t.kn.topics[other].kind == "conversation"
    chatter = talk and other not in (*HANDOFF, HELP, MATCH) and len(msg.norm) > 8  # (还能享受啥子其他的: the match)
    if other and asking and BOTH.search(msg.norm) and (here := section_naming(t, topic, other)):
        return Act(acts.FOLLOWUP, topic=topic.id, part=here)  # “这个跟首台套能不能一起享受”: this one's word on that
    if other and asking and decision.score >= t.settings.new_question_score and not chatter:
        return Act(other, topic=other, check=check_asked(t, msg, other))  # a clear question on another topic
    if (
        value is not None
        and asking
        and not named_other
        and (means(msg, in_check=True) or _WHICH_OR_WHY.search(msg.norm))
        and names_criterion(msg.norm, crit)
    ):
        # “目录是哪个目录 在哪里查”: what the pending question's own words mean, not an answer (“don't know”)
        return Act(
            acts.FOLLOWUP,
            topic=topic.id,
            part=section_asked(t, topic, msg.text, asked=True) or conditions_part(t, topic),
        )
    if value is not None and asking and crit.type == "number" and _POLICY_RATE.search(msg.norm):
        value = None  # “评上了所得税是不是减到百分之十五”: the policy's rate asked about, no share of ours
    values = {**facts, **({pending: value} if value is not None else {})}
    if asking and values and all(t.kn.criteria[c].this_turn_only for c in values):
        # “工业母机那个120%我们沾得到边不” in the check: a question on that rate's conditions, no answer
        return Act(
            acts.FOLLOWUP,
            topic=topic.id,
            part=section_asked(t, topic, msg.text, asked=True) or conditions_part(t, topic),
        )
    question = _question_in_check(t, msg, topic, values, value is None, figure)
    if question is not None:
        return question
    if values:
        return Act(acts.ANSWER, values=values)
    if other and not asking and (held := titles_stated(t, msg)):
        return Act(acts.ANSWER, values=held)  # “我们是市级专精特新 21年拿的”: a title held, told; no question on it
    if (
        other
        and not asking
        and t.kn.topics[other].about_document
        and names_condition_of_check(t, msg.norm, topic=topic.id)
    ):
        return Act(acts.ANSWER)  # “研发投入强度大概五个点 跟行业比应该算高的”: of this check's bar, not 52号文's goals
    if other and not chatter:  # no answer in it, and it names another topic (or 转人工): a switch
        return Act(other, topic=other, check=check_asked(t, msg, other))
    if not asking and (elsewhere := t.facts(msg.text, anywhere=True)):
        # facts this check does not ask about: figures and ranks (全国排第五 in the 专精特新 check) are kept and
        # echoed; a yes or no is not (its words may be another check's), and the question is asked again
        return Act(acts.ANSWER, values={c: v for c, v in elsewhere.items() if _figure_or_rank(t.kn.criteria[c])})
    if decision.intent is None and _PRICE_OF_GOODS.search(msg.norm):
        return Act(acts.NULL)  # “今天猪肉好多钱一斤哦 涨没有”: the price of goods, chatter (no money of the policy)
    if decision.intent == flow["topic"] or (asking and section_asked(t, t.kn.topics[flow["topic"]], msg.text)):
        part = section_asked(t, t.kn.topics[flow["topic"]], msg.text)
        if part is None and asking and (_FAR_SHORT.search(msg.norm) or wants_check(t, msg.norm)):
            part = conditions_part(t, topic)  # “国家级的单项冠军我们是不是差好远”: the bars of that kind
        if part is None and not asks_in_a_clause(t, msg) and names_condition_of_check(t, msg.norm, topic=topic.id):
            return Act(acts.ANSWER)  # “软著是前年登记的”: told of a condition, too vaguely to decide; asked again
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
    if (
        asking
        and not figure
        and ((decision.reason != "out_of_scope" and own_words_of(t, topic, msg)) or this_titled(t, topic, msg))
    ):
        # “费率是不是固定3个点”: a question that names no other topic and shares a word with this one's text;
        # “这个保险找哪家保险公司买”: the topic's own 保险, though insurance is another world's word too
        return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")
    if asking and not figure and means(msg, in_check=True) and names_criterion(msg.norm, crit):
        # “备案是啥子意思 我们没弄过”: what the pending question's own word means (and what is said beside it)
        part = section_asked(t, topic, msg.text, asked=True) or conditions_part(t, topic)
        return Act(acts.FOLLOWUP, topic=topic.id, part=part, values=_stated_beside(t, msg))
    if (decision.reason == "out_of_scope" or asking) and not figure:
        return Act(acts.NULL)
    guess = _GUESS_PUT.search(msg.norm) and not quantities(msg.norm)  # (not “批发那块大概占四成吧”: a share told)
    if guess and (part := section_asked(t, topic, msg.text, cues_only=True)):
        return Act(acts.FOLLOWUP, topic=topic.id, part=part)  # “食品厂应该不在那个负面清单里头吧”: a guess to confirm
    return Act(acts.ANSWER)  # not understood: asked again


def _figure_asked_then_unknown(t: Turn, msg: Message, crit: Criterion) -> bool:
    """Whether the message asks a figure of the pending question's own words, then says it is not known.

    “行业平均水平是好多 这个我真的晓不得”: the answer is “don't know” (the question says where to ask); not
    “负面清单是啥子 晓不得”, which asks what a word means.
    """
    last = last_clause(msg)
    if last.norm == msg.norm or not says_unknown(last.norm):
        return False
    head = msg.norm[: len(msg.norm) - len(last.norm)]
    return bool(_FIGURE_ASKED.search(head)) and names_criterion(head, crit)


_FIGURE_ASKED = re.compile(r"(是|有|要|在)?(好多|多少|几个点|几成|啥子水平|什么水平|多高)")
"""How much something is, asked (行业平均水平是好多)."""


def _its_own_first(t: Turn, msg: Message, other: str) -> bool:
    """Whether ``other`` is named before what must come first, and another title after it.

    “小巨人是不是要先有市级专精特新才能报”: what ``other`` itself takes first, not whether this check needs it first.
    """
    first = FIRST.search(msg.norm)
    if first is None:
        return False
    names = topic_names(t)
    before = any(n in msg.norm[: first.start()] for n in names.get(other, []))
    after = msg.norm[first.end() :]
    return before and any(n in after for tid, ns in names.items() if tid != other for n in ns)


def _unsure_at_last(t: Turn, msg: Message) -> bool:
    """Whether the message ends by saying it is not sure whether it is so (…有个类似的 不确定算不算), naming nothing."""
    last = last_clause(msg)
    before = clauses(msg.text)[-2:-1]  # (…但是跟我们这个是不是同一个品种 我也拿不准: the whether, then not sure)
    return (
        last.norm != msg.norm
        and says(last.norm, t.kn, "unknown")
        and any(ASKED_A_NOT_A.search(norm) for norm in (last.norm, *map(normalize, before)))
        and not t.facts(last.text)
    )


_GUESS_PUT = re.compile(r"(应该|估计|大概|可能|多半)[^，,。|]{1,16}吧$")
"""A guess put for confirmation (应该不在那个负面清单里头吧): a question on a part of the topic, no answer."""


_AWARDS = "奖励|奖金|补贴|补助"
"""What a topic pays out, in the words of a question on how much."""


_PRICE_OF_GOODS = re.compile(
    r"(好多|多少|几)(钱|块|元)(一|每)(斤|公斤|吨|个|件|箱|盒|瓶|袋|克|两|桶)"
    r"|(一|每)(斤|公斤|吨|箱|盒|瓶|袋|桶)(好多|多少|几)(钱|块|元)"
)
"""A price of goods (猪肉好多钱一斤): another world's money, not what a policy gives."""
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


_EITHER = re.compile(r"是([^，,。；;|]{1,10})还是([^，,。；;|]{1,10})")
"""Which of two (保险是厂家买还是我们买)."""


def _answers_named(t: Turn, norm: str) -> bool:
    """Whether a which-of-two names the answers of a condition (是查账还是核定: 查账征收 or 核定征收)."""
    either = _EITHER.search(norm)
    if either is None:
        return False
    if "answer_words" not in t.kn.memo:
        t.kn.memo["answer_words"] = frozenset(
            normalize(w) for c in t.kn.criteria.values() for w in (*c.yes_words, *c.no_words) if len(w) >= 2
        )
    said: frozenset[str] = t.kn.memo["answer_words"]
    return any(any(w.startswith(side) or side.startswith(w) for w in said) for side in either.groups())


_NOT_HELD = re.compile(r"没评过|没评上|没拿过|没申请过|没报过|还不是|也不是|莫得|没得")
"""A title said not to be held (单项冠军没评过): its policy is named, not asked about."""
_ALL_OF_IT = re.compile(r"主要|都是|全是|全部|基本上|就只|只有")
"""What a message names is all or most of the thing asked about (钱主要花在…), not a part of it."""


def _stated_beside(t: Turn, msg: Message) -> dict[str, Any]:
    """The facts of the message's clauses that ask nothing (市场占有率咋个算哦 | 我们…国内排第三)."""
    parts = [m[0] for m in _CLAUSE_WITH_MARK.finditer(msg.text)]  # (独立法人是硬杠杠? keeps its ?)
    asking = [asks(t, Message(c, normalize(c))) for c in parts]
    # (not “质量部日常的检测费用 | 能不能算进研发费用”: the clause before a question whether it counts is its subject)
    told = [
        c
        for i, c in enumerate(parts)
        if not asking[i] and not (i + 1 < len(parts) and _COUNTS_IN.match(normalize(parts[i + 1])))
    ]
    if not told or len(told) == len(parts):
        return {}
    return t.facts(" ".join(told))


_COUNTS_IN = re.compile(
    r"(那|这|这个|那个|这种|那种|这些|那些)?(能不能|可不可以|能|可以|算不算)(算|计入|算进|加进|归集)"
)
"""A question whether what was just named counts in (能不能算进研发费用, 可以算进去不)."""


_CLAUSE_WITH_MARK = re.compile(r"[^\s,，。；;!！?？]+[?？]?")


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


_ELSE_ASKED = re.compile(r"(问|说)(个|下|一下|点)?(别的|其他的?|另外的?)|换个(问题|话题)|插(一|个)?(句|嘴|个话)")
"""“等哈 先问个别的 小巨人要营收好多才能报”, “对了 插一句 小巨人…”: another question, not the title this check asks
whether we hold."""


_ITS_OWN_BAR = re.compile(r"(好多|多少|几)[^，|]{0,6}才(能|得行|行|可以|够)")
"""“小巨人要好多营收才能报”: how much the policy named takes, not whether it must come first."""


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


SHORT_ASK = 4
"""A last clause this short that asks the outcome (行不, 够不够) asks only that."""


def _outcome_asked_last(t: Turn, msg: Message) -> bool:
    """Whether the message ends in a short clause of its own that asks the outcome (… 平均3个亿 | 行不)."""
    last = last_clause(msg)
    return (
        last.norm != msg.norm
        and len(last.norm) <= SHORT_ASK
        and (says(last.norm, t.kn, "outcome") or says(last.norm, t.kn, "conclude"))
    )


def _without_names(t: Turn, msg: Message, kept: str) -> Message:
    """``msg`` with the names of every topic but ``kept`` blanked (研发准备金 names no R&D spend of this check).

    A name that is a criterion's word too stays (研发投入强度: the goals' name, and a condition of 高企).
    """
    words = [kw for kw, _cid in keywords(t.kn.criteria, policy_names(t.kn))]
    names = {
        n
        for tid, ns in topic_names(t).items()
        if tid != kept
        for n in ns
        if n in msg.norm and not any(n in kw for kw in words)
    }
    norm = msg.norm
    for name in sorted(names, key=len, reverse=True):
        norm = norm.replace(name, "|" * len(name))
    return Message(norm, norm)


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
    taken = variant_taken_up(t, msg)
    if (
        asking
        and not taken
        and said
        and all(t.kn.criteria[c].presume is not None for c in said)
        and section_asked(t, topic, msg.text, cues_only=True) == conditions_part(t, topic)
        and not named_criteria(t, msg) - set(said)  # (not “国家级的单项冠军要好多营收哦”: one requirement, aside)
    ):
        taken = said  # “市级的那个单项冠军要啥条件”: that kind taken up, and its conditions asked
    if asking and taken and all(t.kn.criteria[c].presume is not None for c in said):
        conditions = section_asked(t, topic, msg.text, asked=True) or conditions_part(t, topic)
        about = WHAT_ABOUT.match(msg.norm)
        rest = msg.norm[about.end() :] if about else ""
        if rest and named_criteria(t, Message(rest, rest)) - set(taken):
            taken = {}  # “那国家级的单项冠军呢 主营要求是好多”: one requirement of the other kind, asked aside
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions, values=taken)
    if (
        values
        and msg.norm.startswith("那")
        and _BARE_WHAT_ABOUT.fullmatch(msg.norm)
        and not MINE.search(msg.norm)
        and all(c in t.profile and t.profile[c] != v for c, v in values.items())
    ):  # “那房地产公司呢” after 批发零售 was told: the same question of another case, nothing of ours
        return Act(acts.FOLLOWUP, topic=topic.id, part=acts.SUPPOSED)
    needed = _needed(t, topic, msg, values) if asking and values else None
    if needed is not None:
        # “去年营收八千万出头 研发要占好多才够”: the figure kept, and the threshold asked answered; a bare share
        # said next is of the condition asked about
        t.state[flows.ATTENDING] = needed
        return Act(acts.FOLLOWUP, topic=topic.id, part=conditions_part(t, topic), values=values)
    supposed = (supposes(msg.text) or (asking and SUPPOSING.search(msg.norm))) and not figure
    if supposed and not asking and len(values) >= SEVERAL_FACTS:
        supposed = False  # “齿轮产品都算高新收入的话占八成多 …创新能力分数78 …没出过事故”: a hedge among facts
    if not supposed and not (values and asking):
        return None
    restated = unanswered and all(t.profile.get(c) == v for c, v in values.items())
    if restated and not supposed and _outcome_asked_last(t, msg):
        return Act(acts.ANSWER, conclude=True, values=values)  # “做了七年 平均3个亿 行不”: said again, then the verdict
    anyones = bool(WHAT_QUESTION.search(msg.norm)) and msg.norm.startswith("那") and not MINE.search(msg.norm)
    if not (supposed or restated or anyones):
        return None
    return Act(acts.FOLLOWUP, topic=topic.id, part=section_asked(t, topic, msg.text, asked=True) or "question")


_BARE_WHAT_ABOUT = re.compile(r"(那|那么)(如果是|要是|换成|换个|是)?[^，|]{1,10}?(的)?(呢|咧|嘞|喃|勒)")
"""“那房地产公司呢”: the last question again, of the one case it names, and nothing more."""


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


_THIS_FIRST = re.compile(r"先(帮我们?|给我们?)?(看|核|对|查|弄|搞)(一下|下|哈)?")
"""In the questionnaire: one policy asked about first (先帮我看专精特新嘛), instead of the whole survey."""


_OURS = re.compile(r"我|咱|公司|厂|单位|^就?[做搞干]|一直|\d|[一二两三四五六七八九十百千万]+[个项件人万亿%成]")
"""Words of the enterprise's own (我们, 厂里) or a figure: a message with them may answer in its own words."""


_POLICY_RATE = re.compile(r"减到|降到|减按|减为|降为|优惠到|税率|所得税")
"""In a question, a figure of the policy's tax rate (所得税是不是减到百分之十五), not of the enterprise."""


def _echo_then_told(t: Turn, msg: Message) -> dict[str, Any]:
    """The facts of an item said back and then told about, read as if it were named without the question mark.

    Only when the rest asks nothing and states nothing on its own: “规上？是的” answers the question asked.
    """
    said = ECHO_THEN.match(msg.text)
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


MANY_FACTS = 4
"""Facts in one message that make it an answer to the check whatever other policy it names in passing."""
