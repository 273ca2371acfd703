"""Understand checklist answers and pick enterprise facts out of free text (300万, 0.3亿, 百分之三, 三百万)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

from intents.normalize import normalize
from knowledge.loader import MONEY
from knowledge.schema import Criterion, Vocabulary

UNKNOWN = "unknown"
"""Profile value of a criterion the user said they do not know."""

_CN_DIGITS = "零〇一二两三四五六七八九十百千点"
_MULT = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}
_QUANTITY = re.compile(
    rf"(?P<pct>百分之)?(?P<num>\d+(?:\.\d+)?|[{_CN_DIGITS}]+)(?P<mult>(?:个)?[十百千万亿]*)"
    r"(?P<unit>%|万元|亿元|元|块钱|块|人|名|个人|年|项|件|个|分|平方米|平米|㎡)?"
)
_UNIT_KIND = {
    "%": "%",
    "人": "人",
    "名": "人",
    "个人": "人",
    "年": "年",
    "项": "项",
    "件": "件",
    "个": "个",
    "分": "分",
    "平方米": "平方米",
    "平米": "平方米",
    "㎡": "平方米",
}
_NEAR = 10
"""How many characters may stand between a keyword and the number it introduces."""


@dataclass(frozen=True)
class Quantity:
    """A number found in text; ``unit`` is 万元 for money, else the unit written (or None)."""

    value: float
    unit: str | None
    start: int
    end: int


def _cn_number(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    import cn2an  # slow import: only for Chinese numerals

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
        except (ValueError, KeyError, TypeError, IndexError):
            return None


def quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` (already normalised), with its unit converted where it is money."""
    found = []
    for m in _QUANTITY.finditer(text):
        raw, mult, unit = m["num"], m["mult"].removeprefix("个"), m["unit"]
        if not re.search(r"[\d一二两三四五六七八九十]", raw):
            continue
        value = _cn_number(raw)
        if value is None:
            continue
        if m["pct"]:
            found.append(Quantity(value, "%", m.start(), m.end()))
            continue
        factor = 1.0
        for ch in mult:
            factor *= _MULT[ch]
        if unit in ("亿元", "万元"):
            factor *= _MULT[unit[0]]
            unit = "元"
        if unit in ("元", "块", "块钱") or (mult and ("万" in mult or "亿" in mult)):
            found.append(Quantity(value * factor / 1e4, "万元", m.start(), m.end()))
        else:
            found.append(Quantity(value * factor, _UNIT_KIND.get(unit or ""), m.start(), m.end()))
    return found


def convert(value: float, unit: str | None, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to``; None when they do not convert."""
    if unit is None or unit == to:
        return value
    if unit in MONEY and to in MONEY:
        return value * MONEY[unit] / MONEY[to]
    return None


def _has_word(text: str, words: list[str]) -> bool:
    return any(normalize(w) and normalize(w) in text for w in words)


def _is_word(text: str, words: list[str]) -> bool:
    return text in {normalize(w) for w in words}


def parse_answer(text: str, crit: Criterion, vocab: Vocabulary) -> Any:
    """The value of a direct answer to ``crit``'s question, ``UNKNOWN``, or None if not understood."""
    norm = normalize(text)
    if not norm:
        return None
    if _is_word(norm, vocab.unknown) or (_has_word(norm, vocab.unknown) and len(norm) <= 8):
        return UNKNOWN
    if crit.type == "bool":
        return _parse_bool(norm, vocab)
    if crit.type == "number":
        if norm in ("0", "零", "没有", "无"):
            return 0.0
        qs = quantities(norm)
        if len(qs) != 1:
            return None
        q = qs[0]
        target = crit.unit or ""
        value = convert(q.value, q.unit if q.unit != "个" else None, target)
        if value is None and target == "%" and q.unit is None:
            value = q.value
        return value
    return _parse_choice(norm, crit)


def _parse_bool(norm: str, vocab: Vocabulary) -> bool | None:
    if norm in ("1",):
        return True
    if norm in ("2",):
        return False
    if _is_word(norm, vocab.negative):
        return False
    if _is_word(norm, vocab.affirmative):
        return True
    no = _has_word(norm, [w for w in vocab.negative if len(normalize(w)) >= 2])
    yes = _has_word(norm, [w for w in vocab.affirmative if len(normalize(w)) >= 2])
    if no and not yes:
        return False
    if yes and not no:
        return True
    return None


def _parse_choice(norm: str, crit: Criterion) -> str | None:
    if norm.isdigit() and 1 <= int(norm) <= len(crit.options):
        return crit.options[int(norm) - 1].value
    for opt in crit.options:
        if normalize(opt.label) in norm or norm == opt.value:
            return opt.value
    hits = {opt.value for opt in crit.options for s in opt.synonyms if normalize(s) and normalize(s) in norm}
    return hits.pop() if len(hits) == 1 else None


@dataclass(frozen=True)
class _Vocab:
    """Normalised extraction words of a criteria table, computed once per knowledge version."""

    keywords: list[tuple[str, str]]  # (keyword, criterion id), longest first
    yes: list[tuple[str, list[str]]]
    no: list[tuple[str, list[str]]]
    choices: list[str]


_VOCABS: dict[int, tuple[dict[str, Criterion], _Vocab]] = {}


def _vocab(criteria: dict[str, Criterion]) -> _Vocab:
    cached = _VOCABS.get(id(criteria))
    if cached and cached[0] is criteria:
        return cached[1]
    words = _Vocab(
        keywords=sorted(
            ((normalize(k), cid) for cid, c in criteria.items() if c.type == "number" for k in c.extract),
            key=lambda p: -len(p[0]),
        ),
        yes=[(cid, [normalize(w) for w in c.yes_words if normalize(w)]) for cid, c in criteria.items() if c.yes_words],
        no=[(cid, [normalize(w) for w in c.no_words if normalize(w)]) for cid, c in criteria.items() if c.no_words],
        choices=[cid for cid, c in criteria.items() if c.type == "choice"],
    )
    if len(_VOCABS) > 8:
        _VOCABS.clear()
    _VOCABS[id(criteria)] = (criteria, words)
    return words


def extract(text: str, criteria: dict[str, Criterion]) -> dict[str, Any]:
    """Facts a free message states about the enterprise (“去年研发费用300万，做汽车零部件的”)."""
    norm = normalize(text)
    facts: dict[str, Any] = {}
    vocab = _vocab(criteria)
    for q in quantities(norm):
        best: tuple[int, int, str] | None = None  # (distance, -keyword length, criterion)
        for kw, cid in vocab.keywords:
            pos = norm.rfind(kw, 0, q.start + 1)
            if pos < 0 or pos + len(kw) > q.start or cid in facts:
                continue
            distance = q.start - (pos + len(kw))
            if distance > _NEAR:
                continue
            unit = criteria[cid].unit or ""
            if q.unit is None and unit not in ("%",) and unit not in MONEY:
                continue
            if convert(q.value, q.unit, unit) is None:
                continue
            cand = (distance, -len(kw), cid)
            if best is None or cand < best:
                best = cand
        if best:
            cid = best[2]
            value = convert(q.value, q.unit, criteria[cid].unit or "")
            if value is not None:
                facts[cid] = value
    for cid, words in vocab.no:
        if any(w and w in norm for w in words):
            facts.setdefault(cid, False)
    for cid, words in vocab.yes:
        if cid not in facts and any(w and w in norm for w in words):
            facts[cid] = True
    if not norm.isdigit():
        for cid in vocab.choices:
            choice = _parse_choice(norm, criteria[cid])
            if choice:
                facts.setdefault(cid, choice)
    return facts
