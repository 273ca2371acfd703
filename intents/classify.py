"""A character n-gram naive Bayes classifier, trained when the knowledge loads from its example questions only.

It is one voter beside the alias and example evidence of ``intents.match``: a linear model over the TF-IDF
weights of a message's character 1–3-grams (as scikit-learn's ``TfidfVectorizer(analyzer="char_wb",
sublinear_tf=True)`` and ``MultinomialNB`` compute them), written in plain Python so that loading stays fast and
a message is scored only against the few intents the matcher already has in view.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

MIN_N = 1
MAX_N = 3
"""Character n-gram lengths the classifier reads (a word is padded with a space at each end, so 高企 gives ` 高`)."""
SMOOTHING = 0.05
"""Additive (Lidstone) smoothing of every n-gram's weight in every intent; small: the examples are few and short."""


def ngrams(text: str) -> Counter[str]:
    """Character 1–3-grams of every whitespace-separated word of ``text``, each word padded by one space per end."""
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        for n in range(MIN_N, MAX_N + 1):
            grams += [padded[i : i + n] for i in range(max(1, len(padded) - n + 1))]
    return Counter(grams)


@dataclass(frozen=True)
class Vote:
    """The classifier's choice among some labels, and by how much (natural-log likelihood over the runner-up)."""

    label: str
    margin: float


class NgramClassifier:
    """Multinomial naive Bayes over TF-IDF weighted character n-grams; a linear model, trained in one pass."""

    def __init__(self, examples: Iterable[tuple[str, str]]):
        """Train on ``(label, text)`` pairs (texts already prepared by the matcher)."""
        # Each text's n-grams are made twice (for the document frequencies, then for the weights) rather than kept:
        # a large knowledge base's tables would otherwise be built beside all of its examples' n-grams.
        docs = [(label, text) for label, text in examples if text.strip()]
        df: Counter[str] = Counter()
        for _, text in docs:
            df.update(ngrams(text).keys())
        n = len(docs)
        self.idf = {g: math.log((1 + n) / (1 + k)) + 1 for g, k in df.items()}
        one = {g: g for g in self.idf}  # one string per n-gram, shared by every label's table (not one per example)
        # label → n-gram → summed weight, turned in place into the n-gram's lift in that label (below)
        lift: dict[str, dict[str, float]] = {}
        per_label: Counter[str] = Counter(label for label, _ in docs)
        for label, text in docs:
            weights = lift.setdefault(label, {})
            for g, w in self._vector(ngrams(text)).items():
                g = one[g]
                weights[g] = weights.get(g, 0.0) + w
        del docs, one
        vocabulary = len(self.idf)
        log, log_alpha = math.log, math.log(SMOOTHING)
        # log P(label) + (weight of the message) × log P(unseen n-gram | label) is what a label scores on n-grams
        # it never saw; each n-gram it saw adds its lift over that. Kept per label: a message is scored against a
        # few labels, and a large knowledge base holds far fewer labels than n-grams.
        self.prior = {label: log(k / n) for label, k in per_label.items()}
        self.unseen: dict[str, float] = {}
        for label, weights in lift.items():
            self.unseen[label] = log_alpha - log(sum(weights.values()) + SMOOTHING * vocabulary)
            for g, w in weights.items():
                weights[g] = log(w + SMOOTHING) - log_alpha
        self.lift = lift
        self.labels = list(self.prior)

    def _vector(self, grams: Counter[str]) -> dict[str, float]:
        """Sublinear TF × IDF of the known n-grams, scaled to unit length."""
        idf, log = self.idf, math.log
        weights = {g: idf[g] if k == 1 else (1 + log(k)) * idf[g] for g, k in grams.items() if g in idf}
        norm = math.hypot(*weights.values())
        return {g: w / norm for g, w in weights.items()} if norm else {}

    def scores(self, text: str, labels: Iterable[str] | None = None) -> dict[str, float]:
        """Log-likelihood of ``text`` (prepared) under each label (every label the examples had, by default)."""
        wanted = [lb for lb in dict.fromkeys(self.labels if labels is None else labels) if lb in self.prior]
        vector = self._vector(ngrams(text))
        weight = sum(vector.values())
        out = {}
        for lb in wanted:
            lift = self.lift[lb]
            seen = sum(w * lift[g] for g, w in vector.items() if g in lift)
            out[lb] = self.prior[lb] + weight * self.unseen[lb] + seen
        return out

    def vote(self, text: str, labels: Iterable[str] | None = None) -> Vote | None:
        """The most likely of ``labels`` (all by default) and its lead over the next; None if fewer than two."""
        ranked = sorted(self.scores(text, labels).items(), key=lambda p: (-p[1], p[0]))
        if len(ranked) < 2:
            return None
        return Vote(ranked[0][0], ranked[0][1] - ranked[1][1])
