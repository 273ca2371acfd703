"""Accuracy of the matcher on a labelled file: per-intent precision and recall, fallbacks, confusions."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
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
    sectioned: int = 0
    """In-scope questions labelled with the part they ask (申报材料, 政策依据 …)."""
    section_correct: int = 0
    section_led: int = 0
    """Of those, replies that lead with the part asked, the overview counting for 政策要点 (it opens with them)."""
    section_errors: list[tuple[str, str, str]] = field(default_factory=list)
    reply_lines: list[int] = field(default_factory=list)
    """Lines of each first reply to an in-scope question (options included), as a phone shows them."""
    reply_options: list[int] = field(default_factory=list)

    @property
    def section_accuracy(self) -> float | None:
        """Share of questions about one part whose reply leads with that part (None: no replies were made)."""
        return self.section_correct / self.sectioned if self.sectioned and self.reply_lines else None

    @property
    def section_led_accuracy(self) -> float | None:
        """Like ``section_accuracy``, with the overview right for a question of 政策要点: it leads with them."""
        return self.section_led / self.sectioned if self.sectioned and self.reply_lines else None

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

    def lengths(self) -> dict[str, float]:
        """Median and 90th percentile of reply lines, median of numbered options."""
        if not self.reply_lines:
            return {}
        lines = sorted(self.reply_lines)
        return {
            "reply_lines_median": statistics.median(lines),
            "reply_lines_p90": lines[int(0.9 * (len(lines) - 1))],
            "options_median": statistics.median(self.reply_options),
        }

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly figures."""
        section, led = self.section_accuracy, self.section_led_accuracy
        return {
            "section_accuracy": None if section is None else round(section, 4),
            "section_led_accuracy": None if led is None else round(led, 4),
            "sectioned": self.sectioned,
            **self.lengths(),
            "total": self.total,
            "in_scope_accuracy": round(self.accuracy, 4),
            "in_scope_to_fallback": round(self.fallback_rate, 4),
            "in_scope_to_clarify": self.in_scope_clarify,
            "out_of_scope_to_fallback": round(self.oos_recall, 4),
            "per_intent": self.per_intent,
            "confusions": [{"expected": a, "got": b, "count": n} for (a, b), n in self.confusions.most_common()],
        }


OVERVIEW_LEADS = "政策要点"
"""The section a topic's overview opens with (its summary and first 政策要点)."""


def read_corpus(path: Path) -> Any:
    """A corpus file's YAML, read with libyaml's safe loader where PyYAML has it (the corpora are large)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_cases(path: Path) -> list[tuple[str, str | None, str | None]]:
    """``- text: …, intent: id|null, section: name|null`` items (section optional)."""
    data = read_corpus(path) or []
    return [(str(row["text"]), row.get("intent"), row.get("section")) for row in data]


Replier = Callable[[str, int], Any]
"""``(text, n) -> Reply``: the first reply of a fresh conversation (the engine, for sections and lengths)."""


def evaluate(index: Index, path: Path, reply: Replier | None = None) -> Report:
    """Match every case and count.

    With ``reply``, the engine's first reply is judged instead of the matcher alone, as a user would see it: the
    intent it answers (context rules included), the part it leads with, and its length.
    """
    report = Report()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    expected_n: Counter[str] = Counter()
    for n, (text, expected, section) in enumerate(load_cases(path)):
        if reply is not None:  # what the user sees: the engine's first reply, context rules included
            first = reply(text, n)
            got = first.intent or (CLARIFY if first.act == "clarify" else FALLBACK)
            if expected is not None:
                report.reply_lines.append(first.text.count("\n") + 1)
                report.reply_options.append(len(first.options))
            if expected is not None and section:
                report.sectioned += 1
                report.section_correct += first.section == section and first.intent == expected
                overview = first.section is None and first.kind == "answer" and section == OVERVIEW_LEADS
                report.section_led += (first.section == section or overview) and first.intent == expected
                if first.section != section:
                    report.section_errors.append((text, section, str(first.section)))
        else:  # the matcher alone
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
    ]
    if report.section_accuracy is not None:
        lines.append(f"questions about one part answered with that part first: {report.section_accuracy:.1%}")
        led = report.section_led_accuracy or 0.0
        lines.append(f"  … counting the overview as leading with 政策要点: {led:.1%}")
    if report.reply_lines:
        sizes = report.lengths()
        lines.append(
            f"first reply: median {sizes['reply_lines_median']} lines, 90th percentile {sizes['reply_lines_p90']}, "
            f"median {sizes['options_median']} options"
        )
    lines += [
        "",
        "confusions (expected → got):",
    ]
    lines += [f"  {a} → {b}: {n}" for (a, b), n in report.confusions.most_common(25)]
    if show_errors:
        lines += ["", "errors:"] + [f"  [{e} → {g}] {t}" for t, e, g in report.errors]
        lines += ["", "section errors:"] + [f"  [{e} → {g}] {t}" for t, e, g in report.section_errors]
    return "\n".join(lines)
