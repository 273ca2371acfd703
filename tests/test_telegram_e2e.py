"""Telegram end to end: ``policybot telegram`` and ``policybot serve --workers 2`` against a fake Bot API server.

The fake (``tg_helpers.FakeBotServer``) is a real HTTP server on 127.0.0.1; the bot reaches it through
``POLICYBOT_TELEGRAM_API_BASE`` with python-telegram-bot's own HTTP client, as it would reach a self-hosted Bot
API server. Only Telegram's side is faked.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from handlers import telegram as tg
from tests.helpers import ROOT, make_engine
from tests.tg_helpers import TOKEN, FakeBotServer, buttons, callback, text_update
from tests.wx_helpers import serve, server_process, turns

WAIT_SECONDS = 30.0
WEBHOOK_URL = "https://bot.example.org/tg/hook"


@pytest.fixture
def fake() -> Iterator[tuple[FakeBotServer, str]]:
    api = FakeBotServer()
    with serve(api.app()) as base:
        yield api, base


def wait_for(done: Callable[[], object], message: str, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{message}: the bot exited\n{proc.stderr.read().decode() if proc.stderr else ''}")
        assert time.monotonic() < deadline, message
        time.sleep(0.05)


@contextlib.contextmanager
def polling_bot(db: Path, api_base: str) -> Iterator[subprocess.Popen[bytes]]:
    """``policybot telegram`` (long polling) as a child process; stopped with SIGTERM as a service manager does."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYBOT_DB": str(db)}
    env |= {tg.TOKEN_ENV: TOKEN, tg.API_BASE_ENV: api_base + "/bot"}
    env.pop(tg.WEBHOOK_URL_ENV, None)
    cmd = [sys.executable, "-m", "handlers.cli", "telegram"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_polling_end_to_end(tmp_path: Path, fake: tuple[FakeBotServer, str]) -> None:
    api, base = fake
    db = tmp_path / "polling.db"
    with polling_bot(db, base) as proc:
        wait_for(lambda: api.polls, "the bot never polled", proc)
        assert api.of("getMe") and api.of("deleteWebhook") and api.of("setMyCommands")
        api.updates.append(text_update("专精特新要什么条件"))
        wait_for(lambda: api.sent, "no answer to the message", proc)
        answer = api.of("sendMessage")[-1].result
        assert "专精特新" in answer["text"]
        option = next(b for b in buttons(answer) if b["callback_data"].startswith("o:"))
        api.updates.append(callback(answer, option["callback_data"]))
        wait_for(lambda: len(api.sent) >= 2, "no answer to the button", proc)
        assert api.of("answerCallbackQuery") and api.of("editMessageReplyMarkup")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(WAIT_SECONDS) == 0
        stderr = proc.stderr.read().decode() if proc.stderr else ""
    assert "Traceback" not in stderr and TOKEN not in stderr
    engine = make_engine(db)
    try:
        rows = turns(engine, channel="telegram")
    finally:
        engine.storage.close()
    assert [r["text"] for r in rows] == ["专精特新要什么条件", option["callback_data"].split(":")[1]]
    assert rows[0]["intent"] == "zjtx"


def test_webhook_end_to_end_on_two_workers_answers_a_redelivered_update_once(
    tmp_path: Path, fake: tuple[FakeBotServer, str]
) -> None:
    api, api_base = fake
    db = tmp_path / "webhook.db"
    env = {tg.TOKEN_ENV: TOKEN, tg.WEBHOOK_URL_ENV: WEBHOOK_URL + "/", tg.API_BASE_ENV: api_base + "/bot"}
    with server_process(db, env, workers=2) as base:
        wait_for(lambda: len(api.of("setWebhook")) == 2, "both workers register the webhook")
        hook = api.webhook()
        assert hook["url"] == WEBHOOK_URL and hook["secret_token"] and TOKEN not in hook["secret_token"]
        update = text_update("专精特新要什么条件")
        with concurrent.futures.ThreadPoolExecutor(4) as pool:  # Telegram redelivers before the first 200
            first = list(pool.map(lambda _: api.deliver(base, update), range(4)))
        assert {r.status_code for r in first} <= {200, 503} and 200 in {r.status_code for r in first}
        assert api.deliver(base, update).status_code == 200  # a late redelivery: acknowledged, not answered
        assert api.deliver(base, text_update("研发费用加计扣除怎么算")).status_code == 200
        wrong = {**hook, "secret_token": "forged"}
        api.calls.append(type(api.calls[-1])("setWebhook", wrong))
        assert api.deliver(base, text_update("你好")).status_code == 403
    answered = [m["text"] for m in api.sent]
    assert sum("专精特新" in t for t in answered) == 1 and any("加计扣除" in t for t in answered)
    engine = make_engine(db)
    try:
        rows = turns(engine, channel="telegram")
    finally:
        engine.storage.close()
    assert sorted(r["intent"] for r in rows) == ["rd_deduction", "zjtx"]
