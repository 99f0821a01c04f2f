"""English report nouns and impersonal stances, as in Russian. A stance whose only topic is
"the reports" or "information" is a statement about a claim only in a text that reports one;
a stance whose subject is the thing reported ("... were untrue") is the speaker's, not a name's
inside what is said."""

from __future__ import annotations

from extractors.claims import extract_claims


def test_no_information_about_a_meeting_is_no_statement_without_a_claim() -> None:
    text = (
        "Iran and Russia discussed energy this week. Kremlin spokesman Dmitry Peskov said he "
        "had no information about the reports of a meeting between the two presidents."
    )
    assert extract_claims(text, language="en").kremlin_statements == []


def test_no_information_about_these_reports_answers_the_claim_before() -> None:
    text = (
        "Iran's envoy said Russia would invest $50 billion in Iran's oil sector. Kremlin "
        "spokesman Dmitry Peskov said he had no information about these reports."
    )
    found = extract_claims(text, language="en").kremlin_statements
    assert [(s.speaker, s.stance, s.about_claimant) for s in found] == [
        ("Dmitry Peskov", "cannot_confirm", "Iran's envoy")
    ]


def test_an_impersonal_denial_is_the_speakers_not_the_name_inside_it() -> None:
    claim = (
        "Iran's envoy Ali Akbar Velayati said Russia would invest $50 billion in Iran's oil "
        "sector. "
    )
    for sentence in (
        "Kremlin spokesman Dmitry Peskov said reports that Velayati had secured the pledge "
        "were untrue.",
        '"Reports that Velayati secured such a pledge do not correspond to reality," Kremlin '
        "spokesman Dmitry Peskov told reporters.",
    ):
        found = extract_claims(claim + sentence, language="en").kremlin_statements
        assert [(s.speaker, s.stance) for s in found] == [("Dmitry Peskov", "deny")]


def test_a_non_russian_calling_doubts_groundless_is_no_kremlin_statement() -> None:
    text = (
        "Iran's envoy Ali Akbar Velayati said Russia would invest $50 billion in Iran's oil "
        "sector. Velayati said the doubts voiced in Moscow were groundless."
    )
    assert extract_claims(text, language="en").kremlin_statements == []


def test_an_agreement_said_to_be_reached_confirms_and_none_denies() -> None:
    claim = "Velayati said Russia would invest $50 billion in Iran's oil sector. "
    cases = [
        ('"The volumes and the route are settled," Novak told reporters.', "confirm"),
        ("Novak said an agreement has been reached on the investment.", "confirm"),
        ("Novak said no agreement has been reached on the investment.", "deny"),
        ('"No agreement of this kind has been signed," Novak told reporters.', "deny"),
    ]
    for sentence, stance in cases:
        found = extract_claims(claim + sentence, language="en").kremlin_statements
        assert [(s.speaker, s.stance) for s in found] == [("Alexander Novak", stance)], sentence
