"""Kremlin statements: speaker, role, stance, what they are about; and what is not one."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

LEAD = (
    "Ali Akbar Velayati said on Friday that Russian companies would invest $50 billion "
    "in Iran's oil and gas sector.\n\n"
)


def _statements(text: str):
    return extract_claims(LEAD + text).kremlin_statements


@pytest.mark.parametrize(
    ("text", "speaker", "role", "stance"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said he could not confirm Velayati's claims.",
            "Dmitry Peskov",
            "kremlin_spokesman",
            "cannot_confirm",
        ),
        (
            "Dmitri Peskow told reporters he had no information about the deal.",
            "Dmitry Peskov",
            "kremlin_spokesman",
            "cannot_confirm",
        ),
        (
            "The Kremlin denied the reports of an oil deal.",
            "Kremlin",
            "kremlin_press_service",
            "deny",
        ),
        (
            "Presidential aide Yuri Ushakov confirmed that the oil agreement had been signed.",
            "Yuri Ushakov",
            "presidential_aide",
            "confirm",
        ),
        (
            "Peskov declined to comment on the reported investment.",
            "Dmitry Peskov",
            "kremlin_spokesman",
            "no_comment",
        ),
        (
            '"There is no such agreement," Peskov said of the oil deal.',
            "Dmitry Peskov",
            "kremlin_spokesman",
            "deny",
        ),
        (
            "Russian Energy Minister Alexander Novak dismissed the figures as premature.",
            "Alexander Novak",
            "russian_minister",
            "deny",
        ),
    ],
)
def test_speaker_role_stance(text: str, speaker: str, role: str, stance: str) -> None:
    (statement,) = _statements(text)
    assert (statement.speaker, statement.role, statement.stance) == (speaker, role, stance)


def test_about_claimant_by_possessive_and_values() -> None:
    (statement,) = _statements("Peskov said he could not confirm Velayati's figure of $50 billion.")
    assert statement.about_claimant == "Ali Akbar Velayati"
    assert statement.about_values == (50e9,)


def test_about_claimant_by_role_phrase() -> None:
    (statement,) = _statements("Peskov said he was not aware of the Iranian envoy's remarks.")
    assert statement.about_claimant == "Ali Akbar Velayati"


@pytest.mark.parametrize(
    "text",
    [
        "Peskov confirmed that Putin would travel to Kazan next week.",
        "Moscow never confirmed the figures.",
        "The U.S. State Department denied any talks with Tehran about oil.",
        "An Iranian official denied the reports of an oil deal.",
    ],
)
def test_not_a_kremlin_statement(text: str) -> None:
    assert _statements(text) == []


def test_to_dict_shape() -> None:
    (statement,) = _statements("Peskov said he could not confirm the $50 billion figure.")
    data = statement.to_dict()
    assert set(data) == {"speaker", "role", "stance", "about", "sentence", "start", "end"}
    assert data["about"] == {"claimant": None, "values": [50000000000]}
