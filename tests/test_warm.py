"""The knowledge cache between runs (bot.warm): a second start answers the same, and never from stale YAML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import warm
from bot.engine import open_engine
from bot.models import Inbound
from knowledge.loader import BUNDLED, KnowledgeError


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled knowledge, with the cache on and kept under ``tmp_path``."""
    monkeypatch.setenv("POLICYBOT_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "knowledge"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def ask(root: Path, db: Path, text: str) -> str:
    engine = open_engine(root, db)
    try:
        return engine.respond(Inbound("cli", "ask-0", text), log=False).text
    finally:
        engine.storage.close()


def test_a_second_start_answers_from_the_cache(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = ask(folder, tmp_path / "a.db", "专精特新要什么条件")
    assert warm.cache_file().is_file()

    def no_loading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the knowledge was read again")

    monkeypatch.setattr(warm, "load", no_loading)
    assert ask(folder, tmp_path / "b.db", "专精特新要什么条件") == first


def test_an_edited_topic_is_answered_at_the_next_start(folder: Path, tmp_path: Path) -> None:
    assert "小巨人培育版" not in ask(folder, tmp_path / "a.db", "专精特新要什么条件")
    topic = folder / "topics" / "zjtx.yaml"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("title: 专精特新中小企业认定", "title: 小巨人培育版专精特新中小企业认定", 1), "utf-8")
    assert "小巨人培育版" in ask(folder, tmp_path / "b.db", "专精特新要什么条件")


def test_broken_yaml_is_reported_even_after_a_good_start(folder: Path, tmp_path: Path) -> None:
    ask(folder, tmp_path / "a.db", "专精特新要什么条件")
    (folder / "topics" / "zjtx.yaml").write_text("title: [unclosed\n", "utf-8")
    with pytest.raises(KnowledgeError) as err:
        open_engine(folder, tmp_path / "b.db")
    assert "topics/zjtx.yaml" in str(err.value)


def test_a_damaged_cache_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    first = ask(folder, tmp_path / "a.db", "高企要什么条件")
    warm.cache_file().write_bytes(b"not a pickle")
    assert ask(folder, tmp_path / "b.db", "高企要什么条件") == first
    assert warm.cache_file().read_bytes() != b"not a pickle"


def test_the_cache_can_be_turned_off(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYBOT_CACHE", "0")
    ask(folder, tmp_path / "a.db", "高企要什么条件")
    assert not warm.cache_file().exists()
