"""Read YAML while remembering the line of every value, so errors can name file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The C parser when PyYAML has it (nodes are the same; only faster)."""


class YamlSyntaxError(Exception):
    """The file is not valid YAML (or repeats a key); carries the line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


Merged = tuple[int, Path_, str]
"""A list item that swallowed the next one: (line of the swallowed item, field path, message)."""

_INDENT = "indent with spaces, two per level, and start every '- ' of one list in the same column"
SYNTAX_HELP: tuple[tuple[str, bool, str], ...] = (
    (
        "could not find expected ':'",
        True,
        "this line is neither 'name: value' nor '- item'; usually a missing space after a colon "
        "(write 'summary: 文字', not 'summary:文字')",
    ),
    (
        "mapping values are not allowed",
        False,
        "a colon followed by a space inside a value (like '注意: …'), or a line indented more than the one above; "
        'put the text in quotes ("…"), use the full-width colon ：, or fix the indentation',
    ),
    ("tab character", False, f"a tab character; {_INDENT}"),
    ("did not find expected key", False, f"this line is not indented like its neighbours; {_INDENT}"),
    ("expected <block end>", False, f"this line is not indented like its neighbours; {_INDENT}"),
    ("did not find expected '-' indicator", False, f"this list item is not indented like its neighbours; {_INDENT}"),
    ("found unexpected end of stream", True, "a quote opened on this line is never closed"),
    ("did not find expected ',' or ']'", True, "a [list] opened on this line is not closed with ] on the same line"),
    ("did not find expected ',' or '}'", True, "a {mapping} opened on this line is not closed with } on that line"),
)
"""Parser message → (report the line where the construct began?, the usual cause in plain words)."""


def explain_syntax(exc: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    """A parser error in plain words: the line (as written), what usually causes it, then the parser's words."""
    problem = str(exc.problem or exc)
    at_start, cause = next(
        ((start, words) for key, start, words in SYNTAX_HELP if key in problem),
        (False, "the YAML cannot be read here; compare the line with the ones around it"),
    )
    mark = (exc.context_mark if at_start else None) or exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    source = text.splitlines()
    unclosed = next((n for n, raw in enumerate(source[:line], 1) if _quotes(raw) % 2), None)
    if unclosed is not None:  # the quoted text ran on to a later quote; the parser stumbled far below
        line, cause = unclosed, UNCLOSED_QUOTE
    raw = source[line - 1] if 0 < line <= len(source) else ""
    if "\t" in raw[: len(raw) - len(raw.lstrip())]:
        cause = f"a tab character at the start of the line; {_INDENT}"
    shown = raw.strip()
    return YamlSyntaxError(line, f"{cause}. The line reads: {shown!r} (parser: {problem})")


UNCLOSED_QUOTE = "a quote opened on this line is never closed"


def _quotes(line: str) -> int:
    """How many unescaped double quotes ``line`` holds before any comment."""
    body = line.split(" #", 1)[0]
    return body.count('"') - body.count('\\"')


def load(path: Path, merged: list[Merged] | None = None) -> tuple[Any, dict[Path_, int]]:
    """Parse ``path``; return the data and a map from field path to 1-based line number.

    List items that swallowed the next one (see ``merged_item``) are appended to ``merged`` when given.
    """
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise explain_syntax(exc, text) from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    constructor = yaml.SafeLoader("")
    found: list[Merged] = [] if merged is None else merged
    return _build(node, (), lines, constructor, (text.splitlines(), found)), lines


def merged_item(node: yaml.Node, source: list[str]) -> tuple[int, str] | None:
    """The line where an unquoted list item runs on into a line that starts with '- ', if it does.

    One '- ' indented by a space more than its siblings is read as the previous item's continuation:
    "怎么申请 - 是什么政策" becomes one example instead of two.
    """
    if not isinstance(node, yaml.ScalarNode) or node.style or node.end_mark.line <= node.start_mark.line:
        return None
    for n in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(source))):
        if source[n].lstrip().startswith("- "):
            return n + 1, source[n].strip()
    return None


def _build(
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    ctor: yaml.SafeLoader,
    seen: tuple[list[str], list[Merged]],
) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = ctor.construct_object(key_node, deep=True)
            if key in out:
                raise YamlSyntaxError(key_node.start_mark.line + 1, f"key {key!r} appears twice")
            out[key] = _build(value_node, (*path, key), lines, ctor, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            value = _build(item, (*path, i), lines, ctor, seen)
            run_on = merged_item(item, seen[0])
            if run_on:
                message = (
                    f"line {run_on[0]} ({run_on[1]!r}) is read as part of this item, giving {value!r}: its '- ' is "
                    "indented differently from the other items'. Start every '- ' of the list in the same column "
                    "(or quote the item if the ' - ' is meant)"
                )
                seen[1].append((run_on[0], (*path, i), message))
            items.append(value)
        return items
    return ctor.construct_object(node, deep=True)


def line_of(lines: dict[Path_, int], path: Path_) -> int:
    """The line of ``path``, or of its nearest recorded parent."""
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)


def field_name(path: Path_) -> str:
    """Render a field path the way staff read it: ``checklist[0].items[3].value``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"
