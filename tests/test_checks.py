"""Extra validate checks: matcher conflicts with both scores, channel length limits, criteria without a source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import checks
from bot.settings import Settings
from knowledge.loader import BUNDLED, Problem
from tests.staff_log import copy_knowledge

LONG_FACT = "企业应当按照要求如实填报研发投入、知识产权和人员情况并提交证明材料，" * 30
"""About 1000 Chinese characters: over WeChat's 2048 bytes, under Telegram's 4096 characters."""


@pytest.fixture(scope="module")
def bundled() -> list[Problem]:
    return checks.validate(BUNDLED)[1]


def _append_to_list(path: Path, key: str, line: str) -> None:
    """Add ``line`` as the first item of the block list ``key:`` (keeps the test independent of the content)."""
    text = path.read_text(encoding="utf-8")
    head = f"\n{key}:\n"
    assert head in text, f"{path.name} has no block list {key}:"
    start = text.index(head) + len(head)
    indent = text[start:].split("-", 1)[0]
    path.write_text(text[:start] + f"{indent}- {line}\n" + text[start:], encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Problem]]:
    """A copy of the bundled knowledge with one of each problem, validated once."""
    kb = copy_knowledge(tmp_path_factory.mktemp("kb"))
    # the matcher sends this to out of scope: 请问 is a filler, the rest is an out-of-scope example
    _append_to_list(kb / "topics" / "little_giant.yaml", "examples", "请问小巨人奶粉好不好")
    # ties with high_tech_enterprise's own example once 请问 is dropped
    _append_to_list(kb / "topics" / "zjtx.yaml", "examples", "请问高企怎么申报")
    section = kb / "topics" / "rd_reserve.yaml"
    text = section.read_text(encoding="utf-8")
    marker = "  - name: 申报材料\n    items:\n"
    assert marker in text
    fact = f"      - text: {LONG_FACT}\n        source: {_first_source(text)}\n"
    section.write_text(text.replace(marker, marker + fact, 1), encoding="utf-8")
    (kb / "criteria" / "test_only.yaml").write_text(
        "criteria:\n"
        "  asked_only:\n    question: 贵企业是否在重庆注册满一年？\n    type: bool\n"
        "  never_used:\n    question: 贵企业是否有出口业务？\n    type: bool\n",
        encoding="utf-8",
    )
    _append_to_list(kb / "topics" / "policy_match.yaml", "questionnaire", "asked_only")
    kn, problems = checks.validate(kb, today=dt.date(2026, 11, 25))
    assert kn is not None, problems
    return kb, problems


def _first_source(text: str) -> str:
    import yaml

    data = yaml.safe_load(text)
    return next(iter(data.get("sources") or {"miit": None}))


def _find(problems: list[Problem], file: str, text: str) -> Problem:
    found = [p for p in problems if p.file.endswith(file) and text in p.message]
    assert len(found) == 1, [str(p) for p in problems if p.file.endswith(file)]
    return found[0]


def test_the_bundled_knowledge_validates(bundled: list[Problem]) -> None:
    errors = [str(p) for p in bundled if p.severity == checks.ERROR]
    assert errors == []
    assert checks.is_valid(bundled)


def test_the_bundled_knowledge_has_no_warnings(bundled: list[Problem]) -> None:
    """An officer's own warning is the only one `policybot validate` prints; accepted behaviour is a note."""
    assert [str(p) for p in bundled if p.severity == checks.WARNING] == []
    for p in bundled:
        assert p.severity == checks.NOTE and ("is ambiguous" in p.message or "as sent" in p.message), p


def test_validate_prints_no_notes_unless_asked(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from handlers.cli import main

    quiet = CliRunner().invoke(main, ["--db", str(tmp_path / "v.db"), "validate"])
    assert quiet.exit_code == 0 and quiet.output.startswith("ok:") and "0 warning(s)" in quiet.output
    assert "note:" not in quiet.output and "--notes" in quiet.output
    loud = CliRunner().invoke(main, ["--db", str(tmp_path / "v.db"), "validate", "--notes"])
    assert loud.exit_code == 0 and "note: knowledge/topics/" in loud.output


def test_criteria_used_through_others_are_used(bundled: list[Problem]) -> None:
    """tech_staff_count is asked to compute tech_staff_ratio; high_tech_certified sets the calculator's tax rate."""
    kn = checks.load(BUNDLED)
    assert "tech_staff_count" in kn.criteria["tech_staff_ratio"].ratio_of
    unused = [p for p in checks.unsourced_criteria(kn, checks._Lines(kn)) if p.severity != checks.NOTE]
    assert unused == []


def test_every_problem_names_file_line_and_field(bundled: list[Problem], edited: tuple[Path, list[Problem]]) -> None:
    kb, problems = edited
    for p in [*bundled, *problems]:
        assert (BUNDLED.parent / p.file).is_file() or (kb.parent / p.file).is_file(), p
        assert p.line >= 1 and p.field and p.field != "(file)", p
        assert p.severity in (checks.ERROR, checks.WARNING, checks.NOTE)


def test_an_example_sent_elsewhere_is_an_error_with_both_scores(edited: tuple[Path, list[Problem]]) -> None:
    kb, problems = edited
    p = _find(problems, "little_giant.yaml", "请问小巨人奶粉好不好")
    assert p.severity == checks.ERROR
    assert "out of scope 100.0" in p.message and "little_giant 100.0" in p.message
    assert p.field.startswith("examples[")
    lines = (kb / "topics" / "little_giant.yaml").read_text(encoding="utf-8").splitlines()
    assert "请问小巨人奶粉好不好" in lines[p.line - 1]
    assert not checks.is_valid(problems)


def test_an_ambiguous_example_is_a_note_with_both_scores(edited: tuple[Path, list[Problem]]) -> None:
    """The bot asking which of two topics was meant is accepted behaviour: a note, not a warning."""
    kb, _ = edited
    # without the n-gram vote nothing settles the tie between the two copies
    _, problems = checks.validate(kb, Settings(classifier=0), today=dt.date(2026, 11, 25))
    p = _find(problems, "zjtx.yaml", "'请问高企怎么申报' is ambiguous")
    assert p.severity == checks.NOTE
    assert "high_tech_enterprise 100.0" in p.message and "zjtx 100.0" in p.message


def test_a_copy_the_vote_settles_is_an_error_naming_where_it_goes(edited: tuple[Path, list[Problem]]) -> None:
    """高企's other examples lean to high_tech_enterprise: the n-gram vote answers the copy there, not as zjtx."""
    _, problems = edited
    p = _find(problems, "zjtx.yaml", "sends '请问高企怎么申报' to high_tech_enterprise 100.0")
    assert p.severity == checks.ERROR and "+ngram:" in p.message


def test_a_section_over_the_wechat_limit(edited: tuple[Path, list[Problem]]) -> None:
    kb, problems = edited
    over = [p for p in problems if p.file.endswith("rd_reserve.yaml") and "申报材料" in p.message]
    assert [p.severity for p in over] == [checks.WARNING], [str(p) for p in over]
    assert "bytes" in over[0].message and "WeChat" in over[0].message
    lines = (kb / "topics" / "rd_reserve.yaml").read_text(encoding="utf-8").splitlines()
    assert "name: 申报材料" in lines[over[0].line - 1]


def test_limits_count_bytes_for_wechat_and_characters_for_telegram() -> None:
    text = "字" * 1000
    assert checks.LIMITS["WeChat"].measure(text) == 3000 > checks.LIMITS["WeChat"].size
    assert checks.LIMITS["Telegram"].measure(text) == 1000 < checks.LIMITS["Telegram"].size


def test_criteria_without_a_source(edited: tuple[Path, list[Problem]]) -> None:
    _, problems = edited
    asked = _find(problems, "policy_match.yaml", "'asked_only' is asked")
    assert asked.field.startswith("questionnaire[") and asked.severity == checks.WARNING
    unused = _find(problems, "criteria/test_only.yaml", "'never_used' is defined")
    assert unused.field == "criteria.never_used" and unused.line == 6


def test_the_loaders_errors_come_first_and_stop(tmp_path: Path) -> None:
    kb = copy_knowledge(tmp_path)
    (kb / "topics" / "zjtx.yaml").write_text("id: zjtx\ntitle: [unclosed\n", encoding="utf-8")
    kn, problems = checks.validate(kb)
    assert kn is None
    assert any(p.file.endswith("zjtx.yaml") and p.field == "(syntax)" for p in problems)
    assert checks.format_problem(problems[0]) == str(problems[0])


def _broken(tmp_path: Path, file: str, line: int, edit: Callable[[str], str]) -> list[Problem]:
    """Validate a copy of the bundled knowledge with line ``line`` (1-based) of ``file`` edited."""
    kb = copy_knowledge(tmp_path)
    path = kb / file
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = edit(lines[line - 1])
    path.write_text("\n".join(lines), encoding="utf-8")
    return checks.validate(kb)[1]


def _example_line(file: str, n: int = 1) -> int:
    """The line of the n-th item (0-based) of ``examples:`` in a bundled file."""
    lines = (BUNDLED / file).read_text(encoding="utf-8").split("\n")
    return lines.index("examples:") + 2 + n


def test_a_list_item_indented_one_space_more_is_named_with_its_line(tmp_path: Path) -> None:
    file = "topics/rd_reserve.yaml"
    line = _example_line(file)
    problems = _broken(tmp_path, file, line, lambda s: " " + s)
    (p,) = [p for p in problems if p.severity == checks.ERROR]
    first, second = (BUNDLED / file).read_text(encoding="utf-8").split("\n")[line - 2 : line]
    assert p.file.endswith(file) and p.line == line and p.field == "examples[0]"
    assert f"'{first.removeprefix('  - ')} - {second.removeprefix('  - ')}'" in p.message
    assert f"line {line}" in p.message and "same column" in p.message


def test_a_quoted_dash_in_an_item_is_fine(tmp_path: Path) -> None:
    file = "topics/rd_reserve.yaml"
    problems = _broken(tmp_path, file, _example_line(file), lambda s: s.replace("- ", '- "A - ', 1) + '"')
    assert [p for p in problems if p.severity == checks.ERROR] == []


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda s: s.replace(": ", ": 注意: ", 1), "a colon followed by a space inside a value"),
        (lambda s: s.replace(": ", ":", 1), "missing space after a colon"),
        (lambda s: "\t" + s.lstrip(), "a tab character"),
        (lambda s: s.replace(": ", ': "', 1), "a quote opened on this line is never closed"),
    ],
    ids=["colon-in-text", "no-space-after-colon", "tab", "unclosed-quote"],
)
def test_a_yaml_syntax_error_is_explained_in_plain_words(
    tmp_path: Path, edit: Callable[[str], str], words: str
) -> None:
    file = "topics/rd_reserve.yaml"
    text = (BUNDLED / file).read_text(encoding="utf-8").split("\n")
    line = next(n for n, s in enumerate(text, 1) if s.startswith("summary: "))
    problems = _broken(tmp_path, file, line, edit)
    assert len(problems) == 1, [str(p) for p in problems]  # no schema or cross-reference echo after it
    (p,) = problems
    assert p.file.endswith(file) and p.line == line and p.field == "(syntax)"
    assert words in p.message and f"The line reads: {edit(text[line - 1]).strip()!r}" in p.message
    assert "(parser: " in p.message


def test_an_unreadable_criteria_file_is_one_problem_not_an_echo_per_use(tmp_path: Path) -> None:
    problems = _broken(tmp_path, "criteria/common.yaml", 1, lambda s: "\t" + s)
    assert [(p.file.endswith("criteria/common.yaml"), p.field) for p in problems] == [(True, "(syntax)")]
