"""The WeCom (企业微信) app behind a real uvicorn server: Tencent's vectors, CorpID, signatures, events."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import httpx
import pytest

from bot.engine import Engine
from handlers.app import create_app
from tests.wx_helpers import (
    WECOM_AGENTID,
    Corp,
    FakeApi,
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
    turns,
)

TIMEOUT = 10.0
FAST = 1.0

# Tencent's published WeCom sample (every conforming server accepts it).
TENCENT = {"wecom_token": "QDG6eK", "wecom_corpid": "wx5823bf96d3bd56c7"}
TENCENT_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
URL_CHECK = {
    "msg_signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    "timestamp": "1409659589",
    "nonce": "263014780",
    "echostr": "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
}
MESSAGE = {
    "msg_signature": "477715d11cdb4164915debcba66cb864d751f3e6",
    "timestamp": "1409659813",
    "nonce": "1372623149",
}


shared = module_engine("wecom")


@pytest.fixture
def rec(shared: Engine) -> Recorder:
    return Recorder(shared)


@pytest.fixture
def corp_server(rec: Recorder) -> Iterator[str]:
    with running(rec) as base:
        yield base


@pytest.fixture
def tencent_server(rec: Recorder) -> Iterator[str]:
    with running(rec, wecom_aes_key=TENCENT_KEY, timestamp_window=0, **TENCENT) as base:
        yield base


def message(name: str = "text", **values: str) -> str:
    return fresh_message("wecom", name, "user", **values)


def post(base: str, xml: str, corp: Corp | None = None) -> httpx.Response:
    params, body = (corp or Corp()).request(xml)
    return httpx.post(base + "/wecom", params=params, content=body, timeout=TIMEOUT)


def content(response: httpx.Response, corp: Corp | None = None) -> str:
    assert response.status_code == 200, response.text
    return str((corp or Corp()).read(response)["Content"])


# -- Tencent's sample vectors ---------------------------------------------------------------------------


def test_tencent_url_check_vector(tencent_server: str) -> None:
    response = httpx.get(tencent_server + "/wecom", params=URL_CHECK)
    assert response.status_code == 200 and response.text == "1616140317555161061"


def test_tencent_message_vector(tencent_server: str, rec: Recorder) -> None:
    body = payload("wecom", "tencent_sample").encode()
    response = httpx.post(tencent_server + "/wecom", params=MESSAGE, content=body, timeout=TIMEOUT)
    corp = Corp(TENCENT["wecom_token"], TENCENT_KEY, TENCENT["wecom_corpid"])
    reply = corp.read(response)
    (call,) = rec.calls
    assert (call.channel, call.user_id, call.text, call.message_id) == (
        "wecom",
        "mycreate",
        "hello",
        "4561255354251345929",
    )
    assert reply["ToUserName"] == "mycreate" and reply["FromUserName"] == "wx5823bf96d3bd56c7"
    assert reply["MsgType"] == "text" and reply["Content"]


def test_tencent_vectors_are_stale_under_the_default_window(rec: Recorder) -> None:
    with running(rec, wecom_aes_key=TENCENT_KEY, **TENCENT) as base:
        assert httpx.get(base + "/wecom", params=URL_CHECK).status_code == 403
        body = payload("wecom", "tencent_sample").encode()
        assert httpx.post(base + "/wecom", params=MESSAGE, content=body).status_code == 403
    assert rec.calls == []


# -- refusals -------------------------------------------------------------------------------------------


def test_url_check_round_trip_and_forgery(corp_server: str) -> None:
    params = Corp().url_check("echo-42")
    assert httpx.get(corp_server + "/wecom", params=params).text == "echo-42"
    assert httpx.get(corp_server + "/wecom", params=params).status_code == 403  # single-use
    forged = params | {"msg_signature": "0" * 40}
    assert httpx.get(corp_server + "/wecom", params=forged).status_code == 403
    other_corp = Corp(corpid="ww_other_corp").url_check()
    assert httpx.get(corp_server + "/wecom", params=other_corp).status_code == 403


def test_message_for_another_corpid_is_403_and_logged(
    corp_server: str, rec: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    """wechatpy raises InvalidCorpIdException, which is not an InvalidSignatureException."""
    with caplog.at_level(logging.WARNING, logger="policybot.security"):
        response = post(corp_server, message(), Corp(corpid="ww_other_corp"))
    assert response.status_code == 403 and rec.calls == []
    assert "another CorpID" in caplog.text


@pytest.mark.parametrize("kind", ["signature", "token", "tampered", "garbage", "no-encrypt", "plaintext"])
def test_forged_messages_are_403(kind: str, corp_server: str, rec: Recorder) -> None:
    corp = Corp(token="wrong") if kind == "token" else Corp()
    params, body = corp.request(message())
    if kind == "signature":
        params["msg_signature"] = params["msg_signature"][::-1]
    if kind == "tampered":
        body = body.replace(b"<Encrypt><![CDATA[", b"<Encrypt><![CDATA[QUJD")
    if kind == "garbage":
        body = b"<xml><Encrypt><![CDATA[not base64 at all!]]></Encrypt></xml>"
    if kind == "no-encrypt":
        body = b"<xml><ToUserName>ww</ToUserName></xml>"
    if kind == "plaintext":
        body = message().encode()
    started = time.monotonic()
    response = httpx.post(corp_server + "/wecom", params=params, content=body, timeout=TIMEOUT)
    assert response.status_code == 403 and time.monotonic() - started < FAST
    assert rec.calls == []


def test_stale_timestamp_is_refused(corp_server: str, rec: Recorder) -> None:
    params, body = Corp().request(message(), timestamp=int(time.time()) - 3600)
    assert httpx.post(corp_server + "/wecom", params=params, content=body).status_code == 403
    assert rec.calls == []


def test_oversized_body_is_413(corp_server: str) -> None:
    params, _ = Corp().request(message())
    body = b"<xml>" + b"x" * (64 * 1024) + b"</xml>"
    assert httpx.post(corp_server + "/wecom", params=params, content=body).status_code == 413


@pytest.mark.parametrize("inner", ["<xml><MsgType>text", "<xml><ToUserName>a</ToUserName></xml>", "plain words"])
def test_malformed_inner_xml_is_answered_success(inner: str, corp_server: str, rec: Recorder) -> None:
    response = post(corp_server, inner)
    assert response.status_code == 200 and response.text == "success" and rec.calls == []


def test_xml_bomb_inside_the_encryption_is_refused(corp_server: str, rec: Recorder) -> None:
    started = time.monotonic()
    response = post(corp_server, payload("wechat", "xml_bomb"))
    assert response.status_code == 400 and time.monotonic() - started < FAST and rec.calls == []


def test_xml_bomb_as_the_envelope_is_refused(corp_server: str) -> None:
    params, _ = Corp().request(message())
    response = httpx.post(corp_server + "/wecom", params=params, content=payload("wechat", "xml_bomb").encode())
    assert response.status_code == 400


# -- messages and events --------------------------------------------------------------------------------


def test_text_message_round_trip(corp_server: str, rec: Recorder) -> None:
    xml = message()
    reply = Corp().read(post(corp_server, xml))
    sent = fields_of(xml)
    assert reply["ToUserName"] == sent["FromUserName"] and reply["FromUserName"] == sent["ToUserName"]
    assert "高新技术企业" in reply["Content"]
    (row,) = turns(rec.engine, sent["MsgId"], "wecom")
    assert row["intent"] == "high_tech_enterprise"


def test_cdata_terminator_in_reply(shared: Engine) -> None:
    text = "]]>]]><![CDATA[x]]>"
    with running(Recorder(shared, text=text, options=[])) as base:
        assert content(post(base, message())) == text


def test_click_subscribe_enter_agent_and_image(corp_server: str, rec: Recorder, shared: Engine) -> None:
    assert "小巨人" in content(post(corp_server, message("event_click")))
    welcome = content(post(corp_server, message("event_subscribe")))
    assert welcome.startswith(shared.knowledge.topics["greeting"].reply)
    assert post(corp_server, message("event_enter_agent")).text == "success"
    assert content(post(corp_server, message("image"))) == shared.knowledge.messages.unsupported
    assert [c.kind for c in rec.calls] == ["text", "text", "image"]


def test_retry_is_answered_once(corp_server: str, rec: Recorder) -> None:
    xml = message()
    first, second = content(post(corp_server, xml)), content(post(corp_server, xml))
    assert first == second and len(rec.calls) == 1


def test_dialogue_state_survives_across_requests(corp_server: str) -> None:
    user = fresh("user")
    replies = [content(post(corp_server, message(FromUserName=user, Content=t))) for t in ("我们能评专精特新吗", "是")]
    assert "第 2 项" in replies[1]


def test_late_answer_goes_out_as_an_app_message(shared: Engine) -> None:
    api = FakeApi()
    staff_tool = StaffTool(shared.storage.path, 0.6)  # another program writing: the answer is late
    with serve(api.app()) as api_base:
        cfg = {"wecom_secret": "corp-secret", "wecom_api_base": api_base + "/cgi-bin/", "reply_budget": 0.15}
        with running(Recorder(shared), **cfg) as base:
            xml = message()
            staff_tool.take()
            try:
                assert post(base, xml).text == "success"
                assert api.arrived.wait(TIMEOUT)
            finally:
                staff_tool.close()
    (sent,) = api.sent("message/send")
    assert sent["touser"] == fields_of(xml)["FromUserName"] and sent["agentid"] == int(WECOM_AGENTID)
    assert "高新技术企业" in sent["text"]["content"]
    token_call = api.calls[0]
    assert token_call[0] == "gettoken" and token_call[1]["corpid"] == config().wecom_corpid


def test_missing_configuration_answers_503(shared: Engine, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        app = create_app(shared, config(wecom_aes_key="", wecom_corpid=""))
    with serve(app) as base:
        assert post(base, message()).status_code == 503
        assert httpx.get(base + "/healthz").status_code == 200
    assert "POLICYBOT_WECOM_AES_KEY" in caplog.text and "POLICYBOT_WECOM_CORPID" in caplog.text
