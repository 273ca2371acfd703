"""The policybot command as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from handlers.cli import main
from tests.helpers import ROOT


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, ["--db", str(tmp_path / "cli.db"), *args], input=input, env=env)

    return invoke


def test_ask_json_one_question(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "专精特新要什么条件", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["text"] == "专精特新要什么条件" and out["intent"] == "zjtx"
    assert len(out["candidates"]) <= 3 and out["candidates"][0]["intent"] == "zjtx"
    assert out["reply"]["kind"] == "answer" and out["reply"]["section"] == "申报条件" and out["score"] > 0
    assert out["act"] == "zjtx"


def test_ask_reads_one_question_per_line_statelessly(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = ["加计扣除", "1", "天气怎么样"] * 200
    result = run("ask", "--json", "--no-log", input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    outs = [json.loads(line) for line in result.output.splitlines()]
    assert len(outs) == len(lines)
    assert outs[1]["reply"]["kind"] == "no_option"  # stateless: "1" has no menu to pick from
    assert outs[2]["intent"] is None


def test_ask_logs_with_channel_cli(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ask", "首台套有什么补贴")
    import sqlite3

    rows = sqlite3.connect(tmp_path / "cli.db").execute("select channel, intent from turns").fetchall()
    assert rows == [("cli", "first_set_equipment")]


def test_chat_prints_a_transcript_from_piped_input(run) -> None:  # type: ignore[no-untyped-def]
    result = run("chat", input="研发费用加计扣除是什么\n2\n是\n")
    assert result.exit_code == 0
    assert "您> 研发费用加计扣除是什么" in result.output and "机器人> 【研发费用加计扣除】" in result.output


def test_invalid_utf8_on_stdin_is_answered_not_crashed(tmp_path: Path) -> None:
    env = {**os.environ, "POLICYBOT_DB": str(tmp_path / "x.db")}
    out = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json"],
        input=b"\xff\xfe\xfa\n\xe5\x8a\xa0\xe8\xae\xa1\xe6\x89\xa3\xe9\x99\xa4\n",
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr.decode()
    lines = [json.loads(x) for x in out.stdout.decode().splitlines()]
    assert len(lines) == 2 and lines[1]["intent"] == "rd_deduction"


def test_validate_ok_and_broken(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ok = run("validate")
    assert ok.exit_code == 0 and "ok:" in ok.output
    import shutil

    from knowledge.loader import BUNDLED

    broken = tmp_path / "kn"
    shutil.copytree(BUNDLED, broken)
    (broken / "topics" / "thanks.yaml").write_text("id: thanks\nkind: oops\n", encoding="utf-8")
    bad = run("--knowledge", str(broken), "validate")
    assert bad.exit_code == 1
    assert "kn/topics/thanks.yaml:2 kind: Input should be" in bad.output and "oops" in bad.output


def test_knowledge_and_db_from_environment(tmp_path: Path) -> None:
    from knowledge.loader import BUNDLED

    env = {"POLICYBOT_KNOWLEDGE": str(BUNDLED), "POLICYBOT_DB": str(tmp_path / "env.db")}
    result = CliRunner().invoke(main, ["ask", "高企"], env=env)
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()


def test_kb_json_lists_every_intent(run) -> None:  # type: ignore[no-untyped-def]
    from knowledge.contract import ALL_INTENTS

    result = run("kb", "--json")
    rows = json.loads(result.output)
    assert {r["id"] for r in rows} == set(ALL_INTENTS)
    assert all(r["title"] and r["examples"] for r in rows)


def test_try_explains_the_match(run) -> None:  # type: ignore[no-untyped-def]
    result = run("try", "家计扣除怎么算")
    assert "rd_deduction" in result.output and "pinyin:加计扣除" in result.output


def test_eval_prints_precision_recall_and_confusions(run) -> None:  # type: ignore[no-untyped-def]
    result = run("eval", str(ROOT / "tests" / "data" / "heldout.yaml"))
    assert result.exit_code == 0
    assert "precision" in result.output and "confusions" in result.output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and len(main.commands[command].help or "") > 10


def test_the_bot_does_not_start_on_broken_yaml(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from knowledge.loader import BUNDLED

    broken = tmp_path / "kn"
    shutil.copytree(BUNDLED, broken)
    (broken / "messages.yaml").write_text("fallback: [\n", encoding="utf-8")
    result = run("--knowledge", str(broken), "chat", input="你好\n")
    assert result.exit_code != 0
    assert "messages.yaml:" in result.output and "您>" not in result.output


def test_an_unwritable_database_is_named_without_a_traceback(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--db", "/proc/policybot-test/x.db", "ask", "你好")
    assert result.exit_code != 0
    assert "/proc/policybot-test/x.db" in result.output and "--db" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_takes_knowledge_and_db_after_its_name(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert "--knowledge DIRECTORY" in result.output and "--db FILE" in result.output


def test_knowledge_and_db_after_the_command_are_used(tmp_path: Path) -> None:
    import shutil

    from knowledge.loader import BUNDLED

    db = tmp_path / "after.db"
    result = CliRunner().invoke(main, ["ask", "--db", str(db), "首台套有什么补贴"])
    assert result.exit_code == 0, result.output
    assert db.exists() and "首台" in result.output
    broken = tmp_path / "kn"
    shutil.copytree(BUNDLED, broken)
    (broken / "topics" / "thanks.yaml").write_text("id: thanks\nkind: oops\n", encoding="utf-8")
    bad = CliRunner().invoke(main, ["--knowledge", str(BUNDLED), "validate", "--knowledge", str(broken)])
    assert bad.exit_code == 1 and "kn/topics/thanks.yaml:2" in bad.output, "after the command wins"


@pytest.mark.parametrize(
    ("name", "hint"),
    [("POLICYBOT_MIN_SCOR", "did you mean POLICYBOT_MIN_SCORE?"), ("POLICYBOT_WECHAT_TOKN", "POLICYBOT_WECHAT_TOKEN")],
)
def test_a_misspelt_setting_is_an_error_naming_the_closest(run, name: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "--no-log", "你好", env={name: "50"})
    assert result.exit_code == 1
    assert f"unknown setting {name}" in result.output and hint in result.output


def test_an_unknown_setting_is_an_error_listing_the_known(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "--no-log", "你好", env={"POLICYBOT_FOO": "1"})
    assert result.exit_code == 1
    assert "unknown setting POLICYBOT_FOO" in result.output and "POLICYBOT_MIN_SCORE" in result.output


def test_channel_settings_are_known(run) -> None:  # type: ignore[no-untyped-def]
    env = {"POLICYBOT_WECHAT_TOKEN": "t", "POLICYBOT_TELEGRAM_SECRET": "s", "POLICYBOT_LOG_LEVEL": "INFO"}
    result = run("ask", "--no-log", "你好", env=env)
    assert result.exit_code == 0, result.output


def test_a_setting_of_the_wrong_type_names_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "--no-log", "你好", env={"POLICYBOT_MIN_SCORE": "high"})
    assert result.exit_code == 1 and "POLICYBOT_MIN_SCORE" in result.output and "'high'" in result.output


def test_serve_says_where_it_listens_and_what_each_channel_lacks(tmp_path: Path) -> None:
    from tests.wx_helpers import free_port

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYBOT_WECHAT_TOKEN": "token"}
    for name in ("POLICYBOT_WECOM_TOKEN", "TELEGRAM_BOT_TOKEN", "POLICYBOT_TELEGRAM_WEBHOOK_URL"):
        env.pop(name, None)
    cmd = [sys.executable, "-m", "handlers.cli", "--db", str(tmp_path / "s.db"), "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(5)]
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout:
            proc.stdout.close()
    shown = "".join(lines)
    assert f"listening on http://127.0.0.1:{port}/ (1 worker)" in shown
    assert f"wechat   http://127.0.0.1:{port}/wechat: configured (plaintext mode)" in shown
    assert "wecom" in shown and "missing POLICYBOT_WECOM_TOKEN" in shown
    assert "telegram not served here, missing TELEGRAM_BOT_TOKEN and POLICYBOT_TELEGRAM_WEBHOOK_URL" in shown


def test_wechat_menu_push_without_credentials_fails_before_printing(run) -> None:  # type: ignore[no-untyped-def]
    result = run("wechat-menu", "--push", env={"POLICYBOT_WECHAT_APPID": "", "POLICYBOT_WECHAT_SECRET": ""})
    assert result.exit_code == 1
    assert result.output.startswith("Error: --push needs POLICYBOT_WECHAT_APPID") and "button" not in result.output
