"""Russia's export pipelines to other markets name another country's deal: a figure about
them in an article on Iran and Russia is not an Iran–Russia claim."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        (
            "en",
            "Russia and Iran talked about gas swaps in Tehran. The Nord Stream lines had cost "
            "about $20 billion to lay before they were damaged.",
            "$20 billion",
        ),
        (
            "ru",
            "Россия и Иран обсудили поставки газа. Строительство «Северного потока» обошлось "
            "примерно в 20 млрд долларов.",
            "20 млрд долларов",
        ),
    ],
)
def test_a_pipeline_to_another_market_is_another_countrys_deal(
    language: str, text: str, figure: str
) -> None:
    extraction = extract_claims(text, language=language)
    assert [c.text for c in extraction.claims] == []
    assert (figure, "deal of another country") in [
        (o.text, o.why) for o in extraction.other_figures
    ]
