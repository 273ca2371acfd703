"""Act → reply: one handler per act (a new question, an answer, a follow-up, and the repairs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot import checklist
from bot.answers import UNKNOWN, held_titles, main_line
from bot.dialogue import acts, flows, repair, topics
from bot.dialogue.acts import Act
from bot.dialogue.flows import CONDITIONS
from bot.dialogue.interpret import interpret
from bot.dialogue.turn import NOTHING_TO_CHECK, Turn, finish
from bot.models import Inbound, Reply
from knowledge.schema import Topic

CHANNEL_ACTS = {
    "reset": Act(acts.RESTART, via="channel", part="all"),
    "cancel": Act(acts.CANCEL, via="channel"),
}
"""What a channel's command stands for (Telegram's /reset, leaving a check before another command)."""


def respond(t: Turn, inbound: Inbound, max_chars: int) -> Reply:
    """Read one message in its conversation and answer it; the reply carries the act it was read as."""
    m = t.kn.messages
    if inbound.kind != "text":
        return Reply(m.unsupported, "unsupported", reason=f"kind:{inbound.kind}", act=acts.NULL)
    text = inbound.text or ""
    if len(text) > max_chars:
        return Reply(m.too_long.format(limit=max_chars), "too_long", reason="too_long", act=acts.NULL)
    act = CHANNEL_ACTS[inbound.act] if inbound.act in CHANNEL_ACTS else interpret(t, text)
    if act.name != acts.NULL:
        # (read by the interpretation of the message right after a verdict; an aside out of scope between them
        # keeps it: “顺便问哈 个税…” then “公司是江津本地注册的 居民企业噻” still adds to that verdict)
        t.state.pop(flows.VERDICT_GIVEN, None)
    if act.name != acts.NULL and act.name != acts.FEEDBACK:
        t.state.pop("misses", None)
    reply = handler(act)(t, act)
    variant = {c: v for c, v in t.profile.items() if c in t.kn.criteria and t.kn.criteria[c].this_turn_only}
    for cid in variant:
        del t.profile[cid]  # (能不能按120%扣: that rate checked in this reply; a verdict asked plainly is of the usual)
    reply.act = act.name
    reply.via = act.via
    t.state.pop(flows.VERDICT_VARIANT, None)
    if reply.kind == "verdict":
        t.state[flows.VERDICT_GIVEN] = True
        if variant:  # (“清单? 没报过” right after a verdict of 120%: the answer to that verdict's list condition)
            t.state[flows.VERDICT_VARIANT] = variant
    current = t.kn.topics.get(str(t.state.get("topic") or ""))
    led = reply.section if current is not None and reply.intent == current.id and not t.flow else None
    t.state[flows.LAST_PART] = led  # (委托国外的呢 right after 计算方法: that part again, of what it names)
    if current is not None and current.checklist:
        t.state[flows.CHECKABLE] = current.id  # (“那我们也核一下嘛” after a topic with nothing to check)
    if act.name in (acts.NULL, acts.CLARIFY) or act.via == "new_question":
        candidates, decision = t.match(text)  # the log and the report read why a question was (not) matched
        reply.score, reply.candidates, reply.reason = decision.score, candidates[:3], decision.reason
    return reply


def new_question(t: Turn, act: Act) -> Reply:
    """A question on a topic: its checklist if asked for, else its answer; a check under way is parked."""
    assert act.topic is not None
    topic = t.kn.topics[act.topic]
    flow = t.flow
    note = ""
    if flow and flow.get("topic") != topic.id:
        t.state["suspended"] = t.state.pop("flow")
        note = t.kn.messages.suspended_note.format(title=t.kn.topics[flow["topic"]].title)
    elif flow:
        t.state.pop("flow")
    if act.check and not topic.checklist and topic.kind == "policy":
        learned = t.facts(act.text, topic=topic.id)
        t.profile.update(learned)
        return _no_checklist(t, topic, topics.noted(t, learned))
    if act.check and topic.checklist:
        parked = t.state.get("suspended")
        if parked and parked.get("topic") == topic.id:
            return repair.resume(t, act)
        learned = t.facts(act.text, topic=topic.id)
        t.profile.update(learned)
        covered, part = topics.covered(t, topic, act.text)  # “外资企业能不能认定高企”: who it is for, then the check
        intro = covered or f"【{topic.title}】"
        if note := topics.noted(t, learned):
            intro += "\n" + note
        reply = flows.start_checklist(t, topic, intro)
        if covered and reply.section == CONDITIONS:
            reply.section = part
        elif learned and reply.section == CONDITIONS and reply.text.startswith(f"【{topic.title}】\n"):
            # “首版次软件 我们自己内部用的系统能不能报”: its own facts fail a condition; the rule excluding it first
            found = flows.judged(t, t.flow or t.state.get("last_check") or {})
            unmet = [o.item.label for o in found[2].unmet] if found and found[2].result == checklist.FAIL else []
            rule, caveat = topics.exclusion_for(t, topic, act.text, unmet) if unmet else ("", False)
            if rule:
                footnote = t.kn.messages.caveat_footnote if caveat else ""
                rest = reply.text.removeprefix(f"【{topic.title}】")
                if footnote and footnote in rest:
                    rest = rest.replace("\n" + footnote, "")  # (explained once, right after the rule as a warning is)
                reply.text = "\n".join(x for x in (rule, footnote) if x) + rest
                reply.section = topics.EXCLUSIONS
        return reply
    if act.part == "all":
        return finish(t, topics.all_topics(t))
    if act.part == "plain":  # (“研发准备金是啥子哦 说简单点 那些文件话我看不懂”: that policy, plainly)
        t.state["topic"] = topic.id
        reply = topics.plain(t, topic)
        reply.text = f"【{topic.title}】\n{reply.text}"
    elif act.part == "sources" or (act.part or "").startswith("section:"):
        t.state["topic"] = topic.id  # (“那单项冠军呢” right after 小巨人's materials: 单项冠军's materials)
        reply = topics.do(t, act.part or "")
    else:
        reply = topics.answer(t, topic, act.text if act.via != "option" else "")
    if note:
        reply.text = f"{reply.text}\n{note}"
    return finish(t, reply)


def _no_checklist(t: Turn, topic: Topic, note: str) -> Reply:
    """“我们能不能入选” on a policy that publishes no conditions to check: 暂无法判断, and what the policy says."""
    t.state["topic"] = topic.id
    lead = t.kn.messages.no_checklist.format(title=topic.title)
    if t.state.get(NOTHING_TO_CHECK) == topic.id:  # said once already: the verdict line, not the section again
        text = "\n".join(x for x in (note, lead) if x)
        return finish(t, Reply(text, "answer", intent=topic.id, options=topics.topic_options(t, topic)))
    t.state[NOTHING_TO_CHECK] = topic.id
    has_conditions = topics.has_section(t, topic, CONDITIONS)
    reply = topics.do(t, f"section:{CONDITIONS}") if has_conditions else topics.answer(t, topic, "")
    reply.text = "\n".join(x for x in (note, lead, reply.text) if x)
    reply.kind = "answer"
    return finish(t, reply)


def _noted(t: Turn, act: Act) -> Reply:
    """A statement after a verdict that changes no condition: taken in, the verdict said again in one line.

    Titles told with it (我们还是市级专精特新) are kept for the next check and echoed; a statement of nothing the
    bot reads ends with how to correct an answer, in case it meant one.
    """
    m = t.kn.messages
    finished = t.state.get("last_check")
    topic = t.kn.topics[str(act.topic)]
    line = flows.verdict_line(t, finished) if finished else None
    _stored, news = flows.record_news(t, act.values)
    hint = "" if act.values else m.noted_change_hint
    said = (flows.echo(t, news, None), m.noted_after_verdict.format(title=topic.title), line[0] if line else "", hint)
    text = "\n".join(x for x in said if x)
    reply = Reply(text, "answer", intent=topic.id, options=topics.topic_options(t, topic))
    if line:
        reply.data["verdict"] = line[1]
    return finish(t, reply)


def answer(t: Turn, act: Act) -> Reply:
    """Answers to the check: record them, echo free-text figures, ask on (or conclude when asked to)."""
    if t.flow is None and act.part == "resume" and t.state.get("suspended"):
        t.state["flow"] = t.state.pop("suspended")  # figures given after a detour belong to the parked check
        t.state["topic"] = t.state["flow"]["topic"]
    flow = t.flow
    values = _unsaid_before(t, act, flow.get("pending") if flow else None)
    if flow is None and act.part == "noted":
        return _noted(t, act)
    if flow is None:
        parked = flows.referred(t)
        _stored, news = flows.record_news(t, values)
        note = flows.echo(t, news, None)
        if act.conclude and parked:
            t.state.pop("suspended", None)
            return flows.verdict_reply(t, parked, note)
        topic = t.kn.topics.get(act.topic or "")
        if act.check and topic is not None:
            return flows.start_checklist(t, topic, note) if topic.checklist else _no_checklist(t, topic, note)
        return Reply(note or t.kn.messages.conclude_none, "answer", intent=t.state.get("topic"))
    pending = flow.get("pending")
    stored, news = flows.record_news(t, values)
    note = flows.echo(t, news, pending)
    if stored and pending not in stored and not act.conclude:  # the variant asked, other facts told: presumed
        note = "\n".join(x for x in (note, flows.presume_unsaid(t, pending, stored)) if x)
    _keep_titles(t, act, values)
    if act.conclude:
        return flows.conclude(t, note)  # (the questionnaire concludes with its recommendations)
    if not stored and not act.check:
        return repair.reask(t, act.text)  # (“你问嘛” once the check is under way asks on: its question, no “没看懂”)
    return flows.advance(t, note)


def _keep_titles(t: Turn, act: Act, values: dict[str, Any]) -> None:
    """Keep the titles an answer states that this check does not ask (是市级专精特新 in a 单项冠军 check).

    The next check then does not ask them again; its verdict lists them with the rest.
    """
    for cid, held in held_titles(act.text, t.kn.criteria).items():
        if cid not in values and cid not in t.profile:
            t.profile[cid] = held


def _unsaid_before(t: Turn, act: Act, pending: str | None) -> dict[str, Any]:
    """The act's values without a choice already answered that a passing word would change (批发为主, then 改模具).

    The answer to the question asked, a message saying it is the main line (七成是批发), and a correction (its
    own act) do change it. Nor does a passing no undo a rare yes told (失信, then 安全环保倒是没出过事).
    """
    kept = {}
    for cid, v in act.values.items():
        crit = t.kn.criteria.get(cid)
        passing = crit is not None and crit.type == "choice" and cid != pending and t.profile.get(cid, v) != v
        told_rare = crit is not None and crit.assume is False and t.profile.get(cid) is True and v is False
        if told_rare and cid != pending:
            continue  # 被列进失信名单了, then “安全环保倒是没出过事”: one part denied, the rest told stays
        if not passing or v == UNKNOWN or main_line(act.text, crit, str(v)):  # type: ignore[arg-type]
            # (自己生产的跟批发的差不多一半一半: which line is the main one is no longer known)
            kept[cid] = v
    return kept


def followup(t: Turn, act: Act) -> Reply:
    """A part of the current topic; during a check the pending question follows."""
    topic = t.kn.topics.get(act.topic or t.state.get("topic") or "")
    part = act.part or "question"
    if part == acts.CHECK_PART and topic is not None:
        return new_question(t, replace(act, name=topic.id, check=True))  # (那中小企业技术研发中心呢 我们够不够)
    if topic is not None and topic.kind == "policy" and t.flow is None:
        t.state["topic"] = topic.id  # (“第一个具体咋个弄” after the list of policies: that one's part)
    if part == "missing":
        if act.values:  # (那国家级单项冠军呢 我们差在哪: the kind named is the one judged)
            flows.record(t, act.values)
        flow = flows.referred(t)
        body = flows.missing(t, flow) if flow else t.kn.messages.conclude_none
        reply = Reply(body, "section", intent=str(flow["topic"]) if flow else None)
    elif part.startswith(acts.STATUS):
        flow = flows.referred(t)
        word, _, named = part.removeprefix(acts.STATUS).partition("|")
        body = flows.status(t, flow, set(named.split(",")) - {""}, word) if flow else t.kn.messages.conclude_none
        reply = Reply(body, "section", intent=str(flow["topic"]) if flow else None)
    elif part == "easiest":
        reply = flows.easiest(t)
    elif part == acts.PLAIN_LIST:
        reply = flows.plain_list(t)
    elif topic is None:
        reply = Reply(t.kn.messages.nothing_to_choose, "no_option")
    elif part == "plain":
        reply = topics.plain(t, topic)
    elif part == "fees":
        reply = topics.fees(t, topic)
    elif part == "lookup":
        found = topics.LOOKUPS[topic.id](t.kn, act.text)
        reply = Reply(found or "", "answer", intent=topic.id, options=topics.topic_options(t, topic))
    elif part == "question":
        reply = topics.answer(t, topic, act.text)
    elif part == acts.SUPPOSED:
        ours = dict(t.profile)
        reply = topics.answer(t, topic, act.text, told=False)  # (the case named, for this answer only)
        t.profile.clear()
        t.profile.update(ours)
    else:
        if part == "calc":
            t.profile.update(act.values)
        reply = topics.do(t, part, act.text)
    if act.values and part != "calc":
        # the variant asked about (那中小企业技术研发中心呢: a check next is of it), or figures said beside the
        # question (去年营收八千万出头 研发要占好多才够), echoed before the answer
        _stored, news = flows.record_news(t, act.values)
        facts = {c: v for c, v in news.items() if t.kn.criteria[c].presume is None}  # (not which kind is asked)
        note = flows.echo(t, facts, None) if t.flow else ""
        reply.text = "\n".join(x for x in (note, reply.text) if x)
    flow = flows.referred(t) if act.conclude else None
    if flow is not None and (line := flows.verdict_line(t, flow)):
        reply.text = f"{line[0]}\n{reply.text}"  # “那可以报不 是市里补还是区里补”: the verdict again, then the part
        reply.data["verdict"] = line[1]
    if t.flow:
        answered = t.flow.get("pending") in t.profile and flows.next_question(t) is not None
        # (市场占有率不晓得 | 评价得分是啥子: the question pending was answered beside the one asked; on to the next)
        step = flows.advance(t, reply.text) if answered else flows.ask_again(t, reply.text)
        step.section = step.section or reply.section  # (the part it led with, the question pending after it)
        return step
    return finish(t, reply)


HANDLERS: dict[str, Callable[[Turn, Act], Reply]] = {
    acts.ANSWER: answer,
    acts.CORRECTION: repair.correct,
    acts.FOLLOWUP: followup,
    acts.RESUME: repair.resume,
    acts.RESTART: repair.restart,
    acts.CANCEL: repair.cancel,
    acts.NULL: repair.out_of_scope,
    acts.CLARIFY: repair.clarify,
    acts.FEEDBACK: repair.feedback,
    acts.EMPTY: repair.empty,
    acts.NO_OPTION: repair.no_option,
}
"""Every act but a new question (whose name is its topic id) → its handler."""


def handler(act: Act) -> Callable[[Turn, Act], Reply]:
    """The handler of ``act``."""
    return HANDLERS.get(act.name, new_question)
