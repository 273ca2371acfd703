"""The review inbox: similar questions grouped; a chosen example written into a YAML copy, comments kept."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from bot import review
from bot.cli import main
from bot.engine import Engine
from knowledge.loader import load
from tests.helpers import BACKENDS
from tests.staff_log import build_log, copy_db, copy_knowledge, log_copy

LOW_SCORE = 72.0


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine, _ = build_log(tmp_path_factory.mktemp("log") / "log.db")
    yield engine
    engine.storage.close()


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return copy_knowledge(tmp_path)


def _changed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


# -- grouping ------------------------------------------------------------------------------------------------
def _q(text: str, count: int = 1, category: str = "unanswered") -> review.Question:
    from intents.normalize import normalize

    return review.Question(normalize(text), text, count, category)


def test_similar_questions_form_one_group() -> None:
    questions = [
        _q("社保补贴怎么领取", 3),
        _q("社保补贴怎么领"),
        _q("社保补贴怎么领取呢"),
        _q("营业执照地址怎么变更", 2),
        _q("营业执照的地址怎么变更"),
        _q("今天天气怎么样"),
    ]
    groups = review.group_questions(questions)
    assert [(g.text, g.count) for g in groups] == [
        ("社保补贴怎么领取", 5),
        ("营业执照地址怎么变更", 3),
        ("今天天气怎么样", 1),
    ]
    assert groups[0].examples == ["社保补贴怎么领取", "社保补贴怎么领", "社保补贴怎么领取呢"]


def test_grouping_uses_the_matchers_preparation(log: Engine) -> None:
    questions = [_q("请问社保补贴怎么领取", 2), _q("你好，社保补贴怎么领取呢")]
    assert len(review.group_questions(questions)) == 2
    assert len(review.group_questions(questions, prepare=log.index.prepare)) == 1


def test_inbox_holds_unanswered_low_confidence_and_useless(log: Engine) -> None:
    groups = review.inbox(log.storage.db.conn, LOW_SCORE, prepare=log.index.prepare)
    categories = {c for g in groups for c in g.categories}
    assert categories == {"unanswered", "low_confidence", "useless"}
    assert [g.count for g in groups] == sorted((g.count for g in groups), reverse=True)
    texts = " ".join(t for g in groups for t in g.examples)
    assert "社保补贴" not in texts, "questions the knowledge files as out of scope are not in the inbox"
    useless = [g for g in groups if g.categories["useless"]]
    assert all(not g.text.isdigit() for g in useless), "the question asked, not the number picked"


# -- writing examples ----------------------------------------------------------------------------------------
def test_add_example_to_a_block_list_keeps_everything_else(kb: Path) -> None:
    path = kb / "topics" / "zjtx.yaml"
    before = path.read_text(encoding="utf-8")
    review.add_example(kb, "zjtx", "专精特新今年哪天截止申报")
    after = path.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == ["+  - 专精特新今年哪天截止申报"]
    lines = after.splitlines()
    new = lines.index("  - 专精特新今年哪天截止申报")
    assert lines[new - 1].startswith("  - ") and lines[new + 1] in ("", "sources:"), "right after the last example"
    assert "专精特新今年哪天截止申报" in load(kb).topics["zjtx"].examples


def test_add_example_to_a_flow_list(kb: Path) -> None:
    path = kb / "topics" / "greeting.yaml"
    before = path.read_text(encoding="utf-8")
    review.add_example(kb, "greeting", "老师早上好呀")
    changed = _changed_lines(before, path.read_text(encoding="utf-8"))
    assert len(changed) == 2 and changed[0].startswith("-examples: [") and changed[1].endswith(", 老师早上好呀]")


def test_add_example_keeps_comments_in_and_after_the_list(kb: Path) -> None:
    path = kb / "topics" / "rd_reserve.yaml"
    text = path.read_text(encoding="utf-8")
    examples = yaml.safe_load(text)["examples"]
    last = f"  - {examples[-1]}"
    assert last in text
    text = text.replace("examples:\n", "examples:\n  # 企业常问的说法（热线记录整理）\n", 1)
    text = text.replace(last + "\n", last + "  # 来自热线\n\n# 以下是来源\n", 1)
    path.write_text(text, encoding="utf-8")
    review.add_example(kb, "rd_reserve", "研发准备金补助今年还有吗")
    after = path.read_text(encoding="utf-8")
    assert _changed_lines(text, after) == ["+  - 研发准备金补助今年还有吗"]
    assert f"{last}  # 来自热线\n  - 研发准备金补助今年还有吗\n\n# 以下是来源\n" in after
    assert "  # 企业常问的说法（热线记录整理）\n" in after


def test_add_example_out_of_scope(kb: Path) -> None:
    review.add_example(kb, review.OUT_OF_SCOPE, "社保卡丢了怎么补办")
    assert "社保卡丢了怎么补办" in load(kb).out_of_scope


def test_every_file_takes_an_example_without_reformatting(kb: Path) -> None:
    """A staff edit elsewhere in a file (a long list, a trigger) must not leave it in a form the review tool cannot
    write back: each topic's file, and out_of_scope.yaml, takes one more example."""
    for n, intent in enumerate([*load(kb).topics, review.OUT_OF_SCOPE]):
        review.add_example(kb, intent, f"第{n}号试加的例句", check=False)


def test_add_example_refuses_what_would_break_the_knowledge(kb: Path) -> None:
    path = kb / "topics" / "zjtx.yaml"
    before = path.read_text(encoding="utf-8")
    other = load(kb).topics["high_tech_enterprise"].examples[0]
    with pytest.raises(review.ExampleError, match="also appears"):
        review.add_example(kb, "zjtx", other)
    assert path.read_text(encoding="utf-8") == before, "restored"
    with pytest.raises(review.ExampleError, match="already an example"):
        review.add_example(kb, "zjtx", load(kb).topics["zjtx"].examples[0])
    little = kb / "topics" / "little_giant.yaml"
    unchanged = little.read_text(encoding="utf-8")
    with pytest.raises(review.ExampleError, match="sends '请问小巨人奶粉好不好' to out of scope"):
        review.add_example(kb, "little_giant", "请问小巨人奶粉好不好")
    assert little.read_text(encoding="utf-8") == unchanged, "an example the matcher would send elsewhere"
    with pytest.raises(review.ExampleError, match="no file"):
        review.add_example(kb, "no_such_intent", "随便问问")


# -- the commands ----------------------------------------------------------------------------------------------
def _cli(kb: Path, db: Path | str, *args: str, input: str | None = None) -> Any:
    result = CliRunner().invoke(main, ["--knowledge", str(kb), "--db", str(db), *args], input=input)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("backend", BACKENDS)
def test_review_files_a_group_and_it_leaves_the_inbox(backend: str, log: Engine, kb: Path, tmp_path: Path) -> None:
    first = review.inbox(log.storage.db.conn, LOW_SCORE, prepare=log.index.prepare)[0]
    with log_copy(log, backend, tmp_path) as db:
        result = _cli(kb, db, "review", input="o\n\nq\n")
        assert first.text in result.output and "out of scope" in result.output
        assert first.text in load(kb).out_of_scope
        engine_after = _inbox_texts(kb, db)
    assert first.text not in engine_after
    assert len(engine_after) >= 5


def _inbox_texts(kb: Path, db: Path | str) -> list[str]:
    from bot.store import report_connection

    conn = report_connection(db)
    try:
        return [g.text for g in review.inbox(conn, LOW_SCORE)]
    finally:
        conn.close()


def test_walk_offers_the_matchers_guesses_first(log: Engine, kb: Path, tmp_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(copy_db(log, tmp_path / "log.db"))
    groups = review.inbox(conn, LOW_SCORE, prepare=log.index.prepare)
    pinyin = next(g for g in groups if g.text.startswith("zhuan jing"))
    said: list[str] = []
    answers = iter(["9", "zjtx", "专精特新条件是什么样的"])

    def ask(prompt: str, default: str = "") -> str:
        return next(answers)

    def guesses(text: str) -> list[tuple[str, float]]:
        return [(c.intent, c.score) for c in log.index.match(text) if c.intent][:3]

    titles = {tid: t.title for tid, t in log.knowledge.topics.items()}
    result = review.walk([pinyin], kb, conn, guesses, titles, ask, said.append)
    assert result.added == 1
    assert any("没有这个选项" in line for line in said), "a bad choice is asked again"
    assert any(line.strip().startswith("1  ") for line in said)
    assert "专精特新条件是什么样的" in load(kb).topics["zjtx"].examples
    done = dict(conn.execute("SELECT normalized, intent FROM review_done").fetchall())
    assert done == {k: "zjtx" for k in pinyin.keys}
    conn.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_mine_writes_a_draft_that_review_can_apply(backend: str, log: Engine, kb: Path, tmp_path: Path) -> None:
    with log_copy(log, backend, tmp_path) as db:
        _mine_and_apply(log, kb, db, tmp_path)


def _mine_and_apply(log: Engine, kb: Path, db: Path | str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    _cli(kb, db, "mine", "--out", str(draft))
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# PolicyBot 待复核问题草稿")
    doc = yaml.safe_load(text)
    groups = doc["groups"]
    assert len(groups) == len(review.inbox(log.storage.db.conn, LOW_SCORE, prepare=log.index.prepare))
    assert all(g["intent"] is None and g["count"] >= 1 and g["examples"] for g in groups)
    assert all(isinstance(g["guesses"], list) for g in groups)
    target = next(g for g in groups if "搬迁" in g["text"])
    target["intent"] = review.OUT_OF_SCOPE
    draft.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = _cli(kb, db, "review", "--apply", str(draft))
    assert f"added {target['text']!r} → out_of_scope" in result.output
    assert target["text"] in load(kb).out_of_scope
    assert target["text"] not in _inbox_texts(kb, db)


def test_a_question_that_is_already_an_example_leaves_the_inbox(log: Engine, kb: Path, tmp_path: Path) -> None:
    import sqlite3

    from intents.normalize import normalize

    conn = sqlite3.connect(copy_db(log, tmp_path / "log.db"))
    existing = load(kb).topics["zjtx"].examples[0]
    group = review.Group(existing, count=2, examples=[existing], keys=[normalize(existing)])
    answers = iter(["zjtx", existing])
    said: list[str] = []
    result = review.walk(
        [group], kb, conn, lambda text: [], {"zjtx": "专精特新"}, lambda prompt, default="": next(answers), said.append
    )
    assert (result.added, result.confirmed) == (0, 1)
    assert conn.execute("SELECT decision FROM review_done").fetchall() == [("confirmed",)]
    conn.close()


def test_word_order_variants_form_one_group() -> None:
    questions = [_q("智能工厂奖励有吗", 2), _q("智能工厂有没有奖励"), _q("专精特新怎么申报"), _q("小巨人怎么申报")]
    groups = review.group_questions(questions)
    assert [(g.text, g.count) for g in groups] == [
        ("智能工厂奖励有吗", 3),
        ("专精特新怎么申报", 1),
        ("小巨人怎么申报", 1),
    ]
    assert groups[0].examples == ["智能工厂奖励有吗", "智能工厂有没有奖励"]


def test_a_masked_question_is_offered_without_the_mask(log: Engine, kb: Path, tmp_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(copy_db(log, tmp_path / "log.db"))
    masked = review.Group("[手机号] 我想咨询一下首台套", count=1, examples=["[手机号] 我想咨询一下首台套"], keys=["x"])
    answers = iter(["first_set_equipment", "[手机号] 首台套", "first_set_equipment", None])
    prompts: list[tuple[str, str]] = []
    said: list[str] = []

    def ask(prompt: str, default: str = "") -> str:
        prompts.append((prompt, default))
        answer = next(answers)
        return default if answer is None else answer

    titles = {"first_set_equipment": "首台套"}
    result = review.walk([masked], kb, conn, lambda text: [], titles, ask, said.append)
    conn.close()
    assert result.added == 1
    assert prompts[1][1] == "我想咨询一下首台套", "the example offered has no mask"
    assert any("打码" in line for line in said), "an example typed with a mask is asked again"
    file = (kb / "topics" / "first_set_equipment.yaml").read_text(encoding="utf-8")
    assert "我想咨询一下首台套" in file and "[手机号]" not in file
    with pytest.raises(review.ExampleError, match=r"\[手机号\]"):
        review.add_example(kb, "first_set_equipment", "[手机号] 首台套补贴多少")


def test_mine_writes_the_text_without_masks(log: Engine, kb: Path, tmp_path: Path) -> None:
    import sqlite3

    from bot.storage import mask

    db = copy_db(log, tmp_path / "log.db")
    with sqlite3.connect(db) as conn:  # as the log keeps questions that came with a phone number
        conn.execute("UPDATE turns SET text = ? || text WHERE text LIKE '搬迁%'", [mask("13812345678 ")])
        masked = [g.text for g in review.inbox(conn, LOW_SCORE) if review.MASKED.search(g.text)]
    assert len(masked) == 1 and masked[0].startswith("[手机号] 搬迁")
    draft = tmp_path / "draft.yaml"
    _cli(kb, db, "mine", "--out", str(draft))
    doc = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert not any(review.MASKED.search(g["text"]) for g in doc["groups"])
    target = next(g for g in doc["groups"] if g["text"] == masked[0].removeprefix("[手机号] "))
    target["intent"] = review.OUT_OF_SCOPE
    draft.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert f"added {target['text']!r} → out_of_scope" in _cli(kb, db, "review", "--apply", str(draft)).output
    assert target["text"] in load(kb).out_of_scope and masked[0] not in _inbox_texts(kb, db)
    every = mask(
        "电话023-68123456 身份证110101199003071234 卡6222021234567890123 91500000MA5U1234X5 a@b.cn 13812345678"
    )
    assert review.unmasked(every + " 首台套") == "电话 身份证 卡 首台套", "every placeholder mask() writes is known"
