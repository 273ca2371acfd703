"""What the bot says about a topic: the first answer, one section, the sources, the calculation, a lookup."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot import platforms, render
from bot.answers import a_not_a, keywords, places, quantities
from bot.calc import compute, refusal
from bot.dialogue.reading import BOTH, CONTROL_CHARS, DIFFERENCE, Message, asks
from bot.dialogue.turn import Turn, checklist_criteria, human_option, menu, says, set_options
from bot.models import Option, Reply
from intents.normalize import month_digits, normalize
from knowledge.loader import Knowledge
from knowledge.schema import Topic

LOOKUPS: dict[str, Callable[[Knowledge, str], str | None]] = {}
"""Topic id → a function answering specific questions from structured data (None: use the general answer)."""


def _platforms(kn: Knowledge, text: str) -> str | None:
    found = platforms.lookup(kn, text)
    return platforms.render(kn, found) if found.specific else None


LOOKUPS["innovation_platforms"] = _platforms


SECTION_FACTS = 5
"""Facts a section reply shows (the most relevant first); the rest are one tap away."""
CALCULATION = "计算方法"
"""The section a reply with the user's own calculation answers."""
RELEVANT_SECTION = 3
"""Character pairs a question must share with a section's facts (beyond the topic's own name) to lead with it."""


_CONDITION_WORD_CHARS = 3
"""A figure's keyword this long names a condition on its own (科技人员, 一类知识产权); a shorter one (收入) may be
any text's word."""


def _condition_named(t: Turn, topic: Topic, text: str) -> bool:
    """Whether ``text`` names a figure ``topic``'s check asks for by a keyword of its own (科技人员, 高新产品收入).

    The topic's own names do not count: 研发费用加计扣除 names the policy, not its 研发费用.
    """
    own = checklist_criteria(t.kn, topic.id, t.day) or {}
    norm = normalize(text)
    for name in sorted(map(normalize, (topic.title, *topic.aliases)), key=len, reverse=True):
        norm = norm.replace(name, "|") if name else norm
    return any(len(kw) >= _CONDITION_WORD_CHARS and kw in norm for kw, cid in keywords(t.kn.criteria) if cid in own)


def section_asked(t: Turn, topic: Topic, text: str, cues_only: bool = False, asked: bool = False) -> str | None:
    """The action for the part of ``topic`` the message asks about (``section:申报材料``, ``sources``), if any.

    A section's own name wins wherever it stands. Else the cue words of messages.yaml, read in their plain form
    (好多 → 多少, 咋个 → 怎么) in the question's clauses from the last: the clause that asks comes last
    (“去年研发花了三百万。能加计多少？”), and in it the longest cue wins (咋个申请 → 办理流程). A cue for a
    section this topic does not have gives way to the next. Else the section whose facts share the most words with
    the question (预缴 → 时间节点, 核定征收 → 不适用情形); None for a general question, which gets the overview.
    ``cues_only`` skips the guess from shared words. ``asked``: the message is a question on this topic, so a bare
    question word (多少, 怎么, 哪里) names a part too; in a conversation it may be about anything (你咋个看).
    """
    kn = t.kn
    parts = _standing_in(_parts(kn, topic))
    joined = _ASCII_SPACE.sub("", text)  # “requirements 是啥子”: an English word is part of its clause
    joined = _IN_THE_TEXT.sub("|", joined)  # “文件里头…目标是好多”: where it is written, not which document
    joined = _DOCUMENT_WORDING.sub("|", joined)  # “那些文件话我看不懂”: the wording is hard, no document asked for
    joined = _OWN_CONTACT.sub("|", joined)  # “有消息打我电话139…”: the user's number, no question of whom to call
    joined = _OWN_DEPARTMENT.sub(r"\1部", joined)  # “把研发部门单独搞个公司”: our own department, no one to ask
    joined = _MONTH_WORD.sub(lambda m: f"{month_digits(m[1])}月", joined)  # (那十月份呢: as 10月 is written)
    clauses = [c for c in (_clause(kn, topic, raw) for raw in _CLAUSES.split(joined)) if c.strip("|")]
    whole = "|".join(clauses)
    named = [name for name in parts if name in whole]
    if named:
        return parts[max(named, key=len)]
    cues = [(name, w) for name, w in _cues(kn, topic) if name in parts or name == OVERVIEW]
    weak = [(name, w) for name, w in _cues(kn, topic, weak=True) if name in parts] if asked else []
    guess = None if cues_only else _guess(t, topic, whole)
    shaped = _shaped(parts, clauses)
    if shaped:
        return shaped  # 哪个文件规定的: the source, whatever else it names; 哪些情况不能报: exclusions
    seen = next((m for c in clauses if (m := _WHERE_SEEN.search(c) or _GET_INTO.search(c))), None)
    others = [c for c in clauses if seen is None or seen.string != c]
    if seen and not any(_cue(cues, c) for c in others) and (held := _holding(t, topic, seen["thing"], parts)):
        # “目录在哪里看”, “要咋样才能进目录”: the part that speaks of the 目录 (which one is in force), not how to
        # apply (unless another clause asks a part: 是哪年的版本)
        return held
    asking = [i for i, c in enumerate(clauses) if _ASKS_AT_END.search(c)]
    after = clauses[asking[-1] + 1 :] if asking else []
    if after and _cue(cues, clauses[asking[-1]]) and not any(_ASKS_IN.search(c) for c in after):
        clauses = clauses[: asking[-1] + 1]  # “加计扣除今年还是百分之百嘛 财务在弄预缴”: the clause that asks, not why
    specific = [c for c in clauses if (f := _cue(cues, c)) and f[0] not in (MAIN, OVERVIEW)]
    named_before = _cue(cues, specific[-1]) if specific else None  # the part the last clause naming one names
    for clause in reversed(clauses):
        found = _cue(cues, clause)
        if found and found[0] == MAIN and specific and specific[-1] != clause and not _years_told(specific[-1]):
            # “是怎么计算的 存量和增量各按多少比例”: the part named, not its figures (not “做了十几年。…有啥导向”:
            # 几年 there tells how long we have been at it, it asks nothing)
            found = named_before
        if found and found[0] == OVERVIEW:  # “是什么”, “怎么回事”: its own words (怎么) ask for nothing
            clause = clause.replace(found[1], "|")
            found = _cue(cues, clause)
            if found is None and not _cue(weak, clause):
                # what the topic is (the overview), a term one section explains, or one of the measures its main
                # section sets out (在研一批开发一批上市一批是啥意思, 法人化改革是啥子意思)
                if guess is None and CONDITIONS in parts and _condition_named(t, topic, text):
                    return parts[CONDITIONS]  # “高企科技人员是啥意思”: a condition's word, which the conditions explain
                return guess or (parts[MAIN] if MAIN in parts and _measure_named(t, topic, text) else None)
        if found is None and named_before and (bare := _cue(weak, clause)) and named_before[0] == bare[0]:
            found = named_before  # “具体怎么操作，在哪里申报”: the part another clause names
        if found is None and (found := _cue(weak, clause)):  # 多少, 怎么: what the question is about decides first
            about = guess.removeprefix("section:") if guess and guess.startswith("section:") else None
            found = (about, "") if about and about != WHEN else found  # 怎么复核 asks how, never when
        if found is None:
            continue
        if (
            found[0] == CONDITIONS
            and found[1].startswith("才")
            and (when := _cue([c for c in cues if c[0] == WHEN and c[1] not in _DURATIONS], clause))
        ):
            found = when  # “是不是要年底才得行”: 才得行 after a date asks when (after 好久, a condition)
        name, word = found
        if name == kn.messages.sources_header and CONDITIONS in parts and _LIST_REQUIRED.search(clause):
            name = CONDITIONS  # “产品要符合哪个目录”, “要在哪个目录里才算”: a condition, not which document
        if word in _plain_list(kn, kn.messages.fact_words):
            name = _stating(t, topic, word, clause, name)  # the clause that says it tells the facts apart
        if name == MAIN and _amount(kn, clause, whole) and CALCULATION in parts:
            name = CALCULATION  # how much, with the enterprise's own figures: the calculation
        elif (
            name == CALCULATION
            and MAIN in parts
            and not topic.calculator
            and _TAX_SAVED.search(word)
            and not any(q.unit == MONEY for q in quantities(whole))
        ):
            name = MAIN  # “评上高企所得税能少交多少”: what it gives (15% for 25%), where no calculator takes figures
        return parts[name]
    return guess or (_unnamed(t, topic, text, whole, parts) if asked else None)


_OFFICES = (
    "区县|区里头|区里|区级|市里头|市里|市头|重庆市|重庆|市级|省级|工信部|部里|"
    "经信委|经信局|科技局|科委|税务局|税务|财政局|发改委|国家"
)
"""Offices a question may set against each other (去税务局弄还是找经信委): it asks whom to go to."""
_ASKS = {
    "政策依据": re.compile(
        r"(哪个|哪份|哪一个|什么|啥|哪些)(文件|文|办法|规定|公告|通知|政策)(规定|定的|出的|里定|来的|说的|里提|提出)"
        r"|(哪个|哪份|哪一个|哪部|什么|啥)(认定)?(管理)?办法"
        r"|出自|依据是|文号|全称|全名|原文|根据什么|根据哪"
        r"|哪一条|哪条|第几条|依据(什么|哪个|哪些|啥|的是|文件|的文件|哪)|哪号(公告|文件|通知|文)?|(公告|通知)定的"
        r"|(执行|按照|适用|用)的?是?(哪个|哪份|哪一个|什么|啥)(文件|公告|通知|办法|规定)"  # 现在执行的是哪个公告
        r"|文件名|全名叫|名字叫|哪(一)?年的?(文件|公告|通知|办法)"  # 完整文件名叫什么, 是哪年的文件
    ),
    "不适用情形": re.compile(  # (not the A-not-A of 能不能, 可不可以)
        r"((?<!能)不能|(?<!可)不可以|不得(?!算(啊|嗦|哦|喃|数))|不给|不予|不让|不准|没法|无法|没办法|没有办法|莫得办法|没得办法)被?再?"
        r"(申报|申请|报|申|认定|评|享受|补偿|补|给|参与|参加|加计|拿|算|推荐|\|)"  # (|: the topic's name, 不能加计扣除)
        r"|(申报|申请|认定|享受|评|拿|报)不(了|到|上)的|情况下?会?(认定|评|报|享受)不(了|到|上)"
        r"|哪些(企业|情况|情形|单位|公司)[^|]{0,6}(报|申报|申请|评|享受|拿|参加|参与)不(了|到|上|成)"
        r"|不得行(申请|申报|报)|不给推荐|不予推荐|已经(是|有|拿过|拿了|评过|评了|获得).{0,12}还能(不能)?(再)?(报|申|评)"
        r"|(有|是|拿了|评了).{1,10}了还能(不能)?(再)?(报|申|评)"
        r"|不属于|排除在外|被排除|(申报|申请|享受|拿)不(了|到)(吗|嘛|哦|呢|么)?(\||$)"
        r"|不在.{0,12}(范围|之列|目录范围)|导致.{0,12}(不通过|不予|通不过|过不了|被否|取消)"
        r"|(能|可以|可不可以|能不能)同时(报|申|申报|申请|认定|挂)"  # 技术中心和研发中心能同时报吗: one excludes
    ),
    "适用对象": re.compile(  # 用户这边有没有奖励: whom it is for (the buyer too), not what it gives
        r"(用户|买方|采购方|购买方|使用方)(这边|那边|企业|单位)?[^|]{0,6}(奖励|补贴|补助|奖|支持)"
        r"|(厂|企业|单位|方|的)(来)?(报|申请|申报)还是[^|]{0,8}(报|申请|申报)"  # 是卖材料的报还是用材料的厂报
        r"|(买|用|采购|购买)了?我们[^|]{0,6}的[^|]{0,8}(奖励|补贴|补助|奖|支持)"  # 买我们设备的那个厂 能不能拿奖励
    ),
    "办理流程": re.compile(  # 先审资格还是先申请资金: the order of the steps
        r"先[^|]{1,8}(还是|再|后)[^|]{0,3}(申请|申报|报|审|认定|拨付|兑现)"
        r"|直接报[^|]{0,10}还是|还是[^|]{0,6}直接报"  # 直接报工信部还是先走市经信委: which way, not whether
        r"|先(找|去|到|走)[^|]{1,8}还是[^|]{0,4}(直接)?(找|去|到|走|报)"  # 先找区县还是直接找市里: the way to go
    ),
    "申报材料": re.compile(  # 辅助账咋个弄, 辅助账有没得模板: the account kept is a record, not a step
        r"辅助账[^|]{0,6}(怎么|如何)(弄|设|建|做|搞|填|设置|建立|记)|(怎么|如何)(弄|设|建|做|搞|填|设置|建立|记)[^|]{0,4}辅助账"
        r"|辅助账[^|]{0,8}(模板|格式|样式|样表|交给|要交|提交)"
    ),
    "申报条件": re.compile(  # (how much it takes, not how much it gives: 多少钱才够 is a threshold)
        r"(多少|几)[^，|]{0,4}才(够|能|行|算|可以|得行|过|有资格)"
        r"|(起码|最少|至少|最低)(要|得|需要)?[^，|补奖给扣交]{0,6}(多少|几)"
        r"|(有没有|有没得|有莫得|有啥|有什么|有啥子)(限制|硬杠杠|硬杠子|硬性要求|门槛|硬指标)"
        r"|(要|需要|要求|得要)(营收|收入|销售|研发|人员|员工|专利|资产|产值|利润|规模|市场占有率|占有率|市场份额)"
        r"[^补奖给扣交|]{0,6}(多少|几)"
        r"|(要|需要|得|必须)(做|干|从事)(这行|这个行业|这个领域|这一行|细分市场|细分领域|细分)[^，|]{0,6}(多少|几)年"
        r"|(要|需要|得|必须|至少要)(占|达到)[^，|补奖给扣交]{0,8}(多少|几)"  # 科技人员要占员工多少比例: a threshold
        r"|(要|需要|得|必须|要求)(从事|深耕|专注)[^，|]{0,8}(多少|几)年"  # 要从事这个领域几年: a condition
        r"|(取得|拿到|登记|获得)的?(才|就)(行|得行|算|算数|可以)|(几年|多少年|多久)(以内|之内|内)的?(取得|登记|拿到|获得)"
        r"|(要|得|需要|必须)(运行|做|干|成立|经营|搞|建|从事)了?[^，|]{0,4}(好久|多久|好多年|多少年|几年)(才|就)"
        r"(报|能|申|评|可以|够|行|得行)"  # 技术中心要运行好久才报得了: how long it must run, a condition
        # 也要五千万？ 还是要3%吗: a bar put to be confirmed, the conditions'
        r"|(也|还是|都|是不是)(要|得|需要)(求)?(达到|有)?[\d一二两三四五六七八九十百千万亿.][\d一二两三四五六七八九十百千万亿.个]*(万|亿|%|人|年|分|项)?"
        r"(以上)?[?？吗嘛哦不]?$"
    ),
    "咨询部门": re.compile(
        # 税务局还是经信委 (not 直接报工信部还是先走市经信委: where to file), 是不是经信委认定的
        rf"(?<![报走交])({_OFFICES})[^报]{{0,8}}还是[^报]{{0,6}}({_OFFICES})(?!报)"
        rf"|(是不是|是)由?[市区县]?({_OFFICES}|工信厅|经信厅)[^，|报]{{0,4}}(认定|管|批|负责|审批|评审|评定)"
        r"|谁来?(发布|制定|认定|评审|审批|评定|组织)"  # 需求目录由谁来发布: an office (谁来牵头 asks who may lead)
    ),
    "计算方法": re.compile(
        r"\d+%(吗|还是)|还是\d+%|\d+(%|个点)的?费率|费率(上限)?(是|为)?\d|费率上限"  # (3%的费率: the old cap)
        r"|比例(现在)?(是)?(多少|好多|几)|保费[^，|]{0,6}(多少|几成|好多|比例)|(多少|几成|好多)[^，|]{0,3}保费"
        r"|是按\d+%|(补|给|奖|扣|按)[^，|]{0,4}(多少|几)个(百分)?点"  # 是按120%加计吗, 存量增量各补多少个点: the rate
    ),
}
"""Question shapes that name their part whatever cue words stand beside them (plain form, names blanked)."""


ELIGIBILITY_PARTS = ("申报条件", "适用对象", "不适用情形")
"""What a question of “can we apply” asks, when it names no part: the conditions, who the policy is for, or (a
case its facts name: 卖给贸易商的算不算) who is excluded; on equal words, in this order."""
EXCLUSIONS = "不适用情形"


_MAY = re.compile(
    r"(能|可以|可不可以|还能|要先|得先|需要|要不要|才能|才够|是不是得|是不是要|是不是就).{0,12}(吗|不|没|嘛|么|没有|是不是|哦|噻)$"
    r"|要\d+[万亿]?吗$|莫得搞头|没得搞头|没搞头|是不是(得|要)先|是不是必须"
    r"|(报|申报|申请|评|享受|拿|批|搞|建|做|参与|参加|加入|进|弄)得(到|了|上|下来|成|起)(不|没|吗|嘛|哦)"
    r"|(报|申报|申请|评|享受)得(到|了|上|成)[^，|]{1,8}?(不|没|吗|嘛|哦)$"  # 报得了小巨人不: the policy named between
    r"|(搞|建|报|申|评|参与|加入)得(不|吗)(嘛|哦)?$"  # 我们企业搞得不嘛: whether we may
    r"|(能不能|可不可以|可以不可以)(搞|建|做|报|申请|申报|评|参与|参加|加入|享受)(一个|个)?(嘛|哦|呢)?$"
)
"""“可以申请不”, “要先认定吗”, “需要软著吗”: whether the enterprise may, or what it must have first."""
_WHAT = re.compile(
    r"有(什么|哪些|啥|啥子|没有|没得|莫得)|多少|几|哪些|哪几|给不给|补不补|提没提|补(什么|啥)|(达到|实现|搞到)(什么|啥)"
)
"""“有什么好处”, “比例是多少”, “有哪几类”: a question of what the policy holds, not of what it is."""
_LIST = re.compile(r"哪些|哪几|有几|几个|几类|几种|几项|几条")
"""“目标有哪些”: a list asked for, which the overview gives whole; a tie with another section's words keeps it."""
_WHOLE_TOPIC = re.compile(
    r"区别|不同|不一样|差别|差异|difference|一回事|一样不|关系|是个啥|是个什么|是什么|内容|几部分|哪些部分|讲了|讲讲|说了"
    r"|[讲说]的(是)?(什么|啥|哪些)|[讲说]的$"
)
"""“市级的跟国家的有啥区别”, “主要讲了哪些内容”: a question of the whole topic (the overview), whatever it holds (not
“52号文头说的研发投入强度目标是好多”: what it says of one thing)."""


def shaped_part(t: Turn, topic: Topic, text: str) -> str | None:
    """The part a question asks by its shape alone (哪些情况不能报, 哪个文件规定的), whatever else it says."""
    joined = _ASCII_SPACE.sub("", text)
    return _shaped(_standing_in(_parts(t.kn, topic)), [_clause(t.kn, topic, raw) for raw in _CLAUSES.split(joined)])


_WHERE_SEEN = re.compile(
    r"(?P<thing>[^|在哪那这个]{2,6}?)(在|到|去|从)?(哪里|哪儿|哪点|哪个网站|哪个地方|什么地方|啥地方|哪)(看|查|找|下载|翻)"
)
"""Where a thing is to be seen (目录在哪里看, 名单去哪查): the thing, to find in the topic's facts."""
_GET_INTO = re.compile(
    r"(?:(咋样|怎样|怎么样|咋个|怎么|如何)(才能|才可以|能|可以)?(进|列入|纳入|挤进|进入)"
    r"|把[^|]{0,4}?(加进|加入|列进|列入|纳入|放进|弄进|补进|增补进))"
    r"(?P<thing>[^|]{2,6}?)(里|里面|里头|去)?[嘛哦呢啊喃噻]*$"
)
"""How to get into a thing (要咋样才能进目录, 能不能申请把它加进目录): the thing, to find in the topic's facts as
well."""


def _holding(t: Turn, topic: Topic, thing: str, parts: dict[str, str]) -> str | None:
    """The part whose facts speak of ``thing`` most often (the first of equals); None if none does."""
    counts = [
        (sum(thing in fact for fact in facts.split("|")), -n, name)
        for n, (name, facts) in enumerate(section_texts(t, topic))
        if name in parts
    ]
    best = max(counts, default=None)
    return parts[best[2]] if best and best[0] else None


_HELD_THEN_AGAIN = re.compile(r"已经(是|有|拿过|拿了|评过|评了|获得|获评).{0,16}?还能(不能)?(再)?(报|申|评)")
"""A title held said in one clause, applying again asked in the next (已经拿过四川省的首版次认定。还能申报重庆的吗)."""


def _shaped(parts: dict[str, str], clauses: list[str]) -> str | None:
    if EXCLUSIONS in parts and len(clauses) > 1 and _HELD_THEN_AGAIN.search("".join(clauses[-2:])):
        return parts[EXCLUSIONS]
    for clause in reversed(clauses):
        for name, pattern in _ASKS.items():
            if name in parts and pattern.search(clause):
                return parts[name]
    return None


def _standing_in(parts: dict[str, str]) -> dict[str, str]:
    """``parts`` with 政策要点 answering for 计算方法 in a topic without one: what it gives holds its rates."""
    if CALCULATION in parts or MAIN not in parts:
        return parts
    return {**parts, CALCULATION: parts[MAIN]}


_PART_OF_COSTS = re.compile(r"(一|那|这|哪)部分|那块|这块|那笔|这笔")
"""A part of the costs (有一部分是委托做的, 那笔): whether it counts is the calculation's, not the conditions'."""


def _unnamed(t: Turn, topic: Topic, text: str, whole: str, parts: dict[str, str]) -> str | None:
    """The part a question on the topic asks when it names none and its words are no section's.

    “能不能申请”, “报得了不”: whether the enterprise qualifies, the conditions (or who the policy is for, if the
    question shares more words with that section). Any other question (有什么好处, 能帮什么忙, 比例是百分之几):
    what the policy gives, its main section. A message with no question word at all keeps the overview.
    """
    kn = t.kn
    norm = normalize(text)
    plain = plain_form(kn, norm)
    if (
        says(norm, kn, "eligibility")
        or _MAY.search(plain)
        or any(w in plain for w in _plain_list(kn, kn.messages.checklist_words))
    ):
        grams = render.bigrams(norm) - _name_grams(kn, topic)
        near = [
            (len(grams & g), -ELIGIBILITY_PARTS.index(n), n)
            for n, g in _section_grams(t, topic)
            if n in ELIGIBILITY_PARTS and not (n == EXCLUSIONS and "先" in plain)  # 是不是得先拿到: a condition
        ]
        nearest = max(near)[2] if near else None
        if _PART_OF_COSTS.search(plain) and CALCULATION in parts and near:
            calc = next((len(grams & g) for n, g in _section_grams(t, topic) if n == CALCULATION), 0)
            if calc and calc >= max(near)[0]:
                return parts[CALCULATION]  # “有一部分是委托西南大学做的 那个能加计不”: a part of the costs, counted
        if nearest == COVERED and CONDITIONS in parts and any(q.unit in _OWN_FIGURES for q in quantities(plain)):
            return parts[CONDITIONS]  # “营收四千多万还能报小巨人吗”: a figure of ours, against the conditions
        return parts[nearest] if nearest else None
    grams = render.bigrams(_WHAT.sub("|", whole)) - _name_grams(kn, topic)
    shared = {name: len(grams & g) for name, g in _section_grams(t, topic)}
    rival = max((n for k, n in shared.items() if k != MAIN), default=0)
    leads = shared.get(MAIN, 0) > rival or (shared.get(MAIN, 0) == rival and not _LIST.search(whole))
    # (the question's words may be inside a name blanked out: 研发投入强度的目标是多少)
    what = _WHAT.search(whole) or _WHAT.search(plain)
    if MAIN in parts and what and not _WHOLE_TOPIC.search(whole) and leads:
        return parts[MAIN]  # of a thing the policy holds (比例, 平台): not “52号文有哪些”, which is the whole topic
    return None


_WHICH_ONE = re.compile(
    r"(哪个|哪些|哪几个|哪几|什么|啥子?)(平台|园区|方向)|是哪个|是哪些|建的是|规划的是|建什么|建啥|搞什么|搞啥"
    r"|有(没有|没得|莫得)[^，|]{0,12}平台"
)
"""A question of which one (是哪个园区建, 有没有五金方面的平台): what the list answers, whatever else it asks."""


_OWN_FIGURES = ("万元", "亿元", "%", "人")
"""Units of the figures an enterprise tells of itself (营收四千多万, 研发占3%, 科技人员8个人)."""


def _guess(t: Turn, topic: Topic, whole: str) -> str | None:
    """The section whose facts share the most words with the question (none shares enough, or two as many: None).

    A place (我们是两江新区做配件的) says where the enterprise is, not which part it asks: its words do not count.
    """
    whole = _places(t.kn).sub("|", whole)
    whole = _A_NOT_A_SAID.sub(r"\1", whole)  # (能不能享受 shares 不能 with “一季度不能享受”, which it does not say)
    grams = render.bigrams(whole) - _name_grams(t.kn, topic) - _ANY_PART
    scores = sorted(((len(grams & g), -n, name) for n, (name, g) in enumerate(_section_grams(t, topic))), reverse=True)
    if scores and scores[0][0] >= RELEVANT_SECTION and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        return f"section:{scores[0][2]}"
    tied = {name for shared, _n, name in scores if shared == scores[0][0] >= RELEVANT_SECTION} if scores else set()
    if tied == {CONDITIONS, CALCULATION}:
        return f"section:{CONDITIONS}"  # “高企研发费用占比卡多少”: the bar (怎么算 is a cue of its own)
    return None


_ANY_PART = frozenset({"企业", "公司", "我们"})
"""Pairs every part of a topic speaks of (企业): they say nothing of which part is asked."""
_A_NOT_A_SAID = re.compile(r"([能有是可会要])[不没]\1")
"""An A-not-A question's modal (能不能, 有没有): its 不 and 没 say nothing of the facts (read as the verb alone). Not
算不算研发, which asks exactly what the exclusions deny (常规性升级不算研发活动)."""


def _places(kn: Knowledge) -> re.Pattern[str]:
    """The districts and parks of Chongqing, by name and short form (plain form), longest first."""
    if "section_places" not in kn.memo:
        names = sorted(platforms.place_names(kn), key=len, reverse=True)
        kn.memo["section_places"] = re.compile("|".join(map(re.escape, names)) or "(?!)")
    return kn.memo["section_places"]  # type: ignore[no-any-return]


def _cue(cues: list[tuple[str, str]], clause: str) -> tuple[str, str] | None:
    """The (section, word) of the longest cue in ``clause``; of equal ones, the first listed.

    A cue opening with 不 inside an A-not-A question is none (能不能享受 holds 不能享受, but asks whether we may). A
    cue of who is covered gives way to one of a case excluded (核定征收的企业能享受不: the exclusion answers it).
    """
    said = [
        (len(w), -n, name, w)
        for n, (name, w) in enumerate(cues)
        if w in clause and not _a_not_a(clause, w) and not _describes(clause, w)
    ]
    found = max(said, default=None)
    if found and found[2] == COVERED and (excluded := max((c for c in said if c[2] == EXCLUSIONS), default=None)):
        return excluded[2], excluded[3]  # (核定征收的企业能享受不: a case excluded, named, beats “may a kind of us”)
    return (found[2], found[3]) if found else None


def _describes(clause: str, word: str) -> bool:
    """Whether every place of ``word`` describes the thing pointed at after it (市里认定那个: the municipal one)."""
    return all(_POINTED_AFTER.match(clause, at + len(word)) for at in places(clause, word))


_POINTED_AFTER = re.compile(r"的?(那个|那种|这个|这种)$")
"""After a cue, ending its clause: it says which one is meant (重庆市里认定那个), it asks nothing (not 先有那个称号,
nor 鼓励这种吗)."""


def _a_not_a(clause: str, word: str) -> bool:
    """Whether every place of ``word`` (不能享受, 没有份) is the 不 or 没 of a question (能不能享受, 有没有份)."""
    if not word.startswith(("不", "没")) or len(word) < 2:
        return False
    at = clause.find(word)
    while at >= 0:
        if not (a_not_a(clause, at) or (at > 0 and clause[at - 1 : at + 2] == "有没有")):
            return False
        at = clause.find(word, at + 1)
    return True


WHEN = "时间节点"
"""The section of dates and durations: a bare 怎么 or 多少 never asks it, whatever facts the question shares."""
_DURATIONS = frozenset({"好久", "多久", "几年", "多少年", "几个月", "管几年", "管好多年", "有效期"})
"""When-cues that ask how long (要运行多久才能报): before 才…, a condition, not a date."""
CONTACT = "咨询部门"
CONDITIONS = "申报条件"
"""The section a checklist is drawn from: a reply that starts the check leads with it."""
MAIN = "政策要点"
"""The section of what a policy gives: a question of how much, with figures, is a calculation instead."""
OVERVIEW = ""
"""The pseudo-section of ``overview_words``: a question of what the topic is."""
_IN_THE_TEXT = re.compile(
    r"(?<!哪个)(?<!哪份)(?<!什么)(?<!啥)(文件|文里|原文)(里头|里面|里|中|上|头)(?!(哪|是哪|怎么|咋|啥))"
)
"""“文件里头目标是好多”: a place in the text, which asks for nothing (“文件里哪一条” still asks for the source)."""
_DOCUMENT_WORDING = re.compile(r"(那些|这些)?文件(上的|里的|里头的|上头的)?(话|语言|用语|说法|腔)")
"""The wording of the documents (那些文件话): hard to read, said; no document asked for."""
_OWN_DEPARTMENT = re.compile(r"(研发|财务|技术|生产|销售|人事|采购|质检|质量|行政|内部)部门")
"""A department of the enterprise (研发部门): not the authority 部门 asks for."""
_OWN_CONTACT = re.compile(
    r"(打我|联系我|我的?|本人|麻烦打)(的)?(电话|手机|微信|联系方式)(号码?|号)?(是|:|：)?\s*[\d-]*|1\d{10}"
)
"""The user's own phone number (我电话186…, 打我电话): given, not asked for."""
_LIST_REQUIRED = re.compile(r"(要|须|必须|得|需要)(符合|在|是|列入|进)[^|]{0,8}目录|目录[^|]{0,8}才(算|行|得行|可以)")
"""A list the product must be on (要符合哪个目录, 要在哪个目录里才算): a condition asked, not the document."""
_FEW_SAID = re.compile(r"[十百]几年|几十年")
"""几 in a span of years told (做了十几年, 几十年): a hedge, no question."""


def _years_told(clause: str) -> bool:
    """Whether a clause tells a span of years with 几 in it (做了十几年) and asks nothing: its 几 is a hedge."""
    return bool(_FEW_SAID.search(clause)) and not _ASKS_IN.search(_FEW_SAID.sub("", clause))


_ASKS_AT_END = re.compile(r"(吗|嘛|么|呢|[?？])\|*$")
_ASKS_IN = re.compile(
    r"吗|嘛|么|呢|[?？]|啥|什么|怎么|咋|多少|好多|好久|多久|哪|几|谁|还是|([\u4e00-\u9fff])[不没]\1"
    r"|(不|没|没得|没有|莫得|没嘛)\|*$"
)
"""A clause that ends asking (…还是百分之百嘛): statements after it (asking nothing) say why, not what is asked."""
_MONTH_WORD = re.compile(r"(?<![一二三四五六七八九十\d])(十一|十二|[一二三四五六七八九十])月")
"""A month in Chinese numerals (十月份): the facts write it in digits (10月份)."""
_ASCII_SPACE = re.compile(r"(?<=[A-Za-z])[ \t]+(?=[^\s,，。!！?？])|(?<=[^\sA-Za-z,，。!！?？])[ \t]+(?=[A-Za-z])")
"""A space beside an English word (首版次软件 requirements 是啥子: typed to switch keyboards; market share, global
top几: between the words of one English phrase)."""
_CLAUSES = re.compile(r"[\s,，。!！?？;；:：、…~～]+")
"""What ends a clause as people type it (a space included: 研发费三百万 加计了少交好多税嘛)."""


COVERED = "适用对象"
"""The section of who a policy is for: “我们是外资企业 能不能报” asks it before the conditions."""
COVERED_FACTS = 2
"""Facts of 适用对象 (or 不适用情形) shown before a check that a question of who is covered (or excluded) starts."""


def covered(t: Turn, topic: Topic, text: str) -> tuple[str, str]:
    """The first facts of 适用对象 or 不适用情形, titled, and that section's name; else ("", "").

    A request for the check that asks what the policy gives (现在是好多比例, 能补好多) gets its summary line.

    For a request for the check that asks who the policy covers (外资企业能不能认定, 我们是个体户能评吗), or names a
    case it excludes by its words (核定征收的得不得行, 卖给贸易商的算不算): not by the words a figure shares with them.
    """
    said = section_asked(t, topic, text, cues_only=True)
    asked = said or section_asked(t, topic, text, asked=True)  # (the guess from shared words only when needed)
    name = asked.removeprefix("section:") if asked else ""
    if name in (CALCULATION, MAIN) and said == f"section:{name}" and topic.summary and _gives_asked(t, topic, text):
        return f"【{topic.title}】\n{topic.summary}", name  # (现在是好多比例 beside the check: what it gives)
    if name != COVERED and (name != EXCLUSIONS or said != f"section:{EXCLUSIONS}"):
        return "", ""
    body, caveat, _ = render.section_text(t.kn, topic, name, t.day, text, COVERED_FACTS)
    return "\n".join(x for x in (body, t.kn.messages.caveat_footnote if caveat else "") if x), name


def _gives_asked(t: Turn, topic: Topic, text: str) -> bool:
    """Whether a clause of its own asks what the policy gives, with a question word and no figure of ours.

    “加计扣除现在是好多比例嘛 | … 能不能享受”: the rate asked beside the check; not “研发投入百分之四 | 够不够”, our
    figure, whose words only sound like a part.
    """
    for clause in _CLAUSES.split(text):
        norm = normalize(clause)
        if (
            norm
            and _GIVES_ASKED.search(plain_form(t.kn, norm))
            and not quantities(norm)
            and section_asked(t, topic, clause, cues_only=True) in (f"section:{CALCULATION}", f"section:{MAIN}")
        ):
            return True
    return False


_GIVES_ASKED = re.compile(r"多少|几|什么|啥|怎么算|怎么补|比例|好处")
"""In a clause beside the request for the check: what the policy gives is asked (好多比例, 能补好多, 有啥好处)."""


EXCLUSION_SHARED = 2
"""Character pairs (beyond the topic's name) a fact of 不适用情形 shares with a failed condition to be its rule."""


def exclusion_for(t: Turn, topic: Topic, text: str, unmet: list[str]) -> tuple[str, bool]:
    """The fact of 不适用情形 stating the case a message's own facts already fail, titled, and its caveat.

    ("", False) when no fact of that section shares enough words with the failed conditions and the message.

    “首版次软件 我们自己内部用的系统能不能报”: the check says 不符合 at once, and the rule that excludes a
    system for the enterprise's own use is what the question asks (not the conditions one by one).
    """
    section = next((s for s in topic.sections if s.name == EXCLUSIONS and s.items), None)
    if section is None:
        return "", False
    said = render.bigrams(normalize(" ".join([text, *unmet]))) - render.head_grams(t.kn, topic)
    shared = [len(said & render.bigrams(normalize(f.text))) for f in render.facts_in_force(section.items, t.day)]
    if not shared or max(shared) < EXCLUSION_SHARED:
        return "", False
    body, caveat, _ = render.section_text(t.kn, topic, EXCLUSIONS, t.day, " ".join([text, *unmet]), 1)
    return body, caveat


def has_section(t: Turn, topic: Topic, name: str) -> bool:
    """Whether ``topic`` has facts in its section ``name``."""
    return name in _parts(t.kn, topic)


def names_part(t: Turn, topic: Topic, text: str) -> bool:
    """Whether ``text`` names a part of ``topic`` by its own name (申报材料, 政策依据): asked, question or not."""
    said = normalize(text)
    return any(name in said for name in _standing_in(_parts(t.kn, topic)))


def _parts(kn: Knowledge, topic: Topic) -> dict[str, str]:
    """Section name → its action, for the sections this topic has facts in, and 政策依据 → ``sources``."""
    key = ("parts", topic.id)
    if key not in kn.memo:
        found = {s.name: f"section:{s.name}" for s in topic.sections if s.items}
        kn.memo[key] = {**found, kn.messages.sources_header: "sources"}
    return kn.memo[key]  # type: ignore[no-any-return]


def _clause(kn: Knowledge, topic: Topic, raw: str) -> str:
    """One clause, normalised, the topic's names blanked out and the spoken question words in their plain form.

    A cue word that holds one of the names (加计多少 holds 加计) is kept after the blanked clause.
    """
    norm = normalize(raw)
    blanked = plain_form(kn, _without_names(kn, topic, norm))  # 首批次新材料: its 材料 asks for no 申报材料
    holding = _cues_holding_names(kn, topic)
    plain = plain_form(kn, norm) if holding else ""
    held = [w for w in holding if w in plain and w not in blanked]
    return "|".join([blanked, *held])


def bare_part_asked(t: Turn, topic: Topic, norm: str) -> bool:
    """Whether a short question asks nothing but a part of the topic: a cue and words of applying (申报在哪个系统填).

    Such a question is of the topic under discussion, however like another world's example it reads.
    """
    if len(norm) > CONTROL_CHARS:
        return False
    plain = plain_form(t.kn, norm)
    said = [w for name, w in _cues(t.kn, topic) if name != OVERVIEW and w in plain]
    return bool(said) and len(_APPLYING.sub("", plain.replace(max(said, key=len), ""))) <= 1


_APPLYING = re.compile(r"申报|申请|报名|我们|这个|那个|需要|要|的|在|去|填|交|是|呢|嘛|哦|啊|吗|了|哈")
"""The words of applying and asking around a part's cue (申报 | 在哪个系统 | 填)."""


def _cues_holding_names(kn: Knowledge, topic: Topic) -> list[str]:
    """The plain cue words of messages.yaml that hold a name of the topic and say more (加计多少, not 加计)."""
    key = ("cues_holding_names", topic.id)
    if key not in kn.memo:
        names = [plain_form(kn, n) for n in _names(kn, topic)]
        cues = {plain_form(kn, normalize(w)) for ws in kn.messages.section_words.values() for w in ws}
        kn.memo[key] = sorted(w for w in cues if any(n in w and n != w for n in names))
    return kn.memo[key]  # type: ignore[no-any-return]


def plain_form(kn: Knowledge, norm: str) -> str:
    """``norm`` with the spoken forms of messages.yaml in their plain form (好多钱 → 多少钱, 咋个报 → 怎么报)."""
    if "spoken_forms" not in kn.memo:
        pairs = {normalize(v): normalize(k) for k, vs in kn.messages.spoken_forms.items() for v in vs if normalize(v)}
        kn.memo["spoken_forms"] = sorted(pairs.items(), key=lambda p: -len(p[0]))
    for spoken, standard in kn.memo["spoken_forms"]:
        norm = norm.replace(spoken, standard)
    return norm


def _plain_list(kn: Knowledge, words: list[str]) -> frozenset[str]:
    key = ("plain_list", id(words))
    if key not in kn.memo:
        kn.memo[key] = frozenset(w for w in (plain_form(kn, normalize(x)) for x in words) if w)
    return kn.memo[key]  # type: ignore[no-any-return]


def _stating(t: Turn, topic: Topic, word: str, norm: str, cued: str) -> str:
    """The section whose fact states ``word`` and shares the most words with the question.

    有效期 is stated in the 时间节点 and elsewhere (有效期内的高企, a condition). A question of how long (有效期几年)
    is answered by a fact that gives the term (有效期3年) first; between equally close facts the cue's own section
    ``cued`` wins, else the topic's order.
    """
    grams = render.bigrams(norm)
    how_long = bool(_HOW_LONG.search(norm)) or norm.endswith(word)  # (管几年 reads 有效期: the term, asked)
    found = [
        (
            how_long and bool(_TERM.match(fact, fact.find(word) + len(word))),
            len(grams & render.bigrams(fact)),
            name == cued,
            -n,
            name,
        )
        for n, (name, facts) in enumerate(section_texts(t, topic))
        for fact in facts.split("|")
        if word in fact
    ]
    return max(found)[4] if found else cued


_HOW_LONG = re.compile(r"几年|多久|多长|多少年|好久|管几|能管")
"""A question of how long (有效期几年, 能管多久)."""
_TERM = re.compile(r".{0,6}?\d+年")
"""A term stated right after the word (有效期3年, 有效期不超过3年)."""


_TAX_SAVED = re.compile(r"少交|少缴|省多少|能省")
"""Cue words of the tax saved: with no figures of the enterprise, what the policy gives, not how it is worked out."""


def _amount(kn: Knowledge, clause: str, whole: str) -> bool:
    """Whether the question asks how much (多少, 什么比例) and states a sum of money of its own."""
    asks = any(w in clause for w in _plain_list(kn, kn.messages.amount_words))
    return asks and any(q.unit == MONEY for q in quantities(whole))


MONEY = "万元"
"""The unit ``quantities`` gives every sum of money in."""


def _cues(kn: Knowledge, topic: Topic, weak: bool = False) -> list[tuple[str, str]]:
    """(section, plain cue word) pairs of messages.yaml, without the words of the topic's own names.

    A word of the topic's name asks for no part of it: 文件 asks for the sources, but not in “52号文件概况”.
    ``weak``: the bare question words (``section_question_words``) instead of the cue words.
    """
    key = ("section_cues", topic.id, weak)
    if key not in kn.memo:
        m = kn.messages
        names = [plain_form(kn, n) for n in _names(kn, topic)]
        pairs = [(name, w) for name, ws in (m.section_question_words if weak else m.section_words).items() for w in ws]
        pairs += [] if weak else [(OVERVIEW, w) for w in m.overview_words]
        plain_pairs = [(name, plain_form(kn, normalize(w))) for name, w in pairs]
        kn.memo[key] = [(name, w) for name, w in plain_pairs if w and not any(w in n for n in names)]
    return kn.memo[key]  # type: ignore[no-any-return]


def _names(kn: Knowledge, topic: Topic) -> list[str]:
    """The topic's normalised title and aliases of two characters or more, longest first."""
    key = ("names_longest_first", topic.id)
    if key not in kn.memo:
        names = {n for n in map(normalize, (topic.title, *topic.aliases)) if len(n) >= 2}
        kn.memo[key] = sorted(names, key=lambda n: (-len(n), n))  # (ties in a fixed order: the same on every run)
    return kn.memo[key]  # type: ignore[no-any-return]


MEASURE_CHARS = 4
"""An alias this long or longer, outside the topic's title, may name one measure of it (法人化改革), not the topic."""


def _measure_named(t: Turn, topic: Topic, text: str) -> bool:
    """Whether ``text`` names the topic by an alias that is one of its main section's measures, not its title."""
    key = ("main_facts", topic.id)
    if key not in t.kn.memo:
        t.kn.memo[key] = [normalize(f.text) for s in topic.sections if s.name == MAIN for f in s.items]
    facts: list[str] = t.kn.memo[key]
    norm, title = normalize(text), normalize(topic.title)
    return bool(facts) and any(
        len(a) >= MEASURE_CHARS and a in norm and not set(a) <= set(title) and any(a in f for f in facts)
        for a in map(normalize, topic.aliases)
    )  # (首批次保险补偿 is the title said short: every character of it is the title's)


def _without_names(kn: Knowledge, topic: Topic, norm: str) -> str:
    """``norm`` with the topic's own title and aliases blanked out (their words say nothing of the part asked)."""
    for name in _names(kn, topic):
        norm = norm.replace(name, "|")
    return norm


def _name_grams(kn: Knowledge, topic: Topic) -> frozenset[str]:
    """Character pairs of the topic's title and aliases: naming the topic says nothing about the part asked."""
    key = ("name_grams", topic.id)
    if key not in kn.memo:
        kn.memo[key] = frozenset().union(*(render.bigrams(normalize(n)) for n in (topic.title, *topic.aliases)))
    return kn.memo[key]  # type: ignore[no-any-return]


def speaks_of(t: Turn, topic: Topic, section: str, text: str) -> bool:
    """Whether ``section`` of ``topic`` speaks of what ``text`` names.

    委托境外 is in 计算方法; 无形资产 is not in 时间节点.
    """
    grams = render.bigrams(render.as_written(normalize(text))) - _name_grams(t.kn, topic)
    return any(name == section and len(grams & g) >= SPOKEN_OF for name, g in _section_grams(t, topic))


SPOKEN_OF = 2
"""Character pairs a message must share with a section's facts for the section to speak of what it names."""


def _section_grams(t: Turn, topic: Topic) -> list[tuple[str, frozenset[str]]]:
    """Each section's name and the character pairs of its facts, once per topic and knowledge version."""
    key = ("section_grams", topic.id)
    if key not in t.kn.memo:
        t.kn.memo[key] = [
            (
                s.name,
                frozenset().union(*(render.bigrams(normalize(f.text)) for f in s.items)) - _name_grams(t.kn, topic),
            )
            for s in topic.sections
            if s.items
        ]
    return t.kn.memo[key]  # type: ignore[no-any-return]


def section_texts(t: Turn, topic: Topic) -> list[tuple[str, str]]:
    """Each section's name and its facts' text, normalised, in the topic's order."""
    key = ("section_texts", topic.id)
    if key not in t.kn.memo:
        t.kn.memo[key] = [(s.name, "|".join(normalize(f.text) for f in s.items)) for s in topic.sections if s.items]
    return t.kn.memo[key]  # type: ignore[no-any-return]


def describe(t: Turn, facts: dict[str, Any]) -> str:
    """“上年度研发费用 300万元，行业 制造业” for the echo of what was recorded.

    A yes or no the criterion says in words of its own is said so (按重庆市中小企业技术研发中心核对, not
    “核对的是市级企业技术中心 否”).
    """
    kn = t.kn
    said = []
    for cid, v in facts.items():
        crit = kn.criteria[cid]
        own = (crit.said_yes if v is True else crit.said_no if v is False else None) if crit.type == "bool" else None
        said.append(own or f"{crit.label or crit.question} {render.show_value(kn, crit, v)}")
    return "，".join(said)


def noted(t: Turn, facts: dict[str, Any]) -> str:
    """“已记下：…” for the facts worth echoing here, or "" when there are none.

    A yes read from how the enterprise describes its trade (做家电配件的 → it makes the thing: ``makes``) is said
    only where the policy in hand asks it (首批次: 自己生产该新材料), not on every question of a maker.
    """
    in_hand = str((t.flow or {}).get("topic") or t.state.get("topic") or "")
    asked = (checklist_criteria(t.kn, in_hand, t.day) or {}) if in_hand in t.kn.topics else {}
    shown = {c: v for c, v in facts.items() if not (t.kn.criteria[c].makes and c not in asked)}
    return t.kn.messages.prefilled.format(facts=describe(t, shown)) if shown else ""


def calculate(t: Turn, topic: Topic, text: str) -> str | None:
    """The topic's calculation on what the user told us, with its source; None without the figures."""
    calc = topic.calculator
    if calc is None:
        return None
    return compute(calc, t.profile, t.kn.messages, normalize(text), _labels(t), lambda ref: t.kn.cite(topic, ref))


def _labels(t: Turn) -> dict[str, str]:
    if "labels" not in t.kn.memo:
        t.kn.memo["labels"] = {o.value: o.label for c in t.kn.criteria.values() for o in c.options}
    return t.kn.memo["labels"]  # type: ignore[no-any-return]


def refused(t: Turn, topic: Topic) -> str | None:
    """Why the topic's benefit is not for this enterprise (负面清单行业), from what it said; said before the rest."""
    calc = topic.calculator
    return refusal(calc, t.profile, t.kn.messages, _labels(t)) if calc else None


def topic_options(t: Turn, topic: Topic, more: list[str] | None = None, whole: bool = False) -> list[Option]:
    """The numbered follow-ups after an answer about ``topic``: 条件自查 first, then “more of” what was cut short.

    ``whole`` makes a “more” option show the whole section (after a section reply that was itself cut short).
    """
    shown = {f"section:{name}" for name in more or []}  # (its “more” option stands for the section itself)
    offered = [(f.label, f.action) for f in render.followups(t.kn, topic) if f.action not in shown]
    for name in more or []:
        count = sum(len(render.facts_in_force(s.items, t.day)) for s in topic.sections if s.name == name)
        action = f"section:{name}:all" if whole else f"section:{name}"
        offered.insert(0, (t.kn.messages.more_facts.format(section=name, count=count), action))
    # 条件自查 first and 政策依据 last are always offered; the rest fill the places left, in order
    first = [o for o in offered if o[1] == "checklist"]
    last = [o for o in offered if o[1] == "sources"]
    middle = [o for o in offered if o not in first and o not in last]
    room = max(0, t.kn.messages.followup_limit - len(first) - len(last))
    follow = [*first, *middle[:room], *last]
    return set_options(t, [Option(str(i), label, action) for i, (label, action) in enumerate(follow, 1)])


def do(t: Turn, action: str, text: str = "") -> Reply:
    """Carry out an option's action (``intent:X``, ``section:X``, ``sources``, ``calc``, ``all:``) on the topic."""
    from bot.dialogue import flows  # flows answer topics too: import on use

    kind, _, arg = action.partition(":")
    if kind == "intent":
        return answer(t, t.kn.topics[arg], text)
    if kind == "all":
        return all_topics(t)
    topic = t.kn.topics.get(t.state.get("topic") or "")
    if topic is None:
        return Reply(t.kn.messages.nothing_to_choose, "no_option")
    if kind == "checklist":
        return flows.start_checklist(t, topic)
    if kind == "section":
        name, _, whole = arg.partition(":")
        limit = None if whole else SECTION_FACTS
        asked = _parts_by_clause(t, topic, text) if limit is not None and text else {}
        also = next((n for n in asked if n != name), None) if name in asked and len(asked) == 2 else None
        if also is not None:
            limit = PAIRED_FACTS
        body, caveat, count = render.section_text(t.kn, topic, name, t.day, text, limit)
        if not body:
            return Reply(t.kn.messages.nothing_to_choose, "no_option")
        if also is not None:  # (在哪个网上报 找哪个部门: where to file, and whom to ask, in the order asked)
            more_body, more_caveat, _n = render.section_text(t.kn, topic, also, t.day, asked[also], PAIRED_FACTS)
            body = "\n".join([more_body, body] if next(iter(asked)) == also else [body, more_body])
            caveat = caveat or more_caveat
        footnote = [t.kn.messages.caveat_footnote] if caveat else []
        more = [name] if limit is not None and count > limit else []
        reply = Reply("\n".join([body, *footnote]), "section", intent=topic.id, section=name)
        reply.options = topic_options(t, topic, more=more, whole=True)
        return reply
    if kind == "sources":
        text = render.sources_text(t.kn, topic)
        name = t.kn.messages.sources_header
        return Reply(text, "section", intent=topic.id, options=topic_options(t, topic), section=name)
    if kind == "calc":
        result = calculate(t, topic, text)
        body = _with_footnote(t.kn, result, bool(refused(t, topic))) if result else t.kn.messages.calc_missing
        if not result:  # (一百块研发费能多扣好多, no figure of ours: how it is counted, then the figure asked for)
            how, caveat, _n = render.section_text(t.kn, topic, CALCULATION, t.day, text, PAIRED_FACTS)
            footnote = [t.kn.messages.caveat_footnote] if caveat else []
            body = "\n".join([how, *footnote, body]) if how else body
        return Reply(body, "calc", intent=topic.id, options=topic_options(t, topic))
    return Reply(t.kn.messages.nothing_to_choose, "no_option")


PAIRED_FACTS = 4
"""Facts each of two parts asked in one message shows (在哪个网上报 找哪个部门): both on one phone screen."""


def _parts_by_clause(t: Turn, topic: Topic, text: str) -> dict[str, str]:
    """The parts the clauses of ``text`` ask by a cue word (找哪个部门 beside 在哪个网上报), in the order asked.

    A clause that tells rather than asks names no part (另外有一部分是委托重大做的 | 那部分咋算: how it is counted).
    """
    asked: dict[str, str] = {}
    sentences = [x for x in _SENTENCES.split(text) if x.strip()]
    for clause in _CLAUSES.split(sentences[-1] if sentences else ""):  # (not 要准备哪些材料我们都清楚。今年几月截止？)
        norm = normalize(clause)
        if len(norm) < MIN_PART_CLAUSE or not asks(t, Message(clause, norm)):
            continue
        part = section_asked(t, topic, clause, cues_only=True)  # (its own cue: not 多少, 哪里, which any part may ask)
        name = part.removeprefix("section:") if part and part.startswith("section:") else None
        if name:
            asked.setdefault(name, clause)
    return asked


_SENTENCES = re.compile(r"[。！？!?；;\n]+")
"""Where a sentence ends: the parts asked together stand in the last one."""
MIN_PART_CLAUSE = 3
"""Characters a clause needs to ask a part of its own (找哪个部门; not 咋个)."""


def all_topics(t: Turn) -> Reply:
    """Every policy topic, numbered."""
    policies = [(tid, topic) for tid, topic in t.kn.topics.items() if topic.kind == "policy"]
    opts = [Option(str(i), topic.title, f"intent:{tid}") for i, (tid, topic) in enumerate(policies, 1)]
    return Reply(t.kn.messages.menu_header, "conversation", options=set_options(t, opts))


THANKS = "thanks"


def answer(t: Turn, topic: Topic, text: str, told: bool = True) -> Reply:
    """The answer to a question about ``topic``: the part asked if there is one, else the overview card.

    ``told=False``: the facts in ``text`` are a case supposed (那房地产公司呢), not echoed as recorded.
    """
    kn = t.kn
    learned = t.facts(text, topic=topic.id) if text and not DIFFERENCE.search(normalize(text)) else {}
    if BOTH.search(normalize(text)):  # (中小企业技术研发中心我们能不能一起报: the kind checked stays)
        learned = {c: v for c, v in learned.items() if kn.criteria[c].presume is None}
    # (“中小企业技术研发中心和这个有啥子区别 两个能同时挂不” states nothing of us); a question on another topic than
    # the check's adds what it tells and changes nothing told before (“江津那个调味品产业创新支撑平台是干啥子的”
    # after 批发为主), one on the check's own topic may (“去年被定了重大环境污染事故 这个有影响不”)
    aside = (t.open_check or {}).get("topic") not in (None, topic.id)
    t.profile.update({c: v for c, v in learned.items() if not (aside and c in t.profile)})
    in_view = t.state.get("topic") == topic.id  # (a question on the topic in hand: its rare words pin its facts)
    if topic.id != THANKS or t.state.get("topic") not in t.kn.topics:
        t.state["topic"] = topic.id  # (a thanks keeps the policy in hand: “谢谢” then “那税率是好多” asks on it)
    if topic.kind == "conversation":
        return conversation(t, topic)
    norm = normalize(text)
    lookup = LOOKUPS.get(topic.id)
    if lookup and text and shaped_part(t, topic, text) not in (None, f"section:{MAIN}"):
        lookup = None  # (“…要建家电创新平台 这个平台出自哪个文件”: the part asked of the platforms, not the list)
    if lookup and text:
        found = lookup(kn, text)
        cue = section_asked(t, topic, text, cues_only=True) if found and not _WHICH_ONE.search(norm) else None
        if found and cue not in (None, f"section:{MAIN}") and cue.startswith("section:"):
            # (“九龙工业园区的创新支撑平台找哪个部门对接”: the platforms named, then the part asked of them; not
            # “…是哪个园区建”, which the list answers)
            reply = do(t, cue, text)
            reply.kind = "answer" if reply.kind == "section" else reply.kind
            reply.text = "\n".join([found.rsplit("\n", 1)[0] if found.count("\n") > 1 else found, reply.text])
            return reply
        if found:
            main = MAIN if any(s.name == MAIN for s in topic.sections) else None  # the list the policy holds
            return Reply(found, "answer", intent=topic.id, options=topic_options(t, topic), section=main)
    extra = []
    section = None
    kept = {c: v for c, v in learned.items() if not (c in kn.criteria and kn.criteria[c].this_turn_only)}
    if told and kept and (note := noted(t, kept)):  # (a rate asked of — 120%政策到好久截止 — is not recorded, nor said)
        extra.append(note)
    warning = refused(t, topic)
    lead = [*extra, warning] if warning else []  # an excluded enterprise is told so before anything else
    calc = topic.calculator
    result = None if warning else calculate(t, topic, text)
    if says(norm, kn, "fees") and not learned and not warning and not section_asked(t, topic, text, cues_only=True):
        reply = fees(t, topic)  # “高企申报要交钱吗”: what the texts say of fees, never the tax it saves
        reply.kind = "answer"
        return reply
    part = section_asked(t, topic, text, asked=True) if text else None
    plain = plain_form(kn, norm)  # 少交好多 asks as 少交多少 does
    asks_amount = any(plain_form(kn, normalize(w)) in plain for w in kn.messages.calc_words)
    asks_amount |= part == f"section:{CALCULATION}"  # 能加计多少, with the enterprise's figures
    other_part = part not in (None, f"section:{MAIN}", f"section:{CALCULATION}")  # (…在哪里申报: where, not how much)
    if result and (asks_amount or calc and calc.inputs[0] in learned and not other_part):
        extra.append(result)
        section = CALCULATION if asks_amount else None
    elif part and not (asks_amount and warning):
        reply = do(t, part, text)
        reply.kind = "answer" if reply.kind == "section" else reply.kind  # the answer to a new question
        if lead or extra:
            reply.text = "\n".join([*(lead or extra), reply.text])
        reply.text = _with_footnote(kn, reply.text, bool(warning))
        return reply
    if lead:
        extra = []
    body, cut = render.answer_text(
        kn, topic, t.day, extra, brief=bool(asks_amount and (result or warning)), query=text, own_words=in_view
    )
    body = _with_footnote(kn, "\n".join([*lead, body]), bool(warning))
    return Reply(
        body,
        "answer",
        intent=topic.id,
        options=topic_options(t, topic, more=cut),
        section=section,
        data={"title": topic.title, "sections": sections_data(t, topic)},
    )


def _with_footnote(kn: Knowledge, text: str, caveat: bool) -> str:
    """``text`` with the caveat footnote, when it carries a caveat mark the footnote does not yet explain."""
    footnote = kn.messages.caveat_footnote
    return f"{text}\n{footnote}" if caveat and footnote not in text else text


_FEE_FACT = re.compile(r"收费|包过|特殊通道")
"""A fact on fees or agents (申报不收费，没有特殊通道)."""


def fees(t: Turn, topic: Topic) -> Reply:
    """要交钱吗, 中介说包过 靠谱不: what the topic's texts say of fees and agents.

    Else that they say nothing, and whom to ask (its 咨询部门): never a fee or a “free” the texts do not state.
    """
    kn = t.kn
    found = [
        (s.name, f) for s in topic.sections for f in render.facts_in_force(s.items, t.day) if _FEE_FACT.search(f.text)
    ]
    if found:
        lines, caveat = render.fact_lines(kn, topic, [f for _name, f in found])
        section: str | None = found[0][0]
    else:
        contact = next((s for s in topic.sections if s.name == CONTACT), None)
        shown = render.facts_in_force(contact.items, t.day)[:FEE_CONTACTS] if contact else []
        more, caveat = render.fact_lines(kn, topic, shown)
        lines, section = [kn.messages.fees_unknown.format(title=topic.title), *more], CONTACT if shown else None
    header = f"【{topic.title}·{section}】" if section else f"【{topic.title}】"
    text = _with_footnote(kn, "\n".join([header, *lines]), caveat)
    return Reply(text, "section", intent=topic.id, options=topic_options(t, topic), section=section)


FEE_CONTACTS = 2
"""Lines of the 咨询部门 shown after “the texts say nothing of fees”."""


def plain(t: Turn, topic: Topic) -> Reply:
    """The topic in a few plain words: its summary and the first facts of its main section."""
    kn = t.kn
    lines = [kn.messages.plain_header + (topic.summary or topic.title)]
    for section in topic.sections[:1]:
        facts, _ = render.fact_lines(kn, topic, render.facts_in_force(section.items, t.day)[:2])
        lines.extend(facts)
    return Reply("\n".join(lines), "section", intent=topic.id, options=topic_options(t, topic))


def sections_data(t: Turn, topic: Topic) -> list[dict[str, Any]]:
    """The topic's sections with sources and caveats, for channels that render cards (memoised per day)."""
    key = ("sections", topic.id, t.day)
    if key not in t.kn.memo:
        t.kn.memo[key] = [
            {
                "name": s.name,
                "items": [
                    {"text": f.text, "source": t.kn.cite(topic, f), "caveat": t.kn.uncertain(topic, f)}
                    for f in render.facts_in_force(s.items, t.day)
                ],
            }
            for s in topic.sections
        ]
    return t.kn.memo[key]  # type: ignore[no-any-return]


def conversation(t: Turn, topic: Topic) -> Reply:
    """Greeting, help, thanks, 转人工, or the policy_match questionnaire."""
    from bot.dialogue import flows

    if topic.questionnaire:
        return flows.start_questionnaire(t, topic)
    options: list[Option] = []
    if topic.id in ("greeting", "help"):
        options = menu(t)
        if topic.id == "help":
            options.append(Option(str(len(options) + 1), t.kn.messages.all_topics_label, "all:"))
    return Reply(topic.reply or "", "conversation", intent=topic.id, options=set_options(t, options))


def fallback(t: Turn, again: bool) -> Reply:
    """Out of scope: the full menu the first time; then a shorter, different text with 转人工."""
    m = t.kn.messages
    if not again:
        return Reply(m.fallback, "fallback", options=set_options(t, menu(t)))
    short = menu(t, limit=3)
    short.append(human_option(t.kn, str(len(short) + 1)))
    return Reply(m.fallback_again, "fallback", options=set_options(t, short))


def wants_check(t: Turn, norm: str) -> bool:
    """Whether the message asks “are we eligible?” (够不够条件, 帮我核一下, 我们这种情况行不行, 够专精特新不 …).

    Not “营收要到好多才够得到”: that asks the threshold, a condition; nor “能不能申请把它加进目录”: how to get in.
    """
    if _HOW_MUCH_NEEDED.search(norm) or _LAPSED_STILL.search(norm) or _GET_INTO.search(norm):
        return False
    return says(norm, t.kn, "eligibility") or bool(
        _ENOUGH.search(norm) or _MAY_APPLY.search(norm) or _CHECK_FOR_US.search(norm) or _CHECK_OURS.match(norm)
    )


_HOW_MUCH_NEEDED = re.compile(r"(要|得|需要|起码)(到|达到|有)?(好多|多少|好几|几)[^够]{0,8}才")
"""“营收要到好多才够”, “要几个专利才行”: the threshold asked."""


_LAPSED_STILL = re.compile(r"(到期|过期|期满|失效)了?[^还]{0,6}还")
"""“高企证书到期了还能用吗”: whether a title held still holds after its term, a question of its validity."""
_CHECK_OURS = re.compile(r"(帮忙|麻烦)?(对|核|核对|测|查)(一下|一哈|下|哈)(我们|咱们)")
"""“对下我们的条件嘛”, “核一下我们”: opening with the request to check us."""
_ENOUGH = re.compile(r"够.{1,10}(不|没|吗|没得)$")
"""“够专精特新不”, “够得上小巨人吗”: enough for a title."""
_MAY_APPLY = re.compile(
    r"(能否|可否|是否能|是否可以|能不能够|有没有可能)(申报|申请|评上|评|报|享受|认定|拿到|入选|通过)"
    # 申请得到不, 评得上吗, 报得起不: whether it can be had, in the verb's own words (今年还报得到不: whether it
    # is still open)
    r"|(?<!还)(申报|申请|申|报|评|拿|享受|认定|批)得(到|了|上|起|下来)(不|吗|么|没)"
    # 我们公司可以申报不, 我们能弄不 (not 刚成立的公司…)
    r"|(我们|我司|咱们)[^，|]{0,6}(可以|能)(申报|申请|报|评|享受|弄|搞|建|牵头)(不|吗|么)"
    # (做五金的 研发费可以加计扣除不: of us; not 化工企业研发费能加计扣除不, a question of a kind of enterprise)
    r"|(我们|我司|做[^委托]{1,8}的)[^委托]{0,4}研发(费用?|投入|支出|经费)?(可以|能)(加计扣除|加计|扣除)(不|吗|么)$"
)
"""“评估…能否申报”, “可否申请”, “我们公司可以申报不”: whether the enterprise may."""
_CHECK_FOR_US = re.compile(
    r"(帮我们|帮我|帮忙|帮|麻烦你?|请你|给我们|给我|替我们)(逐条|逐项|挨个|一条条)?"
    r"((对|核|测|核对|评估|判断)(一下|一哈|下|哈|一遍|看看|看)?(条件)?|看(一下|一哈|下|哈|看))(嘛|哦|呢|吧|噻|哈|撒)?$"
)
"""“帮忙对下条件”, “麻烦核一下”, “想申请 帮看下” (at the end): a request to check us, in any such words."""
