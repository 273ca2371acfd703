"""The bundled knowledge honours the intent contract, and staff get precise errors for broken YAML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intents.normalize import normalize
from knowledge.contract import ALL_INTENTS, CONVERSATION_INTENTS, POLICY_INTENTS
from knowledge.loader import BUNDLED, KnowledgeError, load

KN = load()
MIN_EXAMPLES = 15


@pytest.mark.parametrize("intent", ALL_INTENTS)
def test_every_contract_intent_has_a_topic(intent: str) -> None:
    assert intent in KN.topics
    assert KN.files[intent] == f"knowledge/topics/{intent}.yaml"


@pytest.mark.parametrize("intent", POLICY_INTENTS)
def test_policy_topics_have_examples_and_sourced_sections(intent: str) -> None:
    topic = KN.topics[intent]
    assert len(topic.examples) >= MIN_EXAMPLES
    assert topic.sections, "a policy answers in sections"
    for section in topic.sections:
        for fact in section.items:
            src = KN.source(topic, fact.source)
            assert src.title
    names = {s.name for s in topic.sections}
    assert "政策要点" in names


@pytest.mark.parametrize("intent", [i for i in POLICY_INTENTS if KN.topics[i].checklist])
def test_checklist_criteria_are_typed_and_sourced(intent: str) -> None:
    topic = KN.topics[intent]
    for version in topic.checklist:
        for item in version.items:
            assert KN.source(topic, item.source)
            for cond in item.conditions():
                crit = KN.criteria[cond.criterion]
                assert crit.type in ("bool", "number", "choice")
                if crit.type == "number":
                    assert crit.unit
                assert crit.label, f"{cond.criterion} has no label: “已记下：…” would repeat its whole question"


def test_issue_two_policies_have_checklists() -> None:
    for intent in ("rd_deduction", "zjtx", "little_giant", "first_set_equipment", "high_tech_enterprise"):
        assert KN.topics[intent].checklist, intent


def test_versions_of_zjtx_and_little_giant_change_on_2026_04_01() -> None:
    import datetime as dt

    from bot.checklist import version_in_force

    for intent in ("zjtx", "little_giant"):
        topic = KN.topics[intent]
        new = version_in_force(topic, dt.date(2026, 4, 1))
        old = version_in_force(topic, dt.date(2026, 3, 31))
        assert new is not old
        assert any(c.date == dt.date(2026, 4, 1) for c in topic.changes)


def test_no_example_belongs_to_two_intents() -> None:
    seen: dict[str, str] = {}
    for tid, topic in KN.topics.items():
        for ex in topic.examples:
            assert seen.setdefault(normalize(ex), tid) == tid, f"{ex!r} in {tid} and {seen[normalize(ex)]}"


@pytest.mark.parametrize("intent", CONVERSATION_INTENTS)
def test_conversation_topics_reply(intent: str) -> None:
    topic = KN.topics[intent]
    assert topic.reply or topic.questionnaire


def test_annex_has_all_fifty_platforms_in_order() -> None:
    assert [p.seq for p in KN.platforms] == list(range(1, 51))
    assert {p.park for p in KN.platforms} <= {p.name for p in KN.parks}


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def test_broken_yaml_names_file_line_and_field(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "topics" / "zjtx.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(
        i
        for i, line in enumerate(lines)
        if line.strip().startswith("value:") and line.strip()[6:].strip()[:1].isdigit()
    )
    lines[target] = lines[target].split("value:")[0] + 'value: "3%"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad_topic = root / "topics" / "rd_reserve.yaml"
    bad_topic.write_text(bad_topic.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    problems = [str(p) for p in err.value.problems]
    assert any(
        p.startswith(f"knowledge/topics/zjtx.yaml:{target + 1} ") and "value" in p and "3%" in p for p in problems
    ), problems
    assert any("rd_reserve.yaml" in p and "titel" in p and "unknown field" in p for p in problems), problems
    assert any("rd_reserve.yaml" in p and "title" in p and "required" in p for p in problems), problems


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "topics" / "thanks.yaml").write_text("id: thanks\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    assert any(p.file.endswith("thanks.yaml") and p.line >= 2 for p in err.value.problems)


def test_unknown_source_and_criterion_are_reported(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "topics" / "rd_deduction.yaml"
    text = path.read_text(encoding="utf-8").replace("criterion: resident_audit", "criterion: resident_audits", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    assert any("resident_audits" in str(p) and "rd_deduction.yaml" in p.file for p in err.value.problems)


def test_an_id_outside_the_contract_is_an_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    src = (root / "topics" / "thanks.yaml").read_text(encoding="utf-8")
    (root / "topics" / "weather.yaml").write_text(src.replace("id: thanks", "id: weather"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    assert any("weather" in str(p) and "contract" in str(p) for p in err.value.problems)


def test_a_cue_list_for_an_unknown_section_names_its_line(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "messages.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("section_words:\n", "section_words:\n  申请条件: [门槛]\n", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    line = text.splitlines().index("section_words:") + 2  # the line written below it
    assert any(
        p.file.endswith("messages.yaml") and p.line == line and "申请条件" in p.message for p in err.value.problems
    ), err.value.problems


def test_a_cue_under_two_sections_and_an_unread_fact_word_are_warnings(tmp_path: Path) -> None:
    from bot.checks import WARNING, _Lines, section_cues

    root = _copy(tmp_path)
    path = root / "messages.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  计算方法: [", "  计算方法: [补好多, ", 1
    )  # 补好多 = 补多少, a 政策要点 cue
    path.write_text(text.replace("fact_words: [", "fact_words: [保质期, ", 1), encoding="utf-8")
    kn = load(root)
    found = [p for p in section_cues(kn, _Lines(kn)) if p.severity == WARNING]
    assert any("补好多" in p.message and "政策要点" in p.message for p in found), found
    assert any("保质期" in p.message and p.field.startswith("fact_words") for p in found), found
    assert section_cues(KN, _Lines(KN)) == []


def test_no_example_repeats_a_question_of_the_blind_corpora() -> None:
    from bot.checks import _Lines, corpus_copies

    kn = load()
    assert corpus_copies(kn, _Lines(kn)) == []


def test_an_unknown_criterion_in_a_list_of_when_conditions_names_its_line(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "topics" / "little_giant.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(
        i for i, line in enumerate(lines) if line.strip().startswith("when: [") and "revenue_last_year" in line
    )
    lines[target] = lines[target].replace("revenue_last_year", "revenue_lastyear", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    assert any(
        p.file.endswith("little_giant.yaml") and "revenue_lastyear" in str(p) and p.line == target + 1
        for p in err.value.problems
    ), [str(p) for p in err.value.problems]


def test_a_criterion_computed_from_an_unknown_one_names_its_line(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "criteria" / "common.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if line.strip().startswith("growth_of:"))
    lines[target] = lines[target].replace("revenue_3y_ago", "revenue_3yago", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    assert any(
        p.file.endswith("common.yaml") and "revenue_3yago" in str(p) and "growth_of" in str(p)
        for p in err.value.problems
    ), [str(p) for p in err.value.problems]


def test_a_combination_of_one_group_names_its_line(tmp_path: Path) -> None:
    """``yes_when_also`` takes combinations of two or more groups; one group alone is a plain yes_words list."""
    root = _copy(tmp_path)
    path = root / "criteria" / "first.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if line.strip().startswith("yes_when_also:"))
    lines[target] = lines[target].split(":")[0] + ": [[[首次把, 第一次把]]]"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load(root)
    assert any(
        p.file.endswith("first.yaml") and "yes_when_also" in str(p) and p.line is not None for p in err.value.problems
    ), [str(p) for p in err.value.problems]
