"""Benefits computed from the user's figures; each calculator kind is a function in a registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.answers import UNKNOWN
from knowledge.schema import Calculator, Messages, Sourced

CalcFn = Callable[[Calculator, dict[str, Any], Messages, str, dict[str, str]], "Result | None"]
"""(calculator, the user's profile, messages, the user's message, choice labels) → the result, or None."""

HIGH_TECH = "high_tech_certified"
"""The criterion that switches a calculation to the 15% rate of a 高新技术企业 (read beside the inputs)."""


@dataclass(frozen=True)
class Result:
    """A calculation's text; ``computed`` is False when the calculator explains why it does not apply."""

    text: str
    computed: bool = True
    ref: Sourced | None = None
    """The document this result rests on, when not the calculator's own (120% → 2023年第44号)."""


def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def super_deduction(
    calc: Calculator, profile: dict[str, Any], messages: Messages, text: str, labels: dict[str, str]
) -> Result | None:
    """研发费用加计扣除: extra deduction = spend × rate; tax saved = extra × income-tax rate."""
    spend = profile.get(calc.inputs[0])
    if not isinstance(spend, int | float) or isinstance(spend, bool) or spend < 0:
        return None
    p = calc.params
    refused = refusal(calc, profile, messages, labels)
    if refused:
        return Result(refused, False)
    rate = float(p["rate"])
    lines = []
    ref = None
    special = p.get("special_criterion")
    if special and profile.get(special) is True:
        rate = float(p["special_rate"])
        lines.append(messages.calc["super_deduction_special"].format(rate=_fmt(rate)))
        if p.get("special_source"):
            ref = Sourced(source=p["special_source"], clause=p.get("special_clause"))
    elif any(w in text for w in p.get("special_words", [])):
        lines.append(messages.calc["super_deduction_special_hint"].format(rate=_fmt(float(p["special_rate"]))))
    high_tech = profile.get(HIGH_TECH) is True
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
    if not high_tech:
        lines.append(messages.calc["super_deduction_other_rates"])
    return Result("\n".join(lines), ref=ref)


def refusal(calc: Calculator, profile: dict[str, Any], messages: Messages, labels: dict[str, str]) -> str | None:
    """Why the benefit is not for this enterprise (its industry is excluded), from what it said; else None."""
    industry = profile.get("industry")
    if industry is None or industry not in calc.params.get("excluded_industries", []):
        return None
    return messages.calc[f"{calc.kind}_excluded"].format(industry=labels.get(str(industry), industry))


CALCULATORS: dict[str, CalcFn] = {"super_deduction": super_deduction}
"""Calculator kind (as written in YAML) → function."""


def compute(
    calc: Calculator,
    profile: dict[str, Any],
    messages: Messages,
    text: str = "",
    labels: dict[str, str] | None = None,
    cite: Callable[[Sourced], str] | None = None,
) -> str | None:
    """The calculation text with its source, or None when an input is missing or unknown.

    An enterprise the benefit excludes is told so even before it gives the figures. ``cite`` names a
    document (the calculator's own, or the one a result rests on).
    """
    refused = refusal(calc, profile, messages, labels or {})
    if refused:
        return refused
    if any(profile.get(i) in (None, UNKNOWN) for i in calc.inputs):
        return None
    result = CALCULATORS[calc.kind](calc, profile, messages, text, labels or {})
    if result is None:
        return None
    if not result.computed:
        return result.text
    header = messages.calc_header
    source = messages.calc["source"].format(cite=cite(result.ref or calc)) if cite else ""
    return "\n".join(x for x in (header, result.text, source) if x)
