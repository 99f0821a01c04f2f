"""Clause breaks are words and punctuation, never pieces of words: "but" is not found in
"distribution", ", и" does not open ", Иран", and "اما" (but) is not the start of "امارات"."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims
from extractors.cues import load_cues
from extractors.sentences import clause, segment


@pytest.mark.parametrize(
    ("language", "text", "figure", "expected"),
    [
        (
            "en",
            "Gazprom's gas distribution network in the north would cost $2 billion.",
            "$2 billion",
            "Gazprom's gas distribution network in the north would cost $2 billion.",
        ),
        (
            "ru",
            "Об этом сообщил министр, Иран получит 5 млрд долларов.",
            "5 млрд долларов",
            "Об этом сообщил министр, Иран получит 5 млрд долларов.",
        ),
        (
            "en",
            "Exports fell, but imports reached $3 billion.",
            "$3 billion",
            " imports reached $3 billion.",
        ),
    ],
)
def test_the_clause_of_a_figure(language: str, text: str, figure: str, expected: str) -> None:
    cues = load_cues(language)
    sentence = segment(text, cues).sentences[0]
    lo, hi = clause(text, sentence, text.index(figure), cues)
    assert text[lo:hi] == expected


def test_a_country_named_at_a_clause_start_is_a_party_of_its_figure() -> None:
    text = (
        "ایران و روسیه در سال گذشته ۴ میلیارد دلار تجارت کردند. امارات با ۲۷ میلیارد دلار "
        "در صدر شرکای تجاری ایران قرار دارد."
    )
    extraction = extract_claims(text, language="fa")
    assert [c.value for c in extraction.claims] == [4_000_000_000]
    assert [(o.value, o.why) for o in extraction.other_figures] == [
        (27_000_000_000, "deal of another country")
    ]
