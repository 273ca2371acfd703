"""Accuracy of the matcher on a labelled file: per-intent precision and recall, fallbacks, confusions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from intents.match import Index

FALLBACK = "(fallback)"
CLARIFY = "(clarify)"


@dataclass
class Report:
    """Figures from one evaluation run."""

    total: int = 0
    in_scope: int = 0
    in_scope_correct: int = 0
    in_scope_fallback: int = 0
    in_scope_clarify: int = 0
    out_scope: int = 0
    out_scope_fallback: int = 0
    per_intent: dict[str, dict[str, float]] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of in-scope questions sent to the right intent."""
        return self.in_scope_correct / self.in_scope if self.in_scope else 0.0

    @property
    def fallback_rate(self) -> float:
        """Share of in-scope questions wrongly sent to the fallback."""
        return self.in_scope_fallback / self.in_scope if self.in_scope else 0.0

    @property
    def oos_recall(self) -> float:
        """Share of out-of-scope questions sent to the fallback."""
        return self.out_scope_fallback / self.out_scope if self.out_scope else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly figures."""
        return {
            "total": self.total,
            "in_scope_accuracy": round(self.accuracy, 4),
            "in_scope_to_fallback": round(self.fallback_rate, 4),
            "in_scope_to_clarify": self.in_scope_clarify,
            "out_of_scope_to_fallback": round(self.oos_recall, 4),
            "per_intent": self.per_intent,
            "confusions": [{"expected": a, "got": b, "count": n} for (a, b), n in self.confusions.most_common()],
        }


def load_cases(path: Path) -> list[tuple[str, str | None]]:
    """``- text: …, intent: id|null`` items."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [(str(row["text"]), row.get("intent")) for row in data]


def evaluate(index: Index, path: Path) -> Report:
    """Match every case and count."""
    report = Report()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    expected_n: Counter[str] = Counter()
    for text, expected in load_cases(path):
        decision = index.decide(index.match(text))
        got = decision.intent or (CLARIFY if decision.reason == "ambiguous" else FALLBACK)
        report.total += 1
        exp = expected or FALLBACK
        expected_n[exp] += 1
        predicted[got] += 1
        if expected is None:
            report.out_scope += 1
            report.out_scope_fallback += got == FALLBACK
        else:
            report.in_scope += 1
            report.in_scope_correct += got == expected
            report.in_scope_fallback += got == FALLBACK
            report.in_scope_clarify += got == CLARIFY
        if got == exp:
            correct[exp] += 1
        else:
            report.confusions[(exp, got)] += 1
            report.errors.append((text, exp, got))
    for intent in sorted(set(expected_n) | set(predicted)):
        p = correct[intent] / predicted[intent] if predicted[intent] else 0.0
        r = correct[intent] / expected_n[intent] if expected_n[intent] else 0.0
        report.per_intent[intent] = {"precision": round(p, 3), "recall": round(r, 3), "n": expected_n[intent]}
    return report


def format_report(report: Report, show_errors: bool = False) -> str:
    """A plain-text table."""
    lines = [f"{'intent':26} {'n':>4} {'precision':>9} {'recall':>7}"]
    for intent, row in report.per_intent.items():
        lines.append(f"{intent:26} {int(row['n']):4d} {row['precision']:9.3f} {row['recall']:7.3f}")
    lines += [
        "",
        f"questions: {report.total} ({report.in_scope} in scope, {report.out_scope} out of scope)",
        f"in-scope to the right intent: {report.accuracy:.1%}",
        f"in-scope wrongly to the fallback: {report.fallback_rate:.1%}",
        f"in-scope to a clarifying question: {report.in_scope_clarify}",
        f"out-of-scope to the fallback: {report.oos_recall:.1%}",
        "",
        "confusions (expected → got):",
    ]
    lines += [f"  {a} → {b}: {n}" for (a, b), n in report.confusions.most_common(25)]
    if show_errors:
        lines += ["", "errors:"] + [f"  [{e} → {g}] {t}" for t, e, g in report.errors]
    return "\n".join(lines)
