"""Checks ``policybot validate`` adds to the loader's: matcher conflicts, channel length limits, unsourced criteria."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot import render
from bot.engine import build_index
from bot.settings import Settings
from intents.match import Index
from intents.normalize import normalize
from knowledge import yamlfile
from knowledge.loader import Knowledge, KnowledgeError, Problem, load
from knowledge.schema import Topic

ERROR, WARNING, NOTE = "error", "warning", "note"
"""An error stops the knowledge going live; a warning asks the officer to act; a note records a known, accepted
behaviour (shown by ``policybot validate --notes``) so that it does not bury the warnings."""


@dataclass(frozen=True)
class Limit:
    """A channel's limit on one text message."""

    size: int
    unit: str  # bytes | chars
    note: str

    def measure(self, text: str) -> int:
        """The size of ``text`` in this limit's unit."""
        return len(text.encode("utf-8")) if self.unit == "bytes" else len(text)


LIMITS = {
    "WeChat": Limit(
        2048,
        "bytes",
        "a WeChat text reply takes at most 2048 bytes (about 680 Chinese characters); "
        "longer answers are cut to a summary",
    ),
    "Telegram": Limit(4096, "chars", "a Telegram message takes at most 4096 characters"),
}
"""Channel → the limit of one text message."""


class _Lines:
    """Line numbers of the knowledge files, read on demand."""

    def __init__(self, kn: Knowledge):
        self.base = kn.root.parent
        self.cache: dict[str, dict[yamlfile.Path_, int]] = {}

    def problem(self, file: str, path: yamlfile.Path_, message: str, severity: str) -> Problem:
        if file not in self.cache:
            try:
                self.cache[file] = yamlfile.load(self.base / file)[1]
            except (OSError, yamlfile.YamlSyntaxError):
                self.cache[file] = {}
        return Problem(file, yamlfile.line_of(self.cache[file], path), yamlfile.field_name(path), message, severity)


def example_conflicts(kn: Knowledge, index: Index, lines: _Lines) -> list[Problem]:
    """Examples the matcher does not send to their own intent, with both scores.

    Sent to another intent (or out of scope) is an error: the bot would answer that example wrongly. A tie that
    makes the bot ask which topic was meant is a warning.
    """
    out = []
    for tid, topic in kn.topics.items():
        file = kn.files[tid]
        for i, example in enumerate(topic.examples):
            candidates = index.match(example, exact=False)
            decision = index.decide(candidates)
            if decision.intent == tid:
                continue
            own = next((c for c in candidates if c.intent == tid), None)
            own_text = f"{tid} {own.score:.1f} ({own.via})" if own else f"{tid} not among the candidates"
            top = candidates[0] if candidates else None
            if decision.reason == "ambiguous":  # a question naming two topics: asking which is right
                other = next((c for c in decision.top if c.intent != tid), top)
                assert other is not None
                message = (
                    f"'{example}' is ambiguous: {other.intent} {other.score:.1f} ({other.via}) vs {own_text}; "
                    "worded a little differently, the bot asks which topic was meant"
                )
                out.append(lines.problem(file, ("examples", i), message, NOTE))
                continue
            if top is None or decision.reason in ("low_score", "empty"):
                message = f"'{example}' is not recognised ({own_text}); the example is too short or only fillers"
            else:
                where = top.intent or "out of scope"
                message = (
                    f"the matcher sends '{example}' to {where} {top.score:.1f} ({top.via}) instead of "
                    f"{own_text} — reword it, or move the alias or example that wins"
                )
            out.append(lines.problem(file, ("examples", i), message, ERROR))
    for i, example in enumerate(kn.out_of_scope):
        decision = index.decide(index.match(example, exact=False))
        if decision.intent:
            file = str((kn.root / "out_of_scope.yaml").relative_to(kn.root.parent))
            message = (
                f"out-of-scope example '{example}' is answered as {decision.intent} "
                f"{decision.score:.1f} ({decision.top[0].via}) — reword it or drop it"
            )
            out.append(lines.problem(file, ("examples", i), message, ERROR))
    return out


CORPORA = ("tests/data/questions", "tests/data/dialogues")
"""Blind test corpora beside a knowledge folder (in this repository); their sentences must not become examples."""
COPY_CHARS = 8
"""Shorter examples (你好, 在吗) coincide with anyone's; a longer one that repeats a corpus line was copied."""


def corpus_copies(kn: Knowledge, lines: _Lines) -> list[Problem]:
    """Examples that repeat a question of the blind test corpora: a test that then passes proves memory only."""
    from bot.evaluate import read_corpus

    seen: set[str] = set()
    for folder in CORPORA:
        for path in sorted((kn.root.parent / folder).rglob("*.yaml")):
            for row in read_corpus(path) or []:
                texts = [row.get("text")] + [t.get("user") for t in row.get("turns") or []]
                seen |= {normalize(str(x)) for x in texts if x}
    out = []
    for tid, topic in kn.topics.items():
        for i, example in enumerate(topic.examples):
            if len(normalize(example)) >= COPY_CHARS and normalize(example) in seen:
                message = f"'{example}' is a question of the blind test corpora ({', '.join(CORPORA)}); reword it"
                out.append(lines.problem(kn.files[tid], ("examples", i), message, WARNING))
    return out


def _sent(kn: Knowledge, topic: Topic, text: str) -> str:
    """``text`` with the numbered follow-up menu the engine adds to it."""
    options = [f"{n} {f.label}" for n, f in enumerate(render.followups(kn, topic), 1)]
    return "\n".join([text, kn.messages.followup_header, *options]) if options else text


def _section_sent(kn: Knowledge, topic: Topic, name: str, day: dt.date, limit: int | None) -> str:
    body, caveat, _count = render.section_text(kn, topic, name, day, limit=limit)
    return _sent(kn, topic, body + ("\n" + kn.messages.caveat_footnote if caveat else ""))


def _over(text: str) -> list[tuple[Limit, int]]:
    return [(limit, limit.measure(text)) for limit in LIMITS.values() if limit.measure(text) > limit.size]


def length_limits(kn: Knowledge, day: dt.date, lines: _Lines) -> list[Problem]:
    """Sections (and source lists, fixed replies) longer than a channel takes in one message.

    A section is shown first with its first ``SECTION_FACTS`` facts, then whole on “更多…”: a first view that
    does not fit is a warning. A whole view (or a generated list of sources) that does not fit is a note: the
    channel sends a summary and the numbered menu instead.
    """
    from bot.dialogue.topics import SECTION_FACTS

    out = []
    for tid, topic in kn.topics.items():
        file = kn.files[tid]
        texts: list[tuple[yamlfile.Path_, str, list[tuple[Limit, int]], str]] = []
        for s, section in enumerate(topic.sections):
            what = f"section {section.name}"
            first = _over(_section_sent(kn, topic, section.name, day, SECTION_FACTS))
            whole = [] if first else _over(_section_sent(kn, topic, section.name, day, None))
            texts.append((("sections", s), what, first, WARNING))
            texts.append((("sections", s), f"{what} in full (更多)", whole, NOTE))
        if topic.kind == "policy":
            listed = _over(_sent(kn, topic, render.sources_text(kn, topic)))
            texts.append((("sources",), "the list of sources (政策依据)", listed, NOTE))
        if topic.reply:
            texts.append((("reply",), "the reply", _over(topic.reply), WARNING))
        for path, what, over, severity in texts:
            for limit, size in over:
                advice = "shorten it or split it into two sections" if severity == WARNING else "the rest is not shown"
                message = f"{what} is {size} {limit.unit} as sent; {limit.note} — {advice}"
                out.append(lines.problem(file, path, message, severity))
    return out


def unsourced_criteria(kn: Knowledge, lines: _Lines) -> list[Problem]:
    """Criteria the bot asks about that no sourced checklist item or calculator uses.

    Every checklist item and calculator carries a source; a criterion asked by the policy_match questionnaire
    but used by none of them has no policy clause behind it. Criteria never used at all are reported too.
    """
    sourced: set[str] = set()
    for topic in kn.topics.values():
        for version in topic.checklist:
            for item in version.items:
                sourced.update(c.criterion for c in item.conditions())
                sourced.update(g.criterion for g in item.gates())
        if topic.calculator:
            calc = topic.calculator
            sourced.update(calc.inputs, CALCULATOR_READS.get(calc.kind, ()))
            sourced.update(v for v in calc.params.values() if isinstance(v, str) and v in kn.criteria)
    sourced = _with_parts(kn, sourced)
    out = []
    asked: set[str] = set()
    for tid, topic in kn.topics.items():
        for q, cid in enumerate(topic.questionnaire):
            asked.add(cid)
            if cid in kn.criteria and cid not in sourced:
                message = (
                    f"criterion '{cid}' is asked but no checklist item or calculator uses it, so no policy "
                    "source backs the question — use it in a sourced item or drop it from the questionnaire"
                )
                out.append(lines.problem(kn.files[tid], ("questionnaire", q), message, WARNING))
    for path in sorted((kn.root / "criteria").glob("*.yaml")):
        file = str(path.relative_to(kn.root.parent))
        try:
            data, _ = yamlfile.load(path)
        except yamlfile.YamlSyntaxError:
            continue
        for cid in (data or {}).get("criteria") or {}:
            if cid not in sourced and cid not in asked:
                message = f"criterion '{cid}' is defined but no checklist item, calculator or questionnaire uses it"
                out.append(lines.problem(file, ("criteria", cid), message, WARNING))
    return out


def _with_parts(kn: Knowledge, used: set[str]) -> set[str]:
    """``used`` and every criterion they are computed from (``previous``, ``at_most``, ``computed_from``)."""
    out, todo = set(), list(used)
    while todo:
        cid = todo.pop()
        if cid in out:
            continue
        out.add(cid)
        crit = kn.criteria.get(cid)
        if crit is not None:
            parts = [crit.previous, crit.at_most, *crit.computed_from]
            todo += [p for p in parts if p]
    return out


def section_cues(kn: Knowledge, lines: _Lines) -> list[Problem]:
    """Cue words of messages.yaml that cannot work as written.

    A word under two sections (once its spoken forms are made plain: 补好多 is 补多少) answers the first listed
    only; a fact word that is no cue word is never read.
    """
    from bot.dialogue.topics import plain_form

    m, file = kn.messages, str((kn.root / "messages.yaml").relative_to(kn.root.parent))
    out: list[Problem] = []
    first: dict[str, str] = {}
    for field in ("section_words", "section_question_words"):
        for name, words in getattr(m, field).items():
            for i, word in enumerate(words):
                plain = plain_form(kn, normalize(word))
                if not plain:
                    out.append(lines.problem(file, (field, name, i), "an empty cue word matches nothing", ERROR))
                elif first.setdefault(plain, name) != name:
                    message = f"'{word}' ({plain}) is a cue of {first[plain]} too; keep it under one section"
                    out.append(lines.problem(file, (field, name, i), message, WARNING))
    cues = {plain_form(kn, normalize(w)) for words in m.section_words.values() for w in words}
    for i, word in enumerate(m.fact_words):
        if plain_form(kn, normalize(word)) not in cues:
            message = f"fact word '{word}' is no cue word of section_words: it is never read; add it to a section"
            out.append(lines.problem(file, ("fact_words", i), message, WARNING))
    return out


CALCULATOR_READS: dict[str, tuple[str, ...]] = {"super_deduction": ("high_tech_certified", "industry")}
"""Criteria a calculator reads from the profile besides its ``inputs`` (``bot/calc.py``): the tax rate of a
高企 and the excluded industries."""


CHECKS: dict[str, Callable[[Knowledge, Index, dt.date, _Lines], list[Problem]]] = {
    "example_conflicts": lambda kn, index, day, lines: example_conflicts(kn, index, lines),
    "length_limits": lambda kn, index, day, lines: length_limits(kn, day, lines),
    "unsourced_criteria": lambda kn, index, day, lines: unsourced_criteria(kn, lines),
    "corpus_copies": lambda kn, index, day, lines: corpus_copies(kn, lines),
    "section_cues": lambda kn, index, day, lines: section_cues(kn, lines),
}
"""Name → check; each returns problems with file, line and field."""


def check(kn: Knowledge, settings: Settings | None = None, today: dt.date | None = None) -> list[Problem]:
    """Run every extra check on loaded knowledge; errors first, then warnings, each in file order."""
    index = build_index(kn, settings or Settings())
    lines = _Lines(kn)
    day = today or dt.date.today()
    problems = [p for run in CHECKS.values() for p in run(kn, index, day, lines)]
    return sorted(problems, key=lambda p: (p.severity != ERROR, p.file, p.line))


def validate(
    root: Path | str | None = None, settings: Settings | None = None, today: dt.date | None = None
) -> tuple[Knowledge | None, list[Problem]]:
    """Everything ``policybot validate`` reports: the loader's problems and warnings, then these checks.

    Returns:
        The knowledge (None when it does not load) and every problem; it validates when none is an error.
    """
    try:
        kn = load(root, today=today)
    except KnowledgeError as exc:
        return None, list(exc.problems)
    extra = check(kn, settings, today)
    errors = [p for p in extra if p.severity == ERROR]
    return kn, [*errors, *kn.warnings, *(p for p in extra if p.severity != ERROR)]


def is_valid(problems: list[Problem]) -> bool:
    """Whether ``problems`` holds no error (warnings do not stop a reload)."""
    return all(p.severity != ERROR for p in problems)


def format_problem(problem: Problem) -> str:
    """One line for the terminal: ``file:line field: message``, warnings and notes marked."""
    return str(problem) if problem.severity == ERROR else f"{problem.severity}: {problem}"
