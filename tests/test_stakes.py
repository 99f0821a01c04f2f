"""Percentages next to a stake or a price (cues ``context.stakes`` and
``context.price_shares`` of extractors/data/cues/{en,ru,fa}.json): a partner's stake in an
Iran–Russia project is a term of that deal, a claim of kind ``other``; a stake in another
country's project, a price discount and a share price are not deal figures."""

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
        ("en", "Trade rose 12% and Russian oil will be sold at a discount of 25%.", [12.0]),
        ("fa", "حجم تجارت ۱۲ درصد افزایش یافت و نفت روسیه با تخفیف ۲۵ درصدی فروخته می‌شود.", [12.0]),
        ("en", "Trade rose 12%, while shares in Gazprom rose 1.8% in Moscow.", [12.0]),
    ],
)
def test_discounts_and_share_prices_are_other_figures(
    language: str, sentence: str, claimed: list[float]
) -> None:
    result = _extract(language, sentence)
    assert [c.value for c in result.claims] == claimed
    prices = [o for o in result.other_figures if o.why.startswith("a price discount")]
    assert [o.unit for o in prices] == ["%"]


@pytest.mark.parametrize(
    ("language", "sentence", "claimed"),
    [
        ("en", "Gazprom will take a 60% stake in the Iranian field.", [60.0]),
        (
            "en",
            "Zarubezhneft is to hold 80 percent of the project, and Dana Energy the "
            "remaining 20 percent.",
            [80.0, 20.0],
        ),
        ("ru", "«Газпром» получит долю в 60% в новом иранском проекте.", [60.0]),
        (
            "ru",
            "Доля «Зарубежнефти» в консорциуме составит 80%, оставшиеся 20% достанутся "
            "иранской компании.",
            [80.0, 20.0],
        ),
        (
            "fa",
            "سهم زاروبژنفت در این کنسرسیوم ۸۰ درصد و سهم شریک ایرانی ۲۰ درصد است.",
            [80.0, 20.0],
        ),
    ],
)
def test_a_partners_stake_in_an_iran_russia_project_is_a_claim(
    language: str, sentence: str, claimed: list[float]
) -> None:
    claims = _extract(language, sentence).claims
    assert [(c.value, c.unit, c.kind) for c in claims] == [(v, "%", "other") for v in claimed]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Rosneft also owns a 49% stake in an Indian refinery."),
        ("en", "In Kazakhstan, Transneft holds a 24% stake in the pipeline consortium."),
        ("ru", "В Египте «Роснефть» владеет долей в 30% в газовом месторождении."),
        (
            "en",
            "Chevron holds a 15% stake in the pipeline, and Russia's Transneft and "
            "Kazakhstan's KazMunayGas share the rest.",
        ),
    ],
)
def test_a_stake_in_another_countrys_project_is_no_claim(language: str, sentence: str) -> None:
    result = _extract(language, sentence)
    assert result.claims == []
    assert [o.unit for o in result.other_figures] == ["%"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Iran holds about 17% of the world's proven gas reserves."),
        ("ru", "Доля Ирана в мировой торговле газом составляет менее 1%."),
        ("fa", "سهم ایران از تجارت جهانی گاز کمتر از یک درصد است."),
    ],
)
def test_a_share_of_a_world_market_is_no_claim(language: str, sentence: str) -> None:
    result = _extract(language, sentence)
    assert result.claims == []
    assert [o.unit for o in result.other_figures] == ["%"]
