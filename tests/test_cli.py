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
