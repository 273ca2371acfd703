"""The engine: ``respond(inbound) -> Reply``: load the conversation, answer through ``bot.dialogue``, log it."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.dialogue import acts, handle
from bot.dialogue.interpret import without_mention
from bot.dialogue.turn import Turn, human_option, set_options
from bot.models import Inbound, Reply
from bot.platforms import place_names
from bot.settings import Settings
from bot.storage import Busy, Storage, mask
from bot.store import Store, open_storage
from intents.match import Candidate, Decision, Index, Thresholds
from intents.normalize import clean, normalize
from knowledge.loader import Knowledge

logger = logging.getLogger(__name__)

GREETING = "greeting"
THANKS = "thanks"
EDGE_ONLY = (GREETING, THANKS)
"""Intents whose words (在不在, 你好, 收到) greet or thank only where a message begins or ends (not 收到通知了)."""
SMALL_TALK = (GREETING, THANKS, "help")
"""Conversation intents whose words (你好, 谢谢) yield to a policy named in the same message."""
POLICY_MATCH = "policy_match"
"""The question which policies suit us; asked right after a policy's name (专精特新企业能享受什么), of that policy."""
FEEDBACK_KINDS = frozenset({"answer", "section", "verdict", "match", "calc"})
"""Reply kinds that 有用 / 没用 can refer to."""


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
    combos: dict[str, list[tuple[list[str], list[str], list[str]]]] = {
        tid: [(list(tr.words), list(tr.with_), list(tr.unless)) for tr in t.triggers]
        for tid, t in kn.topics.items()
        if t.triggers
    }
    if kn.out_of_scope_triggers:
        combos[OUT_OF_SCOPE] = list(kn.out_of_scope_triggers)
    if kn.platforms:
        combos.setdefault("innovation_platforms", []).append(
            (places + industries, kn.platform_triggers, kn.platform_unless)
        )
    return Index(
        yielding=[tid for tid, t in kn.topics.items() if t.yields or tid in SMALL_TALK],
        small_talk=list(SMALL_TALK),
        edge_only=list(EDGE_ONLY),
        asked_of=[POLICY_MATCH],
        places=list(place_names(kn)),
        insistent=[w for t in kn.topics.values() for w in t.insistent],
        own_words={tid: list(t.own_words) for tid, t in kn.topics.items() if t.own_words},
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
            vote_settle_margin=settings.vote_settle_margin,
            vote_rescue_margin=settings.vote_rescue_margin,
        ),
        classifier=bool(settings.classifier),
    )


def _attempt(storage: Store, what: str, channel: str, write: Callable[..., Any], *args: Any) -> Any:
    """``write(*args)`` inside a turn's transaction; None, and the failure logged, if it raises.

    Re-raised if the failure ended the transaction (SQLite rolls back on a full disk or an I/O error): the
    writes after it must not be committed on their own.
    """
    try:
        return write(*args)
    except Busy:  # PostgreSQL: a row another host holds; the whole turn is stored later, nothing now
        raise
    except Exception:
        if not storage.in_transaction:
            raise
        logger.exception("could not store %s on %s", what, channel)
        return None


def _told(turn: Turn, before: dict[str, Any]) -> dict[str, Any]:
    """The facts a turn recorded: new or changed in the profile, not computed from others."""
    computed = set(turn.state.get("computed") or [])
    after = turn.state.get("profile") or {}
    return {c: v for c, v in after.items() if c not in computed and (c not in before or before[c] != v)}


def _mentioned(turn: Turn, before: dict[str, Any]) -> dict[str, Any]:
    """Facts a group turn that answered no question recorded beside it: not which kind of a policy is asked about.

    准备金制度建了的 去年在备案平台上备过案, read as a question on the topic, still states its facts.
    """
    criteria = turn.kn.criteria
    return {c: v for c, v in _told(turn, before).items() if c not in criteria or criteria[c].presume is None}


def private_key(channel: str, user_hash: str) -> str:
    """The state key of a user's private chat on a channel (a group chat's key adds the chat to it)."""
    return f"{channel}:{user_hash}"


LAST_GROUP = ":last-group"
"""Suffix of the state key that points from a user's private chat to their latest group conversation."""


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
    told: dict[str, Any] = field(default_factory=dict)
    """Facts about the enterprise a group turn recorded: they are also the user's private chat's."""
    mentioned: dict[str, Any] = field(default_factory=dict)
    """Facts a group turn recorded beside a question: they fill gaps in the user's private check, never change it."""


class Engine:
    """PolicyBot's core. Channels build an ``Inbound``, call ``respond`` and render the ``Reply``."""

    def __init__(
        self,
        knowledge: Knowledge,
        storage: Store,
        settings: Settings | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        index: Index | None = None,
    ):
        """``index``: the matcher already built for ``knowledge`` with these settings (see ``bot.warm``)."""
        self.settings = settings or Settings()
        self.storage = storage
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.salt = storage.salt(self.settings.user_salt)
        self._active: tuple[Knowledge, Index] = (knowledge, index or build_index(knowledge, self.settings))

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
        private = key = private_key(inbound.channel, user_hash)
        if inbound.chat_id is not None and inbound.chat_id != inbound.user_id:
            key += ":" + Storage.hash_user(self.salt, inbound.channel, f"chat:{inbound.chat_id}")
        now = inbound.received or self.clock()
        turn = Turn(kn, index, self.settings, {}, now.date())
        error = None
        idle = self.settings.session_idle_minutes * 60
        try:
            turn.state = self.storage.load_state(key, idle, now.timestamp())
            if key == private and not turn.state:
                turn.state = self._taken_up(private, idle, now)
            elif not turn.state:
                turn.state = self._topic_in_view(private, idle, now, index, inbound.text)
            before = dict(turn.state.get("profile") or {}) if key != private else None  # (a group's turn only)
            reply = handle.respond(turn, inbound, self.settings.max_message_chars)
            told: dict[str, Any] = {}
            mentioned: dict[str, Any] = {}
            if before is not None and reply.act in (acts.ANSWER, acts.CORRECTION):
                told = _told(turn, before)
            elif before is not None:
                mentioned = _mentioned(turn, before)
        except Busy:
            raise
        except Exception:
            logger.exception("failed to answer a message on %s", inbound.channel)
            error = traceback.format_exc()
            told, mentioned = {}, {}
            reply = Reply(kn.messages.error, "error", options=[human_option(kn)], act="error")
            turn.state = self._stored_state(key, idle, now)  # the conversation is kept as it was before
            set_options(turn, reply.options)
        return Answered(inbound, reply, turn, key, user_hash, started, now, log, error, told, mentioned)

    def _tell_private(self, answered: Answered, private: str) -> None:
        """Facts the user told in a group also count in their private conversation under way (never the reverse).

        “@PolicyBot 第一批货是卖给集团另外一个子公司” in the group, during a check in private: the private verdict
        reads it, where the private conversation had no answer of its own. What was told in private never comes
        into a group (``_topic_in_view``).
        """
        idle, stamp = self.settings.session_idle_minutes * 60, answered.now.timestamp()
        state = self.storage.load_state(private, idle, stamp)
        if not state.get("flow") and not state.get("suspended"):
            return  # no check under way in private: nothing to add to
        # (never over an answer given in private: “我们成立两年多” in the group is not the private check's 四年)
        state["profile"] = {**answered.mentioned, **answered.told, **(state.get("profile") or {})}
        self.storage.save_state(private, state, stamp)

    def _taken_up(self, private: str, idle: float, now: dt.datetime) -> dict[str, Any]:
        """The user's latest group conversation, for a private chat with none of its own; else empty.

        Asked in the group, the check offered there is taken up in private (“要得”), within the idle time.
        """
        pointer = self.storage.load_state(private + LAST_GROUP, idle, now.timestamp())
        group = pointer.get("key")
        return self.storage.load_state(group, idle, now.timestamp()) if isinstance(group, str) else {}

    def _topic_in_view(self, private: str, idle: float, now: dt.datetime, index: Index, text: str) -> dict[str, Any]:
        """For a group conversation with none of its own: only the topic of the user's private chat, no facts.

        “@PolicyBot 璧山高新区呢” in the group, right after asking in private which platforms 铜梁 has, asks about
        the same topic; nothing the user told in private (figures, a check and its verdict) comes into the group.
        A question that names a topic of its own starts afresh.
        """
        if index.decide(index.match(without_mention(text))).intent:
            return {}
        topic = self.storage.load_state(private, idle, now.timestamp()).get("topic")
        return {"topic": topic} if isinstance(topic, str) else {}

    def _stored_state(self, key: str, idle: float, now: dt.datetime) -> dict[str, Any]:
        """The state as stored (after a failed turn, which may have changed it half-way); empty if unreadable."""
        try:
            return self.storage.load_state(key, idle, now.timestamp())
        except Exception:
            logger.exception("could not read the state again after a failed turn")
            return {}

    def record(self, answered: Answered) -> None:
        """Store a turn in one transaction: the feedback it gave, its log row, the dialogue state it leads to.

        Each part that fails is logged and the others are still stored (a state that cannot be saved never
        costs the log row). A database that cannot be written (full or read-only disk, locked past the busy
        timeout) costs the turn: it is counted in ``storage.health`` and the reply still goes out. Raises only
        ``Busy`` inside ``Storage.patience`` (then nothing was written, and the caller may try elsewhere).
        """
        write = self.writes(answered)
        try:
            with self.storage.transaction():
                write()
        except Busy:
            if Storage.impatient():
                raise
            logger.error("could not store the turn on %s: the database stayed locked", answered.inbound.channel)
            if answered.log:
                self.storage.health.unlogged_turn()
        except Exception:
            logger.exception("could not store the turn on %s", answered.inbound.channel)
            if answered.log:
                self.storage.health.unlogged_turn()

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
            if row and not turn_id:
                storage.health.unlogged_turn()
            if turn_id and reply.kind in FEEDBACK_KINDS:
                turn.state["last_turn"] = turn_id
            stamp = answered.now.timestamp()  # idle time is counted on the engine's clock (the message's time)
            _attempt(storage, "the dialogue state", channel, storage.save_state, answered.state_key, turn.state, stamp)
            private = private_key(channel, answered.user_hash)
            if answered.state_key != private and turn.state:  # (a group's: private chat may take it up)
                pointer = {"key": answered.state_key}
                _attempt(
                    storage, "the group pointer", channel, storage.save_state, private + LAST_GROUP, pointer, stamp
                )
            if answered.state_key != private and (answered.told or answered.mentioned):
                _attempt(storage, "the facts told in a group", channel, self._tell_private, answered, private)

        return write

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
            "normalized": mask(normalize(text))[:limit],  # normalising may join what masking split (138 1234 …)
            "intent": reply.intent,
            "score": round(reply.score, 2),
            "candidates": json.dumps([c.as_dict() for c in reply.candidates[:3]], ensure_ascii=False),
            "kind": reply.kind,
            "reason": reply.reason,
            "reply": reply.text[:limit],
            "latency_ms": round((time.perf_counter() - answered.started) * 1000, 3),
            "knowledge_version": turn.kn.version,
            "error": answered.error,
            "act": reply.act,
            "via": reply.via,
        }
        return row


def open_engine(
    knowledge_dir: Path | str | None = None,
    db_path: Path | str | None = None,
    settings: Settings | None = None,
) -> Engine:
    """Load knowledge (raising KnowledgeError on bad YAML), open the database (a path or a URL), build the engine."""
    from bot.warm import prepared

    settings = settings or Settings.from_env()
    kn, index = prepared(knowledge_dir, settings)
    storage = open_storage(db_path or default_db())
    return Engine(kn, storage, settings, index=index)


def default_db() -> Path:
    """The default log file in the user's data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("policybot")) / "policybot.db"
