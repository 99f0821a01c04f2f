"""Unnamed sources in English news: the people "familiar with" or "briefed on" something, and
spokesmen named by their institution, are the claimants of what they are said to have said."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims
from extractors.cues import load_cues
from extractors.people import find_mentions
from extractors.sentences import segment

CUES = load_cues("en")


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        (
            "Moscow and Tehran are discussing a barter scheme for Iranian crude. Russia could "
            "take as much as 300,000 barrels a day under the plan, people familiar with the "
            "negotiations said on Monday.",
            "300,000 barrels a day",
            "people familiar with the negotiations",
        ),
        (
            "Talks between Iran and Russia on gas continued this week. A person briefed on the "
            "plans said Gazprom was ready to invest $6 billion in Iranian fields.",
            "$6 billion",
            "A person briefed on the plans",
        ),
        (
            "Russia and Iran signed a new energy roadmap. Sources close to the talks said the "
            "first phase was worth about $3 billion.",
            "$3 billion",
            "Sources close to the talks",
        ),
        (
            "Iran's oil minister met Russian executives in Tehran. A company spokesman said "
            "Rosneft had agreed a $2 billion contract with the National Iranian Oil Company.",
            "$2 billion",
            "A company spokesman",
        ),
    ],
)
def test_an_unnamed_source_is_the_claimant(text: str, figure: str, claimant: str) -> None:
    claims = extract_claims(text, language="en").claims
    assert [(c.text, c.claimant) for c in claims] == [(figure, claimant)]


def test_a_people_without_a_complement_is_not_a_source() -> None:
    text = "Velayati said the Iranian people would welcome a $10 billion contract with Rosneft."
    mentions = find_mentions(text, segment(text, CUES), CUES)
    assert "the Iranian people" not in [m.text for m in mentions]
    claims = extract_claims(f"Iran and Russia held talks in Moscow. {text}", language="en").claims
    assert [c.claimant for c in claims] == ["Ali Akbar Velayati"]
