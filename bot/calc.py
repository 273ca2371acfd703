"""Benefits computed from the user's figures; each calculator kind is a function in a registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.answers import UNKNOWN
from knowledge.schema import Calculator, Messages

CalcFn = Callable[[Calculator, dict[str, Any], Messages], str | None]


def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def super_deduction(calc: Calculator, profile: dict[str, Any], messages: Messages) -> str | None:
    """研发费用加计扣除: extra deduction = spend × rate; tax saved = extra × income-tax rate."""
    spend = profile.get(calc.inputs[0])
    if not isinstance(spend, int | float) or isinstance(spend, bool) or spend < 0:
        return None
    p = calc.params
    rate = float(p["rate"])
    lines = []
    special = p.get("special_criterion")
    if special and profile.get(special) is True:
        rate = float(p["special_rate"])
        lines.append(messages.calc["super_deduction_special"].format(rate=_fmt(rate)))
    high_tech = profile.get("high_tech_certified") is True
    tax_rate = float(p["high_tech_tax_rate"] if high_tech else p["tax_rate"])
    basis = messages.calc["super_deduction_basis_high_tech" if high_tech else "super_deduction_basis_default"]
    extra = spend * rate / 100
    lines.insert(
        0,
        messages.calc["super_deduction"].format(
            rate=_fmt(rate),
            spend=_fmt(spend),
            extra=_fmt(extra),
            tax_rate=_fmt(tax_rate),
            saved=_fmt(extra * tax_rate / 100),
            tax_basis=basis,
            amort=_fmt(rate + 100),
        ),
    )
    return "\n".join(lines)


CALCULATORS: dict[str, CalcFn] = {"super_deduction": super_deduction}
"""Calculator kind (as written in YAML) → function."""


def compute(calc: Calculator, profile: dict[str, Any], messages: Messages) -> str | None:
    """The calculation text, or None when an input is missing or unknown."""
    if any(profile.get(i) in (None, UNKNOWN) for i in calc.inputs):
        return None
    return CALCULATORS[calc.kind](calc, profile, messages)
