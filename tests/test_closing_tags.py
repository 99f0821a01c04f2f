"""A speech tag that closes a sentence after a comma ("..., he added.") speaks for the whole
sentence before it: whoever makes a pledge inside that sentence is the one the claimant
relays (attributed_to), as in "Velayati said Putin stressed ...". An outlet or a group that
closes a sentence reports it; it does not take the claim from the speaker named inside."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

OPENING = (
    "Ali Akbar Velayati met Vladimir Putin in Moscow on Thursday.\n\n"
    "Russian firms will put $30 billion into Iran's oil sector, Velayati said. "
)


@pytest.mark.parametrize(
    ("sentence", "claimant", "attributed_to"),
    [
        (
            "Gazprom has pledged another $8 billion for gas fields, he added.",
            "Ali Akbar Velayati",
            "Gazprom",
        ),
        (
            "The Russian side has pledged another $8 billion for gas fields, Velayati added.",
            "Ali Akbar Velayati",
            "The Russian side",
        ),
        (
            "Russian officials have pledged another $8 billion for gas fields, said Velayati"
            " on Friday.",
            "Ali Akbar Velayati",
            "Russian officials",
        ),
    ],
)
def test_a_closing_tag_relays_the_pledge_before_it(
    sentence: str, claimant: str, attributed_to: str
) -> None:
    claims = extract_claims(OPENING + sentence).claims
    assert [(c.value, c.claimant, c.attributed_to) for c in claims][-1] == (
        8e9,
        claimant,
        attributed_to,
    )


def test_a_closing_tag_in_russian_after_the_figure() -> None:
    text = (
        "Али Акбар Велаяти встретился с Владимиром Путиным в Москве.\n\n"
        "Российская сторона пообещала выделить еще 8 млрд долларов на газовые"
        " месторождения в Иране, добавил Велаяти."
    )
    claims = extract_claims(text, language="ru").claims
    assert [(c.claimant, c.attributed_to) for c in claims] == [
        ("Ali Akbar Velayati", "Russian side")
    ]


def test_an_outlet_closing_the_sentence_reports_the_speaker_inside() -> None:
    text = (
        OPENING + "Velayati also said Putin had promised another $8 billion for gas fields,"
        " Iranian state media reported."
    )
    claims = extract_claims(text).claims
    assert claims[-1].claimant == "Ali Akbar Velayati"
