"""The engine: ``respond(inbound) -> Reply``; matching, dialogue state, checklists and the log in one place."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot import checklist, platforms, render
from bot.answers import UNKNOWN, extract, parse_answer
from bot.calc import compute
from bot.models import Inbound, Option, Reply
from bot.settings import Settings
from bot.storage import Busy, Storage, mask
from intents.match import Candidate, Decision, Index, Thresholds
from intents.normalize import clean, normalize
from knowledge.loader import Knowledge
from knowledge.schema import Topic

logger = logging.getLogger(__name__)

LOOKUPS: dict[str, Callable[[Knowledge, str], str | None]] = {}
"""Topic id → a function answering specific questions from structured data (None: use the general answer)."""

ALREADY_NUMBERED = frozenset({"match"})
"""Reply kinds whose text already lists their numbered options."""
FEEDBACK_KINDS = frozenset({"answer", "section", "verdict", "match", "calc"})
"""Reply kinds that 有用 / 没用 can refer to."""

FLOW_CHECKLIST = "checklist"
FLOW_QUESTIONNAIRE = "questionnaire"
SHORT_MESSAGE = 12
"""A message this short that names a section (“要什么材料”) or a figure refers to the topic just discussed."""
FACTS_KEPT = 4096
"""Messages whose extracted facts are remembered per knowledge version (then forgotten all at once)."""


def build_index(kn: Knowledge, settings: Settings) -> Index:
    """The matcher for a knowledge base (aliases, examples, out-of-scope examples)."""
    from intents.match import OUT_OF_SCOPE

    examples = {tid: [t.title, *t.examples] for tid, t in kn.topics.items()}
    examples[OUT_OF_SCOPE] = list(kn.out_of_scope)
    vocab = kn.messages.vocabulary
    aliases = {tid: list(t.aliases) for tid, t in kn.topics.items()}
    aliases[OUT_OF_SCOPE] = list(kn.out_of_scope_aliases)
    places = [n for p in kn.parks for n in (p.name, p.district, *p.short)]
    industries = [k for p in kn.platforms for k in (p.direction, *p.keywords)]
    combos: dict[str, list[tuple[list[str], list[str]]]] = {
        tid: [(list(tr.words), list(tr.with_)) for tr in t.triggers] for tid, t in kn.topics.items() if t.triggers
    }
    if kn.platforms:
        combos.setdefault("innovation_platforms", []).append((places + industries, kn.platform_triggers))
    return Index(
        yielding=[tid for tid, t in kn.topics.items() if t.yields],
        aliases=aliases,
        combos=combos,
        examples=examples,
        fillers=vocab.fillers,
        synonyms=vocab.synonyms,
        thresholds=Thresholds(
            min_score=settings.min_score,
            min_margin=settings.min_margin,
            clarify_max=settings.clarify_max,
            alias_score=settings.alias_score,
            alias_bonus_per_char=settings.alias_bonus_per_char,
            pinyin_penalty=settings.pinyin_penalty,
        ),
    )


def policy_names(kn: Knowledge) -> list[str]:
    """Every topic's title and aliases: words that name a policy, not a fact about the user."""
    if "names" not in kn.memo:
        kn.memo["names"] = [n for t in kn.topics.values() for n in (t.title, *t.aliases)]
    return kn.memo["names"]  # type: ignore[no-any-return]


def vocabulary_sets(kn: Knowledge) -> dict[str, frozenset[str]]:
    """The normalised reply words (有用, 退出, 重新开始 …), computed once per knowledge version."""
    if "vocabulary" not in kn.memo:
        vocab = kn.messages.vocabulary
        kn.memo["vocabulary"] = {
            name: frozenset(normalize(w) for w in getattr(vocab, name))
            for name in ("useful", "useless", "restart", "exit")
        }
    return kn.memo["vocabulary"]  # type: ignore[no-any-return]


class Turn:
    """One message being answered: the knowledge snapshot, the user's state and what we learn."""

    def __init__(self, kn: Knowledge, index: Index, settings: Settings, state: dict[str, Any], day: dt.date):
        self.kn, self.index, self.settings, self.state, self.day = kn, index, settings, state, day
        self._facts: dict[str, dict[str, Any]] = {}
        self.feedback: tuple[int, str, str | None, bool] | None = None
        """有用 / 没用 to store: ``Storage.add_feedback``'s arguments (no user hash: feedback is anonymous)."""

    @property
    def profile(self) -> dict[str, Any]:
        return self.state.setdefault("profile", {})

    def facts(self, text: str) -> dict[str, Any]:
        """What ``text`` states about the enterprise (computed once per message)."""
        if text not in self._facts:
            known = self.kn.memo.setdefault("facts", {})  # the same message from many users: extract once
            facts = known.get(text)  # one lookup: another thread may clear ``known`` at any time
            if facts is None:
                facts = extract(text, self.kn.criteria, policy_names(self.kn))
                if len(known) >= FACTS_KEPT:
                    known.clear()
                known[text] = facts
            self._facts[text] = facts
        return dict(self._facts[text])


def _attempt(storage: Storage, what: str, channel: str, write: Callable[..., Any], *args: Any) -> Any:
    """``write(*args)`` inside a turn's transaction; None, and the failure logged, if it raises.

    Re-raised if the failure ended the transaction (SQLite rolls back on a full disk or an I/O error): the
    writes after it must not be committed on their own.
    """
    try:
        return write(*args)
    except Exception:
        if not storage.db.conn.in_transaction:
            raise
        logger.exception("could not store %s on %s", what, channel)
        return None


@dataclass
class Answered:
    """A reply, and what answering it leaves to store (``Engine.record`` writes it)."""

    inbound: Inbound
    reply: Reply
    turn: Turn
    state_key: str
    user_hash: str
    started: float
    now: dt.datetime
    log: bool
    error: str | None = None


class Engine:
    """PolicyBot's core. Channels build an ``Inbound``, call ``respond`` and render the ``Reply``."""

    def __init__(
        self,
        knowledge: Knowledge,
        storage: Storage,
        settings: Settings | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ):
        self.settings = settings or Settings()
        self.storage = storage
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.salt = storage.salt(self.settings.user_salt)
        self._active: tuple[Knowledge, Index] = (knowledge, build_index(knowledge, self.settings))

    @property
    def knowledge(self) -> Knowledge:
        """The knowledge currently answering."""
        return self._active[0]

    @property
    def index(self) -> Index:
        """The matcher currently answering."""
        return self._active[1]

    def swap(self, knowledge: Knowledge) -> None:
        """Replace the knowledge in one step (a reply in progress keeps the snapshot it started with)."""
        self._active = (knowledge, build_index(knowledge, self.settings))

    # -- the one entry point --------------------------------------------------------------------
    def respond(self, inbound: Inbound, log: bool = True) -> Reply:
        """Answer one message; the turn is logged before the reply is returned.

        Never raises, but ``Busy`` inside ``Storage.patience``.
        """
        answered = self.answer(inbound, log)
        self.record(answered)
        return answered.reply

    def answer(self, inbound: Inbound, log: bool = True) -> Answered:
        """Compute the reply to one message, writing nothing; ``record`` then stores the turn.

        Raises only ``Busy`` (inside ``Storage.patience``, when the user's state could not be read in time).
        """
        started = time.perf_counter()
        kn, index = self._active
        user_hash = Storage.hash_user(self.salt, inbound.channel, inbound.user_id)
        key = f"{inbound.channel}:{user_hash}"
        now = inbound.received or self.clock()
        turn = Turn(kn, index, self.settings, {}, now.date())
        error = None
        try:
            turn.state = self.storage.load_state(key, self.settings.session_idle_minutes * 60)
            reply = self._respond(turn, inbound)
        except Busy:
            raise
        except Exception:
            logger.exception("failed to answer a message on %s", inbound.channel)
            error = traceback.format_exc()
            reply = Reply(kn.messages.error, "error", options=[self._human_option(kn)])
            turn.state = {"options": [[o.key, o.label, o.action] for o in reply.options]}
        return Answered(inbound, reply, turn, key, user_hash, started, now, log, error)

    def record(self, answered: Answered) -> None:
        """Store a turn in one transaction: the feedback it gave, its log row, the dialogue state it leads to.

        Each part that fails is logged and the others are still stored (a state that cannot be saved never
        costs the log row). Raises only ``Busy`` (inside ``Storage.patience``; then nothing was written).
        """
        write = self.writes(answered)
        try:
            with self.storage.transaction():
                write()
        except Busy:
            raise
        except Exception:
            logger.exception("could not store the turn on %s", answered.inbound.channel)

    def writes(self, answered: Answered) -> Callable[[], None]:
        """The turn's writes, to run inside a write transaction; the log row is built now, before the lock."""
        turn, reply, channel, storage = answered.turn, answered.reply, answered.inbound.channel, self.storage
        row = None
        if answered.log:
            try:
                row = self._log_row(answered)
            except Exception:
                logger.exception("could not build the log row on %s", channel)

        def write() -> None:
            if turn.feedback:
                _attempt(storage, "the feedback", channel, storage.add_feedback, *turn.feedback)
            turn_id = _attempt(storage, "the log row", channel, storage.log_turn, row) if row else None
            if turn_id and reply.kind in FEEDBACK_KINDS:
                turn.state["last_turn"] = turn_id
            _attempt(storage, "the dialogue state", channel, storage.save_state, answered.state_key, turn.state)

        return write

    @staticmethod
    def _compute(t: Turn, topic: Topic, text: str) -> str | None:
        """The topic's calculation on what the user told us, with its source; None without the figures."""
        calc = topic.calculator
        if calc is None:
            return None
        if "labels" not in t.kn.memo:
            t.kn.memo["labels"] = {o.value: o.label for c in t.kn.criteria.values() for o in c.options}
        labels = t.kn.memo["labels"]
        return compute(calc, t.profile, t.kn.messages, normalize(text), labels, t.kn.cite(topic, calc))

    def match(self, text: str) -> tuple[list[Candidate], Decision]:
        """Rank and decide, without any dialogue (``policybot try``, ``eval``)."""
        candidates = self.index.match(text)
        return candidates, self.index.decide(candidates)

    def _log_row(self, answered: Answered) -> dict[str, Any]:
        inbound, turn, reply = answered.inbound, answered.turn, answered.reply
        limit = self.settings.log_text_chars
        text = mask(clean(inbound.text or ""))[:limit]
        row = {
            "ts": answered.now.astimezone(dt.UTC).isoformat(timespec="milliseconds"),
            "channel": inbound.channel,
            "user_hash": answered.user_hash,
            "message_id": inbound.message_id,
            "text": text,
            "normalized": normalize(text)[:limit],
            "intent": reply.intent,
            "score": round(reply.score, 2),
            "candidates": json.dumps([c.as_dict() for c in reply.candidates[:3]], ensure_ascii=False),
            "kind": reply.kind,
            "reason": reply.reason,
            "reply": reply.text[:limit],
            "latency_ms": round((time.perf_counter() - answered.started) * 1000, 3),
            "knowledge_version": turn.kn.version,
            "error": answered.error,
        }
        return row

    # -- dialogue -------------------------------------------------------------------------------
    def _respond(self, t: Turn, inbound: Inbound) -> Reply:
        m = t.kn.messages
        vocab = m.vocabulary
        if inbound.kind != "text":
            return Reply(m.unsupported, "unsupported", reason=f"kind:{inbound.kind}")
        text = clean(inbound.text or "")
        if len(text) > self.settings.max_message_chars:
            return Reply(m.too_long.format(limit=self.settings.max_message_chars), "too_long", reason="too_long")
        norm = normalize(text)
        raw = text.strip()
        words = vocabulary_sets(t.kn)
        if raw in vocab.useful or raw in vocab.useless or norm in words["useful"] | words["useless"]:
            useful = raw in vocab.useful or norm in words["useful"]
            if t.state.get("last_turn"):
                t.feedback = (t.state["last_turn"], "", t.state.get("topic"), useful)
                return Reply(m.feedback_thanks, "feedback", intent=t.state.get("topic"))
        if not norm:
            return Reply(m.empty, "empty", reason="empty", options=self._menu(t))
        if norm in words["restart"]:
            t.state.clear()
            return Reply(m.restarted, "restart", options=self._set_options(t, self._menu(t)))
        flow = t.state.get("flow")
        if norm in words["exit"]:
            had_flow = t.state.pop("flow", None)
            t.state["options"] = []
            return Reply(m.checklist_exit if had_flow else m.restarted, "exit")
        if flow:
            reply = self._flow_answer(t, text, norm)
            if reply:
                return reply
        if norm.isdigit() and not flow:
            return self._pick(t, int(norm))
        return self._new_question(t, text)

    def _new_question(self, t: Turn, text: str, prefix: str = "") -> Reply:
        candidates, decision = self._match_on(t, text)
        contextual = self._contextual(t, text, decision)
        if contextual:
            return contextual
        if decision.intent:
            reply = self._do(t, f"intent:{decision.intent}", text)
        elif decision.reason == "ambiguous":
            opts = [
                Option(str(i), t.kn.topics[c.intent].title, f"intent:{c.intent}")
                for i, c in enumerate(decision.top, 1)
                if c.intent
            ]
            reply = Reply(t.kn.messages.clarify, "clarify", options=self._set_options(t, opts))
        else:
            reply = Reply(t.kn.messages.fallback, "fallback", options=self._set_options(t, self._menu(t)))
        reply.intent = reply.intent if decision.reason == "matched" else None
        reply.score, reply.candidates, reply.reason = decision.score, candidates[:3], decision.reason
        if prefix:
            reply.text = f"{prefix}\n{reply.text}"
        return self._finish(t, reply)

    def _match_on(self, t: Turn, text: str) -> tuple[list[Candidate], Decision]:
        candidates = t.index.match(text)
        return candidates, t.index.decide(candidates)

    def _contextual(self, t: Turn, text: str, decision: Decision) -> Reply | None:
        """“要什么材料” right after an answer about a topic means that topic's materials."""
        topic_id = t.state.get("topic")
        if not topic_id or topic_id not in t.kn.topics:
            return None
        norm = normalize(text)
        m = t.kn.messages
        calc = t.kn.topics[topic_id].calculator
        if calc:
            learned = t.facts(text)
            relevant = {*calc.inputs, "high_tech_certified", str(calc.params.get("special_criterion", ""))}
            states_figures = bool(learned.keys() & relevant) and len(norm) <= SHORT_MESSAGE
            if states_figures or (
                any(normalize(w) in norm for w in m.calc_words) and decision.intent in (None, topic_id)
            ):
                t.profile.update(learned)
                return self._finish(t, self._do(t, "calc", text))
        if decision.intent and decision.intent != topic_id:
            return None
        for name, words in m.section_words.items():
            if any(normalize(w) in norm for w in words) and len(norm) <= SHORT_MESSAGE:
                action = "sources" if name == "政策依据" else f"section:{name}"
                return self._finish(t, self._do(t, action, text))
        return None

    def _finish(self, t: Turn, reply: Reply) -> Reply:
        """Append the numbered options to the text (once)."""
        if reply.menu_shown:
            return reply
        reply.menu_shown = True
        if reply.options and not t.state.get("flow") and reply.kind not in ALREADY_NUMBERED:
            text = reply.text
            header = (
                ""
                if reply.kind in ("clarify", "fallback", "conversation", "restart")
                else t.kn.messages.followup_header
            )
            body = "\n".join(f"{o.key} {o.label}" for o in reply.options)
            reply.text = "\n".join(x for x in (text, header, body) if x)
        return reply

    def _set_options(self, t: Turn, options: list[Option]) -> list[Option]:
        t.state["options"] = [[o.key, o.label, o.action] for o in options]
        return options

    def _menu(self, t: Turn) -> list[Option]:
        kn = t.kn
        return [
            Option(str(i), kn.topics[tid].title, f"intent:{tid}")
            for i, tid in enumerate([x for x in kn.messages.menu if x in kn.topics], 1)
        ]

    def _human_option(self, kn: Knowledge) -> Option:
        return Option("1", kn.topics["human_agent"].title, "intent:human_agent")

    def _pick(self, t: Turn, number: int) -> Reply:
        options = t.state.get("options") or []
        for key, _label, action in options:
            if key == str(number):
                return self._finish(t, self._do(t, action, ""))
        return Reply(t.kn.messages.nothing_to_choose, "no_option", reason="no_option")

    # -- actions --------------------------------------------------------------------------------
    def _do(self, t: Turn, action: str, text: str) -> Reply:
        kind, _, arg = action.partition(":")
        topic_id = t.state.get("topic")
        if kind == "intent":
            return self._answer(t, t.kn.topics[arg], text)
        if kind == "all":
            return self._all_topics(t)
        topic = t.kn.topics.get(topic_id or "")
        if topic is None:
            return Reply(t.kn.messages.nothing_to_choose, "no_option")
        if kind == "checklist":
            return self._start_checklist(t, topic)
        if kind == "section":
            body, caveat = render.section_text(t.kn, topic, arg, t.day)
            if not body:
                return Reply(t.kn.messages.nothing_to_choose, "no_option")
            footnote = [t.kn.messages.caveat_footnote] if caveat else []
            return Reply(
                "\n".join([body, *footnote]),
                "section",
                intent=topic.id,
                options=self._topic_options(t, topic),
            )
        if kind == "sources":
            return Reply(
                render.sources_text(t.kn, topic),
                "section",
                intent=topic.id,
                options=self._topic_options(t, topic),
            )
        if kind == "calc":
            result = self._compute(t, topic, text)
            text_out = result or t.kn.messages.calc_missing
            return Reply(text_out, "calc", intent=topic.id, options=self._topic_options(t, topic))
        return Reply(t.kn.messages.nothing_to_choose, "no_option")

    def _topic_options(self, t: Turn, topic: Topic, more: list[str] | None = None) -> list[Option]:
        follow = [(f.label, f.action) for f in render.followups(t.kn, topic)]
        for name in more or []:
            count = sum(len(render.facts_in_force(s.items, t.day)) for s in topic.sections if s.name == name)
            follow.insert(0, (t.kn.messages.more_facts.format(section=name, count=count), f"section:{name}"))
        return self._set_options(t, [Option(str(i), label, action) for i, (label, action) in enumerate(follow, 1)])

    def _all_topics(self, t: Turn) -> Reply:
        policies = [(tid, topic) for tid, topic in t.kn.topics.items() if topic.kind == "policy"]
        opts = [Option(str(i), topic.title, f"intent:{tid}") for i, (tid, topic) in enumerate(policies, 1)]
        return Reply(t.kn.messages.menu_header, "conversation", options=self._set_options(t, opts))

    def _answer(self, t: Turn, topic: Topic, text: str) -> Reply:
        kn = t.kn
        learned = t.facts(text) if text else {}
        t.profile.update(learned)
        t.state["topic"] = topic.id
        if topic.kind == "conversation":
            return self._conversation(t, topic, text)
        norm = normalize(text)
        lookup = LOOKUPS.get(topic.id)
        if lookup and text:
            found = lookup(kn, text)
            if found:
                return Reply(found, "answer", intent=topic.id, options=self._topic_options(t, topic))
        extra = []
        if learned:
            extra.append(kn.messages.prefilled.format(facts=self._describe(t, learned)))
        calc = topic.calculator
        result = self._compute(t, topic, text)
        asks_amount = any(normalize(w) in norm for w in kn.messages.calc_words)
        if result and (asks_amount or calc and calc.inputs[0] in learned):
            extra.append(result)
        wants_check = any(normalize(w) in norm for w in kn.messages.checklist_words)
        if wants_check and topic.checklist:
            start = self._start_checklist(t, topic)
            start.text = f"【{topic.title}】\n" + ("\n".join(extra) + "\n" if extra else "") + start.text
            return start
        body, cut = render.answer_text(kn, topic, t.day, extra, brief=bool(result and asks_amount), query=text)
        options = self._topic_options(t, topic, more=cut)
        return Reply(
            body,
            "answer",
            intent=topic.id,
            options=options,
            data={"title": topic.title, "sections": self._sections_data(t, topic)},
        )

    def _sections_data(self, t: Turn, topic: Topic) -> list[dict[str, Any]]:
        key = ("sections", topic.id, t.day)
        if key not in t.kn.memo:
            t.kn.memo[key] = self._build_sections_data(t, topic)
        return t.kn.memo[key]  # type: ignore[no-any-return]

    def _build_sections_data(self, t: Turn, topic: Topic) -> list[dict[str, Any]]:
        return [
            {
                "name": s.name,
                "items": [
                    {"text": f.text, "source": t.kn.cite(topic, f), "caveat": t.kn.uncertain(topic, f)}
                    for f in render.facts_in_force(s.items, t.day)
                ],
            }
            for s in topic.sections
        ]

    def _describe(self, t: Turn, facts: dict[str, Any]) -> str:
        return "，".join(
            f"{self._short(t, cid)} {render.show_value(t.kn, t.kn.criteria[cid], v)}" for cid, v in facts.items()
        )

    @staticmethod
    def _short(t: Turn, cid: str) -> str:
        crit = t.kn.criteria[cid]
        return crit.label or crit.question

    def _conversation(self, t: Turn, topic: Topic, text: str) -> Reply:
        kn = t.kn
        if topic.questionnaire:
            return self._start_questionnaire(t, topic)
        options: list[Option] = []
        if topic.id in ("greeting", "help"):
            options = self._menu(t)
            if topic.id == "help":
                options.append(Option(str(len(options) + 1), kn.messages.all_topics_label, "all:"))
        reply = Reply(topic.reply or "", "conversation", intent=topic.id, options=self._set_options(t, options))
        return reply

    # -- checklists and the questionnaire -----------------------------------------------------------
    def _start_checklist(self, t: Turn, topic: Topic) -> Reply:
        version = checklist.version_in_force(topic, t.day)
        if version is None:
            return Reply(
                t.kn.messages.checklist_none.format(title=topic.title),
                "answer",
                intent=topic.id,
                options=self._topic_options(t, topic),
            )
        vidx = topic.checklist.index(version)
        answered = t.state.setdefault("answered", [])
        for cid in checklist.to_ask(version.items, t.kn.criteria):
            if cid in answered:  # asked by an earlier run: ask again, so an answer can be corrected
                answered.remove(cid)
                t.profile.pop(cid, None)
        t.state["flow"] = {"kind": FLOW_CHECKLIST, "topic": topic.id, "version": vidx, "asked": 0}
        t.state["options"] = []
        total = checklist.open_items(version.items, t.profile, t.kn.criteria)
        intro = t.kn.messages.checklist_start.format(title=topic.title, version=version.label, total=total)
        return self._advance(t, intro)

    def _start_questionnaire(self, t: Turn, topic: Topic) -> Reply:
        t.state["flow"] = {"kind": FLOW_QUESTIONNAIRE, "topic": topic.id, "asked": 0}
        t.state["options"] = []
        total = len([c for c in topic.questionnaire if c not in t.profile])
        intro = (topic.reply or "").format(total=total)
        return self._advance(t, intro)

    def _flow_items(self, t: Turn) -> tuple[Topic, list[str] | None, Any]:
        flow = t.state["flow"]
        topic = t.kn.topics[flow["topic"]]
        if flow["kind"] == FLOW_QUESTIONNAIRE:
            return topic, list(topic.questionnaire), None
        version = topic.checklist[min(flow["version"], len(topic.checklist) - 1)]
        return topic, None, version

    def _next(self, t: Turn) -> str | None:
        topic, questions, version = self._flow_items(t)
        if questions is not None:
            return next((q for q in questions if q not in t.profile), None)
        return checklist.next_criterion(version.items, t.profile, t.kn.criteria)

    def _advance(self, t: Turn, intro: str = "") -> Reply:
        flow = t.state["flow"]
        pending = self._next(t)
        if pending is None:
            return self._conclude(t)
        flow["pending"] = pending
        flow["asked"] = flow.get("asked", 0) + 1
        crit = t.kn.criteria[pending]
        body = render.question_text(t.kn, crit, flow["asked"])
        expects = crit.type
        options = []
        if crit.type == "bool":
            m = t.kn.messages
            options = [
                Option("1", m.answer_yes, "answer"),
                Option("2", m.answer_no, "answer"),
                Option("3", m.answer_unknown, "answer"),
            ]
        elif crit.type == "choice":
            options = [Option(str(i), o.label, "answer") for i, o in enumerate(crit.options, 1)]
        return Reply(
            "\n".join(x for x in (intro, body) if x),
            "checklist_step",
            intent=flow["topic"],
            options=options,
            expects=expects,
            data={"criterion": pending},
        )

    def _flow_answer(self, t: Turn, text: str, norm: str) -> Reply | None:
        flow = t.state["flow"]
        pending = flow.get("pending")
        if not pending or pending not in t.kn.criteria or flow.get("topic") not in t.kn.topics:
            t.state.pop("flow", None)
            return None
        crit = t.kn.criteria[pending]
        if any(normalize(w) in norm for w in t.kn.messages.vocabulary.question_words):
            # “专精特新有没有补贴” is a question, not the answer 没有: leave the checklist if it is a clear one.
            left = self._leave_for_question(t, text)
            if left:
                return left
        value = parse_answer(text, crit, t.kn.messages.vocabulary, t.day)
        if crit.type == "bool" and norm == "3":
            value = UNKNOWN
        if value is None:
            learned = {k: v for k, v in t.facts(text).items() if k not in t.profile or k == pending}
            if pending in learned:
                value = learned.pop(pending)
                t.profile.update(learned)
        if value is not None:
            t.profile[pending] = value
            answered = t.state.setdefault("answered", [])
            if pending not in answered:
                answered.append(pending)
            return self._advance(t)
        return self._leave_for_question(t, text) or self._advance_again(t, crit)

    def _leave_for_question(self, t: Turn, text: str) -> Reply | None:
        """End the checklist and answer ``text`` if it is clearly a question about some intent."""
        _candidates, decision = self._match_on(t, text)
        if not (decision.intent and decision.score >= self.settings.new_question_score):
            return None
        topic = t.kn.topics[t.state["flow"]["topic"]]
        t.state.pop("flow", None)
        note = t.kn.messages.checklist_left.format(title=topic.title)
        return self._new_question(t, text, prefix=note)

    def _advance_again(self, t: Turn, crit: Any) -> Reply:
        flow = t.state["flow"]
        flow["asked"] = max(0, flow.get("asked", 1) - 1)
        again = self._advance(t)
        again.text = t.kn.messages.reask.format(hint=render.hint(t.kn, crit)) + "\n" + again.text
        again.kind, again.reason = "reask", "bad_answer"
        return again

    def _conclude(self, t: Turn) -> Reply:
        topic, questions, version = self._flow_items(t)
        t.state.pop("flow")
        if questions is not None:
            return self._finish(t, self._match_report(t))
        result = checklist.verdict(version.items, t.profile, t.kn.criteria)
        text = render.verdict_text(t.kn, topic, version.label, result, t.profile, version.note)
        t.state["topic"] = topic.id
        reply = Reply(
            text,
            "verdict",
            intent=topic.id,
            options=self._topic_options(t, topic),
            data={
                "verdict": result.result,
                "unmet": [o.item.label for o in result.unmet],
                "unknown": [o.item.label for o in result.unknown],
            },
        )
        return self._finish(t, reply)

    def _match_report(self, t: Turn) -> Reply:
        """policy_match: every policy's checklist judged on the profile, most promising first."""
        kn = t.kn
        rows = []
        for tid, topic in kn.topics.items():
            version = checklist.version_in_force(topic, t.day)
            if topic.kind != "policy" or version is None:
                continue
            result = checklist.verdict(version.items, t.profile, kn.criteria)
            if result.result == checklist.FAIL:
                continue
            passed = sum(o.status == checklist.PASS for o in result.outcomes)
            rows.append((result.result != checklist.PASS, len(result.unknown), -passed, tid, result))
        rows.sort()
        m = kn.messages
        if not rows:
            return Reply(m.match_none, "match", intent="policy_match", options=self._set_options(t, self._menu(t)))
        lines = [m.match_header]
        options = []
        for n, (_, unknown, _neg, tid, result) in enumerate(rows[:8], 1):
            status = (
                m.verdict_pass.split("。")[0]
                if result.result == checklist.PASS
                else m.match_unknown_line.format(count=unknown)
            )
            lines.append(m.match_line.format(n=n, title=kn.topics[tid].title, status=status))
            options.append(Option(str(n), kn.topics[tid].title, f"intent:{tid}"))
        self._set_options(t, options)
        return Reply(
            "\n".join(lines),
            "match",
            intent="policy_match",
            options=options,
            data={"policies": [r[3] for r in rows]},
        )


def _platforms(kn: Knowledge, text: str) -> str | None:
    found = platforms.lookup(kn, text)
    return platforms.render(kn, found) if found.specific else None


LOOKUPS["innovation_platforms"] = _platforms


def open_engine(
    knowledge_dir: Path | str | None = None,
    db_path: Path | str | None = None,
    settings: Settings | None = None,
) -> Engine:
    """Load knowledge (raising KnowledgeError on bad YAML), open the database, build the engine."""
    from knowledge.loader import load

    kn = load(knowledge_dir)
    storage = Storage(db_path or default_db())
    return Engine(kn, storage, settings or Settings.from_env())


def default_db() -> Path:
    """The default log file in the user's data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("policybot")) / "policybot.db"
