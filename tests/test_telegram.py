"""Telegram: a real python-telegram-bot Application on the real engine, the Bot API faked at its request seam."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import shutil
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import click
import httpx
import pytest
import uvicorn
import yaml
from click.testing import CliRunner
from starlette.applications import Starlette

from bot.engine import Engine
from handlers import telegram as tg
from knowledge.loader import BUNDLED, KnowledgeError
from tests.helpers import ROOT, make_engine
from tests.tg_helpers import (
    TOKEN,
    FakeBotAPI,
    Harness,
    buttons,
    callback,
    command,
    mention,
    payload,
    text_update,
)

USER = "52341977"
OTHER = {"id": 61122334, "is_bot": False, "first_name": "敏", "username": "wangmin_jx"}
STRINGS = tg.load_strings()
LIMIT = 4096


@pytest.fixture
def bot(engine: Engine) -> Iterator[Harness]:
    with Harness(engine) as harness:
        yield harness


def plain(html_text: str) -> str:
    """What the user reads: tags removed, entities unescaped."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def turns(engine: Engine) -> list[dict[str, Any]]:
    return engine.storage.turns()


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


# -- commands -----------------------------------------------------------------------------------------------
def test_start_welcomes_with_the_menu_as_buttons(bot: Harness, engine: Engine) -> None:
    calls = bot.feed(command("/start"))
    [sent] = [c.params for c in calls if c.method == "sendMessage"]
    kn = engine.knowledge
    assert sent["parse_mode"] == "HTML"
    assert plain(sent["text"]) == kn.topics["greeting"].reply
    labels = [b["text"] for b in buttons(sent)]
    menu = [kn.topics[t].title for t in kn.messages.menu if t in kn.topics]
    assert labels == [f"{i} {title}" for i, title in enumerate(menu, 1)]
    assert not any(line.startswith("1 ") for line in sent["text"].split("\n")), "options shown twice"
    assert all(b["callback_data"] == f"o:{i}:{USER}" for i, b in enumerate(buttons(sent), 1))
    [row] = turns(engine)
    assert (row["channel"], row["intent"], row["kind"]) == ("telegram", "greeting", "conversation")


def test_typed_digit_and_button_pick_the_same_option(engine: Engine, tmp_path: Path) -> None:
    with Harness(engine) as typed:
        typed.feed(command("/start"))
        typed.feed(text_update("1"))
        by_text = typed.api.sent[-1]["text"]
    other = make_engine(tmp_path / "other.db")
    with Harness(other) as pressed:
        pressed.feed(command("/start"))
        calls = pressed.press("1 研发费用加计扣除")
        by_button = pressed.api.sent[-1]["text"]
    other.storage.close()
    assert by_text == by_button and "研发费用加计扣除" in by_text
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageReplyMarkup", "sendMessage"]
    marker = buttons(calls[1].params)
    assert [b["text"] for b in marker] == [STRINGS.chosen.format(label="1 研发费用加计扣除")]


def test_help_lists_the_commands_before_the_help_answer(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/help"))
    sent = bot.api.sent[-1]
    assert plain(sent["text"]).startswith(STRINGS.help)
    assert engine.knowledge.topics["help"].reply in plain(sent["text"])
    assert buttons(sent)[-1]["text"].endswith(engine.knowledge.messages.all_topics_label)


def test_topics_lists_every_policy_and_a_button_asks_about_it(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/topics"))
    sent = bot.api.sent[-1]
    policies = [t for t, v in engine.knowledge.topics.items() if v.kind == "policy"]
    assert [b["callback_data"] for b in buttons(sent)] == [f"t:{t}" for t in policies]
    assert turns(engine) == [], "listing topics is not a turn"
    calls = bot.press("t:policy_goals")  # its title alone does not match it: an example is sent instead
    assert calls[0].method == "answerCallbackQuery"
    assert turns(engine)[-1]["intent"] == "policy_goals"
    assert bot.api.sent[-1]["text"].startswith("<b>【")


def test_check_without_a_topic_offers_the_checklists(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/check"))
    sent = bot.api.sent[-1]
    assert plain(sent["text"]) == STRINGS.check_header
    data = [b["callback_data"] for b in buttons(sent)]
    assert data[0] == "c:policy_match" and "c:zjtx" in data and "c:core_tech" not in data
    bot.press("c:zjtx")
    reply = bot.api.sent[-1]
    assert "（第 1 项）" in plain(reply["text"])
    assert [b["text"] for b in buttons(reply)] == ["是", "否", "不知道"]


def test_check_with_words_or_unknown_words(bot: Harness) -> None:
    bot.feed(command("/check", "高新技术企业"))
    assert "（第 1 项）" in plain(bot.api.sent[-1]["text"])
    bot.feed(command("/check", "天气预报"))
    sent = bot.api.sent[-1]
    assert plain(sent["text"]) == STRINGS.check_unknown.format(text="天气预报")
    assert buttons(sent)


def test_reset_restarts(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/check", "zjtx"))
    bot.feed(command("/reset"))
    assert plain(bot.api.sent[-1]["text"]) == engine.knowledge.messages.restarted
    assert turns(engine)[-1]["kind"] == "restart"


def test_unknown_command_says_which_exist(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/settings"))
    assert plain(bot.api.sent[-1]["text"]) == STRINGS.unknown_command
    assert turns(engine) == []


# -- checklists ----------------------------------------------------------------------------------------------
def test_full_checklist_to_its_verdict_with_buttons(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/check", "rd_deduction"))
    presses = 0
    while "（第" in plain(bot.api.sent[-1]["text"]):
        choices = buttons(bot.api.sent[-1])
        assert choices, "yes/no and choice questions have buttons"
        calls = bot.press(choices[0]["callback_data"])
        assert [c.method for c in calls][:2] == ["answerCallbackQuery", "editMessageReplyMarkup"]
        presses += 1
        assert presses < 20
    verdict = plain(bot.api.sent[-1]["text"])
    m = engine.knowledge.messages
    assert verdict.startswith(m.verdict_header.format(title="研发费用加计扣除"))
    assert m.verdict_pass in verdict
    rows = turns(engine)
    assert rows[-1]["kind"] == "verdict" and {r["channel"] for r in rows} == {"telegram"}
    assert len(bot.api.of("answerCallbackQuery")) == presses


def test_numeric_question_takes_a_typed_answer(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/check", "high_tech_enterprise"))
    first = bot.api.sent[-1]
    assert engine.knowledge.criteria["years_registered"].question in plain(first["text"])
    assert not buttons(first), "numbers are typed"
    bot.feed(text_update("注册5年了"))
    nxt = plain(bot.api.sent[-1]["text"])
    assert "（第 2 项）" in nxt
    bot.feed(text_update("abc"))
    assert plain(bot.api.sent[-1]["text"]).startswith(engine.knowledge.messages.reask.split("{")[0])


def test_policy_match_questionnaire_ends_with_policy_buttons(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/check", "policy_match"))
    for _ in range(20):
        sent = bot.api.sent[-1]
        if "（第" not in plain(sent["text"]):
            break
        if buttons(sent):
            bot.press(buttons(sent)[0]["callback_data"])
        else:
            bot.feed(text_update("不知道"))
    report = bot.api.sent[-1]
    assert plain(report["text"]).startswith(engine.knowledge.messages.match_header)
    first = buttons(report)[0]
    bot.press(first["callback_data"])
    title = first["text"].split(" ", 1)[1]
    intent = turns(engine)[-1]["intent"]
    assert engine.knowledge.topics[intent].title == title


def test_a_command_leaves_a_pending_checklist_question(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/check", "zjtx"))
    bot.feed(command("/check", "rd_deduction"))
    last = plain(bot.api.sent[-1]["text"])
    assert "研发费用加计扣除" in last and "（第 1 项）" in last
    assert "exit" not in [r["kind"] for r in turns(engine)], "leaving the first check is an internal step, not logged"


# -- callbacks -----------------------------------------------------------------------------------------------
def test_every_callback_query_is_answered(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/start"))
    menu = bot.last_message()
    for data in ("zzz", "x", "o:", "t:no_such_topic", "c:no_such_topic", ""):
        calls = bot.feed(callback(menu, data))
        assert [c.method for c in calls] == ["answerCallbackQuery"], data
    assert len(turns(engine)) == 1


def test_an_outdated_button_is_refused(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/start"))
    menu = bot.last_message()
    bot.feed(text_update("专精特新要什么条件"))
    before = len(turns(engine))
    calls = bot.feed(callback(menu, "o:1:" + USER))
    assert calls[0].method == "answerCallbackQuery" and calls[0].params["text"] == STRINGS.stale
    assert calls[1].method == "editMessageReplyMarkup" and "reply_markup" not in calls[1].params
    assert len(turns(engine)) == before


# -- rendering -----------------------------------------------------------------------------------------------
def test_html_is_escaped(engine: Engine) -> None:
    from bot.models import Option, Reply

    renderer = tg.Renderer(engine.knowledge, STRINGS)
    reply = Reply(
        "【A&B】\n<script>x</script> & 1<2\n1 甲\n2 乙",
        "answer",
        options=[Option("1", "甲", "x"), Option("2", "乙", "y")],
    )
    out = renderer.render(reply, USER)
    assert out.chunks == ["<b>【A&amp;B】</b>\n&lt;script&gt;x&lt;/script&gt; &amp; 1&lt;2"]
    labels = [b.text for row in out.keyboard.inline_keyboard for b in row]  # type: ignore[union-attr]
    assert labels == ["1 甲", "2 乙", STRINGS.feedback_useful, STRINGS.feedback_useless]


def test_split_keeps_sections_whole_then_lines_then_characters(engine: Engine) -> None:
    renderer = tg.Renderer(engine.knowledge, STRINGS, limit=100)
    first = ["【标题】", *["· " + "甲" * 20] * 3]
    second = ["申报条件", *["· " + "乙" * 20] * 2]
    chunks = renderer.split(first + second)
    assert chunks == ["\n".join(["<b>【标题】</b>", *first[1:]]), "\n".join(["<b>申报条件</b>", *second[1:]])]
    long_section = renderer.split(["【标题】", *["· " + "丙" * 30] * 6])
    assert len(long_section) > 1 and all(tg.utf16_len(plain(c)) <= 100 for c in long_section)
    assert "\n".join(long_section).split("\n")[1:] == ["· " + "丙" * 30] * 6
    one_line = renderer.split(["&" * 250])
    assert [tg.utf16_len(plain(c)) for c in one_line] == [100, 100, 50], "Telegram counts text after parsing"
    assert "".join(one_line) == "&amp;" * 250, "an entity is never cut"
    emoji = renderer.split(["😀" * 60])
    assert [tg.utf16_len(c) for c in emoji] == [100, 20], "UTF-16 units, surrogate pairs kept whole"


@pytest.fixture
def long_engine(tmp_path: Path) -> Iterator[Engine]:
    """The bundled knowledge with 研发准备金补助's main sections made very long."""
    folder = tmp_path / "knowledge"
    shutil.copytree(BUNDLED, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = folder / "topics" / "rd_reserve.yaml"
    topic = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = topic["sections"][0]["items"][0]["source"]
    for section in topic["sections"]:
        if section["name"] == "政策要点":
            section["items"] = [{"text": f"要点{i}：" + "研发投入<3%&补助" * 150, "source": source} for i in range(4)]
        if section["name"] == "适用对象":
            section["items"] = [{"text": f"对象{i}：" + "重庆企业" * 100, "source": source} for i in range(3)]
    path.write_text(yaml.safe_dump(topic, allow_unicode=True, sort_keys=False), encoding="utf-8")
    eng = make_engine(tmp_path / "long.db", knowledge=folder)
    yield eng
    eng.storage.close()


def test_a_long_answer_is_split_at_a_line_boundary(long_engine: Engine) -> None:
    with Harness(long_engine) as bot:
        bot.feed(text_update("重庆企业研发准备金补助"))
        sent = bot.api.sent
    assert len(sent) >= 2
    assert all(tg.utf16_len(plain(s["text"])) <= LIMIT for s in sent)
    assert sum(tg.utf16_len(plain(s["text"])) for s in sent) > LIMIT
    assert sent[0]["text"].startswith("<b>【重庆企业研发准备金补助】</b>")
    facts = [line for s in sent for line in plain(s["text"]).split("\n") if line.startswith("· 要点")]
    assert len(facts) == 3 and all(line.endswith("研发投入<3%&补助") for line in facts), "no fact is cut in two"
    assert any("&lt;3%&amp;补助" in s["text"] for s in sent), "escaped once, in HTML"
    assert all("reply_markup" not in s for s in sent[:-1]) and buttons(sent[-1]), "buttons go under the last part"
    row = long_engine.storage.turns()[-1]
    assert row["kind"] == "answer" and row["channel"] == "telegram"


# -- groups --------------------------------------------------------------------------------------------------
def test_group_messages_not_addressed_to_the_bot_are_ignored(bot: Harness, engine: Engine) -> None:
    for update in (
        payload("message_group_plain"),
        payload("message_new_members"),
        command("/help@other_bot", name="message_group_plain"),
    ):
        assert bot.feed(update) == []
    assert turns(engine) == []


def test_group_mention_is_answered_quoting_the_question(bot: Harness, engine: Engine) -> None:
    calls = bot.feed(payload("message_group_mention"))
    [sent] = [c.params for c in calls]
    assert sent["chat_id"] == -1001987654321
    assert sent["reply_parameters"]["message_id"] == 2051
    row = turns(engine)[-1]
    assert row["text"] == "专精特新要什么条件" and row["intent"] == "zjtx"


def test_group_reply_to_the_bot_and_group_commands_are_answered(bot: Harness, engine: Engine) -> None:
    bot.feed(payload("message_group_reply"))
    assert turns(engine)[-1]["intent"] == "rd_deduction"
    bot.feed(command("/help@policy_cq_bot", name="message_group_plain"))
    assert plain(bot.api.sent[-1]["text"]).startswith(STRINGS.help)
    bot.feed(command("/topics", name="message_group_plain"))
    assert plain(bot.api.sent[-1]["text"]) == STRINGS.topics_header
    bot.feed(command("/weather@policy_cq_bot", name="message_group_plain"))
    assert plain(bot.api.sent[-1]["text"]) == STRINGS.unknown_command


def test_group_buttons_answer_only_the_asker(bot: Harness, engine: Engine) -> None:
    bot.feed(mention("专精特新要什么条件"))
    answer = bot.last_message()
    before = len(turns(engine))
    calls = bot.press("条件自查", answer, sender={**OTHER, "id": 99887766})
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params["text"] == STRINGS.not_yours
    assert len(turns(engine)) == before
    bot.press("条件自查", answer, sender=OTHER)
    assert "（第 1 项）" in plain(bot.api.sent[-1]["text"])


# -- bad input -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, kind", [("message_sticker", "sticker"), ("message_photo", "image"), ("message_voice", "voice")]
)
def test_non_text_gets_a_polite_reply(
    bot: Harness, engine: Engine, caplog: pytest.LogCaptureFixture, name: str, kind: str
) -> None:
    caplog.set_level(logging.DEBUG)
    bot.feed(payload(name))
    assert plain(bot.api.sent[-1]["text"]) == engine.knowledge.messages.unsupported
    row = turns(engine)[-1]
    assert (row["channel"], row["kind"], row["reason"]) == ("telegram", "unsupported", f"kind:{kind}")
    assert errors(caplog) == []


def test_edited_message_asks_to_resend_without_a_turn(
    bot: Harness, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    bot.feed(payload("edited_message"))
    assert plain(bot.api.sent[-1]["text"]) == STRINGS.edited
    assert turns(engine) == []
    assert errors(caplog) == []


def test_very_long_text_is_refused_politely(bot: Harness, engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    bot.feed(text_update("专精特新" * 1000))
    limit = engine.settings.max_message_chars
    assert plain(bot.api.sent[-1]["text"]) == engine.knowledge.messages.too_long.format(limit=limit)
    assert turns(engine)[-1]["kind"] == "too_long"
    assert errors(caplog) == []


# -- Bot API errors ------------------------------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # RetryAfter's own
def test_flood_control_429_is_waited_out(bot: Harness) -> None:
    bot.api.fail("sendMessage", retry_after=3)
    bot.feed(command("/start"))
    outcomes = [c.outcome for c in bot.api.calls if c.method == "sendMessage"]
    assert outcomes == ["429", "ok"]
    assert bot.sleeps == [3.0]


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
def test_network_errors_are_retried_then_dropped_and_the_bot_keeps_running(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.api.fail("sendMessage", network=True)
    bot.feed(command("/start"))
    assert [c.outcome for c in bot.api.calls if c.method == "sendMessage"] == ["network", "ok"]
    bot.api.fail("sendMessage", network=True, times=tg.MAX_ATTEMPTS)
    bot.feed(command("/help"))
    assert len(bot.api.sent) == 1
    assert any("dropped" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    bot.api.fail("sendMessage", retry_after=int(tg.MAX_RETRY_WAIT) + 1)
    bot.feed(command("/help"))
    assert len(bot.api.sent) == 1 and bot.sleeps == [tg.NETWORK_BACKOFF, tg.NETWORK_BACKOFF, 2 * tg.NETWORK_BACKOFF]
    bot.feed(command("/topics"))
    assert len(bot.api.sent) == 2
    assert errors(caplog) == []


def test_every_turn_is_logged_with_channel_telegram(bot: Harness, engine: Engine) -> None:
    bot.feed(command("/start"))
    bot.press("2 专精特新中小企业认定（含创新型中小企业）")
    bot.feed(text_update("研发费用加计扣除怎么算"))
    bot.feed(payload("message_sticker"))
    rows = turns(engine)
    assert len(rows) == 4 and {r["channel"] for r in rows} == {"telegram"}
    assert all(r["user_hash"] and USER not in r["user_hash"] for r in rows)


# -- polling -------------------------------------------------------------------------------------------------
def test_polling_takes_updates_from_get_updates(bot: Harness, engine: Engine) -> None:
    async def poll() -> None:
        bot.api.updates.append(text_update("专精特新要什么条件"))
        await bot.app.updater.start_polling(poll_interval=0, timeout=0, allowed_updates=tg.ALLOWED_UPDATES)  # type: ignore[union-attr]
        await bot.app.start()
        deadline = time.monotonic() + 10
        while not bot.api.sent and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        await bot.app.updater.stop()  # type: ignore[union-attr]
        await bot.app.stop()

    bot.run(poll())
    assert bot.api.of("deleteWebhook"), "polling first removes any webhook"
    assert "专精特新" in bot.api.sent[0]["text"]
    assert turns(engine)[-1]["channel"] == "telegram"


# -- webhook -------------------------------------------------------------------------------------------------
WEBHOOK_URL = "https://bot.example.org/tg/hook"
SECRET = "s3cret-Token_for-tests"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(mount: tg.WebhookMount) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 with the mount's routes and lifespan."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await mount.startup()
        yield
        await mount.shutdown()

    port = _free_port()
    config = uvicorn.Config(
        Starlette(routes=mount.routes, lifespan=lifespan), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def test_webhook_route_checks_the_secret_token_on_a_real_server(engine: Engine) -> None:
    api = FakeBotAPI()
    env = {tg.TOKEN_ENV: TOKEN, tg.WEBHOOK_URL_ENV: WEBHOOK_URL, tg.SECRET_ENV: SECRET}
    mount = tg.webhook_mount(engine, env, request=api)
    assert mount is not None and mount.path == "/tg/hook"
    with serving(mount) as base, httpx.Client(base_url=base, trust_env=False) as http:
        [hook] = api.of("setWebhook")
        assert hook.params["url"] == WEBHOOK_URL and hook.params["secret_token"] == SECRET
        assert api.of("setMyCommands")
        update = text_update("专精特新要什么条件")
        for headers in ({}, {tg.SECRET_HEADER: "wrong"}, {tg.SECRET_HEADER: SECRET + "x"}):
            assert http.post("/tg/hook", json=update, headers=headers).status_code == 403
        assert turns(engine) == [] and api.sent == []
        signed = {tg.SECRET_HEADER: SECRET}
        assert http.post("/tg/hook", content=b"{not json", headers=signed).status_code == 400
        wrong_types = {"update_id": "abc", "message": 5}
        assert http.post("/tg/hook", json=wrong_types, headers=signed).status_code == 400
        assert http.post("/tg/hook", content=b"[" * 20000, headers=signed).status_code == 400
        huge = b'{"update_id": 1, "message": {"text": "' + b"a" * 2_400_000 + b'"}}'
        assert http.post("/tg/hook", content=huge, headers=signed).status_code == 413
        response = http.post("/tg/hook", json=update, headers={tg.SECRET_HEADER: SECRET})
        assert response.status_code == 200
        deadline = time.monotonic() + 10
        while not api.sent and time.monotonic() < deadline:
            time.sleep(0.02)
        again = http.post("/tg/hook", json=update, headers={tg.SECRET_HEADER: SECRET})  # Telegram redelivers
        assert again.status_code == 200
    assert len(api.sent) == 1, "a redelivered update is answered once"
    assert "专精特新" in api.sent[0]["text"]
    [row] = turns(engine)
    assert row["channel"] == "telegram" and row["intent"] == "zjtx"


def test_webhook_mount_needs_a_token_and_a_url(engine: Engine) -> None:
    assert tg.webhook_mount(engine, {}) is None
    assert tg.webhook_mount(engine, {tg.TOKEN_ENV: TOKEN}) is None
    assert tg.webhook_mount(engine, {tg.WEBHOOK_URL_ENV: WEBHOOK_URL}) is None
    bad = [
        ({tg.TOKEN_ENV: "not-a-token", tg.WEBHOOK_URL_ENV: WEBHOOK_URL}, tg.TOKEN_ENV),
        ({tg.TOKEN_ENV: TOKEN, tg.WEBHOOK_URL_ENV: "http://bot.example.org/tg"}, tg.WEBHOOK_URL_ENV),
        ({tg.TOKEN_ENV: TOKEN, tg.WEBHOOK_URL_ENV: WEBHOOK_URL, tg.SECRET_ENV: "a b"}, tg.SECRET_ENV),
    ]
    for env, variable in bad:
        with pytest.raises(tg.TelegramConfigError, match=variable):
            tg.webhook_mount(engine, env)


def test_default_secret_is_the_same_in_every_worker() -> None:
    env = {tg.TOKEN_ENV: TOKEN, tg.WEBHOOK_URL_ENV: WEBHOOK_URL}
    first, second = tg.webhook_config(env), tg.webhook_config(dict(env))
    assert first and second and first.secret == second.secret and TOKEN not in first.secret


# -- the command ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("token", [None, "", "bot-token", "abc:def", "987654321:short"])
def test_command_refuses_a_missing_or_malformed_token(token: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(tg.TOKEN_ENV, raising=False)
    env = {tg.TOKEN_ENV: token} if token is not None else {}
    result = CliRunner().invoke(tg.telegram_command, [], env=env)
    assert result.exit_code == 1
    assert tg.TOKEN_ENV in result.output
    if token:
        assert token not in result.output.replace(tg.TOKEN_ENV, "")


def test_command_with_webhook_runs_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(tg.WEBHOOK_URL_ENV, raising=False)
    seen: dict[str, Any] = {}

    @click.group()
    def cli() -> None:
        pass

    @cli.command()
    @click.option("--port", default=8000, type=int)
    def serve(port: int) -> None:
        import os

        seen.update(port=port, url=os.environ.get(tg.WEBHOOK_URL_ENV))

    cli.add_command(tg.telegram_command)
    env = {tg.TOKEN_ENV: TOKEN, tg.WEBHOOK_URL_ENV: None}
    result = CliRunner().invoke(cli, ["telegram", "--webhook", WEBHOOK_URL, "--port", "8443"], env=env)
    assert result.exit_code == 0, result.output
    assert seen == {"port": 8443, "url": WEBHOOK_URL}
    result = CliRunner().invoke(cli, ["telegram", "--webhook", "http://insecure.example.org"], env=env)
    assert result.exit_code == 1 and "--webhook" in result.output
    alone = CliRunner().invoke(tg.telegram_command, ["--webhook", WEBHOOK_URL], env=env)
    assert alone.exit_code == 1 and "policybot serve" in alone.output


def test_command_help_documents_both_modes() -> None:
    text = CliRunner().invoke(tg.telegram_command, ["--help"]).output
    for needle in ("TELEGRAM_BOT_TOKEN", "--webhook", "policybot serve", "X-Telegram-Bot-Api-Secret-Token"):
        assert needle in text


# -- strings and architecture --------------------------------------------------------------------------------
def test_telegram_strings_errors_name_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "telegram.yaml").write_text(
        (BUNDLED / "telegram.yaml").read_text(encoding="utf-8").replace("  reset: 重新开始\n", "") + "surprise: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as info:
        tg.load_strings(tmp_path)
    text = str(info.value)
    assert "telegram.yaml:" in text and "commands" in text and "surprise" in text


def test_every_telegram_string_is_in_yaml_not_code() -> None:
    source = (ROOT / "handlers" / "telegram.py").read_text(encoding="utf-8")
    code = re.sub(r'""".*?"""', "", source, flags=re.S)
    code = "\n".join(line.split("#")[0] for line in code.splitlines())
    assert not re.findall(r"[\u4e00-\u9fff]", code)


@pytest.mark.parametrize("package", ["bot", "intents", "knowledge"])
def test_the_core_never_imports_a_channel(package: str) -> None:
    banned = re.compile(r"^\s*(from|import)\s+(telegram|handlers|wechatpy|starlette)\b", re.M)
    for path in (ROOT / package).rglob("*.py"):
        assert not banned.search(path.read_text(encoding="utf-8")), path


def test_serve_refuses_a_malformed_telegram_token(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from handlers.cli import main

    env = {
        "TELEGRAM_BOT_TOKEN": "not-a-token",
        "POLICYBOT_TELEGRAM_WEBHOOK_URL": "https://example.org/telegram",
        "POLICYBOT_DB": str(tmp_path / "s.db"),
    }
    result = CliRunner().invoke(main, ["serve", "--port", "1"], env=env)
    assert result.exit_code != 0 and "TELEGRAM_BOT_TOKEN" in result.output


def test_feedback_buttons_under_an_answer_are_recorded(bot: Harness, engine: Engine) -> None:
    bot.feed(text_update("研发费用加计扣除怎么算"))
    answer = bot.api.sent[-1]
    useful = next(b for b in buttons(answer) if b["text"] == STRINGS.feedback_useful)
    bot.press(useful["callback_data"])
    rows = engine.storage.db.execute("select intent, useful from feedback").fetchall()
    assert rows == [("rd_deduction", 1)]


def test_forged_callback_data_is_not_acted_on(bot: Harness, engine: Engine) -> None:
    bot.feed(text_update("专精特新要什么条件"))
    answer = bot.last_message()
    before_turns, before_sent = len(turns(engine)), len(bot.api.sent)
    owner = str(answer["chat"]["id"])
    for data in (f"o:99:{owner}", "f:2", "o:1:someone"):
        calls = bot.feed(callback(answer, data))
        assert [c.method for c in calls] == ["answerCallbackQuery"], data
    assert len(turns(engine)) == before_turns and len(bot.api.sent) == before_sent
    assert engine.storage.db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


def test_the_log_keeps_no_raw_telegram_id_and_no_internal_step(bot: Harness, engine: Engine) -> None:
    update = text_update("专精特新要什么条件")
    chat_id = str(update["message"]["chat"]["id"])
    bot.feed(update)
    bot.feed(command("/check", "zjtx"))
    bot.feed(command("/check", "high_tech_enterprise"))
    rows = turns(engine)
    assert all(chat_id not in (r["message_id"] or "") for r in rows)
    assert all(r["message_id"] for r in rows), "every logged turn is a message the user sent"
    assert all(r["text"] not in ("退出", "1", "2", "3") for r in rows)


def test_the_token_never_reaches_the_logs(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    tg.build_application(engine, TOKEN, request=FakeBotAPI(), updater=False)
    logging.getLogger("httpx").info('HTTP Request: POST https://api.telegram.org/bot%s/getMe "200 OK"', TOKEN)
    try:
        raise ValueError(f"The token `{TOKEN}` was rejected by the server.")
    except ValueError:
        logging.getLogger("telegram.ext.Application").exception("start failed")
    assert TOKEN not in caplog.text and "<redacted>" in caplog.text
    assert all(TOKEN not in (r.exc_text or "") for r in caplog.records)


def test_a_trailing_slash_in_the_webhook_url_is_registered_without_it() -> None:
    env = {tg.TOKEN_ENV: TOKEN, tg.WEBHOOK_URL_ENV: "https://bot.example.org/tg/hook/"}
    config = tg.webhook_config(env)
    assert config is not None and config.url == "https://bot.example.org/tg/hook" and config.path == "/tg/hook"


def test_a_self_hosted_bot_api_server_is_used_when_configured(engine: Engine) -> None:
    api = FakeBotAPI()
    app = tg.build_application(engine, TOKEN, request=api, updater=False, base_url="http://127.0.0.1:8081/bot")
    assert app.bot.base_url == f"http://127.0.0.1:8081/bot{TOKEN}"
    assert tg.build_application(engine, TOKEN, request=FakeBotAPI(), updater=False).bot.base_url.startswith(
        "https://api.telegram.org/bot"
    )
