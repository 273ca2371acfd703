"""The n-gram classifier: learnt from the examples only, one voter beside aliases and examples, never alone."""

from __future__ import annotations

import math

import pytest

from bot.engine import build_index
from bot.settings import Settings
from intents.classify import NgramClassifier, ngrams
from intents.match import OUT_OF_SCOPE, Index, Thresholds
from knowledge.loader import load

EXAMPLES = {
    "rd_reserve": [
        "研发准备金补助怎么申请",
        "研发准备金按什么比例补助",
        "企业研发准备金制度怎么建立",
        "准备金补助每年什么时候申请",
    ],
    "standards": [
        "主导制定国家标准有奖励吗",
        "参与制定行业标准有补贴吗",
        "团体标准可以申请奖励吗",
        "标准化奖励怎么申报",
    ],
    OUT_OF_SCOPE: ["明天天气怎么样", "股票怎么买", "附近有什么好吃的", "电影票多少钱"],
}
ALIASES = {"rd_reserve": ["研发准备金"], "standards": ["标准奖励"]}


def index(classifier: bool = True, **margins: float) -> Index:
    return Index(ALIASES, EXAMPLES, thresholds=Thresholds(**margins), classifier=classifier)


def decide(idx: Index, text: str) -> tuple[str | None, str, str]:
    decision = idx.decide(idx.match(text))
    return decision.intent, decision.reason, decision.top[0].via if decision.top else ""


def test_ngrams_are_padded_words_of_one_to_three_characters() -> None:
    assert ngrams("高企") == {" ": 2, "高": 1, "企": 1, " 高": 1, "高企": 1, "企 ": 1, " 高企": 1, "高企 ": 1}
    assert ngrams("") == {} and ngrams("   ") == {}


def test_classifier_learns_from_examples_a_paraphrase_they_do_not_contain() -> None:
    classifier = NgramClassifier((label, text) for label, texts in EXAMPLES.items() for text in texts)
    assert sorted(classifier.labels) == sorted(EXAMPLES)
    assert classifier.vote("准备金的补助比例是多少").label == "rd_reserve"  # type: ignore[union-attr]
    assert classifier.vote("我们定了行业标准 能拿多少奖励").label == "standards"  # type: ignore[union-attr]
    assert classifier.vote("周末有什么好看的电影").label == OUT_OF_SCOPE  # type: ignore[union-attr]


def test_classifier_scores_only_the_labels_asked_and_needs_two() -> None:
    classifier = NgramClassifier((label, text) for label, texts in EXAMPLES.items() for text in texts)
    assert set(classifier.scores("准备金", ["standards", "nobody"])) == {"standards"}
    assert classifier.vote("准备金", ["rd_reserve", "nobody"]) is None
    both = classifier.scores("准备金补助")
    assert classifier.scores("准备金补助", ["rd_reserve", "standards"]) == {
        k: both[k] for k in ("rd_reserve", "standards")
    }


def test_a_low_score_paraphrase_is_rescued_by_a_clear_lead() -> None:
    text = "准备金的补助比例是多少"
    assert decide(index(classifier=False), text)[:2] == (None, "low_score")
    intent, reason, via = decide(index(vote_rescue_margin=3.0), text)
    assert (intent, reason) == ("rd_reserve", "matched") and via.startswith("example:") and "+ngram:" in via
    assert decide(index(vote_rescue_margin=math.inf), text)[:2] == (None, "low_score")  # the lead is too small


def test_a_tie_is_settled_by_the_classifier_lead() -> None:
    text = "研发准备金和标准奖励"
    assert decide(index(classifier=False), text)[:2] == (None, "ambiguous")
    intent, reason, via = decide(index(), text)
    assert (intent, reason) == ("rd_reserve", "matched") and via.startswith("alias:研发准备金 +ngram:")
    assert decide(index(vote_settle_margin=math.inf), text)[:2] == (None, "ambiguous")


@pytest.mark.parametrize("text", ["周末有什么好看的电影", "股票行情怎么看", "asdfghjkl"])
def test_the_classifier_never_decides_alone_for_out_of_scope(text: str) -> None:
    """With no lead needed at all, out-of-scope messages still get the fallback: the vote is among candidates."""
    eager = index(vote_rescue_margin=0.0, vote_settle_margin=0.0)
    assert decide(eager, text)[0] is None
    assert decide(eager, text)[:2] == decide(index(classifier=False), text)[:2]


def test_a_confident_decision_is_left_as_it_is() -> None:
    for text in ("研发准备金补助怎么申请", "标准奖励 研发准备金按什么比例补助"):
        on, off = index(vote_rescue_margin=0.0, vote_settle_margin=0.0), index(classifier=False)
        assert on.match(text) == off.match(text)


def test_the_setting_turns_the_classifier_off() -> None:
    kn = load()
    assert build_index(kn, Settings()).classifier is not None
    assert build_index(kn, Settings(classifier=0)).classifier is None


def test_the_bundled_classifier_learns_only_the_knowledge_labels() -> None:
    kn = load()
    idx = build_index(kn, Settings())
    assert idx.classifier is not None
    assert set(idx.classifier.labels) == {*kn.topics, OUT_OF_SCOPE}
