"""A company's stake or a price discount is not a deal figure, even in a sentence about
trade (cue ``context.stakes`` of extractors/data/cues/{en,ru,fa}.json)."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

_OPENING = {
    "en": "Russian and Iranian officials met in Tehran to talk about gas and trade.\n\n",
    "ru": "Российские и иранские чиновники обсудили в Тегеране газ и торговлю.\n\n",
    "fa": "مقام‌های ایران و روسیه در تهران درباره گاز و تجارت گفتگو کردند.\n\n",
}


def _extract(language: str, sentence: str):
    return extract_claims(_OPENING[language] + sentence, language=language)


@pytest.mark.parametrize(
    ("language", "sentence", "claimed"),
    [
        ("ru", "Товарооборот вырос на 12%, а скидка на российскую нефть достигнет 25%.", [12.0]),
        ("ru", "Товарооборот растет, и «Газпром» получит долю в 60% в новом проекте.", []),
        ("en", "Trade rose 12% and Russian oil will be sold at a discount of 25%.", [12.0]),
        ("en", "Trade is growing and Gazprom will take a 60% stake in the field.", []),
        ("fa", "حجم تجارت ۱۲ درصد افزایش یافت و نفت روسیه با تخفیف ۲۵ درصدی فروخته می‌شود.", [12.0]),
    ],
)
def test_stakes_and_discounts_are_other_figures(
    language: str, sentence: str, claimed: list[float]
) -> None:
    result = _extract(language, sentence)
    assert [c.value for c in result.claims] == claimed
    stakes = [o for o in result.other_figures if o.why.startswith("a stake or a discount")]
    assert [o.unit for o in stakes] == ["%"]
