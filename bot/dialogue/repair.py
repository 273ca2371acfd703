"""Off-path turns, the same for every flow: correct, resume, restart, cancel, re-ask, out of scope, feedback."""

from __future__ import annotations

from bot import render
from bot.answers import bigrams
from bot.dialogue import acts, flows, topics
from bot.dialogue.acts import Act
from bot.dialogue.attribution import names_condition_of_check
from bot.dialogue.turn import Turn, checklist_criteria, finish, menu, set_options
from bot.models import Option, Reply
from intents.normalize import normalize

REASKS_BEFORE_HELP = 1
"""After this many answers that were not understood, the question comes back with the options and 跳过."""


def correct(t: Turn, act: Act) -> Reply:
    """Change earlier answers, say what changed, and carry on (or judge the finished check again)."""
    m = t.kn.messages
    if not act.values:
        reply = Reply(m.correction_none, "correction")
        return flows.ask_again(t, reply.text) if t.flow else reply
    notes: list[str] = []
    derived = [c for c in t.state.get("computed", []) if c in t.kn.criteria and c not in act.values]
    before = {cid: render.show_value(t.kn, t.kn.criteria[cid], t.profile.get(cid)) for cid in derived}
    flows.forget_computed(t)  # computed again from the corrected figures, all of them at once
    old = {cid: render.show_value(t.kn, t.kn.criteria[cid], t.profile.get(cid)) for cid in act.values}
    had = {cid for cid in act.values if t.profile.get(cid) is not None}
    stored = flows.record(t, dict(act.values))
    # what depends on the corrected figures, said again where it changed (科技人员占比 8% → 14.67%)
    recomputed = {cid: render.show_value(t.kn, t.kn.criteria[cid], t.profile.get(cid)) for cid in before}
    unchanged: list[str] = []
    added: list[str] = []
    for cid in act.values:
        if cid in stored:
            crit = t.kn.criteria[cid]
            new = render.show_value(t.kn, crit, stored[cid])
            label = crit.label or crit.question
            if cid not in had:
                added.append(f"{label} {new}")  # (“已更正：前年研发费用 未回答 → 650万元” says nothing was there)
            elif new != old[cid]:
                notes.append(m.corrected.format(label=label, old=old[cid], new=new))
            else:  # (not “否 → 否”)
                unchanged.append(m.unchanged.format(label=label, new=new))
    for cid in t.replaced.keys() - act.values.keys() - before.keys():  # (a share said, computed from its parts now)
        if cid in t.profile and cid in t.kn.criteria:
            before[cid] = render.show_value(t.kn, t.kn.criteria[cid], t.replaced[cid])
            recomputed[cid] = render.show_value(t.kn, t.kn.criteria[cid], t.profile[cid])
    for cid, shown in recomputed.items():
        crit = t.kn.criteria[cid]
        if cid in t.profile and shown != before[cid]:
            notes.append(m.corrected.format(label=crit.label or crit.question, old=before[cid], new=shown))
    if added:
        notes.append(m.prefilled.format(facts="，".join(added)))
    note = "".join(notes or unchanged)  # what stayed is told only when nothing changed (科技人员还是十五个)
    if t.flow:
        return flows.conclude(t, note) if act.conclude else flows.advance(t, note)
    finished = t.state.get("last_check") or t.state.get("suspended")
    if finished:
        return flows.verdict_reply(t, finished, note)
    return Reply(note or m.correction_none, "correction", intent=t.state.get("topic"))


def resume(t: Turn, act: Act) -> Reply:
    """Back to the parked check at its next unanswered question."""
    m = t.kn.messages
    parked = t.state.pop("suspended", None)
    if parked:
        t.state["flow"] = parked
        t.state["topic"] = parked["topic"]
        resumed = m.resumed.format(title=t.kn.topics[parked["topic"]].title)
        return flows.advance(t, "\n".join(x for x in (resumed, _told(t, act)) if x))
    if t.flow:
        told = _told(t, act)  # “接着刚才的 研发近两年加起来一千三百万”: back, with the answers it gives
        return flows.advance(t, told) if told or t.flow.get("pending") in t.profile else flows.ask_again(t)
    begun = [x for x in t.state.get(flows.BEGUN) or [] if x in t.kn.topics]
    checked = t.kn.topics.get(act.topic or (begun[-1] if begun else str(t.state.get(flows.CHECKABLE) or "")))
    if checked is not None and checked.checklist and t.profile.keys() & (checklist_criteria(t.kn, checked.id) or {}):
        # “接到说技术中心” after its verdict and a question on something else: that check again, where it stands
        return flows.start_checklist(t, checked, m.resumed.format(title=checked.title))
    return Reply(m.resume_none, "resume", options=set_options(t, menu(t)))


def _told(t: Turn, act: Act) -> str:
    """Record the facts a message going back to the check gives beside it; the “已记下” line of the news."""
    if not act.values or t.flow is None:
        return ""
    _stored, news = flows.record_news(t, act.values)
    return flows.echo(t, news, None)


def restart(t: Turn, act: Act) -> Reply:
    """Start the check over with its answers cleared; with no check, start the conversation over."""
    flow = flows.referred(t, topic_check=False)
    if flow is None and act.part == acts.AGAIN:
        flow = t.state.pop(CANCELLED, None)  # “刚才那个从头重新来”, after 算了 不问了: the check left
    if flow is None and act.part == acts.RETOLD:
        flow = flows.referred(t)  # (“搞错了 从头来 我说的是…”: the check of the topic in hand, not begun)
    if flow is None and act.topic:
        flow = {"topic": act.topic}  # (“重新开始核专精特新嘛” with no check in hand: the check of the policy named)
    topic = t.kn.topics.get(flow["topic"]) if flow and act.part != "all" else None
    if topic is not None and topic.checklist:
        t.state.pop("flow", None)
        kept = flows.of_the_enterprise(t, topic) if act.part == acts.ANOTHER else set()
        return flows.start_checklist(t, topic, fresh=True, values=act.values, kept=kept)
    t.state.clear()
    return finish(t, Reply(t.kn.messages.restarted, "restart", options=set_options(t, menu(t))))


CANCELLED = "cancelled"
"""State key: the check the user left (算了 不问了), which “刚才那个从头重新来” starts again."""


def cancel(t: Turn, act: Act) -> Reply:
    """End the check (and any parked one)."""
    had = [t.state.pop("flow", None), t.state.pop("suspended", None)]
    if had[0] and had[0].get("kind") == flows.CHECKLIST:
        t.state[CANCELLED] = {k: had[0][k] for k in ("kind", "topic", "version") if k in had[0]}
    set_options(t, [])
    m = t.kn.messages
    return Reply(m.checklist_exit if any(had) else m.restarted, "exit")


def out_of_scope(t: Turn, act: Act) -> Reply:
    """Out of scope: in a check, one line and the question again; else the fallback, never the same twice.

    A group message to someone else (@同事 …) gets one short line and changes nothing.
    """
    if act.part == acts.ASIDE:
        return Reply(t.kn.messages.aside, "aside", intent=t.state.get("topic"))
    if t.flow:
        reply = flows.ask_again(t, t.kn.messages.out_of_scope_in_check)
        reply.kind = "out_of_scope"
        return reply
    misses = t.state.get("misses", 0)
    reply = topics.fallback(t, again=misses % 2 == 1)
    t.state["misses"] = misses + 1
    return finish(t, reply)


def reask(t: Turn, text: str = "") -> Reply:
    """The pending question again, with how to answer it; the second time with the options and 跳过.

    A reply not understood that shares words with the question's no (集团 of 集团下属) keeps its criterion from
    being taken for granted in the verdict. One that tells something else of the enterprise (永川高新区的 做数控机床)
    is acknowledged, not called not understood.
    """
    flow = t.state["flow"]
    crit = t.kn.criteria[flow["pending"]]
    m = t.kn.messages
    noted = bool(text) and bool(t.facts(text, anywhere=True))  # (永川高新区的 做数控机床: heard, just no answer)
    noted = noted or (bool(text) and names_condition_of_check(t, normalize(text), but=flow["pending"]))  # (软著…登记的)
    flow["reasks"] = flow.get("reasks", 0) + (0 if noted else 1)
    denying = {g for w in crit.no_words for g in bigrams(normalize(w))}
    if bigrams(normalize(text)) & denying and flow["pending"] not in flow.setdefault(flows.UNREAD, []):
        flow[flows.UNREAD].append(flow["pending"])
    if flow["reasks"] > REASKS_BEFORE_HELP:
        reply = flows.ask_again(t, m.reask_again)
    else:
        yes_no = flows.yes_no_threshold(t, flow["pending"]) is not None
        said = m.reask_noted if noted else m.reask
        reply = flows.ask_again(t, said.format(hint=render.hint(t.kn, crit, yes_no)))
    reply.kind, reply.reason = "reask", "bad_answer"
    return reply


def clarify(t: Turn, act: Act) -> Reply:
    """Which of the close topics was meant."""
    _c, decision = t.match(act.text)
    opts = [
        Option(str(i), t.kn.topics[c.intent].title, f"intent:{c.intent}")
        for i, c in enumerate(decision.top, 1)
        if c.intent
    ]
    return finish(t, Reply(t.kn.messages.clarify, "clarify", options=set_options(t, opts)))


def feedback(t: Turn, act: Act) -> Reply:
    """有用 / 没用 on the last answer, stored anonymously."""
    t.feedback = (t.state["last_turn"], "", t.state.get("topic"), bool(act.useful))
    return Reply(t.kn.messages.feedback_thanks, "feedback", intent=t.state.get("topic"))


def empty(t: Turn, act: Act) -> Reply:
    """Nothing to read."""
    return Reply(t.kn.messages.empty, "empty", reason="empty", options=menu(t))


def no_option(t: Turn, act: Act) -> Reply:
    """A number when nothing numbered was offered."""
    return Reply(t.kn.messages.nothing_to_choose, "no_option", reason="no_option")
