"""A percentage of a whole (settlements, payments, settled in national currencies) is a
claim of kind ``other`` in every language, and a growth of trade stays a growth."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims


def _kinds(text: str, language: str) -> list[tuple[float, str | None]]:
    return [(c.value, c.kind) for c in extract_claims(text, language=language).claims]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Putin said trade between Russia and Iran grew by 15.5% last year, and more than "
            "95% of settlements between their companies were made in rubles and rials.",
            [(15.5, "trade_growth"), (95.0, "other")],
        ),
        (
            "ru",
            "Товарооборот России и Ирана вырос. По словам посла, доля национальных валют во "
            "взаимных расчётах превышает 95%.",
            [(95.0, "other")],
        ),
        (
            "en",
            "Iran's envoy in Moscow said 96% of Russia-Iran trade is now paid in national "
            "currencies.",
            [(96.0, "other")],
        ),
        (
            "en",
            "The presidents of Russia and Iran welcomed the growth of bilateral trade, which "
            "increased by 22 percent in the first five months.",
            [(22.0, "trade_growth")],
        ),
        (
            "ru",
            "По словам Путина, товарооборот России и Ирана вырос на 15,5%, а более 95% расчетов "
            "между странами ведется в национальных валютах.",
            [(15.5, "trade_growth"), (95.0, "other")],
        ),
        (
            "ru",
            "Товарооборот России и Ирана вырос. По словам посла, доля национальных валют во "
            "взаимных расчётах превышает 95%.",
            [(95.0, "other")],
        ),
        (
            "fa",
            "به گفته پوتین، امروز بیش از ۹۵ درصد مبادلات ایران و روسیه با ریال و روبل انجام می‌شود.",
            [(95.0, "other")],
        ),
        (
            "fa",
            # "the share of the rouble and the rial in settling trade has passed 95 percent"
            "حجم تجارت ایران و روسیه رشد کرد. سفیر روسیه گفت سهم روبل و ریال در تسویه مبادلات "
            "دو کشور از ۹۵ درصد فراتر رفته است.",
            [(95.0, "other")],
        ),
        (
            "fa",
            # "settlement accounts", one word with its non-joiners, and "national moneys"
            "حجم تجارت ایران و روسیه رشد کرد. به گفته سفیر روسیه، بیش از ۹۰ درصد "
            "تسویه‌حساب‌های تجاری دو کشور با پول‌های ملی انجام می‌شود.",
            [(90.0, "other")],
        ),
    ],
)
def test_a_share_is_no_growth(
    language: str, text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _kinds(text, language) == expected
