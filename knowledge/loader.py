"""Load and check the knowledge folder; every problem is reported at once with file, line and field."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from knowledge import yamlfile
from knowledge.contract import ALL_INTENTS
from knowledge.schema import (
    UNCERTAIN,
    Criterion,
    Item,
    Messages,
    OutOfScope,
    Park,
    Platform,
    Source,
    Sourced,
    Topic,
)

logger = logging.getLogger(__name__)

BUNDLED = Path(__file__).resolve().parent
"""The knowledge folder shipped with PolicyBot."""

MONEY = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a knowledge file."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line} {self.field}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge folder cannot be used; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Knowledge:
    """Everything the engine needs from the YAML, checked and cross-referenced."""

    root: Path
    topics: dict[str, Topic]
    criteria: dict[str, Criterion]
    sources: dict[str, Source]
    messages: Messages
    out_of_scope: list[str]
    parks: list[Park] = field(default_factory=list)
    out_of_scope_aliases: list[str] = field(default_factory=list)
    out_of_scope_triggers: list[tuple[list[str], list[str], list[str]]] = field(default_factory=list)
    platform_triggers: list[str] = field(default_factory=list)
    platform_unless: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    platforms: list[Platform] = field(default_factory=list)
    version: str = ""
    warnings: list[Problem] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    """topic id → file path (for staff tools)."""
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    """Values derived from this knowledge (rendered data, word sets), computed once and dropped with it."""

    def source(self, topic: Topic, source_id: str) -> Source:
        """Resolve a source id: the topic's own first, then the shared ones."""
        return topic.sources.get(source_id) or self.sources[source_id]

    def uncertain(self, topic: Topic, ref: Sourced) -> bool:
        """Whether a fact must carry the “请以主管部门最新通知为准” caveat."""
        confidence = ref.confidence or self.source(topic, ref.source).confidence
        return confidence in UNCERTAIN

    def cite(self, topic: Topic, ref: Sourced) -> str:
        """A short citation: 文号 (or title) and clause."""
        src = self.source(topic, ref.source)
        name = src.number or (src.title if src.title.startswith("《") else f"《{src.title}》")
        return f"{name} {ref.clause}" if ref.clause else name


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


class _Collector:
    """Gathers problems across files; knows each file's line map."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.lines: dict[str, dict[yamlfile.Path_, int]] = {}
        self.unreadable: set[str] = set()

    def add(self, file: str, path: yamlfile.Path_, message: str, severity: str = "error") -> None:
        line = yamlfile.line_of(self.lines.get(file, {}), path)
        self.problems.append(Problem(file, line, yamlfile.field_name(path), message, severity))

    def read(self, path: Path) -> Any:
        name = _rel(path, self.root)
        merged: list[yamlfile.Merged] = []
        try:
            data, lines = yamlfile.load(path, merged)
        except yamlfile.YamlSyntaxError as exc:
            self.problems.append(Problem(name, exc.line, "(syntax)", exc.message))
            self.unreadable.add(name)
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(name, 1, "(file)", f"cannot read: {exc}"))
            self.unreadable.add(name)
            return None
        self.lines[name] = lines
        for line, field_path, message in merged:
            self.problems.append(Problem(name, line, yamlfile.field_name(field_path), message))
        return data

    def model(self, cls: type[BaseModel], data: Any, file: str, base: yamlfile.Path_ = ()) -> Any:
        if file in self.unreadable:  # its problem is already reported; the schema has nothing to add
            return None
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
                got = err.get("input")
                shown = (
                    f", got {got!r}" if isinstance(got, str | int | float | bool) and err["type"] != "missing" else ""
                )
                self.add(file, (*base, *loc), _explain(err) + shown)
            return None


def _explain(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "this field is required"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see knowledge/schema.py)"
    return str(err["msg"]).removeprefix("Value error, ")


M = TypeVar("M", bound=BaseModel)


def load_file(root: Path | str | None, name: str, model: type[M]) -> M:
    """Read one extra YAML file (e.g. a channel's own strings) from ``root``, else the bundled one.

    Raises:
        KnowledgeError: every problem at once, with file, line and field.
    """
    path = Path(root or BUNDLED) / name
    if not path.exists():
        path = BUNDLED / name
    col = _Collector(path.parent)
    parsed = col.model(model, col.read(path), _rel(path, path.parent))
    if parsed is None or col.problems:
        raise KnowledgeError(col.problems)
    return parsed  # type: ignore[no-any-return]


def _mapping(col: _Collector, data: Any, file: str, key: str) -> dict[str, Any]:
    if file in col.unreadable:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get(key), dict):
        col.add(file, (), f"expected a mapping with a top-level '{key}:' key")
        return {}
    return data[key]


def folder_version(root: Path) -> str:
    """The version of a knowledge folder: a digest of every YAML file's path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def load(root: Path | str | None = None, today: dt.date | None = None) -> Knowledge:
    """Load the knowledge folder ``root`` (default: the bundled one) or raise KnowledgeError."""
    root = Path(root) if root else BUNDLED
    col = _Collector(root)
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), 1, "(folder)", "knowledge folder not found")])
    version = folder_version(root)

    criteria: dict[str, Criterion] = {}
    crit_where: dict[str, str] = {}
    for path in sorted((root / "criteria").glob("*.yaml")):
        name = _rel(path, root)
        for cid, raw in _mapping(col, col.read(path), name, "criteria").items():
            if cid in criteria:
                col.add(name, ("criteria", cid), f"criterion '{cid}' is already defined in {crit_where[cid]}")
                continue
            crit = col.model(Criterion, raw, name, ("criteria", cid))
            if crit:
                criteria[cid], crit_where[cid] = crit, name

    for cid, crit in criteria.items():
        for key in ("ratio_of", "min_of", "sum_of", "mean_of", "growth_of", "previous", "at_most", "told_by"):
            refs = getattr(crit, key)
            for ref in refs if isinstance(refs, list) else [refs] if refs else []:
                if ref not in criteria:
                    col.add(crit_where[cid], ("criteria", cid, key), f"unknown criterion '{ref}'")

    sources: dict[str, Source] = {}
    src_file = root / "sources.yaml"
    src_name = _rel(src_file, root)
    for sid, raw in _mapping(col, col.read(src_file), src_name, "sources").items():
        src = col.model(Source, raw, src_name, ("sources", sid))
        if src:
            sources[sid] = src

    msg_file = root / "messages.yaml"
    messages = col.model(Messages, col.read(msg_file), _rel(msg_file, root))

    oos_file = root / "out_of_scope.yaml"
    oos = col.model(OutOfScope, col.read(oos_file), _rel(oos_file, root)) if oos_file.exists() else None

    parks: list[Park] = []
    platforms: list[Platform] = []
    plat_file = root / "platforms.yaml"
    pdata: dict[str, Any] = {}
    if plat_file.exists():
        pname = _rel(plat_file, root)
        pdata = col.read(plat_file) or {}
        parks = [p for i, raw in enumerate(pdata.get("parks", [])) if (p := col.model(Park, raw, pname, ("parks", i)))]
        platforms = [
            p
            for i, raw in enumerate(pdata.get("platforms", []))
            if (p := col.model(Platform, raw, pname, ("platforms", i)))
        ]
        known_parks = {p.name for p in parks}
        for i, plat in enumerate(platforms):
            if plat.park not in known_parks:
                col.add(pname, ("platforms", i, "park"), f"park '{plat.park}' is not listed under parks:")

    topics: dict[str, Topic] = {}
    files: dict[str, str] = {}
    for path in sorted((root / "topics").glob("*.yaml")):
        name = _rel(path, root)
        topic = col.model(Topic, col.read(path), name)
        if not topic:
            continue
        if topic.id != path.stem:
            col.add(name, ("id",), f"id '{topic.id}' must match the file name '{path.stem}'")
        if topic.id not in ALL_INTENTS:
            col.add(name, ("id",), f"'{topic.id}' is not an intent id of the contract (knowledge/contract.py)")
        if topic.id in topics:
            col.add(name, ("id",), f"intent '{topic.id}' is defined twice")
        topics[topic.id] = topic
        files[topic.id] = name
        _check_topic(col, name, topic, sources, criteria, today or dt.date.today())

    for cid in ALL_INTENTS:
        if cid not in topics and not any(p.file.endswith(f"{cid}.yaml") for p in col.problems):
            col.problems.append(Problem(_rel(root / "topics", root), 1, cid, "no YAML file for this contract intent"))

    _check_duplicate_examples(col, topics, files)

    # a file that cannot be read leaves its criteria or sources undefined: their "unknown" errors are echoes
    crit_files = {_rel(path, root) for path in (root / "criteria").glob("*.yaml")}
    echoes = tuple(
        echo
        for echo, names in (("unknown criterion", crit_files), ("unknown source", {src_name}))
        if col.unreadable & names
    )
    errors = [p for p in col.problems if p.severity == "error" and not p.message.startswith(echoes)]
    if errors or messages is None:
        raise KnowledgeError(errors or [Problem("messages.yaml", 1, "(file)", "missing")])
    return Knowledge(
        root=root,
        topics=topics,
        criteria=criteria,
        sources=sources,
        messages=messages,
        out_of_scope=list(oos.examples) if oos else [],
        out_of_scope_aliases=list(oos.aliases) if oos else [],
        out_of_scope_triggers=[(list(t.words), list(t.with_), list(t.unless)) for t in oos.triggers] if oos else [],
        platform_triggers=[str(w) for w in (pdata.get("triggers") or [])],
        platform_unless=[str(w) for w in (pdata.get("unless") or [])],
        districts=[str(w) for w in (pdata.get("districts") or [])],
        parks=parks,
        platforms=platforms,
        version=version,
        warnings=[p for p in col.problems if p.severity != "error"],
        files=files,
    )


def _check_topic(
    col: _Collector,
    name: str,
    topic: Topic,
    shared: dict[str, Source],
    criteria: dict[str, Criterion],
    today: dt.date,
) -> None:
    """Cross-references a schema cannot see: sources, criteria, units, follow-ups."""
    known = set(shared) | set(topic.sources)
    clash = set(shared) & set(topic.sources)
    for sid in sorted(clash):
        col.add(name, ("sources", sid), f"source id '{sid}' is already a shared source in sources.yaml")

    def ref(path: yamlfile.Path_, source: str) -> None:
        if source not in known:
            col.add(name, (*path, "source"), f"unknown source '{source}' (add it under sources:)")

    for s, section in enumerate(topic.sections):
        for i, fact in enumerate(section.items):
            ref(("sections", s, "items", i), fact.source)
    for c, change in enumerate(topic.changes):
        ref(("changes", c), change.source)
    if topic.calculator:
        ref(("calculator",), topic.calculator.source)
        for inp in topic.calculator.inputs:
            if inp not in criteria:
                col.add(name, ("calculator", "inputs"), f"unknown criterion '{inp}'")
    for v, version in enumerate(topic.checklist):
        for i, item in enumerate(version.items):
            path = ("checklist", v, "items", i)
            ref(path, item.source)
            _check_item(col, name, path, item, criteria)
    for q, cid in enumerate(topic.questionnaire):
        if cid not in criteria:
            col.add(name, ("questionnaire", q), f"unknown criterion '{cid}'")
    section_names = {s.name for s in topic.sections}
    for f, follow in enumerate(topic.followups or []):
        act = follow.action
        if act.startswith("section:") and act.removeprefix("section:") not in section_names:
            col.add(name, ("followups", f, "action"), f"no section named '{act.removeprefix('section:')}'")
        if act == "checklist" and not topic.checklist:
            col.add(name, ("followups", f, "action"), "this topic has no checklist")
        if act.startswith("intent:") and act.removeprefix("intent:") not in ALL_INTENTS:
            col.add(name, ("followups", f, "action"), "not an intent id of the contract")
    if topic.kind == "policy" and len(topic.examples) < 15:
        col.add(name, ("examples",), f"only {len(topic.examples)} examples; write at least 15")
    if (today - topic.updated).days > 365:
        col.add(name, ("updated",), f"last updated {topic.updated}, over a year ago: please review", "warning")


def _check_item(col: _Collector, name: str, path: yamlfile.Path_, item: Item, criteria: dict[str, Criterion]) -> None:
    conds = [(path if not item.any_of else (*path, "any_of", k), c) for k, c in enumerate(item.conditions())]
    for k, gate in enumerate(item.gates()):
        conds.append(((*path, "when", k) if isinstance(item.when, list) else (*path, "when"), gate))
    for where, cond in conds:
        crit = criteria.get(cond.criterion)
        if crit is None:
            col.add(name, (*where, "criterion"), f"unknown criterion '{cond.criterion}' (see knowledge/criteria/)")
            continue
        problem = value_problem(crit, cond.op, cond.value, cond.unit)
        if problem:
            col.add(name, (*where, "value"), problem)


def value_problem(crit: Criterion, op: str, value: Any, unit: str | None) -> str | None:
    """Why ``value`` cannot be compared with answers to ``crit`` (None when it can)."""
    if crit.type == "bool":
        if not isinstance(value, bool) or op not in ("==", "!="):
            return "a yes/no criterion takes op '==' and value true or false"
    elif crit.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"expected a number, got {value!r} — write the number alone and set unit: {crit.unit}"
        if op not in (">=", ">", "<=", "<", "==", "!="):
            return "a number criterion takes op >= > <= < == !="
        if unit and unit != crit.unit and not (unit in MONEY and crit.unit in MONEY):
            return f"unit {unit} cannot be converted to the criterion's unit {crit.unit}"
    else:
        allowed = {o.value for o in crit.options}
        values = value if isinstance(value, list) else [value]
        bad = [v for v in values if v not in allowed]
        if bad:
            return f"unknown option(s) {bad}; allowed: {sorted(allowed)}"
    return None


def _check_duplicate_examples(col: _Collector, topics: dict[str, Topic], files: dict[str, str]) -> None:
    from intents.normalize import normalize  # local: the loader is usable without the matcher

    seen: dict[str, tuple[str, int]] = {}
    for tid, topic in topics.items():
        for i, ex in enumerate(topic.examples):
            key = normalize(ex)
            if key in seen and seen[key][0] != tid:
                other, j = seen[key]
                col.add(
                    files[tid],
                    ("examples", i),
                    f"example '{ex}' also appears in {files[other]} (examples[{j}])",
                )
            seen.setdefault(key, (tid, i))
