"""The official account (公众号) behind a real uvicorn server: modes, signatures, limits, events, retries."""

from __future__ import annotations

import concurrent.futures
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from wechatpy.crypto import WeChatCrypto

from bot.engine import Engine
from bot.models import Inbound, Option
from handlers import wxxml
from handlers.app import create_app
from handlers.cli import main
from handlers.texts import load_texts
from handlers.wechat import build_menu
from tests.helpers import make_engine
from tests.wx_helpers import (
    WECHAT_AES_KEY,
    WECHAT_APPID,
    FakeApi,
    Official,
    Recorder,
    StaffTool,
    config,
    fields_of,
    fresh,
    fresh_message,
    module_engine,
    payload,
    running,
    serve,
    server_env,
    server_process,
    turns,
)

TIMEOUT = 10.0
FAST = 1.0
"""Seconds within which a refused request must be answered."""
SAFE = {"wechat_aes_key": WECHAT_AES_KEY, "wechat_appid": WECHAT_APPID}

# Tencent's published sample for the official account's safe mode (every conforming server accepts it).
TENCENT = {
    "token": "spamtest",
    "aes_key": "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    "appid": "wx2c2769f8efd9abc2",
    "timestamp": "1409735669",
    "nonce": "1320562132",
    "msg_signature": "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
}


shared = module_engine("wechat")


@pytest.fixture
def rec(shared: Engine) -> Recorder:
    return Recorder(shared)


@pytest.fixture
def plain(rec: Recorder) -> Iterator[str]:
    with running(rec) as base:
        yield base


@pytest.fixture
def safe(rec: Recorder) -> Iterator[str]:
    with running(rec, **SAFE) as base:
        yield base


def message(name: str = "text", **values: str) -> str:
    return fresh_message("wechat", name, "o", **values)


def post(base: str, xml: str | bytes, mode: str = "raw", official: Official | None = None) -> httpx.Response:
    official = official or Official()
    params, body = official.request(xml if isinstance(xml, str) else xml.decode(), mode)
    return httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)


def content(response: httpx.Response, official: Official | None = None) -> str:
    assert response.status_code == 200, response.text
    return str((official or Official()).read(response)["Content"])


# -- URL check and the three modes ----------------------------------------------------------------------


def test_url_check_echoes_echostr(plain: str) -> None:
    response = httpx.get(plain + "/wechat", params=Official().url_check("abc123"))
    assert response.status_code == 200 and response.text == "abc123"


def test_url_check_with_forged_signature_is_403(plain: str, caplog: pytest.LogCaptureFixture) -> None:
    params = Official().url_check() | {"signature": "0" * 40}
    with caplog.at_level(logging.WARNING, logger="policybot.security"):
        response = httpx.get(plain + "/wechat", params=params)
    assert response.status_code == 403 and "abc" not in response.text
    assert any("bad signature" in r.getMessage() for r in caplog.records)


def test_with_a_key_a_signed_url_check_is_single_use(safe: str, rec: Recorder) -> None:
    official = Official()
    params = official.url_check("once")
    assert httpx.get(safe + "/wechat", params=params).text == "once"
    again = httpx.get(safe + "/wechat", params=params)
    assert again.status_code == 403 and "once" not in again.text
    xml = message()  # nor can the URL's timestamp and nonce carry a message afterwards
    envelope = fields_of(official.crypto.encrypt_message(xml, params["nonce"], params["timestamp"]))
    body = f"<xml><ToUserName><![CDATA[gh]]></ToUserName><Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>"
    signed = {k: params[k] for k in ("signature", "timestamp", "nonce")}
    signed |= {"encrypt_type": "aes", "msg_signature": envelope["MsgSignature"]}
    replayed = httpx.post(safe + "/wechat", params=signed, content=body.encode(), timeout=TIMEOUT)
    assert replayed.status_code == 403 and rec.calls == []


def test_plaintext_mode_answers_with_text_reply(plain: str, rec: Recorder) -> None:
    xml = message()
    reply = Official().read(post(plain, xml))
    sent = fields_of(xml)
    assert reply["ToUserName"] == sent["FromUserName"] and reply["FromUserName"] == sent["ToUserName"]
    assert reply["MsgType"] == "text" and "专精特新" in reply["Content"]
    assert int(reply["CreateTime"]) > 0
    (row,) = turns(rec.engine, sent["MsgId"], "wechat")
    assert row["intent"] == "zjtx" and row["text"] == "专精特新要什么条件"


def test_safe_mode_decrypts_and_encrypts(safe: str, rec: Recorder) -> None:
    xml = message(Content="研发费用加计扣除怎么算")
    response = post(safe, xml, mode="aes")
    outer = fields_of(response.text)
    assert set(outer) == {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}
    assert "加计扣除" not in response.text
    assert "加计扣除" in content(response)
    assert rec.calls[0].text == "研发费用加计扣除怎么算"


def test_safe_mode_refuses_a_plaintext_post_signed_only_by_the_url(safe: str, rec: Recorder) -> None:
    before = len(rec.calls)
    response = post(safe, message(Content="我的专精特新查得怎么样"), mode="raw")
    assert response.status_code == 403 and "专精特新" not in response.text
    assert len(rec.calls) == before, "nothing reaches the engine"


def test_compatible_mode_message_gets_an_encrypted_reply(safe: str) -> None:
    response = post(safe, message(), mode="compat")
    assert "Encrypt" in fields_of(response.text) and "专精特新" in content(response)


def test_compatible_mode_on_a_plaintext_server_is_answered_in_plaintext(plain: str) -> None:
    response = post(plain, message(), mode="compat")
    assert "Encrypt" not in fields_of(response.text) and "专精特新" in content(response)


def test_tencent_sample_vector_is_accepted(shared: Engine) -> None:
    """Tencent's sample (safe mode): its 2014 timestamp passes only with the window turned off."""
    rec = Recorder(shared)
    official = Official(TENCENT["token"], TENCENT["aes_key"], TENCENT["appid"])
    params = {k: TENCENT[k] for k in ("timestamp", "nonce", "msg_signature")} | {"encrypt_type": "aes"}
    body = payload("wechat", "tencent_safe_mode").encode()
    cfg = {"wechat_token": TENCENT["token"], "wechat_aes_key": TENCENT["aes_key"], "wechat_appid": TENCENT["appid"]}
    with running(rec, timestamp_window=0, **cfg) as base:
        response = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
        reply = official.read(response)
    assert [c.text for c in rec.calls] == ["abcdteT"]
    assert rec.calls[0].user_id == "oyORnuP8q7ou2gfYjqLzSIWZf0rs" and rec.calls[0].message_id == "6054768590064713728"
    assert reply["ToUserName"] == "oyORnuP8q7ou2gfYjqLzSIWZf0rs" and reply["FromUserName"] == "gh_10f6c3c3ac5a"
    with running(Recorder(shared), **cfg) as base:  # the default 5-minute window refuses the 2014 request
        stale = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
    assert stale.status_code == 403


# -- refusals -------------------------------------------------------------------------------------------


def _forged(kind: str) -> tuple[dict[str, str], bytes, str]:
    """A request that fails authentication in one way; returns params, body and the mode used."""
    official = Official()
    mode = "raw" if kind in ("signature", "no-signature", "wrong-token") else "aes"
    if kind == "wrong-token":
        official = Official(token="not-the-token")
    if kind == "wrong-appid":
        official = Official(appid="wx_someone_else")
    params, body = official.request(message(), mode)
    if kind == "signature":
        params["signature"] = params["signature"][::-1]
    if kind == "no-signature":
        del params["signature"]
    if kind == "msg-signature":
        params["msg_signature"] = "f" * 40
        del params["signature"]
    if kind == "tampered":
        params.pop("signature")
        body = body.replace(b"<Encrypt><![CDATA[", b"<Encrypt><![CDATA[AAAA")
    if kind == "no-encrypt":
        params.pop("signature")
        body = b"<xml><ToUserName>gh</ToUserName></xml>"
    return params, body, mode


@pytest.mark.parametrize(
    "kind", ["signature", "no-signature", "wrong-token", "msg-signature", "tampered", "no-encrypt", "wrong-appid"]
)
def test_forged_requests_are_403_without_an_engine_call(kind: str, safe: str, rec: Recorder) -> None:
    params, body, _ = _forged(kind)
    started = time.monotonic()
    response = httpx.post(safe + "/wechat", params=params, content=body, timeout=TIMEOUT)
    assert response.status_code == 403 and time.monotonic() - started < FAST
    assert rec.calls == []


@pytest.mark.parametrize("offset", [-305, 305, -3600 * 24 * 365])  # 300 s window; int() may cut up to 1 s
def test_timestamps_outside_the_window_are_refused(offset: int, plain: str, rec: Recorder) -> None:
    params, body = Official().request(message(), timestamp=int(time.time()) + offset)
    response = httpx.post(plain + "/wechat", params=params, content=body, timeout=TIMEOUT)
    assert response.status_code == 403 and rec.calls == []


def test_missing_or_bad_timestamp_is_refused(plain: str) -> None:
    params, body = Official().request(message())
    for stamp in (None, "", "12ab"):
        query = {k: v for k, v in params.items() if k != "timestamp"} | ({} if stamp is None else {"timestamp": stamp})
        assert httpx.post(plain + "/wechat", params=query, content=body).status_code == 403


def test_replayed_signature_with_another_message_is_refused(plain: str, rec: Recorder) -> None:
    """Plaintext mode signs only timestamp and nonce: a captured URL must not carry a second message."""
    params, body = Official().request(message())
    assert httpx.post(plain + "/wechat", params=params, content=body, timeout=TIMEOUT).status_code == 200
    other = message(Content="高新技术企业怎么认定").encode()
    response = httpx.post(plain + "/wechat", params=params, content=other, timeout=TIMEOUT)
    assert response.status_code == 403 and len(rec.calls) == 1


def test_body_over_64_kib_is_413(plain: str, rec: Recorder) -> None:
    params, _ = Official().request(message())
    big = b"<xml>" + b"a" * (wxxml.MAX_BODY + 1 - len(b"<xml></xml>")) + b"</xml>"
    assert len(big) == wxxml.MAX_BODY + 1
    assert httpx.post(plain + "/wechat", params=params, content=big, timeout=TIMEOUT).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        for _ in range(wxxml.MAX_BODY // 1024 + 1):
            yield b"a" * 1024

    params, _ = Official().request(message())
    assert httpx.post(plain + "/wechat", params=params, content=chunks(), timeout=TIMEOUT).status_code == 413
    assert rec.calls == []


def test_body_of_exactly_64_kib_is_read(plain: str) -> None:
    xml = message(Content="专精特新要什么条件" + " " * 100)
    padded = xml.replace("</xml>", "<!--" + "x" * (wxxml.MAX_BODY - len(xml.encode()) - 7) + "--></xml>")
    assert len(padded.encode()) == wxxml.MAX_BODY
    assert "专精特新" in content(post(plain, padded))


@pytest.mark.parametrize(
    "body",
    [
        payload("wechat", "malformed"),
        payload("wechat", "missing_msgtype"),
        payload("wechat", "missing_from"),
        payload("wechat", "unknown_type"),
        "",
        "not xml at all",
        "<xml>text only</xml>",
        "<other><MsgType>text</MsgType></other>",
        "<xml><MsgType><a>1</a></MsgType></xml>",
    ],
    ids=["truncated", "no-msgtype", "no-from", "unknown-type", "empty", "text", "no-fields", "other-root", "nested"],
)
def test_broken_messages_are_answered_success(
    body: str, plain: str, rec: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    params, _ = Official().request(message())
    with caplog.at_level(logging.INFO):
        response = httpx.post(plain + "/wechat", params=params, content=body.encode(), timeout=TIMEOUT)
    assert response.status_code == 200 and response.text == "success"
    assert rec.calls == [] and caplog.records


def test_a_timestamp_of_thousands_of_digits_is_400_not_500(plain: str, rec: Recorder) -> None:
    params, body = Official().request(message())
    response = httpx.post(plain + "/wechat", params=params | {"timestamp": "9" * 5000}, content=body, timeout=TIMEOUT)
    assert response.status_code == 400 and rec.calls == []


def test_control_characters_in_content_are_dropped_and_the_message_answered(plain: str, rec: Recorder) -> None:
    xml = message(Content="专精特新\x01要什么\x1f条件\x0b")
    reply = content(post(plain, xml))
    assert "专精特新" in reply
    (row,) = turns(rec.engine, _msg_id(xml), "wechat")
    assert row["text"] == "专精特新要什么条件"


def _msg_id(xml: str) -> str:
    return xml.split("<MsgId>")[1].split("</MsgId>")[0]


def test_invalid_utf8_is_answered_success(plain: str) -> None:
    params, _ = Official().request(message())
    response = httpx.post(plain + "/wechat", params=params, content=b"<xml>\xff\xfe</xml>")
    assert response.status_code == 200 and response.text == "success"


@pytest.mark.parametrize("name", ["xml_bomb", "xxe"])
@pytest.mark.parametrize("mode", ["raw", "aes"])
def test_xml_bomb_and_external_entity_are_refused_fast(name: str, mode: str, safe: str, rec: Recorder) -> None:
    started = time.monotonic()
    response = post(safe, payload("wechat", name), mode=mode)
    refused = 400 if mode == "aes" else 403  # a plaintext post to a safe-mode server is refused before parsing
    assert response.status_code == refused and time.monotonic() - started < FAST
    assert "root:" not in response.text and rec.calls == []


def test_hostile_xml_never_reaches_a_parser() -> None:
    for name in ("xml_bomb", "xxe"):
        with pytest.raises(wxxml.HostileXML):
            wxxml.parse_envelope(payload("wechat", name))
    with pytest.raises(wxxml.HostileXML):
        wxxml.parse_envelope("<?xml version='1.0'?><!doctype x [<!entity a 'b'>]><xml/>")


# -- replies --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["raw", "aes"])
def test_cdata_terminator_in_reply_text_survives(mode: str, shared: Engine) -> None:
    text = "条件：]]><xml><Content>注入</Content></xml> & <b>完</b> ]]]]>"
    with running(Recorder(shared, text=text, options=[]), **(SAFE if mode == "aes" else {})) as base:
        reply = Official().read(post(base, message(), mode=mode))
    assert reply["Content"] == text and reply["MsgType"] == "text"


def test_text_reply_builder_escapes_and_drops_illegal_characters() -> None:
    xml = wxxml.text_reply("o]]>u", "gh", "a]]>b\x00c\x1fd\ud800e", 1)
    fields = fields_of(xml)
    assert fields["ToUserName"] == "o]]>u" and fields["Content"] == "a]]>bcde"


def test_long_answers_become_a_summary_and_the_numbered_menu(shared: Engine) -> None:
    options = [Option(str(i), f"第{i}部分", f"section:{i}") for i in range(1, 7)]
    menu = "\n".join(f"{o.key} {o.label}" for o in options)
    long_text = (
        "【很长的回答】\n"
        + "\n".join(f"· 第{i}条：" + "政策内容" * 40 for i in range(30))
        + "\n想了解更多，请回复序号：\n"
        + menu
    )
    assert wxxml.size(long_text) > wxxml.TEXT_LIMIT_BYTES
    with running(Recorder(shared, text=long_text, options=options)) as base:
        text = content(post(base, message()))
    texts = load_texts(None)
    assert wxxml.size(text) <= wxxml.TEXT_LIMIT_BYTES
    assert text.startswith("【很长的回答】") and wxxml.ELLIPSIS in text
    assert text.endswith(texts.summary_note + "\n" + menu)
    assert text.count("1 第1部分") == 1


@pytest.mark.parametrize("limit", [60, 200, 2048])
def test_fit_text_always_fits(limit: int) -> None:
    texts = load_texts(None)
    options = [Option(str(i), "选项" * 5, "x") for i in range(1, 20)]
    for body in ("短", "长" * 3000, "一行\n" * 900, "a" * 5000):
        for opts in (options, []):
            out = wxxml.fit_text(body, opts, texts.summary_note, texts.truncated_note, limit)
            assert wxxml.size(out) <= limit
            if wxxml.size(body) <= limit:
                assert out == body


def test_every_real_answer_fits_one_message(shared: Engine) -> None:
    texts = load_texts(None)
    for tid, topic in shared.knowledge.topics.items():
        reply = shared.respond(Inbound("fit", f"fit-{tid}", topic.title), log=False)
        out = wxxml.fit_text(reply.text, reply.options, texts.summary_note, texts.truncated_note)
        assert wxxml.size(out) <= wxxml.TEXT_LIMIT_BYTES, tid


# -- message types and events ---------------------------------------------------------------------------


def test_voice_with_recognition_is_answered_as_text(plain: str, rec: Recorder) -> None:
    assert "加计扣除" in content(post(plain, message("voice")))
    assert rec.calls[0].kind == "text" and rec.calls[0].text == "研发费用加计扣除怎么算？"


@pytest.mark.parametrize("name", ["image", "location", "link", "video"])
def test_media_gets_a_polite_request_to_type(name: str, plain: str, shared: Engine) -> None:
    assert content(post(plain, message(name))) == shared.knowledge.messages.unsupported


def test_voice_without_recognition_gets_a_polite_request(plain: str, shared: Engine) -> None:
    xml = message("voice").replace("<Recognition><![CDATA[研发费用加计扣除怎么算？]]></Recognition>", "")
    assert content(post(plain, xml)) == shared.knowledge.messages.unsupported


def test_subscribe_gets_the_welcome_and_topic_menu(plain: str, shared: Engine) -> None:
    text = content(post(plain, message("event_subscribe")))
    greeting = shared.knowledge.topics["greeting"].reply
    assert text.startswith(greeting) and "1 研发费用加计扣除" in text


def test_menu_click_answers_that_intent(plain: str, rec: Recorder) -> None:
    xml = message("event_click")
    assert "加计扣除" in content(post(plain, xml))
    user, created = fields_of(xml)["FromUserName"], fields_of(xml)["CreateTime"]
    (row,) = turns(rec.engine, f"{user}:{created}")
    assert row["intent"] == "rd_deduction"


def test_every_topic_can_be_reached_by_a_menu_click(shared: Engine) -> None:
    texts = wxxml.IntentTexts(shared)
    unreachable = [tid for tid in shared.knowledge.topics if texts.text(tid) is None]
    assert unreachable == []


def test_unknown_click_key_and_other_events_are_answered_success(plain: str, rec: Recorder) -> None:
    for xml in (message("event_click", EventKey="no_such_intent"), message("event_click", Event="VIEW")):
        response = post(plain, xml)
        assert response.text == "success"
    assert rec.calls == []


def test_unsubscribe_is_logged_only(plain: str, rec: Recorder, caplog: pytest.LogCaptureFixture) -> None:
    xml = message("event_unsubscribe")
    with caplog.at_level(logging.INFO, logger="handlers.wxbase"):
        response = post(plain, xml)
    assert response.text == "success" and rec.calls == []
    assert any("event:unsubscribe" in r.getMessage() for r in caplog.records)
    assert fields_of(xml)["FromUserName"] not in caplog.text  # the log hashes the user


# -- retries, the five-second budget, dialogue state ----------------------------------------------------


def test_concurrent_retries_of_one_msgid_are_answered_once(shared: Engine) -> None:
    rec = Recorder(shared)
    xml = message()
    params, body = Official().request(xml)
    staff_tool = StaffTool(shared.storage.path, 0.5)  # the first answer is slow: another program is writing
    with running(rec) as base, concurrent.futures.ThreadPoolExecutor(8) as pool:
        staff_tool.take()
        try:
            send = lambda _: httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)  # noqa: E731
            responses = list(pool.map(send, range(8)))
        finally:
            staff_tool.close()
        later = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
    texts = {content(r) for r in [*responses, later]}
    assert len(texts) == 1 and "专精特新" in texts.pop()
    assert len(turns(shared, fields_of(xml)["MsgId"], "wechat")) == 1  # stored and logged once
    assert rec.calls and all(c.message_id == fields_of(xml)["MsgId"] for c in rec.calls)


def test_events_are_deduplicated_by_user_and_create_time(plain: str, rec: Recorder) -> None:
    xml = message("event_click")
    first, again = content(post(plain, xml)), content(post(plain, xml))
    assert first == again and len(rec.calls) == 1


@pytest.fixture
def fake_api() -> Iterator[tuple[FakeApi, str]]:
    api = FakeApi()
    with serve(api.app()) as base:
        yield api, base + "/cgi-bin/"


@pytest.fixture
def either(db_target: Path | str) -> Iterator[Engine]:
    """An engine on each back end in turn (SQLite file, PostgreSQL)."""
    engine = make_engine(db_target)
    yield engine
    engine.storage.close()


def test_late_answer_goes_through_the_customer_service_api(either: Engine, fake_api: tuple[FakeApi, str]) -> None:
    """The database is held (another program writing; on PostgreSQL, its tables locked): the answer goes late,
    once, through the customer-service API, and is logged once."""
    shared = either
    api, api_base = fake_api
    rec = Recorder(shared)
    cfg = {"wechat_appid": "wx_test", "wechat_secret": "s3cret", "wechat_api_base": api_base, "reply_budget": 0.2}
    xml = message()
    params, body = Official().request(xml)
    staff_tool = StaffTool(_target(shared), 3.0)  # another program writing: the message cannot be claimed (3 s: long
    # enough that a loaded CI machine still posts the message while it is held)
    with running(rec, **cfg) as base:
        staff_tool.take()
        try:
            started = time.monotonic()
            first = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
            assert first.text == "success" and time.monotonic() - started < staff_tool.seconds
            retry = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
            assert retry.text == "success" and not api.sent("message/custom/send")
            assert api.arrived.wait(TIMEOUT)
        finally:
            staff_tool.close()
        after = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
    assert after.text == "success"
    assert len(turns(shared, fields_of(xml)["MsgId"], "wechat")) == 1
    (sent,) = api.sent("message/custom/send")
    user = fields_of(xml)["FromUserName"]
    assert sent["touser"] == user and sent["msgtype"] == "text" and "专精特新" in sent["text"]["content"]
    assert [p for p, _, _ in api.calls][0] == "token"
    assert all(q.get("access_token") == "ACCESS_TOKEN_TEST" for p, q, _ in api.calls if p != "token")


def _target(engine: Engine) -> Path | str:
    return getattr(engine.storage, "url", None) or engine.storage.path  # type: ignore[no-any-return]


def test_answer_goes_late_when_the_database_is_taken_while_the_answer_is_computed(
    shared: Engine, fake_api: tuple[FakeApi, str]
) -> None:
    api, api_base = fake_api
    staff_tool = StaffTool(shared.storage.path, 0.8)
    rec = Recorder(shared, then=staff_tool.take)  # another program starts writing while the answer is computed
    cfg = {"wechat_appid": "wx_test", "wechat_secret": "s3cret", "wechat_api_base": api_base, "reply_budget": 0.3}
    xml = message()
    params, body = Official().request(xml)
    with running(rec, **cfg) as base:
        try:
            started = time.monotonic()
            first = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
            assert first.text == "success" and time.monotonic() - started < staff_tool.seconds
            assert api.arrived.wait(TIMEOUT)
        finally:
            staff_tool.close()
        retry = httpx.post(base + "/wechat", params=params, content=body, timeout=TIMEOUT)
    assert retry.text == "success"
    assert len(turns(shared, fields_of(xml)["MsgId"], "wechat")) == 1  # computed twice (loop, thread), logged once
    (sent,) = api.sent("message/custom/send")
    assert sent["touser"] == fields_of(xml)["FromUserName"] and "专精特新" in sent["text"]["content"]


def test_dialogue_state_survives_across_requests(safe: str) -> None:
    user = fresh("o")
    replies = [
        content(post(safe, message(FromUserName=user, Content=t), mode="aes"))
        for t in ("我们能评专精特新吗", "是", "是")
    ]
    assert "第 2 项" in replies[1] and "第 3 项" in replies[2]


# -- configuration, the menu, worker processes ----------------------------------------------------------


def test_missing_configuration_answers_503_and_says_what(shared: Engine, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        app = create_app(shared, config(wechat_token="", wechat_aes_key=WECHAT_AES_KEY))
    with serve(app) as base:
        assert httpx.post(base + "/wechat", params=Official().url_check(), content=b"x").status_code == 503
        assert httpx.get(base + "/healthz").json()["channels"]["wechat"].startswith("missing")
        assert post(base, message()).status_code == 503
        wecom = httpx.get(base + "/wecom", params={"timestamp": str(int(time.time()))})
        assert wecom.status_code != 503
    assert "POLICYBOT_WECHAT_TOKEN" in caplog.text and "POLICYBOT_WECHAT_APPID" in caplog.text


def test_configuration_from_file_and_environment(tmp_path: Path) -> None:
    from handlers.config import ConfigError, ServerConfig

    yaml_file = tmp_path / "policybot.yaml"
    yaml_file.write_text("POLICYBOT_WECHAT_TOKEN: from-file\nPOLICYBOT_REPLY_BUDGET: 2.5\n", encoding="utf-8")
    cfg = ServerConfig.load({"POLICYBOT_CONFIG": str(yaml_file), "POLICYBOT_WECOM_CORPID": "ww1"})
    assert (cfg.wechat_token, cfg.reply_budget, cfg.wecom_corpid) == ("from-file", 2.5, "ww1")
    env_file = tmp_path / "policybot.env"
    env_file.write_text(
        "# comment\nexport POLICYBOT_WECHAT_TOKEN='t'\nPOLICYBOT_TIMESTAMP_WINDOW=0\n", encoding="utf-8"
    )
    cfg = ServerConfig.load({"POLICYBOT_CONFIG": str(env_file), "POLICYBOT_WECHAT_TOKEN": "env-wins"})
    assert (cfg.wechat_token, cfg.timestamp_window) == ("env-wins", 0)
    env_file.write_text("POLICYBOT_WECHAT_TOKN=typo\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="POLICYBOT_WECHAT_TOKN"):
        ServerConfig.load({"POLICYBOT_CONFIG": str(env_file)})
    assert config(wechat_aes_key="short").missing("wechat") != []


def test_wechat_menu_prints_json_built_from_the_knowledge(shared: Engine) -> None:
    result = CliRunner().invoke(main, ["wechat-menu"])
    assert result.exit_code == 0, result.output
    menu = json.loads(result.output)
    assert menu == build_menu(shared.knowledge, load_texts(None))
    assert 1 <= len(menu["button"]) <= 3
    keys = [sub["key"] for b in menu["button"] for sub in b["sub_button"]]
    assert keys == [k for k in shared.knowledge.messages.menu if k in shared.knowledge.topics][:15]
    for button in menu["button"]:
        assert len(button["name"].encode()) <= 16 and 1 <= len(button["sub_button"]) <= 5
        for sub in button["sub_button"]:
            assert sub["type"] == "click" and len(sub["name"]) <= 8 and len(sub["name"].encode()) <= 60


def test_wechat_menu_push_posts_to_the_api(fake_api: tuple[FakeApi, str]) -> None:
    api, api_base = fake_api
    env = {"POLICYBOT_WECHAT_APPID": "wx_test", "POLICYBOT_WECHAT_SECRET": "s", "POLICYBOT_WECHAT_API_BASE": api_base}
    result = CliRunner().invoke(main, ["wechat-menu", "--push"], env=env)
    assert result.exit_code == 0, result.output
    (pushed,) = api.sent("menu/create")
    assert pushed["button"][0]["sub_button"][0]["key"] == "rd_deduction"
    missing = CliRunner().invoke(main, ["wechat-menu", "--push"], env={"POLICYBOT_WECHAT_SECRET": ""})
    assert missing.exit_code != 0 and "POLICYBOT_WECHAT_APPID" in missing.output


def test_two_worker_processes_share_state_and_answer_a_retry_once(db_target: Path | str) -> None:
    """Two servers on one SQLite file, or two hosts on one PostgreSQL: a dialogue alternates between them; the
    same signed MsgId sent to both at once gets one answer and one log row."""
    db, env = db_target, server_env()
    with server_process(db, env) as one, server_process(db, env) as two:
        user = fresh("o")
        texts = [
            content(post(base, message(FromUserName=user, Content=t)))
            for base, t in ((one, "我们能评专精特新吗"), (two, "是"), (one, "是"))
        ]
        assert "第 2 项" in texts[1] and "第 3 项" in texts[2]
        xml = message()
        params, body = Official().request(xml)
        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            replies = list(
                pool.map(
                    lambda b: httpx.post(b + "/wechat", params=params, content=body, timeout=TIMEOUT), [one, two] * 3
                )
            )
        assert len({content(r) for r in replies}) == 1
    storage_engine = make_engine(db)
    try:
        assert len(turns(storage_engine, fields_of(xml)["MsgId"])) == 1
        assert len(turns(storage_engine, channel="wechat")) == 4
    finally:
        storage_engine.storage.close()


def test_serve_with_two_workers(db_target: Path | str) -> None:
    xml = message()
    with server_process(db_target, server_env(), workers=2) as base:
        assert httpx.get(base + "/healthz").json()["status"] == "ok"
        assert "专精特新" in content(post(base, xml))
    engine = make_engine(db_target)
    try:
        assert len(turns(engine, fields_of(xml)["MsgId"], "wechat")) == 1, "the workers write to the database given"
    finally:
        engine.storage.close()


def test_wechat_crypto_interop_uses_the_same_envelope_as_wechatpy() -> None:
    """Our sealed reply decrypts with wechatpy exactly like one it built itself."""
    crypto = WeChatCrypto("t", WECHAT_AES_KEY, WECHAT_APPID)
    sealed = crypto.encrypt_message(wxxml.text_reply("u", "gh", "你好", 1), "123", "1700000000")
    outer = fields_of(sealed)
    inner = fields_of(crypto.decrypt_message(outer, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"]))
    assert inner["Content"] == "你好"
