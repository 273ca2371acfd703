"""The promises a one-line bug could break unnoticed: each test asserts what the user or officer sees.

One test per row of the mutation table in issue 19 that the suite used to let pass (the others are in
test_interpret.py: 亿, 百分之九十, the option “2”, 跳过; test_log.py: every masked form; test_dedupe.py: a retry after
a minute). ``docs/testing.md`` maps each row to its test; ``make mutate`` checks the modules behind them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.dedupe import STALE_SECONDS, Dedupe, ReplayError, Role
from bot.dedupe import Outcome as DedupeOutcome
from bot.engine import Engine
from bot.models import Inbound
from bot.reload import last_reload, reload_once
from bot.settings import Settings
from bot.storage import Storage
from knowledge.loader import BUNDLED
from tests.helpers import FIXED_NOW, User, make_engine
from tests.staff_log import copy_knowledge
from tests.wx_helpers import (
    WECHAT_AES_KEY,
    WECHAT_APPID,
    WECHAT_TOKEN,
    Official,
    Recorder,
    fields_of,
    fresh_message,
    running,
    sign,
)

TIMEOUT = 10.0


def verdict_after(user: User, *messages: str) -> dict[str, object]:
    """Send ``messages`` and ask for the verdict; its data (verdict, met, unmet, unknown)."""
    for text in messages:
        user.say(text)
    reply = user.say("直接给个结论")
    assert reply.kind == "verdict", reply.text
    return reply.data


def test_a_company_exactly_at_the_threshold_meets_it(user: User) -> None:
    data = verdict_after(user, "专精特新够不够条件", "去年营收1500万")
    assert any("1500万元以上" in m for m in data["met"])  # type: ignore[union-attr]


def test_thresholds_compare_in_one_unit(user: User) -> None:
    data = verdict_after(user, "单项冠军够不够条件", "近三年平均主营业务收入5000万", "不是国家级小巨人")
    assert data["verdict"] == "fail"
    assert any("4亿元" in u for u in data["unmet"])  # type: ignore[union-attr]


def test_an_alias_inside_a_longer_alias_does_not_count(user: User) -> None:
    reply = user.say("专精特新小巨人怎么申报")
    assert reply.intent == "little_giant" and reply.kind == "answer"


def test_state_lasts_thirty_idle_minutes_and_no_longer(tmp_path: Path) -> None:
    now = [FIXED_NOW]
    engine = make_engine(tmp_path / "s.db")
    engine.clock = lambda: now[0]

    def say(text: str) -> object:
        return engine.respond(Inbound("test", "idle", text))

    first = say("专精特新够不够条件")
    now[0] += dt.timedelta(minutes=29)
    assert say("是").kind == "checklist_step", "29 minutes later the check goes on"  # type: ignore[attr-defined]
    now[0] += dt.timedelta(minutes=31)
    assert say("是").act != "answer", "31 idle minutes later it is forgotten"  # type: ignore[attr-defined]
    assert first is not None


def test_each_install_salts_user_ids_at_random(tmp_path: Path) -> None:
    a, b = Storage(tmp_path / "a.db"), Storage(tmp_path / "b.db")
    assert a.salt() != b.salt() and len(a.salt()) >= 16
    assert Storage.hash_user(a.salt(), "wechat", "o1") != Storage.hash_user(b.salt(), "wechat", "o1")
    assert a.salt() == a.salt(), "kept in the database"


def test_settings_from_the_environment_take_effect(tmp_path: Path) -> None:
    question = "专经特新要什么条件"  # found by sound only (a typo): a score below 99
    usual = make_engine(tmp_path / "e.db")
    assert usual.respond(Inbound("test", "u", question)).intent == "zjtx"
    # without the classifier's vote, which may answer below min_score when its lead is clear
    strict = Settings.from_env(environ={"POLICYBOT_MIN_SCORE": "99.5", "POLICYBOT_CLASSIFIER": "0"})
    assert strict.min_score == 99.5 and strict.classifier == 0
    engine = Engine(usual.knowledge, Storage(tmp_path / "f.db"), strict)
    assert engine.respond(Inbound("test", "u", question)).act == "null", "below the minimum score: the fallback"


def test_the_engine_answers_empty_text_without_an_internal_error(engine: Engine) -> None:
    for text in ("", " ", "\u200b"):
        reply = engine.respond(Inbound("test", f"empty{len(text)}", text))
        assert reply.kind == "empty" and reply.act == "empty"
    errors = engine.storage.db.execute("SELECT count(*) FROM turns WHERE error IS NOT NULL").fetchone()[0]
    assert errors == 0


def test_a_plaintext_server_checks_the_signature_of_an_aes_flagged_post(engine: Engine) -> None:
    xml = fresh_message("wechat", "text", "forged")
    params, body = Official().request(xml, "raw")
    forged = params | {"encrypt_type": "aes", "signature": "0" * 40}
    rec = Recorder(engine)
    with running(rec) as base:
        response = httpx.post(base + "/wechat", params=forged, content=body, timeout=TIMEOUT)
    assert response.status_code == 403 and rec.calls == []


def test_the_normalized_column_is_masked_too(engine: Engine) -> None:
    User(engine, "spaced").say("手机 1381 234 5678 请回电")  # grouped 4-3-4, joined by normalising
    (row,) = engine.storage.turns()
    assert "[手机号]" in row["text"] and "1381" not in row["text"]
    assert "13812345678" not in row["normalized"] and "手机号" in row["normalized"]


def test_a_reload_that_fails_validation_keeps_the_old_knowledge(tmp_path: Path) -> None:
    kb = copy_knowledge(tmp_path)
    engine = make_engine(tmp_path / "r.db", kb)
    before = engine.knowledge.version
    assert last_reload(engine) is None, "no reload yet"
    path = kb / "topics" / "rd_reserve.yaml"
    text = path.read_text(encoding="utf-8").replace("\nsummary: ", "\nsummary: （已更新）", 1)
    # The YAML loads, but the matcher sends this example out of scope (天气): ``policybot validate`` calls it an error.
    path.write_text(text.replace("examples:\n", "examples:\n  - 今天天气怎么样\n", 1), encoding="utf-8")
    assert reload_once(engine, kb) is False
    assert engine.knowledge.version == before
    reply = User(engine).say("研发准备金补助是什么")
    assert reply.intent == "rd_reserve" and "（已更新）" not in reply.text
    status = last_reload(engine)
    assert status is not None and status["ok"] is False and status["serving"] == before
    assert any("rd_reserve.yaml" in p and "今天天气怎么样" in p for p in status["problems"])
    path.write_text(text, encoding="utf-8")  # the officer removes the example
    assert reload_once(engine, kb) is True
    assert "（已更新）" in User(engine, "later").say("研发准备金补助是什么").text
    status = last_reload(engine)
    assert status is not None and {"ok", "problems", "serving", "ts"} <= set(status)
    assert status["ok"] is True and status["serving"] == engine.knowledge.version != before and status["problems"] == []
    assert reload_once(engine, kb) is True and last_reload(engine) == status, "unchanged: nothing to swap or record"
    stamp = dt.datetime.fromisoformat(status["ts"])
    assert stamp.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - stamp) < dt.timedelta(minutes=5)
    engine.storage.close()


REPORT_DAYS = {
    dt.date(2026, 11, 20): ["专精特新要什么条件", "研发费用加计扣除比例是多少", "怎么注册一家公司"],
    dt.date(2026, 11, 24): ["高企认定需要什么条件", "今天天气怎么样", "附近有什么好吃的"],
}
"""Two Chongqing days of questions: on the first two answered and one not, on the second one and two."""


def _report(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--knowledge", str(BUNDLED), "--db", str(db), "report", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_printed_report_counts_answered_and_unanswered_questions_of_the_period(tmp_path: Path) -> None:
    db = tmp_path / "report.db"
    for day, questions in REPORT_DAYS.items():
        engine = make_engine(db, now=dt.datetime.combine(day, dt.time(3), dt.UTC))  # 11:00 in Chongqing
        for n, text in enumerate(questions):
            User(engine, f"{day}-{n}").say(text)
        engine.storage.close()
    whole = _report(db)
    assert "questions 6: answered 3, clarified 0, unanswered 3 (fallback rate 50.0%)" in whole
    assert "2026-11-20 … 2026-11-24" in whole
    second = _report(db, "--since", "2026-11-24")
    assert "messages 3, users 3, questions 3: answered 1, clarified 0, unanswered 2 (fallback rate 66.7%)" in second
    first = _report(db, "--until", "2026-11-20")
    assert "questions 3: answered 2, clarified 0, unanswered 1 (fallback rate 33.3%)" in first


def test_the_printed_report_shows_every_figure_of_a_small_log(tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    engine = make_engine(db, now=dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC))
    kn = engine.knowledge
    users = (("a", "wechat"), ("b", "telegram"), ("c", "wechat"), ("d", "web"), ("e", "telegram"))
    a, b, c, d, e = (User(engine, n, ch) for n, ch in users)
    assert [a.say(t).kind for t in ("专精特新要什么条件", "有用")] == ["answer", "feedback"]
    assert [b.say(t).kind for t in ("加计扣除比例是多少", "没用", "怎么注册一家公司")] == [
        "answer",
        "feedback",
        "fallback",
    ]
    assert e.say("补贴").kind == "clarify"
    assert d.say("今天天气怎么样").kind == "fallback"
    reply = c.say("首台套能评吗")
    while reply.kind == "checklist_step":
        reply = c.say("否")
    assert reply.data["verdict"] == "fail"
    engine.storage.close()

    def title(intent: str) -> str:
        return f"{intent}（{kn.topics[intent].title}）"

    lines = _report(db).splitlines()
    low = [n for n, line in enumerate(lines) if line.startswith("low-confidence")][0]
    assert re.fullmatch(r" {7}1  补贴  → \w+ \(min \d+\.\d\)", lines[low + 1]), lines[low + 1]
    assert lines[: low + 1] + lines[low + 2 :] == [
        "PolicyBot log report, 2026-11-20 … 2026-11-20 (local days, UTC+8)",
        "messages 12, users 5, questions 6: answered 3, clarified 1, unanswered 2 (fallback rate 33.3%), errors 0",
        "",
        "per channel:",
        "  wechat            7  (2 users)",
        "  telegram          4  (2 users)",
        "  web               1  (1 users)",
        "",
        "top intents:",
        f"       1  {title('first_set_equipment')}",
        f"       1  {title('rd_deduction')}",
        f"       1  {title('zjtx')}",
        "",
        "unanswered questions (grouped):",
        "       1  今天天气怎么样  []",
        "       1  怎么注册一家公司  []",
        "",
        "low-confidence matches (score < 72 or clarified):",
        "",
        "checklists (started / completed: pass, fail, undecided):",
        f"     1 /    1: 0, 1, 0  {title('first_set_equipment')}",
        "",
        "feedback: 有用 1, 没用 1",
        f"     1 没用 / 0 有用  {title('rd_deduction')} {lines[-1].split(' ')[-1]}",
    ]
    assert lines[-1].endswith("】") and "【" in lines[-1], "the heading of the answer found useless"
    empty = _report(db, "--since", "2026-12-01").splitlines()
    assert empty[0] == "PolicyBot log report, 2026-12-01 … - (local days, UTC+8)"
    assert (
        _report(db, "--until", "2026-11-01").splitlines()[0]
        == "PolicyBot log report, - … 2026-11-01 (local days, UTC+8)"
    )
    assert (
        empty[1]
        == "messages 0, users 0, questions 0: answered 0, clarified 0, unanswered 0 (fallback rate -), errors 0"
    )


def test_unknown_settings_are_refused_naming_them_and_the_known_ones() -> None:
    try:
        Settings().replace({"min_scor": 50, "bogus": 1, "min_score": 70})
    except KeyError as exc:
        assert exc.args[0] == f"unknown setting(s): bogus, min_scor; known: {', '.join(Settings.names())}"
    else:
        raise AssertionError("unknown settings were accepted")


def test_environment_values_take_each_settings_type() -> None:
    env = {
        "POLICYBOT_CLARIFY_MAX": "2",
        "POLICYBOT_SESSION_IDLE_MINUTES": "45",
        "POLICYBOT_USER_SALT": "s1",
        "HOME": "/",
    }
    read = Settings.from_env(Settings(min_score=70.0), environ=env)
    assert (read.clarify_max, read.session_idle_minutes, read.user_salt, read.min_score) == (2, 45, "s1", 70.0)
    assert type(read.clarify_max) is int and type(read.min_margin) is float
    assert Settings.from_env(environ={}) == Settings()


def test_every_setting_is_listed_in_help_with_its_default() -> None:
    result = CliRunner().invoke(main, ["--help"])
    listed = " ".join(result.output.split())
    table = Settings.help()
    assert list(table) == Settings.names() and len(table) >= 10
    for name, (default, text) in table.items():
        assert f"{name} (default {default!r}): {text}" in listed, name
    assert table["session_idle_minutes"] == (30, "A conversation's state expires after this many idle minutes")


def test_state_idle_exactly_thirty_minutes_is_kept(tmp_path: Path) -> None:
    now = [FIXED_NOW]
    engine = make_engine(tmp_path / "s30.db")
    engine.clock = lambda: now[0]
    assert engine.respond(Inbound("test", "idle30", "专精特新够不够条件")).kind == "checklist_step"
    now[0] += dt.timedelta(minutes=30)
    assert engine.respond(Inbound("test", "idle30", "是")).act == "answer", "30 minutes is not yet more than 30"


def test_a_damaged_state_row_starts_the_conversation_afresh(engine: Engine) -> None:
    user = User(engine, "damaged")
    for stored in ("[1, 2]", "{not json"):
        assert user.say("专精特新够不够条件").kind == "checklist_step"
        engine.storage.db.execute("UPDATE state SET data = ?", [stored])
        reply = user.say("是")
        assert reply.kind != "error" and reply.act != "answer", stored
        assert user.say("是").kind != "error"


def _forgeries() -> list[tuple[str, dict[str, str], bytes, int, str]]:
    """(server, params, body, status, the reason the security log gives) for each way a request is refused."""
    xml = fresh_message("wechat", "text", "sec")
    cases = []
    params, body = Official().request(xml, "raw")
    cases.append(("safe", params, body, 403, "plaintext message, but safe mode (an AES key) is configured"))
    cases.append(("plain", params | {"signature": "0" * 40}, body, 403, "bad signature"))
    cases.append(
        ("plain", {k: v for k, v in params.items() if k != "timestamp"}, body, 403, "missing or invalid timestamp")
    )
    cases.append(("plain", params | {"timestamp": "1" * 13}, body, 400, "timestamp of 13 digits"))
    cases.append(
        ("plain", params | {"timestamp": "1" * 12}, body, 403, f"timestamp {'1' * 12} outside the 300s window")
    )
    stale = str(int(time.time()) - 3600)
    cases.append(("plain", params | {"timestamp": stale}, body, 403, f"timestamp {stale} outside the 300s window"))
    params, body = Official().request(xml, "aes")
    unsigned = {k: v for k, v in params.items() if k != "signature"}
    cases.append(("safe", params | {"signature": "0" * 40}, body, 403, "bad signature"))
    cases.append(("safe", unsigned | {"msg_signature": "f" * 40}, body, 403, "bad msg_signature"))
    cases.append(("safe", unsigned, b"<xml><ToUserName>gh</ToUserName></xml>", 403, "cannot decrypt (KeyError)"))
    cases.append(("safe", unsigned, b"<xml><Encrypt>", 403, "unreadable encrypted envelope"))
    cases.append(("plain", unsigned, body, 403, "encrypted message but no AES key configured"))
    params, body = Official(appid="wx_someone_else").request(xml, "aes")
    cases.append(("safe", params, body, 403, "message encrypted for another AppID"))
    return cases


def test_each_refused_request_is_logged_with_its_reason(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    rec = Recorder(engine)
    with running(rec) as plain, running(rec, wechat_aes_key=WECHAT_AES_KEY, wechat_appid=WECHAT_APPID) as safe:
        for server, params, body, status, reason in _forgeries():
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="policybot.security"):
                url = (safe if server == "safe" else plain) + "/wechat"
                response = httpx.post(url, params=params, content=body, timeout=TIMEOUT)
            assert response.status_code == status, reason
            logged = [r.getMessage() for r in caplog.records if r.name == "policybot.security"]
            assert len(logged) == 1 and f"refused ({status}): {reason}" in logged[0], (reason, logged)
    assert rec.calls == []


def test_a_retry_is_told_what_became_of_the_first_arrival(tmp_path: Path) -> None:
    """What a WeChat retry finds, by the age of the first arrival: answered and handed-off messages stay answered."""
    now = [1_000_000.0]
    storage = Storage(tmp_path / "retry.db")
    first, other = (Dedupe(storage, clock=lambda: now[0]) for _ in range(2))  # two worker processes
    assert other.known("wechat", "never") is None
    running_now = first.begin("wechat", "busy")
    first.finish(first.begin("wechat", "done"), "the answer")
    first.hand_off(handed := first.begin("wechat", "late"))
    first.finish(handed, "the late answer")
    first.begin("wechat", "died")  # its process dies while answering
    now[0] += STALE_SECONDS
    assert all(other.known("wechat", k).role is Role.REMOTE for k in ("busy", "done", "late", "died"))  # type: ignore[union-attr]
    assert other.known("wecom", "done") is None, "channels do not share ids"
    assert other.begin("wechat", "died").role is Role.REMOTE, "60 s is not yet more than 60 s"
    now[0] += 0.5
    assert other.known("wechat", "died") is None and other.known("wechat", "busy") is None
    assert other.known("wechat", "done").role is Role.REMOTE and other.known("wechat", "late").role is Role.REMOTE  # type: ignore[union-attr]
    taken = other.begin("wechat", "died")
    assert taken.role is Role.OWNER, "an unfinished claim past 60 s is answered afresh"
    assert other.begin("wechat", "late").role is Role.REMOTE and other.begin("wechat", "done").role is Role.REMOTE
    other.finish(taken, "answered again")
    assert other.outcome("wechat", "died") == DedupeOutcome(True, "answered again", False)
    assert other.outcome("wechat", "late") == DedupeOutcome(True, "the late answer", True)
    assert running_now.role is Role.OWNER
    storage.close()


def test_a_nonce_belongs_to_one_message(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "nonce.db")
    a, b = Dedupe(storage), Dedupe(storage)
    a.begin("wechat", "m1", "1700000000:n1")
    assert b.known("wechat", "m1", "1700000000:n1") is not None, "the same message retried with its nonce"
    for replay in (lambda: b.known("wechat", "m2", "1700000000:n1"), lambda: b.begin("wechat", "m2", "1700000000:n1")):
        try:
            replay()
        except ReplayError as exc:
            assert "wechat" in str(exc)
        else:
            raise AssertionError("a nonce reused by another message was accepted")
    assert b.known("wecom", "m2", "1700000000:n1") is None, "another channel's nonce"
    assert b.begin("wechat", "m3").role is Role.OWNER and b.begin("wechat", "m4").role is Role.OWNER, "no nonce"
    settled = b.settle("wechat", "m5", "1700000000:n5", "stored with its answer", lambda: None)
    assert settled.role is Role.OWNER and a.outcome("wechat", "m5") == DedupeOutcome(
        True, "stored with its answer", False
    )
    storage.close()


def test_an_item_applies_only_to_the_industry_it_names(user: User) -> None:
    factory = verdict_after(user, "企业技术研发中心 我们够不够条件", "我们是做汽车零部件的 去年营收1500万")
    other = verdict_after(User(user.engine, "soft"), "企业技术研发中心 我们够不够条件", "我们是做软件的 去年营收1500万")
    named = [*factory["met"], *factory["unmet"], *factory["unknown"]]  # type: ignore[misc]
    assert factory["verdict"] == "fail" and any("工业企业" in u and "2000万元" in u for u in factory["unmet"])  # type: ignore[union-attr]
    assert not any("其他企业" in n for n in named), "the other industries' item does not apply to a factory"
    assert any("其他企业" in m and "1000万元" in m for m in other["met"])  # type: ignore[union-attr]
    assert not any("工业企业：" in n for n in [*other["met"], *other["unmet"], *other["unknown"]])  # type: ignore[misc]


def test_a_negative_list_industry_is_unmet_and_others_met(user: User) -> None:
    wholesale = verdict_after(user, "研发费用加计扣除 我们够不够条件", "我们是做批发的")
    factory = verdict_after(User(user.engine, "f"), "研发费用加计扣除 我们够不够条件", "我们是做汽车零部件的")
    assert wholesale["verdict"] == "fail" and any("负面清单" in u for u in wholesale["unmet"])  # type: ignore[union-attr]
    assert factory["verdict"] == "unknown" and any("负面清单" in m for m in factory["met"])  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("answer", "where"), [("营收六七千万", "met"), ("营收两三千万", "unmet"), ("营收四五千万", "unknown")]
)
def test_a_range_wholly_on_one_side_of_the_line_is_judged(user: User, answer: str, where: str) -> None:
    data = verdict_after(user, "小巨人够不够条件", answer)
    assert any("5000万元" in line for line in data[where]), data  # type: ignore[union-attr]


def test_an_option_list_in_a_condition_means_any_of_them() -> None:
    from bot.checklist import FAIL, OPEN, PASS, test
    from knowledge.loader import load
    from knowledge.schema import Condition

    criteria = load().criteria
    either = Condition(criterion="industry", op="==", value=["manufacturing", "software"])
    neither = Condition(criterion="industry", op="!=", value=["manufacturing", "software"])
    assert [test(either, {"industry": v}, criteria) for v in ("software", "tobacco")] == [PASS, FAIL]
    assert [test(neither, {"industry": v}, criteria) for v in ("software", "tobacco")] == [FAIL, PASS]
    assert test(either, {}, criteria) == OPEN and test(either, {"industry": "unknown"}, criteria) == OPEN


def test_the_printed_report_groups_similar_unanswered_questions(tmp_path: Path) -> None:
    db = tmp_path / "groups.db"
    engine = make_engine(db, now=dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC))
    variants = [
        "怎么注册一家公司",
        "怎么注册一家公司啊",
        "请问怎么注册一家公司",
        "怎么注册一家公司呢",
        "今天天气怎么样",
    ]
    for n, text in enumerate(variants):
        assert User(engine, f"v{n}", "web").say(text).kind == "fallback"
    engine.storage.close()
    lines = _report(db).splitlines()
    at = lines.index("unanswered questions (grouped):")
    assert lines[at + 1 : at + 4] == [
        "       4  怎么注册一家公司  [怎么注册一家公司呢 / 怎么注册一家公司啊]",
        "       1  今天天气怎么样  []",
        "",
    ]
    top = _report(db, "--top", "1").splitlines()
    assert top[at + 1 : at + 3] == [lines[at + 1], ""], "--top 1 shows one group"


def test_a_signed_post_of_invalid_utf8_is_answered_not_crashed(engine: Engine) -> None:
    xml = fresh_message("wechat", "text", "utf8").encode()
    broken = xml.replace(b"</Content>", b"\xff\xfe</Content>") if b"</Content>" in xml else xml + b"\xff"
    with running(Recorder(engine)) as plain:
        for mode in ("raw", "compat"):  # a plaintext server takes compatible mode's plain fields
            params, _ = Official().request(xml.decode(), mode)
            response = httpx.post(plain + "/wechat", params=params, content=broken, timeout=TIMEOUT)
            assert response.status_code == 200, mode


def test_every_condition_met_is_a_pass(user: User) -> None:
    reply = user.say("首批次材料能评吗")
    while reply.kind == "checklist_step":
        assert reply.expects == "bool", reply.text
        reply = user.say("是")
    assert reply.kind == "verdict" and reply.data["verdict"] == "pass"
    assert reply.data["met"] and not reply.data["unmet"] and not reply.data["unknown"]


def test_forgotten_ids_are_deleted_at_most_once_a_minute(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "prune.db")
    now = [1000.0]
    d = Dedupe(storage, keep_seconds=10, clock=lambda: now[0])
    d.finish(d.begin("wechat", "old"), "x")  # deletes what is older than 10 s, then not again for a minute
    for later in (30.0, 60.0):
        now[0] = 1000.0 + later
        d.begin("wechat", f"at{later}")
        assert d.outcome("wechat", "old") is not None, later
    now[0] = 1060.5
    d.begin("wechat", "after a minute")
    assert d.outcome("wechat", "old") is None
    storage.close()


def test_a_retry_elsewhere_follows_the_stored_answer(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "follow.db")
    first, other = Dedupe(storage), Dedupe(storage)
    first.finish(first.begin("wechat", "m"), "the answer")
    flight = other.known("wechat", "m")
    assert flight is not None and (flight.channel, flight.key, flight.role) == ("wechat", "m", Role.REMOTE)
    assert other.follow(flight, 0) == DedupeOutcome(True, "the answer", False)
    storage.close()


def test_a_request_without_a_nonce_is_checked_against_an_empty_one(engine: Engine) -> None:
    """The signatures cover the nonce as sent; one left out is signed as empty (as wechatpy signs it)."""
    rec = Recorder(engine)
    xml = fresh_message("wechat", "text", "nonce")
    stamp = str(int(time.time()))
    with running(rec) as plain, running(rec, wechat_aes_key=WECHAT_AES_KEY, wechat_appid=WECHAT_APPID) as safe:
        params = {"timestamp": stamp, "signature": sign(WECHAT_TOKEN, stamp, "")}
        assert httpx.post(plain + "/wechat", params=params, content=xml.encode(), timeout=TIMEOUT).status_code == 200
        envelope = fields_of(Official().crypto.encrypt_message(xml, "", stamp))
        body = f"<xml><Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>".encode()
        query = {
            "timestamp": stamp,
            "encrypt_type": "aes",
            "msg_signature": sign(WECHAT_TOKEN, stamp, "", envelope["Encrypt"]),
        }
        assert httpx.post(safe + "/wechat", params=query, content=body, timeout=TIMEOUT).status_code == 200
    assert len(rec.calls) == 1, "the same message twice: answered once"


def test_a_condition_that_fails_or_holds_on_every_branch_is_judged_without_the_branch(user: User) -> None:
    low = verdict_after(user, "单项冠军够不够条件", "近三年平均主营业务收入5000万")
    assert low["verdict"] == "fail"
    assert sorted(low["unmet"]) == [  # type: ignore[call-overload]
        "国家级“小巨人”企业：近三年平均主营业务收入不低于1亿元",
        "近三年平均主营业务收入不低于4亿元",
    ], "both branches fail: whether it is a 小巨人 need not be asked"
    assert len(low["unmet"]) == 2 and not any("近三年平均主营业务收入" in u for u in low["unknown"])  # type: ignore[arg-type,union-attr]
    old = verdict_after(User(user.engine, "old"), "单项冠军够不够条件", "我们从事这个领域18年了")
    assert "截至上年末从事相关领域满5年" in old["met"]  # type: ignore[operator]  # (a new product is presumed not)
    assert not any("从事相关领域满" in u for u in old["unknown"])  # type: ignore[union-attr]


def test_a_kind_said_without_its_option_is_judged_when_every_option_of_it_agrees() -> None:
    from bot.checklist import FAIL, OPEN, PASS, test
    from knowledge.loader import load
    from knowledge.schema import Condition

    criteria = load().criteria
    top3 = Condition(criterion="sci_award_rank_3y", op="in", value=["national_top3"])
    not_national = ["none", "provincial_other", "provincial_top3"]  # “国家级的奖莫得”
    national = ["national_other", "national_top5", "national_top3"]  # “国家级的奖拿过” (rank not said)
    assert test(top3, {"sci_award_rank_3y": not_national}, criteria) == FAIL
    assert test(top3, {"sci_award_rank_3y": national}, criteria) == OPEN
    assert test(top3, {"sci_award_rank_3y": ["national_top3"]}, criteria) == PASS
