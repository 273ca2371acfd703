"""Answer a retried message once: message ids remembered per channel in the database, across processes and hosts.

A channel that retries (WeChat resends a message it got no reply to within five seconds) calls
``begin(channel, key)``. The first caller anywhere becomes the owner and computes the answer; a retry in the
same process waits on that flight, a retry in another process polls the table for the stored answer. The
owner may hand the answer off to another way of delivery (WeChat's customer-service API) when it is late;
retries then get ``handed_off`` and say nothing, so the user gets the answer exactly once.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.store import Store

logger = logging.getLogger(__name__)

TABLE = "dedupe"
KEEP_SECONDS = 3600.0
"""How long a message id is remembered (longer than any retry or timestamp window)."""
STALE_SECONDS = 60.0
"""An unfinished claim older than this is taken over (its process died while answering)."""
PRUNE_EVERY = 60.0
"""Seconds between deletions of forgotten ids."""
POLL_SECONDS = 0.02
"""How often a retry in another process looks for the stored answer."""
SPENT = "spent:"
"""Key prefix of a used one-time token that carried no message (``spend``)."""


class Role(enum.Enum):
    """How a caller of ``begin`` takes part in answering a message."""

    OWNER = "owner"  # compute the answer, then ``finish``
    LOCAL = "local"  # a retry while this process answers: ``follow`` waits on the owner's flight
    REMOTE = "remote"  # answered (or being answered) elsewhere: ``follow`` reads the table


class ReplayError(Exception):
    """A request's one-time token (timestamp + nonce) was already used by a different message."""


@dataclass(frozen=True)
class Outcome:
    """What a retry learns: the stored answer, or that it was handed off."""

    done: bool
    value: str | None
    handed_off: bool


@dataclass
class Flight:
    """One message being answered."""

    channel: str
    key: str
    role: Role
    settled: threading.Event = field(default_factory=threading.Event)
    done: bool = False
    value: str | None = None
    handed_off: bool = False
    storing: bool = False
    """The owner is storing its answer: it can no longer be handed off."""
    leader: Flight | None = None
    """For a LOCAL retry: the owner's flight in this process."""

    def outcome(self) -> Outcome:
        """The flight's state as an Outcome."""
        return Outcome(self.done, self.value, self.handed_off)


class Dedupe:
    """Message ids per channel in the engine's database (one table, shared by every worker process and host)."""

    def __init__(
        self,
        storage: Store,
        keep_seconds: float = KEEP_SECONDS,
        stale_seconds: float = STALE_SECONDS,
        clock: Callable[[], float] = time.time,
    ):
        self.storage, self.keep, self.stale, self.clock = storage, keep_seconds, stale_seconds, clock
        self._flights: dict[tuple[str, str], Flight] = {}
        self._mutex = threading.Lock()
        """Guards ``_flights`` and the flights' fields; never held while waiting for the database."""
        self._claiming = threading.Lock()
        """One claim at a time in this process, so that a retry here finds the first arrival's flight."""
        self._pruned = 0.0

    def begin(self, channel: str, key: str, nonce: str | None = None) -> Flight:
        """Claim ``key`` on ``channel``; the returned flight's role says what to do next.

        Raises:
            ReplayError: ``nonce`` was already used with another key (a replayed signed request).
        """
        with self.storage.holding(self._claiming):
            if local := self._local(channel, key):
                return local
            flight = Flight(channel, key, self._claim(channel, key, nonce))
            if flight.role is Role.OWNER:
                with self._mutex:
                    self._flights[(channel, key)] = flight
            return flight

    def spend(self, channel: str, nonce: str) -> None:
        """Use up a signed request's one-time token (timestamp + nonce) that carries no message, e.g. a URL check.

        Raises:
            ReplayError: ``nonce`` was already used, by this kind of request or by a message.
        """
        with self.storage.transaction() as conn:
            self._check_nonce(conn, channel, f"{SPENT}{nonce}", nonce)
            spent = conn.execute(
                f"INSERT INTO {TABLE} (channel, key, nonce, created, done) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT DO NOTHING",
                [channel, f"{SPENT}{nonce}", nonce, self.clock()],
            ).rowcount
        if not spent:
            raise ReplayError(f"{channel}: signed request replayed")

    def known(self, channel: str, key: str, nonce: str | None = None) -> Flight | None:
        """A retry's flight if ``key`` is being (or was) answered — LOCAL here, REMOTE elsewhere — else None.

        Only reads, so that an answer computed next (for ``settle``) is rarely computed in vain.

        Raises:
            ReplayError: ``nonce`` was already used with another key (checked again by ``settle``).
        """
        if local := self._local(channel, key):
            return local
        with self.storage.reading() as conn:
            self._check_nonce(conn, channel, key, nonce)
            row = conn.execute(
                f"SELECT 1 FROM {TABLE} WHERE channel = ? AND key = ? AND (done = 1 OR handed_off = 1 OR created >= ?)",
                [channel, key, self.clock() - self.stale],
            ).fetchone()
        return Flight(channel, key, Role.REMOTE) if row else None

    def settle(self, channel: str, key: str, nonce: str | None, value: str | None, store: Callable[[], None]) -> Flight:
        """Claim ``key`` with its answer already computed, and run ``store``, in one transaction.

        The owner's flight comes back settled; if another arrival claimed ``key`` first, a REMOTE flight to
        follow, and nothing is written.

        Raises:
            ReplayError: ``nonce`` was already used with another key.
        """
        with self.storage.transaction() as conn:
            if not self._claim_in(conn, channel, key, nonce, (value,)):
                return Flight(channel, key, Role.REMOTE)
            store()
        flight = Flight(channel, key, Role.OWNER, done=True, value=value)
        flight.settled.set()
        return flight

    def finish(self, flight: Flight, value: str | None, store: Callable[[], None] | None = None) -> bool:
        """Store the owner's answer and release waiting retries; True if it was handed off meanwhile.

        ``store`` (the turn's own writes) runs in the same transaction. Once it holds the write lock,
        ``hand_off`` says the answer is ready after all, so the table always records how the answer went out.
        """
        try:
            with self.storage.transaction() as conn:  # holding the write lock, it cannot take long from here
                with self._mutex:
                    flight.storing = True
                    handed_off = flight.handed_off
                if store is not None:
                    store()
                conn.execute(
                    f"UPDATE {TABLE} SET done = 1, value = ?, handed_off = ? WHERE channel = ? AND key = ?",
                    [value, int(handed_off), flight.channel, flight.key],
                )
        except BaseException:
            with self._mutex:
                flight.storing = False
            raise
        with self._mutex:
            flight.done, flight.value = True, value
            self._flights.pop((flight.channel, flight.key), None)
            flight.settled.set()
        return handed_off

    def abandon(self, flight: Flight) -> None:
        """The owner could not answer (an error): release its retries and forget the claim.

        WeChat's next retry is then answered afresh, instead of waiting on a flight that will never land.
        """
        with self._mutex:
            self._flights.pop((flight.channel, flight.key), None)
            flight.settled.set()
        try:
            with self.storage.transaction() as conn:
                conn.execute(
                    f"DELETE FROM {TABLE} WHERE channel = ? AND key = ? AND done = 0", [flight.channel, flight.key]
                )
        except Exception:
            logger.exception("%s: could not forget the unanswered message %s", flight.channel, flight.key)

    def hand_off(self, flight: Flight) -> bool:
        """Mark the answer as going out another way (it is late); False if it is ready, or being stored, after all.

        Retries in this process learn it at once; the table records it when the answer is stored.
        """
        with self._mutex:
            if flight.done or flight.storing:
                return False
            flight.handed_off = True
            flight.settled.set()
            return True

    def settled(self, flight: Flight) -> Outcome | None:
        """For a retry: the owner's outcome if it is known (answered or handed off), else None. Never waits."""
        leader = flight.leader
        if leader is not None:
            with self._mutex:
                return leader.outcome() if leader.settled.is_set() else None
        outcome = self.outcome(flight.channel, flight.key)
        return outcome if outcome and (outcome.done or outcome.handed_off) else None

    def follow(self, flight: Flight, timeout: float) -> Outcome | None:
        """For a retry: wait up to ``timeout`` seconds for the owner's outcome (None if still unknown)."""
        deadline = time.monotonic() + timeout
        while (outcome := self.settled(flight)) is None and (left := deadline - time.monotonic()) > 0:
            if flight.leader is not None:
                flight.leader.settled.wait(left)
            else:
                time.sleep(min(POLL_SECONDS, left))
        return outcome

    def outcome(self, channel: str, key: str) -> Outcome | None:
        """What the table knows about ``key`` (None if it was never claimed or is forgotten)."""
        with self.storage.reading() as conn:
            row = conn.execute(
                f"SELECT done, value, handed_off FROM {TABLE} WHERE channel = ? AND key = ?", [channel, key]
            ).fetchone()
        return Outcome(bool(row[0]), row[1], bool(row[2])) if row else None

    def _local(self, channel: str, key: str) -> Flight | None:
        """A LOCAL retry's flight if this process is answering ``key`` now, else None."""
        with self._mutex:
            leader = self._flights.get((channel, key))
        return Flight(channel, key, Role.LOCAL, leader=leader) if leader is not None else None

    def _claim(self, channel: str, key: str, nonce: str | None) -> Role:
        with self.storage.transaction() as conn:  # the nonce check and the claim, as one step across processes
            return Role.OWNER if self._claim_in(conn, channel, key, nonce, None) else Role.REMOTE

    @staticmethod
    def _check_nonce(conn: Any, channel: str, key: str, nonce: str | None) -> None:
        if nonce is None:
            return
        other = conn.execute(
            f"SELECT 1 FROM {TABLE} WHERE channel = ? AND nonce = ? AND key != ? LIMIT 1", [channel, nonce, key]
        ).fetchone()
        if other:
            raise ReplayError(f"{channel}: nonce reused by another message")

    def _claim_in(
        self, conn: Any, channel: str, key: str, nonce: str | None, answered: tuple[str | None] | None
    ) -> bool:
        """Within a write transaction: check the nonce, then claim ``key``; False if it is claimed already.

        ``answered``, when given, holds the answer: the claim is stored as done.
        """
        now = self.clock()
        self._check_nonce(conn, channel, key, nonce)
        done, answer = (1, answered[0]) if answered is not None else (0, None)
        claimed = conn.execute(
            f"INSERT INTO {TABLE} (channel, key, nonce, created, done, value) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [channel, key, nonce, now, done, answer],
        ).rowcount
        if not claimed:
            claimed = conn.execute(
                f"UPDATE {TABLE} SET created = ?, done = ?, value = ? WHERE channel = ? AND key = ? AND done = 0 "
                "AND handed_off = 0 AND created < ?",
                [now, done, answer, channel, key, now - self.stale],
            ).rowcount
            if claimed:
                logger.warning("%s: taking over message %s, whose first answer never finished", channel, key)
            else:  # PostgreSQL: another host's claim with this nonce committed while this one waited for it
                self._check_nonce(conn, channel, key, nonce)
        if now - self._pruned > PRUNE_EVERY:
            self._pruned = now
            conn.execute(f"DELETE FROM {TABLE} WHERE created < ?", [now - self.keep])
        return bool(claimed)
