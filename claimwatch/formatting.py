"""Figures as people write them ("$4 billion", "up to 55 bcm"), for tables and emails."""

from __future__ import annotations

CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
QUALIFIER_WORDS = {"up_to": "up to ", "at_least": "at least ", "about": "about "}


def _number(value: float) -> str:
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _amount(value: float, unit: str) -> str:
    if unit in CURRENCY_SIGNS:
        return f"{CURRENCY_SIGNS[unit]}{_number(value)}"
    if unit == "%":
        return f"{_number(value)}%"
    return f"{_number(value)} {unit}"


def figure(
    value: float, unit: str, *, value_high: float | None = None, qualifier: str | None = None
) -> str:
    """``figure(4e9, "USD")`` → "$4 billion"; a range → "$4 billion–$5 billion"."""
    text = _amount(value, unit)
    if value_high is not None:
        text += f"–{_amount(value_high, unit)}"
    return QUALIFIER_WORDS.get(qualifier or "", "") + text
