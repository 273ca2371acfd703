"""Understand checklist answers and pick enterprise facts out of free text (300万, 0.3亿, 百分之三, 三百万)."""

from __future__ import annotations

import datetime as dt
import re
import threading
import warnings
from collections.abc import Iterable
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
    r"(?P<unit>%|万元|亿元|元|块钱|块|人|名|个人|年|个月|月|项|件|个|分|平方米|平米|㎡)?"
)
_UNIT_KIND = {
    "%": "%",
    "人": "人",
    "名": "人",
    "个人": "人",
    "年": "年",
    "个月": "月",
    "月": "月",
    "项": "项",
    "件": "件",
    "个": "个",
    "分": "分",
    "平方米": "平方米",
    "平米": "平方米",
    "㎡": "平方米",
}
_VAGUE = re.compile(r"(不到|不足|少于|低于|近|约|大概|差不多|左右|以上|以下|多)$")
"""Words before a number that make it a guess or a bound, not a figure (“不到一年”): ask again."""
_AFTER_VAGUE = re.compile(r"^(左右|以上|以下|多|出头)")
MONTHS_PER_YEAR = 12
CALENDAR_YEAR = 1900
"""A number of 年 at least this large is a calendar year (2020年成立), not a count of years."""
BARE_MONEY_LIMIT = 100_000
"""A bare number this large given for a 万元 question is probably in 元: ask for the unit."""
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
    if unit == "月" and to == "年":
        return value / MONTHS_PER_YEAR
    return None


def _has_word(text: str, words: list[str]) -> bool:
    return any(normalize(w) and normalize(w) in text for w in words)


def _is_word(text: str, words: list[str]) -> bool:
    return text in {normalize(w) for w in words}


def parse_answer(text: str, crit: Criterion, vocab: Vocabulary, today: dt.date | None = None) -> Any:
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
        if len(qs) != 1 or _VAGUE.search(norm[: qs[0].start]) or _AFTER_VAGUE.match(norm[qs[0].end :]):
            return None
        q = qs[0]
        target = crit.unit or ""
        if target == "年" and q.unit == "年" and q.value >= CALENDAR_YEAR:
            return float(max(0, (today or dt.date.today()).year - int(q.value)))
        if target in MONEY and q.unit is None and q.value >= BARE_MONEY_LIMIT:
            return None
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


_Choices = list[tuple[str, str, list[str]]]
"""A choice criterion's options: (value, normalised label, normalised synonyms)."""


def _parse_choice(norm: str, crit: Criterion, words: _Choices | None = None) -> str | None:
    if norm.isdigit() and 1 <= int(norm) <= len(crit.options):
        return crit.options[int(norm) - 1].value
    options = words or _choices(crit)
    for value, label, _ in options:
        if label in norm or norm == value:
            return value
    hits = {value for value, _, synonyms in options for s in synonyms if s in norm}
    return hits.pop() if len(hits) == 1 else None


def _choices(crit: Criterion) -> _Choices:
    return [(o.value, normalize(o.label), [w for w in map(normalize, o.synonyms) if w]) for o in crit.options]


class _Words:
    """Normalised words indexed by their first character, to find which occur in a text without trying each."""

    def __init__(self, words: Iterable[str]):
        self._by_first: dict[str, list[str]] = {}
        for word in sorted({normalize(w) for w in words} - {""}):
            self._by_first.setdefault(word[0], []).append(word)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the words stand in ``text`` (overlaps included)."""
        found = []
        for i, ch in enumerate(text):
            for word in self._by_first.get(ch, ()):
                if text.startswith(word, i):
                    found.append((i, i + len(word)))
        return found


@dataclass(frozen=True)
class _Vocab:
    """Normalised extraction words of a criteria table, computed once per knowledge version."""

    keywords: list[tuple[str, str]]  # (keyword, criterion id), longest first
    yes: list[tuple[str, list[str]]]
    no: list[tuple[str, list[str]]]
    choices: list[tuple[str, _Choices]]
    names: _Words
    """Policy names (专精特新中小企业, 首版次软件): their words are not facts about the user."""


_VOCABS: dict[tuple[int, int], tuple[dict[str, Criterion], Iterable[str], _Vocab]] = {}
_VOCABS_LOCK = threading.Lock()
MAX_VOCABS = 8
"""Knowledge versions whose extraction words are kept (a reload adds one)."""


def _vocab(criteria: dict[str, Criterion], names: Iterable[str]) -> _Vocab:
    cached = _VOCABS.get((id(criteria), id(names)))
    if cached and cached[0] is criteria and cached[1] is names:
        return cached[2]
    words = _Vocab(
        keywords=sorted(
            ((normalize(k), cid) for cid, c in criteria.items() if c.type == "number" for k in c.extract),
            key=lambda p: -len(p[0]),
        ),
        yes=[(cid, [normalize(w) for w in c.yes_words if normalize(w)]) for cid, c in criteria.items() if c.yes_words],
        no=[(cid, [normalize(w) for w in c.no_words if normalize(w)]) for cid, c in criteria.items() if c.no_words],
        choices=[(cid, _choices(c)) for cid, c in criteria.items() if c.type == "choice"],
        names=_Words(names),
    )
    with _VOCABS_LOCK:
        if len(_VOCABS) > MAX_VOCABS:
            _VOCABS.clear()
        _VOCABS[(id(criteria), id(names))] = (criteria, names, words)
    return words


def extract(text: str, criteria: dict[str, Criterion], ignore: Iterable[str] = ()) -> dict[str, Any]:
    """Facts a free message states about the enterprise (“去年研发费用300万，做汽车零部件的”).

    ``ignore`` lists names (the topics' titles and aliases) whose words are not facts about the user; pass the
    same objects each time (the words are prepared once per ``criteria`` and ``ignore``).
    """
    norm = normalize(text)
    facts: dict[str, Any] = {}
    vocab = _vocab(criteria, ignore)
    for q in quantities(norm):
        if _VAGUE.search(norm[: q.start]) or _AFTER_VAGUE.match(norm[q.end :]) or q.unit == "年":
            continue  # bounds and years are asked, not guessed
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
    names = vocab.names.spans(norm)
    chars = set(norm)
    for cid, words in vocab.no:
        if any(w[0] in chars and _stated(norm, w, names) for w in words):
            facts.setdefault(cid, False)
    for cid, words in vocab.yes:
        if cid not in facts and any(w[0] in chars and _stated(norm, w, names) and not _negated(norm, w) for w in words):
            facts[cid] = True
    if not norm.isdigit():
        plain = "".join("|" if any(a <= i < b for a, b in names) else ch for i, ch in enumerate(norm))
        for cid, options in vocab.choices:
            choice = _parse_choice(plain, criteria[cid], options)
            if choice:
                facts.setdefault(cid, choice)
    return facts


def _stated(text: str, word: str, names: list[tuple[int, int]]) -> bool:
    """Whether ``word`` occurs in ``text`` other than inside a policy name."""
    at = text.find(word)
    while at >= 0:
        if not any(a <= at and at + len(word) <= b for a, b in names):
            return True
        at = text.find(word, at + 1)
    return False


_NEGATION = re.compile(r"(不是|没有|不属于|还不是|并非|非|未|无|不)$")
_LAPSED = re.compile(r"^.{0,4}(到期|过期|失效|被取消|撤销)")


def _negated(text: str, word: str) -> bool:
    """Whether ``word`` is denied where it stands (“我们没有高企证书”, “高企证书到期了”)."""
    at = text.find(word)
    while at >= 0:
        before, after = text[max(0, at - 3) : at], text[at + len(word) :]
        if not (_NEGATION.search(before) or _LAPSED.match(after)):
            return False
        at = text.find(word, at + 1)
    return True
