"""Figure finder: money, percentages, volumes, ranges, qualifiers, and non-figures."""

from __future__ import annotations

import pytest

from extractors.cues import load_cues
from extractors.figures import find_figures, find_not_figures

CUES = load_cues("en")


def _one(text: str):
    figures = [f for f in find_figures(text, CUES) if f.unit is not None]
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a deal worth $4 billion was announced", 4e9, "USD"),
        ("the $4bn plan", 4e9, "USD"),
        ("a $4-billion agreement", 4e9, "USD"),
        ("US$10 billion in projects", 10e9, "USD"),
        ("USD 10 billion in projects", 10e9, "USD"),
        ("4 billion dollars of work", 4e9, "USD"),
        ("four billion dollars of work", 4e9, "USD"),
        ("a billion dollars of work", 1e9, "USD"),
        ("some 12 and a half billion dollars", 12.5e9, "USD"),
        ("$12 and a half billion in credit", 12.5e9, "USD"),
        ("two and a half billion dollars of work", 2.5e9, "USD"),
        ("Twenty-five billion euros were pledged", 25e9, "EUR"),
        # an amount in words as a hyphenated adjective, a percentage in words
        ("a twenty-billion-dollar package", 20e9, "USD"),
        ("Eighty-five percent of the cost", 85, "%"),
        ("grew by more than five per cent", 5, "%"),
        ("a loan of €1.3 billion", 1.3e9, "EUR"),
        ("EUR 2 billion in credit", 2e9, "EUR"),
        ("2.8 trillion rubles of payments", 2.8e12, "RUB"),
        ("900 million roubles", 9e8, "RUB"),
        ("5 trillion rials in credit", 5e12, "IRR"),
        ("300 billion tomans in credit", 3e12, "IRR"),
        ("a unit worth $740m", 7.4e8, "USD"),
        ("a unit worth $742 million", 7.42e8, "USD"),
        ("a payment of $1,500,000", 1.5e6, "USD"),
        ("1.5 million barrels a day", 1.5e6, "bbl/d"),
        ("1.5 million bpd", 1.5e6, "bbl/d"),
        ("400,000 b/d", 4e5, "bbl/d"),
        ("55 bcm of gas", 55, "bcm"),
        ("55 billion cubic metres of gas", 55, "bcm"),
        ("55 billion cubic meters of gas", 55, "bcm"),
        ("3 million tonnes of fuel", 3e6, "t"),
        ("grew 36%", 36, "%"),
        ("grew 36 percent", 36, "%"),
        ("grew 36 per cent", 36, "%"),
    ],
)
def test_value_and_unit(text: str, value: float, unit: str) -> None:
    figure = _one(text)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("it may cost $4–5 billion", 4e9, 5e9),
        ("it may cost $4-$5 billion", 4e9, 5e9),
        ("between $40 billion and $50 billion", 40e9, 50e9),
        ("from 40 to 50 billion dollars", 40e9, 50e9),
        ("4-5 percent", 4, 5),
        # a number word opens a range whose unit and scale are written once
        ("one to two billion cubic metres a year", 1, 2),
        ("between four and five billion dollars", 4e9, 5e9),
    ],
)
def test_ranges(text: str, low: float, high: float) -> None:
    figure = _one(text)
    assert (figure.qualifier, figure.value, figure.value_high) == (
        "range",
        pytest.approx(low),
        pytest.approx(high),
    )


@pytest.mark.parametrize(
    ("language", "text", "low", "high"),
    [
        ("ru", "от одного до двух миллиардов кубометров", 1, 2),
        ("ru", "два-три миллиарда кубометров", 2, 3),  # a pair of numbers, not their sum
        ("fa", "یک تا دو میلیارد متر مکعب", 1, 2),
    ],
)
def test_ranges_in_words_in_other_languages(
    language: str, text: str, low: float, high: float
) -> None:
    (figure,) = find_figures(text, load_cues(language))
    assert (figure.qualifier, figure.value, figure.value_high) == ("range", low, high)


@pytest.mark.parametrize(
    "text",
    [
        "four and five billion dollars",  # "and" joins a range only after "between"
        "in one to two years, a $5 billion plant",  # the next figure has no scale word
    ],
)
def test_a_number_word_alone_opens_no_range(text: str) -> None:
    assert all(f.qualifier != "range" for f in find_figures(text, CUES))


def test_change_keeps_new_level() -> None:
    figures = find_figures("turnover rose from $2 billion to $3 billion", CUES)
    assert [(f.value, f.why_not) for f in figures] == [(2e9, "earlier value"), (3e9, None)]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("contracts with a $10 billion ceiling", "up_to"),
        ("up to $10 billion", "up_to"),
        ("as much as $10 billion", "up_to"),
        ("projects reaching $10 billion", "up_to"),
        ("touching $50 billion", "up_to"),
        ("worth up to $10 billion", "up_to"),
        ("a cap of $10 billion", "up_to"),
        ("at least $5 billion", "at_least"),
        ("more than $5 billion", "at_least"),
        ("over $5 billion", "at_least"),
        ("exceeding $5 billion", "at_least"),
        ("in excess of $5 billion", "at_least"),
        ("could exceed $5 billion", "at_least"),
        # the longest phrase before the figure decides
        ("less than $5 billion", "up_to"),
        ("no less than $5 billion", "at_least"),
        ("just under $5 billion", "about"),
        ("trade approached $5 billion", "about"),
        ("about $5 billion", "about"),
        ("around $5 billion", "about"),
        ("nearly $5 billion", "about"),
        ("some $5 billion", "about"),
        ("approximately $5 billion", "about"),
        ("roughly $5 billion", "about"),
        ("an estimated $5 billion", "about"),
        ("almost $5 billion", "about"),
        ("a $5 billion contract", "exact"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert _one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("banner 728 x 90 here", "page furniture"),
        ("on Monday, July 16, 2018 in Moscow", "date"),
        ("on 16 July 2018 in Moscow", "date"),
        ("at 10:30 GMT", "time"),
        ("call +7 495 123 45 67 now", "phone number"),
        ("a 67-year-old diplomat", "age"),
        ("12 people were killed in the blast", "casualty count"),
        ("see article 1234567", "article id"),
        ("back in 2014", "year"),
    ],
)
def test_not_figures(text: str, why: str) -> None:
    assert [n.why for n in find_not_figures(text, CUES)] == [why]


def test_value_usd_for_euro_and_none_for_rial() -> None:
    assert _one("€1 billion").value_usd == pytest.approx(1.1e9)
    assert _one("5 trillion rials").value_usd is None


def test_no_figures_in_plain_words() -> None:
    assert [f for f in find_figures("two Russian oil giants met", CUES) if f.unit] == []


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("en", "up to 500,000 barrels of Iranian crude per day", ("500,000 barrels", "bbl/d")),
        ("en", "some 90,000 barrels of light oil a day", ("90,000 barrels", "bbl/d")),
        ("en", "10 million barrels were in storage, a day later", ("10 million barrels", "bbl")),
        ("fa", "تا ۵۰۰ هزار بشکه نفت خام ایران در روز", ("۵۰۰ هزار بشکه نفت", "bbl/d")),
    ],
)
def test_a_rate_phrase_a_few_words_after_the_unit_makes_a_rate(
    language: str, text: str, found: tuple[str, str]
) -> None:
    figures = [(f.text, f.unit) for f in find_figures(text, load_cues(language)) if f.unit]
    assert figures == [found]


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        (
            "en",
            "Trade reached $4 billion last year and should near 5 billion.",
            [("$4 billion", "USD"), ("5 billion", "USD")],
        ),
        (
            "ru",
            "Оборот превысил 4 млрд долларов и в этом году приблизится к 5 миллиардам.",
            [("4 млрд долларов", "USD"), ("5 миллиардам", "USD")],
        ),
        (
            "en",
            "Russia invested $4 billion in Iran, a country of 85 million people.",
            [("$4 billion", "USD"), ("85 million", None)],
        ),
        (
            "en",
            "Trade reached $4 billion. Iran has 85 million.",
            [("$4 billion", "USD"), ("85 million", None)],
        ),
    ],
)
def test_a_sum_ending_its_clause_takes_the_currency_written_before_it(
    language: str, text: str, found: list[tuple[str, str | None]]
) -> None:
    assert [(f.text, f.unit) for f in find_figures(text, load_cues(language))] == found


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        (
            "ru",
            "Сделку оценили в $30 млрд. По словам источника, итог будет «в районе 18–20 млрд».",
            [("$30 млрд.", "USD", 30e9, None), ("18–20 млрд", "USD", 18e9, 20e9)],
        ),
        (
            "ru",
            "Сделка стоит 12 млрд долларов. «Двенадцать миллиардов — это потолок», — сказал он.",
            [("12 млрд долларов", "USD", 12e9, None), ("Двенадцать миллиардов", "USD", 12e9, None)],
        ),
        (
            "en",
            "Exports reached 2 billion cubic metres. Talk is of up to 55 billion.",
            [("2 billion cubic metres", "bcm", 2.0, None), ("55 billion", "bcm", 55.0, None)],
        ),
        (
            "ru",
            "Экспорт составил 12,9 млрд куб. м. Если выйти хотя бы на 10–15 млрд, будет рост.",
            [("12,9 млрд куб. м", "bcm", 12.9, None), ("10–15 млрд", "bcm", 10.0, 15.0)],
        ),
        (
            "ru",
            "Речь о 55 млрд кубов в год. «Пятьдесят пять миллиардов - это горизонт десятилетия».",
            [
                ("55 млрд кубов", "bcm", 55.0, None),
                ("Пятьдесят пять миллиардов", "bcm", 55.0, None),
            ],
        ),
    ],
)
def test_a_bare_amount_in_billions_takes_the_unit_of_the_amount_of_its_scale_before_it(
    language: str, text: str, found: list[tuple[str, str, float, float | None]]
) -> None:
    figures = find_figures(text, load_cues(language))
    assert [(f.text, f.unit, f.value, f.value_high) for f in figures] == found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Russia pledged $200 million for the plant. Iran, a country of 88 million, waits."),
        ("ru", "Россия вложит 200 млн долларов в станцию. В Иране живут 88 млн."),
        ("en", "Russia pledged $2 billion for the plant. Output may reach 3 million."),
    ],
)
def test_bare_millions_and_other_scales_take_no_unit_across_sentences(
    language: str, text: str
) -> None:
    figures = find_figures(text, load_cues(language))
    assert [f.unit for f in figures] == ["USD", None]


@pytest.mark.parametrize(
    ("language", "text", "span", "why"),
    [
        ("en", "signed on Friday, March 2, 2018, in Moscow", "Friday, March 2, 2018", "date"),
        ("en", "due on Tuesday 3rd of May 2016 at noon", "Tuesday 3rd of May 2016", "date"),
        ("en", "the plant opened in Sept. 2019", "Sept. 2019", "date"),
        ("en", "the engineer, aged 52, retired", "aged 52", "age"),
        ("en", "the death toll rose to 41 overnight", "death toll rose to 41", "casualty count"),
        ("en", "archived as story 9876543 online", "story 9876543", "article id"),
        ("ru", "инженер в возрасте 52 лет ушёл", "в возрасте 52", "age"),
        ("ru", "в ноябре 2019 года завод открылся", "ноябре 2019 года", "date"),
        ("fa", "روز سه‌شنبه ۲۸ تیر ۱۴۰۱ در تهران", "سه‌شنبه ۲۸ تیر ۱۴۰۱", "date"),
        ("fa", "در مهر ۱۴۰۲ آغاز شد", "مهر ۱۴۰۲", "date"),
    ],
)
def test_a_not_figure_spans_the_words_it_opens_with(
    language: str, text: str, span: str, why: str
) -> None:
    """Patterns tried only where a weekday, a month or a cue word begins (not around every
    number) still take in those words: "Friday, March 2, 2018" is one date."""
    cues = load_cues(language)
    found = find_not_figures(cues.normalise(text), cues)
    assert [(text[n.start : n.end], n.why) for n in found] == [(span, why)]


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("ru", "рост на десять процентов", 10),
        ("fa", "رشد پنج درصدی", 5),
    ],
)
def test_percentages_in_words_in_russian_and_persian(language: str, text: str, value: int) -> None:
    (figure,) = [f for f in find_figures(text, load_cues(language)) if f.unit]
    assert (figure.unit, figure.value) == ("%", value)
