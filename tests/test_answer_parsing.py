"""What the bot records for a direct answer to a checklist question: the figure in the criterion's unit, yes or
no, the option picked, “unknown” — or nothing, when it should ask again (``make mutate`` checks these rows).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.answers import UNBOUNDED, UNKNOWN, convert, parse_answer
from knowledge.loader import load

KN = load()
DAY = dt.date(2026, 11, 25)


def recorded(text: str, criterion: str) -> Any:
    return parse_answer(text, KN.criteria[criterion], KN.messages.vocabulary, DAY)


NONE_AT_ALL = ["0", "零", "没有", "无", "莫得", "没得", "一个都没有", "一项都没有"]


@pytest.mark.parametrize("text", NONE_AT_ALL)
def test_none_at_all_is_zero(text: str) -> None:
    assert recorded(text, "class1_ip_count") == 0.0


FIGURES = [
    ("2018年成立的", "years_registered", 8.0),  # a calendar year: the years since, on the day asked
    ("二〇一八年", "years_registered", 8.0),
    ("成立8年", "years_registered", 8.0),
    ("18个月", "niche_years", 1.5),
    ("三个月", "niche_years", 0.25),
    ("不到一年", "niche_years", [0.9, 0.9999]),
    ("99999", "revenue_last_year", 99999.0),  # a bare number is taken in the question's unit (万元)…
    ("100000", "revenue_last_year", None),  # …unless it is that large: then the unit is asked
    ("5000000", "revenue_last_year", None),
    ("500万元", "revenue_last_year", 500.0),
    ("5000000元", "revenue_last_year", 500.0),
    ("3000块", "revenue_last_year", 0.3),
    ("1.5亿元", "revenue_last_year", 15000.0),
    ("八十万", "rd_spend_min_2y", 80.0),
    ("1亿以上", "revenue_last_year", [10000.0, UNBOUNDED]),
    ("超过两千万", "revenue_last_year", [2000.0, UNBOUNDED]),
    ("2-3千万", "revenue_last_year", [2000.0, 3000.0]),  # the dash of a range survives normalising
    ("营收3000万 研发200万", "revenue_last_year", None),  # two figures: which one? asked again
    ("3人", "revenue_last_year", None),  # people are no money
    ("30人", "employees", 30.0),
    ("三十个人", "employees", 30.0),
    ("30", "employees", 30.0),
    ("3个点", "debt_ratio", 3.0),
    ("", "revenue_last_year", None),
    ("   ", "revenue_last_year", None),
]


@pytest.mark.parametrize(
    ("text", "criterion", "value"),
    FIGURES,
    ids=[(f.id if hasattr(f, "id") else f[0]).replace(" ", "_") or "blank" for f in FIGURES],
)
def test_figures_are_recorded_in_the_criterions_unit(text: str, criterion: str, value: Any) -> None:
    assert recorded(text, criterion) == value


def test_a_short_i_dont_know_is_unknown_a_long_message_is_read_for_figures() -> None:
    short, long = "不知道" + "啊" * 13, "不知道" + "啊" * 14  # up to 16 characters, it is the answer
    assert recorded(short, "revenue_last_year") == UNKNOWN and recorded("这个不太清楚", "revenue_last_year") == UNKNOWN
    assert recorded(long, "revenue_last_year") is None
    assert recorded("跳过", "sme") == UNKNOWN and recorded("跳过", "industry") == UNKNOWN


YES_NO = [
    ("1", True),
    ("2", False),
    ("3", None),
    ("是", True),
    ("否", False),
    ("对", True),
    ("有", True),
    ("是的 搞了八年了", True),  # a leading yes, set apart, in a longer message
    ("是的搞了八年了呢呢呢", None),  # not set apart, and too long to be a bare yes
    ("这个没有", False),
    ("这个有的", True),
    ("没有失信 也没出过事", None),  # a long message is read for facts, not for a stray 没有
    ("不是外购的", False),
    ("应该不是", False),
    ("我们是", None),
]


@pytest.mark.parametrize(("text", "value"), YES_NO, ids=[y[0] for y in YES_NO])
def test_yes_and_no(text: str, value: bool | None) -> None:
    assert recorded(text, "sme") is value


CHOICES = [
    ("1", "industry", "manufacturing"),
    ("6", "industry", "wholesale_retail"),
    (str(len(KN.criteria["industry"].options)), "industry", KN.criteria["industry"].options[-1].value),
    (str(len(KN.criteria["industry"].options) + 1), "industry", None),
    ("0", "industry", None),
    ("制造业", "industry", "manufacturing"),
    ("manufacturing", "industry", "manufacturing"),
    ("做汽车零部件的", "industry", "manufacturing"),
    ("做软件和汽车的", "industry", None),  # two options named: asked again
    ("其他", "rd_reserve_entity", "other"),
    ("市里其他财政资金", "rd_reserve_entity", None),  # 其他 picks “none of these” only on its own
    ("我们是规下企业", "rd_reserve_entity", "other"),
    ("4", "rd_reserve_entity", "other"),
]


@pytest.mark.parametrize(("text", "criterion", "value"), CHOICES, ids=[f"{c[1]}-{c[0]}" for c in CHOICES])
def test_an_option_is_picked_by_number_label_or_word(text: str, criterion: str, value: str | None) -> None:
    assert recorded(text, criterion) == value


def test_units_convert_both_ways_and_only_where_they_mean_the_same() -> None:
    assert convert(5000, "万元", "亿元") == 0.5 and convert(4, "亿元", "万元") == 40000
    assert convert(18, "月", "年") == 1.5 and convert(2, "年", "年") == 2 and convert(7, None, "年") == 7
    assert convert(3, "人", "年") is None and convert(3, "月", "人") is None and convert(1, "人", "万元") is None


def test_a_calendar_year_counts_the_years_to_the_day_asked() -> None:
    crit, vocab = KN.criteria["years_registered"], KN.messages.vocabulary
    assert parse_answer("2018年成立的", crit, vocab, dt.date(2031, 1, 1)) == 13.0
    assert parse_answer("2026年成立的", crit, vocab, DAY) == 0.0
    assert parse_answer("1900年", crit, vocab, DAY) == 126.0


def test_a_leading_yes_or_no_set_apart_answers_a_long_message() -> None:
    assert recorded("是的 我们公司成立都八年多了", "sme") is True
    assert recorded("没有 我们一直都是自己研发的", "sme") is False
    assert recorded("是的我们公司成立都八年多了", "sme") is None  # not set apart: read for facts instead


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("是 我们公司成立都八年多了", True),
        ("有 我们去年申请了三个专利", True),
        ("对 我们就是做这个的企业", True),
        ("不 我们去年没有申请过专利", None),  # a one-character lead other than 是/有/对 is no answer here
        ("这个我们确实没有", False),  # eight characters: still read as a bare yes or no
    ],
)
def test_a_one_character_lead_and_the_eight_character_limit(text: str, value: bool | None) -> None:
    assert recorded(text, "sme") is value


@pytest.mark.parametrize("text", ["好像有类似的 不敢确定", "有个差不多的 不敢肯定", "拿不准"])
def test_not_daring_to_be_sure_is_not_known(text: str) -> None:
    assert recorded(text, "first_batch_in_catalog") == UNKNOWN
