"""A group that speaks ("Iranian media", "the Russian side") has one English name whatever
the language of the article, as a person has one canonical name: claimants then compare
across languages, and analysts can group mentions by who made them."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "ru",
            "Иранские СМИ сообщили, что Россия и Иран подписали контракт на 12 млрд долларов"
            " на разработку нефтяных месторождений.",
            "Iranian media",
        ),
        (
            "fa",
            "به گزارش رسانه‌های ایران، ایران و روسیه قراردادی به ارزش ۱۲ میلیارد دلار برای"
            " توسعه میدان‌های نفتی امضا کردند.",
            "Iranian media",
        ),
        (
            "en",
            "Iranian media reported that Iran and Russia had signed a $12 billion contract to"
            " develop oil fields.",
            "Iranian media",
        ),
        (
            "ru",
            "Российская сторона заявила, что Россия и Иран подписали соглашения на"
            " 12 млрд долларов в газовой отрасли.",
            "Russian side",
        ),
    ],
)
def test_a_group_claimant_has_its_english_name_in_every_language(
    language: str, text: str, claimant: str
) -> None:
    claims = extract_claims(text, language=language).claims
    assert [(c.value, c.claimant) for c in claims] == [(12e9, claimant)]


def test_a_group_without_a_name_of_its_own_keeps_its_words() -> None:
    """Only the phrases the cue data names are renamed."""
    text = (
        "Дипломатические источники сообщили, что Россия и Иран подписали контракт на"
        " 12 млрд долларов на разработку нефтяных месторождений."
    )
    claims = extract_claims(text, language="ru").claims
    assert [c.claimant for c in claims] == ["Дипломатические источники"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Iranian state television said Iran and Russia had signed a $12 billion contract to"
            " develop oil fields.",
        ),
        (
            "ru",
            "Иранское государственное телевидение сообщило, что Россия и Иран подписали контракт"
            " на 12 млрд долларов на разработку нефтяных месторождений.",
        ),
        (
            "fa",
            "به گزارش تلویزیون دولتی ایران، ایران و روسیه قراردادی به ارزش ۱۲ میلیارد دلار برای"
            " توسعه میدان‌های نفتی امضا کردند.",
        ),
    ],
)
def test_irans_state_television_is_the_broadcaster_by_its_canonical_name(
    language: str, text: str
) -> None:
    """The gazetteer names Iran's state broadcaster IRIB, and the labelling guide asks for
    canonical names; Russian already read it so."""
    claims = extract_claims(text, language=language).claims
    assert [(c.value, c.claimant) for c in claims] == [(12e9, "IRIB")]
