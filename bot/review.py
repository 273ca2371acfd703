"""The review inbox: misunderstood questions grouped by similarity, and writing a chosen example into the YAML."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import logging
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from bot.settings import Settings
from intents.normalize import normalize

logger = logging.getLogger(__name__)

SIMILAR = 78.0
"""Questions at least this similar (rapidfuzz ratio of the prepared texts, 0–100) form one group."""
SHOWN_EXAMPLES = 5
"""Phrasings kept per group."""
OUT_OF_SCOPE = "out_of_scope"
"""The choice that files a question as a negative example (``out_of_scope.yaml``)."""
CATEGORY_ORDER = ("unanswered", "low_confidence", "useless")
"""Why a question is in the inbox: the bot fell back, was unsure, or its answer was marked 没用."""
YAML_WIDTH = 4096
"""Never fold long lines when writing YAML back."""


MASKED = re.compile(r"\[(?:手机号|身份证号|信用代码|银行卡号|电话|邮箱)\]")
"""What ``bot.storage.mask`` writes in the log in place of personal data: never written into an example."""
_LEFT_OVER = " \t，,。.：:；;、"
"""Separators a removed placeholder leaves at either end of the text."""


def unmasked(text: str) -> str:
    """``text`` without mask placeholders: "[手机号] 我想咨询一下首台套" → "我想咨询一下首台套"."""
    if not MASKED.search(text):
        return text
    kept = re.sub(r"\s*([，,。；;、：:])\s*", r"\1", MASKED.sub(" ", text))  # "电话 ，" → "电话，"
    kept = re.sub(r"([，,。；;、：:])[，,。；;、：:]+", r"\1", kept)  # "，，" → "，"
    return re.sub(r"\s{2,}", " ", kept).strip(_LEFT_OVER)


@dataclass(frozen=True)
class Question:
    """One normalised text of the log with how often it was seen."""

    normalized: str
    text: str
    count: int
    category: str
    intents: tuple[str, ...] = ()
    score: float = 0.0
    last_ts: str = ""
    reasons: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: dict[str, Any], category: str | None = None) -> Question:
        """From a row of the ``unanswered``, ``low_confidence`` or ``inbox`` query."""
        intents = tuple(i for i in (row.get("intents") or "").split(",") if i)
        return cls(
            normalized=row["normalized"],
            text=row["text"] or row["normalized"],
            count=int(row["messages"]),
            category=category or row["category"],
            intents=intents,
            score=float(row.get("score") or 0.0),
            last_ts=row.get("last_ts") or "",
            reasons=tuple(r for r in (row.get("reasons") or "").split(",") if r),
        )


@dataclass
class Group:
    """Similar questions; ``text`` is the most frequent phrasing."""

    text: str
    count: int = 0
    examples: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    categories: Counter[str] = field(default_factory=Counter)
    intent_counts: Counter[str] = field(default_factory=Counter)
    score: float = 100.0
    last_ts: str = ""
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def intents(self) -> list[str]:
        """Intents the bot used or offered for these questions, most frequent first."""
        return [i for i, _ in self.intent_counts.most_common()]

    def add(self, q: Question) -> None:
        """Take ``q`` into the group."""
        self.count += q.count
        self.keys.append(q.normalized)
        if q.text not in self.examples and len(self.examples) < SHOWN_EXAMPLES:
            self.examples.append(q.text)
        self.categories[q.category] += q.count
        for intent in q.intents:
            self.intent_counts[intent] += q.count
        for reason in q.reasons:
            self.reasons[reason] += q.count
        if q.score:
            self.score = min(self.score, q.score)
        self.last_ts = max(self.last_ts, q.last_ts)


def group_questions(
    questions: Iterable[Question],
    prepare: Callable[[str], str] | None = None,
    similar: float = SIMILAR,
) -> list[Group]:
    """Group similar questions, most frequent first.

    Each question joins the most similar group leader scoring at least ``similar`` or starts a group; frequent
    questions are placed first so that they lead. Similar means close as written, or close once both texts' characters
    are sorted, so that word-order variants (智能工厂奖励有吗 / 智能工厂有没有奖励) group together.
    """
    ordered = sorted(questions, key=lambda q: (-q.count, q.normalized))
    groups: list[Group] = []
    leaders: list[str] = []
    shuffled: list[str] = []  # the leaders' characters in sorted order: word-order variants compare equal
    for q in ordered:
        key = prepare(q.normalized) if prepare else q.normalized
        chars = "".join(sorted(key))
        found = [
            hit
            for text, pool in ((key, leaders), (chars, shuffled))
            if pool and (hit := process.extractOne(text, pool, scorer=fuzz.ratio, score_cutoff=similar))
        ]
        if found:
            groups[max(found, key=lambda hit: hit[1])[2]].add(q)
        else:
            group = Group(q.text)
            group.add(q)
            groups.append(group)
            leaders.append(key)
            shuffled.append(chars)
    groups.sort(key=lambda g: (-g.count, g.text))
    return groups


# -- the inbox ------------------------------------------------------------------------------------------
def inbox(
    conn: sqlite3.Connection,
    low_score: float,
    since: dt.date | None = None,
    until: dt.date | None = None,
    prepare: Callable[[str], str] | None = None,
) -> list[Group]:
    """Groups to review, most frequent first; a question reviewed since it was last asked is left out."""
    from bot import report

    done = dict(conn.execute("SELECT normalized, ts FROM review_done").fetchall())
    rows = report.run(conn, "inbox", report.params(since, until, low_score))
    questions = [
        Question.from_row(r) for r in rows if not (r["normalized"] in done and done[r["normalized"]] >= r["last_ts"])
    ]
    return group_questions(questions, prepare=prepare)


def mark_done(conn: sqlite3.Connection, group: Group, decision: str, intent: str | None = None) -> None:
    """Take the group's questions out of the inbox (until they are asked again)."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    conn.executemany(
        "INSERT INTO review_done (normalized, ts, decision, intent) VALUES (?, ?, ?, ?) ON CONFLICT (normalized) "
        "DO UPDATE SET ts = excluded.ts, decision = excluded.decision, intent = excluded.intent",
        [(key, now, decision, intent) for key in group.keys],
    )
    if conn.in_transaction:
        conn.commit()


# -- writing an example into the YAML -----------------------------------------------------------------------
class ExampleError(Exception):
    """The example could not be added; the file is unchanged."""


class AlreadyThere(ExampleError):
    """The intent already has this example (the matcher already sends the question there)."""


def target_file(root: Path, intent: str) -> Path:
    """The YAML file holding ``intent``'s examples (``out_of_scope`` → ``out_of_scope.yaml``)."""
    if intent == OUT_OF_SCOPE:
        return root / "out_of_scope.yaml"
    return root / "topics" / f"{intent}.yaml"


def _yaml_for(text: str) -> YAML:
    _, indent, block_seq_indent = load_yaml_guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = YAML_WIDTH
    yaml.indent(mapping=2, sequence=indent or 2, offset=block_seq_indent or 0)
    return yaml


def _append(seq: CommentedSeq, value: str) -> None:
    """Append keeping what followed the last item (a blank line, the next key's comment) after the new one."""
    last = len(seq) - 1
    seq.append(value)
    comment = seq.ca.items.pop(last, None) if last >= 0 else None
    if not comment or comment[0] is None:
        if comment:
            seq.ca.items[last] = comment
        return
    token = comment[0]
    text = token.value
    if text.lstrip(" ").startswith("#"):  # an end-of-line comment stays on its item
        eol, _, rest = text.partition("\n")
        token.value = eol + "\n"
        seq.ca.items[last] = comment
        if rest:  # the lines after it (blank lines, the next key's comment) follow the new item
            moved = type(token)("\n" + rest, token.start_mark, token.end_mark)
            seq.ca.items[len(seq) - 1] = [moved, *comment[1:]]
        return
    seq.ca.items[len(seq) - 1] = comment


def _examples_span(data: CommentedMap, lines: int) -> tuple[int, int]:
    """0-based line range of the ``examples:`` entry (up to the next top-level key)."""
    keys = list(data.keys())
    i = keys.index("examples")
    start = data.lc.key("examples")[0]
    end = data.lc.key(keys[i + 1])[0] if i + 1 < len(keys) else lines
    return start, end


def _only_the_example_added(old: str, new: str, span: tuple[int, int], flow: bool) -> bool:
    """A block list gains exactly one line; a flow list (``[a, b]``) may only change inside ``examples:``."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not flow:
        return len(changes) == 1 and changes[0][0] == "insert" and changes[0][4] - changes[0][3] == 1
    return all(span[0] <= a0 and a1 <= span[1] + 1 for _, a0, a1, _, _ in changes)


def _write_atomic(path: Path, text: str) -> None:
    """Replace the file in one step, so the live reload never reads half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_example(root: Path, intent: str, example: str, settings: Settings | None = None, check: bool = True) -> Path:
    """Add ``example`` to ``intent``'s ``examples:`` keeping the file's comments, order and formatting.

    Afterwards the folder is validated as ``policybot validate`` does (so the live reload will accept it); if the
    example brings a new error the file is restored and ``ExampleError`` names the problems.

    Returns:
        The file written.
    """
    path = target_file(root, intent)
    if not path.is_file():
        raise ExampleError(f"no file for intent '{intent}' ({path})")
    example = example.strip()
    hidden = MASKED.search(example)
    if hidden:
        raise ExampleError(
            f"'{example}' holds {hidden[0]}, where the log hid personal data; write the example without it"
        )
    original = path.read_text(encoding="utf-8")
    yaml = _yaml_for(original)
    data = yaml.load(original)
    if not isinstance(data, CommentedMap) or not isinstance(data.get("examples"), CommentedSeq):
        raise ExampleError(f"{path.name} has no examples: list")
    if normalize(example) in {normalize(str(x)) for x in data["examples"]}:
        raise AlreadyThere(f"'{example}' is already an example of {intent}")
    span = _examples_span(data, len(original.splitlines()))
    flow = bool(data["examples"].fa.flow_style())
    _append(data["examples"], example)
    out = io.StringIO()
    yaml.dump(data, out)
    new = out.getvalue()
    if not _only_the_example_added(original, new, span, flow):
        raise ExampleError(f"{path.name}: adding the example would reformat other parts; add it by hand")
    _write_atomic(path, new)
    if check:
        after = _errors(root, settings)
        if after:
            _write_atomic(path, original)
            caused = after - _errors(root, settings)  # errors the folder had before are not this example's
            if caused:
                raise ExampleError("\n".join(sorted(caused)))
            _write_atomic(path, new)
    logger.info("added example %r to %s", example, path)
    return path


def _errors(root: Path, settings: Settings | None) -> set[str]:
    """The folder's errors, without line numbers (an added line shifts those after it)."""
    from bot.checks import ERROR, validate

    _, problems = validate(root, settings)
    return {f"{p.file} {p.field}: {p.message}" for p in problems if p.severity == ERROR}


# -- mine: the inbox as a YAML draft -----------------------------------------------------------------------
DRAFT_HEADER = """\
PolicyBot 待复核问题草稿（policybot mine 生成）。
每组填写 intent：应归入的主题 id（见 policybot kb），或 out_of_scope；不处理的留空。
text 会作为新的例句写入该主题的 examples（可以先改写得更通顺）。
"""


def draft(groups: list[Group], guesses: Callable[[str], list[tuple[str, float]]] | None = None) -> CommentedMap:
    """The groups as a YAML document for officers to fill in."""
    doc = CommentedMap()
    doc["generated"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    items = CommentedSeq()
    for g in groups:
        item = CommentedMap()
        item["text"] = unmasked(g.text)
        item["count"] = g.count
        item["categories"] = dict(sorted(g.categories.items(), key=lambda kv: CATEGORY_ORDER.index(kv[0])))
        item["examples"] = list(g.examples)
        item["bot_intents"] = g.intents
        if guesses:
            item["guesses"] = [{"intent": i, "score": round(s, 1)} for i, s in guesses(g.text)]
        item["intent"] = None
        items.append(item)
    doc["groups"] = items
    doc.yaml_set_start_comment(DRAFT_HEADER)
    return doc


def write_draft(path: Path, doc: CommentedMap) -> None:
    """Write a draft made by ``draft``."""
    yaml = YAML(typ="rt")
    yaml.width = YAML_WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(doc, out)


def apply_draft(
    path: Path, root: Path, conn: sqlite3.Connection, groups: list[Group], settings: Settings | None = None
) -> list[str]:
    """Write every group of a filled-in draft whose ``intent`` is set; returns what was done, line by line."""
    yaml = YAML(typ="safe")
    doc = yaml.load(path.read_text(encoding="utf-8")) or {}
    by_text = {unmasked(g.text): g for g in groups}
    done = []
    for item in doc.get("groups") or []:
        intent = (item.get("intent") or "").strip()
        text = str(item.get("text") or "").strip()
        if not intent or not text:
            continue
        group = by_text.get(text) or Group(text, keys=[normalize(str(x)) for x in item.get("examples") or [text]])
        try:
            add_example(root, intent, text, settings)
        except ExampleError as exc:
            done.append(f"skipped {text!r} → {intent}: {exc}")
            continue
        mark_done(conn, group, "out_of_scope" if intent == OUT_OF_SCOPE else "example", intent)
        done.append(f"added {text!r} → {intent}")
    return done


# -- the interactive walk ------------------------------------------------------------------------------------
CATEGORY_LABELS = {"unanswered": "未解答", "low_confidence": "低置信", "useless": "没用"}
GUESSES = 5
"""Intents offered per group."""


@dataclass
class Walk:
    """What an officer decided during ``policybot review``."""

    added: int = 0
    out_of_scope: int = 0
    skipped: int = 0
    confirmed: int = 0


def walk(
    groups: list[Group],
    root: Path,
    conn: sqlite3.Connection,
    guesses: Callable[[str], list[tuple[str, float]]],
    titles: dict[str, str],
    ask: Callable[..., str],
    echo: Callable[[str], None],
    settings: Settings | None = None,
) -> Walk:
    """Walk the officer through ``groups``: pick an intent (guesses first), out of scope, skip or quit.

    Args:
        groups: the inbox, most frequent first.
        root: the knowledge folder written to.
        conn: the log database (reviewed questions leave the inbox).
        guesses: text → ranked (intent, score), the matcher's guesses.
        titles: intent id → title.
        ask: ``click.prompt``-like input.
        echo: output.
        settings: the matcher's settings (the folder is validated after each example).
    """
    result = Walk()
    for n, group in enumerate(groups, 1):
        cats = "，".join(f"{CATEGORY_LABELS.get(c, c)} {k}" for c, k in group.categories.most_common())
        echo(f"\n[{n}/{len(groups)}] {group.count} 条（{cats}）")
        echo(f"  {group.text}")
        for other in group.examples[1:]:
            echo(f"  · {other}")
        offered: list[str] = []
        for intent, score in guesses(group.text):
            offered.append(intent)
            echo(f"  {len(offered)}  {intent}（{titles.get(intent, '?')}） {score:.0f}")
        for intent in group.intents:
            if intent not in offered and intent in titles and len(offered) < GUESSES:
                offered.append(intent)
                echo(f"  {len(offered)}  {intent}（{titles[intent]}） bot")
        while True:
            choice = ask("序号或主题 id 归入 / o 范围外 / s 跳过 / q 退出", default="s").strip()
            if choice in ("q", "s"):
                break
            if choice == "o":
                intent = OUT_OF_SCOPE
            elif choice.isdigit() and 1 <= int(choice) <= len(offered):
                intent = offered[int(choice) - 1]
            elif choice in titles:
                intent = choice
            else:
                echo(f"  没有这个选项：{choice}")
                continue
            text = ask("写入的例句", default=unmasked(group.text)).strip()
            if not text or MASKED.search(text):
                echo("  例句不能为空，也不能含打码内容（如 [手机号]），请改写")
                continue
            try:
                path = add_example(root, intent, text, settings)
            except AlreadyThere:
                mark_done(conn, group, "confirmed", intent)
                echo(f"  已是 {intent} 的例句，移出待复核")
                result.confirmed += 1
                break
            except ExampleError as exc:
                echo(f"  未写入：{exc}")
                continue
            mark_done(conn, group, "out_of_scope" if intent == OUT_OF_SCOPE else "example", intent)
            echo(f"  已写入 {path.relative_to(root.parent)}")
            if intent == OUT_OF_SCOPE:
                result.out_of_scope += 1
            else:
                result.added += 1
            break
        if choice == "q":
            break
        if choice == "s":
            result.skipped += 1
    return result
