"""The money value of supplies, exports or imports at a level is trade, in every language;
a supply contract worth a sum stays a contract, and trade in another sector's goods is no
energy claim (cues ``kinds.trade_flow`` of extractors/data/cues/{en,ru,fa}.json)."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

_OPENING = {
    "en": "Russian and Iranian officials met in Tehran to talk about gas and oil.\n\n",
    "ru": "Российские и иранские чиновники обсудили в Тегеране нефть и газ.\n\n",
    "fa": "مقام‌های ایران و روسیه در تهران درباره نفت و گاز گفتگو کردند.\n\n",
}


def _kinds(language: str, sentence: str) -> list[tuple[float, str]]:
    claims = extract_claims(_OPENING[language] + sentence, language=language).claims
    return [(c.value, c.kind) for c in claims]


@pytest.mark.parametrize(
    ("language", "sentence", "value"),
    [
        ("ru", "Поставки из России в Иран за год составили 2,7 млрд долларов.", 2.7e9),
        ("ru", "Импорт иранских товаров в Россию впервые превысил $1,2 млрд.", 1.2e9),
        ("ru", "Российский экспорт в Иран по итогам года достиг 3,1 млрд долларов.", 3.1e9),
        ("en", "Russian exports to Iran came to $2.7 billion in the first nine months.", 2.7e9),
        ("en", "Imports from Iran exceeded $1.2 billion for the first time.", 1.2e9),
        ("fa", "صادرات روسیه به ایران در این مدت ۲٫۷ میلیارد دلار بوده است.", 2.7e9),
    ],
)
def test_exports_and_supplies_at_a_level_are_trade(
    language: str, sentence: str, value: float
) -> None:
    assert _kinds(language, sentence) == [(value, "trade_volume")]


@pytest.mark.parametrize(
    ("language", "sentence", "value"),
    [
        ("ru", "Стороны подписали контракт на поставку газа стоимостью 9 млрд долларов.", 9e9),
        ("en", "The two sides signed a gas supply contract worth $9 billion.", 9e9),
    ],
)
def test_a_supply_contract_worth_a_sum_stays_a_contract(
    language: str, sentence: str, value: float
) -> None:
    assert _kinds(language, sentence) == [(value, "contract_signed")]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "Экспорт российского ячменя в Иран за сезон достиг 400 млн долларов."),
        ("en", "Exports of Russian barley to Iran reached $400 million this season."),
    ],
)
def test_exports_of_another_sectors_goods_are_no_claim(language: str, sentence: str) -> None:
    assert _kinds(language, sentence) == []
