"""Match a message to intents: a ranked, explainable candidate list, then a decision with a reason."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from intents import pinyin
from intents.normalize import normalize

OUT_OF_SCOPE = "__out_of_scope__"
"""Internal label of the negative examples; surfaces as intent ``None``."""

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
MIN_PINYIN_ALIAS = 3
"""Aliases shorter than this many characters are not matched by sound (加计 ≈ 假期)."""
MAX_POSTINGS = 4000
"""A bigram shared by more examples than this says little; it is skipped when shortlisting."""
SHORTLIST = 120
"""How many examples (most bigrams in common) are scored with rapidfuzz."""


@dataclass(frozen=True)
class Candidate:
    """One intent the message may mean, with the evidence: ``via="alias:加计扣除"``."""

    intent: str | None
    score: float
    via: str

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly form."""
        return {"intent": self.intent, "score": round(self.score, 1), "via": self.via}


@dataclass(frozen=True)
class Decision:
    """What the engine should do with a message, and why."""

    intent: str | None
    reason: str  # matched | ambiguous | low_score | out_of_scope | empty
    top: list[Candidate] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Score of the best candidate (0 when there is none)."""
        return self.top[0].score if self.top else 0.0


@dataclass(frozen=True)
class Thresholds:
    """The numbers ``decide`` and scoring use (from Settings)."""

    min_score: float = 62.0
    min_margin: float = 4.0
    clarify_max: int = 3
    alias_score: float = 86.0
    alias_bonus_per_char: float = 2.0
    pinyin_penalty: float = 4.0


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


class Index:
    """Aliases (by text and by sound) and examples (by bigram) of every intent, ready to match."""

    def __init__(
        self,
        aliases: Mapping[str, Iterable[str]],
        examples: Mapping[str, Iterable[str]],
        fillers: Iterable[str] = (),
        synonyms: Mapping[str, Iterable[str]] | None = None,
        thresholds: Thresholds | None = None,
    ):
        self.t = thresholds or Thresholds()
        self.synonyms = sorted(
            ((normalize(v), normalize(k)) for k, vs in (synonyms or {}).items() for v in vs),
            key=lambda p: -len(p[0]),
        )
        self.fillers = sorted({normalize(f) for f in fillers if normalize(f)}, key=len, reverse=True)
        self.alias: dict[str, set[str]] = defaultdict(set)
        self.alias_sound: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
        for intent, names in aliases.items():
            for name in names:
                norm = self.prepare(name, strip=False)
                if not norm:
                    continue
                self.alias[norm].add(intent)
                if len(norm) >= MIN_PINYIN_ALIAS:
                    self.alias_sound[tuple(pinyin.syllables(norm))].add((intent, name))
        self.max_alias = max((len(a) for a in self.alias), default=0)
        self.max_sound = max((len(a) for a in self.alias_sound), default=0)
        self.examples: list[tuple[str, str, str]] = []  # (intent, prepared text, original)
        postings: dict[str, list[int]] = defaultdict(list)
        for intent, texts in examples.items():
            for text in texts:
                prepared = self.prepare(text)
                if not prepared:
                    continue
                idx = len(self.examples)
                self.examples.append((intent, prepared, text))
                for gram in _bigrams(prepared):
                    postings[gram].append(idx)
        self.postings = dict(postings)

    def prepare(self, text: str, strip: bool = True) -> str:
        """Normalise, unify synonyms and numbers, and drop greetings and fillers (unless nothing else is left)."""
        out = normalize(text)
        for variant, canonical in self.synonyms:
            if variant in out:
                out = out.replace(variant, canonical)
        out = _NUMBER.sub("0", out)
        if strip:
            stripped = out
            for filler in self.fillers:
                stripped = stripped.replace(filler, "")
            if len(stripped) >= 2:
                out = stripped
        return out

    def match(self, text: str, limit: int = 5) -> list[Candidate]:
        """Rank intents for ``text``; the best evidence per intent, highest score first."""
        query = self.prepare(text)
        if not query:
            return []
        best: dict[str | None, Candidate] = {}

        def offer(intent: str, score: float, via: str) -> None:
            key = None if intent == OUT_OF_SCOPE else intent
            score = min(score, 100.0)
            if key not in best or score > best[key].score:
                best[key] = Candidate(key, score, via)

        for intent, score, via in self._alias_hits(query):
            offer(intent, score, via)
        for intent, score, via in self._example_hits(query):
            offer(intent, score, via)
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.intent or ""))
        return ranked[:limit]

    def _alias_hits(self, query: str) -> list[tuple[str, float, str]]:
        spans: list[tuple[int, int, str, float, str]] = []
        n = len(query)
        for i in range(n):
            for j in range(i + 2, min(n, i + self.max_alias) + 1):
                for intent in self.alias.get(query[i:j], ()):
                    score = self.t.alias_score + self.t.alias_bonus_per_char * min(j - i, 6)
                    spans.append((i, j, intent, score, f"alias:{query[i:j]}"))
        sounds = pinyin.syllables(query)
        for i in range(n):
            for j in range(i + MIN_PINYIN_ALIAS, min(n, i + self.max_sound) + 1):
                for intent, name in self.alias_sound.get(tuple(sounds[i:j]), ()):
                    score = self.t.alias_score + self.t.alias_bonus_per_char * min(j - i, 6) - self.t.pinyin_penalty
                    spans.append((i, j, intent, score, f"pinyin:{name}"))
        # A hit inside a longer hit of another intent does not count (专精特新 inside 专精特新小巨人).
        kept = []
        for span in spans:
            i, j, intent = span[:3]
            inside = any(a <= i and j <= b and (b - a) > (j - i) and other != intent for a, b, other, *_ in spans)
            if not inside:
                kept.append((intent, span[3], span[4]))
        return kept

    def _example_hits(self, query: str) -> list[tuple[str, float, str]]:
        counts: Counter[int] = Counter()
        for gram in _bigrams(query):
            posting = self.postings.get(gram)
            if posting and len(posting) <= MAX_POSTINGS:
                counts.update(posting)
        hits = []
        for idx, _ in counts.most_common(SHORTLIST):
            intent, prepared, original = self.examples[idx]
            score = fuzz.WRatio(query, prepared)
            hits.append((intent, score, f"example:{original}"))
        return hits

    def decide(self, candidates: list[Candidate]) -> Decision:
        """Turn ranked candidates into an answer, a clarifying question or a fallback, with the reason."""
        if not candidates:
            return Decision(None, "empty", [])
        top = candidates[0]
        shown = candidates[: self.t.clarify_max]
        if top.score < self.t.min_score:
            return Decision(None, "low_score", shown)
        if top.intent is None:
            return Decision(None, "out_of_scope", shown)
        close = [c for c in candidates[1:] if c.intent and top.score - c.score < self.t.min_margin]
        if close and close[0].score >= self.t.min_score:
            options = [top, *close][: self.t.clarify_max]
            return Decision(None, "ambiguous", options)
        return Decision(top.intent, "matched", shown)
