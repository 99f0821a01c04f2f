"""Russia's export pipelines to other markets name another country's deal: a figure about
them in an article on Iran and Russia is not an Iran–Russia claim."""

from __future__ import annotations

from extractors.claims import extract_claims


def test_a_pipeline_to_another_market_is_another_countrys_deal() -> None:
    text = (
        "Russia and Iran talked about gas swaps in Tehran. The Nord Stream lines had cost "
        "about $20 billion to lay before they were damaged."
    )
    extraction = extract_claims(text, language="en")
    assert [c.text for c in extraction.claims] == []
    assert ("$20 billion", "deal of another country") in [
        (o.text, o.why) for o in extraction.other_figures
    ]


def test_in_russian_too() -> None:
    text = (
        "Россия и Иран обсудили поставки газа. Строительство «Северного потока» обошлось "
        "примерно в 20 млрд долларов."
    )
    extraction = extract_claims(text, language="ru")
    assert [c.text for c in extraction.claims] == []
    assert ("20 млрд долларов", "deal of another country") in [
        (o.text, o.why) for o in extraction.other_figures
    ]
