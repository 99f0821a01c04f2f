"""Claims: which figures are claims, their kind, qualifier, claimant, parties, period, modality."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.claims import extract_claims

LEAD = "Iran and Russia discussed energy cooperation in Moscow this week. "


def _claims(text: str, published: date | None = None):
    return extract_claims(LEAD + text, published=published).claims


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Rosneft signed a $3 billion contract with the National Iranian Oil Company.",
            "contract_signed",
        ),
        ("Two Russian firms are in talks on oil projects worth $7 billion.", "negotiation"),
        ("Russia is ready to invest $20 billion in Iranian gas fields.", "investment_pledge"),
        ("Trade between Iran and Russia grew by 12 percent.", "trade_growth"),
        ("Trade turnover between Iran and Russia reached $4.8 billion.", "trade_volume"),
        ("Russia will supply 2 bcm of gas a year to Iran.", "supply_volume"),
    ],
)
def test_kind(sentence: str, kind: str) -> None:
    assert [c.kind for c in _claims(sentence)] == [kind]


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("China pledged $400 billion for Iranian infrastructure.", "deal of another country"),
        ("Moscow lent €1.3 billion for a railway line to the Caspian coast.", "outside energy"),
        ("Brent traded at $80 a barrel on Monday.", "price"),
        ("A loaf of bread in Tehran costs 50,000 rials.", "price"),
    ],
)
def test_not_claims(sentence: str, why: str) -> None:
    result = extract_claims(LEAD + sentence)
    assert result.claims == []
    assert [o.why for o in result.other_figures if o.unit] == [why]


def test_document_without_both_countries_has_no_claims() -> None:
    result = extract_claims("Gazprom signed a $3 billion gas contract with a Turkish buyer.")
    assert result.claims == []
    assert result.other_figures[0].why == "not about Iran–Russia"


@pytest.mark.parametrize(
    ("sentence", "claimant", "attributed"),
    [
        (
            "Velayati said Russia would invest $50 billion in Iran's oil sector.",
            "Ali Akbar Velayati",
            None,
        ),
        (
            "Russia will invest $50 billion in Iran's oil sector, Velayeti told reporters.",
            "Ali Akbar Velayati",
            None,
        ),
        (
            "According to Zanganeh, Lukoil signed a $2 billion oil contract.",
            "Bijan Namdar Zanganeh",
            None,
        ),
        (
            "Velayati said Putin stressed that oil investment would reach $50 billion.",
            "Ali Akbar Velayati",
            "Vladimir Putin",
        ),
        (
            "Iranian state media reported that Russia would invest $30 billion in oil fields.",
            "Iranian state media",
            None,
        ),
    ],
)
def test_claimant(sentence: str, claimant: str, attributed: str | None) -> None:
    (claim,) = _claims(sentence)
    assert (claim.claimant, claim.attributed_to) == (claimant, attributed)


def test_pronoun_takes_last_speaker() -> None:
    text = (
        "Ali Akbar Velayati met Vladimir Putin on Thursday. Velayati said the talks went well. "
        "He added that a Russian oil company had signed a $4 billion contract."
    )
    (claim,) = _claims(text)
    assert claim.claimant == "Ali Akbar Velayati"


def test_quote_spanning_sentences_takes_speaker_named_after_it() -> None:
    text = (
        'Velayati spoke to reporters in Moscow.\n\n"Our cooperation is growing. A Russian company '
        "signed an oil contract worth $4 billion. Two more are negotiating gas projects reaching "
        '$10 billion," he went on.'
    )
    claims = _claims(text)
    assert [(c.value, c.qualifier, c.claimant) for c in claims] == [
        (4e9, "exact", "Ali Akbar Velayati"),
        (10e9, "up_to", "Ali Akbar Velayati"),
    ]


def test_role_phrase_resolves_to_named_person() -> None:
    text = (
        "Ali Akbar Velayati visited Moscow on Friday. The Iranian envoy said Russian firms "
        "would invest $10 billion in Iran's gas fields."
    )
    assert _claims(text)[0].claimant == "Ali Akbar Velayati"


def test_denied_and_hypothetical_modality() -> None:
    denied = _claims(
        "The oil ministry denied that it had signed a $4 billion contract with Lukoil."
    )
    maybe = _claims("Russian investment in Iranian oil could reach $50 billion if sanctions ease.")
    assert [c.modality for c in denied + maybe] == ["denied", "hypothetical"]


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "In the first four months of 2018, trade between the two countries grew 20 percent.",
            "2018-01/2018-04",
        ),
        ("Trade between Iran and Russia grew 10 percent last year.", "2021"),
        ("Russia plans to invest $5 billion in Iranian oil fields by 2030.", "../2030"),
    ],
)
def test_period(sentence: str, period: str) -> None:
    assert _claims(sentence, published=date(2022, 5, 1))[0].period == period


def test_parties() -> None:
    (claim,) = _claims("Two Russian oil giants signed contracts with NIOC worth $3 billion.")
    assert claim.parties == ("Two Russian oil giants", "National Iranian Oil Company")


def test_range_claim_to_dict() -> None:
    (claim,) = _claims(
        "Gazprom is negotiating gas deals worth between $40 billion and $50 billion."
    )
    data = claim.to_dict()
    assert (data["qualifier"], data["value"], data["value_high"]) == ("range", 40e9, 50e9)
    assert data["modality"] == "asserted"


def test_empty_text() -> None:
    result = extract_claims("")
    assert result.to_dict() == {"claims": [], "kremlin_statements": [], "other_figures": []}
