"""A figure in the content clause of a noun of saying belongs to the noun's owner:
"X's claim that ...", "the minister's estimate that ..."."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

CONTEXT = "Iran and Russia held energy talks in Moscow this week. "


@pytest.mark.parametrize(
    ("sentence", "figure", "claimant"),
    [
        (
            "The evening bulletin replayed Velayati's claim that Russia would put $50 billion "
            "into Iran's oil sector.",
            "$50 billion",
            "Ali Akbar Velayati",
        ),
        (
            "Analysts doubted Novak's latest estimate that trade with Iran would reach "
            "$5 billion this year.",
            "$5 billion",
            "Alexander Novak",
        ),
    ],
)
def test_the_owner_of_the_claim_noun_is_the_claimant(
    sentence: str, figure: str, claimant: str
) -> None:
    claims = extract_claims(CONTEXT + sentence, language="en").claims
    assert [(c.text, c.claimant) for c in claims] == [(figure, claimant)]


@pytest.mark.parametrize(
    "sentence",
    [
        # the noun of saying heads no clause: the figure is only its topic
        "Velayati's remarks about a $50 billion Russian investment in Iran's oil sector "
        "drew attention.",
        # an owner with a noun that is not one of saying
        "Velayati's visit came as Russia weighed a $50 billion investment in Iran's oil sector.",
    ],
)
def test_without_a_content_clause_the_owner_claims_nothing(sentence: str) -> None:
    claims = extract_claims(CONTEXT + sentence, language="en").claims
    assert [(c.text, c.claimant) for c in claims] == [("$50 billion", None)]
