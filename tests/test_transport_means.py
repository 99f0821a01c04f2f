"""A transport named as the way goods travel ("by rail", "по железной дороге") is not the
sector a figure counts: fuel shipped by rail is still an energy supply. A railway that is
itself what the money is for (a loan for a line) stays outside energy."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Iran and Russia widened their energy ties this year.\n\n"
            "Russia will send up to 3 million tonnes of diesel and petrol a year to Iran by rail,"
            " the deputy prime minister said.",
        ),
        (
            "ru",
            "Иран и Россия расширили энергетическое сотрудничество.\n\n"
            "Россия будет поставлять в Иран по железной дороге до 3 млн тонн дизельного топлива"
            " и бензина в год, сообщил вице-премьер.",
        ),
    ],
)
def test_fuel_shipped_by_rail_is_an_energy_supply(language: str, text: str) -> None:
    claims = extract_claims(text, language=language).claims
    assert [(c.value, c.unit, c.kind) for c in claims] == [(3e6, "t", "supply_volume")]


def test_a_loan_for_a_railway_stays_outside_energy() -> None:
    text = (
        "Iran and Russia signed a transport agreement.\n\n"
        "Russia will lend Iran $1.3 billion to build the Rasht–Astara railway, officials said."
    )
    result = extract_claims(text)
    assert result.claims == []
    assert [o.why for o in result.other_figures if o.unit == "USD"] == ["outside energy"]
