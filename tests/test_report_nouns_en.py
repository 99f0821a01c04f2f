"""In English as in Russian, a stance whose only topic is "the reports" or "information" is a
statement about a claim only in a text that reports one."""

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
