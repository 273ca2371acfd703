"""Understand checklist answers and pick enterprise facts out of free text (300万, 0.3亿, 百分之三, 三百万)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import os
import re
import threading
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from intents.normalize import YEAR_DIGITS, normalize
from knowledge.loader import MONEY
from knowledge.schema import Criterion, Vocabulary

UNKNOWN = "unknown"
"""Profile value of a criterion the user said they do not know."""

_CN_NUMERALS = "零〇一二两三四五六七八九十百千"
_CN_DIGITS = _CN_NUMERALS + "点"
_NOT_A_COUNT = "[部些直般样共定旦切致向贯下哈句遍起声眼]"
"""After a numeral, a word it forms that counts nothing: 一部分, 一些, 一直, 一般, 一共, 一定, 一哈 (一下) …"""
_MULT = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}
_NUMERAL_NOUNS = "五金|三坐标|三维|[三四五六七]轴|三星|三角|一体"
"""Names of things that open with a numeral (五金, 三坐标, 五轴机床): no figure in them."""
_NUM = rf"\d+(?:\.\d+)?|(?!{_NUMERAL_NOUNS})[{_CN_NUMERALS}][{_CN_DIGITS}]*(?![{_CN_DIGITS}]|{_NOT_A_COUNT})"
"""A figure in digits or Chinese numerals; 点 only inside one (一点二), not opening it (前年少点 八十万)."""
_QUANTITY = re.compile(
    rf"(?P<pct>百分之)?(?P<num>{_NUM})"
    rf"(?:(?P<sep>-|~|到|至)(?P<num2>{_NUM}))?"
    r"(?P<pointfew>点几)?"
    r"(?:个(?=半?[多几来]?[十百千]?[万亿]|[多来半][月点]))?(?P<half>半)?(?P<few>多|几|来)?(?P<mult>[十百千万亿]*)(?P<few2>多|来)?"
    rf"(?P<unit>个百分点|百分点|个点|%|趴|万元|亿元|元|块钱|块|人|名|位(?![置于数])|个人|号人|年|个月|月|项|件|个平方|个平米|分|平方米|平方|平米|平(?![均台时常安稳])|㎡|个|成(?![立功本果绩员品熟长交型])|点(?![\d{_CN_DIGITS}])|点(?=[{_CN_DIGITS}]{{1,2}}年))?"
    r"(?P<tenth>[一二三四五六七八九1-9](?![\d一二两三四五六七八九十百千万亿个年月人项件分类等级.%家所条台套次种批位名户本张成点]))?"
)


def _digit(ch: str) -> int:
    """一 … 九 or 1 … 9 as a number."""
    return int(ch) if ch.isdigit() else "一二三四五六七八九".index(ch) + 1


_PAIR = re.compile(r"^([一二两三四五六七八九])([一二两三四五六七八九])(?=[十百千万亿年个人月项名家成号]|$)")
"""Two neighbouring numerals before a power of ten: 两三千万 is a range (2000 to 3000万)."""
_TEEN_PAIR = re.compile(r"^([一二三四五六七八九]?十)([一二三四五六七八九])([一二三四五六七八九])$")
"""十二三 / 三十五六: two neighbouring last digits are a range (12 to 13, 35 to 36)."""
_MID_PAIR = re.compile(r"^(.*[百千])([一二三四五六七八九])([一二三四五六七八九])([十百]?)$")
"""两百七八十 / 三千七八百: two neighbouring digits after a hundred or a thousand are a range (270 to 280)."""
_UNIT_KIND = {
    "%": "%",
    "趴": "%",
    "个点": "%",
    "个百分点": "%",
    "百分点": "%",
    "成": "%",
    "人": "人",
    "名": "人",
    "位": "人",
    "个人": "人",
    "号人": "人",
    "点": "%",
    "年": "年",
    "个月": "月",
    "月": "月",
    "项": "项",
    "件": "项",  # (七件发明专利: things counted, as 项)
    "个": "个",
    "分": "分",
    "平方米": "平方米",
    "平方": "平方米",
    "个平方": "平方米",
    "个平米": "平方米",
    "平米": "平方米",
    "平": "平方米",
    "㎡": "平方米",
}
_BELOW = re.compile(
    r"(不到|不足|不够|没够|没到|没有到|没过|没达到|达不到|少于|低于|未满|不满|没满|没有满|莫满|将近|接近|近)$"
)
"""Words before a number that put the value just under it (“不到一年”, “将近三千万”)."""
_ABOVE_BEFORE = re.compile(r"(超过|高于|多于|不少于|不低于|至少|起码)(营收|营业收入|销售收入|收入|销售额)?的?$")
_APPROX_BEFORE = re.compile(r"(大约|大概|约|差不多|估计|可能|应该是|预计)$")
_AFTER = re.compile(r"^(左右|上下|前后|出头|以上|以下|以内|多)")
_AFTER_RANGE = {"出头": (1.0, 1.2), "以上": (1.0, None), "多": (1.0, None), "以下": (0.0, 1.0), "以内": (0.0, 1.0)}
"""A word after a number and the range it makes, as factors of the number (None: no upper bound)."""
BELOW_FACTOR = 0.9
"""“将近 X” / “不到 X” is read as the range from 90% of X to just under X."""
JUST_UNDER = 0.9999
MONTHS_PER_YEAR = 12
CALENDAR_YEAR = 1900
"""A number of 年 at least this large is a calendar year (2020年成立), not a count of years."""
_YEARS_BACK = "大前年"
"""The year before the year before (its figures are kept apart from last year's and the year before's)."""
WHOLE = 100.0
"""A share said to be all of it (全部, 都在国内)."""
BARE_MONEY_LIMIT = 100_000
"""A bare number this large given for a 万元 question is probably in 元: ask for the unit."""
BARE_MONEY_FLOOR = 10
"""A bare number this small (2点几) is no sum in 万元 a company would give without its unit."""
_NEAR = 10
"""How many characters may stand between a keyword and the number it introduces."""
_NEAR_YEARS = 16
"""How far a count of years may stand after its keyword (做 + the name of a product + 十一年了)."""
_NEAR_BARE = 3
"""A number with no unit belongs to a keyword only this close (“营收3000”, not “营收过了排二十几位”)."""
_SAID_BEFORE = re.compile(
    r"(还是|也是|就是|是|还|都|跟|和)?(我|我们)?(刚才|刚刚|前面|之前|上面)(说|讲|报|给|填)(的|过的|了的)(一样|那个)?(是)?"
)
"""Between a keyword and a bare number: the figure was said before (营收还是刚才说的一千五), so it is the keyword's."""
BARE_UNITS = ("分",)
"""Units people leave out (评价得分平台上测的58): a bare number reaches their keywords as far as a unit's does."""
UNBOUNDED = 1e15
"""The upper end of an open range (“1亿以上”), finite so that it stores as JSON."""


@dataclass(frozen=True)
class Quantity:
    """A number found in text; ``unit`` is 万元 for money, else the unit written (or None).

    ``low``/``high`` bound it where the text gives a range or a hedge (五千多万, 两三千万, 不到一年, 1亿以上);
    ``approx`` marks a hedged figure (大概, 左右) that is taken as it is.
    """

    value: float
    unit: str | None
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    approx: bool = False

    @property
    def is_range(self) -> bool:
        """Whether the text gives bounds rather than one figure."""
        return self.low is not None or self.high is not None

    def stored(self, factor: float = 1.0) -> float | list[float]:
        """The profile value: a number, or ``[low, high]``, scaled by ``factor`` (unit conversion)."""
        if not self.is_range:
            return self.value * factor
        low = (self.low if self.low is not None else 0.0) * factor
        high = self.high * factor if self.high is not None else UNBOUNDED
        return [low, min(high, UNBOUNDED)]


def cn_number(text: str) -> float | None:
    """The value of a number written in digits or Chinese numerals (十二, 两千五百), if it is one."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    import cn2an  # slow import: only for Chinese numerals

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
        except (ValueError, KeyError, TypeError, IndexError):
            return None


def _step(raw: str, value: float) -> float:
    """The size of the last place of a number, for “多/几”: 3000多 → 1000, 十几 → 10, 1500多 → 100."""
    if raw.isdigit() or re.fullmatch(r"\d+\.\d+", raw):
        if "." in raw:
            return 10 ** -len(raw.split(".")[1])
        stripped = raw.rstrip("0")
        return float(10 ** (len(raw) - len(stripped))) if stripped else 1.0
    for ch, size in (("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 100.0), ("十", 10.0)):
        if raw.endswith(ch):
            return size
    return 1.0 if value < 10 else 10.0


_ONE_OF = frozenset("另每哪某同任唯")
"""Before 一, words that make it pick one (另一个, 每一个) rather than count one."""
_PIECE_OF = frozenset("这那的出")
"""Before 一块, words that make it a part of something (这一块, 隔出来的一块), not one yuan."""
_CODE = re.compile(r"[a-z]{2}$")
"""Letters just before a number make it a code (iatf16949, iso9001, gb18030), not a figure."""


_SPOKEN_ALONE_BEFORE = r"(?<![\d一二两三四五六七八九十百千万亿点])"
_SPOKEN_ALONE_AFTER = r"(?![\d一二两三四五六七八九十百千万亿个点年月号人项件名位家岁天类等级种批期成])"
"""Around a spoken decimal: no other numeral before it, and no numeral or unit after its tenth."""
_POINT_SAID_GE = re.compile(
    rf"{_SPOKEN_ALONE_BEFORE}([一二两三四五六七八九十])个([一二三四五六七八九]){_SPOKEN_ALONE_AFTER}"
)
"""“四个八”, “三个五”: a share said as N个M, spoken for N.M (四点八个点), not a count of 四个."""
_POINTS_SAID = re.compile(
    rf"{_SPOKEN_ALONE_BEFORE}([一二两三四五六七八九十])个点([一二三四五六七八九]){_SPOKEN_ALONE_AFTER}"
)
"""“三个点二”: 3.2 percentage points."""
_POINT_MONEY_SAID = re.compile(
    rf"{_SPOKEN_ALONE_BEFORE}([一二两三四五六七八九十])个点([一二三四五六七八九])(个?)(?=[万亿])"
)
"""“一个点六亿”, “两个点三个亿”: 1.6亿, 2.3亿, spoken with 个点 (no share of one percent, then 六亿)."""
_NUMERAL_PLACES = re.compile(r"两江|两路|万州|万盛|九龙坡|九龙园|三峡|四川|四面山|八一路|五一路")
"""Places whose names hold a numeral (两江新区, 万州, 九龙坡): no figure is read in them."""
_NOT_AMOUNT = frozenset("份号类等级度岁楼栋")
"""After a number, words that make it a name or another measure: 十月份, 52号, 一类知识产权, 二等奖, 一级, 40度, 3楼."""
_EDITION = re.compile(r"版(?!权)")
"""After a number, an edition (2024版目录, 2024年版): no amount (3年版权 is three years, then 版权)."""
_NAMED_BY_COUNT = re.compile(r"大(?![概约致体前])")
"""After a bare number, 大 makes a name of it (八大领域, 四大件), unless it opens a hedge (三大概) or a year
(大前年)."""
_FEW = frozenset("两三四五六七八九十")
"""The counts a name is made of (八大领域, 十大产业): one numeral, no decimal (一点六 | 大前年一点四)."""
_THINGS = frozenset("只辆张套间杯顿次回遍趟")
"""After a bare number, classifiers of things no condition counts: 推荐两只 (stocks), 两辆车, 租两套 (flats), and
of times (每半年公告一次, 评了两回)."""
_ONE_PLACE = re.compile(r"家[撒嘛噻哈哦呢吧啊]")
"""After a bare number, 家 and a closing particle (推荐一家撒): a place to go, no figure (两家主机厂, 3家 count)."""


_A_BIT = re.compile(r"一点(?![\d一二两三四五六七八九零几])")
"""一点 with no digit after it: “a bit” (讲通俗一点), not one point something (一点五亿)."""


_POINT_YI_SAID = re.compile(rf"{_SPOKEN_ALONE_BEFORE}([一二两三四五六七八九])个([一二三四五六七八九])(?=个?亿)")
"""“两个六个亿”: 2.6亿 said as N个M, not 六个亿."""
_YI_SAID = re.compile(r"([一两二三四五六七八九])个([一二两三四五六七八九]千[一二两三四五六七八九百万]*)")
"""一个三千万, 一个一千五: 亿 said as 个 before the 千万 that follow it (营收去年一个三千万 = 1.3亿)."""
_ONE_THING_OF = ("的", "项目", "合同", "订单", "单子")
"""After such a figure: a thing of that amount (一个三千万的项目), not an amount in 亿."""


def _yi_said(m: re.Match[str]) -> str:
    """A match of ``_YI_SAID`` with its 个 read as 亿, unless a thing of that amount follows."""
    if m.string.startswith(_ONE_THING_OF, m.end()):
        return m[0]
    return m[1] + "亿" + m[2]


_SPOKEN_YEAR = re.compile(r"^([一二])([零〇一二三四五六七八九])$")
"""A year said by its last two digits in numerals (一六年, 二三年)."""
_NOUGHTS_YEAR = re.compile(r"^(?:[零〇]([一二三四五六七八九])|0([1-9]))$")
"""A year of the 2000s said by its last two digits (零九年, 〇八年, 09年)."""
_DATED_BY = re.compile(
    r"(就|才|的时候|开始|在)?(开始|评|认定|拿|获|成立|注册|入选|建|搭|办|开|立|挂牌|授牌|批|组建|投产|购买|买的|登记|申请|申报|报)"
)
"""After a year: what happened then (一八年挂牌, 二三年评的)."""


_NUMERAL_YEAR = re.compile(r"(?<![一二两三四五六七八九十〇零])([一二][〇零一二三四五六七八九]{1,3})年")
_DIGIT_OF = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _year_in_digits(m: re.Match[str], text: str) -> str:
    """A year said in numerals (二〇年, 二〇二〇年) written in digits, if it is a year (二三年 may be 2 to 3 years)."""
    raw = m[1]
    if len(raw) == 2 and _spoken_year(raw, text, m.end()) is None:
        return m[0]
    return "".join(_DIGIT_OF[c] for c in raw) + "年"


def _spoken_year(raw: str, text: str, end: int) -> float | None:
    """The calendar year a pair of numerals before 年 names (一六年开始做 → 2016), if it names one.

    Neighbouring numerals (二三年) are a range of years unless an event follows (二三年评的); others (一六, 一八)
    never are.
    """
    if (noughts := _NOUGHTS_YEAR.match(raw)) is not None:  # 零九年开始做的, 09年注册: 2009, never nine years
        digit = int(noughts[2]) if noughts[2] else "一二三四五六七八九".index(noughts[1]) + 1
        return float(CENTURY + digit)
    pair = _SPOKEN_YEAR.match(raw)
    if pair is None:
        return None
    tens, ones = "一二".index(pair[1]) + 1, "零〇一二三四五六七八九".index(pair[2])
    ones = max(0, ones - 1)  # (零 and 〇 are both 0)
    neighbours = ones == tens + 1
    if neighbours and not _DATED_BY.match(text, end):
        return None
    return float(CENTURY + tens * 10 + ones)


def quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` (already normalised), with hedges and ranges, money converted to 万元."""
    found = []
    text = text.replace("一半", "五成")  # (same length: positions still point into the caller's text)
    text = text.replace("百分之百", "100%")  # (same length)
    text = _POINT_SAID_GE.sub(r"\1点\2", text)  # 四个八 = 四点八 (same length)
    text = _POINT_YI_SAID.sub(r"\1点\2", text)  # 两个六个亿 = 两点六个亿 (same length)
    text = _POINT_MONEY_SAID.sub(lambda m: _BLANK * (1 + len(m[3])) + m[1] + "点" + m[2], text)  # (same length)
    text = _POINTS_SAID.sub(r"\1点\2%", text)  # 三个点二 = 三点二% (same length)
    text = _YI_SAID.sub(_yi_said, text)  # 一个三千万 = 一亿三千万 (same length)
    text = _NUMERAL_PLACES.sub(lambda m: "地" * len(m[0]), text)  # 在两江注册的: a place, no figure (same length)
    for m in _DIVIDED.finditer(text):  # 研发占比 200除以3500: the share worked out, 5.71%
        part, whole = cn_number(m[1]), cn_number(m[2])
        if part is not None and whole and 0 <= part <= whole:
            found.append(Quantity(round(100 * part / whole, 2), "%", m.start(), m.end()))
    text = _DIVIDED.sub(lambda m: _BLANK * len(m[0]), text)  # (same length)
    for m in _FRACTION.finditer(text):  # 占四分之一: a quarter, 25%
        whole, part = cn_number(m[1]), cn_number(m[2])
        if whole and part is not None and 0 < part <= whole:
            found.append(Quantity(round(100 * part / whole, 2), "%", m.start(), m.end()))
    text = _FRACTION.sub(lambda m: _BLANK * len(m[0]), text)  # (same length)
    for m in _QUANTITY.finditer(text):
        raw, mult, unit = m["num"], m["mult"], m["unit"]
        if text[max(0, m.start() - 1) : m.start()] in ("第", "前", "哪") or text[m.end() : m.end() + 1] in _NOT_AMOUNT:
            continue  # 排第二 and 全国前五 are ranks, 哪两年 asks which, 十月份 a date, 52号(文) a document
        if not (mult or unit or m["pct"]) and (
            text[m.end() : m.end() + 1] in _THINGS or _ONE_PLACE.match(text, m.end())
        ):
            continue  # 推荐两只, 租两套: things counted, no figure of the enterprise
        if _CODE.search(text, 0, m.start()):
            continue  # IATF16949, ISO9001: a standard's code, not an amount
        if not (mult or unit or m["pct"]) and raw in _FEW and _NAMED_BY_COUNT.match(text, m.end()):
            continue  # 八大领域, 三大类: a name counting its parts, no figure (三大概 is a figure and a hedge)
        if raw == "一" and text[max(0, m.start() - 1) : m.start()] in _ONE_OF:
            continue  # 另一个公司, 每一个项目: which one, not how many
        if raw == "一" and unit in (None, "个") and not mult and _ASKED_FOR.search(text, 0, m.start()):
            continue  # 网址发一个, 给我一个链接: a thing asked for, no figure
        if raw == "一" and unit == "块" and not mult and text[max(0, m.start() - 1) : m.start()] in _PIECE_OF:
            continue  # 研发这一块, 车间里隔出来的一块: a part of something, not ¥1
        if not re.search(r"[\d一二两三四五六七八九十]", raw) and not raw.startswith("零点"):
            continue  # (a lone 零 is no figure; 零点几 and 零点五 are)
        if _A_BIT.match(text, m.start()) and not (mult or unit or m["pct"]):
            continue  # 讲白话一点, 快一点: “a bit”, no figure
        if _EDITION.match(text, m.end()):
            continue  # 2024版目录, 2024年版: an edition, no figure nor years
        if unit == "月" and "个" not in m[0] and not m["half"]:
            continue  # 今年7月预缴: a month of the year, no duration (七个月, 八个多月 are)
        if unit == "年" and (year := _spoken_year(raw, text, m.end())) is not None:
            found.append(Quantity(year, "年", m.start(), m.end()))  # 一六年开始做, 一八年挂牌: 2016, 2018
            continue
        if (split := _second_numeral(raw)) is not None:
            # “研发费用分别是两百 两百五” (the space is gone): a place said again begins a second figure
            at = m.start() + split
            found += [
                replace(q, start=q.start + m.start(), end=q.end + m.start()) for q in quantities(text[m.start() : at])
            ]
            found += [replace(q, start=q.start + at, end=q.end + at) for q in quantities(text[at : m.end()])]
            continue
        if raw.count("点") == 2 and (cut := raw.index("点") + 2) < raw.index("点", cut - 1):
            # “两年都是三点八三点九”: two decimals said in one breath, each of one digit after its 点
            at = m.start() + cut
            found += [
                replace(q, start=q.start + m.start(), end=q.end + m.start()) for q in quantities(text[m.start() : at])
            ]
            found += [replace(q, start=q.start + at, end=q.end + at) for q in quantities(text[at : m.end()])]
            continue
        pair = _PAIR.match(raw)
        low_raw = None
        if pair:  # 两三千万: the range from 两千 to 三千
            low_raw, raw = pair[1] + raw[2:], raw[1:]
        elif teen := _TEEN_PAIR.match(raw):  # 十二三个: from 十二 to 十三
            low_raw, raw = teen[1] + teen[2], teen[1] + teen[3]
        elif mid := _MID_PAIR.match(raw):  # 两百七八十万: from 两百七十 to 两百八十
            low_raw, raw = mid[1] + mid[2] + mid[4], mid[1] + mid[3] + mid[4]
        leading_zero = raw.startswith("零") and len(raw) > 1 and raw[1] != "点"  # (零点五 is 0.5)
        value = cn_number(raw[1:] if leading_zero else raw)  # (一亿零五百万: 五百)
        if value is None:
            continue
        if value == 1 and not (mult or low_raw or m["num2"]) and _NONE_AT_ALL.match(text, m.end()):
            found.append(Quantity(0.0, _UNIT_KIND.get(unit or ""), m.start(), m.end()))
            continue  # “科技人员一个都没有”: none, not one
        if m["half"] and (m["mult"] or m["unit"] in ("月", "年", "点")):  # 一个半亿, 八个半月, 四个半点
            value += 0.5
        low = cn_number(low_raw) if low_raw else None
        if m["num2"]:  # 2-3千万, 2到3亿
            second = cn_number(m["num2"])
            if second is not None:
                low, value = value, second
        few = m["few"] or m["few2"] or ("多" if m["pointfew"] else None)  # 2点几: from 2 to 3
        high = None
        if few in ("多", "几"):
            # 三千多万 is under 四千万: the next step is just out of reach (display rounds it back)
            low, high = value, (value + _step(raw, value) * (0.999 if few == "几" else 1.0)) * JUST_UNDER
            if few == "几" and raw.endswith("十"):
                low = value + 1  # 十几 from 11, 八十几 from 81 (八十 itself is said so)
        if m["pct"]:  # 百分之十几: from 11% to 19%
            found.append(_hedged(text, m, value, low, high, "%", 1.0))
            continue
        factor = 1.0
        for ch in mult:
            factor *= _MULT[ch]
        if m["tenth"] and unit is None and mult[-1:] in ("亿", "万") and raw.isdigit() == m["tenth"].isdigit():
            value += _digit(m["tenth"]) / 10  # 一万二 = 1.2万, 4亿5 = 4.5亿
        if unit == "成" and not mult:  # (三百万成: no share; 三百万 then a word)
            tenth = float(_digit(m["tenth"])) if m["tenth"] and not m["tenth"].isdigit() else 0.0
            found.append(_hedged(text, m, value * 10 + tenth, low, high, "%", 1.0, approx=few == "来"))
            continue
        if unit in ("亿元", "万元"):
            factor *= _MULT[unit[0]]
            unit = "元"
        if unit in ("元", "块", "块钱") or (mult and ("万" in mult or "亿" in mult)):
            found.append(_hedged(text, m, value, low, high, "万元", factor / 1e4, approx=few == "来"))
        else:
            found.append(_hedged(text, m, value, low, high, _UNIT_KIND.get(unit or ""), factor, approx=few == "来"))
    for m in _HALF_YEAR.finditer(text):  # 成立半年: half a year, with no numeral before it
        found.append(Quantity(0.5, "年", m.start(), m.end()))
    found.sort(key=lambda q: q.start)
    return _joined(text, found)


_NUMERAL_PLACE = {"十": 1, "百": 2, "千": 3}


def _second_numeral(raw: str) -> int | None:
    """Where a second figure begins in a run of Chinese numerals said without a break, if one does.

    两百两百五 is 两百 then 两百五: no numeral names the hundreds twice. 十一十二 is 十一 then 十二. None for one figure
    (两千三百五十, 一千零五) and for decimals.
    """
    if "点" in raw or raw.isdigit():
        return None
    last = len(_NUMERAL_PLACE) + 1
    for i, ch in enumerate(raw):
        if ch not in _NUMERAL_PLACE:
            continue
        if _NUMERAL_PLACE[ch] >= last:
            cut = i - 1 if raw[i - 1] not in _NUMERAL_PLACE and raw[i - 1] != "零" else i
            if ch == "十" and cut >= 1 and raw[cut - 1] == "十":
                cut = i  # (十一十二: 十一, not 十)
            return cut if cut > 0 else None
        last = _NUMERAL_PLACE[ch]
    return None


_ASKED_FOR = re.compile(r"((?<![研开出批分印颁下引散收])发|给我|给我们|推荐|甩|举)$")
"""Right before 一个: a request (发一个, 给我一个), the thing asked for counted, no figure of ours."""
_NONE_AT_ALL = re.compile(r"(都|也)(还)?(没有|没得|莫得|没)")
"""After 一个, 一项: not even one (一个都没有, 一项也没得)."""
_DIVIDED = re.compile(r"([\d.]+|[一二两三四五六七八九十百千点]+)万?除以([\d.]+|[一二两三四五六七八九十百千点]+)万?")
"""One sum over another (200除以3500, 两百万除以三千五百万): the share it works out to, in per cent."""
_FRACTION = re.compile(r"(?<!百)([一二两三四五六七八九十\d]{1,3})分之([一二两三四五六七八九十\d]{1,3})")
"""A fraction (四分之一, 三分之二): a share, in per cent (百分之 is said as such)."""
_HALF_YEAR = re.compile(r"(?<![上下前后大多个\d一二两三四五六七八九十])半年(?!度|报|考核|的时间内)")
"""半年 on its own: half a year (not 上半年, 一年半, 半年度)."""


def _joined(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with the figures said as one joined: 一亿二千万 = 12,000万元, 五年零三个月 = 5.25年."""
    out: list[Quantity] = []
    for q in found:
        if q.unit == "年" and text.startswith("半", q.end) and not q.is_range:
            q = Quantity(q.value + 0.5, "年", q.start, q.end + 1, None, None, q.approx)  # 一年半, 三年半
        last = out[-1] if out else None
        if (
            last is not None
            and last.unit == "万元"
            and q.unit in ("万元", None)  # (一亿三千五: the 万 after 亿 goes unsaid)
            and q.start == last.end
            and text[last.end - 1] == "亿"
            and not last.is_range
            and q.value < _MULT["亿"] / _MULT["万"]
            and "." not in text[last.start : q.end]  # (2.3个亿 1.5是前年的: two figures, no 一亿三千五)
        ):
            low = None if q.low is None else last.value + q.low
            high = None if q.high is None else last.value + q.high
            out[-1] = Quantity(last.value + q.value, "万元", last.start, q.end, low, high, q.approx)
            continue
        if last is not None and last.unit == "年" and q.unit == "月" and q.start == last.end and not last.is_range:
            months = q.value / MONTHS  # “五年零三个月”, “5年3个月”: one duration in years
            out[-1] = Quantity(last.value + months, "年", last.start, q.end, None, None, last.approx or q.approx)
            continue
        if (
            last is not None
            and text[last.end : q.start] in _EITHER_OF
            and last.unit == q.unit
            and q.unit in ("个", "项", "件", "人")  # (not 门槛到底是1000万还是1500万: two rules heard of)
            and not last.is_range
            and not q.is_range
        ):  # “发明专利有三个还是四个 记不到了”: one or the other, a range
            low, high = sorted((last.value, q.value))
            out[-1] = Quantity(high, q.unit, last.start, q.end, low, high, last.approx or q.approx)
            continue
        out.append(q)
    return _shared_units(text, out)


_EITHER_OF = ("还是", "或者", "或", "还是说", "或者是")
"""Between two figures of one kind: the one or the other (三个还是四个), said as not sure which."""


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """A bare figure joined by 和 / 、 to one with a unit takes that unit: 620和700万 is 620万 and 700万.

    A bare figure after a year word, following a sum in 亿 or 万 (大前年一点二亿 前年一点四 去年一点六), is in the
    same unit.
    """
    out = _points_carried(text, _carried_units(text, list(found)))
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        digits_a, digits_b = _DIGITS.fullmatch(text, a.start, a.end), _DIGITS.match(text, b.start, b.end)
        if a.unit is not None or b.unit is None or text[a.end : b.start] not in _UNIT_SHARED or a.is_range:
            continue
        if digits_a is None or digits_b is None or float(digits_b[0]) == 0:
            continue
        factor = b.value / float(digits_b[0])
        out[i] = Quantity(a.value * factor, b.unit, a.start, a.end, None, None, a.approx)
    return out


def _carried_units(text: str, out: list[Quantity]) -> list[Quantity]:
    """``out`` with each bare figure after a year word in the unit of the sum before (大前年一点二亿 前年一点四)."""
    scale: float | None = None  # the scale of the sum before, carried along a run of years
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        scale = _SCALE.get(text[a.end - 1 : a.end], scale) if a.unit == "万元" else None
        if scale is None or b.unit is not None or b.is_range or not _YEAR_ONLY.fullmatch(text, a.end, b.start):
            scale = None if b.unit != "万元" else scale
            continue
        if scale > 1 and b.value >= _YI_BARE_MAX:
            scale = 1.0  # (去年一点一个亿 前年九千五: 九千五 is 9,500万, no 9,500亿)
        out[i] = Quantity(b.value * scale, "万元", b.start, b.end, None, None, b.approx)
    return out


def _points_carried(text: str, out: list[Quantity]) -> list[Quantity]:
    """``out`` with “五个多” right after a share in points (行业两个点 我们五个多) a share too: five-odd points.

    So is “两个半” (2.5 points), and a bare “三个” where the words between compare (研发强度五个点 同行平均三个).
    """
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.unit != "%" or b.unit != "个" or b.start - a.end > _POINTS_GAP or _NOUN_AFTER_COUNT.match(text, b.end):
            continue
        if text.endswith("个多", 0, b.end):
            out[i] = Quantity(b.value, "%", b.start, b.end, b.value, b.value + 1, b.approx)
        elif text.startswith("半", b.end) and not _NOUN_AFTER_COUNT.match(text, b.end + 1):
            out[i] = Quantity(b.value + 0.5, "%", b.start, b.end + 1, None, None, b.approx)
        elif _OTHER_SIDE.search(text, a.end, b.start) and (b.end == len(text) or not _CJK.match(text, b.end)):
            out[i] = Quantity(b.value, "%", b.start, b.end, None, None, b.approx)
    return out


_POINTS_GAP = 8
"""How far after a share in points a bare “N个多” may stand to be in points too."""
_OTHER_SIDE = re.compile(r"同行|行业|平均|全市|我们|自己")
"""Between a share in points and a bare “N个”: the other side of a comparison, in the same points."""
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOUN_AFTER_COUNT = re.compile(
    r"人|员|项|件|家|台|套|款|种|名|位|篇|本|张|条|专利|软著|产品|客户|工程师|博士|硕士|研究生"
)
"""Right after “N个多”: what it counts (五个多人), not the end of a figure in points."""


_YI_BARE_MAX = 100
"""A bare figure after a sum in 亿 this large is in 万 (一点一个亿 | 九千五), not in 亿."""


_SCALE = {"亿": 1e4, "万": 1.0}
"""The last character of a sum said in 万元 (一点二亿, 三百万) and what a bare figure after it is multiplied by."""
_YEAR_ONLY = re.compile(r"\+?(去年|前年|大前年|今年|上年度?|\d{2,4}年度?)")
"""Only a year word between two figures: the second is the next year's of the same sum."""
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_UNIT_SHARED = ("和", "、", "跟", "与", "或", "+")
"""Between two figures, what makes the first take the second's unit (620和700万; 1.6 1.8 2.1个亿, spaced apart)."""


MONTHS = 12


def _hedged(
    text: str,
    m: re.Match[str],
    value: float,
    low: float | None,
    high: float | None,
    unit: str | None,
    factor: float,
    approx: bool = False,
) -> Quantity:
    """The quantity with the hedge words around it applied (不到/将近/超过 before, 左右/出头/以上 after)."""
    before, after = text[: m.start()], text[m.end() :]
    open_ended = False  # “超过一亿”, “1亿以上”: no upper bound
    if _NOT_EVEN.search(before) and _NOT_EVEN_AFTER.match(after):
        low, high = 0.0, value * JUST_UNDER  # “研发连一百万都没得”: under it, by how much unsaid
    elif _BELOW.search(before):
        low, high = value * BELOW_FACTOR, value * JUST_UNDER
    elif _ABOVE_BEFORE.search(before):
        low, high, open_ended = value, None, True
    elif _APPROX_BEFORE.search(before):
        approx = True
    word = _AFTER.match(after)
    if low is None and high is None and _SHORT_DOUBTED.search(after, 0, _SHORT_DOUBT_CHARS):
        low, high = value * BELOW_FACTOR, value  # “大概四个点 可能差一点点 也可能刚好”: at most, maybe under
    elif word and low is None and high is None:
        if word[1] in ("左右", "上下", "前后"):
            approx = True
        else:
            lo_f, hi_f = _AFTER_RANGE[word[1]]
            low = value * lo_f
            if word[1] == "多":
                high = value + _step(m["num"], value)
            elif word[1] == "出头":  # 九十万出头: above ninety, below the next hundred-thousand: never 一百
                high = min(value * hi_f, value + _step(m["num"], value)) * JUST_UNDER if hi_f else None  # (< 1.2×)
            else:
                high = value * hi_f if hi_f is not None else None
                open_ended = hi_f is None
    end = m.end() + (len(word[1]) if word else 0)

    def scale(x: float | None) -> float | None:
        return None if x is None else x * factor

    if low is not None and high is None and not open_ended:
        high = value  # 两三千万: from the first to the second
    return Quantity(value * factor, unit, m.start(), end, scale(low), scale(high), approx)


_NOT_EVEN = re.compile(r"连(大概|差不多)?$")
_NOT_EVEN_AFTER = re.compile(r"(都|也)(还)?(没得|没有|莫得|没|不到|没到|不够|不足)")
"""连 X 都没得: not even X, anywhere under it (研发连一百万都没得)."""
_SHORT_DOUBTED = re.compile(r"可能(还)?差(一)?点|差一点点|可能不到|不一定(够|到|有)|可能还不够|可能没到")
"""Said after a figure: it may fall short of what it says (四个点 可能差一点点): at most that, maybe under."""
_SHORT_DOUBT_CHARS = 10


def convert(value: float, unit: str | None, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to``; None when they do not convert."""
    if unit is None or unit == to:
        return value
    if unit in MONEY and to in MONEY:
        return value * MONEY[unit] / MONEY[to]
    if unit == "月" and to == "年":
        return value / MONTHS_PER_YEAR
    return None


KNOWING_ASKED = re.compile(r"(你|你们)?(晓不晓得|知不知道|清不清楚|晓得不|知道不)")
"""Whether the bot knows, asked (社保基数今年涨了好多 你晓不晓得): no “don't know” of the user's."""


def _has_word(text: str, words: list[str]) -> bool:
    return any(normalize(w) and normalize(w) in text for w in words)


def _is_word(text: str, words: list[str]) -> bool:
    return text in {normalize(w) for w in words}


def parse_answer(text: str, crit: Criterion, vocab: Vocabulary, today: dt.date | None = None) -> Any:
    """The value of a direct answer to ``crit``'s question, ``UNKNOWN``, or None if not understood.

    A number may come back as ``[low, high]`` where the answer gives a range or a bound (五千多万, 不到一年).
    """
    norm = normalize(text)
    if not norm:
        return None
    said = KNOWING_ASKED.sub("|", norm)  # (你晓不晓得: the bot asked whether it knows, no “don't know” of ours)
    if _is_word(norm, vocab.unknown) or (_has_word(said, vocab.unknown) and len(norm) <= UNKNOWN_CHARS):
        return UNKNOWN
    if crit.type == "bool":
        return parse_yes_no(norm, vocab, clause_breaks(text))
    if crit.type == "number":
        if _is_word(norm, ["0", "零", "没有", "无", "莫得", "没得", "一个都没有", "一项都没有"]):
            return 0.0
        apart = clause_breaks(text)
        found = [  # (同行平均好像才一点几 我们四个点多: the peers' average answers nothing of ours)
            q
            for q in quantities(norm)
            if not _a_span(norm, q)
            and not _after_average(norm, q)
            and not (q.end not in apart and _counts_another_thing(norm, q, crit))
            and not STILL_PENDING.match(norm, q.end)
        ]
        years = crit.mean_years or crit.sum_years
        if years and (combined := _over_years_said(norm, found, crit, years, today)) is not None:
            return combined  # asked 近三年平均主营业务收入, told “2.6亿 3亿 3.4亿” (or “三年加起来18个亿”)
        if crit.unit == "年" and len(found) > 1:  # (专精特新2024年拿的 …十一年了: the year a title came, no span)
            found = [q for q in found if q.value < CENTURY] or found
        fits = [v for v in (number_value(q, crit.unit or "", today) for q in found) if v is not None]
        if len(fits) != 1:  # “1.6个亿左右 有个工程师入选了”: the one figure said in the question's unit
            unit = "万元" if (crit.unit or "") in MONEY else crit.unit
            fits = [v for q in found if q.unit and q.unit == unit and (v := number_value(q, unit, today)) is not None]
        return fits[0] if len(fits) == 1 else None
    breaks = clause_breaks(text)
    choices = _choices(crit)
    if says_unknown(norm) and len({v for v, _label, words in choices if any(w in norm for w in words)}) > 1:
        return UNKNOWN  # “规上规下我真不晓得”: two kinds named, neither known
    chosen = _parse_choice(_unsaid(norm, choices, breaks, crit), crit, breaks=breaks)
    return _narrowest(chosen, family_value(norm, crit, breaks, asked=True), crit)


_DONE_BEFORE = re.compile(
    r"(主导|参与|牵头|起草|主编|参编|制定|制订)(搞|弄|编|定|写)?(了|过)?[一两三四五六七八九十几\d]*(项|个|部|份)?$"
)
"""Before a policy's name, a part taken (主导了一项 | 行业标准, 牵头搞了一个 | 行业标准): the thing done, no policy
named."""
_HELD_AFTER = re.compile(r"(都|也)有(的|了)?(?![吗没不哪啥什几多])")
"""After a policy's name, that we have one too (技术中心 行业标准都有): the thing had, no policy named."""
_DONE_CHARS = 8
"""How far before a name ``_DONE_BEFORE`` looks."""

_TOTAL_SAID = re.compile(r"加起来?|加一起|加在一起|合计|总共|一共|总计|累计")
"""Words saying a figure is several years' total (三年加起来18个亿)."""
_BETWEEN_YEARS = re.compile(r"[、,，和跟+]?(大前年|前年|去年|上年|上一年|今年|\d{4}年?)?(是|为|有|:|：)?")
"""What may stand between the figures of consecutive years (2.6亿 去年3亿 | 2.6亿、3亿): a year's name, a comma."""


def _over_years_said(
    norm: str, found: list[Quantity], crit: Criterion, years: int, today: dt.date | None
) -> float | list[float] | None:
    """A figure asked as an average (``mean_years``) or a total (``sum_years``) of ``years`` years; else None.

    Given one figure a year in a row (2.6亿 3亿 3.4亿), or, for an average, as the years' total (三年加起来18个亿).
    """
    unit = crit.unit or ""
    values = [v for q in found if (v := number_value(q, unit, today)) is not None]
    if len(values) != len(found):
        return None
    yearly = all(_BETWEEN_YEARS.fullmatch(norm, a.end, b.start) for a, b in itertools.pairwise(found))
    if len(found) == years and yearly:
        lows = [v[0] if isinstance(v, list) else v for v in values]
        highs = [v[1] if isinstance(v, list) else v for v in values]
        low, high = (sum(lows), sum(highs)) if crit.sum_years else (sum(lows) / years, sum(highs) / years)
        return low if low == high else [low, high]
    said = values[0] if len(values) == 1 else None
    if crit.mean_years and said is not None and _TOTAL_SAID.search(norm, 0, found[0].start):
        return [v / years for v in said] if isinstance(said, list) else said / years
    return None


def _over_years_run(
    norm: str,
    found: list[Quantity],
    facts: dict[str, Any],
    criteria: dict[str, Criterion],
    breaks: tuple[int, ...],
    today: dt.date | None,
) -> None:
    """An average's or a total's figure read from a run of yearly figures, or from the years' total.

    近三年主营 2.6亿 3亿 3.4亿 (the first was taken) is their average; 近三年主营加起来18个亿 is a third of it.
    """
    for cid, value in list(facts.items()):
        crit = criteria[cid]
        years = crit.mean_years or crit.sum_years
        if not years or not isinstance(value, (int, float, list)):
            continue
        at = next((i for i, q in enumerate(found) if number_value(q, crit.unit or "", today) == value), None)
        if at is None:
            continue
        runs = (
            found[at : at + years],
            _one_unit(found[max(0, at + 1 - years) : at + 1]),
            _one_unit(found[at : at + years]),
        )
        for run in (*runs, found[at : at + 1]):
            if not run:
                continue
            start = max([0, *(b for b in breaks if b <= run[0].start)])
            own = "|" * start + norm[start:]  # (a total's word counts in the figure's own clause only)
            combined = _over_years_said(own, run, crit, years, today)
            if combined is not None:
                facts[cid] = combined
                break


def _three_years_named(
    norm: str, found: list[Quantity], vocab: _Vocab, criteria: dict[str, Criterion]
) -> dict[str, float | list[float]]:
    """“主营收入23年2.3亿 24年2.6亿 25年2.9亿”: each of the last three years named with its figure, after a word.

    Asked as the three years' average or total (近三年主营 …), they give it, though no criterion holds each year.
    """
    for i in range(len(found) - 2):
        run = found[i : i + 3]
        if not all(
            norm.endswith(w, 0, q.start) or norm.endswith(w + "是", 0, q.start)
            for w, q in zip(_THREE_YEARS, run, strict=True)
        ):
            continue
        head = norm[: run[0].start - len(_THREE_YEARS[0])].removesuffix("是")[-_HEAD_CHARS:]
        cid = _named_with_period("近三年", head, vocab)  # (三年主营 for 主营收入)
        crit = criteria.get(cid)
        years = crit and (crit.mean_years or crit.sum_years)
        values = [number_value(q, crit.unit or "") for q in run] if crit and years == len(run) else []
        if crit is None or not values or not all(isinstance(v, float) for v in values):
            continue
        total = sum(v for v in values if isinstance(v, float))
        return {cid: total / len(run) if crit.mean_years else total}
    return {}


_PERIOD_SAID = re.compile(r"近三年|三年")
_PERIOD_WORD_CHARS = 8
"""How many characters before a figure no keyword owns may name it, read with the period said before (三年 + 研发)."""
_RESPECTIVELY = re.compile(r"(分别|各)(是|为)?$")
"""Right before a run of figures: one for each (研发费用分别160万 200万 250万)."""
_HEAD_CHARS = 8
"""How far before the first year the word the figures are of may stand."""
_THREE_YEARS = ("大前年", "前年", "去年")
"""The last three years, oldest first, as relative_years names them."""


def _one_unit(run: list[Quantity]) -> list[Quantity]:
    """``run`` with its bare figures in the unit of the one that has it, first or last; [] if not so said.

    两点三 两点五 两点七个亿 and 2.3亿 2.5 2.7: each figure in 亿.
    """
    if len(run) < 2:
        return []
    said = [q for q in run if q.unit is not None]
    if len(said) != 1 or said[0] not in (run[0], run[-1]):
        return []
    unit, value = said[0].unit, said[0].value
    bare = [q for q in run if q.unit is None]
    scale = next((10**k for k in range(6) if all(value / 3 <= q.value * 10**k <= value * 3 for q in bare)), None)
    if scale is None:
        return []
    return [q if q.unit else replace(q, value=q.value * scale, unit=unit) for q in run]


def _narrowest(chosen: str | None, kinds: str | list[str] | None, crit: Criterion) -> str | list[str] | None:
    """An option said, unless the kind said beside it rules it out or says what its denial denies.

    国家级奖前三: that option, of the national kind. 国家级科技奖没拿过: its 奖没拿过 reads as 没有奖, but only the
    national kind is denied (an option of no kind is never what a kind's denial means).
    """
    if kinds is None:
        return chosen
    some_kind = {v for family in crit.families for v in family.values}
    if chosen in (kinds if isinstance(kinds, list) else [kinds]) and (chosen in some_kind or isinstance(kinds, str)):
        return chosen
    return kinds


_KIND_DENIED_AFTER = re.compile(r"[^|]{0,8}?(莫得|没得|没有|[没莫未](拿|获|得|评|报)|都[没莫]|也[没莫]|不是)")
_KIND_DENIED_BEFORE = re.compile(r"([没莫未](拿|获|得|评)过?|没有|莫得|不是)[^|]{0,3}$")


def _kind_denied(norm: str, word: str, breaks: tuple[int, ...]) -> bool:
    """Whether a kind (国家级) is denied in its clause: 国家级的奖莫得, 国家级科技奖没拿过, 没拿过国家级的奖."""
    for at in places(norm, word):
        start, stop = _clause(norm, at, word, breaks)
        if stop - at - len(word) <= _KIND_TAIL:  # (国家级科技奖 | 没得过: the denial in a clause of its own)
            stop = min([len(norm), *(b for b in breaks if b > stop)])
        if not (_KIND_DENIED_AFTER.match(norm[at + len(word) : stop]) or _KIND_DENIED_BEFORE.search(norm[start:at])):
            return False
    return True


_KIND_TAIL = 4
"""What may follow a kind to its clause's end (科技奖) for a bare denial in the next clause to deny it."""


def family_value(norm: str, crit: Criterion, breaks: tuple[int, ...], asked: bool = False) -> str | list[str] | None:
    """The options a choice's ``families`` leave open: 国家级的奖莫得 → any but the national ones, in option order.

    A family said (省里拿过一个二等奖) keeps its options; one denied (国家级的莫得) drops them. A word counts in a
    clause that names the criterion's ``subject`` (奖), or anywhere when the message answers its question
    (``asked``). One option left is that option; None when no family is said.
    """
    if not crit.families:
        return None
    subject = None if asked else [w for w in map(normalize, crit.subject) if w]
    if subject == []:
        return None  # (a kind volunteered counts only beside its subject; with none set, only when asked)
    left = [o.value for o in crit.options]
    for family in crit.families:
        words = [w for w in map(normalize, family.words) if w and w in norm and _of_subject(norm, w, subject, breaks)]
        if not words:
            continue
        denied = all(_kind_denied(norm, w, breaks) for w in words)
        left = [v for v in left if (v in family.values) != denied]
    if len(left) == len(crit.options) or not left:
        return None
    return left[0] if len(left) == 1 else left


def _a_span(norm: str, q: Quantity) -> bool:
    """Whether a number of years is the span another figure is counted over (研发费用近三年算下来四个点).

    “成立近三年了” still answers how long: the years end the clause there. “研发两年加起来九百万”: a total's span.
    """
    if q.unit != "年":
        return False
    if _SPAN_TOTAL.match(norm, q.end):
        return True
    return norm.endswith("近", 0, q.start) and q.end < len(norm) and not _SPAN_ENDS.match(norm, q.end)


_SPAN_TOTAL = re.compile(r"[^\d，|]{0,4}?(加起来?|合计|一共|总共|累计|算下来)")
"""After a number of years: a total over them follows (两年加起来, 三年的研发合计)."""


_SPAN_ENDS = re.compile(r"了|啦|多|左右|出头|的样子|吧|嘛|噻")


_HAD = re.compile(
    r"(.{1,6}?)(都有|是有的|有的|有)([\d一二两三四五六七八九十百几多来]+[个项件]?(实用新型|发明专利|发明|软著|软件著作权|商标)?)?$"
)
"""A first clause that names a thing and says it is had (专利有, 市级技术中心是有的, 专利有几个实用新型)."""


def had(text: str, crit: Criterion) -> bool | None:
    """Yes, when a statement opens with the question's own thing said to be had (专利有 实用新型十几个).

    The thing is a noun of the question's first ``yes_when_all`` group, or mostly the question's own words
    (“专利有” to “是否拥有…知识产权”, “市级技术中心有” to “是否有市级技术中心”).
    """
    norm, breaks = normalize(text), clause_breaks(text)
    first = norm[: min(breaks)] if breaks else norm
    found = _HAD.fullmatch(first)
    if found is None or _NEGATION.search(found[1]) or _UNSURE.search(norm, len(first)):
        return None  # (“目录应该有 | 没仔细对过”: had, as far as is known, which is not far)
    thing = found[1]
    own = bigrams(normalize(crit.question)) | bigrams(normalize(crit.label or ""))
    nouns = crit.yes_when_all[0] if crit.yes_when_all else []
    pairs = bigrams(thing)
    if any(normalize(n) in thing for n in nouns) or (pairs and len(pairs & own) * HAD_SHARE >= len(pairs)):
        return True  # (研发辅助账有 shares only 研发 with “是否属于真正的研发活动”: another thing had)
    return None


HAD_SHARE = 1.5
"""At least two thirds of the thing's character pairs are the question's own (市级技术中心有 to 是否有市级技术中心)."""


def bigrams(text: str) -> frozenset[str]:
    """The character pairs of ``text`` (how a question and a fact are compared for shared words)."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _unsaid(norm: str, options: _Choices, breaks: tuple[int, ...], crit: Criterion | None = None) -> str:
    """``norm`` with the choice words it denies blanked out (“没得批发零售那些”: not that industry).

    A word that only modifies what follows it (``not_before``: 检测设备) is no choice, denied or not.
    """
    said = norm
    present = {w for _v, label, synonyms in options for w in (label, *synonyms) if w and w in norm}
    modifiers = {o.value: o.not_before for o in (crit.options if crit else [])}
    sold = {o.value: o.not_after for o in (crit.options if crit else [])}
    for value, _label, synonyms in options:
        for word in [w for w in synonyms if w in present]:
            if modifiers.get(value) and _before_any(norm, word, modifiers[value]):
                present.discard(word)
            elif sold.get(value) and _goods_traded(norm, word, sold[value], breaks):
                present.discard(word)  # (批发进口轴承那块占七成: the 轴承 are the goods traded, the 七成 the trade's)
    value_of = {w: value for value, label, synonyms in options for w in (label, *synonyms) if w in present}
    major = {value_of[w] for w in present if not _negated(norm, w, breaks) and _major(norm, w, present, breaks)}
    for word in present:
        denied = _negated(norm, word, breaks)
        if denied and value_of[word] == CATCH_ALL:
            said = said.replace(word, "|" * len(word))  # (没有拿过…其他的钱: “not any other” picks no option)
        elif denied:
            said = said.replace(word, _DENIED * len(word))
        elif _minor(norm, word, present, breaks) or (len(major) == 1 and value_of[word] not in major):
            said = said.replace(word, _BLANK * len(word))  # (six in ten is 批发: the other line is the lesser)
        elif all(_SHARE_ASKED.match(norm, at + len(word)) for at in places(norm, word)):
            said = said.replace(word, _BLANK * len(word))  # (批发那块占好多我真晓不得: its share is not known)
        elif all(_AIMED_AT.search(norm[max(0, at - _AIM_CHARS) : at]) for at in places(norm, word)):
            said = said.replace(word, _BLANK * len(word))  # (还是规下企业 今年争取进规上: a plan, not what we are)
    return said


_AIMED_AT = re.compile(r"(争取|力争|打算|准备|计划|希望|想|目标是?|明年|后年)(要)?(进|上|进入|成为|评上|达到)(了)?$")
"""Right before a choice word: what is aimed to become (争取进规上), not what is so (but 打算做综合类的 is the kind
applied for)."""
_AIM_CHARS = 6


_SHARE_ASKED = re.compile(r"[^，,|\d]{0,4}?占(好多|多少|几成|几个点|百分之几|比例)")
"""Right after a line of business: its share asked or not known (批发那块占好多我真晓不得), so no line is said."""


_BLANK = "\x1f"
"""What a minor choice word is replaced with (same length: positions still hold; not the ``|`` that blanks a
policy's name)."""
_DENIED = "\x1e"
"""What a denied choice word is replaced with."""


def _minor(norm: str, word: str, others: Iterable[str] = (), breaks: tuple[int, ...] = ()) -> bool:
    """Whether every mention of ``word`` is given a share of half or less (“批发收入刚好占50%”, “零售占三成”).

    The main business is what brings in more than half: a smaller line of business does not make it that industry.
    """
    shares = _shares_said(norm, word, others, breaks)
    for said in shares:
        above = any(q.low is not None and q.high is None for q in said)  # 超过一半, 一半以上: open upwards
        if above or not (said and all(max(q.value, q.high or 0) <= MAJORITY for q in said)):
            return False
    return True


def _major(norm: str, word: str, others: Iterable[str] = (), breaks: tuple[int, ...] = ()) -> bool:
    """Whether a mention of ``word`` is given a share of more than half (百分之六十几的收入是…批发代卖的).

    Not a share of selling said before a product (六成收入是卖别个的配件): that is the trade's share.
    """
    for at, shares in zip(places(norm, word), _shares_said(norm, word, others, breaks, own_clause=True), strict=True):
        for q in shares:
            sold = q.end <= at and _SELLING.search(norm, q.end, at) and not _SELLING.search(word)
            if q.value > MAJORITY and (q.low is None or q.low > MAJORITY) and not sold:
                return True
    return False


_SELLING = re.compile(r"卖|销售|经销|代理|贸易|倒")
"""Words of selling what others make: a share said of them is the trade's, whatever product is named after."""


def _shares_said(
    norm: str, word: str, others: Iterable[str], breaks: tuple[int, ...], own_clause: bool = False
) -> list[list[Quantity]]:
    """The shares said of each mention of ``word``: after it, else just before it.

    With ``own_clause``, only a share in the word's own clause counts after it (“生产的少了 百分之六十几…是批发”:
    the share is the next clause's).
    """
    found = []
    for at in places(norm, word):
        end = at + len(word)
        after = norm[end : end + MINOR_SHARE_CHARS]
        # (a word glued on, 组装加工三成, is one line of business with it: the share after both is its share)
        cut = min((i for w in others if w != word and (i := after.find(w)) > 0), default=len(after))
        after = _own_part(after, cut, end, breaks)
        if own_clause:
            after = after[: min([len(after), *(b - end for b in breaks if b > end)])]
        shares = [q for q in line_shares(after) if not _OPENS_LINE.match(after, q.end)]
        # (一半 and 三成 come as shares too; up to the next line of business: “代销五金件 自己生产的只有两成”
        # gives 生产 its share, not 代销; “批发 四成是自己加工的”: a share that opens the next line is that line's)
        if not shares:  # “另外三成多是做贸易的”: the share said just before, in the same stretch (a share
            # ending there, however long: 百分之六十几的收入是帮别个批发代卖的)
            since = at - len(_REST.split(norm[max(0, at - _SHARE_BEFORE_CHARS) : at])[-1])
            clause = max([0, *(b for b in breaks if b <= at)])  # (只占三成 | 七成是批发: 七成 is 批发's)
            shares = [q for q in line_shares(norm) if since <= q.end <= at and q.start >= clause]
        found.append(shares)
    return found


def line_shares(text: str) -> list[Quantity]:
    """The shares (%) in ``text``, with a line of business's share said in words (一大半, 一小半).

    一大半, 大部分 are over half; 一小半, 小部分 under it. Only a line of business's share is read from these
    words: said of a figure (大部分收入是主导产品), they give no number to check against a threshold.
    """
    found = [q for q in quantities(text) if q.unit == "%"]
    for m in _SHARE_WORD.finditer(text):
        if not any(q.start < m.end() and m.start() < q.end for q in found):
            found.append(Quantity(_OVER_HALF if m["over"] else MAJORITY, "%", m.start(), m.end()))
    return sorted(found, key=lambda q: q.start)


_SHARE_WORD = re.compile(
    r"(?P<over>一?大半|一?多半|绝?大部分|大头|大多数|绝大多数)|(?P<under>一?小半|一?小部分|少部分)"
)
"""A share said in words: over half (一大半是外头进货批发的) or under it (一小半是自己做的)."""
_OVER_HALF = 60.0
"""The share a word for “more than half” stands for (any figure over ``MAJORITY`` does)."""


def _own_part(after: str, cut: int, end: int, breaks: tuple[int, ...]) -> str:
    """What follows a line-of-business word (``after``, from ``end``) that is still about it.

    It stops at the next option's word (``cut``), and, when that word comes, at the last clause break before it:
    in “四成是帮别人代卖批发的 六成自己生产” the 六成 opens 生产's clause, though it follows 批发. With no other
    word after, a share in the next clause is still this one's (“电子零件贸易，大概占七成”).
    """
    if cut < len(after):
        cut = max((b - end for b in breaks if end <= b < end + cut), default=cut)
    if own := _OWN_LINE.search(after, 0, cut):
        cut = own.start()  # “七成是代理批发电子元器件的 自己产品三成”: 三成 is the own products', not 批发's
    return after[:cut]


_OWN_LINE = re.compile(r"(自己|自家)(的)?(厂头|厂里头?|工厂|车间)?(的)?(产品|生产|做|加工|造|组装)|自产")
"""After a line of business: the enterprise's own line begins (自己产品三成), and what follows is that line's."""


_THIS_PART = re.compile(r"这块|那块|这一块|那一块|这部分|那部分")
"""After a line of business, in the next clause: the line just named, whose share that clause gives."""
_OPENS_LINE = re.compile(r"(左右|多|上下)?(是|为)")
"""After a share, 是 opens the line of business it is the share of (四成是自己加工的)."""
MINOR_SHARE_CHARS = 14
"""How far after a business word its share may stand."""
_SHARE_BEFORE_CHARS = 8
"""How far before a business word its share may stand (三成多是做贸易的)."""
MAJORITY = 50.0


UNKNOWN_CHARS = 16
"""A message this short that contains an “I don't know” word is that answer (“这个不太清楚”)."""


COUNTED = ("个", "项", "件", "人", "家", "")
"""Units of criteria a count said with 个 may fill (“三个发明专利”, “技术人员三十来个”)."""


def number_value(q: Quantity, target: str, today: dt.date | None = None) -> float | list[float] | None:
    """``q`` in the criterion's unit ``target`` (a number or a ``[low, high]`` range), or None if it does not fit."""
    if q.unit == "个" and target not in COUNTED:
        return None  # “6个发明专利” counts things: never years, money, a share or a score
    unit = None if q.unit == "个" else q.unit
    if target == "年" and unit == "年" and q.value >= CALENDAR_YEAR:
        return float(max(0, (today or dt.date.today()).year - int(q.value)))
    if target in MONEY and unit is None and (q.value >= BARE_MONEY_LIMIT or q.value < BARE_MONEY_FLOOR):
        return None  # 800000 is likely 元, 2点几 a share: neither is read as 万元 without its unit
    if target == "%" and unit is None and q.value > FULL_SHARE:
        return None  # (主营三千五: an amount said bare, never a share of 3500%)
    if unit is None:
        return q.stored()
    factor = convert(1.0, unit, target)
    return None if factor is None else q.stored(factor)


_BY_THE_WAY = "对了"
"""对了 with more after it opens another matter (by the way); alone it agrees."""


def parse_yes_no(norm: str, vocab: Vocabulary, breaks: tuple[int, ...] | None = None) -> bool | None:
    """是 / 否 in any usual form (要得, 莫得, 没问题, 不是外购的) of a normalised message; None if neither.

    In a long message a leading 是 / 莫得 answers only when a space or punctuation follows it (“是的 搞了八年了”;
    “莫得失信记录 …” says no 失信, not “否”); ``breaks`` (from ``clause_breaks``) say where those were.
    """
    if norm in ("1",):
        return True
    if norm in ("2",):
        return False
    yes, no = _bool_words(vocab)
    if norm in no:
        return False
    if norm in yes:
        return True
    opened = len(norm) - len(norm.lstrip(_OPENING_SOUNDS))  # “那有的 财务按项目在记”: 那 leads into the answer
    if reported := _REPORTED.match(norm, opened):
        opened = reported.end()  # “会计说有 按项目建的”: the answer someone gave, passed on
    lead = max((w for w in yes | no if norm.startswith(w, opened)), key=len, default=None)
    if lead is None:
        opened = 0
        lead = max((w for w in yes | no if norm.startswith(w)), key=len, default=None)
    if lead and norm.startswith(_BY_THE_WAY, opened) and len(norm) > opened + len(_BY_THE_WAY):
        lead = None  # “对了 我们的手术机器人能不能申请首台套”: 对了 turns to another thing, it is no 是
    if lead in _INTENSIFIERS and (denied := parse_yes_no(norm[opened + len(lead) :], vocab)) is False:
        return denied  # “肯定没有”: 肯定 only says how sure the no is
    separate = breaks is None or len(norm) <= BARE_YES_NO_CHARS or opened + len(lead or "") in breaks
    if lead is not None and separate and (len(lead) >= 2 or lead in ("是", "有", "对")):
        return lead in yes  # “是的 搞了八年了”, “有的 三个发明专利”, “不是外购的”
    if len(norm) > BARE_YES_NO_CHARS or DONE_YET.search(norm):
        return None  # a long message is read for facts, not for a stray 没有 (“没有失信 也没出过事” is no “否”);
        # “那我们稳了没得” asks, its 没得 no answer
    negated = [w for w in no if len(w) >= 2 and w in norm]
    masked = norm
    for word in negated:
        masked = masked.replace(word, "|")
    affirmed = any(len(w) >= 2 and w in masked for w in yes)
    if negated and not affirmed:
        return False
    if affirmed and not negated:
        return True
    return None


_INTENSIFIERS = frozenset({"肯定", "当然", "确实", "绝对", "的确"})
"""Yes words that before a no only say how sure it is (肯定没有)."""
_OPENING_SOUNDS = "那嗯哦噢诶哎欸啊呃额"
"""Sounds (and 那) a reply may open with before its yes or no."""
WHO_KNOWS = (
    "会计|财务|代账|老板|领导|人事|hr|技术部|研发部|行政|办公室|同事|统计员|安全科|法务|总工|厂长|经理|老总|总部|董事长"
)
"""The people in the enterprise a user asks for a fact (要问下人事, 会计说有的)."""
_REPORTED = re.compile(rf"(问了(一下|下|哈)?)?({WHO_KNOWS})(那边)?(回话|回复|说|讲|回)(的是|了)?")
"""Who was asked, opening the answer they gave (会计说有的, 问了财务讲的是没有)."""

REACHED = "得[上到了起过住齐]"
"""A verb's complement of reach (对得上, 够得着, 评得上): asked “or not” by a 没有 after it."""
DONE_YET = re.compile(rf"([^都也还没]了|{REACHED})(没得|没有|莫得|没)[嘛哦啊呢]?$")
"""A question whether something is so yet (稳了没得, 够了没有, 都对得上没有): its 没得 is no “否”."""
BARE_YES_NO_CHARS = 8
"""A message up to this long may answer yes or no anywhere in it (“这个没有”); a longer one only at its start."""

_BOOL_WORDS: dict[int, tuple[Vocabulary, frozenset[str], frozenset[str]]] = {}


def says_unknown(norm: str) -> bool:
    """Whether a normalised message says, in so many words, that the user does not know (晓不得, 记不到了)."""
    return bool(_DONT_KNOW.search(norm))


def _bool_words(vocab: Vocabulary) -> tuple[frozenset[str], frozenset[str]]:
    """The normalised yes and no words of a vocabulary (computed once per knowledge version)."""
    cached = _BOOL_WORDS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        yes = frozenset(w for w in map(normalize, vocab.affirmative) if w)
        no = frozenset(w for w in map(normalize, vocab.negative) if w)
        if len(_BOOL_WORDS) > MAX_VOCABS:
            _BOOL_WORDS.clear()
        cached = _BOOL_WORDS[id(vocab)] = (vocab, yes, no)
    return cached[1], cached[2]


CATCH_ALL = "other"
"""The option value “其他 / 以上都不是”: only a reply that is just its word picks it (not “市里其他财政资金”)."""

_ALL_DENIED_WORD = re.compile(r"(都|也都|全都)(莫得|没得|没有|没)")
"""An option's word that only denies all (都没有): it answers the question asked, and says nothing elsewhere."""
CATCH_ALL_CHARS = 2
"""A catch-all option's word this short (其他, 都不是) counts only as the whole reply; 规下企业 counts anywhere."""

_ANY_OTHER = frozenset({"其他", "其它", "别的", "另外"})
"""Catch-all words that name no kind of their own."""
_BECOME_BEFORE = ("是", "成", "为", "到", "属于")
_BECOME_AFTER = ("了", "啦")
"""Around a word: what the enterprise is or has become (掉成规下了), so a short catch-all word counts."""


_AFFIRMING = re.compile(
    r"(?<![没不未莫无])(出了|发生了|被定成|被定为|被认定为?|有过|出过|被列入|列入了|上了|被罚|被处罚"
    r"|挂到|挂着|挂了|挂起|有一条|有条|记了)"
)
"""Before a word in its clause: it happened (前年出了个事 被定成重大安全生产事故; 信用中国上还挂到一条严重失信), not
merely named in a list."""


def _affirmed(norm: str, word: str, breaks: tuple[int, ...]) -> bool:
    """Whether ``word`` is said to have happened, in its own clause (被定成重大安全生产事故了)."""
    return not _negated(norm, word, breaks) and any(
        _AFFIRMING.search(norm, _clause(norm, at, word, breaks)[0], at) for at in places(norm, word)
    )


def _become(norm: str, word: str) -> bool:
    """Whether ``word`` stands in ``norm`` as what the enterprise is or has become (我们已经掉成规下了)."""
    if word in _ANY_OTHER:
        return False  # (其他了: no kind named)
    return any(
        norm.endswith(_BECOME_BEFORE, 0, at) or norm.startswith(_BECOME_AFTER, at + len(word))
        for at in places(norm, word)
    )


_Choices = list[tuple[str, str, list[str]]]
"""A choice criterion's options: (value, normalised label, normalised synonyms)."""


def _parse_choice(
    norm: str, crit: Criterion, words: _Choices | None = None, breaks: tuple[int, ...] = (), answering: bool = True
) -> str | None:
    if norm.isdigit() and 1 <= int(norm) <= len(crit.options):
        return crit.options[int(norm) - 1].value
    options = words or _choices(crit)
    for value, label, _ in options:
        if label in norm or norm == value:
            return value
    said: dict[str, list[str]] = {}
    for value, _, synonyms in options:
        for s in synonyms:
            if not answering and _ALL_DENIED_WORD.fullmatch(s) and s != norm:
                continue  # (“都没有” answers the question asked; said after 失信 事故 it denies those, no award)
            if s in norm and (value != CATCH_ALL or len(s) > CATCH_ALL_CHARS or s == norm or _become(norm, s)):
                said.setdefault(value, []).append(s)
    longer = {w for ws in said.values() for w in ws}
    for value in list(said):  # “还没进规上”: 规上 inside another option's longer word is that option's
        said[value] = [w for w in said[value] if not any(w != x and w in x for x in longer - set(said[value]))]
        if not said[value]:
            del said[value]
    for o in crit.options:  # “卖五金配件”, “电子元器件批发”: goods sold are no trade of their own
        if (o.not_after or o.not_before) and o.value in said:
            said[o.value] = [
                w
                for w in said[o.value]
                if not (o.not_after and _after_any(norm, w, o.not_after))
                and not (o.not_before and _before_any(norm, w, o.not_before))
            ]
            if not said[o.value]:
                del said[o.value]
    for value in list(said):  # “卖家电配件 也自己组装一部分”: a little of it beside the main line, not the line
        said[value] = [w for w in said[value] if not _minor_only(norm, w)]
        if not said[value]:
            del said[value]
    if not answering:  # (我们厂门口还有个门市直接零售 | 这个算不算零售业: a side line, and a line asked about)
        sold = {o.value: [normalize(lead) for lead in o.not_after] for o in crit.options}
        said = {
            v: kept
            for v, ws in said.items()
            if (kept := [w for w in ws if not _side_line(norm, w, breaks, sold.get(v, []))])
        }
    hits = set(said)
    spaced = _with_breaks(norm, breaks)  # (the shapes see where the message had a space: 做智能门锁 四十几个人)
    if not hits and _BLANK not in norm:  # no option's word: its shapes (“做齿轮箱的”, “模具厂” → 制造业), unless
        # one was said and set aside (“三成是做贸易的”: 做…的 is that minor line, not manufacturing)
        hits = {o.value for o in crit.options for p in _patterns(tuple(o.patterns)) if p.search(spaced)}
    elif hits and _BLANK not in norm and _ALSO_BEFORE.search(norm):
        # “做陶瓷 自己烧一部分 也帮别人卖货”: a line said by its shape beside one said by its word, which is which
        # the main one is not said (unless a main line or the larger amount says it, below)
        hits |= {o.value for o in crit.options for p in _patterns(tuple(o.patterns)) if p.search(spaced)}
    if not hits and _DENIED in norm and _BLANK not in norm and any(o.value == CATCH_ALL for o in crit.options):
        hits = {CATCH_ALL}  # “规上还没上”, “不搞批发零售”: an option denied and none other said is the rest
    if hits and _BLANK not in norm:  # “主要卖环保设备 也自己生产一点”: a shape that says the main line decides
        main = {
            o.value
            for o in crit.options
            for p in _patterns(tuple(o.patterns))
            if (found := p.search(spaced))
            and (_MAIN_OPENING.match(found[0]) or _MAIN_LEAD.search(spaced, max(0, found.start() - 4), found.start()))
        }  # (“主要做日用陶瓷 … 也帮别家批发”: 主要 before the shape 做…)
        if (
            len(main) == 1
            and (not main <= hits or len(hits) > 1)
            and not any(_main_line(norm, ws, [], breaks) for ws in said.values())
        ):
            hits = main
    if len(hits) > 1:  # “主要做五金批发 自己有个小车间搞点加工”: the main line of business
        others = [w for ws in said.values() for w in ws]
        hits = {v for v in hits if _main_line(norm, said.get(v, []), others, breaks)} or hits
        if len(hits) > 1 and (larger := _larger_amount(norm, {v: said.get(v, []) for v in hits}, others, breaks)):
            hits = {larger}  # “代理卖货五千六百万 自己生产的两千四左右”: the line with more than half the revenue
    return hits.pop() if len(hits) == 1 else None


_ALSO_BEFORE = re.compile(r"(也|还|另外|同时)(帮|替|给)")
"""Before a line of business: one done besides another (也帮别人卖货)."""


_ONE_YEAR_SAID = re.compile(r"(另外|另|还有|其中)?一年(是|有|花了|投了|搞了)?$")
"""Right before a figure: the figure of one year of two (一年一千一百万), not of each (每年)."""


def _both_the_same(
    norm: str, found: list[Quantity], facts: dict[str, Any], vocab: _Vocab, criteria: dict[str, Criterion]
) -> None:
    """One figure said of two things joined before it (营收和主营 … 都是三千二百万): each of them has it.

    Only things whose figure is not said otherwise, and only in the figure's unit.
    """
    for q in found:
        said = _ALL_ARE.search(norm, max(0, q.start - _ALL_ARE_CHARS), q.start)
        if said is None or said.end() != q.start:
            continue
        before = norm[max(0, said.start() - _BOTH_CHARS) : said.start()]
        if not _JOINED.search(before):
            continue
        named = {cid for word, cid in vocab.keywords if word in before and _fits(q, criteria[cid])}
        if len(named) != 2 or not any(facts.get(cid) is not None for cid in named):
            continue
        for cid in named:
            if cid not in facts and (value := number_value(q, criteria[cid].unit or "")) is not None:
                facts[cid] = value


_ALL_ARE = re.compile(r"都(是|有|在|差不多)?(大概|大约|差不多)?")
"""Right before a figure: it holds of each thing named before (…都是三千二百万)."""
_ALL_ARE_CHARS = 6
_JOINED = re.compile(r"和|跟|与|、|还有")
"""Between the things named before 都: they are two (营收和主营)."""
_BOTH_CHARS = 16
"""How far before 都 the things it speaks of may be named."""


def _one_year_and_the_other(
    norm: str, found: list[Quantity], facts: dict[str, Any], criteria: dict[str, Criterion]
) -> None:
    """Two years' figures said each as “one year” (一年1100万 一年1300万): the total adds them, the lower is the lower.

    Which of the two is last year's is not said, so only what does not depend on it is recorded.
    """
    said = [q for q in found if q.unit in MONEY and _ONE_YEAR_SAID.search(norm, max(0, q.start - 6), q.start)]
    if len(said) != 2:
        return
    first, second = (number_value(q, "万元") for q in said)
    if not (isinstance(first, float) and isinstance(second, float)):
        return
    for cid, crit in criteria.items():
        years = crit.sum_of or crit.min_of
        if len(years) != 2 or not any(facts.get(c) in (first, second) for c in (cid, *years)):
            continue  # (read as the total, or a year, of the first year's figure alone)
        facts[cid] = first + second if crit.sum_of else min(first, second)
        for year in years:
            if facts.get(year) in (first, second):
                del facts[year]  # (which year is which is not said)


def _nearer(q: Quantity, one: str, other: str, facts: dict[str, Any], criteria: dict[str, Criterion]) -> bool:
    """Whether figure ``q`` is nearer in size to ``one``'s run than to ``other``'s (the figure said of its year)."""

    def said(cid: str) -> Any:
        return facts.get(cid, facts.get(criteria[cid].previous or ""))

    a, b = said(one), said(other)
    if not (isinstance(a, float) and isinstance(b, float) and a > 0 and b > 0 and q.value > 0):
        return False
    return abs(math.log(q.value / a)) < abs(math.log(q.value / b))


def _with_breaks(norm: str, breaks: tuple[int, ...]) -> str:
    """``norm`` with a space at each of its clause ``breaks``."""
    return " ".join(norm[a:b] for a, b in itertools.pairwise((0, *breaks, len(norm))))


def _minor_only(norm: str, word: str) -> bool:
    """Whether every place of a line-of-business ``word`` is a little done beside the main line (也自己组装一部分)."""
    found = list(places(norm, word))
    return bool(found) and all(
        (_MINOR_BEFORE.search(norm, max(0, at - _MINOR_REACH), at) and _MINOR_AFTER.match(norm, at + len(word)))
        or _SMALL_AFTER.match(norm, at + len(word))
        for at in found
    )


_MINOR_BEFORE = re.compile(r"(也|还|顺便|顺带)(自己)?(搞|做|在做|在搞)?$")
_MINOR_AFTER = re.compile(r"(一部分|一小部分|小部分|一点|一点点|一些|少量|点)")
_MINOR_REACH = 6
"""Before and after a line's word: a little of it, beside what the enterprise mainly does (也自己组装一部分)."""
_SMALL_AFTER = re.compile(
    r"(那块|那边|那部分|这块|业务|的)?(收入|营收|销售额?)?(占比?|占得)?(很少|不多|少得很|很小|是小头|小头|只有一点|一点点|只占一点)"
    r"|(那块|那边|那部分|这块|业务|的)?(收入|营收|销售额?)(很|比较|要|都|也)?少(?!于)"
)
"""Right after a line's word: it brings in little (主要是自己生产 批发很少): a side line, not the main one."""


def _larger_amount(norm: str, said: dict[str, list[str]], others: list[str], breaks: tuple[int, ...]) -> str | None:
    """The line of business whose amount (or share) said right after its word is more than all the others' together.

    “代理卖货五千六百万 自己生产的两千四”, “代理占六成 生产四成”: the trade is the main line.
    """
    amounts: dict[str, float] = {}
    units: set[str] = set()
    for value, words in said.items():
        for word in words:
            for at in places(norm, word):
                end = at + len(word)
                after = norm[end : end + MINOR_SHARE_CHARS]
                cut = min((i for w in others if w != word and (i := after.find(w)) >= 0), default=len(after))
                part = _own_part(after, cut, end, breaks)
                found = [q for q in quantities(part) if q.unit in ("万元", "%") or (q.unit is None and q.value >= 1)]
                if found:
                    amounts[value] = max(amounts.get(value, 0.0), found[0].value)
                    units.add("%" if found[0].unit == "%" else "万元")
    if len(amounts) == 1 and len(said) == 2 and units == {"万元"} and (total := _total_said(norm)):
        # “收入五千万 其中批发药材三千二 剩下是饮片加工”: one line's amount against the total, the rest the other's
        (value, amount), other = next(iter(amounts.items())), next(v for v in said if v not in amounts)
        if amount < total:
            return value if amount > total / 2 else other if amount < total / 2 else None
    if len(amounts) != len(said) or not amounts or len(units) > 1:
        return None  # (a share against an amount compares nothing)
    top = max(amounts, key=lambda v: amounts[v])
    return top if amounts[top] > sum(amounts.values()) - amounts[top] else None


def _total_said(norm: str) -> float | None:
    """The enterprise's whole income in 万元, said with its word before the lines' amounts (收入五千万 其中…)."""
    found = _TOTAL_INCOME.search(norm)
    amounts = quantities(norm[found.end() : found.end() + _TOTAL_AMOUNT_CHARS]) if found else []
    return amounts[0].value if amounts and amounts[0].unit == "万元" else None


_TOTAL_INCOME = re.compile(
    r"(去年|今年|上年|全年|一年)?(总收入|营业收入|总营收|营收|收入|销售额|销售收入)(总共|一共|合计|大概|差不多|约)?"
)
"""The whole income named (收入五千万, 去年总收入两千六): what the lines' amounts are parts of."""
_TOTAL_AMOUNT_CHARS = 8
"""How far after its word the whole income's amount may stand."""


def _side_line(norm: str, word: str, breaks: tuple[int, ...], sold: Iterable[str] = ()) -> bool:
    """Whether every place of a line-of-business ``word`` is a side line (还有个门市直接零售) or asked (算不算零售).

    A place after one of ``sold`` (the option's ``not_after``) is none of the enterprise's lines either: “卖底料给
    超市和火锅店 自己还开了两个火锅店”.
    """
    starts = [(at, _clause(norm, at, word, breaks)[0]) for at in places(norm, word)]
    return all(
        _SIDE_LINE.search(norm, start, at)
        or _KIND_ASKED.search(norm, 0, at)
        or (_A_SMALL_ONE.search(norm, start, at) and _WORKSHOP.match(norm, at + len(word)))
        or any(_sold(norm, at, lead) for lead in sold)
        for at, start in starts
    )


_SIDE_LINE = re.compile(
    r"(还有|也有|另外有|另外还有|顺便|顺带|附带|兼着?|也在|还在|(还|也|另外)(开|办)了?)个?[^，|]{0,8}$"
)
"""Before a line of business: one beside the main line (厂门口还有个门市直接零售), which it does not replace."""
_A_SMALL_ONE = re.compile(r"有一?个小[^，|]{0,4}$")
_WORKSHOP = re.compile(r"[^，|]{0,2}(车间|作坊|工段)")
"""Around a line of business: a small workshop the enterprise has (有个小加工车间), a part beside its main line."""
_KIND_ASKED = re.compile(r"(算不算|是不是|属不属于|(?<!\|)\|{3}|算是|能不能算|可不可以算)(那个|这个|那种|这种)?$")
"""Right before a line of business: whether something counts as it is asked (算不算, or its A-not-A already
blanked as three |; a longer blank is a policy's name), not said."""


def main_line(text: str, crit: Criterion, value: str) -> bool:
    """Whether ``text`` says the choice ``value`` is the main line (批发为主, 七成是批发), not only names it."""
    norm = normalize(text)
    options = _choices(crit)
    mine = [w for v, label, ws in options if v == value for w in (label, *ws) if w in norm]
    modifiers = {o.value: o.not_before for o in crit.options}
    sold = {o.value: o.not_after for o in crit.options}
    others = [
        w
        for v, label, ws in options
        if v != value
        for w in (label, *ws)
        if w in norm
        and not (modifiers.get(v) and _before_any(norm, w, modifiers[v]))
        and not (sold.get(v) and _after_any(norm, w, sold[v]))
    ]  # (外购配件批发, 贸易那块卖别家的电机: 配件, 电机 name the goods traded, no other line)
    breaks = clause_breaks(text)
    if _main_line(norm, mine, others, breaks):
        return True  # (代理卖货五千六百万 自己生产的两千四: the larger amount, more than the rest, is the main line)
    # (营收八千万 代理卖货的占五千万: more than half the whole said, with no other line named)
    return bool(mine) and _larger_amount(norm, {value: mine, "": others}, mine + others, breaks) == value


def _after_any(norm: str, word: str, leads: list[str]) -> bool:
    """Whether every place of ``word`` follows one of ``leads`` within a few characters (卖五金配件)."""
    found = list(places(norm, word))
    return bool(found) and all(any(_sold(norm, at, normalize(lead)) for lead in leads) for at in found)


def _goods_traded(norm: str, word: str, leads: list[str], breaks: tuple[int, ...]) -> bool:
    """Whether every place of ``word`` names goods right after a trade word, in its clause, no figure between.

    “批发进口轴承那块占七成”: the 轴承 are traded; not “代卖批发的 六成自己生产”, whose 生产 is a line of its own.
    """
    found = list(places(norm, word))
    return bool(found) and all(
        any(
            (start := norm.rfind(lead, max(0, at - len(lead) - NOT_AFTER_GAP), at)) >= 0
            and not any(start < b <= at for b in breaks)
            and not _ANOTHER_LINE.search(norm, start + len(lead), at)
            and not quantities(norm[start + len(lead) : at])
            for lead in map(normalize, leads)
        )
        for at in found
    )


def _sold(norm: str, at: int, lead: str) -> bool:
    """Whether ``lead`` (卖, 代理) stands a few characters before ``at``, the words between naming the goods only.

    “代理卖别个品牌的配件”: the 配件 are sold; “不卖东西 做配件”: a line of its own.
    """
    start = norm.rfind(lead, max(0, at - len(lead) - NOT_AFTER_GAP), at)
    between = _ANOTHER_BUYER if lead.endswith("给") else _ANOTHER_LINE  # (卖给超市和火锅店: the buyers, listed)
    return start >= 0 and not between.search(norm, start + len(lead), at)


def _before_any(norm: str, word: str, trails: list[str]) -> bool:
    """Whether every place of ``word`` comes a few characters before one of ``trails`` (电子元器件批发)."""
    found = list(places(norm, word))
    return bool(found) and all(any(_goods_of(norm, at + len(word), normalize(t)) for t in trails) for at in found)


def _goods_of(norm: str, end: int, trail: str) -> bool:
    """Whether ``trail`` follows within a few characters of ``end``, the words between naming goods only."""
    found = norm.find(trail, end, end + NOT_AFTER_GAP + len(trail))
    return found >= 0 and not _ANOTHER_LINE.search(norm, end, found)


_ANOTHER = r"[也还做搞并兼但另万亿千占]|\d|剩下|其余"
_ANOTHER_LINE = re.compile(rf"[和跟顺带及]|{_ANOTHER}")
"""Between a product and a trade word, a second line of business (加工 顺带批发; 批发100万 自己生产2900万; 批发一千
剩下加工; 批发占七成 加工三成), not the goods traded."""
_ANOTHER_BUYER = re.compile(_ANOTHER)
"""Between 给 and a trade word, a second line of business; 和 and 跟 only list the buyers (卖给超市和火锅店)."""


NOT_AFTER_GAP = 6
"""Characters allowed between a ``not_after`` word and the synonym it voids (卖 五金 配件, 卖别个品牌的配件)."""


_REST = re.compile(r"剩下|其余|其他的|另外")
"""Where the rest of the business begins: a share said before it is not the rest's."""
_MAIN_BEFORE = re.compile(r"(主要|主营|主业|基本都?是|大部分是?|大头是?|^我们就?是|^本身是)[做搞是干卖]?.{0,10}$")
_MAIN_REACH = 14
"""How far before a line-of-business word 主要 / 大头 may stand in its clause, no other line between (大头是从潮州
那边进货再批发出去)."""
_RD_LEADS = re.compile(r"(研发|研究|项目|课题)(的|这块|那块)?(内容)?(主要|基本|大部分|大头)")
"""Before 主要: what it is said of is the R&D (研发主要是改进组装工艺), not the line of business."""
_MAIN_AFTER = re.compile(r"^.{0,8}?(为主|占大头|是主业|是主营)")
_MAIN_LEAD = re.compile(r"(主要|主业|主营|大头)(是|就是)?$")
"""Right before a choice's shape (主要 | 做日用陶瓷): the shape names the main line."""
_MAIN_OPENING = re.compile(r"主要|主业|大头")
"""A choice's shape that opens with these names the main line (主要卖…), over a word said of a minor one."""


_MODIFIES = ("", "的")
"""What between an option's word and the next option's makes the first a modifier: 轴承的批发, 轴承批发 are trade."""


def _main_line(norm: str, words: list[str], others: list[str], breaks: tuple[int, ...] = ()) -> bool:
    """Whether a choice's word is said to be the main line: 主要做…, …为主, or more than half the revenue.

    What follows a word counts up to the next option's word (``others``): “加工 批发收入占七成” is 批发's share.
    """
    for word in words:
        for at in places(norm, word):
            end = at + len(word)
            after = norm[end : end + MINOR_SHARE_CHARS]
            this = _THIS_PART.search(after)
            if this and any(end <= b <= end + this.start() for b in breaks):
                # “批发给工地和五金店 这块收入占了七成”: the next clause, pointing back, gives its share
                after = norm[end : min((b for b in breaks if b > end + this.end()), default=len(norm))]
            cut = min((i for w in others if w != word and (i := after.find(w)) >= 0), default=len(after))
            head = after[:cut] not in _MODIFIES  # “主要做轴承的批发”: 主要 is said of the trade, not the goods
            after = _own_part(after, cut, end, breaks)
            lead = norm[max(0, at - _MAIN_REACH, *(b for b in breaks if b <= at)) : at]  # (its own clause)
            if any(w not in words and w in lead for w in others):  # (another line's word, not this line's own)
                lead = lead[max(lead.rfind(w) + len(w) for w in others if w not in words and w in lead) :]
            if (head and _MAIN_BEFORE.search(lead) and not _RD_LEADS.search(lead)) or _MAIN_AFTER.match(after):
                return True
            since = max(0, at - MINOR_SHARE_CHARS)
            before = _REST.split(norm[since:at])[-1]  # “批发占七成 剩下是加工”: the share before 剩下 is 批发's
            if any(w != word and w in before for w in others):  # another line's word before: only this clause
                before = norm[max((b for b in breaks if since < b <= at), default=at) : at]  # (批发的 六成自己生产)
                if inside := [w for w in others if w not in words and w in before]:
                    # “但是大头是批发别人的配件”: the share before 批发 is 批发's, not the 配件's after it
                    before = before[max(before.rfind(w) + len(w) for w in inside) :]
            for part, nearest in ((after, False), (before, True)):  # 批发占七成, 七成是帮别个批发
                shares = line_shares(part)
                shares = shares[-1:] if nearest else shares  # (自己烧的只占三成 七成是批发…: the share next to it)
                if shares and min(q.value if q.low is None else q.low for q in shares) > MAJORITY:
                    return True
    return False


@functools.cache
def _patterns(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns]


def _choices(crit: Criterion) -> _Choices:
    return [(o.value, normalize(o.label), _spoken([w for w in map(normalize, o.synonyms) if w])) for o in crit.options]


_SPOKEN_NOT = ("莫得", "没得", "没有")
"""How 没 is said in Chongqing and in full (还莫得进规 is 还没进规)."""


def _spoken(words: list[str]) -> list[str]:
    """``words`` and, for each with 没 in it, the same said with 莫得, 没得 or 没有."""
    spoken = [w.replace("没", n, 1) for w in words if "没" in w and "没有" not in w for n in _SPOKEN_NOT]
    return words + [w for w in dict.fromkeys(spoken) if w not in words]


_ECHO_CHARS = 6
"""A clause this short, asked back before the answer (规上？我们还没进规), repeats the question's word."""


def _blanked(norm: str, spans: list[tuple[int, int]]) -> str:
    """``norm`` with each character inside one of ``spans`` replaced by | (positions kept)."""
    return "".join("|" if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(norm))


def _echoes(text: str) -> list[tuple[int, int]]:
    """Spans of ``normalize(text)`` that only ask the question's word back before answering (“规上？”, “清单？”)."""
    spans, at = [], 0
    parts = _BREAK_KEPT.split(text)
    for i in range(0, len(parts) - 2, 2):  # (text, separator, text, …): a short clause, a question mark, more
        clause = normalize(parts[i])
        size = len(clause)
        asked_back = size <= _ECHO_CHARS and ("?" in parts[i + 1] or "？" in parts[i + 1])
        if size and (asked_back or _TAG_ASKED.search(clause)) and normalize(parts[i + 2]):
            spans.append((at, at + size))
        at += size
    return spans


_TAG_ASKED = re.compile(r"(是吧|对吧|是不是|对不对|是哇|对哇|是迈|对迈)$")
"""A clause ending so says back what was heard, to check it (产品要在目录里头是吧 | 我翻了…没看到): no statement."""


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
    titles: list[tuple[str, str]]
    """(title, criterion), longest first."""
    together: list[tuple[str, list[list[str]]]]
    """Criteria that are yes when a word of each group occurs (yes_when_all, and each of yes_when_also), normalised;
    a criterion with several combinations has one entry for each."""
    apart: list[tuple[str, list[list[str]]]]
    """Criteria that are no when a word of each group occurs in one clause (no_when_all), normalised."""
    whole: list[tuple[str, list[str]]]
    """Shares that are 100% when one of their ``all_words`` is said (全部在国内)."""
    after: list[tuple[str, list[str]]]
    """Shares named by the words right after their figure (九成在国内: 境内研发费用占比)."""
    none: list[tuple[str, list[str]]]
    """Figures that are 0 when one of their ``none_words`` is said (没有单独的研发场地)."""
    variants: frozenset[str]
    """Criteria that pick a variant of a policy (``presume`` set: 市级 or 国家级单项冠军): a name answers them."""
    planned: frozenset[str]
    """Criteria a plan answers as well as a fact (准备新成立一个独立法人公司来做; 想报小巨人 for its variant)."""
    dated: list[tuple[str, list[str]]]
    """Criteria of something obtained within N years (``within_years``), with their ``dated_by`` words, normalised."""
    makes: list[tuple[str, list[str]]]
    """Yes/no criteria a clause saying what the enterprise makes answers yes (我们是做特种尼龙的)."""
    since_founding: list[tuple[str, list[str]]]
    """Numbers of years that are the years since founding when one of their ``since_founding`` words is said."""
    subjects: dict[str, list[str]]
    """Yes/no criteria whose words count only in a clause naming their ``subject`` (买方 … 集团下面的)."""
    words: tuple[str, ...]
    """Every answer, keyword and title, once each: where a keyword's longer words are looked for."""
    longer: dict[str, list[tuple[str, int]]]
    """Each keyword's longer words with where it stands in them (研发 in 研发机构), found when first needed."""


_VOCABS: dict[tuple[int, int], tuple[dict[str, Criterion], Iterable[str], _Vocab]] = {}
_VOCABS_LOCK = threading.Lock()
MAX_VOCABS = 8
"""Knowledge versions whose yes and no words are kept (a reload adds one)."""
MAX_TABLES = 64 * MAX_VOCABS
"""Criteria tables whose extraction words are kept: per knowledge version, the whole table, each checklist in force
and each criterion read on its own (a few dozen); fewer would build the same words again on every message."""


def _vocab(criteria: dict[str, Criterion], names: Iterable[str]) -> _Vocab:
    cached = _VOCABS.get((id(criteria), id(names)))
    if cached and cached[0] is criteria and cached[1] is names:
        return cached[2]
    keywords = sorted(
        {
            (k, cid): None
            for cid, c in criteria.items()
            if c.type == "number"
            for k in _with_period_after([normalize(w) for w in c.extract], bool(c.mean_years))
        },
        key=lambda p: -len(p[0]),
    )
    yes = [(cid, _with_measures(c.yes_words)) for cid, c in criteria.items() if c.yes_words]
    no = [(cid, _with_stress(_with_intending(_with_measures(c.no_words)))) for cid, c in criteria.items() if c.no_words]
    titles = sorted(((normalize(w), cid) for cid, c in criteria.items() for w in c.title), key=lambda p: -len(p[0]))
    words = _Vocab(
        keywords=keywords,
        yes=yes,
        no=no,
        choices=[(cid, _choices(c)) for cid, c in criteria.items() if c.type == "choice"],
        names=_Words(names),
        titles=titles,
        together=[
            (cid, [[w for w in map(normalize, group) if w] for group in combination])
            for cid, c in criteria.items()
            for combination in ([c.yes_when_all] if c.yes_when_all else []) + c.yes_when_also
        ],
        apart=[
            (cid, [[w for w in map(normalize, group) if w] for group in c.no_when_all])
            for cid, c in criteria.items()
            if c.no_when_all
        ],
        whole=[(cid, [w for w in map(normalize, c.all_words) if w]) for cid, c in criteria.items() if c.all_words],
        after=[(cid, [w for w in map(normalize, c.said_after) if w]) for cid, c in criteria.items() if c.said_after],
        none=[(cid, [w for w in map(normalize, c.none_words) if w]) for cid, c in criteria.items() if c.none_words],
        variants=frozenset(cid for cid, c in criteria.items() if c.presume is not None),
        planned=frozenset(cid for cid, c in criteria.items() if c.presume is not None or c.plan_counts),
        dated=[(cid, [w for w in map(normalize, c.dated_by) if w]) for cid, c in criteria.items() if c.within_years],
        makes=[(cid, [w for w in map(normalize, c.makes) if w]) for cid, c in criteria.items() if c.makes],
        since_founding=[
            (cid, [w for w in map(normalize, c.since_founding) if w]) for cid, c in criteria.items() if c.since_founding
        ],
        subjects={
            cid: [w for w in map(normalize, c.subject) if w]
            for cid, c in criteria.items()
            if c.subject and c.type == "bool"
        },
        words=tuple(dict.fromkeys([w for _cid, said in yes + no for w in said] + [w for w, _cid in keywords + titles])),
        longer={},
    )
    with _VOCABS_LOCK:
        if len(_VOCABS) > MAX_TABLES:
            _VOCABS.clear()
        _VOCABS[(id(criteria), id(names))] = (criteria, names, words)
    return words


def _with_period_after(words: list[str], mean: bool) -> list[str]:
    """Keywords with 加起来 also as 加起; an average's opening with a period also with it after (主营近三年 2.8亿…).

    Only an average's: “研发近两年 一年六百多万” gives one year's figure, not the two years' total.
    """
    more = [m[2] + m[1] for w in words if mean and (m := _PERIOD_FIRST.fullmatch(w)) and len(m[2]) >= 2]
    more += [w.replace("加起来", "加起") for w in words if "加起来" in w]  # (三年加起2.1亿)
    return words + [w for w in dict.fromkeys(more) if w not in words]


_PERIOD_FIRST = re.compile(r"(近三年|近两年|近3年|近2年)(.+)")


_MEASURES = ("个", "了", "了个", "一个", "一下", "个新", "了新", "新", "几个", "了几个")
"""What people put between a verb and its object (换包装 → 换个包装, 换了包装; 换个新外壳, 改几个配色): one word."""


def _with_measures(words: list[str]) -> list[str]:
    """Normalised yes/no words, each also with a measure after its first character (三字及以上的词).

    A 没 before a verb is also written as Chongqing says it (没评过 → 莫得评过, 没得评过, 莫评过).
    """
    plain = [w for w in map(normalize, words) if w]
    more = [w[0] + m + w[1:] for w in plain if len(w) >= 3 and w[1] not in "个了" for m in _MEASURES]
    said = [_NOT_VERB.sub(d, w) for w in plain if _NOT_VERB.search(w) for d in _SAID_NOT]
    return plain + [w for w in dict.fromkeys(more + said) if w not in plain]


def _with_intending(words: list[str]) -> list[str]:
    """The no-words, each opening with 不 also with an intention between (不另外注册 → 不想另外注册, 不打算另外注册)."""
    more = [w[0] + i + w[1:] for w in words if w[0] == "不" and not w.startswith(_INTENDING, 1) for i in _INTENDING]
    return words + [w for w in dict.fromkeys(more) if w not in words]


def _with_stress(words: list[str]) -> list[str]:
    """The no-words where a place is denied (里头没得), each also with a word of stress between (里头确实没得)."""
    more = [m[1] + stress + w[m.end(1) :] for w in words if (m := _PLACE_DENIED.match(w)) for stress in _STRESS]
    return words + [w for w in dict.fromkeys(more) if w not in words]


_PLACE_DENIED = re.compile(r"(.{0,4}?(里头|里面|上面|上头))(没得|没有|莫得|没|不在|没在)")
"""A no-word that denies something in a place (里头没得, 目录里面没有)."""
_STRESS = ("确实", "真的", "的确", "实在", "真", "硬是", "肯定")
"""What people put before a denial to stress it (里头确实没得)."""


_INTENDING = ("想", "打算", "准备")
"""What people put between 不 and what they will not do (不想另外注册公司)."""


_NOT_VERB = re.compile(r"(?<![莫没])没(?:有(?=[一-鿿]))?(?![有得])(?=[一-鿿])")
"""没 or 没有 before a verb (没评过, 没有拿过; not 没有 alone, not 没得)."""
_SAID_NOT = ("没", "没有", "莫得", "没得", "莫")
"""How people say 没 before a verb: in Mandarin (没拿过, 没有拿过) and as Chongqing says it (莫得拿过, 莫拿过)."""


COUNT_UNITS = (None, "个", "项", "件", "人")
"""Units of a count, which may name what they count after them (“三个发明专利”); money and shares do not."""
_CLASSIFIER = re.compile(r"^(?:个|项|件|名|位|家|款|篇|套|台|条)")
_NOT_HEADS = re.compile(r"(?:家|款|篇|套|台|条|单|批|次|种|类)")
"""After a bare numeral: what it counts is firms, products or orders (卖给一家贸易公司), never people."""


def counts_things(norm: str, q: Quantity) -> bool:
    """Whether a numeral counts things other than people (一家贸易公司, 两台设备, 一个关联公司): no head count."""
    if q.unit is None and _NOT_HEADS.match(norm, q.end):
        return True
    return q.unit in (None, "个") and bool(_FIRM_AFTER.match(norm, q.end))


_FIRM_AFTER = re.compile(r"[^，,|\d]{0,4}?(公司|企业|厂|单位|客户|集团)")
"""After a count: the firms it counts (一个关联公司), not the staff."""


_SPAN_YEARS = re.compile(r"(近两年|近三年|两年|三年|累计|合计|总共)")
_EACH_YEAR = re.compile(r"两年[^，|\d]{0,4}?(都|各|均)|每年|每一年|各年")
"""Each year's figure (两年都…, 两年占比都超过5%, 每年), not the years' total."""
_OVER_YEARS_BEFORE = re.compile(r"([两三四五几\d]年(来|下来|以来)?|成立以来|这些年|这几年|这么多年)$")
"""Right before a word of a whole (总共, 一共): the years it is summed over, so no head count."""
_SPAN_LEAD = 6
"""How far before a keyword a period (近三年平均…) may stand."""
"""A period before a keyword (“两年研发1500万”): the figure is not a single year's."""
_SUMMED = re.compile(r"加起来?|合计|总共|一共|累计")
"""Right before a figure after a yearly one: the years' total (一年六百多万 加起来一千三百来万)."""


def sums_things(keyword: str, q: Quantity) -> bool:
    """Whether a summing word before a count in 个 (还有两个 一共五个) sums the things counted, not heads."""
    return q.unit == "个" and bool(_SUMMED.fullmatch(keyword))


_SPAN_BETWEEN = re.compile(r"(两年|三年|平均|累计|合计|总共|加起来)")


def _in_a_word(norm: str, q: Quantity, breaks: tuple[int, ...]) -> bool:
    """Whether ``q`` is a bare Chinese numeral inside a word (五险一金, 高出一大截), no figure."""
    bare = q.unit is None and not norm[q.start].isdigit()
    return bare and q.end not in breaks and bool(_WORD_AFTER.match(norm, q.end))


_WORD_AFTER = re.compile(r"[\u4e00-\u9fff](?<![左右上下前后出头以多来几的了吧嘛哈噻呢啊哦个和跟与或到至])")
"""A Chinese character right after a bare Chinese numeral that is no hedge or particle: the numeral is part of a
word (五险一金)."""


_CHANGE_WORDS = r"改成|改为|变成|换成|转成|转为|现在是|现在都是"
_CHANGE_WORD = re.compile(_CHANGE_WORDS)
_CHANGED = re.compile(rf"({_CHANGE_WORDS})了?$")
"""What stands before the state a yes/no is in now (以前核定征收 今年改成查账征收了)."""


def _changed_to(norm: str, vocab: _Vocab) -> dict[str, bool]:
    """A yes or no word said as what it changed to: that one holds, whatever the message said it was before."""
    found: dict[str, bool] = {}
    if not _CHANGE_WORD.search(norm):
        return found  # (most messages change nothing: no need to look at every word)
    for value, pairs in ((True, vocab.yes), (False, vocab.no)):
        for cid, words in pairs:
            if any(_CHANGED.search(norm, 0, at) for w in words if w in norm for at in places(norm, w)):
                found.setdefault(cid, value)
    return found


def _third_year(owner: str | None, criteria: dict[str, Criterion]) -> str | None:
    """The criterion of 大前年's figure in ``owner``'s run of years (营收 → 大前年营业收入), if it keeps one."""
    second = criteria[owner].previous if owner else None
    third = criteria[second].previous if second else None
    return third if third in criteria else None


_SHARE_RIGHT_AFTER = re.compile(
    r"\+?(每年|两年|每一年)?(都|也)?(是|有|在|占|超过|超了|超|达到|不低于|高于|大概|差不多|将近|接近)*(了)?"
)
"""Between an amount and a bare share right after it (研发1500万 每年都超过4%): the share is of that amount. A + is
where a space kept two figures apart (去年四百一 两年都在4个点以上)."""
_YEARS_EACH = ("每年", "两年", "每一年")
"""Between a two-year total and a share after it: the share is each year's (两年1500万 每年都超过4%)."""
_CHANGED_BY = re.compile(r"增长|增加|涨|降|减少|提高|提升|下滑|多了|少了")
"""Before a share: how much something changed (增长了10%), not what part of a whole it is."""
_CHANGE_CHARS = 6
"""How far before a share a word of change (增长了) may stand."""


def _share_after(amount: str, between: str, criteria: dict[str, Criterion]) -> str | None:
    """The share (``ratio_of``) whose numerator is ``amount``, or of one of the years it sums (each year said)."""
    amounts = [amount, *(criteria[amount].sum_of if any(w in between for w in _YEARS_EACH) else [])]
    found = [
        (amounts.index(crit.ratio_of[0]), c)
        for c, crit in criteria.items()
        if crit.ratio_of[:1] and crit.ratio_of[0] in amounts
    ]
    return min(found)[1] if found else None


_RATE_PAIR = re.compile(r"(\+|和|、|跟|与|一年|另一年|另外一年|再一年|去年|前年|分别是?)*")
"""Between two yearly rates said together (一年百分之十一 一年十三, 分别是11%和13%)."""


def _narrow_ranges(norm: str, facts: dict[str, Any], criteria: dict[str, Criterion], today: dt.date | None) -> None:
    """A range recorded (一个多亿) and one figure of its unit within it said too (大概一点六个亿): that figure."""
    if not any(isinstance(v, list) and criteria[c].type == "number" for c, v in facts.items()):
        return  # (most messages record no range: no need to read their figures again)
    taken = [v for v in facts.values() if isinstance(v, float)]
    found = [q for q in quantities(norm) if q.unit]
    for cid, value in list(facts.items()):
        crit = criteria[cid]
        if crit.type != "number" or not isinstance(value, list) or value[1] >= UNBOUNDED:
            continue
        inside = [
            v
            for q in found
            if isinstance(v := number_value(q, crit.unit or "", today), float)
            and value[0] < v < value[1]
            and v not in taken
        ]
        if len(inside) == 1:
            facts[cid] = inside[0]


def _two_rates(norm: str, found: list[Quantity], facts: dict[str, Any], criteria: dict[str, Criterion]) -> None:
    """A growth over two years said as each year's rate: its average lies between them, so it is that range.

    “近两年增长 一年百分之八 一年百分之二” averages about 5%: the first rate alone would overstate it.
    """
    growth = [c for c, crit in criteria.items() if crit.growth_of and crit.unit == "%" and c in facts]
    rates = [q for q in found if q.unit in ("%", None) and q.value < FULL_SHARE]
    for cid in growth:
        for first, second in itertools.pairwise(rates):
            if first.unit != "%" or facts[cid] != first.stored():
                continue
            if _RATE_PAIR.fullmatch(norm, first.end, second.start) and second.start > first.end:
                low, high = sorted((first.value, second.value))
                facts[cid] = [low, high] if low != high else low
            break


def _whole_of(facts: dict[str, Any], q: Quantity, criteria: dict[str, Criterion]) -> str | None:
    """The denominator of a share whose part the message gave and ``q`` (a larger count in its unit) is the whole of."""
    for crit in criteria.values():
        part, whole = ([*crit.ratio_of, "", ""])[:2]
        if (
            part in facts
            and whole in criteria
            and whole not in facts
            and criteria[whole].unit == q.unit
            and isinstance(facts[part], (float, list))
            and q.value > (max(facts[part]) if isinstance(facts[part], list) else facts[part])
        ):
            return whole  # (a part said as a range, 八九个, counts by its top)
    return None


_STAFF_LEAD = re.compile(
    r"(\|)?((现在|目前|如今|眼下)?(公司|厂里|厂头|全厂|全公司|我们)?(现在|目前|如今|眼下)?(一共|总共)?(有)?)?"
)
"""Before a head count that is a clause of its own: when and whose (现在两百人左右, 公司目前一共有)."""
_PART_OF_STAFF = re.compile(r"(研发|技术|团队|人员|部门|工程师|科技人员|研究生|博士|硕士|本科|大专)(的)?(\|)?$")
"""A clause that names part of the staff right before a head count (研发团队 | 二十人): the count is theirs."""
_STAFF_TAIL = re.compile(r"(左右|上下|出头|的样子|多点|不到)?(\|)?")
"""After it: a hedge only."""


def _staff_alone(norm: str, q: Quantity, breaks: tuple[int, ...], criteria: dict[str, Criterion]) -> str | None:
    """The whole staff, for a head count said as a clause of its own (做片式电感的 | 一百六十来个人 | 今年想…).

    It is the one count in people that a share of staff is taken of (职工人数, of 科技人员占比).
    """
    opens = max([0, *(b for b in breaks if b <= q.start)])
    ends = min([len(norm), *(b for b in breaks if b >= q.end)])
    if not (_STAFF_LEAD.fullmatch(norm, opens, q.start) and _STAFF_TAIL.fullmatch(norm, q.end, ends)):
        return None  # (四五个人在搞: some of them, doing something)
    if _PART_OF_STAFF.search(norm, 0, opens):
        return None  # (研发团队 现在二十人左右: the team the clause before names)
    wholes = {
        c.ratio_of[1]
        for c in criteria.values()
        if len(c.ratio_of) == 2 and c.ratio_of[1] in criteria and criteria[c.ratio_of[1]].unit == q.unit
    }
    return wholes.pop() if len(wholes) == 1 else None


_PRODUCT_SHARE = re.compile(
    r"(?P<what>[\u4e00-\u9fffA-Za-z]{1,8}?)(这块|这一块|那块|这一样|产品|的)?(收入|销售|营收)?"
    r"(就|都|大概|差不多|基本|基本上)?(占了|占到|占比|占)(?P<of>(全部|总|整个)?(营收|营业收入|收入|销售额|销售|产值)的?)?"
    r"(大概|差不多|将近|接近|有|了)?$"
)
"""Right before a share: a product said to take it (齿轮占了, 连接器这块占, 齿轮占营收)."""
_NOT_A_PRODUCT = re.compile(
    r"出口|外销|内销|海外|国外|境外|外贸|线上|线下|电商|门店|成本|利润|毛利|人工|工资|材料|税|回款|应收|客户|"
    r"研发|人员|员工|职工|人|技术|负债|市场|份额|股|贷|政府|补贴|批发|零售|贸易|代理|经销|增|涨|降|前|大客户|国内|全国|全球"
    r"|扣|除|的话|算下来|加起来|总共|一共|这些|那些|剩下|大概|差不多|大约|将近|接近|估计|可能"
)
"""In a product's place: what is no product of ours (出口占六成, 成本占七成, 前五大客户占八成)."""
_REVENUE_SAID = re.compile(r"营收|营业收入|收入|销售|卖了|产值|营业额")
_SHARE_ALONE = re.compile(r"(就|都|大概|差不多|基本|基本上)?(占了|占到|占比|占)(大概|差不多|将近|接近|有|了)?")
"""A clause that is only a share taken (占九成多): of what the clause before names."""


def _product_share(
    norm: str,
    q: Quantity,
    vocab: _Vocab,
    criteria: dict[str, Criterion],
    facts: dict[str, Any],
    breaks: tuple[int, ...],
) -> str | None:
    """The ``product_share`` criterion a bare majority share fills, said of a product after the revenue; else None.

    “去年营收三千二 齿轮占了九成五” is the main product's share; exports', costs' or customers' shares are not.
    """
    wanted = [c for c, crit in criteria.items() if crit.product_share and c not in facts]
    if len(wanted) != 1 or (q.value if q.low is None else q.low) < MAJORITY:
        return None
    start = max([0, *(b for b in breaks if b <= q.start)])
    lead = _PRODUCT_SHARE.fullmatch(norm, start, q.start)
    if lead is None and _SHARE_ALONE.fullmatch(norm, start, q.start):  # (基本全是卖设备 | 占九成多)
        start = max([0, *(b for b in breaks if b < start)])
        lead = _PRODUCT_SHARE.fullmatch(norm, start, q.start)
    if lead is None or _NOT_A_PRODUCT.search(lead["what"]) or any(kw in lead["what"] for kw, _ in vocab.keywords):
        return None
    rest = norm[:start] + "|" + norm[q.end :]
    if lead["of"] and any(kw in rest for kw, c in vocab.keywords if c != wanted[0] and criteria[c].unit == "%"):
        return None  # “焊接工作站这块收入占总收入八成 都算高新产品”: the share another criterion names
    return wanted[0] if lead["of"] or _REVENUE_SAID.search(norm, 0, start) else None


def _share_of(facts: dict[str, Any], criteria: dict[str, Criterion]) -> str | None:
    """The one share criterion (``ratio_of``) both of whose parts the message gave, if there is exactly one."""
    found = [c for c, crit in criteria.items() if crit.ratio_of and all(p in facts for p in crit.ratio_of)]
    return found[0] if len(found) == 1 and found[0] not in facts else None


def _of_years(q: Quantity, seen: list[str], criteria: dict[str, Criterion]) -> str | None:
    """The latest criterion of the figures before that keeps a run of years and fits ``q`` (its money, not a share)."""
    return next((c for c in reversed(seen) if criteria[c].previous and _fits(q, criteria[c])), None)


_UNCOUNTED = re.compile(rf"({_YEARS_BACK}|没得|没有|莫得|不是)$")
"""Before a figure: the year before the year before (kept apart), or a denial of the figure."""
_UNCOUNTED_CHARS = 4
_GAP_BEFORE = re.compile(r"(还差|差了|就差|只差|差|还少|少了|缺了|还缺)$")
"""Before a figure: how far short it falls (差二十个平方), not the figure (差不多 ends otherwise)."""
_MORE_THAN_BEFORE = re.compile(
    r"比(?P<year>前年|前一年|上一年|上年|头年|大前年|去年|上年度)?的?"
    r"(?P<way>多|少|高|低|增加|增长|涨|减少|下降|降|多出|少出)了?(大概|差不多|约|将近|接近)?$"
)
"""Before a figure: by how much it differs from another year's (比前年多了两百来万), not a year's figure."""
_MORE_THAN_CHARS = 12
"""How far before a figure the words of a difference (比前年多了大概) may begin."""
_LESS = ("少", "低", "减少", "下降", "降", "少出")


def _in_run_of(q: Quantity, seen: list[str], criteria: dict[str, Criterion], facts: dict[str, Any]) -> Quantity | None:
    """A bare figure as another year of the sum said before a share with no years (一点五个亿 | 九十六 | 一点三).

    It takes that sum's scale (亿 or 万) when it is then within a factor of ``_YEAR_ON_YEAR`` of it.
    """
    run = _of_years(replace(q, unit="万元"), seen, criteria)
    before = facts.get(run) if run and criteria[run].unit == "万元" else None
    if not isinstance(before, float) or before <= 0:
        return None
    scale = _SCALE["亿"] if before >= _SCALE["亿"] and q.value < _YI_BARE_MAX else 1.0
    value = q.value * scale
    if not before / _YEAR_ON_YEAR <= value <= before * _YEAR_ON_YEAR:
        return None
    return replace(q, value=value, unit="万元", low=None, high=None)


_YEAR_ON_YEAR = 3.0
"""How far apart two years of one sum may be for a bare figure to be taken as the other year's."""


def _year_before_from(
    last: str, q: Quantity, more: re.Match[str], criteria: dict[str, Criterion], facts: dict[str, Any]
) -> tuple[str, float] | None:
    """The year before's figure from this year's and the difference said (去年1500万 比前年多了200万 → 1300万).

    Only when the figure before is last year's, the year compared is the one before it (前年), and both are
    single amounts in the same unit: a range or a share changed by points (高了两个点) gives nothing.
    """
    earlier = criteria[last].previous
    if not earlier or more["year"] not in ("前年", "前一年") or not isinstance(facts.get(last), float):
        return None
    unit = criteria[last].unit or ""
    difference = number_value(q, unit)
    if unit == "%" or not isinstance(difference, float) or q.low is not None:
        return None
    value = facts[last] + difference if more["way"] in _LESS else facts[last] - difference
    return (earlier, value) if value > 0 else None


_IF = r"如果|(?<![主需])要是|假如|假设"
"""Words that open a case supposed (shared by ``SUPPOSING`` and ``supposes``)."""
_SUPPOSED_CASE = re.compile(
    rf"{_IF}|(?<![\d零一二两三四五六七八九十百千])万一|以后就|之后就|到时候|了(以后|之后)(还|就)?(可以|能|得行|行)"
    r"|(?<!这样)(?<!这样是不是)(?<!这下)(?<!这下是不是)(就可以了|就得行了|就行了|就够了)"  # (这样是不是就可以了: now)
    r"|的话(是不是|会不会)?就(?!是|有|[\d零一二两三四五六七八九十百千几])"  # 核定征收的话是不是就享受不了
    r"|(明年|后年|将来|今后|以后|下半年|等).{0,16}(再|就)(来|去|可以|能)?(报|申|评)"  # 明年把研发做到一百万以上再报
    r"|(明年|后年|将来|今后|以后|下一年)[^，,。\s]{0,8}(过了|超过|突破|达到|到了|上了|做到)"  # 明年收入过了两个亿
    r"|(重新|改成|改为|换成)[^，,。]{0,14}(再|去|来)?(报|申|登|评|注册)"  # 重新出个2.0版本去登记, 重新登个软著
    r"|^(那|那么)(换成|改成|改为|变成|换个|改个)"  # 那换成外面的客户来买要得不: what would change it
    # 那我们在重庆新注册个子公司来做呢: a company not yet founded
    r"|^(那|那么)[^，,。]{0,8}(新|另外|单独|重新)(注册|成立|开|办|设立?)[^，,。]{0,12}(呢|嘞|喃)$"
    r"|^(那|那么)?(我们|咱们|公司)?(就)?把[^，,。]{1,12}(剥|拆|分|去|划|转|卖|弄|搞)(出去|掉|走)"  # 那我们把批发拆出去
    r"|^(那|那么)?(我们|咱们|公司)?(就)?把[^，,。]{1,12}(单独|另外|重新)(注册|成立|开|办|设立?)"  # 把车间单独注册个公司
    r"|凑够|凑齐|凑足|凑到|扩到|扩大到|扩建|腾出|改造一下|改一下"  # 把隔壁库房改一下 凑够面积得行不: what would do it
    # 要在重庆注册个子公司才行嗦: what it would take (not 要等明年汇算才行: when)
    r"|(要|得|需要|必须)(先|另外|单独|重新)?(?!等)[^，,。]{1,14}才(行|得行|可以|能报|能申|符合)"
    r"|^(那|那么|那意思是|意思是|所以|也就是说)?(就是)?[^，,。]{0,6}?(要|得|需要|必须)[^，,。]{1,14}才(有戏|够|算|报得|评得上|拿得到)"
)
_ASKED = re.compile(
    r"吗|呢|是不是|能不能|可不可以|行不行|得不得行|会不会|够不够|算不算|多少|好多|好大|多大|啥|什么|有戏"
    r"|[不没噻嘛嗦撒哈迈]$|(没得|没有|莫得)$"
)
"""A question (with 如果 / 要是 before it) about a case supposed: what it says is no fact about the enterprise."""


def without_supposing_words(text: str) -> str:
    """``text`` without the words that open a case supposed (那要是报市级企业技术中心呢 → 那报市级企业技术中心呢)."""
    return re.sub(_IF, " ", text)


def supposes(text: str) -> bool:
    """Whether ``text`` asks about a case supposed, or states a plan: no fact of ours.

    Supposed: 要是明年营收过两亿…, 上了规上以后就得行了噻, 要在重庆注册个子公司才行嗦. Planned: 多投点研发 三年平均拉到
    四个点以上 明年再报. Heard of and asked about: 有人跟我说大专以上学历的要占30% 是不是真的.
    """
    norm = normalize(text)
    if _PLANNED.search(norm) and _LATER.search(norm):
        return True
    if HEARSAY.search(norm) and _TRUE_OR_NOT.search(norm) and not _OURS.search(norm):
        return True  # “有人跟我说大专以上学历的要占30% 是不是真的哦”: a rule heard of, asked about
    if heard_rule(text):
        return True  # “不是说营收一千万以上就够了嘛 网上写的”: the rule as heard (not after a figure of ours)
    if _WAIT_THEN.search(norm):
        return True  # “等进规了再说”: what is waited for, not yet so
    if _DO_FIRST.search(norm) and _ASKED.search(norm):
        return True  # “那我们先把制度建起来去备案 这样要得不”: a step to take first, asked about
    if _STEPS_AHEAD.search(norm) or _MORE_TO_DO.search(norm):
        # “那就是要先上规 再建制度备案噻”, “那我们再隔个一百多平的出来”: the steps still to take, none done
        return True
    return bool(_SUPPOSED_CASE.search(norm)) and bool(_ASKED.search(norm) or "?" in text or "？" in text)


def heard_rule(text: str, ours_too: bool = False) -> bool:
    """Whether ``text`` tells a threshold heard of (听说…门槛可以降到两个亿, 不是说…以上就够了嘛), none of ours.

    ``ours_too``: words of ours may follow it (听说要占30% 我们有四十多个 够不).
    """
    norm = normalize(text)
    if (after := HEARSAY_AFTER.search(text)) is not None:  # (是不是还要大专学历的占百分之三十哦 网上看到的)
        start = _rule_before(text, after.start())
        return start is not None and (ours_too or not _OURS.search(text, start, after.start()))
    heard = HEARSAY.search(norm)
    return bool(
        heard
        and _RULE_HEARD.search(norm, heard.end())
        and (ours_too or not _OURS.search(norm, heard.end()))  # (帮我们看下够不够 听说…两个亿就可以报了: ours asks)
        and not quantities(norm[: heard.start()])
    )


def _without_rule_heard(text: str) -> str | None:
    """The message without the rule it tells as heard of, from 听说 to the end of the rule's clause, if it tells one.

    “…朋友说可以报 所得税只交15% 公司注册才八个月 能不能报”: the 15% is the rule's, the eight months ours.
    """
    if not heard_rule(text):
        return None
    if (after := HEARSAY_AFTER.search(text)) is not None:  # (…我们才20% | 是不是要占30% 网上看到的: ours kept)
        start = _rule_before(text, after.start())
        return None if start is None else text[:start]
    heard = HEARSAY.search(text)
    if heard is None:
        return None
    rule = _RULE_HEARD.search(text, heard.end())
    if rule is None:
        return None
    end = _CLAUSE_END.search(text, rule.end())
    return f"{text[: heard.start()]} {text[end.start() if end else len(text) :]}"


def _rule_before(text: str, end: int) -> int | None:
    """Where the clause of the rule told before ``end`` (a hearsay said after it) starts, if one is told."""
    rule = _RULE_HEARD.search(text, 0, end)
    if rule is None:
        return None
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, rule.start())]
    return starts[-1] if starts else 0


_CLAUSE_END = re.compile(r"[\s，。,；;！!？?]")
HEARSAY = re.compile(
    r"(有人|别人|别个|朋友|同行|群里|中介|听人|人家)(跟我|给我|和我)?(说|讲|讲的|说的)|听说|据说|^不是说"
    r"|网上(有的|有人|看到|查到|看的|查的)?(写|说|讲)"
    r"|^(以前|之前|原来|过去|老办法|旧办法)(不是|是)说?"
)
"""A rule the user heard of (有人跟我说…, 听说…), or recalls from before (以前不是一千万就可以了嘛)."""
HEARSAY_AFTER = re.compile(
    r"(网上|别人|别个|朋友|同行|群里|中介|人家|抖音上|文章上?)(看到|看|查到|听|听到|说|讲)(的|来的)?(哦|嘛|啊|哈|噻)?[?？]?$"
)
"""A rule told first and its hearsay after it (是不是还要大专学历的占百分之三十哦 网上看到的)."""
_RULE_HEARD = re.compile(
    r"以上就|以下就|就够|就行|就得行|就可以|就能|才行|降到|降为|放宽|放低"
    r"|(要|需要|必须|得)[^\s，。,]{0,8}?(\d|[一二两三四五六七八九十]|百分之)"
)
"""What makes a threshold heard of a rule (营收一千万以上就够了): “只要…就” of the policy, not of us."""
_TRUE_OR_NOT = re.compile(r"是不是真的|是真的吗|真的吗|真的假的|真的不|对不对|靠不靠谱|有没有这回事|是不是这样")
"""Asking whether what was heard is so."""
_OURS = re.compile(r"我们|我司|咱们")
"""The enterprise's own words: a figure beside them may be ours (听说要占30% 我们才20%)."""


_WAIT_THEN = re.compile(
    r"(^|[^\w])?等[^，,。|]{1,10}(了|以后|之后)再(说|看|报|申|来|弄|搞|考虑)"
    r"|等[^，,。|]{0,8}(上了|到了|过了|达到|超过|满了|进了)[^，,。|]{0,8}才"
)
"""Waiting for something before acting (等进规了再说, 要等营收上了五千万才行噻): it is not so yet."""
_MORE_TO_DO = re.compile(r"再(隔|建|租|搞|弄|扩|加|招|买|添|盖|开|投)(个|一个|一间|一|出|些|点|几)")
"""More to be done (再隔个一百多平的出来, 再招几个): what it would make is not so yet."""
_DO_FIRST = re.compile(r"先把[^，,。|]{1,10}(建|搞|弄|做|办|备|立|报|申请|登记|认定)")
"""A step to take first (先把制度建起来, 先把软著登记了): not done yet."""
_STEPS_AHEAD = re.compile(r"(要|得|需要|必须)先[^，,。|]{1,10}再(建|搞|弄|做|报|申|评|办|去|来|上|进)")
"""Steps still to take, in their order (要先上规 再建制度): a plan, nothing of ours yet."""
_PLANNED = re.compile(
    r"(拉到|提到|提高到|做到|投到|加到|增加到|搞到|冲到|涨到|弄到|上到|上了|达到|多投|多花|加大投入|加大研发"
    r"|(负债|贷款|借款|欠款|债)[^，,。|]{0,6}(降下来|降到|降低到|压到|压下来|减到|减下来|还了|还掉|还清))"
)
"""A figure aimed at (拉到四个点以上), more spent (今年多投点研发) or less owed (年底把贷款还了降下来): a plan, when a
time to come is said beside it."""
_LATER = re.compile(r"明年|后年|以后|今后|将来|下一年|下半年|再报|再申|再评")


def keywords(criteria: dict[str, Criterion], ignore: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(normalised extract word, criterion) pairs, longest first (prepared once per ``criteria`` and ``ignore``)."""
    return _vocab(criteria, ignore).keywords


_CALENDAR_LABEL = re.compile(
    r"(?<![\d.零〇一二两三四五六七八九十])(?:20|二[零〇])?(\d{2}|二[零〇一二三四五六七八九])\s*年度?"
)
"""A calendar year as people type it: 2024年, 24年, 2025年度, 二四年, 二零二四年."""
_DURATION_BEFORE = re.compile(r"[了做干立满近过超有多第经营差快到办开搞]\s*$")
"""Before ``N年``: a duration (做了23年, 成立25年), no calendar year."""
_DATED_EVENT = re.compile(
    r"^(\d{1,2}月|[一二三四五六七八九十]{1,2}月|[^\d\s,，。；;]{0,6}?(注册|成立|创立|创办|建厂|评|认定|获|拿|入选|申报|报了|通过|被))"
)
"""After a calendar year: a date (25年10月) or an event dated (23年评上的, 2024年注册), no figure's year."""
_FIGURE_WITHIN = re.compile(rf"^[^\d\s,，。；;{_CN_DIGITS}]{{0,6}}?(?:\d|[一二两三四五六七八九十](?!{_NOT_A_COUNT}))")
"""After a calendar year: a figure within a few words (24年营收2200万), which the year dates."""
_RELATIVE = {1: "去年", 2: "前年", 3: _YEARS_BACK}
"""Years back from this one → the word the reading knows them by."""


def relative_years(text: str, today: dt.date | None = None) -> str:
    """Year labels of figures said as calendar years, as the words the reading knows: 24年营收2200万 → 前年营收2200万.

    Only the three years before this one, and only before a figure (研发2025年170万); a duration (做了23年) and a
    year an event is dated by (23年评上的, 2024年注册) stay as they are.
    """
    year = (today or dt.date.today()).year

    def swap(m: re.Match[str]) -> str:
        word = _RELATIVE.get(year % 100 - int(m[1].translate(YEAR_DIGITS)))
        rest = text[m.end() :]
        if (
            word is None
            or _DURATION_BEFORE.search(text, 0, m.start())
            or _DATED_EVENT.match(rest)
            or not _FIGURE_WITHIN.match(rest)
        ):
            return m[0]
        return word

    return _CALENDAR_LABEL.sub(swap, text) if "年" in text else text


def _small_part_beside(norm: str, at: int, word: str) -> bool:
    """Whether ``word`` at ``at`` is a small part beside the rest (经销商只做售后), not what we are (我们是经销商)."""
    return bool(_A_SMALL_PART.match(norm, at + len(word))) and norm[max(0, at - 1) : at] not in ("是", "做", "当")


def _only_a_part_denied(norm: str, no_words: list[str], breaks: tuple[int, ...]) -> bool:
    """Whether every no word said stands in a clause about a part beside (还有一部分是日常质检, 也有日常质检)."""
    found = [(at, w) for w in no_words for at in places(norm, w)]
    return bool(found) and all(
        _A_PART.search(norm, max([0, *(b for b in breaks if b <= at)]), at) or _A_SMALL_PART.match(norm, at + len(w))
        for at, w in found
    )


_A_PART = re.compile(r"一部分|一小部分|小部分|部分是|也有|还有|另外(?!一?[个家])|有些|有的")
"""In a clause before a no word: what it denies is a part beside the rest (还有一部分是产品日常质检); not 另外一个
(集团下头另外一个子公司: another one, which is all of it)."""
_A_SMALL_PART = re.compile(
    r"(商|那单|那部分|那块|那边|那一单|那个|的)?(很小|很少|不多|是小头|只有一点|一点点|占得少|占比很小|只做|只负责|只管"
    r"|只占一点|只占很少|只占一小部分|只占小头|占一点点|占很少|占一小部分"
    r"|是另外一单|是另一单|是别的单|是另外的单|是另外一笔|是另一笔)"
)
"""Right after a no word: what it names is a small part beside the rest (贸易公司那单很小, 贸易商那个是另外一单)."""


def _kind_switched(norm: str, vocab: _Vocab) -> dict[str, Any]:
    """The option a message switches the check to (那改成行业类的呢 够不够), if it names one right after 改成."""
    switched = SWITCHED_TO.match(norm)
    said = norm[switched.end() : switched.end() + 10] if switched else ""
    if len(said) < 2:
        return {}
    for cid, options in vocab.choices:
        for value, label, synonyms in options:
            if any(w and said.startswith(w) for w in (label, *synonyms)):
                return {cid: value}
    return {}


SWITCHED_TO = re.compile(r"^(?:那|那么)?(?:换成|改成|改为|换个|改个|改报|换报)")
"""A switch to another kind of the policy (那改成行业类的呢 够不够): the kind is named right after."""


_WORKED_OUT = re.compile(
    r"[\d.一二三四五六七八九十百千万两零]+[万亿]?(多|左右)?\s*(除以|除|/|÷|乘以|乘|×)\s*[\d.一二三四五六七八九十百千万两零]+[万亿]?(多|左右)?"
    r"(?=[\s，,]*(大概|大约|约|差不多|等于|就是|算下来|≈|=|百分之|[\d.零一二两三四五六七八九十点]+(%|个点|个百分点)))"
)
"""A sum worked out before its result (250除6000多 大概4个点): only the result is the figure."""
TAKEN_BACK = re.compile(
    r"(刚才|刚刚|之前|前面|先前|上面)(说的?|讲的?|报的?|答的?)[^，,。；;\s]{1,12}?(不准|不对|错了|有误|不算数?)(的|哈|哦)?"
    r"(?=$|[\s，,。；;])"
)
"""A clause taking back what was said before (刚才说一半一半不准): what it repeats is no fact now."""
_BAR_BEFORE_OURS = re.compile(
    r"((要|需要|得|必须)(占|达到|达|到|超过|满)|(?<![我们])(要|需要|必须))(百分之)?[\d零一二两三四五六七八九十百千万.点]+"
    r"(%|个点|个百分点|万元?|亿元?|个|人|年)?(以上|及以上|左右)?(吧|嘛|哦|噻|哈|是不是|对吧|对不)?"
    r"(?=[\s，,。；;]+(我们|我司|咱们|我这边|我们这边)(有|是|才|只有|大概|差不多|去年|今年|的))"
)
"""The bar the rule sets, said just before the enterprise's own figure (研发占比要达到6%以上吧 我们有7%):
not ours; the name before it (研发占比) names ours."""


def extract(
    text: str, criteria: dict[str, Criterion], ignore: Iterable[str] = (), today: dt.date | None = None
) -> dict[str, Any]:
    """Facts a free message states about the enterprise (“去年研发费用300万，做汽车零部件的”).

    A number belongs to the words it is attached to: the noun after it (“三个发明专利”) first, else a keyword
    just before it (“营收6000万”); a count of anything else (“6个软著”) is nobody's figure. ``ignore`` lists
    names (the topics' titles and aliases) whose words are not facts about the user; pass the same objects
    each time (the words are prepared once per ``criteria`` and ``ignore``). A fact said of the past (以前做了
    十几年冲压件) gives way to the same fact said of now in the same message (调角器是四年前才开始做的).
    """
    facts = _extract(text, criteria, ignore, today)
    then = _PAST_CLAUSE.sub(" ", text)
    if then != text and facts:
        now = _extract(then, criteria, ignore, today)
        facts |= {cid: v for cid, v in now.items() if cid in facts}
    said_yes = [cid for cid, v in facts.items() if v is True]
    if len(said_yes) == 1 and (closely := _NOT_CHECKED.search(text)) and _HEDGED.search(text, 0, closely.start()):
        facts[said_yes[0]] = UNKNOWN  # “目录的话 应该是在里头的 但是牌号我没仔细对过”: a guess, not yet checked
    return facts


_NOT_CHECKED = re.compile(r"没(仔细|认真|详细|具体)?(对|核|查|比对)过|还没(仔细|认真|详细|具体)?(对|核|查|比对)")
"""Not checked (closely) yet: after a hedged yes (好像在里头, 应该是), the one thing said is not known."""


_PAST_CLAUSE = re.compile(r"(?:^|(?<=[\s,，。；;!！?？]))(以前|之前|原来|过去|早先|早些年|早几年)[^\s,，。；;!！?？]+")
"""A clause that opens in the past (以前做了十几年冲压件): what it says of us may have changed since."""


_TAX_INCLUDED = re.compile(r"(都|也)?(是|为)?含税")
"""Right after a sum: it includes the tax (两亿出头是含税开票), which revenue does not; the net one is said beside."""
_A_CLAIM = re.compile(r"[^\s，,。；;？?]{1,10}(那个|这个|那种|这种|的)说法")
"""A figure named as a claim heard (两个亿那个说法): what it says is no fact of the enterprise."""


def _names_then_figures(norm: str, breaks: tuple[int, ...], vocab: _Vocab) -> tuple[str, tuple[int, ...]]:
    """``norm`` with names said together before as many figures (营收跟研发费用 六千万 两百五) put each beside its own.

    “营收和研发费用分别是六千万和两百五十万” reads as “营收六千万 研发费用两百五十万”: the figures go to the names
    in the order said, and a year said between them (营收跟研发去年…) dates each. Returns the (new) ``norm`` and its
    clause breaks; anything else is returned as it was.
    """
    if not _JOINED.search(norm) or len(found := quantities(norm)) < 2:
        return norm, breaks
    for i in range(len(norm)):
        names, at, joined = _names_at(norm, i, vocab)
        if len(names) < 2:
            continue
        if any(a in b or b in a for n, a in enumerate(names) for b in names[n + 1 :]):
            continue  # (研发 跟 研发费用: one name said twice)
        after = [q for q in found if q.start >= at]
        run = after[: len(names)]
        if len(run) < len(names) or (
            len(after) > len(names) and _FIGURES_APART.fullmatch(norm, run[-1].end, after[len(names)].start)
        ):
            continue  # (营收跟研发三年分别…: more figures than names)
        filler = norm[at : run[0].start]
        if (
            not (joined or "分别" in filler)
            or len(filler) > _FILLER_CHARS
            or _is_keyword_in(filler, vocab)
            or not all(_FIGURES_APART.fullmatch(norm, a.end, b.start) for a, b in zip(run, run[1:], strict=False))
        ):
            continue
        year = next((w for w in _YEAR_WORDS if w in filler), "")
        pairs = [name + year + norm[q.start : q.end] for name, q in zip(names, run, strict=True)]
        start, end = i, run[-1].end
        said = "".join(pairs)
        new_breaks = [b for b in breaks if b <= start]
        at = start
        for pair in pairs[:-1]:
            at += len(pair)
            new_breaks.append(at)
        shift = len(said) - (end - start)
        new_breaks += [b + shift for b in breaks if b >= end]
        return norm[:start] + said + norm[end:], tuple(sorted(set(new_breaks)))
    return norm, breaks


_JOINER = re.compile(r"跟|和|与|同|以及|及|还有|、")
_JOINED = re.compile(r"跟|和|与|同|及|还有|、|分别")
_FIGURES_APART = re.compile(r"[+和、跟与及,，]?|分别是?")
"""Between two figures of a run said together (六千万 两百五, 六千万和两百五十万)."""
_FILLER_CHARS = 10
"""How many characters may stand between the names and their figures (刚才说了的, 分别是, 去年大概)."""


def _names_at(norm: str, at: int, vocab: _Vocab) -> tuple[list[str], int, bool]:
    """The keywords said together from ``at`` on (营收跟研发费用, 营收、研发、研发人员).

    Also where they end, and whether a word joins them (营收研发分别是…: none).
    """
    names: list[str] = []
    end, joined = at, False
    while kw := next((k for k, _ in vocab.keywords if norm.startswith(k, at)), None):
        names.append(kw)
        end = at = at + len(kw)
        if joiner := _JOINER.match(norm, end):
            joined, at = True, joiner.end()
    return names, end, joined


def _is_keyword_in(text: str, vocab: _Vocab) -> bool:
    return any(kw in text for kw, _ in vocab.keywords)


def _extract(
    text: str, criteria: dict[str, Criterion], ignore: Iterable[str] = (), today: dt.date | None = None
) -> dict[str, Any]:
    vocab = _vocab(criteria, ignore)
    if (rest := _without_rule_heard(text)) is not None:
        return _extract(rest, criteria, ignore, today)  # (帮我们看下 | 听说…两个亿就可以报了: ours, not the rule)
    text = _SALES_OVER_YEARS.sub("营收", _with_unit_said(text))  # (研发费 150 190 220 单位万; 销售近三年 …)
    dated = _dated(text, vocab, criteria, today) if today else {}
    text = kind_words_plain(text)
    text = _OTHER_GOODS.sub(" ", relative_years(text, today))  # (走贸易商的是别的普通产品: not the goods asked of)
    text = _GO_BETWEEN.sub(" ", text)  # (经销商只是牵线: not the buyer)
    text = _OTHER_COMPANY.sub(" ", text)  # (兄弟公司已经是小巨人了: not our title)
    text = _BEFORE_NOW.sub(" ", text)  # (经销商是去年的: not this batch's buyer)
    text = _LEFT_OUT.sub(" ", text)  # (经销商那单我们不报: a sale left out of the application)
    text = _WORKED_OUT.sub(" ", text)  # (250除6000多 大概4个点: the sum worked, then its result)
    text = _BAR_BEFORE_OURS.sub(" ", text)  # (研发占比要达到6%以上吧 我们有7%: the bar, then ours)
    text = TAKEN_BACK.sub(" ", text)  # (刚才说一半一半不准 | 批发占六成二: only the new word is a fact)
    text = _A_CLAIM.sub(" ", text)  # (两个亿那个说法不算数啊: a figure heard of, no fact of ours)
    norm = normalize(text)
    if supposes(text):
        # “要是明年营收过两亿 是不是只要3%”: a case supposed and asked about, nothing said of us; but “那改成行业类的呢
        # 够不够” names the kind to check instead
        return _kind_switched(norm, vocab)
    breaks = clause_breaks(text)
    norm, breaks = _names_then_figures(norm, breaks, vocab)  # (营收跟研发费用 六千万 两百五: one each)
    facts: dict[str, Any] = dict(dated)
    last: str | None = None  # the criterion of the figure before, and whether it was the year before's
    last_previous = False
    last_start = 0  # where the figure of ``last`` stands
    prev_end = 0
    denied: str | None = None  # the criterion of a figure just denied (没得95): the next figure is its
    seen: list[str] = []  # the criteria of the figures before, in order
    aside_from: str | None = None  # the run a figure dated 那年 broke off (its next year goes back to it)
    shares: list[Quantity] = []  # shares nobody's words took (是百分之十三)
    heads: list[Quantity] = []  # counts of people nobody's words took (一百二十个人)
    durations: list[Quantity] = []  # numbers of years opening a clause that nobody's words took (十一年了)
    found = [
        q
        for q in quantities(norm)
        if not _REFERS_BACK.match(norm, q.end)  # (一千二那个是…: said before)
        and not (_DONT_KNOW.search(norm) and _BAR_NAMED.search(norm, 0, q.start) and norm.startswith("的", q.end))
        and not (_BAR_NAMED.search(norm, 0, q.start) and _HOW_RECKONED.match(norm, q.end))  # (那个七十分咋个算的)
        and not _of_the_rule(norm, q, breaks)
        and not _TAX_INCLUDED.match(norm, q.end)  # (两亿出头是含税开票 不含税一点八个亿: the net one is ours)
    ]  # (评分那个70分的 不晓得好多: the bar named, not our figure)
    founding: float | list[float] | None = None  # years since the enterprise was founded (成立九年了, 2015年成立)
    peers_of: str | None = None  # the criterion of the peers' figure just passed over (行业两个点 | 我们五个多)
    figures = [q for q in found if not _in_a_word(norm, q, breaks)]  # (五险一金, 我们高出一大截: no figure)
    for q in figures:
        if q.unit == "年" and q.value >= CALENDAR_YEAR:
            if (since := _record_founding(norm, q, vocab, criteria, facts)) is not None:
                founding = since  # “2015年在璧山注册的”: registered that year
            continue  # any other calendar year: asked, not guessed
        if q.unit == "年" and q.end not in breaks and _FIGURE_NEXT.match(norm, q.end):
            continue  # “研发经费一年260万”: a period the next figure is counted over (not “做了九年 三百人”)
        if (
            q.unit == "年"
            and q.value == 1
            and (hedged := _HEDGE_THEN.match(norm, q.end))
            and _FIGURE_NEXT.match(norm, hedged.end())
        ):
            continue  # “研发一年就五六十万”: a year, the period the figure after is counted over
        if q.unit == "年" and _TWO_DIGIT_YEAR.fullmatch(norm, q.start, q.end) and _EVENT_AFTER.match(norm, q.end):
            as_year = replace(q, value=CENTURY + q.value, low=None, high=None)  # “16年成立”: founded in 2016
            if (since := _record_founding(norm, as_year, vocab, criteria, facts)) is not None:
                founding = since
            continue  # “23年评的市级专精特新”: the year 2023, when it happened, no number of years
        if (
            q.unit == "年"
            and not q.is_range
            and (ago := _YEARS_AGO_SAID.match(norm, q.end))
            and _FOUNDED.match(norm, ago.end())
        ):
            as_year = replace(q, value=float((today or dt.date.today()).year - round(q.value)), end=ago.end())
            if (since := _record_founding(norm, as_year, vocab, criteria, facts)) is not None:
                founding = since
            continue  # “调角器是四年前才开始做的”: started four years back, four years in the trade
        if more := _MORE_THAN_BEFORE.search(norm, max(0, q.start - _MORE_THAN_CHARS), q.start):
            if last and not last_previous and (earlier := _year_before_from(last, q, more, criteria, facts)):
                facts.setdefault(*earlier)  # “去年研发一千五百万 比前年多了两百来万”: 前年 1300万
            prev_end = q.end
            continue  # (the difference itself is nobody's figure, whether or not the earlier year follows)
        gap = _GAP_BEFORE.search(norm, max(0, q.start - _UNCOUNTED_CHARS), q.start)
        if gap and not (gap[1] == "少了" and q.start in breaks):  # (“去年少了 八十万”: down to 80万)
            prev_end = q.end
            continue  # “差二十个平方都不得行”: how far short, not the figure itself
        skipped = _UNCOUNTED.search(norm, max(0, q.start - _UNCOUNTED_CHARS), q.start)
        if skipped:  # “大前年5100万”: the year before the year before; “没得95 只有六成五”: the figure denied
            run = None
            if skipped[1] == _YEARS_BACK and q.unit is None:
                q = _in_run_of(q, seen, criteria, facts) or q  # (营收一点五个亿 主营占九成六 前年一点三 大前年一点一五)
            if skipped[1] != _YEARS_BACK:
                denied = _owner_before(norm, q, vocab, criteria, facts, prev_end)[0]
            elif (
                third := _third_year(
                    run := _of_years(q, seen, criteria) or _owner_before(norm, q, vocab, criteria, facts, 0)[0],
                    criteria,
                )
            ) and (value := number_value(q, criteria[third].unit or "")) is not None:
                facts.setdefault(third, value)
                if run:  # “营收 大前年一点二亿 前年一点四 去年一点六”: the years after are the same run's
                    last, last_previous, last_start = run, False, q.start
                    seen.append(run)
            prev_end = q.end
            continue
        since_words = _FOUNDING_BEFORE.search(norm[max(0, q.start - _FOUNDING_CHARS) : q.start])
        if q.unit == "年" and since_words:
            if (since := number_value(q, "年")) is not None:
                founding = since
            if not any(since_words[1] in kw for kw, cid in vocab.keywords if criteria[cid].unit == "年"):
                prev_end = q.end
                continue  # “做锁体的 成立七年 这个细分做了六年”: the years since founding, of no criterion asked here
        if q.unit == "%" and _policy_rate(norm, q):
            prev_end = q.end
            continue  # “加计扣除是按100%还是120%”: the policy's rates asked about, not a share of ours
        if q.unit == "%" and (
            _PEERS_AVERAGE.search(norm, max(0, q.start - _PEERS_AVERAGE_CHARS), q.start)
            or _PEERS_SAID.search(norm, max(0, q.start - _PEERS_SAID_CHARS), q.start)
        ):
            peers_of = _owner_before(norm, q, vocab, criteria, facts, prev_end, breaks)[0]
            prev_end = q.end
            continue  # “研发投入四百二十万 行业平均听说两个点左右”: the industry's share, not ours
        before, before_at = _owner_before(norm, q, vocab, criteria, facts, prev_end, breaks)
        if before is None and peers_of and q.unit == "%" and _OURS_THEN.search(norm, max(0, q.start - 4), q.start):
            before, before_at = peers_of, q.start  # “研发强度 行业两个点 我们五个多”: ours, of what the peers' was
        peers_of = None
        if (
            q.unit in (None, "人", "个")
            and _AMONG_AFTER.match(norm, q.end)
            and (before is None or _part_of(before, criteria))
        ):
            heads.append(q)  # “科技人员 一百个人里头搞研发的十五个”: the whole the part after it is counted from
            prev_end = q.end  # (not “专职研发十二个人 里头中级职称的七个”: 12 is 专职研发's own count)
            continue
        if before is None and (founded := _since_founded(norm, q, vocab, criteria, facts)):
            before, before_at = founded, q.start  # “去年底才注册的新公司 … 到现在十个月”
        if before is None and denied and _fits(q, criteria[denied]):
            before, before_at = denied, q.start  # (只有六成五: what the denied figure was of)
        denied = None
        adjacent = before is not None and any(
            _keyword_ends_at(norm, at, vocab, before) for at in {q.start, _hedged_from(norm, before_at, q.start)}
        )
        # (the noun after a count first, even with a keyword just before: “自己研发的 有5个发明专利” → 专利)
        thing_after = q.unit == "个" and bool(_THING_NOUN.match(norm, q.end))
        # (“负债率好像五十几 研发费我不清楚”: the clause's own keyword, not the next clause's)
        closes = before is not None and q.end in breaks and not any(before_at < b <= q.start for b in breaks)
        owner, at = (
            (None if (adjacent or closes) and not thing_after else _owner_after(norm, q, vocab, criteria, facts)),
            q.start,
        )
        counts_its_own = (
            q.unit == "个"
            and q.end not in breaks
            and bool((_THING_NOUN if adjacent else _OWN_NOUN).match(norm, q.end))  # (研发的 有5个发明专利: 专利)
        )
        if owner is None and (adjacent or not _CLASSIFIER.match(norm[q.end :])) and not counts_its_own:
            owner, at = before, before_at  # (“研发场地就一个实验室”: 一个 counts 实验室, no staff)
        if owner is None and last and _SUMMED.search(norm, prev_end, q.start):
            total = _over_years(last, norm[max(0, prev_end - _SPAN_LEAD * 2) : q.start], criteria, facts)
            if total and _fits(q, criteria[total]):
                owner, at = total, q.start  # “研发这两年一年六百多万 加起来一千三百来万”: the years' total
        if (
            owner is None
            and last
            and q.start - prev_end <= 1
            and (
                "分别" in norm[max(0, prev_end - 30) : q.start]
                and norm.rfind("分别", 0, q.start) < last_start  # (not “营收…去年7500万 研发费分别200 220”: 研发's)
                or (norm[prev_end : q.start] in _PAIRED and bool(_OLDEST_FIRST.search(norm, 0, last_start)))
            )
        ):
            # “营收三年分别是1.4亿 1.6亿 1.8亿”: the run ends with last year; so does “研发前年二百六 去年三百一
            # 占比四点八和五点三”, two figures joined after the years were said oldest first
            owner, at = last, q.start
            _shift_years(facts, owner, criteria)
        if owner is None and last and (year := _year_since(norm, prev_end, q.start)) is not None:
            # “研发前年550万 去年680万”, “去年130万 前年少点 只有80来万”; “营收1.6亿 主营占95% 前年1.4亿”: the year
            # before of the last figure it fits (营收), not of the share said in between; “研发前年110万 那年营收
            # 两千四 去年130万”: the run the 那年 aside broke off
            run = aside_from if aside_from and _fits(q, criteria[aside_from]) else last
            if run == aside_from and _fits(q, criteria[last]) and _nearer(q, last, aside_from, facts, criteria):
                run = last  # “前年营收一点六个亿 研发前年七百万 去年八百万”: 800 goes on 研发's 700, not 营收's 1.6亿
            numerator = criteria[run].ratio_of[0] if criteria[run].ratio_of else None
            if (
                not _fits(q, criteria[run])
                and not _of_years(q, seen, criteria)  # (“营收1.6亿 主营占95% 前年1.4亿”: the run said before)
                and numerator in criteria
                and _fits(q, criteria[numerator])
            ):
                run = numerator  # “研发两年都在三个点以上 前年三百二十万 …”: the amount the share is of
            if q.unit is None and not criteria[run].previous and (carried := _in_run_of(q, seen, criteria, facts)):
                q = carried  # “营收一点五个亿 主营占百分之九十六 前年一点三”: 前年 of the sum, not of the share
            owner, at = run if _fits(q, criteria[run]) else _of_years(q, seen, criteria) or run, year
            aside_from = None
            if criteria[owner].sum_of and criteria[criteria[owner].sum_of[0]].unit == criteria[owner].unit:
                owner = criteria[owner].sum_of[0]  # “三年加起来两亿五 去年九千万出头”: a year of the total
        if (
            q.unit == "%"
            and last
            and (owner is None or (owner == before and before_at >= prev_end))
            and _SHARE_RIGHT_AFTER.fullmatch(norm, prev_end, q.start)
            and (share := _share_after(last, norm[prev_end : q.start], criteria))
        ):  # “研发1500万 每年都超过4%”; “高新产品收入一个亿出头 占七成多”: of that amount, not what a bare 占 names
            owner, at = share, q.start
        if owner is None and q.unit in MONEY and (period := _period_said(norm, q, facts, criteria, found)):
            # “三年营收共1.8亿 研发九百三十万” where only the years' totals are asked: the period said before spans it
            opens = max([0, *(b for b in breaks if b <= q.start)])
            if opens == q.start and opens > prev_end:  # (主营收入近三年 | 四点二亿 …: the clause before names it)
                opens = max([0, *(b for b in breaks if b < q.start)])
            word = norm[max(prev_end, q.start - _PERIOD_WORD_CHARS, opens) : q.start]
            word = _RESPECTIVELY.sub("", _HEDGE_GAP.sub("", word))
            each = _ONE_YEAR.search(word)  # (研发每年五百万: one year's, the years' total is three times it)
            named = _named_with_period(period, _ONE_YEAR.sub("", word), vocab)
            crit = criteria.get(named)
            if crit is not None and named not in facts:
                if each and crit.sum_years and (one := number_value(q, crit.unit or "")):
                    facts[named] = _times(one, crit.sum_years)
                    prev_end = q.end
                    continue
                if not each and _fits(q, crit):
                    owner, at = named, q.start
        if owner is None and q.unit in OWN_UNITS:
            alone = [c for c, crit in criteria.items() if crit.unit == q.unit and c not in facts]
            owner = alone[0] if len(alone) == 1 else None  # “研发那层一百二十平”: the one criterion in 平方米
        if owner and criteria[owner].unit == "项" and _not_granted(norm, q, breaks):
            prev_end = q.end
            continue  # “发明专利报了三个 还在实审”: applications, no rights held yet
        if owner:
            value = number_value(q, criteria[owner].unit or "")
            if value is None:
                continue
            around = norm[max(0, at - _YEAR_CHARS, prev_end) : q.start]
            if _THAT_YEAR.search(around) and last_previous:
                around += "前年"  # “前年研发120万 那年营收2800万”: the same year
                aside_from = last
            elif last_previous and owner != last and "前年" in around and "大前年" not in around:
                aside_from = last  # “研发费前年130万 前年营收就是3200 去年190万”: the same year, of another figure
            elif last_previous and owner != last and not _YEAR_SAID_AT.search(norm, prev_end, q.start):
                around += "前年"  # “前年营收三千八百万 研发一百八十万”: the year said goes on to the next figure
            if _BOTH_NAMED.search(norm[:at]) and "都" in around:
                around += "每年"  # “前年190万 去年230万 都占营收5个点以上”: both years
            targets = _years(around, owner, criteria)
            if (
                ("都" in around or _EACH_YEAR.search(around))
                and targets in ([owner], [owner, criteria[owner].previous])
                and (_THREE_EACH.search(norm, 0, at) or _SEVERAL_YEARS.search(around))
                and (third := _third_year(owner, criteria))
            ):
                targets = [owner, str(criteria[owner].previous), third]  # “研发三年都是一百万出头 收入都是四千多万”;
                # “这三年研发每年两百来万 营收每年七八千万”: each of the three years
            if _each_of_a_total(norm[max(0, at - _YEAR_CHARS, prev_end) : q.start], criteria[owner]):
                # “研发费用三年都是一百万出头”: each year's, the years' total is three times it
                value = _times(value, criteria[owner].sum_years or 1)
            last, last_previous, last_start = owner, targets == [criteria[owner].previous], q.start
            seen.append(owner)
            for cid in targets:
                if criteria[cid].adds_up and isinstance(facts.get(cid), float) and isinstance(value, float):
                    facts[cid] += value  # “高工2个 工程师3个 还有1个研究生”: the parts of one count, added
                facts.setdefault(cid, value)
        if owner is None and q.unit == "人":
            heads.append(q)
        if owner is None and q.unit == "年" and q.start in breaks:
            durations.append(q)
        if (
            owner is None
            and q.unit == "%"
            and not _CHANGED_BY.search(norm, max(prev_end, q.start - _CHANGE_CHARS), q.start)
        ):
            shares.append(q)  # (增长了10%: a change, no share of anything)
        if owner or q.unit not in (None, "个", "年") or (q.unit == "年" and norm.startswith("了", q.end)):
            prev_end = q.end  # a period or numeral nobody owns (近三年平均…, 一类) still leads to the figure after;
            # a duration said (运行两年多了) ends its clause: 两年 is not the span of the figure after
    _yearly_run(found, facts, criteria)
    _years_in_a_row(norm, found, facts, vocab, criteria)  # “三年营收0.9个亿 1.05个亿 1.2个亿”
    _over_years_run(norm, found, facts, criteria, breaks, today)
    facts.update({c: v for c, v in _three_years_named(norm, found, vocab, criteria).items() if c not in facts})
    _two_rates(norm, found, facts, criteria)
    _share_of_whole_said(norm, found, facts, criteria, today)
    if founding is None and len(durations) == 1 and (value := number_value(durations[0], "年")) is not None:
        start = max([0, *(b for b in breaks if b < durations[0].start)])
        if _MAKES.match(norm, start, durations[0].start):  # “做新能源车用铝合金结构件 十一年了”: making it that long
            said = [cid for cid, ws in vocab.since_founding if cid not in facts]
            facts.update(dict.fromkeys(said, value))
    if founding is not None:  # “做网关的 成立6年”, “成立九年了 一直做压力传感器”: in that market since it was founded
        said = [cid for cid, ws in vocab.since_founding if cid not in facts and any(w in norm for w in ws)]
        facts.update(dict.fromkeys(said, founding))
    if len(heads) == 1 and (
        whole := _whole_of(facts, heads[0], criteria) or _staff_alone(norm, heads[0], breaks, criteria)
    ):
        value = number_value(heads[0], criteria[whole].unit or "")
        facts.setdefault(whole, heads[0].value if value is None else value)  # “一百二十个人 搞技术的二十五个”
    if len(shares) == 1 and (of := _share_of(facts, criteria)) and (value := number_value(shares[0], "%")) is not None:
        facts.setdefault(of, value)  # “技术的二十六个人 总共两百人 是百分之十三”: the share of the two just given
    if (
        len(shares) == 1
        and (of := _product_share(norm, shares[0], vocab, criteria, facts, breaks))
        and (value := number_value(shares[0], "%")) is not None
    ):
        facts[of] = value  # “去年营收三千二 齿轮占了九成五”: the main product's share of the revenue
    facts.update({cid: v for cid, v in _nothing(norm, breaks, vocab, criteria).items() if cid not in facts})
    facts.update({c: v for c, v in _founded_years_ago(norm, vocab, criteria, facts).items() if c not in facts})
    facts.update(_subset_counts(norm, found, vocab, criteria, facts))
    _narrow_ranges(norm, facts, criteria, today)  # “一个多亿 大概一点六个亿”: the figure that narrows the range
    _one_year_and_the_other(norm, found, facts, criteria)  # “近两年研发一年一千一百万 一年一千三百万”
    _both_the_same(norm, found, facts, vocab, criteria)  # “营收和主营差不多 去年都是三千二百万左右”
    facts.update({cid: v for cid, v in _one_unsaid(norm, vocab, criteria).items() if cid not in facts})
    for cid in [c for c, v in facts.items() if v == 1.0 and criteria[c].unit == "人" and _one_person(norm, c, vocab)]:
        del facts[cid]  # “有一个工程师入选了人才计划”: one of the staff, no head count
    placed = without_award_places(norm)  # (省科技进步奖 排第二: the award's place, not the market's)
    facts.update({cid: v for cid, v in ranks(placed, criteria).items() if cid not in facts})
    compared = _ours_and_average(norm, figures)  # “同行业平均两个点左右 我们五个多点”
    above = _above(*compared) if compared else _said_against_average(norm, figures)  # (…我们高得多)
    if above is not None:
        facts.update({cid: above for cid, crit in criteria.items() if crit.beats_average and cid not in facts})
        if compared:
            facts.update(_ours_beside_average(norm, compared, vocab, criteria, facts))
    elif (average := _average_alone(norm, figures)) is not None:  # “问到了 同行业平均两个点出头”: theirs, not ours
        facts.update({cid: average for cid, crit in criteria.items() if crit.peers_average and cid not in facts})
    facts.update({cid: v for cid, v in titles(norm, vocab, breaks).items() if cid not in facts})
    if _NO_TITLE_AT_ALL.search(norm) and not supposes(text):  # (啥子称号都莫得: none of them held)
        facts.update({cid: False for _w, cid in vocab.titles if cid not in facts})
    names = [
        (a, b)
        for a, b in vocab.names.spans(norm)
        if not _DONE_BEFORE.search(norm, max(0, a - _DONE_CHARS), a) and not _HELD_AFTER.match(norm, b)
    ]
    # (“创新型中小企业 莫得”: the 中小企业 of a title's name says nothing of the enterprise's size)
    titled = [(at, at + len(w)) for w, _cid in vocab.titles if len(w) >= _TITLE_NAME_CHARS for at in places(norm, w)]
    chars = set(norm)
    facts.update({cid: v for cid, v in _changed_to(norm, vocab).items() if cid not in facts})
    for cid, groups in vocab.apart:  # “公司是在四川广安注册的 厂房在重庆合川”: registered elsewhere
        if any(
            _all_in_clause(norm, groups, w, breaks)
            and not _unsure(norm, w, breaks)
            and not _a_or_not(norm, w)
            and not (criteria[cid].yes_over_no and _asked_of_a_part(norm, w, breaks))
            and not _OR_ELSE.search(norm, norm.find(w), norm.find(w) + len(w) + _OR_ELSE_GAP)
            for w in groups[-1]
            if w in norm
        ):  # (not “清单进没进晓不得”: asked whether, and not known; not “登在集团名下还是我们名下”: one of two)
            facts[cid] = False
    either = _either(norm, vocab)
    if either and _DONT_KNOW.search(norm):  # “查账征收还是核定征收 我不晓得”: the question said back, not known
        facts.update({cid: UNKNOWN for cid in either if cid not in facts})
    echoed = _echoes(text)  # (人才计划? | 啥子人才计划 这个不晓得有没有: the word asked back says nothing)
    answered = _blanked(norm, echoed)
    for cid, words in vocab.no:
        if cid in either:
            continue  # (“是查账征收还是核定征收哦”: asked, neither said)
        spans = [*([] if cid in vocab.variants else names), *echoed, *([] if criteria[cid].title else titled)]
        stated = [
            w
            for w in words
            if w[0] in chars
            and _stated(norm, w, spans, breaks)
            and not _unsure(answered, w, breaks)
            and (cid in vocab.planned or not _planned(norm, w, breaks))  # (还想在成都开个分公司: not yet)
            and (cid in vocab.variants or not _asked(norm, w))
            and _of_subject(norm, w, vocab.subjects.get(cid), breaks)
            and (criteria[cid].title or not _of_a_title(norm, w, vocab, breaks))
            and not all(_small_part_beside(norm, at, w) for at in places(norm, w))  # (经销商只做售后)
        ]
        # (失信 inside 在失信名单上: the longer word said there is the one read, with its 没)
        stated = [w for w in stated if not _inside_longer(norm, w, stated)]
        if stated:  # “换包装” is a no; “不是换包装那种” a yes
            facts.setdefault(cid, all(_negated(norm, w, breaks) for w in stated))
    denied_by_words = {cid for cid, v in facts.items() if v is False}
    no_words = dict(vocab.no)
    for cid, words in vocab.yes:
        spans = [*([] if cid in vocab.variants else names), *echoed, *([] if criteria[cid].title else titled)]
        stated = [
            w
            for w in words
            if (cid not in facts or cid in denied_by_words)
            and cid not in either
            and w[0] in chars
            and w in placed
            and _stated(norm, w, spans, breaks)
            and not _unsure(answered, w, breaks)
            and (cid in vocab.planned or not _planned(norm, w, breaks))
            and (cid in vocab.variants or not _asked(norm, w))  # (能不能报: asks the verdict, and 报 is new)
            and _of_subject(norm, w, vocab.subjects.get(cid), breaks)
            and (criteria[cid].title or not _of_a_title(norm, w, vocab, breaks))  # (高企 专精特新都没评过)
        ]
        if cid in denied_by_words:  # (生产 inside 母公司生产: the no's)
            stated = [w for w in stated if not _inside_longer(norm, w, [n for n in no_words.get(cid, []) if n in norm])]
        if stated and cid in denied_by_words:
            if (
                criteria[cid].yes_over_no
                and not all(_negated(norm, w, breaks) for w in stated)
                and _only_a_part_denied(norm, no_words.get(cid, []), breaks)
            ):
                facts[cid] = True  # (研发主要是新剂型的工艺开发 还有一部分是日常质检: the R&D project is real)
            elif (
                any(_affirmed(norm, w, breaks) and not _listed_after_a_denial(norm, w, stated, breaks) for w in stated)
                and cid not in vocab.variants
            ):
                # a no and a yes (信用莫得问题 | 就是前年…出了重大安全生产事故): the one that fails a condition nearly
                # everyone meets (``assume`` is the value that passes), else neither
                assumed = criteria[cid].assume
                if assumed is None:
                    del facts[cid]
                else:
                    facts[cid] = not assumed
        elif stated:  # “有辅助账” is a yes; “辅助账还没建”, “没有高企证书” a no (“莫得安全事故 质量事故”: both)
            adverse = criteria[cid].assume is False  # (the yes fails: 失信 事故这些都没得问题 says there are none)
            facts[cid] = not all(
                _negated(norm, w, breaks)
                or _listed_after_a_denial(norm, w, stated, breaks)
                or (adverse and _no_trouble_after(norm, w))
                for w in stated
            )
    unsure = bool(_DONT_KNOW.search(norm))
    if unsure:  # “目录里头有没得我们这个产品 我真的晓不得”: that one is not known
        whether = bool(ASKED_A_NOT_A.search(norm))  # (备没备案我不清楚: whether, not when or how many)
        for cid, words in vocab.yes + vocab.no:
            if (cid not in facts or (facts[cid] is True and whether)) and any(
                w in answered and _unsure(answered, w, breaks) and _stated(norm, w, names)
                for w in words
                if w[0] in chars
            ):  # (not 中小企业 inside 创新型中小企业: the title's, not the SME's; “制度建了的 备没备案我不清楚”: a
                # part had, the rest not known)
                facts[cid] = UNKNOWN
        for kw, cid in vocab.keywords:  # “市场占有率这个真晓不得”: a figure not known
            if cid not in facts and len(kw) >= MIN_UNSURE_KEYWORD and kw in norm and _unsure(norm, kw, breaks):
                if all(_PEERS_BEFORE.search(norm, max(0, at - _AVERAGE_CHARS), at) for at in places(norm, kw)):
                    continue  # “行业平均研发强度是好多我不晓得”: the peers' figure, not ours
                facts[cid] = UNKNOWN
        if (average := _AVERAGE_WORD.search(norm)) and _unsure(norm, average[0], breaks):
            # “不太清楚行业平均是好多”: whether ours is above the peers' average is not known
            facts.update({c: UNKNOWN for c, crit in criteria.items() if crit.beats_average and c not in facts})
    for cid, words in vocab.whole:
        stated = [w for w in words if cid not in facts and _stated(norm, w, names) and not _unsure(norm, w, breaks)]
        if stated and not all(_negated(norm, w, breaks) for w in stated):
            facts[cid] = WHOLE  # “研发全部在国内发生的”
    for cid, words in vocab.none:
        if cid not in facts and any(_stated(norm, w, names) and not _unsure(norm, w, breaks) for w in words):
            facts[cid] = 0.0  # “研发就在车间里头搞 没有单独的场地”
    asked_whether = bool(_WHETHER.search(norm))  # (在不在目录里头 / 有没得: asked, not said)
    for cid, words in vocab.makes:
        if cid not in facts and not unsure and _makes(_blanked(norm, names), words, breaks):
            facts[cid] = True  # “我们涪陵做特种尼龙的”; not “客户是做装备的”, “我们是做贸易的”
    for cid, groups in vocab.together:
        if (
            cid not in facts
            and not (unsure and any(_unsure(norm, w, breaks) for group in groups for w in group if w in norm))
            and (cid in vocab.variants or not asked_whether)  # (算不算…能不能按120%: which kind is checked)
            and all(any(w in norm for w in group) for group in groups)
            # (以前没得市级技术中心 …评得上不: the kind not held, no kind chosen)
            and not (cid in vocab.variants and all(_negated(norm, w, breaks) for w in groups[0] if w in norm))
            and not _denied_in_clause(norm, [w for w in groups[-1] if w in norm], breaks)
            and not all(_negated(norm, w, breaks) for w in groups[-1] if w in norm)
            and not all(_one_of_two(norm, w, breaks) for w in groups[-1] if w in norm)
        ):
            facts[cid] = True  # “在渝北注册的”; not “2024版里头好像莫得压铸线这一项”, “核心技术不是自己的”
        elif (
            cid not in facts
            and unsure
            and all(any(w in norm for w in group) for group in groups)
            and any(_unsure(norm, w, breaks) for w in groups[0] if w in norm)
            and not all(_unsure(norm, w, breaks) for w in groups[0] if w in norm)
        ):
            facts[cid] = UNKNOWN  # “核心技术是我们自己的 知识产权这块要问技术部”: one part had, the other not known
    if not norm.isdigit() and not _ONLY_ASKED.search(norm):  # (是不是只有制造业才有: the policy's, not ours)
        plain = _blanked(norm, [*names, *echoed])  # (a policy's name, or “规上？” asked back: no choice stated)
        # “规上不规上我真不清楚”, “算不算制造业我也不晓得”: which one, asked; with a “don't know”, not known
        which_asked = [m.span() for r in (_WHETHER, _WORD_OR_NOT) for m in r.finditer(plain)]
        which_asked += _shares_not_known(plain, vocab.choices) if unsure else []  # (代理那块占好多我真不清楚)
        plain = _WHETHER.sub(lambda m: "|" * len(m[0]), plain)  # (有没得奖补: asked, no 没得奖 said)
        plain = _WORD_OR_NOT.sub(lambda m: "|" * len(m[0]), plain)
        plain = _OUTCOME_OR_NOT.sub(lambda m: "，" * len(m[0]), plain)  # (看够不够 规上工业企业: no 不够规上)
        for cid, options in vocab.choices:
            unasked = plain
            if which_asked and cid not in facts and _asked_which(norm, which_asked, options):
                if unsure:
                    facts[cid] = UNKNOWN
                    continue
                unasked = _blank_asked(plain, which_asked, options)  # (门市部这种算不算零售: asked, no 零售 said)
            choice = _parse_choice(
                _unsaid(unasked, options, breaks, criteria[cid]), criteria[cid], options, breaks, answering=False
            )
            # “国家级的奖莫得 省里拿过一个二等奖”: which kind, not which option
            kind_said = _narrowest(choice, family_value(plain, criteria[cid], breaks), criteria[cid])
            even = bool(_EVEN_SPLIT.search(plain)) and _lines_named(plain, options) >= EVEN_LINES
            if even or (kind_said and _ABOUT_HALF.search(plain)):
                kind_said = UNKNOWN  # (自己生产的跟批发的差不多一半一半: which line is the main one is not known)
            if kind_said:
                facts.setdefault(cid, kind_said)
    _same_each_year(norm, facts, criteria)
    _granted_by_the_city(norm, facts, criteria, vocab)
    if _DONT_KNOW.search(norm):
        _left_open(text, norm, breaks, facts, criteria, ignore, today)
    return facts


_EVEN_SPLIT = re.compile(
    r"一半一半|各占一半|各一半|各占50|五五开|对半|一样多|差不多一半|一半(是|为)?[^一。；;]{1,14}一半"
    r"|(两边|两块|两头|两样|两个|两部分)的?(收入|营收|销售额?|生意)?(都|也)?(差不多|相当|持平|一样)"
    r"|(哪边|哪块|哪头|哪样|哪个|哪部分)的?(收入|营收|销售额?)?(多|大|高|占大头)"
)
"""Two lines of business said to share the revenue evenly (两边收入差不多), or which is larger not said (哪边多要问
财务): neither is known to be the main one (over half)."""
EVEN_LINES = 2
_ABOUT_HALF = re.compile(
    r"(可能|大概|差不多|估计|将近|接近)?(一半|五成)(上下|左右)|(可能|大概|差不多|估计|将近|接近)(一半|五成)(?![一二三四五六七八九\d])"
)
"""A line's share said to be about half (可能一半上下): whether it is the main one (over half) is not known."""


def _lines_named(norm: str, options: Any) -> int:
    """How many of a choice's options the message names (批发 and 生产: two lines of business)."""
    return sum(any(w and w in norm for w in (label, *words)) for _value, label, words in options)


def _inside_longer(norm: str, word: str, said: list[str]) -> bool:
    """Whether every place of ``word`` lies inside a place of a longer word of ``said`` (失信 in 在失信名单上)."""
    longer = [(at, at + len(w)) for w in said if len(w) > len(word) and word in w for at in places(norm, w)]
    return bool(longer) and all(any(a <= at and at + len(word) <= b for a, b in longer) for at in places(norm, word))


def _left_open(
    text: str,
    norm: str,
    breaks: tuple[int, ...],
    facts: dict[str, Any],
    criteria: dict[str, Criterion],
    ignore: Iterable[str],
    today: dt.date | None,
) -> None:
    """Yes/no facts the user leaves open in the same message, as not known.

    “前年车间出过一回事故 … 定没定重大我不清楚”: whether it was major, asked back in the label's words, is not
    known; “著作权好像是外包公司先登记再转给我们的 也可能是我们自己登的 要问法务”: one way or the other.
    """
    asked_back: frozenset[str] = frozenset()  # the words after an A-not-A in a clause that says it is not known
    whether_not_known = ""  # the words asked back whether (在不在, 进没进), in a clause that says it is not known
    for a, b in itertools.pairwise((0, *breaks, len(norm))):
        whether = ASKED_A_NOT_A.search(norm, a, b)
        if whether and _DONT_KNOW.search(norm, a, b):
            asked_back |= bigrams(norm[whether.end() : b])
            whether_not_known += whether[1]
    vocab = _vocab(criteria, ignore)
    for cid, groups in vocab.together:
        # “清单那个事 我真不晓得我们在不在里头”: its subject named, whether asked back, and not known
        if (
            cid not in facts
            and groups
            and any(w in norm for w in groups[0])
            and any(w.startswith(tuple(whether_not_known)) for w in groups[-1])
        ):
            facts[cid] = UNKNOWN
    other = _OTHER_WAY.search(text)
    before = extract(text[: other.start()], criteria, ignore, today) if other else {}
    spans = list(itertools.pairwise((0, *breaks, len(norm))))
    not_known = [bigrams(norm[a:b]) for a, b in spans if _DONT_KNOW.search(norm, a, b)]
    guessed = any(_GUESSED.search(norm, a, b) and not _DONT_KNOW.search(norm, a, b) for a, b in spans)
    for cid, value in list(facts.items()):
        crit = criteria[cid]
        if crit.type != "bool" or not isinstance(value, bool):
            continue
        label = normalize(crit.label or crit.question)
        if any(w in label for w in asked_back) or before.get(cid) == value:
            # (定没定重大我不清楚: 重大 is the label's own word; …转给我们的 也可能是我们自己登的: either way)
            facts[cid] = UNKNOWN
        elif guessed and any(len(said & bigrams(label)) >= _NAMED_GRAMS for said in not_known):
            facts[cid] = UNKNOWN  # (“市场占有率晓不得 西南这边算前几名吧”: said not known, then only guessed)


_GUESSED = re.compile(r"吧$|吧[^\u4e00-\u9fff]|(可能|应该|估计|好像|大概)(算|是|有)?")
"""A clause said as a guess (西南这边算前几名吧, 应该算靠前)."""
_NAMED_GRAMS = 2
"""Character pairs a clause saying “not known” must share with a condition's label to be about it (市场占有率)."""


_OTHER_WAY = re.compile(r"也可能是|也有可能是|也可能|也有可能|说不定是|或者是我们")
"""Words that offer the other way round after a statement (…转给我们的 也可能是我们自己登的)."""


def _granted_by_the_city(norm: str, facts: dict[str, Any], criteria: dict[str, Criterion], vocab: _Vocab) -> None:
    """A national title held, said to be the city's (我们是小巨人 19年市经信委评的): not the national one."""
    if _NATION.search(norm):
        return
    for word, cid in vocab.titles:
        if facts.get(cid) is not True or _NATIONAL not in (criteria[cid].label or criteria[cid].question):
            continue
        at = norm.find(word)
        if at >= 0 and _CITY_GRANTED.search(norm, at + len(word), at + len(word) + _GRANTOR_CHARS):
            facts[cid] = False


_NATIONAL = "国家级"
_NATION = re.compile(r"国家|工信部|部里")
_CITY_GRANTED = re.compile(
    r"(市经信委|市经济信息委|市经信局|市经济和信息化委|市里|市级|重庆市|区里|区县)[^，,。]{0,4}(评|认定|发|授)"
)
_GRANTOR_CHARS = 16
"""How far after a title the city may be said to have granted it (小巨人 19年市经信委评的)."""


_SAME_EACH_YEAR = re.compile(
    r"(三年|这几年|这三年|每年|年年)[^，|\d]{0,3}(差不多|一样|差不离|持平|这个数|这么多|那么多)"
)
"""The one year's figure said holds for each of the three (研发一年两百万左右 三年都差不多)."""
_ONE_YEAR = re.compile(r"一年|每年|年均")
"""Before a figure: it is one year's (研发一年两百万, 每年一百五十万)."""


def _same_each_year(norm: str, facts: dict[str, Any], criteria: dict[str, Criterion]) -> None:
    """Add the three years' total of one year's sum said to be the same each year (研发一年两百万 三年都差不多).

    The total is a criterion of money labelled a three-year 合计 whose first word begins as the figure's name does
    (研发…): the last year's figure read, or the one figure said right after that name and 一年 (the yearly
    criterion is not asked in every check). It is three times the figure (its range too).
    """
    if not _SAME_EACH_YEAR.search(norm):
        return
    totals = {
        c: normalize(total.extract[0])[:2]
        for c, total in criteria.items()
        if c not in facts
        and total.extract
        and total.unit in MONEY
        and "三年" in (total.label or "")
        and "合计" in (total.label or "")
    }
    money = [q for q in quantities(norm) if q.unit and number_value(q, "万元") is not None]
    for c, stem in totals.items():
        yearly = [
            v
            for cid, v in facts.items()
            if (criteria[cid].label or "").startswith("上年度")
            and criteria[cid].unit == criteria[c].unit
            and normalize(criteria[cid].extract[0] if criteria[cid].extract else "").startswith(stem)
        ]
        if not yearly and len(money) == 1:
            lead = norm[max(0, money[0].start - _SPAN_LEAD - len(stem)) : money[0].start]
            if stem in lead and _ONE_YEAR.search(lead):
                yearly = [number_value(money[0], criteria[c].unit or "")]
        if len(yearly) == 1 and isinstance(one := yearly[0], (float, list)):
            facts[c] = [3 * v for v in one] if isinstance(one, list) else 3 * one


DATE_SAID = re.compile(r"(?<!\d)(20\d{2}|\d{2})年(?:底|末|初|(\d{1,2})月)?")
"""A date said: 2025年3月, 23年3月, 24年底, 2022年."""
_YEARS_BEFORE = re.compile(r"(?<![\d一二两三四五六七八九十])([\d一二两三四五六七八九十]{1,2})年(多|半)?(?:以)?前")
"""A date said as years back (四年前登记的, 三年多前, 两年半以前)."""
_MONTH_SAID = {"底": 12, "末": 12, "初": 1}
"""A part of the year said for its month (24年底)."""
YEAR_MONTHS = 12
CENTURY = 2000
"""Added to a two-digit year (23年)."""


_UNIT_SAID = re.compile(r"[（(]?单位(?:是|为|:|：)?(万元|万)[)）]?")
_BARE_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]|[万亿元千百%％个人年月日号平项件分名家台套倍成点岁天])")


_RUN_FIGURE = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3}(?:点[一二三四五六七八九])?个?半?)"
_RUN_BEFORE_UNIT = re.compile(
    rf"(?<![\d.一二两三四五六七八九十点个亿万千百])({_RUN_FIGURE})"
    rf"(?=(?:[\s、,，/]+{_RUN_FIGURE})*[\s、,，/]+{_RUN_FIGURE}(万元|万|亿元|亿)(?![\d]))"
)
"""A bare figure in a run whose last figure alone has the unit (200 220 230万): that unit is its too."""
_SALES_OVER_YEARS = re.compile(r"销售额?(?=(近|这|前|最近)?[两三23]年)")
"""销售 before a run of years (销售近三年 6200万 7000万 8000万): the revenue of those years."""


def _with_unit_said(text: str) -> str:
    """A unit said once is the bare figures' too: “研发费 150 190 220 单位万”, “研发费分别200 220 230万”."""
    text = _RUN_BEFORE_UNIT.sub(lambda m: m[1] + m[2], text)
    said = _UNIT_SAID.search(text)
    if said is None:
        return text
    rest = text[: said.start()] + " " + text[said.end() :]
    return _BARE_NUMBER.sub(lambda m: m[1] + "万", rest)


_THIS_KIND = re.compile(r"(这|那|哪|同|另|每|某)一类")


def kind_words_plain(text: str) -> str:
    """``text`` with “这一类” read as 这类: a kind (目录里没得包装机这一类), not the 一类 of Ⅰ类知识产权."""
    return _THIS_KIND.sub(r"\1类", text)


_OTHER_GOODS = re.compile(
    r"[^\s,，。；;!！?？]*(的是|是)(别的|其他|其它|另外)的?[^\s,，。；;!！?？]{0,6}(产品|品种|货|东西)"
)
"""A clause that says it is of other goods (走贸易商的是别的普通产品): nothing in it is of the one checked."""

_GO_BETWEEN = re.compile(
    r"[^\s,，。；;!！?？]*(只是|只|就是|只不过|不过是|仅仅是|只负责|就)(帮忙|帮我们|给我们)?"
    r"(牵线|牵个线|牵了个线|介绍|搭桥|搭个桥|搭了个桥|居间|中间人|当中间人|做中间人|介绍人|引荐|拉的线|拉个线"
    r"|管送货|负责送货|送货|送个货|管物流|负责物流|管运输|负责运输|配送|发货)"
    r"[^\s,，。；;!！?？]{0,4}"
)
"""A clause that says someone only brought the parties together (经销商只是牵线) or delivered the goods (贸易公司只管
送货): they are no party to the sale."""
_OTHER_COMPANY = re.compile(
    r"[^\s,，。；;!！?？]*(兄弟公司|兄弟单位|兄弟厂|另一家|另外一家|隔壁(公司|厂|那家|企业)|别家公司|别家企业"
    r"|朋友的?(公司|厂))[^\s,，。；;!！?？买卖购客户关联股权转让控]*(已经是|早就是|也是|评上|评了|拿到|拿了|认定了)"
    r"[^\s,，。；;!！?？]*"
)
"""A clause on another enterprise's title (集团里另一家兄弟公司已经是小巨人了): not ours (a buyer who is a sister
company is a fact of our sale, and stays)."""
_BEFORE_NOW = re.compile(
    r"[^\s,，。；;!！?？]{0,4}(经销商|贸易商|代理商|中间商|贸易公司|经销公司|代理公司|客户|买家|买方|用户)(那|那个|那家)?(是|都是)"
    r"(去年|前年|以前|之前|上次|原来|过去)的(事|了)?(?=[\s,，。；;!！?？]|$)"
)
"""A clause that puts a buyer in the past (经销商是去年的): not this sale's (a 失信 that was 前年的 still counts)."""
_LEFT_OUT = re.compile(
    r"[^\s,，。；;!！?？]{0,8}(那|这)(单|笔|批|次|份|个单子|批货|笔单子)(货|生意|合同|订单)?"
    r"(我们|咱们)?(就|也|都)?(不报|不申报|不申请|不算|不拿来报|不拿出来报|不放进来|不填|不写进去|不要了|不管了|不提了)"
    r"[^\s,，。；;!！?？]{0,2}"
)
"""A clause that leaves a sale out of the application (经销商那单我们不报): who bought it says nothing of the one
applied for, nor of us."""


def _of_the_rule(norm: str, q: Quantity, breaks: tuple[int, ...]) -> bool:
    """Whether the figure's clause, up to it, speaks of the rule and not of us (新标准营收要1500万了哦)."""
    start, stop = _clause(norm, q.start, norm[q.start : q.end], breaks)
    if _REQUIRED_FIGURE.search(norm, max(start, q.start - _REQUIRED_FIGURE_CHARS), q.start) and _RULE_ASKED.search(
        norm, start, stop
    ):
        return True  # “是不是研发要占6%”, “研发要占6%吗”: the bar asked about, not our share
    if _NEEDED_FIGURE.search(norm, max(start, q.start - _REQUIRED_FIGURE_CHARS), q.start) and _ONLY_THEN.match(
        norm, q.end, stop
    ):
        return True  # “那意思是营收要上了五千万才有戏哦”: what it takes, not our figure
    rule = _RULE_SAID.search(norm, start, q.start)
    return bool(rule) and not _OURS.search(norm, start, q.start) and not _BY_RULE.search(norm, start, q.start)


_REQUIRED_FIGURE = re.compile(r"(要|需要|得|必须)(占|达到|达|到|超过|[干做搞]?满)(百分之)?$")
_REQUIRED_FIGURE_CHARS = 6
_RULE_ASKED = re.compile(r"是不是|是否|吗|么|[?？]|不$")
"""Right before a figure, a requirement (要占), in a clause that asks: the figure is the rule's (研发要占6%吗)."""


_NEEDED_FIGURE = re.compile(r"(要|需要|得|必须)(上|到|达到|达|过|做到|搞到|满|超过)?了?(百分之)?$")
_ONLY_THEN = re.compile(r"[^|，,。]{0,6}?才")
"""Right after a figure needed (要上五千万), 才 (才有戏, 以上才行): the condition it takes, not a figure of ours."""


_RULE_SAID = re.compile(r"新标准|标准是|标准要|门槛|要求|规定|文件上")
"""Words of the policy's rule before a figure in its clause: the figure is the rule's, not the enterprise's."""
_BY_RULE = re.compile(r"按|根据|照")
"""…but a figure reckoned by the rule (按新标准算 我们是四十二分) is ours."""


def _dated(text: str, vocab: _Vocab, criteria: dict[str, Criterion], today: dt.date) -> dict[str, bool]:
    """Criteria of something obtained within N years (``within_years``) that a date said next to it decides.

    “证书23年3月拿的”: obtained 44 months ago, more than two years before any deadline still to come: 否. A date
    at most N years less ``DEADLINE_AHEAD_MONTHS`` ago (and anything within the last twelve months): 是. Anything
    between (前年, no month) is asked: the deadline decides it.
    """
    found: dict[str, bool] = {}
    if not vocab.dated:
        return found
    now = today.year * YEAR_MONTHS + today.month
    for clause in map(normalize, _BREAK.split(text)):  # (a date and what it dates share a clause)
        clause = _NUMERAL_YEAR.sub(functools.partial(_year_in_digits, text=clause), clause)  # (二〇年的: 20年的)
        m = DATE_SAID.search(clause)
        ago = _YEARS_BEFORE.search(clause) if m is None else None
        if ago is not None and (n := cn_number(ago[1])) is not None:  # “软著是四年前登记的”: half a year either way
            least, most = int(n * YEAR_MONTHS) - YEAR_MONTHS // 2, int(n * YEAR_MONTHS) + YEAR_MONTHS // 2
            if ago[2]:  # (三年多前: three to four years; 两年半前: two and a half, a quarter either way)
                half = ago[2] == "半"
                least = int(n * YEAR_MONTHS) + (YEAR_MONTHS // 4 if half else 0)
                most = int(n * YEAR_MONTHS) + (YEAR_MONTHS * 3 // 4 if half else YEAR_MONTHS)
        elif m is None:
            continue
        else:
            year = int(m[1]) + (CENTURY if len(m[1]) == 2 else 0)
            month = int(m[2]) if m[2] else _MONTH_SAID.get(clause[m.end() - 1])
            if month is not None and not 1 <= month <= YEAR_MONTHS:
                continue
            least = now - (year * YEAR_MONTHS + (month or YEAR_MONTHS))  # months ago, at the least
            most = now - (year * YEAR_MONTHS + (month or 1))  # and at the most
        if least < 0:
            continue  # a date to come is a plan, not a certificate held
        for cid, words in vocab.dated:
            if cid in found or not any(w in clause for w in words):
                continue
            span = (criteria[cid].within_years or 0) * YEAR_MONTHS
            if least > span:
                found[cid] = False
            elif most <= max(YEAR_MONTHS, span - DEADLINE_AHEAD_MONTHS):
                found[cid] = True  # (25年8月拿到的, in December 2026: within two years of a deadline half a year on)
    return found


DEADLINE_AHEAD_MONTHS = 6
"""How far ahead the next deadline is taken to be when a date decides “within N years of the deadline”: a certificate
at most N years less this many months old is within them (the calls are yearly; the deadline itself is not known)."""


_WHETHER = re.compile(r"([在有是算属高])[不没]\1|有没有|有没得|有莫得")
"""An A-not-A question (在不在, 有没得): whether, asked; the words around it state nothing."""
_OUTCOME_OR_NOT = re.compile(r"([够达符满行])[不没]\1")
"""An outcome asked in its A-not-A form (够不够): its 不够 denies no option after it (够不够 规上工业企业)."""
_WORD_OR_NOT = re.compile(r"([\u4e00-\u9fff]{2,4})[不没]\1|(是不是|算不算|属不属于|是否)(?=[\u4e00-\u9fff]{2})")
"""A word asked in its A-not-A form (规上不规上), or a whether before a word (是不是规上)."""
_WHETHER_REACH = 6
"""How far after 是不是 the word asked about may stand."""


def _choice_words(options: _Choices) -> list[str]:
    """Every word that names an option of a choice: its label and synonyms."""
    return [w for _v, label, synonyms in options for w in (label, *synonyms) if w]


def _shares_not_known(norm: str, choices: list[tuple[str, _Choices]]) -> list[tuple[int, int]]:
    """Where a choice word stands whose share is asked right after it (代理销售那块收入占好多 …我真不清楚)."""
    return [
        (at, at + len(w))
        for _cid, options in choices
        for w in _choice_words(options)
        for at in places(norm, w)
        if _SHARE_ASKED.match(norm, at + len(w))
    ]


def _blank_asked(norm: str, spans: list[tuple[int, int]], options: _Choices) -> str:
    """``norm`` with the choice words inside or just after the whether ``spans`` blanked (same length)."""
    out = list(norm)
    for start, end in spans:
        stop = end + _WHETHER_REACH
        for w in _choice_words(options):
            for at in places(norm, w):
                if start <= at < stop:
                    out[at : at + len(w)] = "|" * len(w)
    return "".join(out)


def _asked_which(norm: str, spans: list[tuple[int, int]], options: _Choices) -> bool:
    """Whether a choice word of ``options`` stands inside or just after one of the whether ``spans``."""
    words = _choice_words(options)
    return any(w in norm[start : end + _WHETHER_REACH] for start, end in spans for w in words)


_ONLY_ASKED = re.compile(r"(是不是|是否|难道)?只有.{1,12}才|仅限|只限于?")
"""Whom a policy is only for (只有制造业才有): a question on the policy, no choice of ours."""


_PEERS = "(同行|行业|同类企业|别家|人家)"
_USUALLY = "(一般|普遍|大多|大都|通常)"
_OF_AVERAGE = "(水平)?的?(研发(投入|费用|经费)?)?(强度|占比|水平)?"
_FILED_BEFORE = re.compile(r"(报了|申请了|申报了|交了|递了|提交了|在申请|正在申请|申请中的?)$")
_PENDING_GRANT = re.compile(
    r"还在实审|在实审|实审中|在审查|审查中|还在审|在审|还没授权|没授权|未授权|还没下证|没下证|还没拿到证|还没批|没批下来"
    r"|还没下来|还在申请|申请中|在申请"
)
_PENDING_REACH = 12
"""A count of rights filed (报了三个) or said to be pending (还在实审, 还没授权) near it: applications, none held."""


def _not_granted(norm: str, q: Quantity, breaks: tuple[int, ...]) -> bool:
    """Whether the count ``q`` of patents or rights is of applications still pending, not of rights held."""
    opens = max([0, *(b for b in breaks if b <= q.start)])
    if _FILED_BEFORE.search(norm, max(opens, q.start - 4), q.start):
        return True
    after = _NEXT_COUNT.split(norm[q.end : q.end + _PENDING_REACH], maxsplit=1)[0]  # (…还有两个在申请: those two)
    return bool(_PENDING_GRANT.search(after))


_NEXT_COUNT = re.compile(r"[\d一二两三四五六七八九十几]+(?:个|项|件)")


def _policy_rate(norm: str, q: Quantity) -> bool:
    """Whether the share ``q`` is a rate of the policy asked about (按100%还是120%, 加计扣除按100%), not ours."""
    return bool(_RATE_OR.match(norm, q.end) or _OR_RATE.search(norm, 0, q.start) or _BY_RATE.search(norm, 0, q.start))


_RATE_OR = re.compile(r"还是(按)?\d")
_OR_RATE = re.compile(r"\d%还是(按)?$")
"""A share, or one after it, of an either-or question (按100%还是120%): the rates asked about."""
_BY_RATE = re.compile(r"(加计|扣除|扣|补贴|补助|奖励|税率)[^\d，,。；;]{0,4}按$")
"""A share a policy's amount is reckoned at (加计扣除按100%, 补贴按80%): the policy's rate, not ours."""
_HEDGES = "也就|就|大概|大约|才|是|有|只有|差不多|在|都|好像|估计|应该|可能|听说|据说"
_SAID_BY = (
    "((我们)?(查了|查的|查到|看了|看到|翻了)?(听|据|按|看)?"
    "(统计局|统计公报|统计年鉴|统计|协会|行业协会|商会|同行|网上|中介|别人|朋友|园区|经信委|区里|报告|年鉴)"
    "(那边|上面|上|的)?(数据|说的?|讲的?|统计|报告|公布的?)?)?"
)
"""Where the average was heard or read (统计局数据, 听协会说), between 平均 and its figure."""
_AVERAGE = re.compile(
    rf"(平均|{_PEERS}({_USUALLY}|基本上?)){_OF_AVERAGE}{_SAID_BY}({_HEDGES}|不到|不足|还不到|低于|不超过)*$"
)
"""Right before a share: it is the average (行业平均也就两三个点, 同行一般两个多点)."""
_PEERS_AVERAGE = re.compile(rf"{_PEERS}的?(平均|{_USUALLY}){_OF_AVERAGE}{_SAID_BY}({_HEDGES})*$")
"""Right before a share: the peers' average (行业平均听说两个点左右), never the enterprise's own figure."""
_PEERS_SAID = re.compile(rf"(?<![我们自己])(整个)?{_PEERS}(里头|里面|那边|上)?({_HEDGES})*$")
"""Right before a share: the peers' figure said plainly (行业也就两个点, 同行大概三个点), never ours."""
_PEERS_SAID_CHARS = 8
_OURS_THEN = re.compile(r"(我们|我司|咱们|我们自己|我们的|自己)(是|有|大概|差不多|能有)?$")
"""Right before a share after the peers': ours (行业两个点 我们五个多)."""
_AVERAGE_CHARS = 16
"""How far before a share its 平均 may stand."""
_PEERS_AVERAGE_CHARS = 20
"""How far before a share the peers' average that names it may start (同行平均研发投入强度大概三个点)."""
_PEERS_BEFORE = re.compile(rf"{_PEERS}的?平均(水平)?的?$")
"""Right before a figure's name: the peers' average of it (行业平均研发强度)."""
FULL_SHARE = 100.0
"""A whole, in %: a bare figure below it may be a share."""
_COMPARED = 2
"""Shares a comparison with the average names: the average's and ours."""


def _above(ours: Quantity, average: Quantity) -> bool | None:
    """Whether our share is above the average (平均两个点 我们五个多点): None when their ranges overlap."""
    avg_low, avg_high = average.low or average.value, average.high or average.value
    our_low, our_high = ours.low or ours.value, ours.high or ours.value
    if our_low > avg_high:
        return True
    if our_high < avg_low:
        return False
    return None


def _said_against_average(norm: str, found: list[Quantity]) -> bool | None:
    """Ours said higher or lower than the one average share given, in words (平均两个点左右 我们高得多)."""
    average = [q for q in found if q.unit in ("%", None) and q.value < FULL_SHARE and _after_average(norm, q)]
    if len(average) != 1 or len(found) != 1:
        return None
    said = _OURS_AGAINST.search(norm, average[0].end)
    return None if said is None else said["way"] in _HIGHER


_OURS_AGAINST = re.compile(
    r"(我们|我们的|我们家|咱们)(研发强度|强度|研发)?(比[^，|\d]{0,4})?(要|还|都)?(?P<way>高|低|超|不到|不如)"
)
_HIGHER = ("高", "超")
"""After the average's share: ours said above (我们高得多, 我们比这个高) or below it (我们低一些, 我们不到)."""


def _ours_beside_average(
    norm: str,
    compared: tuple[Quantity, Quantity],
    vocab: _Vocab,
    criteria: dict[str, Criterion],
    facts: dict[str, Any],
) -> dict[str, Any]:
    """Our own share, said beside the peers' average (``compared``), for the share the message names before both.

    “研发强度比同行高 行业平均两个多点 我们八个多点”: 研发强度 is 8–9%, though 行业平均 stands between.
    """
    ours, average = compared
    first = min(ours.start, average.start)
    named = [
        (len(kw), cid)
        for kw, cid in vocab.keywords
        if criteria[cid].unit == "%"
        and cid not in facts
        and (not criteria[cid].subject or any(w in kw for w in criteria[cid].subject))
        and 0 <= (at := norm.find(kw)) < first
        and not _PEERS_BEFORE.search(norm, 0, at)
    ]
    value = number_value(ours, "%")
    return {max(named)[1]: value} if named and value is not None else {}


_GROWTH_BEFORE = re.compile(r"(涨|增长|增加|提高|上升|长)(了)?(大概|差不多|将近|接近)?$")
"""Right before a share: a growth (研发每年涨两成), not a share of the revenue compared with the average."""
_GROWTH_CHARS = 5


def _average_alone(norm: str, found: list[Quantity]) -> Any:
    """The peers' average share, said alone (行业平均两个点出头: 2–2.4%), or None."""
    shares = [q for q in found if q.unit == "%" or (q.unit is None and q.value < FULL_SHARE)]
    if len(shares) != 1 or not _after_average(norm, shares[0]):
        return None
    return number_value(shares[0], "%")


def _after_average(norm: str, q: Quantity) -> bool:
    """Whether the figure ``q`` is said right after the words of an average (行业平均两个点左右)."""
    return bool(_AVERAGE.search(norm, max(0, q.start - _AVERAGE_CHARS), q.start))


def _ours_and_average(norm: str, found: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """Our share and the average's, when a message compares the two (平均两个点 我们五个多点); else None.

    One share right after 平均 and one other share (either may be said bare).
    """
    found = [q for q in found if not _GROWTH_BEFORE.search(norm, max(0, q.start - _GROWTH_CHARS), q.start)]
    shares = [q for q in found if q.unit == "%"]
    average = [q for q in shares if _after_average(norm, q)]
    if len(average) == 1 and len(shares) == 1:  # “平均两个点 我们三点二”: ours said bare, after the average's unit
        bare = [q for q in found if q.unit is None and q.value < FULL_SHARE]
        after = [q for q in bare if q.start > average[0].end]
        shares += after[:1] or bare[-1:]  # (“研发强度四点二 行业平均听商会说两个点左右”: or before it)
    if not average and len(shares) == 1:  # “我们4% 行业平均好像才一点几”: the average said bare, after or before ours
        bare = [q for q in found if q.unit is None and q.value < FULL_SHARE and _after_average(norm, q)]
        average, shares = bare[:1], shares + bare[:1]
    if not shares:  # “研发强度三点六 全市平均好像才两点几”: both said bare
        bare = [q for q in found if q.unit is None and q.value < FULL_SHARE]
        average = [q for q in bare if _after_average(norm, q)]
        shares = bare if len(bare) == _COMPARED else []
    if len(shares) != _COMPARED or len(average) != 1:
        return None
    return next(q for q in shares if q is not average[0]), average[0]


_NONE_BEFORE = re.compile(r"(没有|没得|莫得|没|未|无)过?$")
_NONE_AFTER = re.compile(r"^(都|也|还|根本|一直)?(没有|没得|莫得|无|为零|是零|为0|是0)$")
ZERO_UNITS = ("万元", "项", "人", "个")
"""Amounts and counts that “没有” sets to zero (“股权融资没有”, “没有融过资”); shares and years are asked."""


def _nothing(norm: str, breaks: tuple[int, ...], vocab: _Vocab, criteria: dict[str, Criterion]) -> dict[str, float]:
    """Figures denied outright: the keyword with 没有 before it, or alone in its clause with 没有 after it."""
    found: dict[str, float] = {}
    for kw, cid in vocab.keywords:
        if cid in found or (criteria[cid].unit or "") not in ZERO_UNITS or len(kw) < 2:
            continue
        for at in places(norm, kw):
            if _inside_a_longer_word(norm, at, kw, vocab):
                continue  # (没得研发机构: 研发 is part of what is denied, 研发机构, not the R&D spending)
            stop = _clause(norm, at, kw, breaks)[1]
            after = norm[at + len(kw) : stop]
            if not after and stop < len(norm):  # “融资？莫得”: the keyword alone, answered in the next clause
                after = norm[stop : min([len(norm), *(b for b in breaks if b > stop)])]
            start = max([0, at - 3, *(b for b in breaks if b <= at)])  # (its own clause: not “…有没有 | 研发费用”)
            before = norm[start:at]
            denied = (
                _NONE_BEFORE.search(before)
                and not _WHETHER.search(norm[max(start - 1, 0) : at])
                and not _NOUN_GOES_ON.match(after)  # (没得研发机构: the institution denied, not the spending)
            ) or (_NONE_AFTER.match(after))
            if denied and not _unsure(norm, kw, breaks):
                found[cid] = 0.0
                break
    return found


_NOUN_GOES_ON = re.compile(r"机构|中心|部门|部|团队|人员|场地|场所|平台|项目|设备|室|大楼|能力|方向|准备金|制度|基地")
"""After a keyword a denial comes before: a longer noun goes on, and it is what is denied (没得研发机构)."""


def _inside_a_longer_word(norm: str, at: int, kw: str, vocab: _Vocab) -> bool:
    """Whether the keyword at ``at`` lies inside a longer word of another criterion (研发 in 研发机构)."""
    longer = vocab.longer.get(kw)
    if longer is None:  # (looked for once per keyword, when first needed: most keywords never are)
        longer = vocab.longer[kw] = [(w, w.find(kw)) for w in vocab.words if len(w) > len(kw) and kw in w]
    return any(offset <= at and norm.startswith(word, at - offset) for word, offset in longer)


_ONE_UNSAID = "有个"
"""有个 with its 一 left out: 还有个发明专利 is one."""
_OF_A_KIND = re.compile(r"[^\d的，,。]{1,6}的")
"""Words of what kind between 有个 and what it counts (有个提取工艺的发明专利)."""
_ONE_UNITS = ("项", "人", "个")
"""Criteria a 有个 may count (patents, people), never money or shares."""
_SAID_OF_ONE = re.compile(r"(是|入选|选上|评上|拿|获|被|当|在|负责|专门|会|懂|刚)")
"""After 有个 and a person: what is said of that one person (有个工程师入选了人才计划), no head count."""


def _one_person(norm: str, cid: str, vocab: _Vocab) -> bool:
    """Whether a count of one person of ``cid`` is said of that person (有一个工程师是博士), not a head count."""
    for kw, owner in vocab.keywords:
        if owner == cid:
            for m in re.finditer(r"(有|其中)?(一个|一位|1个|1位|个)" + re.escape(kw), norm):
                if _SAID_OF_ONE.match(norm, m.end()):
                    return True
    return False


def _one_unsaid(norm: str, vocab: _Vocab, criteria: dict[str, Criterion]) -> dict[str, float]:
    """Counts of one said as 有个 right before what they count (还有个发明专利 → Ⅰ类知识产权 1项)."""
    found: dict[str, float] = {}
    at = norm.find(_ONE_UNSAID)
    while at >= 0:
        rest = norm[at + len(_ONE_UNSAID) :]
        rest = rest[m.end() :] if (m := _OF_A_KIND.match(rest)) else rest  # 有个提取工艺的发明专利
        for kw, cid in vocab.keywords:  # longest first
            if rest.startswith(kw) and (criteria[cid].unit or "") in _ONE_UNITS:
                found.setdefault(cid, 1.0)
                break
        at = norm.find(_ONE_UNSAID, at + 1)
    return found


_YEARS_AGO_SAID = re.compile(r"以?前")
"""Right after a number of years: that many years back (四年前才开始做的), when something began."""
_FOUNDING_BEFORE = re.compile(
    r"(注册成立|成立|注册|创立|创办|建厂|办厂|厂子开|厂开|公司开|厂子办|开厂|开公司)(了|有|都|已经|满|快|近|将近|差不多|大概|刚)*$"
)
"""Right before a number of years: the years since the enterprise was founded (成立九年, 注册了快十年)."""
_FOUNDING_CHARS = 8
_FOUNDED = re.compile(
    r"(?:(?P<month>\d{1,2})月份?)?[^\d年]{0,6}?(?P<verb>注册|成立|创立|创办|建厂|建立|建了|建起|建成|建的|搭起|搭建|搞起|挂牌|开始(?:就|就是)?(?:专门|专)?(?:做|搞|干|生产)|做到现在|干到现在|搞到现在)"
)
"""A calendar year the enterprise was founded in: 2015年注册, 2019年在璧山成立的."""


def _record_founding(
    norm: str, year: Quantity, vocab: _Vocab, criteria: dict[str, Criterion], facts: dict[str, Any]
) -> float | list[float] | None:
    """Record the years since ``year`` (a calendar year) on the criterion its 注册 / 成立 words date, if any.

    Returns those years when ``year`` is when the enterprise was founded, whatever criterion is asked.
    """
    if not (said := _FOUNDED.match(norm, year.end)):
        return None
    since = number_value(year, "年")
    if said["month"] and since is not None and year.value >= CALENDAR_YEAR and 1 <= int(said["month"]) <= YEAR_MONTHS:
        # (2023年3月注册: the months since, in years; 2025年12月注册 is not a year old yet)
        since = _years_since(dt.date.today().year - int(year.value), int(said["month"]))
    founded = _founded(norm, year, vocab, criteria, facts)
    if founded and since is not None:
        facts[founded] = since
        if not any(w in (criteria[founded].label or "") for w in ("注册", "成立")):
            return None  # “技术中心19年就搭起来了”: when the centre was set up, not the enterprise
    return since


def _years_since(years_back: int, month: int) -> float:
    """Years (to a tenth) from ``month`` of the year ``years_back`` before this one to this month."""
    months = years_back * YEAR_MONTHS + dt.date.today().month - month
    return max(0.0, round(months / YEAR_MONTHS, 1))


def _founded(
    norm: str, q: Quantity, vocab: _Vocab, criteria: dict[str, Criterion], facts: dict[str, Any]
) -> str | None:
    """The criterion of years since founding that a calendar year followed by 注册 / 成立 dates, if any."""
    m = _FOUNDED.match(norm, q.end)
    if m is None:
        return None
    near = norm[max(0, q.start - _FOUNDED_NEAR) : m.end()]  # (公司2015年成立 | 技术中心三年了: 公司's)
    return _founding_criterion(m["verb"], near, vocab, criteria, facts)


_FOUNDED_NEAR = 8
"""How far before a calendar year what it dates may be named (技术中心2019年建的)."""


def _subset_counts(
    norm: str, found: list[Quantity], vocab: _Vocab, criteria: dict[str, Criterion], facts: dict[str, Any]
) -> dict[str, float]:
    """A smaller count after a keyword ending in 的 that narrows the one given (发明专利七个 产生效益的三个): 3."""
    narrowed: dict[str, float] = {}
    for q in found:
        if q.unit not in COUNT_UNITS or q.is_range:
            continue
        for kw, cid in vocab.keywords:
            if (
                kw.endswith("的")
                and norm.endswith(kw, 0, _hedged_from(norm, 0, q.start))
                and criteria[cid].unit == "项"
                and isinstance(had := facts.get(cid), float)
                and q.value < had
            ):
                narrowed[cid] = q.value
                break
    return narrowed


def _founded_years_ago(
    norm: str, vocab: _Vocab, criteria: dict[str, Criterion], facts: dict[str, Any]
) -> dict[str, float | list[float]]:
    """Years since a founding dated by a year word (技术中心是前年挂牌的): a range, its month unsaid.

    前年 is one to three years ago, 去年 up to two: a threshold inside the range is left to be confirmed.
    """
    found: dict[str, float | list[float]] = {}
    for m in _YEARS_AGO_FOUNDED.finditer(norm):
        back = _YEARS_AGO[m[1]]
        cid = _founding_criterion(m[4], norm, vocab, criteria, {**facts, **found})
        if cid and (m["month"] or m["part"]):  # (去年三月份成立的, 前年初就建了: the months since, in years)
            month = _MONTH_SAID.get(m["part"][-1], 1) if m["part"] else int(cn_number(m["month"]) or 1)
            found[cid] = _years_since(back, min(max(month, 1), YEAR_MONTHS))
        elif cid:
            found[cid] = [float(back - 1), float(back + 1)]
    for m in _THIS_YEAR_FOUNDED.finditer(norm):  # 今年三月份才注册的, 注册时间是今年三月十号: under a year
        word = m["before"] or m["after"]
        cid = _founding_criterion(word, norm, vocab, criteria, {**facts, **found}) if word else None
        if cid:
            found[cid] = [0.0, JUST_UNDER]
    return found


_YEARS_AGO = {word: back for back, word in _RELATIVE.items()}
_FOUNDING = "注册|成立|创立|创办|建厂|建立|建起|建成|建了|建的|搞起|挂牌|挂的牌"
_YEARS_AGO_FOUNDED = re.compile(
    rf"(大前年|前年|去年)(?:(?P<month>\d{{1,2}}|十[一二]?|[一二三四五六七八九])月份?|(?P<part>底|初|年底|年初))?"
    rf"(?:就|才|刚)?({_FOUNDING})"
)
_THIS_YEAR_FOUNDED = re.compile(
    rf"(?:(?P<before>{_FOUNDING})(?:的)?(?:时间|日期)?(?:是|在)?)?今年(?:[\d一二三四五六七八九十]{{1,2}}月份?"
    rf"(?:[\d一二三四五六七八九十]{{1,3}}[号日])?)?(?:初|底|才|就|刚)*(?P<after>{_FOUNDING})?"
    r"(?!了?(个|一个|一项|一件|[\d一二两三四五六七八九十]+[个项件]|商标|专利))"  # (今年注册了个商标: a thing)
)
"""今年 (with its month and day) before or after 注册 / 成立: founded less than a year ago."""


def _since_founded(
    norm: str, q: Quantity, vocab: _Vocab, criteria: dict[str, Criterion], facts: dict[str, Any]
) -> str | None:
    """The criterion of years since founding that a span up to now (到现在十个月) after 注册 / 成立 said gives."""
    if q.unit not in ("年", "月") or not _UNTIL_NOW.search(norm, max(0, q.start - _UNTIL_NOW_CHARS), q.start):
        return None
    said = [m[1] for m in _FOUNDED_SAID.finditer(norm, 0, q.start)]
    return _founding_criterion(said[-1], norm, vocab, criteria, facts) if said else None


_UNTIL_NOW = re.compile(r"(到现在|到目前|到今天|至今|到如今)(为止)?(才|有|也就|刚|快|差不多|大概|都|已经)*$")
_UNTIL_NOW_CHARS = 9
_FOUNDED_SAID = re.compile(r"(注册|成立|创立|创办|建厂|办厂)")
"""“去年底才注册的新公司 … 到现在十个月”: the span up to now is the enterprise's age."""


def _founding_criterion(
    word: str, norm: str, vocab: _Vocab, criteria: dict[str, Criterion], facts: dict[str, Any]
) -> str | None:
    """The criterion of years since ``word`` (注册, 成立) whose other words the message names (中心成立: a 中心)."""
    return next(
        (
            cid
            for kw, cid in vocab.keywords
            if word in kw
            and criteria[cid].unit == "年"
            and cid not in facts
            and all(part in norm for part in kw.split(word) if len(part) > 1)  # (中心成立: only of a 中心 named)
        ),
        None,
    )


def _fits(q: Quantity, crit: Criterion) -> bool:
    unit = crit.unit or ""
    if q.unit == "个" and (unit in MONEY or unit == "%"):
        return False  # “6个软著” is a count, never money or a share
    if q.unit in (None, "个") and unit not in ("%",) and unit not in MONEY and unit not in ("项", "人", "分"):
        return False
    return number_value(q, unit) is not None


def _owner_after(
    norm: str, q: Quantity, vocab: _Vocab, criteria: dict[str, Criterion], facts: dict[str, Any]
) -> str | None:
    """The criterion named right after a count (“三个发明专利” → Ⅰ类知识产权), or a share (九成在国内)."""
    if q.unit == "%":
        rest = norm[q.end :]
        return next(
            (c for c, ws in vocab.after if any(rest.startswith(w) for w in ws) and not _taken(c, facts, criteria)),
            None,
        )
    if q.unit not in COUNT_UNITS:
        return None
    rest = norm[q.end :]
    if q.unit == "个" and _ENTITY.match(rest):
        return None  # “新注册一个公司”: a count of companies, no head count
    rest = rest[len(m[0]) :] if (m := _CLASSIFIER.match(rest)) else rest
    rest = rest[len(m[0]) :] if (m := _HAVE_BEFORE.match(rest)) else rest  # “六个有中级以上职称”: six of them have it
    for kw, cid in vocab.keywords:
        if rest.startswith(kw) and criteria[cid].unit == "%" and q.unit != "%":
            return None  # “25年一百九 占比都在四个点以上”: a figure before a share's words is no share, nor
            # the figure of a shorter word in them (六千五 研发占比三点八: 六千五 is not 研发's)
        if rest.startswith(kw) and not _taken(cid, facts, criteria) and _fits(q, criteria[cid]):
            after = rest[len(kw) :]
            after = after[len(more) :] if (more := _keyword_at(after, vocab, cid)) else after  # (公司总共一百二十个人)
            after = after[len(year) :] if (year := next((w for w in _YEAR_WORDS if after.startswith(w)), "")) else after
            after = after[len(noun[0]) :] if (noun := _KEYWORD_NOUN.match(after)) else after  # (研发和技术|人员三十个)
            after = after[len(bound[0]) :] if (bound := _BOUND_WORDS.match(after)) else after  # (中级职称以上|7个)
            nxt = _STARTS_NUMBER.match(after)
            if nxt and not (q.unit == "个" and norm.endswith("个", q.start, q.end) and _own_count(after[nxt.end() :])):
                # (前年五千二 研发去年二百五: 研发 is the next figure's; not “五个中级职称 两个硕士”, where the next
                # count has its own noun)
                return None  # “职工150人 科技人员30个”: the words after belong to the next figure
            return cid
    return None


_BOUND_WORDS = re.compile(r"(及以上|以上|以下|的有|的是|有|是)+")
"""Between a keyword and its figure: what qualifies the figure (中级职称以上7个, 高工的有三个)."""


def _own_count(rest: str) -> bool:
    """Whether ``rest`` (after a number) goes on with a classifier and a noun of its own (两个硕士)."""
    cls = _CLASSIFIER.match(rest)
    return cls is not None and bool(_OWN_NOUN.match(rest, cls.end()))


_KEYWORD_NOUN = re.compile(r"(的)?(人员|人)")
"""What may close a keyword of people before its figure (研发和技术 + 人员三十个)."""
_ENTITY = re.compile(r"新?(公司|厂|企业|单位)")
"""Nouns a count of ``个`` may count that are enterprises, not people (一个公司, 两个厂)."""


def _taken(cid: str, facts: dict[str, Any], criteria: dict[str, Criterion]) -> bool:
    """Whether a figure of the message already went to ``cid``, so another does not (unless its parts add up)."""
    return cid in facts and not criteria[cid].adds_up


def _keyword_at(text: str, vocab: _Vocab, cid: str) -> str:
    """The longest keyword of ``cid`` that ``text`` starts with (“总共” in “总共一百二十个人”), or an empty string."""
    return max((kw for kw, c in vocab.keywords if c == cid and text.startswith(kw)), key=len, default="")


STILL_PENDING = re.compile(
    r"(都|也)?(还|正|才)?(在|处于)?(实审|审查|审核|受理|申请中|在审|没授权|没有授权|没下来|没批)"
)
"""After a count: those not granted yet (两个还在实审), which are not counted."""


_NEXT_ONES = ("另外", "另", "还有", "其他", "其余", "剩下", "其中", "其它")
"""After N个: the next clause begins (授权的只有三个 另外两个还在实审), no thing counted."""


def _counts_another_thing(norm: str, q: Quantity, crit: Criterion) -> bool:
    """Whether N个 counts a thing of its own that is none of ``crit``'s words (漏了一个项目, asked for patents)."""
    if q.unit != "个" or crit.unit == "人" or not _OWN_NOUN.match(norm, q.end) or norm.startswith(_NEXT_ONES, q.end):
        return False  # (people are counted by many names: 八个工程师)
    own = normalize(" ".join((crit.question, crit.label or "", *crit.extract, *crit.subject)))
    return norm[q.end : q.end + 2] not in own  # (六个专利: the question's own thing)


_OWN_NOUN = re.compile(r"(?![的了是都也还就在有左右多来吧嘛哦啊呢人名位啦哈噻撒吗和跟与或及等以])[\u4e00-\u9fff]")
"""After N个: a noun of its own (一个实验室, 两个车间): the count is of that, not of a keyword before."""
_THING_NOUN = re.compile(
    r"发明|专利|实用新型|软著|软件著作权|著作权|标准|商标|实验室|车间|产品|项目|子公司|工厂|厂房|客户|型号"
)
"""After N个 right behind a keyword of people (研发的 有5个发明专利): things counted, not the people."""
_LEAD_HEDGES = "也就|也才|就|才|只有|也有|有|是|为|约|大概|大约|差不多|将近|接近|估计|可能|共"
"""Words that may stand between a keyword and its figure (科技人员也就八九个)."""
_HAVE_BEFORE = re.compile(r"^(?:人)?(?:有|是|具有|拿到|拿了|取得)")
"""Between a count and what it counts: 六个有中级职称, 五个是研究生."""
_STARTS_NUMBER = re.compile(rf"^(?:{_LEAD_HEDGES})*(?:{_NUM})")
"""A figure next, after hedges: the words before it are that figure's (职工150人 科技人员也就三十个)."""


_HEDGE_GAP = re.compile(
    r"(?:大概|大约|差不多|将近|接近|估计|可能|约|有|是|为|共|只有|才|就|也|我们|自己|算的|算出来的?|算下来|测算的?|核算的?)+$"
)
"""Hedges and verbs between a keyword and its figure (员工大概一百二十个, 营收只有三千万): still adjacent."""


def _hedged_from(norm: str, since: int, at: int) -> int:
    """Where the hedges (大概, 只有) standing right before position ``at`` begin (``at`` when there are none)."""
    found = _HEDGE_GAP.search(norm, since, at)
    return found.start() if found else at


_MAKES = re.compile(r"(我们)?(一直|主要|专门|专)?在?(做|搞|干|生产|从事)")
"""A clause opening with what the enterprise makes (做新能源车用铝合金结构件): the years after it are in that line."""


def _keyword_ends_at(norm: str, at: int, vocab: _Vocab, cid: str) -> bool:
    """Whether a keyword of ``cid`` stands right before position ``at`` (“职工150人”)."""
    return any(c == cid and norm.endswith(kw, 0, at) for kw, c in vocab.keywords)


OWN_UNITS = ("平方米", "分")
"""Units few criteria take: a figure in one of them belongs to the one criterion in view that takes it."""
_YEAR_WORDS = ("去年", "前年", "今年", "上年")
_YEAR_GAP = 10
"""How far a year word may stand before the figure it dates, with nothing else named between."""


def _year_since(norm: str, since: int, at: int) -> int | None:
    """Where the last year word between the figure before (``since``) and ``at`` starts, if it is near ``at``."""
    found = max((norm.rfind(w, since, at) for w in _YEAR_WORDS), default=-1)
    return found if found >= 0 and at - found <= _YEAR_GAP else None


_TWO_DIGIT_YEAR = re.compile(r"[12]\d年")
_EVENT_AFTER = re.compile(
    r"(就|才|的时候)?(评|认定|拿|获|成立|注册|入选|建|搭|办|开|立|挂牌|授牌|批下来|组建|投产|购买|买的)"
)
"""After a two-digit year: what happened then (23年评的, 18年成立), so 23年 is a date."""
_REFERS_BACK = re.compile(r"那个(是|数|钱)|那笔|那是")
"""After a figure: it is spoken of as one said before (一千二那个是…), not given as a new fact."""
_YEAR_CHARS = 4
"""How far before a keyword a year word (前年, 每年) may stand."""
_THAT_YEAR = re.compile(r"那年|那一年|当年")
"""The year just named (前年研发120万 那年营收2800万): a yearly figure of it is not last year's again."""


def _yearly_run(found: list[Quantity], facts: dict[str, Any], criteria: dict[str, Criterion]) -> None:
    """“近三年营收两个亿 两亿二 两亿四”: a total's word followed by one figure per year is each year, oldest first.

    The first figure was taken as the total; with as many figures in a row as the total has years, they are the
    years (the total is then computed from them). ``found``: the message's figures, as ``extract`` read them.
    """
    for cid, value in list(facts.items()):
        parts = criteria[cid].sum_of
        unit = criteria[cid].unit or ""
        if len(parts) < 2 or not isinstance(value, (int, float)):
            continue
        for i, q in enumerate(found):
            run = found[i : i + len(parts)]
            if number_value(q, unit) != value or len(run) < len(parts):
                continue
            adjacent = all(b.start - a.end <= RUN_GAP for a, b in itertools.pairwise(run))
            values = [number_value(r, unit) for r in run]
            if adjacent and all(v is not None for v in values):
                del facts[cid]
                for part, v in zip(parts, reversed(values), strict=True):  # sum_of lists last year first
                    facts.setdefault(part, v)
                return


RUN_GAP = 1
"""Characters allowed between the figures of a yearly run (a space is gone once normalised; 、 stays)."""


def _years_in_a_row(
    norm: str, found: list[Quantity], facts: dict[str, Any], vocab: _Vocab, criteria: dict[str, Criterion]
) -> None:
    """“三年营收0.9个亿 1.05个亿 1.2个亿”: a period and a yearly word, then one figure a year, oldest first.

    The last is last year's, the one before the year before's (and a third the year before that, where asked),
    whether or not the check asks the period's total; a figure read already as last year's gives way to them.
    """
    for period in _PERIOD_OF_YEARS.finditer(norm):
        years = 2 if period["n"] in "两2" else 3
        for word, cid in vocab.keywords:
            follows = norm.startswith(word, period.end())  # (三年营收 …, or 营收近三年 …)
            if not criteria[cid].previous or not (follows or norm.endswith(word, 0, period.start())):
                continue
            after = period.end() + (len(word) if follows else 0)
            run = [q for q in found if q.start >= after][:years]
            if len(run) < years or run[0].start - after > _RUN_LEAD:
                continue
            unit = criteria[cid].unit or ""
            values = [number_value(q, unit) for q in run]
            if not all(b.start - a.end <= RUN_GAP for a, b in itertools.pairwise(run)) or None in values:
                continue
            chain = [cid, criteria[cid].previous, _third_year(cid, criteria)][:years]
            if not all(c in criteria for c in chain):
                continue
            if facts.get(cid) not in (None, values[0], values[-1]):
                continue  # (a figure of its own for last year, said elsewhere)
            for c, v in zip(chain, reversed(values), strict=True):
                facts[str(c)] = v
            return


_PERIOD_OF_YEARS = re.compile(r"(近|最近|这)?(?P<n>[两三23])年(的|来)?")
"""A period of years before or after the word of a yearly figure (三年营收, 营收近三年)."""
_RUN_LEAD = 2
"""Characters allowed between that word and the first figure of the run (营收是 | 0.9个亿)."""


def _shift_years(facts: dict[str, Any], owner: str, criteria: dict[str, Criterion]) -> None:
    """In a run of yearly figures, the one taken as last year's moves to the year before."""
    previous = criteria[owner].previous
    if previous and owner in facts:
        if previous in facts and (third := _third_year(owner, criteria)):
            facts.setdefault(third, facts.pop(previous))  # (1.4亿 1.6亿 1.8亿: the first goes back two years)
        facts[previous] = facts.pop(owner)


_THREE_EACH = re.compile(r"三年[^，|\d]{0,3}(都|每年|年年)")
"""Three years said of each before (研发三年都是…): a following 都… speaks of each of the three too."""
_SEVERAL_YEARS = re.compile(r"这几年|近几年|这些年|这两三年")
"""Before a figure's name with 都 after it (这几年营收都在三四千万): each of the (three) years has it."""
_BOTH_NAMED = re.compile(r"前年.*(去年|上年)|(去年|上年).*前年|两年")
"""Both years were named before: a following 都… speaks of each."""


def _a_or_not(norm: str, word: str) -> bool:
    """Whether ``word`` (没进) is the middle of an A-not-A question everywhere it stands (进没进)."""
    if len(word) < 2 or word[0] not in "没不":
        return False
    return all(at > 0 and norm[at - 1] == word[1] for at in places(norm, word))


_EACH_OF_THEM = re.compile(r"每年|每一年|年年|都在|都是|都有|各年|各是|均为|均在")
"""Between a total's word and its figure: the figure is each year's (三年营收每年都在一个亿左右)."""


def _times(value: float | list[float], factor: float) -> float | list[float]:
    """A figure, or each end of a range, ``factor`` times over (one year's, as the years' total)."""
    return [v * factor for v in value] if isinstance(value, list) else value * factor


def _each_of_a_total(between: str, crit: Criterion) -> bool:
    """Whether a figure said of a total of years (``sum_years``) is each year's: 三年都是, 每年, 年年 before it."""
    return bool(crit.sum_years and not crit.sum_of and _EACH_OF_THEM.search(between) and not _SUMMED.search(between))


_YEAR_SAID_AT = re.compile(r"去年|前年|今年|上年|那年|\d{2,4}年|每年|两年|三年")
"""A year word between two figures: the second has its own year."""


def _years(around: str, owner: str, criteria: dict[str, Criterion]) -> list[str]:
    """The criteria a figure fills: 前年… → the year before's; 每年/两年都… → both years; 今年 → none; else its own.

    A total of years said of each (近三年营收都在一个亿上下) fills each year it adds up, not the total.
    """
    if criteria[owner].sum_of and _EACH_OF_THEM.search(around):
        return list(criteria[owner].sum_of)
    previous = criteria[owner].previous
    if not previous:
        return [owner]
    if "今年" in around and not any(y in around for y in ("去年", "前年", "上年")):
        return []  # “今年研发费用大概一千五 去年一千二”: this year's, not the last year's the criterion holds
    if _BOTH_YEARS.search(around):
        return [owner, previous]  # “研发前年去年都在一百五十万左右”: each of the two years named together
    if "前年" in around:
        if around.endswith(_YEARS_BACK, 0, around.rfind("前年") + 2):  # “大前年营收一个亿”: the third year back
            third = _third_year(owner, criteria)
            return [third] if third else []
        return [previous]
    if _EACH_YEAR.search(around):
        return [owner, previous]
    return [owner]


_AVERAGE_WORD = re.compile(r"(行业|同行|全市|同行业|这行|这个行业)(的)?平均")
"""The peers' average named (行业平均, 全市同行业平均)."""
_BOTH_YEARS = re.compile(r"(?<!大)前年(和|跟|与|同|、)?(去年|上年)|(去年|上年)(和|跟|与|同|、)?(?<!大)前年")
"""Two years named side by side before one figure (前年去年都在…): the figure is each year's."""


SUBJECT_CHARS = 24
"""How far before a bare share word (占营收) its subject (研发) may stand."""


def _said_again(norm: str, kw: str, after: int) -> bool:
    """Whether ``kw`` stands again after position ``after`` with a figure of its own close behind it."""
    again = norm.find(kw, after)
    if again < 0 or not (soon := _FIGURE_SOON.match(norm, again + len(kw))):
        return False
    if norm[max(0, again - 1) : again] in _SHARE_OF:
        return False  # “研发费用占营收大概3.8%”: the share's base, no figure of its own
    lead = norm[max(0, again - _SPAN_LEAD) : again + len(kw)]  # (三年销售: the 年 of the keyword spans it too)
    span = _SPAN_YEARS.search(lead) or _SPAN_BETWEEN.search(soon[0])
    other_year = any(y in norm[after : soon.end()] for y in _YEAR_WORDS)  # (研发…一百一十几万 前年研发也有…)
    return not span and not other_year  # (“近三年营收合计1.3亿” is the three years', not last year's again)


def _of_main_business(norm: str, pos: int) -> bool:
    """Whether the keyword at ``pos`` is part of 主营… (主营收入, 主营业务收入, the 营收 of 主营收入)."""
    return norm.endswith(("主营", "主营业务"), 0, pos) or (pos > 0 and norm.startswith("主营", pos - 1))


_AVERAGE_SAID = re.compile(r"平均|均值|每年平均|年均")
"""Between a total's keyword and its figure: the figure is a mean (近三年营收平均3个亿)."""
_SHARE_OF = ("占", "比")
"""Just before a keyword said again, words that make it a share's base (占营收, 比营收)."""
_FIGURE_SOON = re.compile(rf"[^\d{_CN_DIGITS}]{{0,4}}[\d{_CN_DIGITS}]")


_GROWS = re.compile(r"增长|增加了|增幅|涨|提高了|提升了|上升了")
"""Words between a keyword and a figure that make the figure a growth (研发费用每年都增长20%)."""


def _growth_of_ours(norm: str, cid: str, crit: Criterion, at: int, vocab: _Vocab) -> bool:
    """Whether a growth named at ``at`` without its subject (每年都增长八九个点) is the one ``crit`` asks about.

    It is when the last thing named shortly before is its subject (营收 … 每年都增长) or nothing at all (前年一点四五亿
    这两年每年都增长): the figures it grows from. Another criterion's word after the subject (研发费用每年都增长) makes
    it that one's growth.
    """
    window = norm[max(0, at - SUBJECT_CHARS) : at]
    subject = max((window.rfind(w) for w in crit.subject), default=-1)
    own = {cid, *crit.growth_of}
    other = max(
        (
            window.rfind(kw)
            for kw, c in vocab.keywords
            if c not in own and len(kw) > 1 and not any(w in kw for w in crit.subject)
        ),
        default=-1,
    )  # (not 主营占 or 占: 主营占九成五 … 每年都涨一成多 is the revenue's growth still)
    return other < 0 or subject > other


def _owner_before(
    norm: str,
    q: Quantity,
    vocab: _Vocab,
    criteria: dict[str, Criterion],
    facts: dict[str, Any],
    since: int = 0,
    breaks: tuple[int, ...] = (),
) -> tuple[str | None, int]:
    """The criterion whose keyword stands shortly before the number (“营收6000万”), longest then nearest.

    Only words after the figure before (``since``) count, and the longest names the figure best:
    “近三年平均主营收入一个半亿” is the three-year average (三年平均), not last year's revenue (收入); a keyword in
    the figure's own clause comes before one in a clause before it (科技人员的话 全公司一百二十个人). A keyword
    whose clause asks a question does not reach a figure in the next clause (研发中心有啥子区别 两个能同时挂不).
    """
    best: tuple[bool, int, int, str, int] | None = None  # (clause before, -length, distance, criterion, where)
    unfit: list[tuple[str, int]] = []  # keywords found whose criterion takes another unit (“研发20个”)
    for kw, cid in vocab.keywords:
        pos = norm.rfind(kw, 0, q.start + 1)
        if pos < since or pos + len(kw) > q.start:
            continue
        yearly = "上年度" in (criteria[cid].label or criteria[cid].question)  # (its years' total may be meant)
        if _taken(cid, facts, criteria) and not yearly:
            continue
        if _NONE_BEFORE.search(norm[max([0, pos - 3, *(b for b in breaks if b <= pos)]) : pos]):
            # (“没有发明专利 有两个实用新型”: the figure is not the denied one's; “研发机构没得 研发费一百万”: that 没得
            # ends the clause before)
            continue
        if criteria[cid].unit == "人" and _THING_COUNTED.search(norm, pos + len(kw), q.start):
            continue  # (“知识产权都在公司名下 发明两个”: the count is the inventions', not the staff)
        if criteria[cid].unit == "人" and q.unit is None and _OVER_YEARS_BEFORE.search(norm, max(0, pos - 6), pos):
            continue  # (“销售一千八百万 三年总共四千五”: a sum over the years, no head count)
        if sums_things(kw, q):
            continue
        if criteria[cid].sum_of and _AVERAGE_SAID.search(norm, pos, q.start):
            continue  # “近三年营收平均3个亿”: the years' mean, not their total
        if pos not in breaks and _of_main_business(norm, pos) and "主营" not in (criteria[cid].label or ""):
            continue  # “主营收入近三年 …”: the main business's income, not the revenue's 收入
        distance = q.start - (pos + len(kw))
        if _clause_goes_on(norm, pos + len(kw), q.start, breaks):
            continue
        crit = criteria[cid]
        near = _NEAR_BARE if q.unit is None and crit.unit not in BARE_UNITS else _NEAR
        if q.unit == crit.unit == "年" and not any(pos + len(kw) <= b <= q.start for b in breaks):
            near = _NEAR_YEARS  # “做汽车空调压缩机电磁离合器十一年了”: a long name of what is made, then its years
        if q.unit is None and distance > near:  # “研发强度我们算的三点八”: hedges between keep them adjacent
            distance = _hedged_from(norm, pos + len(kw), q.start) - (pos + len(kw))
        if distance > near and not (distance <= _NEAR and _SAID_BEFORE.fullmatch(norm, pos + len(kw), q.start)):
            continue  # (“营收还是刚才说的一千五”: a figure said before, named again, reaches its keyword)
        if crit.growth_of and not any(w in kw for w in crit.subject):
            if not _growth_of_ours(norm, cid, crit, pos, vocab):
                continue  # “营收两千万 研发费用每年都增长20%”: the R&D's growth, not the revenue's
        elif crit.subject and not any(w in kw or w in norm[max(0, pos - SUBJECT_CHARS) : pos] for w in crit.subject):
            continue  # “批发占收入七成”: a share of revenue, but not the R&D's
        if crit.unit in MONEY and _PART_OF_BUSINESS.search(
            norm, max(0, pos - _PART_CHARS, *(b for b in breaks if b <= pos)), pos
        ):
            continue  # “门市一年卖个两三百万 全厂营收一个多亿”: the shop's sales, not the enterprise's revenue
        if crit.unit in MONEY and "收入" in (crit.label or "") and _COST_NAMED.match(norm, pos + len(kw)):
            continue  # “销售费用两百万”: what selling costs, not what is sold
        if not crit.growth_of and _GROWS.search(norm, pos + len(kw), q.start):
            continue  # “研发费用每年都增长20%”: how fast it grows, not its level
        if not _fits(q, crit):
            if cid not in facts:
                unfit.append((kw, pos))
            continue
        between = norm[pos + len(kw) : q.start]
        lead = norm[max(since, pos - _SPAN_LEAD) : pos]
        spans = _SPAN_YEARS.search(lead) or (_SPAN_BETWEEN.search(lead + between) and "分别" not in between)
        far = None
        if not spans and "分别" in between and (far := _SPAN_YEARS.search(norm, 0, pos)):
            # “近三年销售 3900万 4300万 4800万 研发分别210 240 280万”: the period said first is the run's too
            spans, lead = far, far[0]
        if spans and (_EACH_YEAR.search(lead + between) or (lead + between).endswith("一年")):
            spans = None  # “两年都是占营收5%”, “近两年一年六百多万”: each year's figure, not a total
        if spans and yearly:
            # “两年研发1500万”, “营收三年平均1.5亿”, “近三年平均主营收入”: not the last year's figure, but the
            # years' total or mean where one is asked about (“三年销售加起来三亿七”)
            cid = _over_years(cid, lead + between, criteria, facts) or (_period_named(far[0], kw, vocab) if far else "")
            if not cid or cid in facts or not _fits(q, criteria[cid]):
                continue
        that_year = not spans and _THAT_YEAR.search(norm, max(0, pos - _YEAR_CHARS), pos)
        if _taken(cid, facts, criteria) and not (that_year and yearly and crit.previous not in facts):
            continue  # (“去年营收三千二 研发前年一百三十万 那年营收两千八”: 那年's revenue is the year before's)
        if crit.unit in MONEY and _said_again(norm, kw, q.end):
            continue  # “营收研发跟刚才一样 一点二个亿 研发每年七百多万”: 研发's figure comes after it again
        across = any(pos + len(kw) <= b <= q.start for b in breaks)  # (科技人员的话 | 全公司一百二十个人)
        cand = (across, -len(kw), distance, cid, pos)
        if best is None or cand < best:
            best = cand
    if best is not None and q.unit == "%":  # “研发人员占三成”: the people's share, not 占 of the R&D spending
        for kw, pos in unfit:
            parts = {c for k, c in vocab.keywords if k == kw}
            shares = [c for c, cr in criteria.items() if c not in facts and cr.ratio_of and cr.ratio_of[0] in parts]
            across = any(pos + len(kw) <= b <= best[4] for b in breaks)  # (都是主营 | 负债率四十几: 负债率's)
            if pos + len(kw) == best[4] and len(shares) == 1 and not across:
                return shares[0], pos
    if best is None and q.unit in _COUNTS:  # “研发20个”: the one 研发… criterion that counts people, not money
        lead = norm[max(since, q.start - _PREFIX_CHARS) : q.start]
        for kw, pos in [*unfit, (lead, q.start - len(lead))] if len(lead) == _PREFIX_CHARS else unfit:
            if len(kw) < _PREFIX_CHARS:
                continue  # one character (做) begins too many words to be one cut short
            if sums_things(kw, q):
                continue
            fits = {c for k, c in vocab.keywords if k.startswith(kw) and c not in facts and _fits(q, criteria[c])}
            if len(fits) == 1:
                return fits.pop(), pos
    if best is None and q.unit == "%":  # “科技人员百分之十二”: the share whose part the words name (科技人员人数)
        # (研发…一千八百万的样子 每年都四个点以上: only years between, so the subject of the figure before)
        same = bool(_SAME_SUBJECT_GAP.fullmatch(norm, since, q.start))
        lead_at = max(0, q.start - _SAME_SUBJECT_REACH) if same else max(since, q.start - _SUBJECT_REACH)
        lead = norm[lead_at : q.start]  # (or whose subject it names: 研发费用近三年算下来差不多四个点)
        subjects = [(w, lead.rfind(w) + lead_at) for crit in criteria.values() for w in crit.subject]
        for kw, pos in [*unfit, *((w, at) for w, at in subjects if w in lead)]:
            if _REQUIRED.search(norm, max(0, pos - _REQUIRED_CHARS), q.start):
                continue  # “科技人员一定要10%啊”: the threshold asked about, no share of ours
            if _GROWS.search(norm, pos, q.start):
                continue  # “研发投入强度…每年涨百分之十几”: how fast it grows, not the share
            parts = {c for k, c in vocab.keywords if k == kw}
            shares = [
                c
                for c, crit in criteria.items()
                if c not in facts
                and crit.ratio_of
                and (crit.ratio_of[0] in parts or any(w in kw for w in crit.subject))
            ]
            if len(shares) > 1:  # “研发费用近三年差不多四个点”: the share over the years said
                said = norm[max(since, pos - _SPAN_LEAD) : q.start]
                span = next((w for w in ("三年", "两年") if w in said), "上年度")
                shares = [c for c in shares if span in (criteria[c].label or criteria[c].question)]
            if len(shares) == 1:
                return shares[0], pos
    return (best[3], best[4]) if best else (None, q.start)


_PART_OF_BUSINESS = re.compile(
    r"(门市|门店|店面|铺面|网店|那块|这块|那一块|这一块|那部分|这部分|其中|批发|零售|贸易|代理)(的|这边|那边)?(一年|每年|去年)?$"
)
"""Right before a sales word: a part of the business names whose sales they are (门市一年卖, 批发那块收入)."""
_COST_NAMED = re.compile(r"费用|成本|利润|毛利|净利|提成|回款|费")
"""Right after a sales word: another sum of the sales (销售费用, 收入成本, 销售利润), not the sales themselves."""
_PART_CHARS = 6
_THING_COUNTED = re.compile(r"发明|专利|软著|著作权|实用新型|商标|产品|项目|设备|标准|证书")
"""Things counted in 个 that no head count is of: a count after one is theirs."""
_SUBJECT_REACH = 14
"""How far before a share the words of its subject may stand when no keyword names it (研发…近三年…四个点)."""
_SAME_SUBJECT_GAP = re.compile(
    r"(的样子|的样|左右|上下|出头|多)?(都|也)?(每年|每一年|近两年|两年)(都|也|各)?(是|有|在)?"
)
"""Between a figure and a share after it, only its years (…一千八百万的样子 每年都四个点): the same subject's share."""
_SAME_SUBJECT_REACH = 24
"""How far before such a share its subject may stand, across the figure before it (研发…一千八百万…四个点)."""
_REQUIRED = re.compile(r"要|须|得|求|标准|门槛|规定|够")
"""Words of a threshold asked about (要求科技人员占30%, 科技人员一定要10%), not a share said."""
_REQUIRED_CHARS = 4


def _period_named(period: str, kw: str, vocab: _Vocab) -> str:
    """The criterion the period and the keyword name said together (近三年 + 研发 → 近三年研发's), else ""."""
    phrases = {period + kw, period.removeprefix("近") + kw}
    return next((cid for word, cid in vocab.keywords if word in phrases), "")


def _share_of_whole_said(
    norm: str, found: list[Quantity], facts: dict[str, Any], criteria: dict[str, Criterion], today: dt.date | None
) -> None:
    """A share from a part said inside a whole (去年1.5个亿里头高新产品卖了1.2个亿: 80%), its whole not asked."""
    for cid, crit in criteria.items():
        if cid in facts or len(crit.ratio_of) != 2:
            continue
        top, bottom = crit.ratio_of
        part = facts.get(top)
        if bottom in facts or not isinstance(part, float) or part <= 0:
            continue
        unit = criteria[top].unit or ""
        for whole_q, part_q in itertools.pairwise(found):
            within = _WITHIN_WHOLE.match(norm, whole_q.end)
            whole = number_value(whole_q, unit, today)
            if (
                within
                and part_q.start - within.end() <= _PART_NAME_CHARS
                and number_value(part_q, unit, today) == part
                and isinstance(whole, float)
                and whole >= part
            ):
                facts[cid] = round(part / whole * 100, 2)
                break


_PAIRED = ("和", "跟", "与", "、")
"""Between two figures said as a pair (四点八和五点三)."""
_OLDEST_FIRST = re.compile(r"前年.*去年")
"""The years said oldest first (前年二百六十万 去年三百一十万): a pair of figures after them is in that order."""
_WITHIN_WHOLE = re.compile(r"(里头|里面|当中|中间|其中)")
_PART_NAME_CHARS = 10
"""How far after 里头 the part's figure may stand (里头高新产品卖了1.2个亿)."""


def _period_said(
    norm: str, q: Quantity, facts: dict[str, Any], criteria: dict[str, Criterion], found: list[Quantity]
) -> str | None:
    """The period said before the figure (近三年), or the three years named before it or by the run it opens.

    “销售额23年6500万 24年7000万 去年7500万 研发费分别200 220 230万”: the R&D of the same three years; so is
    “研发投入500万 600万 700万”.
    """
    if said := _PERIOD_SAID.search(norm, 0, q.start):
        return said[0]
    if _opens_run_of_three(norm, q, found):
        return "近三年"
    if not _RESPECTIVELY_SAID.search(norm, 0, q.start):
        return None
    run = any(len(crit.sum_of) == _THREE and all(p in facts for p in crit.sum_of) for crit in criteria.values())
    return "近三年" if run else None


_THREE = 3


def _opens_run_of_three(norm: str, q: Quantity, found: list[Quantity]) -> bool:
    """Whether ``q`` opens a run of exactly three figures in one unit, nothing but a 、 or comma between them."""
    at = next((i for i, f in enumerate(found) if f is q), None)
    if at is None:
        return False
    run = found[at : at + _THREE]

    def joined(a: Quantity, b: Quantity) -> bool:
        return _RUN_GAP.fullmatch(norm, a.end, b.start) is not None

    return (
        len(run) == _THREE
        and len({f.unit for f in run}) == 1
        and all(joined(a, b) for a, b in itertools.pairwise(run))
        and not (at > 0 and joined(found[at - 1], q))
        and not (at + _THREE < len(found) and joined(run[-1], found[at + _THREE]))
    )


_RUN_GAP = re.compile(r"[、,，/]?")
_RESPECTIVELY_SAID = re.compile(r"分别|各")


def _named_with_period(period: str, text: str, vocab: _Vocab) -> str:
    """The criterion of the longest word in ``text`` (the earliest of equals) that the period said with it names.

    “研发费用分别…” after 近三年: 研发 makes 近三年研发, the three years' R&D total; “主营收入” makes 三年主营.
    """
    found = [
        (-len(rest), text.find(rest), cid)
        for word, cid in vocab.keywords
        for lead in {period, period.removeprefix("近")}
        if word.startswith(lead) and len(rest := word.removeprefix(lead)) >= _PERIOD_REST_CHARS and rest in text
    ]
    return min(found)[2] if found else ""


_PERIOD_REST_CHARS = 2
"""The shortest word a period may name with (研发, 主营)."""


def _over_years(cid: str, said: str, criteria: dict[str, Criterion], facts: dict[str, Any]) -> str | None:
    """The one criterion in view that sums (or, 平均 said, averages) the yearly ``cid`` over the years ``said``."""
    years = 3 if "三年" in said else 2 if "两年" in said else 0
    found = [
        c
        for c, crit in criteria.items()
        if c not in facts
        and cid in (parts := crit.mean_of if "平均" in said else crit.sum_of)
        and (not years or len(parts) == years)
    ]
    return found[0] if len(found) == 1 else None


def _clause_goes_on(norm: str, end: int, at: int, breaks: tuple[int, ...]) -> bool:
    """Whether a keyword's clause (the keyword ends at ``end``) asks something before the figure at ``at``.

    “研发中心和这个有啥子区别 两个能同时挂不”: 两个 is not the 研发 figure; “营收 去年 3000万” still reaches.
    """
    cut = next((b for b in breaks if end <= b <= at), None)
    if cut is None:
        return False
    return bool(_ASKING_TAIL.search(norm, end, cut))


_ASKING_TAIL = re.compile(r"啥|什么|区别|吗|么|[不没]$")
"""A question after a keyword, in its clause: the keyword is asked about, not given a figure after it."""


_HEDGE_THEN = re.compile(r"(就|才|也就|也就是|大概|大约|差不多|只有|将近|接近|顶多|最多)")
"""Between one year and a figure (一年就五六十万): how the figure is put, not the end of a duration."""
_FIGURE_NEXT = re.compile(rf"[\d{_CN_DIGITS}]+(?![\d{_CN_DIGITS}]*[号份])")
"""A figure right after (not a document number 52号 or a month 十月份)."""
_PREFIX_CHARS = 2
_COUNTS = ("个", "人", "名", "位", "个人", "号人", "项", "件")
"""Characters before a figure that may begin a keyword cut short (研发 → 研发人员)."""


_RANK = re.compile(r"(?:排名|排在|排)?第([一二三四五六七八九十\d]+)(?:名|位)?(?![批期届次个年季天代轮章条款项号部])")
"""A rank (国内第二, 排第五名); not a batch or an article (第八批, 第三条)."""
_RANK_SCOPE_CHARS = 10
"""How far before “第N” a scope word (全球, 国内) may stand."""
_RANK_OR = re.compile(r"(或者|或是|还是|或|到|、|/)?(?=(排名|排在|排)?第)")
"""Between two ranks said as one guess (第三第四, 第三或者第四): nothing, or a word of either."""
_TOP = re.compile(
    r"(?:排名|排在|排进|排得到|排得进|排到|排|进了?|在)?前([一二两三四五\d])(?:名|位)?(?![批期届次个年季天代轮章条款项号部十百千万亿\d])"
)
"""Among the first N (国内前三, 排进前五, 排得到前三); not a span of time (前三年) or a larger figure."""
_DENIED_TOP_CHARS = 4
"""How far before “前N” the words that deny it (排不进, 没进) may start."""


_AWARD_PLACE = re.compile(r"(?<=奖)[^，。,；;！？!?]{0,6}?(?:排名|排在|排进|排|第|前)[^，。,；;！？!?]{0,4}")
"""A place among an award's winners (省科技进步奖 排第二, 获奖单位中排前三): no rank in any market."""


def without_award_places(norm: str) -> str:
    """``norm`` with the places among an award's winners blanked (same length), for reading market ranks."""
    return _AWARD_PLACE.sub(lambda m: "·" * len(m[0]), norm)


def ranks(norm: str, criteria: dict[str, Criterion]) -> dict[str, bool | str]:
    """“国内第一 全球第五” → each rank criterion whose scope word stands before a rank: within its top N or not.

    Two ranks said as one guess (全国大概第三第四, 第三或者第四) that fall either side of a criterion's N leave it
    not known.
    """
    found: dict[str, bool | str] = {}
    unscoped: dict[str, bool | str] = {}  # ranks with no scope word: “估计排第四第五 国内排第二” — 国内's rank decides
    for m in _RANK.finditer(norm):  # (the scope word before the first rank is the second's too)
        between = _RANK_OR.match(norm, m.end())
        second = _RANK.match(norm, between.end()) if between else None
        if second is None:
            continue
        low, high = cn_number(m[1]), cn_number(second[1])
        before = norm[max(0, m.start() - _RANK_SCOPE_CHARS) : m.start()]
        if low is None or high is None or _ranks_rights(before):
            continue
        for cid, crit in _scoped(before, criteria) or [
            (c, cr) for c, cr in criteria.items() if cr.rank_within and "" in cr.rank_scope
        ]:
            if (low <= (crit.rank_within or 0)) != (high <= (crit.rank_within or 0)):
                found[cid] = UNKNOWN
    for m in _RANK.finditer(norm):
        if not (m[0].startswith("排") or norm[max(0, m.start() - _RANK_SCOPE_CHARS) : m.start()]):
            continue
        rank = cn_number(m[1])
        if rank is None:
            continue
        before = norm[max(0, m.start() - _RANK_SCOPE_CHARS) : m.start()]
        if _ranks_rights(before):
            continue  # (发明专利数行业第一: the patents' rank, not the market's)
        scoped = _scoped(before, criteria)
        if not scoped:  # “排第二”: the criteria that take a rank with no scope word
            for cid, crit in criteria.items():
                if crit.rank_within and "" in crit.rank_scope:
                    unscoped.setdefault(cid, rank <= crit.rank_within)
        for cid, crit in scoped:
            found.setdefault(cid, rank <= (crit.rank_within or 0))
    for m in _TOP.finditer(norm):  # “国内市场占有率前三”: within its top N, if N is no more than the criterion's
        top = cn_number(m[1])
        denied = _UNRANKED.search(norm, max(0, m.start() - _DENIED_TOP_CHARS), m.end())
        if top is None or denied or ((after := _UNRANKED.match(norm, m.start())) and after[3]):
            continue  # (排不进前三, 没进前三, 前三排不进去: denied below)
        before = norm[max(0, m.start() - _RANK_SCOPE_CHARS) : m.start()]
        if _ranks_rights(before):
            continue
        scoped = _scoped(before, criteria)
        if not scoped and m[0].startswith("排"):  # “国内谐波减速器市场我们排前三”: a rank, its scope too far back
            scoped = [(c, cr) for c, cr in criteria.items() if cr.rank_within and "" in cr.rank_scope]
            for cid, crit in scoped:
                if top <= (crit.rank_within or 0):
                    unscoped.setdefault(cid, True)
            continue
        for cid, crit in scoped:
            if top <= (crit.rank_within or 0):
                found.setdefault(cid, True)
    for m in _UNRANKED.finditer(norm):  # “全球更排不上”: outside every top N of that scope
        before = norm[max(0, m.start() - _RANK_SCOPE_CHARS) : m.start()]
        said = m[1] or m[2] or m[3]
        top = cn_number(said) if said else None  # (全球排不进前三: outside the top 3, maybe in the top 5)
        for cid, crit in _scoped(before, criteria):
            if top is None or (crit.rank_within or 0) <= top:
                found.setdefault(cid, False)
    return {**unscoped, **found}


_RANKS_IP = re.compile(r"专利|知识产权|软著|论文")
_IP_RANK_CHARS = 5


def _ranks_rights(before: str) -> bool:
    """Whether what a rank ranks, named just before it, is the enterprise's rights (专利数行业第一), not its market."""
    return bool(_RANKS_IP.search(before[-_IP_RANK_CHARS:]))


_PLACES = frozenset({"全球", "世界", "国际", "国内", "全国", "中国", "国内市场", "全国市场"})
"""Scope words that name a place; 行业, 细分市场 go with any."""


def _scoped(before: str, criteria: dict[str, Criterion]) -> list[tuple[str, Criterion]]:
    """The rank criteria whose scope word (全球, 国内 …) stands in ``before`` nearest the rank.

    “全球靠前 国内第二”: 第二 is the rank at home, not in the world; a place (全球) outweighs a word of any scope
    (全球细分市场第二 is a rank in the world).
    """
    ends = {
        cid: max(
            (
                before.rfind(w) + len(w) + (len(before) if w in _PLACES else 0)
                for w in map(normalize, c.rank_scope)
                if w and w in before
            ),
            default=-1,
        )
        for cid, c in criteria.items()
        if c.rank_within
    }
    nearest = max(ends.values(), default=-1)
    return [(cid, criteria[cid]) for cid, end in ends.items() if end >= 0 and end == nearest]


_UNRANKED = re.compile(
    r"(?:排不上|排不进|排不到|上不了榜|靠后|更后面|更往后|排后面)(?:前([\d一二两三四五六七八九十]+))?"
    r"|(?:进不了|没进|没排进|不在)前([\d一二两三四五六七八九十]+)"
    r"|前([\d一二两三四五六七八九十]+)(?:名|位)?(?:都|也|还|肯定|根本)?"
    r"(?:排不进去?|排不上去?|进不去|进不了|够不着|够不到|没进去?|没排进去?|挨不到|沾不到边)"
)
"""A rank denied: not among the first of that scope (全球排不上, 全球就更靠后了), or not among its first N
(排不进前三, 前三排不进去)."""


_GOT = re.compile(
    r"(只是|就是|评上|评上了|评起|评到|拿起|评了|评的|评过|拿到|拿到了|拿了|拿的|获得|取得|认定了|认定的|认定为|已经是|已是|我们是|我们还是|公司还是|现在是|本身是|也是|都是|评为|升成|升为|升级成|升级为|升到|升格为|升格成|变成|公告|公示|入选|入库|评定|有|(?<![没莫不])有一?个|(?<![没不])显示(?:的)?(?:是|为)?)"
    r"(了)?的?(市级|省级|国家级|重庆市?|市里|市上|区里|区上|国家)?的?$"
)
_NOT_GOT = re.compile(
    r"(没评上|没评过|没有评|还没评|[没莫](评|报|申报|申请)|没拿到|莫拿到|没有|还没有|不是|还不是|未|莫得|没得|没|莫"
    r"|[也还都正]{0,2}在(申请|申报|报|评))(过)?(一?个)?(啥子|啥|什么|任何)?(市级|省级|国家级|国家)?$"
)
"""Before a title, its denial (没评过创新型, 没评过啥子创新型: not any, 还在申报小巨人)."""
_WHETHER_BEFORE = re.compile(r"(?P<verb>评|报|拿|申请|申报|认定)[没莫](?P=verb)(过|到|上)?(市级|省级|国家级)?$")
"""Before a title, whether it was had, asked (评没评过创新型中小企业): no denial."""
_YEAR_SAID = 4
"""Room after a title for the year it was won (专精特新2024年认定的)."""
_TITLE_NAME_CHARS = 5
"""A title's name this long (创新型中小企业) holds words of other criteria (中小企业) that are not said of us."""
_TITLE_WORD = r"(的|那个|这个)?(称号|牌子|证书|资质)"
"""The word for a title itself, right after its name (专精特新的证书, 创新型那个称号)."""
_TITLE_NOUN = rf"^({_TITLE_WORD})?"
"""Right after a title, the word for the title itself (专精特新的证书 …)."""
_TITLE_NOUN_ONLY = re.compile(_TITLE_WORD)
"""All that stands between a title and the end of its clause (创新型那个称号): what follows is said of it."""
_SAID_NOT_ASKED = r"(?!吗|不|没|哇|迈|[?？])"
"""After what is said of a title: no question mark or particle that asks it (还在有效期吗)."""
_GOT_AFTER = re.compile(
    rf"{_TITLE_NOUN}(市级|省级|国家级|重庆市?)?(的)?(是)?(有的?|也有|都有|有了)?(去年|前年|今年|\d+年|已经|上半年|下半年|年初|年底){{0,2}}"
    r"(就|早就|也|都|才)?"
    r"(评上|评起|拿到|认定了|认定的|评的|拿的|拿了|评了|拿下|评下来|认下来|获得|公告了|公示了|入选了|评定了|复核过|复核通过|复核了)"
    rf"|{_TITLE_NOUN}(已经|早就|早都|都)?(有的?|也有|都有|有了)(?![没不啥什哪多好几效关点些用戏机希搞可望])"
    rf"|{_TITLE_NOUN}((还在|都在|在)有效期(内|里)?|还有效){_SAID_NOT_ASKED}"
)
_STILL_VALID = re.compile(rf"{_TITLE_NOUN}(还没过期|没过期|还没到期|没到期){_SAID_NOT_ASKED}")
"""After a title: it is still held (小巨人还没过期), whatever its 没 would deny (looked for before ``_GOT_AFTER``)."""
_SUBJECT = re.compile("我们公司|我们厂|我们这边|我们|我司|公司|咱们|厂里")
"""The enterprise named between a title and what is said of it (专精特新我们没评过, 专精特新我们评上了)."""
_POINTED_SUBJECT = re.compile(f"(那个|这个|那块|这块)?({_SUBJECT.pattern})|那个|这个")
"""The same, or a word pointing back at the title (创新型中小企业那个我们还在申请, 专精特新这个还没评)."""
APPLIED_NOT_YET = re.compile(
    r"(申请|申报|报)了[^，|]{0,2}(还没|没有?|莫)(公示|公告|批|下来|出结果)|还没公示|还没公告|没批下来"
)
"""Applied for, the outcome not out yet (刚在平台上申请了 还没公示): the title is not held."""
_APPLYING = (
    r"[也还都正]{0,2}在(申请|申报|评审|审核|报|评|走流程)|申请中|申报中|评审中"
    r"|(今年|刚刚|刚)?才在?(报|申报|申请|交)|刚刚?(报|申报|申请|交)(上去|了)|还没批|没批下来|还没下来|还没公示"
    r"|在等(批|结果|公示)|结果还没出"
)
"""Applying for a title, not holding it yet (小巨人还在申请, 正在申报小巨人, 小巨人今年才报 还没批下来)."""
_NOT_AFTER = re.compile(
    r"^(去年|前年|今年|上年|那年|\d{2,4}年)?(我们|我司|公司|我们公司)?(一直|从来|根本|压根)?"  # (小巨人去年没评上,
    # 市级专精特新我们一直没报过)
    rf"(.{{0,4}}都还?(莫得|没有|没得|没评|不是)|({_TITLE_WORD})?[也还都]{{0,2}}"
    rf"(没有|[没莫](评|拿|报|申)|莫得|没得|不是)|[也还都]{{1,2}}[没莫]|还没评|没评上|{_APPLYING}"
    r"|(?P<verb>报|申请|申报)了?[也还都]{0,2}[没莫](?!(?P=verb)))"  # (not 报没报过: whether, asked)
)
_SUPPOSED = re.compile(r"是不是|要不要|得先|要先|需要先|必须|才能|才可以|如果|要是|假如")
"""Before a title: a condition or a supposition (是不是得先拿到…), not a title the enterprise holds."""
_TITLE_CHARS = 6


def _asked_of_a_part(norm: str, w: str, breaks: tuple[int, ...]) -> bool:
    """Whether the words that would say no (of a kind of activity: ``yes_over_no``) are asked about, or name a part.

    Not “日常的品控检测费用也可以算进去哇” (asked), “研发主要是新口味配方开发 还有日常的质量检测” (a part beside the
    R&D), “质量部日常的检测费用 能不能算进研发费用” (whether a cost counts, not what the R&D is).
    """
    clause = norm[slice(*_clause(norm, norm.find(w), w, breaks))]
    return bool(
        _CLAUSE_ASKS.search(clause)
        or _only_a_part_denied(norm, [w], breaks)
        or (_INCLUSION_ASKED.search(norm) and not _MAINLY.search(clause))
    )


_OR_ELSE = re.compile("还是")
_OR_ELSE_GAP = 4
"""Right after the words of a no, 还是 makes them one of two ways (登在集团名下还是我们名下): neither is said."""


def _one_of_two(norm: str, word: str, breaks: tuple[int, ...]) -> bool:
    """Whether every place of ``word`` is one of two ways set side by side with 还是 (集团名下还是我们名下)."""
    found = []
    for at in places(norm, word):
        start, stop = _clause(norm, at, word, breaks)
        before = norm[max(start, at - _OR_ELSE_GAP - 2) : at]
        found.append("还是" in before or "还是" in norm[at + len(word) : min(stop, at + len(word) + _OR_ELSE_GAP)])
    return all(found)


_INCLUSION_ASKED = re.compile(r"算进|计入|算到|算在|加进|放进|归集进|能不能算|可不可以算|能算|可以算")
"""Whether a cost is counted in, asked (…能不能算进研发费用): the thing named is a cost, not the whole activity."""
_MAINLY = re.compile(r"主要|都是|全是|就是|全部|基本上")
"""In the clause naming a thing: it is all or most of what is done (钱主要花在出厂批次检测)."""
_CLAUSE_ASKS = re.compile(r"吗|呢|[?？]|算不算|能不能|可不可以|是不是|哇$|(可以|能)[^，]{0,8}(不|没)$")
"""A clause that asks (…也可以算进去哇): the words in it are asked about, not said of us."""
_NO_TITLE_AT_ALL = re.compile(
    r"(啥子|啥|什么|任何|一个)(称号|资质|荣誉|牌子|头衔|认定)(都|也)(莫得|没得|没有|没|没评过|没拿过|没申请过|没报过)"
    r"|(称号|资质|荣誉|牌子|头衔)(一个|啥子|啥|什么)?(都|也)(莫得|没得|没有|没评过|没拿过)"
)
"""No title of any kind held (啥子称号都莫得, 任何资质都没有): every title is a no."""


def held_titles(text: str, criteria: dict[str, Criterion]) -> dict[str, bool]:
    """The titles ``text`` says the enterprise holds (True) or not (False), by criterion."""
    return titles(normalize(text), _vocab(criteria, ()), clause_breaks(text))


_ALSO_IS = re.compile(r"(也|都)是(的|嘛|噻|撒|哦)?")
"""Right after a title, ending its clause: it is held too (市级专精特新也是)."""
_ALONE = re.compile(r"(市级|省级|国家级|重庆市?)?$")
_ASKING = re.compile(r"吗|呢|\?|？|哪|什么|啥|怎么|咋|如何|多少|好多|好久|是不是|能不能|可不可以|要不要")


_ASCII_ONLY = re.compile(r"[a-z0-9 .,!?&']+")
"""A clause in English only (back to, ok): before a lone title, it says where to go, not what is held."""


_TURNING = re.compile(
    r"(说正事|说回正事|言归正传|回到|接着|继续|另外|对了|还有|然后|再问下?|问下|问一下|顺便问下|那|好|好的|嗯|哦|ok)+"
)
"""A clause that only turns the conversation (说正事, 另外, 回到): before a lone title, the topic it turns to."""


def _after_ours(norm: str, at: int, cid: str, vocab: _Vocab) -> bool:
    """Whether the title at ``at`` follows a clause describing us, after another title the message opens with.

    “重庆市级的单项冠军 我们铜梁做座椅调角器的 国家级小巨人 帮忙评估下能不能报”: 小巨人 is held, the question is
    the 单项冠军's.
    """
    ours = _OURS_CLAUSE.search(norm, 0, at)
    if ours is None:
        return False
    before = norm[: ours.start()]
    return any(w in before for w, c in vocab.titles if c != cid) or bool(vocab.names.spans(before))


_OURS_CLAUSE = re.compile(r"(我们|我司|我们公司|我们厂)[^我]{1,16}的$")
"""Right before a title: a clause describing us (我们铜梁做座椅调角器的)."""


def _clause_alone(norm: str, at: int, end: int, breaks: tuple[int, ...], asked_of_other: bool = False) -> bool:
    """Whether a title (with its level) makes a middle clause of a statement on its own (… 市级专精特新 做了九年).

    With ``asked_of_other`` the question after it is another policy's, named first (…单项冠军 我们…的 国家级小巨人
    帮忙评估下能不能报).
    """
    level = _ALONE.search(norm, 0, at)
    start = at - len(level[0]) if level else at
    if start == 0 or start not in breaks or not (end in breaks or end == len(norm)):
        return False
    prev = max([0, *(b for b in breaks if b < start)])
    if _ASCII_ONLY.fullmatch(norm, prev, start) or _TURNING.fullmatch(norm, prev, start):
        return False  # (“back to 小巨人”, “说正事 小巨人”: the topic gone (back) to, no title held)
    nxt = min([len(norm), *(b for b in breaks if b > end)])
    return (asked_of_other or not _ASKING.search(norm, end, nxt)) and not _ASKING.search(norm, 0, start)


_ASKED_AFTER_BREAK = re.compile(
    r"[^，,。；;!！?？|]{1,8}?(能不能|能否|可不可以|可以|够不够|够得上|行不行|得不得行|冲|报得|申请得|怎么|咋"
    r"|什么时候|啥时候|哪个时候|好久|多久|要哪些|要什么|要啥|要些啥|有什么|有啥|能报|能申|能评)"
)
"""After a clause break inside a title's name: the second part is asked about (小巨人能不能冲一下, 小巨人今年什么时候
开始申报)."""


def titles(norm: str, vocab: _Vocab, breaks: tuple[int, ...] = ()) -> dict[str, bool]:
    """Titles the enterprise holds or not: “已经评上专精特新” → yes; “小巨人 莫得”, “还没评专精特新” → no.

    A clause that opens with 是 states one too (“做液压件的，是市级专精特新”); “必须是…吗” does not.
    """
    names = vocab.titles
    taken: list[tuple[int, int]] = []
    found: dict[str, bool] = {}
    for word, cid in names:
        at = norm.find(word)
        while word and at >= 0:
            end = at + len(word)
            if any(at < b < end for b in breaks) and _ASKED_AFTER_BREAK.match(norm, next(b for b in breaks if b > at)):
                pass  # “评上了市级专精特新 小巨人能不能冲一下”: two titles, the second asked about, not 专精特新小巨人
            elif not any(a < end and at < b for a, b in taken):
                taken.append((at, end))
                stop = min([end + _TITLE_CHARS, *(b for b in breaks if b > end)])
                if stop in breaks and _TITLE_NOUN_ONLY.fullmatch(norm, end, stop):  # (创新型那个称号 | 莫得)
                    stop = min([stop + _TITLE_CHARS, *(b for b in breaks if b > stop)])
                said_by = _POINTED_SUBJECT.match(norm, end)  # (专精特新我们评上了, 创新型中小企业那个我们还在申请)
                after_at = said_by.end() if said_by else end
                opens = max([0, *(b for b in breaks if b <= at)])  # (…已经认定了。小巨人…: not this title's)
                before, after = (
                    norm[max(opens, at - _TITLE_CHARS) : at],
                    norm[after_at : after_at + _TITLE_CHARS + _YEAR_SAID],
                )
                denial = _NOT_GOT.search(before)
                if _SUPPOSED.search(before) or _WHETHER_BEFORE.search(before):
                    pass  # “是不是得先拿到市级专精特新”: a condition asked about, not a title held; 评没评过: asked
                elif denial and _denial_of_title_before(norm, at, denial, vocab, breaks):
                    # “单项冠军我们没报过。小巨人复核…”: the denial is the other title's, nothing said of this, unless
                    # its own clause denies it too (专精特新没报过 小巨人也不是)
                    if _denied_after(norm, after_at, stop + after_at - end, vocab, breaks) or _own_denied(
                        norm, end, breaks
                    ):
                        found.setdefault(cid, False)
                elif _STILL_VALID.match(after):
                    found.setdefault(cid, True)  # (小巨人还没过期: its 没 denies the lapse, not the title)
                elif _GOT.search(before) and not denial and end in breaks:
                    # (有市级企业技术中心 也没出过事故: held; the next clause denies another)
                    found.setdefault(cid, True)
                elif (
                    denial
                    or _denied_after(norm, after_at, stop + after_at - end, vocab, breaks)
                    or _own_denied(norm, end, breaks)
                    or _listed_before_all_denied(norm, end, vocab, breaks)
                ):  # a denial within its clause (after the enterprise named: 专精特新我们没评过)
                    found.setdefault(cid, False)
                elif (
                    _GOT.search(before)
                    or _GOT_AFTER.match(after)
                    or _GOT_AFTER.match(norm[after_at : min([len(norm), *(b for b in breaks if b > after_at)])])
                    or (before.endswith("是") and (at == 1 or at - 1 in breaks))
                    or ((also := _ALSO_IS.match(norm, after_at)) and (also.end() == len(norm) or also.end() in breaks))
                ):  # (“独立法人 涪陵注册的 市级专精特新也是”: that title too, ending its clause)
                    found.setdefault(cid, True)
                elif _ALONE.search(norm, 0, at) and _clause_alone(
                    norm, at, end, breaks, _after_ours(norm, at, cid, vocab)
                ):
                    found.setdefault(cid, True)  # “做电子连接器的 市级专精特新 做了九年”: a clause of its own
            at = norm.find(word, at + 1)
    return found


def _of_a_title(norm: str, word: str, vocab: _Vocab, breaks: tuple[int, ...]) -> bool:
    """Whether ``word`` says a title was won or not (没评过), wherever it stands of a title named before it.

    “高企 专精特新都没评过”: said of the titles in its clause, nothing another criterion asks (首版次 never had).
    """
    if not _AWARDED.search(word):
        return False
    return all(
        any(w in norm[_clause(norm, at, word, breaks)[0] : at] for w, _c in vocab.titles) for at in places(norm, word)
    )


_AWARDED = re.compile(r"评|认定|入选|获得|得过|拿过|报过|申过|申报|申请")
"""Words of winning a title or applying for one (没评过, 已经认定)."""


def _listed_before_all_denied(norm: str, end: int, vocab: _Vocab, breaks: tuple[int, ...]) -> bool:
    """Whether the title ending at ``end`` opens a list of titles all denied at its end (高企 专精特新都没评过)."""
    if end not in breaks:
        return False
    at = end
    while named := next((w for w, _c in vocab.titles if norm.startswith(w, at)), None):
        at += len(named)
        if _ALL_DENIED_AFTER.match(norm, at):
            return True
        if at not in breaks:
            return False
    return False


_ALL_DENIED_AFTER = re.compile(
    r"(这些|那些|这几个|这两个|这几样|这两样|啥的|这些称号)?(我们|公司)?(也|全|一个|一样)?都(还)?(没有|没得|莫得|没|莫|不是)"
)
"""After a list of titles: all of them denied (高企 专精特新都没评过, 创新型 科技型 都莫得)."""


def _denial_of_title_before(norm: str, at: int, denial: re.Match[str], vocab: _Vocab, breaks: tuple[int, ...]) -> bool:
    """Whether a denial before the title at ``at`` closes the clause of another title (单项冠军我们没报过。小巨人…).

    ``denial`` was found in the few characters before ``at``; set apart from this title and glued to the one before
    it (with the enterprise between: 单项冠军我们没报过), it is that title's or that policy's.
    """
    if at not in breaks:
        return False
    start = at - len(denial.string) + denial.start()
    head = norm[:start]
    subject = _SUBJECT_AT_END.search(head)
    head = head[: subject.start()] if subject else head
    tail = head[-_TITLE_CHARS * 2 :]
    return any(head.endswith(w) for w, _c in vocab.titles) or any(b == len(tail) for _a, b in vocab.names.spans(tail))


_SUBJECT_AT_END = re.compile(f"({_SUBJECT.pattern})(也|都|还|从来)?$")
"""The enterprise named at the end of a clause's head (单项冠军我们|没报过)."""


def _denied_in_clause(norm: str, said: list[str], breaks: tuple[int, ...]) -> bool:
    """Whether every place a word of ``said`` stands is denied right after it, in its clause (版里头好像莫得…)."""
    found = [(at, w) for w in said for at in places(norm, w)]
    return bool(found) and all(
        _DENIED_RIGHT_AFTER.match(norm, at + len(w), min([len(norm), *(b for b in breaks if b > at)]))
        or norm[:at].endswith(_NOT_BEFORE)  # (里头可能没有我们这种: 有我们这, denied)
        for at, w in found
    )


_NOT_ASKED = "(?<!开始|出来|公布|发布|启动|下来|截止|结束|下发)(?<!始了|来了|布了|动了|止了|束了|发了)"
"""Not after a verb of the policy's calendar: 认定开始没有, 名单出来了没得 ask whether it happened, no denial."""
_NOT_BEFORE = ("没", "莫得", "没得", "不")
"""A denial right before a word of having (没有我们这种: its 有我们这 is denied)."""
_DENIED_RIGHT_AFTER = re.compile(
    r".{0,2}(好像|可能|估计|应该|貌似|暂时)?(还)?" + _NOT_ASKED + "(没有|没得|莫得|找不到|查不到)"
)
"""A denial right after a word, a hedge allowed between (版里头好像莫得…)."""


def _own_denied(norm: str, end: int, breaks: tuple[int, ...]) -> bool:
    """Whether the next clause says the enterprise itself has none (研发机构挂在集团那边 子公司自己莫得)."""
    nxt = min([len(norm), *(b for b in breaks if b >= end)])  # (专精特新 | 市级的莫得: the clause right after it)
    return nxt < len(norm) and bool(_OWN_NONE.match(norm, nxt))


_OWN_NONE = re.compile(
    r"(我们公司|子公司|我们|公司|本身)?自己(都|也|还)?(莫得|没得|没有|没建|没设)"
    r"|(市级|省级|区级|区县级|重庆市?)(的|那个)(都|也|还)?(莫得|没得|没有|没评过|没拿过|没评上)"
)
"""A clause saying the enterprise itself has none (子公司自己莫得: the title named before is the group's), or none
of the level asked (专精特新？市级的莫得)."""


def _denied_after(norm: str, end: int, stop: int, vocab: _Vocab, breaks: tuple[int, ...]) -> bool:
    """Whether a denial follows a title in its clause, not one of the next title (是市级专精特新 还不是小巨人).

    A denial glued to the next title is that title's; one set apart (专精特新 没有 小巨人也没有) is this one's.
    """
    denial = _NOT_AFTER.match(norm[end:stop])  # (its ^ holds at the slice's start only)
    if denial is None:
        return False
    after = end + denial.end()
    rest = norm[after:]
    next_title = any(rest.startswith(w) for w, _c in vocab.titles) or any(
        a == 0 for a, _b in vocab.names.spans(rest[:_TITLE_CHARS])
    )
    return not next_title or after in breaks


def _stated(text: str, word: str, names: list[tuple[int, int]], breaks: tuple[int, ...] = ()) -> bool:
    """Whether ``word`` occurs in ``text`` other than inside a policy name, its denial in its own clause.

    (失信 莫得 | 事故也莫得: the 莫得 ends the clause before, so no 莫得事故 is said; 还在申请 | 中介说: the 中 is the
    next word's, so no 还在申请中.)
    """
    return any(
        not any(a <= at and at + len(word) <= b for a, b in names)
        and not any(at < b < at + len(word) and _DENIAL_HEAD.fullmatch(text, at, b) for b in breaks)
        and not any(b == at + len(word) - 1 and len(word) > 2 for b in breaks)  # (还在申请 | 中介说: no 申请中)
        for at in places(text, word)
    )


_DENIAL_HEAD = re.compile(r"(都|也|还)?(没有|没得|莫得|没|无|不是|不)")
"""The head of a word that a space cuts off: the denial closes the clause before it."""


_SUPPOSE = rf"的话|{_IF}"
SUPPOSING = re.compile(_SUPPOSE)
"""Words of a case supposed (那要独立法人的话, 如果出个新版本): what follows is no fact about the enterprise."""
_ASK_SOMEONE = rf"(要|得|我|我去|再)问(一下|下|哈)?({WHO_KNOWS}|他们)"
"""The user must ask someone first (要问下人事): what they said of it is not known yet."""
_NOT_KNOWN = (
    "晓不得|不晓得|不知道|不清楚|不确定|搞不清|不[太大]清楚|不[太大]晓得|不[太大]确定|拿不准|不敢确定|不敢肯定|说不准|"
    + "没算过|没测过|还没测|没去测|没查过|没去查|还没查|没整理|还在整理|没理清|没弄清|没搞清"
    + "|还没翻|没翻过|没去翻|还没看|没看过|没对过|还没对过|没核过|没比对过"
    + "|没算出来|还没算出|还没出来|年报没出|审计没出|报表没出"
    + "|没单独算过|没有单独算过|没专门算过|还没算|打分也还没|打分还没|还没打分|没打过分"
    + "|还没在[^，|\\s]{1,6}?[测评]|没在[^，|\\s]{1,6}?[测评]过"  # (还没在平台上测)
)
"""Ways of saying “I don't know” that both the unsure reading and the plain don't-know share."""
_UNSURE = re.compile(
    rf"{_NOT_KNOWN}|没(单独)?统计|没单独算|还没(仔细|认真|详细|具体)?对|没(仔细|认真|详细|具体)?(对|核|查)过|在查|在不在|有没有|有没得|有莫得"
    rf"|没去对|也可能|还在谈|还没定|没定下来|不一定|{_ASK_SOMEONE}"
    rf"|是不是|算不算|必须|一定要|非得|需不需要|要不要|什么意思|啥意思|啥子意思|是什么|是啥|{_SUPPOSE}"
)
"""In the clause of a yes/no word: the user does not know, asks (“我晓不得我们在不在里头”, “必须得单独注册”,
“独立法人是啥子意思”) or supposes (“那要独立法人的话”)."""


_BUT_OURS = re.compile(
    r"(但是?|不过|可是|只是)(我们|我们的|我们这个|咱们)|(我们|我们的|咱们)(这个|这款|这种|的)?(型号|牌号|产品|规格)"
)
"""Opening the clause after a yes or a no: what follows is said of our own case (但我们型号…; 只有类似的 |
我们这个型号…)."""


def _unsure(text: str, word: str, breaks: tuple[int, ...]) -> bool:
    """Whether every clause holding ``word`` says the user does not know or asks.

    A clause that only names the thing is read with the next one when that one points back at it
    (“人才计划入选者 这个不晓得有没得”).
    """
    for at in places(text, word):
        start, stop = _clause(text, at, word, breaks)
        after = min([len(text), *(b for b in breaks if b > stop)])
        beyond = min([len(text), *(b for b in breaks if b > after)])
        named_alone = _POINTS_BACK_END.search(text, start, stop)  # “研发费用这个 | 财务没单独统计过 | 晓不得好多”
        if (topic := _TOPIC_MARKED.match(text, start, stop)) and topic.end() <= at:
            start = topic.end()  # “市场的话西南这边排前三”: 的话 marks what it speaks of, no case supposed
        if not (
            _UNSURE.search(text[start:stop])
            or (
                _REQUIRED_BEFORE.search(text, max(start, at - _REQUIRED_BEFORE_CHARS), at)
                and not _AS_REQUIRED.search(text, max(start, at - _AS_REQUIRED_CHARS), at)
            )
            or (_POINTS_BACK.match(text, stop) and _UNSURE.search(text[stop:after]))
            or (named_alone and _UNSURE.search(text[stop:beyond]))
            or (text[start:stop] == word and _DONT_KNOW.search(text, stop, after))  # 负债率 | 财务还没算出来
            or _WHETHER_UNKNOWN.match(text, stop)  # 人才计划入选的 | 不晓得有没得: whether there is one, not known
            # 人才计划入选的 | 不晓得 | 要问人事: the thing named, then not known
            or (text.endswith("的", start, stop) and _BARE_NOT_KNOWN.fullmatch(text, stop, after))
            or (ASKED_A_NOT_A.search(text[start:stop]) and _DONT_KNOW.search(text[stop:after]))  # 报没报 | 记不到
            or text.startswith((f"不{word[-1]}", f"没{word[-1]}"), at + len(word))  # 比平均高不高: asked
            or (_BARE_DENIAL.fullmatch(text, stop, after) and _UNSURE.search(text, after, beyond))
            or _GRAVITY_DOUBTED.search(text, stop)  # 出过一次事故 | 算不算重大我不晓得: whether it counts, not known
            # 好像挂在老板个人名下 | 具体晓不得: a hedge, then not knowing: the fact is not known
            or (_HEDGED.search(text, start, stop) and _ONLY_NOT_KNOWN.fullmatch(text, stop, after))
            # 目录里有冻干机这类 | 但我们型号的指标对不对得上 | 晓不得: granted in general, not known of ours
            or (_BUT_OURS.match(text, stop) and _UNSURE.search(text, stop, beyond))
            or (_HEDGED.search(text, start, stop) and _HEDGED_OTHERWISE.match(text, stop))  # 好像没备过 | 又好像弄过
        ):  # 人才计划 | 好像没有 | 要问下人事: denied, then said to be not known yet
            return False
    return True


def _part_of(cid: str, criteria: dict[str, Criterion]) -> bool:
    """Whether ``cid`` is the part of a share of people (科技人员 of 科技人员占比, over 职工)."""
    return any(
        c.ratio_of and c.ratio_of[0] == cid and criteria[c.ratio_of[1]].unit == "人"
        for c in criteria.values()
        if c.ratio_of and c.ratio_of[1] in criteria
    )


_AMONG_AFTER = re.compile(r"(个人|个|人)?(里头|里面|当中|中间|之中)")
"""After a head count: the whole that the count after it is part of (一百个人里头 …十五个)."""
_HEDGED = re.compile(r"好像|可能|估计|应该|大概|似乎|貌似")
"""A hedge in the clause of a fact (好像挂在老板个人名下)."""
_HEDGED_OTHERWISE = re.compile(r"[\s,，|]*(又|也|但|可|但是|可是|或者)(好像|可能|似乎|貌似|说不定)")
"""After a hedged fact, the next clause hedging the other way (好像没备过 | 又好像去年同事弄过): not known."""
_ONLY_NOT_KNOWN = re.compile(rf"(具体|详细|到底|具体的|详细的)?(我|我们|我也|也)?(还|都)?({_NOT_KNOWN})(哦|嘛|的|了)?")
"""A clause that only says the user does not know (具体晓不得): after a hedged fact, it is not known."""
_TOPIC_MARKED = re.compile(r"(那|那个)?[^要是有评报如假万不没能可会想|]{1,6}的话")
"""A clause opening with a thing and 的话 (市场的话, 研发费用的话): what it speaks of, no case supposed (要评上的话)."""
_GRAVITY_DOUBTED = re.compile(
    rf"(算不算|是不是|属不属于|够不够)(重大|严重|较大)[^|]{{0,6}}?({_NOT_KNOWN})"
    rf"|({_NOT_KNOWN})(算不算|是不是|属不属于|够不够)(重大|严重|较大)"
)
"""After a thing that happened: whether it was grave enough to count is not known (算不算重大我不晓得)."""
_REQUIRED_BEFORE = re.compile(r"((?<![主重只想])要|需要|必须|应当|得要|要求)$")
"""Right before a yes/no word: what a condition requires (研发投入强度要高于全市同行业平均), no fact stated."""
_REQUIRED_BEFORE_CHARS = 2
_AS_REQUIRED = re.compile(r"(按|按照|根据|依照)[^|]{0,6}要求$")
"""…but “按统计局要求报统了”: done as required, a fact."""
_AS_REQUIRED_CHARS = 10

MIN_UNSURE_KEYWORD = 3
"""A figure's keyword this long names it well enough for “不晓得” beside it to be about it (市场占有率, not 研发)."""
_BAR_NAMED = re.compile(r"(那个|这个)$")
"""Before a figure followed by 的 (那个70分的): the bar a condition names, pointed at, not a figure of ours."""
_HOW_RECKONED = re.compile(r"的?(是|又是)?(咋个|怎么|咋|如何|怎样)(算|来|定|评|打)|的?(是|又是)?(啥子?|什么)意思")
"""After a figure pointed at (那个七十分): how it is reckoned, or what it means, asked; the bar, not ours."""
_DONT_KNOW = re.compile(rf"{_NOT_KNOWN}|说不清|没统计|记不到|记不得|记不清|记不住|想不起|{_ASK_SOMEONE}")
"""The user says they do not know (not merely asks)."""
_WHETHER_UNKNOWN = re.compile(rf"(也|还|我|我们|都)?({_NOT_KNOWN})(有没有|有没得|有莫得|是不是|在不在|算不算)")
"""A clause that opens saying the user does not know whether the thing before it is so (不晓得有没得)."""
_BARE_NOT_KNOWN = re.compile(rf"(也|还|我|我们|都|这个)?({_NOT_KNOWN})(哦|嘛|了|的)?")
"""A clause that only says the user does not know (不晓得): of the thing named in the clause before."""
_POINTS_BACK_END = re.compile(r"(这个|这块|这项|这一项|那个|这条)$")
_POINTS_BACK = re.compile(r"这个|这块|这项|这一项|那个|这条")


def places(text: str, word: str) -> Iterator[int]:
    """Every position of ``word`` in ``text``."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


_TO_BUYER = re.compile(
    r"((卖给|供给|供货给|卖到|交给|发给|销售给|出给|批给|走|通过|经过|经由)(了|的是)?(?:(?![是也我])[一-鿿]){0,4}?"
    r"|(客户|买家|买方|购买方|用户|下游|甲方|买的)(都|主要|就|也)?是)(一些|一个|个|几家|一家|那些|这些|各地的)?$"
    r"|(客户|买家|买方|购买方|用户|下游|他们|人家|对方)(那边)?(拿去|拿回去|买去|买回去|买了)(再|又|就)?$"
)
"""Right before a word: it names whom the goods go to (卖给贸易商, 走贸易商, 客户是个贸易商, 卖给成都一个经销商), or
what they do with them (他们拿去再转卖), not the enterprise."""


def _of_subject(norm: str, word: str, subject: list[str] | None, breaks: tuple[int, ...]) -> bool:
    """Whether ``word`` is said of its criterion's ``subject``: it names it, or its clause or the words just before do.

    “买方就是刚说的那个 同一个集团控股的” is the buyer's tie; “我们是集团下面的分公司” says who we are, nothing of the
    buyer; “国家级科技奖莫得 省里的都莫得”: 省里's award.
    """
    if not subject:  # (“我们买来卖给客户 | 自己不生产”: the buyer named in the clause before says nothing of this)
        return not all(
            _TO_BUYER.search(norm, max(0, at - SUBJECT_CHARS, _clause(norm, at, word, breaks)[0]), at)
            for at in places(norm, word)
        )
    if any(s in word for s in subject):
        return True
    return any(
        any(s in norm[max(0, at - SUBJECT_CHARS) : _clause(norm, at, word, breaks)[1]] for s in subject)
        for at in places(norm, word)
    )


def _makes(norm: str, words: list[str], breaks: tuple[int, ...]) -> bool:
    """Whether a clause says what the enterprise itself makes with one of ``words`` (我们长寿做改性塑料的).

    Before the word stand only our own words (我们, 公司, a place: 涪陵, 万州经开区的), never another
    party's (客户是做装备的, 买家是集团下面做汽车件的); after it, a thing made, not a trade (做贸易), a task
    (做研发, 做认定), a past or a question (做过, 做了三年, 能不能做).
    """
    for word in words:
        for at in places(norm, word):
            start, stop = _clause(norm, at, word, breaks)
            lead, made = norm[start:at], norm[at + len(word) : stop]
            before = ASKED_A_NOT_A.sub("", norm[:start])[-_MAKER_LEAD_CHARS:]  # (够不够 asks, wherever it is cut)
            if (
                len(lead) <= _MAKER_LEAD_CHARS
                and not _NOT_OURS.search(lead)
                # (买家是…子公司 做汽车零件的: theirs)
                and (_MAKER_OURS.search(lead) or not _OTHER_PARTY.search(before))
                and _MADE.match(made)
                and not _NOT_MADE.search(made)
                and not _negated(norm, word, breaks)
                and not _asked(norm, word)
                and not _planned(norm, word, breaks)
            ):
                return True
    return False


_MAKER_LEAD_CHARS = 10
"""How long the words before 做 may be and still say only who and where we are (我们万州经开区的)."""
_PARTIES = (
    "买|客户|用户|下游|上游|他们|人家|别个|别人|对方|你们|供应商|贸易|经销|代理|集团|兄弟|子公司|母公司|合作|朋友"
)
_NOT_OURS = re.compile(rf"{_PARTIES}|[不没莫想能]")
"""Before 做: someone else does it (客户是做装备的), or it is denied, wanted or asked (想做, 能做)."""
_OTHER_PARTY = re.compile(_PARTIES)
"""In the clause before 做's: someone else named, whose line it may be (买家是…子公司 | 做汽车零件的); a question
there (我们能申请不 | 长寿的 做改性尼龙的) says nothing of who makes it."""
_MAKER_OURS = re.compile(r"我们|我司|咱们|本公司|公司|厂里|自己")
"""Before 做: the enterprise itself is who does it (我们是做…, 公司做…)."""
_MADE = re.compile(r"[^\d过了不得着完好起啥哪这那什么个一]{2,}")
"""After 做: a thing made, two characters at least (做特种尼龙的), not 做过, 做了, 做不到, 做啥."""
_NOT_MADE = re.compile(
    r"贸易|代理|经销|销售|批发|零售|商贸|电商|门市|门店|买卖|生意|进口|分装|代工|贴牌|外包|研发|认定|申报|资格|审定|账|项目|方案|评估|检测|服务|工程(?!塑料|机械|车|材料|陶瓷|胶|轮胎|机)|设计|软件|平台|试验|测试"
)
"""What 做 may take that is no product made (做贸易, 做研发, 做账, 做项目, 做设计): not a producer's line."""


def _listed_after_a_denial(norm: str, word: str, said: list[str], breaks: tuple[int, ...]) -> bool:
    """Whether ``word`` stands in a short clause of its own, with no verb, right after a clause denying ``said``.

    “莫得安全事故 质量事故 环保也没被罚过”: 质量事故 is one more of the things denied, not one that happened.
    """
    for at in places(norm, word):
        start, stop = _clause(norm, at, word, breaks)
        clause = norm[start:stop]
        if start == 0 or len(clause) > len(word) + _LISTED_EXTRA or _HAPPENED.search(clause):
            continue
        prev = norm[max([0, *(b for b in breaks if b < start)]) : start]
        if any(w in prev and _DENIES.search(prev, 0, prev.find(w)) for w in said):
            return True
    return False


_LISTED_EXTRA = 4
"""Characters beside the word in a clause that only lists it (质量事故 beside 事故)."""
_HAPPENED = re.compile(r"有|出|发生|被|犯|遭|过|了")
_DENIES = re.compile(r"没|莫|无|未|不")


def _all_in_clause(norm: str, groups: list[list[str]], word: str, breaks: tuple[int, ...]) -> bool:
    """Whether a clause holding ``word`` (of the last group) holds a word of every other group, undenied."""
    for at in places(norm, word):
        start, stop = _clause(norm, at, word, breaks)
        clause = norm[start:stop]
        if all(any(w in clause for w in group) for group in groups[:-1]) and not _negated(norm, word, breaks):
            return True
    return False


def _clause(text: str, at: int, word: str, breaks: tuple[int, ...]) -> tuple[int, int]:
    """Start and end of the clause (between ``breaks``) holding ``word`` at ``at``."""
    start = max([0, *(b for b in breaks if b <= at)])
    stop = min([len(text), *(b for b in breaks if b >= at + len(word))])
    return start, stop


_NEGATION = re.compile(
    r"(不是|没有|不属于|还不是|并非|非|未|无|不|没|莫得|没得|不得|不会|不在|不再是|不再|不打算|不准备|没打算|没准备|不想|没想|不愿|不愿意|不计划|没去|没有去|未去)$|(不是|并非|没有|不属于|不算|而不是|没得|莫得)"
    r"|(没|没有|没得|莫得|无)(啥子|啥|什么)$|(没|没有|未|从没|莫)(仔细|认真|详细|具体|好好|专门)$"
    r"|(没|没有|没得|莫得|不)(给|为|帮|替)(哪家|哪个|谁|任何|哪一家|某一家|某家)[^没不]{0,4}$"
    r"|(没|未|从没|莫)(出|发生|上|进|被|遭|犯)[^没不]{0,7}$|(没|不|从不|从没)(搞|做|干|弄|涉及|碰|走|经过|通过|找|卖给|用在)[^没不]{0,2}$"
)
"""Denials before a word: 不是…, 没有…, 没啥子… (没啥子不良记录), and 没/不 with its verb (没出过啥子事故, 没上失信,
不搞批发零售, 不走贸易商)."""
NEGATION_CHARS = 10
"""How far before a word a negation may stand (“不是简单改个款”)."""
_LAPSED = re.compile(
    r"^(.{0,4}(到期|过期|失效|被取消|撤销|修复了|已修复|移出了|移出来了|已移出)|.?(还没|没有|没得|莫得|还未|未|没)([建设做办弄搞评拿有开立上进买配装]|(了|的|哦|嘛|噻|哈)?$)"
    r"|.{0,4}" + _NOT_ASKED + r"(没有|没得|莫得)(的|哦|嘛|噻)?$|.{0,6}(都|也)(没有|没得|莫得)(的|哦|嘛|噻)?$"
    r"|.{0,3}(从来|从|也|都|还)?(没|未)(出|发生|碰到|遇到|上|被列入|列入)过?$"
    r"|(还|也|都)不是(的|哦|嘛|噻|哈)?$)"
)
"""After a word: it lapsed (高企证书到期了, 失信已经修复了) or is still missing (辅助账还没建, 规上还没上 | 还不是,
失信名单也莫得)."""


def _either(norm: str, vocab: _Vocab) -> set[str]:
    """The criteria whose yes and no are set side by side as a question (查账征收还是核定征收): neither is said.

    The yes may be a word of ``yes_when_all``'s last group, and a few words may stand around 还是 (是我们自己申请的
    还是合作方转过来的).
    """
    no = dict(vocab.no)
    yes = {cid: list(words) for cid, words in vocab.yes}
    for cid, groups in vocab.together:
        yes.setdefault(cid, []).extend(groups[-1])
    found: set[str] = set()
    if not re.search(_OR, norm):
        return found
    for cid, words in yes.items():
        pairs = [(y, n) for y in words if y in norm for n in no.get(cid, ()) if n in norm]
        if any(
            re.search(f"{re.escape(a)}的?{_OR}{_OR_GAP}{re.escape(b)}", norm)
            for y, n in pairs
            for a, b in ((y, n), (n, y))
        ) or any(
            re.search(f"{re.escape(a)}{_OR}{re.escape(b)}", norm)
            for pair in _elided(norm, words, no.get(cid, []))
            for a, b in (pair, pair[::-1])
        ):
            found.add(cid)
    return found


def _elided(norm: str, yes: list[str], no: list[str]) -> Iterator[tuple[str, str]]:
    """The choices of a yes and a no with their shared ending said once, by the side cut short.

    查账还是核定征收, 查账征收还是核定: the side said whole stands in ``norm``, and the other's head on either side
    of 还是.
    """
    said = itertools.chain(((n, yes) for n in no if n in norm), ((y, no) for y in yes if y in norm))
    for whole, others in said:
        for other in others:
            k = len(os.path.commonprefix([whole[::-1], other[::-1]]))
            if 2 <= k < min(len(whole), len(other)) and other[:-k] in norm:
                yield other[:-k], whole


_OR = "(还是说?|或者是?|或是)"
"""Between two things set side by side as a choice asked (查账征收还是核定征收)."""
_OR_GAP = r"[^，,。！？!?；;\s的是]{0,4}"
"""What may stand between 还是 and the other side (自己申请的还是 | 合作方 | 转过来的), within one clause."""


def _asked(text: str, word: str) -> bool:
    """Whether every place of ``word`` is asked about, not said.

    It is the middle of a question (没报统计 in 报没报统计), or a question's A-not-A stands right before it
    (报没报统计, 出没出过安全环保事故).
    """
    return all(
        (word[0] in "不没" and 0 < at < len(text) - 1 and text[at - 1] == text[at + 1])
        or any(
            m.end() == at + 1 or text[m.end() : at] in _ASKED_GAP
            for m in ASKED_A_NOT_A.finditer(text, max(0, at - 6), at + 1)
        )
        for at in places(text, word)
    )


_ASKED_GAP = ("", "过", "了")
"""What may stand between a question's A-not-A and the word it asks about (出没出过 | 安全环保事故)."""


def a_not_a(text: str, at: int) -> bool:
    """Whether the 不 at ``at`` stands between the same character twice (能不能, 得不得): a question, no denial."""
    return 0 < at < len(text) - 1 and text[at] == "不" and text[at - 1] == text[at + 1]


def _negated(text: str, word: str, breaks: tuple[int, ...] = ()) -> bool:
    """Whether ``word`` is denied where it stands (“我们没有高企证书”, “高企证书到期了”), within its clause.

    ``breaks`` are where the message had a space or punctuation: a negation in another clause
    (“独立法人 莫得失信”) does not deny the word.
    """
    listed = not _SAID_NEGATIVE.search(word)  # (没拿过 … 都没有: a list's denial agrees with a denying word)
    for at in places(text, word):
        start, stop = _clause(text, at, word, breaks)
        before, after = text[max(start, at - NEGATION_CHARS) : at], text[at + len(word) : stop]
        if at - 2 >= start and a_not_a(text, at - 1):
            return False  # 能不能报: the 不 of a question (A-not-A), no denial of 能报
        before = ASKED_A_NOT_A.sub("", before)  # 是不是只有制造业, 有没有高企: asked, not denied
        if not listed:  # a word that denies itself (没出过事) is denied again only right before it (不是没出过事),
            before = before[-_DENIES_AGAIN_CHARS:]  # not by the denial of the thing before (没得失信也没出过事)
        if not (
            _NEGATION.search(before)
            or (listed and _opens_denied(text, start, at))
            or _LAPSED.match(after)
            or (listed and (_LIST_DENIED.match(after) or _COORDINATED_DENIED.match(after)))
            or _denied_next(text, stop, breaks, listed)
        ):
            return False
    return True


def _planned(text: str, word: str, breaks: tuple[int, ...]) -> bool:
    """Whether ``word`` is only planned wherever it stands (想搞数字化改造 上MES): no fact about the enterprise yet."""
    for at in places(text, word):
        start, _stop = _clause(text, at, word, breaks)
        goes_on = _DOING.match(text, start) and _INTENDED.search(text, max(0, start - _INTENDED_CHARS), start)
        if not (_INTENDED.search(text, max(start, at - _INTENDED_CHARS), at) or goes_on):
            return False
    return True


_INTENDED = re.compile(
    r"(想|打算|准备(?!金)|计划|考虑|想要|正在搞|还在谈|(?<![了过])(开|建|设|成立)(个|一个))[^\d]{0,8}$"
)
"""Before a word, in its clause or closing the clause before it: it is planned, not had (想搞数字化改造 | 上MES;
在成都开个分公司要啥子材料)."""
_INTENDED_CHARS = 10
_DOING = re.compile(r"(再|还要|还想)?(上|搞|建|买|引进|弄|开发|做)")
"""A clause going on with what the clause before plans (想搞数字化改造 | 上MES), not one stating what is had."""


def _opens_denied(text: str, start: int, at: int) -> bool:
    """Whether the clause opens with a denial of events that reaches the word at ``at``.

    “去年也没有发生安全、质量或环保事故”: all the events it lists are denied.
    """
    opened = _DENIAL_OPENS.match(text, start)
    happened = _HAPPENED.match(text, opened.end()) if opened else None
    return happened is not None and not _TURNS.search(text, happened.end(), at)


_HAPPENED = re.compile(r"(发生|出现|出)过?")
"""After a denial that opens a clause: what it denies is events, all those it lists (没有发生安全、质量事故)."""


_TURNS = re.compile(r"但|不过|可是|只是|就是|而是|却|倒是|是有|有过|出过")
"""Words that turn a clause opened by a denial to a statement (没有失信 但出过事故)."""


ASKED_A_NOT_A = re.compile(r"([^\W\d_])[不没]\1")
"""A question by its shape (是不是, 有没有, 够不够): the same word on both sides of 不 or 没."""
_DENIES_AGAIN_CHARS = 3
"""How close before a denying word (没出过事) a second denial must stand to deny it (不是没出过事)."""


def _denied_next(text: str, stop: int, breaks: tuple[int, ...], listed: bool = True) -> bool:
    """Whether the clause after the word's is a bare denial (“规上 不是”, “失信记录 莫得”): the word is denied.

    With ``listed``, also a clause that lists on and denies all (失信 | 事故这些都莫得).
    """
    if stop not in breaks:
        return False
    nxt = min([len(text), *(b for b in breaks if b > stop)])
    while listed and nxt in breaks and _LIST_ITEM.fullmatch(text, stop, nxt):  # (失信 | 事故 | 都莫得: a list)
        stop, nxt = nxt, min([len(text), *(b for b in breaks if b > nxt)])
    on = _LISTED_ON.fullmatch(text, stop, nxt) if listed else None
    listed_on = on is not None and not (on["tail"] and _OWN_TIME.search(text, stop, nxt))
    return bool(_BARE_DENIAL.fullmatch(text, stop, nxt) or listed_on)


_LIST_ITEM = re.compile(r"[^\d\s没不无莫未有是都也还吗呢嘛]{1,6}")
"""A clause that only names one more thing (失信 | 事故 | 都莫得): the list goes on to what is said of all of it."""
_BARE_DENIAL = re.compile(
    r"(好像|应该|可能|估计|貌似)?(都|也|还)?(不是|没有|没得|莫得|不是的|没|无|没有的)(哦|嘛|噻|的)?"
)
"""A clause that only denies (不是, 莫得, 好像没有): it denies what the clause before named."""


_LIST_DENIED = re.compile(
    r"(这些|那些|这几样|这几个|这几项|这类|啥的|什么的)?(都|全都|全)(不是|没有|没得|莫得|没|无)(?!.{0,2}问题)"
)
"""After the last word of a list, a denial of all of it (失信 事故这些都莫得)."""
_COORDINATED_DENIED = re.compile(r"(和|跟|与|及|还有)[^\d|]{1,8}?" + _LIST_DENIED.pattern)
"""After a word, another joined to it and the denial of both (失信和市里其他补助都莫得)."""
_NO_TROUBLE = re.compile(
    r"(这些|那些|这块|这方面|方面|等|和|跟|及|信用|安全|质量|环保|环境|违法|失信|事故|记录|处罚|生产)*"
    r"(都|也|全)?((没|没得|莫得|没有)(啥|什么|啥子|任何)?(问题|毛病)|正常|良好)"
)
"""After a thing that fails a condition, and the list it closes: none of it is had (信用 事故这些都没得问题)."""


def _no_trouble_after(norm: str, word: str) -> bool:
    """Whether every place of ``word`` (a thing that fails a condition) is followed by “no trouble” of its list."""
    return all(_NO_TROUBLE.match(norm, at + len(word)) for at in places(norm, word))


_SAID_NEGATIVE = re.compile(r"[没不无莫未]")
"""A word that already denies (没拿过): a list's 都没有 after it agrees with it, and denies nothing more."""
_LISTED_ON = re.compile(
    r"(?!啥|什么|任何|别的|其他|其它)[^\d\s]{1,8}?" + _LIST_DENIED.pattern + r"(?P<tail>[^\s]{0,4})"
)
"""The clause after a word continues its list and denies all of it (失信 | 事故这些都莫得); not one of its own that
has nothing of any kind (查账征收 | 啥子资质都没得)."""
_OWN_TIME = re.compile(r"近[一二两三四五六七八九十\d]+年|这几年|这些年|历年|从来|一直")
"""A clause with its own span of time and its own verb after the denial states its own fact (有试验车间 |
近三年安全环保都没出过事), no list going on; without one (安全事故环保那些 | 这几年都莫得) it denies the list."""


_BREAK = re.compile(r"[\s,，。；;!！?？、]+")
_BREAK_KEPT = re.compile(f"({_BREAK.pattern})")
"""``_BREAK`` with the separators kept by ``split`` (a clause followed by a question mark asks it back)."""


def clause_breaks(text: str) -> tuple[int, ...]:
    """Positions in ``normalize(text)`` where the message had a space or punctuation between words.

    A 、 inside a denied list of things (没有安全、质量或环保事故) is no break: the denial reaches all of them
    (but “没有失信、出过一次事故” says something else after it).
    """
    parts = _BREAK_KEPT.split(text)
    pieces, marks = [normalize(p) for p in parts[0::2]], [m.strip() for m in parts[1::2]]
    norm = normalize(text)
    breaks, at, denied_list = [], 0, False
    for piece, mark, nxt in zip(pieces[:-1], marks, pieces[1:], strict=True):
        at += len(piece)
        denied_list = (denied_list or bool(_DENIAL_OPENS.match(piece))) and mark == "、"
        if not (denied_list and not _PREDICATE.search(nxt)):
            breaks.append(at)
        if norm.startswith("+", at) and not piece.endswith("+") and not nxt.startswith("+"):
            at += 1  # (去年四百一 两年都…: the space between two figures is a + in the message normalised whole)
    return tuple(breaks)


_DENIAL_OPENS = re.compile(
    r"((申请前|这|近|前|过去|最近)?[一二两三几123]年(内|来|里|以来|里头)?|这几年|这些年|去年|今年|前年|上年|我们|公司|都|也|从来|还)*"
    r"(没有|没得|莫得|没|无|未)"
)
"""A clause that opens with a denial (近一年也没有…, 这一年也没出过…): the things it lists after 、 are all denied."""
_PREDICATE = re.compile(r"出|发生|有|被|是|过|了")
"""Words that make the next piece a statement of its own, not one more thing of the list."""
