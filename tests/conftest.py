"""Fixtures shared by the suite: the real engine on a temporary database; no network except loopback."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from tests.helpers import BACKENDS, User, database, make_engine

# The knowledge cache between runs (bot.warm) stays off: tests load many folders, and tests/test_warm.py turns
# it on where it is tested. Set here, so the CLI subprocesses of the suite inherit it too.
os.environ["POLICYBOT_CACHE"] = "0"

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and self.family != socket.AF_UNIX:
        raise RuntimeError(f"tests may only use loopback, not {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture
def engine(tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    eng = make_engine(tmp_path / "log.db")
    yield eng
    eng.storage.close()


@pytest.fixture
def user(engine: Engine) -> User:
    return User(engine)


@pytest.fixture(params=BACKENDS)
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """An empty database of each back end in turn: an SQLite file, then a PostgreSQL schema (skipped without one)."""
    with database(request.param, tmp_path) as target:
        yield target


@pytest.fixture
def both_engine(db_target: Path | str) -> Iterator[Engine]:
    """The real engine on each back end in turn."""
    eng = make_engine(db_target)
    yield eng
    eng.storage.close()
