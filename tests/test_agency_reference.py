"""A bare "the agency" refers back to the news outlet named before it, as a role phrase
does to a person; an outlet's own name after the noun speaks for itself."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims


def _claimants(text: str, language: str) -> list[str | None]:
    return [c.claimant for c in extract_claims(text, language=language).claims]


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "en",
            "Tasnim news agency carried the report on Sunday. According to the agency, Russia "
            "will sell Iran up to 2 billion cubic metres of gas a year.",
            "Tasnim",
        ),
        (
            "ru",
            "Об этом сообщило иранское агентство Shana. По данным агентства, Россия будет "
            "поставлять в Иран до 2 млрд кубометров газа в год.",
            "Shana",
        ),
        (
            "fa",
            "خبرگزاری تسنیم این خبر را منتشر کرد. به گزارش این خبرگزاری، روسیه سالانه تا ۲ "
            "میلیارد مترمکعب گاز به ایران صادر می‌کند.",
            "Tasnim",
        ),
    ],
)
def test_the_agency_is_the_outlet_named_before(language: str, text: str, claimant: str) -> None:
    assert _claimants(text, language) == [claimant]


def test_the_agency_with_no_outlet_before_names_no_one() -> None:
    text = "According to the agency, Russia will sell Iran up to 2 billion cubic metres of gas."
    assert _claimants(text, "en") == [None]


def test_a_speaker_in_the_sentence_outranks_the_outlet_reporting_it() -> None:
    text = (
        "به گزارش خبرگزاری تسنیم، محسن پاک‌نژاد گفت روسیه سالانه تا ۲ میلیارد مترمکعب "
        "گاز به ایران صادر می‌کند."
    )
    assert _claimants(text, "fa") == ["Mohsen Paknejad"]
