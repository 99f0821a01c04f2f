"""The subject of a verb of saying stays inside its clause and outside prepositional phrases: a
name before a semicolon, or right after "in", "with" ..., does not speak for what follows."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

CONTEXT = "Iran and Russia held energy talks this week. "


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        # a place before a semicolon does not speak after it
        (
            "Velayati's remarks drew attention in Tehran; Russia would put $50 billion into "
            "Iran's oil sector.",
            None,
        ),
        # the subject inside the clause still does
        (
            "The talks ran late; Velayati put the value of the Russian pledge at $50 billion in "
            "Iran's oil sector.",
            "Ali Akbar Velayati",
        ),
        # a name a preposition governs does not speak
        (
            "The talks in Tehran went well and Russia would put $50 billion into Iran's oil "
            "sector.",
            None,
        ),
        # a role placed in a city does
        (
            "Iran's ambassador in Moscow said Russia would put $50 billion into Iran's oil sector.",
            "Iran's ambassador in Moscow",
        ),
    ],
)
def test_who_speaks_for_the_figure(sentence: str, claimant: str | None) -> None:
    claims = extract_claims(CONTEXT + sentence, language="en").claims
    assert [(c.text, c.claimant) for c in claims] == [("$50 billion", claimant)]


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "en",
            "Russia and Iran discussed gas. Iranian officials have cited bigger figures: Iran's "
            "ambassador Kazem Jalali spoke of Russian supplies of up to 50 bcm a year.",
            "Kazem Jalali",
        ),
        (
            "ru",
            "Россия и Иран обсуждают газ. Иранские официальные лица называли более крупные "
            "цифры: посол Ирана Казем Джалали говорил о поставках до 50 млрд кубометров в год.",
            "Kazem Jalali",
        ),
        (
            "en",
            "Russia and Iran discussed gas. Velayati said: Russia would invest $50 billion in "
            "Iran's oil sector.",
            "Ali Akbar Velayati",
        ),
    ],
)
def test_a_verb_past_the_colon_heads_the_figures_clause(
    language: str, text: str, claimant: str
) -> None:
    claims = extract_claims(text, language=language).claims
    assert [(c.claimant, c.attributed_to) for c in claims] == [(claimant, None)]


def test_an_outlet_in_the_dative_is_the_listener_not_the_speaker() -> None:
    text = (
        "Россия и Иран обсуждают поставки газа. Посол Казем Джалали в интервью агентству ТАСС "
        "сказал, что Россия может поставлять в Иран до 5 млрд кубометров газа в год."
    )
    claims = extract_claims(text, language="ru").claims
    assert [c.claimant for c in claims] == ["Kazem Jalali"]


def test_a_semicolon_lists_what_the_same_voice_relays() -> None:
    text = (
        "Velayati spoke in Moscow on Thursday. A Russian firm, he said, had signed a $4 billion "
        "contract; and Putin had spoken of cooperation reaching $50 billion in Iran's oil sector."
    )
    claims = extract_claims(text, language="en").claims
    assert [(c.text, c.claimant, c.attributed_to) for c in claims] == [
        ("$4 billion", "Ali Akbar Velayati", None),
        ("$50 billion", "Ali Akbar Velayati", "Vladimir Putin"),
    ]
    assert extract_claims(text, language="en").kremlin_statements == []
