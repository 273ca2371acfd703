"""A new question for the matcher: the intent it matches, its check if eligibility is asked, or out of scope."""

from __future__ import annotations

import re

from bot.answers import places
from bot.dialogue import acts
from bot.dialogue.acts import Act
from bot.dialogue.interpret.shared import HUMAN, MATCH, check_asked, contact_of
from bot.dialogue.mentions import (
    names_topic,
    policies_named,
    status_topics,
    topic_names,
)
from bot.dialogue.reading import (
    Message,
)
from bot.dialogue.topics import (
    wants_check,
)
from bot.dialogue.turn import Turn


def new_question(t: Turn, msg: Message) -> Act:
    """The matcher's decision: a topic (its checklist if the message asks whether we qualify), ask which, or null."""
    candidates, decision = t.match(msg.text)
    if _WHICH_OF_THEM.search(msg.norm) and len(_policies_listed(t, msg)) >= LISTED_POLICIES:
        return Act(MATCH, topic=MATCH)  # “专精特新 高企 首台套 我们厂能沾上哪个”: which policies suit us
    status = status_topics(t, msg, anywhere=wants_check(t, msg.norm))
    if decision.intent in status or (decision.reason == "ambiguous" and status):
        # “我们已经是市级专精特新了 想冲一下小巨人”: a title the enterprise holds (or lacks) is context, the other
        # policy named is the question.
        other = next(
            (
                c
                for c in candidates
                if c.intent
                and c.intent not in status
                and not t.kn.topics[c.intent].about_document  # (…技术中心 52号文对这个有啥说法: where to look)
                and c.score >= t.settings.new_question_score
                and (
                    (t.kn.topics[c.intent].kind == "policy" and names_topic(t, msg, decision, c.intent))
                    or (c.intent == MATCH and c.via.startswith("alias:"))  # (有市级技术中心 …有哪些政策我们可以享受)
                )
            ),
            None,
        )  # named clearly: “高企证书有效期几年” asks about 高企 itself, not about a weak second guess, nor
        # “我们从来没申报过高企。第一次申报要准备哪些材料” about 首批次, whose example it only resembles
        if other is not None:
            return Act(other.intent, topic=other.intent, check=wants_check(t, msg.norm))  # type: ignore[arg-type]
        held = [(i, i + len(n)) for tid in status for n in topic_names(t).get(tid, []) for i in places(msg.norm, n)]
        named = next(
            (
                tid
                for _at, tid in policies_named(t, msg)
                if tid not in status
                and not t.kn.topics[tid].about_document
                and any(  # (专精特新 inside 专精特新小巨人 names no other policy)
                    not any(a <= i and i + len(n) <= b for a, b in held)
                    for n in topic_names(t)[tid]
                    for i in places(msg.norm, n)
                )
            ),
            None,
        )
        if named is not None and t.kn.topics[named].kind == "policy":
            # “单项冠军 市里头那个 我们綦江做齿轮的 国家级小巨人 帮我核一下”: the policy named besides the title held,
            # though the matcher weighs the title's later clause more
            return Act(named, topic=named, check=wants_check(t, msg.norm))
        current = t.state.get("topic")
        if current in t.kn.topics and current not in status and t.kn.topics[current].kind == "policy":
            # “帮我们核一哈 我们是市级专精特新” while 小巨人 is discussed: the title is context, 小巨人 the question
            return Act(current, topic=current, check=wants_check(t, msg.norm))
    if decision.intent and decision.top and decision.top[0].via.startswith("combo:") and wants_check(t, msg.norm):
        # “专精特新帮我测一哈 经开区做物联网平台的”: the policy named to be checked, not the words of what we make
        named_only = [tid for _at, tid in policies_named(t, msg) if tid not in status]  # (有市级技术中心: held)
        if len(named_only) == 1 and named_only[0] != decision.intent:
            return Act(named_only[0], topic=named_only[0], check=True)
        current = t.state.get("topic")
        if not named_only and (
            current in status
            or (
                current in t.kn.topics
                and current != decision.intent
                and t.kn.topics[current].checklist
                and _OUR_OWN_THING.search(msg.text)
            )
        ):
            # “帮我们评估一下嘛 璧山做液冷板的 平台上显示是科技和创新型中小企业” while 专精特新 is discussed: the title
            # held is the current check's own rung, 璧山 + 平台 only words; so are “两江新区注册的 帮我看下我们那个
            # 车载OTA升级平台够不够” while 首版次软件 is
            return Act(current, topic=current, check=True)
    meant = {decision.intent} if decision.intent else {c.intent for c in decision.top if decision.reason == "ambiguous"}
    if HUMAN in meant and (policy := contact_of(t, msg)):
        return Act(policy, topic=policy)  # “专精特新中小企业 联系方式”: whom to ask about that policy
    if decision.intent:
        return Act(decision.intent, topic=decision.intent, check=check_asked(t, msg, decision.intent))
    if decision.reason == "ambiguous":
        return Act(acts.CLARIFY)
    return Act(acts.NULL)


_OUR_OWN_THING = re.compile(r"(我们|我司|咱们|公司)(的|那个|这个|这款|那款|自己的|自己那个)|(^|[\s，,。])(我们)?做")
"""Ours, pointing at a thing we make (我们那个车载OTA升级平台, 做环保监测平台): a product, whatever topic its words
resemble."""
LISTED_POLICIES = 3
"""Policies a message lists before asking which of them suit us (专精特新 高企 首台套 …能沾上哪个)."""
_WHICH_OF_THEM = re.compile(
    r"(能|可以|适合|够得上|沾得上|沾上|沾得到|享受|报|申请)[^|，。]{0,4}哪(个|些|几个|一个|样)(?=$|[吗呢嘛哦啊噻\s,，。?？])"
    r"|哪(个|些|几个|一个|样)(能|可以|适合|够|沾|享受|报|申请)"
)
"""Which of the policies listed suit us (能沾上哪个, 哪几个能报); not which of something else (哪个系统报, 哪些情况)."""


def _policies_listed(t: Turn, msg: Message) -> set[str]:
    """The policies the message names (counted only when it asks which of them suit us)."""
    return {tid for _at, tid in policies_named(t, msg) if t.kn.topics[tid].kind == "policy"}
