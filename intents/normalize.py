"""Normalise a message the way phones type it: width, case, traditional→simplified, punctuation."""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc

_KEEP = re.compile(r"[^\w%.&+]+")
_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def clean(text: str) -> str:
    """Drop control characters and invalid surrogates; keep everything a person could have meant."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub("", text).strip()


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Return the canonical form used for matching and logging.

    Full-width → half-width (NFKC), lower case, traditional → simplified, punctuation, spaces and emoji
    removed (digits, ``%`` and decimal points kept). Normalising twice changes nothing.
    """
    text = _once(clean(text))
    for _ in range(FIXPOINT_ROUNDS):  # OpenCC converts by phrase: a converted text can convert once more
        again = _once(text)
        if again == text:
            break
        text = again
    return text


FIXPOINT_ROUNDS = 3


def _once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _t2s().convert(text).translate(_VARIANTS)
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("再前年", "大前年").replace("前前年", "大前年")  # the year before 前年, said two more ways
    text = _ALL_OF_IT.sub("百分之百", text)  # 主营基本百分百是膜组件: 100%
    text = _SPOKEN_FULL_YEAR.sub(lambda m: m[0].translate(YEAR_DIGITS), text)  # 二零二二年 → 2022年
    text = _SPOKEN_YEAR.sub(_year_digits, text)  # 二三年就成立了: 2023, as 23年 (两三年 stays two or three years)
    text = _SPOKEN_MONTH.sub(_month_digits, text)  # 2022年五月 → 2022年5月
    text = _RANGE_DASH.sub(r"\1到", text)  # 2-3千万 keeps its range once the dash is gone
    text = _DIGITS_APART.sub("+", text)  # 1.6 1.8 2.1个亿 stay three figures once the spaces are gone
    text = _KEEP.sub("", text.replace("_", ""))
    return _DOT.sub("", text)


_SPOKEN_YEAR = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千万亿第])([一二])([〇零一二三四五六七八九])年"
    r"(?=就|的时候|成立|注册|认定|开始|拿|评|建|公告|获|入库|底|初|[上下]半年|[\d一二三四五六七八九十]{1,2}月)"
)
"""A calendar year said digit by digit (二三年成立, 一九年认定, 二四年底): the same length as its digits."""
_ALL_OF_IT = re.compile(r"(?<=[占是都本营])百分百(?!在?(国内|境内|重庆|本地))")
"""百分百 right after the words of a share (主营基本百分百是膜组件: 百分之百); elsewhere (都在国内 百分百, 百分百国内)
it stays words, as where the R&D is done is read from them."""
_SPOKEN_FULL_YEAR = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千万亿第])[一二][〇零一二三四五六七八九]{3}(?=年)")
"""A calendar year said digit by digit in full (二零二二年, 二〇一九年)."""
_SPOKEN_MONTH = re.compile(r"(?<=\d年)(十[一二]?|[一二三四五六七八九])(?=月)")
"""A month said in words after a calendar year (2022年五月, 23年十一月)."""
_MONTHS = {"十": "10", "十一": "11", "十二": "12"}


def month_digits(month: str) -> str:
    """A month said in Chinese numerals, in digits (五 → 5, 十一 → 11)."""
    return _MONTHS.get(month) or month.translate(YEAR_DIGITS)


def _month_digits(m: re.Match[str]) -> str:
    return month_digits(m[0])


YEAR_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")
"""Chinese digits as a year is said digit by digit (二三 → 23)."""


def _year_digits(m: re.Match[str]) -> str:
    return (m[1] + m[2]).translate(YEAR_DIGITS) + "年"


_DIGITS_APART = re.compile(
    r"(?<=[\d一二两三四五六七八九十])[ \t]+(?=[\d一二两三四五六七八九十])"
    r"|(?<=[亿万])[ \t]+(?=[\d一二两三四五六七八九十]+(点|\.)[\d一二两三四五六七八九十])"
    r"|(?<=[\d一二两三四五六七八九十]点)[ \t]+(?=[\d一二两三四五六七八九十])"
    r"|(?<=[\d一二两三四五六七八九十][个多]点)[ \t]+(?=[\d一二两三四五六七八九十])"
    r"|(?<=[\d一二两三四五六七八九十]个多点)[ \t]+(?=[\d一二两三四五六七八九十])"
    r"|(?<=第[\d一二两三四五六七八九十])[ \t]+(?=第)"
)
"""Spaces between two figures (营收1.6 1.8 2.1个亿, 百分之八 一年, 两点三亿 两点五), or after a share said in 点
(占比四个多点 三个发明专利: not 四个多点三, a decimal), or two ranks said apart (是第二 第四是前年的: not one guess
of 第二第四): kept apart by a ``+`` (kept by ``_KEEP``)."""
_VARIANTS = str.maketrans({"帐": "账"})
"""Variant forms OpenCC leaves: 帳 becomes 帐, but accounts are written 账 today (查帳徵收 → 查账征收, 辅助帐)."""
_RANGE_DASH = re.compile(
    r"(?<!\d)(\d{1,4}(?:\.\d+)?)\s*[-~～—–]\s*(?=\d{1,4}(?:\.\d+)?\s*[万亿千百年个人%元月项件分成])"
)
"""A dash between two short figures before a unit (2-3千万, 10~20人) is a range; phone numbers keep theirs."""
