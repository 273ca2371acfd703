"""Whether the log can be written: the cause of the latest failed write, and how many turns went unlogged.

A full or read-only disk, or a database locked for longer than the busy timeout, does not stop the bot: users
still get their answers, the turns that could not be stored are counted here, and ``/healthz`` reports
``degraded`` with the cause. The next write that succeeds clears the fault (logging resumes by itself).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any

logger = logging.getLogger(__name__)


class WriteHealth:
    """One per storage back end; every write reports to it, whoever drops a turn counts it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.fault: str | None = None
        """Why the latest write failed (None: the latest write succeeded)."""
        self.since: dt.datetime | None = None
        """When writes started failing."""
        self.unlogged = 0
        """Turns answered but not stored, since the process started."""
        self._unlogged_at_fault = 0

    def failed(self, cause: str) -> None:
        """A write failed for ``cause`` (a storage fault, not a programming error)."""
        with self._lock:
            first = self.fault is None
            self.fault = cause
            if first:
                self.since = dt.datetime.now(dt.UTC)
                self._unlogged_at_fault = self.unlogged
        if first:
            logger.error("the log cannot be written (%s): answering without logging until it can", cause)

    def succeeded(self) -> None:
        """A write was committed: the log works (again)."""
        if self.fault is None:  # the common case, without taking the lock
            return
        with self._lock:
            cause, self.fault, self.since = self.fault, None, None
            missed = self.unlogged - self._unlogged_at_fault
        logger.warning("the log is written again (it failed: %s); %d turn(s) were not logged", cause, missed)

    def unlogged_turn(self) -> None:
        """A turn was answered but could not be stored."""
        with self._lock:
            self.unlogged += 1

    def as_dict(self) -> dict[str, Any]:
        """For ``/healthz``: ``ok``, ``fault``, ``since`` and ``unlogged_turns``."""
        with self._lock:
            return {
                "ok": self.fault is None,
                "fault": self.fault,
                "since": self.since.isoformat(timespec="seconds") if self.since else None,
                "unlogged_turns": self.unlogged,
            }
