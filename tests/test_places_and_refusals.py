"""Round ten's phenomena: a country that names a sea is a place, one side's own output stays
its own unless a word of transfer stands nearer the figure, company results are no deal
figures, and refusals that defer, keep a secret or send the question to the companies."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

LEADS = {
    "en": "Iranian media said Russia would invest $10 billion in Iran's oil sector.\n\n",
    "ru": "Иранские СМИ сообщили, что Россия инвестирует 10 млрд долларов в нефтяную отрасль "
    "Ирана.\n\n",
    "fa": "رسانه‌های ایران گفتند روسیه ۱۰ میلیارد دلار در صنعت نفت ایران سرمایه‌گذاری می‌کند.\n\n",
}


def _claims(language: str, text: str) -> list[tuple[float, str]]:
    result = extract_claims(LEADS[language] + text, language=language)
    return sorted((c.value, c.unit) for c in result.claims if c.value != 10_000_000_000)


def _statements(language: str, text: str) -> list[tuple[str, str]]:
    result = extract_claims(LEADS[language] + text, language=language)
    return sorted((s.speaker, s.stance) for s in result.kremlin_statements)


@pytest.mark.parametrize(
    ("language", "text", "claims"),
    [
        (
            # the Gulf of Oman is where the plant stands, not a third country's deal
            "ru",
            "Иранское телевидение сообщило о контракте стоимостью 25 млрд долларов на "
            "строительство четырех энергоблоков в районе Сирик на побережье Оманского залива.",
            [(25_000_000_000, "USD")],
        ),
        (
            "fa",
            "روس‌اتم نیروگاهی در سیریک در ساحل دریای عمان می‌سازد که ارزش قرارداد آن ۲۵ "
            "میلیارد دلار است.",
            [(25_000_000_000, "USD")],
        ),
        (
            "fa",
            "عمان قراردادی ۲۵ میلیارد دلاری با روس‌اتم امضا کرد.",
            [],
        ),
        (
            # another country's plant, named by its adjective in an elliptical clause
            "ru",
            "Турецкая АЭС обошлась примерно в 20 млрд долларов, а венгерского проекта — в "
            "12,5 млрд евро, из которых 10 млрд евро предоставляет Россия.",
            [],
        ),
        (
            # the exports named in another predicate do not make Russia's output a supply
            "en",
            "An analyst noted that Russia already produces about 11 million barrels of oil a "
            "day and has little interest in seeing Iranian exports recover quickly.",
            [],
        ),
        (
            # a field's output is the deal's barrels
            "en",
            "Under the deal Russia will buy up to 100,000 barrels a day of crude that Iran "
            "produces at its western fields.",
            [(100_000, "bbl/d")],
        ),
        (
            "ru",
            "По итогам года «Газпром» впервые за четверть века получил чистый убыток в размере "
            "629 млрд рублей.",
            [],
        ),
    ],
)
def test_places_output_and_results(language: str, text: str, claims: list[tuple[float, str]]):
    assert _claims(language, text) == claims


def test_a_verb_of_costing_tells_a_price():
    """'обойдется в' tells a project's price, as "cost" does in English."""
    text = (
        "Представитель ОАЭИ сказал, что строительство двух блоков обойдется примерно в 9 млрд "
        "долларов."
    )
    assert _claims("ru", text) == [(9_000_000_000, "USD")]


def test_sources_familiar_with_those_talks():
    """A source's complement may take any determiner: "those talks", "this deal"."""
    text = (
        "People familiar with those talks said Russia could buy up to 500,000 barrels a day "
        "of Iranian oil."
    )
    claims = extract_claims(LEADS["en"] + text, language="en").claims
    assert [c.claimant for c in claims if c.unit == "bbl/d"] == ["People familiar with those talks"]


@pytest.mark.parametrize(
    ("language", "text", "statements"),
    [
        (
            "en",
            'Yuri Ushakov spoke to reporters before the trip. It was "premature to name '
            'amounts for individual projects," he said.',
            [("Yuri Ushakov", "no_comment")],
        ),
        (
            # an adverbial clause between the subject and its verb names nobody
            "en",
            "Zarubezhneft, when we asked whether it was among the companies, declined to comment.",
            [("Zarubezhneft", "no_comment")],
        ),
        (
            "ru",
            "В «Росатоме» на вопрос о стоимости ответили, что коммерческие условия контракта не "
            "подлежат разглашению.",
            [("Rosatom", "no_comment")],
        ),
        (
            # the refusal split by an aside: "ask the companies themselves"
            "ru",
            "Министр энергетики Александр Новак сказал, что цифр пока нет. Спрашивать о суммах, "
            "добавил министр, нужно у самих компаний.",
            [("Alexander Novak", "no_comment")],
        ),
        (
            "fa",
            "دفتر مطبوعاتی روس‌نفت در پاسخ به پرسش خبرنگاران اعلام کرد جزئیات تنها پس از امضای "
            "قراردادهای نهایی منتشر خواهد شد.",
            [("Rosneft", "no_comment")],
        ),
        (
            "fa",
            "الکسی لیخاچف، مدیرعامل روس‌اتم، گفت: «پیش از پایان مطالعات، صحبت درباره رقم زود است.»",
            [("Alexey Likhachev", "no_comment")],
        ),
    ],
)
def test_refusals(language: str, text: str, statements: list[tuple[str, str]]):
    assert _statements(language, text) == statements


def test_no_figure_raised_denies():
    """'No figure as large as $40 billion has been raised', from a ministry source, denies it."""
    lead = "رسانه‌های ایران گفتند روسیه ۴۰ میلیارد دلار در صنعت نفت ایران سرمایه‌گذاری می‌کند.\n\n"
    text = (
        "یک منبع در وزارت انرژی روسیه گفت: «در سطح وزارتخانه هیچ رقمی به بزرگی ۴۰ میلیارد "
        "دلار مطرح نشده است.»"
    )
    statements = extract_claims(lead + text, language="fa").kremlin_statements
    assert [s.stance for s in statements] == ["deny"]


def test_statistics_to_be_published_are_no_refusal():
    """Figures a mission will publish in due time are no refusal to discuss one."""
    text = "به گفته نمایندگی تجاری روسیه، آمار رسمی طرف روسی در زمان مناسب منتشر خواهد شد."
    assert _statements("fa", text) == []


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "en",
            "Some media reported that Russia would invest 30 billion dollars in Iranian gas "
            "fields.",
            "Some media",
        ),
        (
            "en",
            "This week, Iranian news outlets reported that Russia had agreed to lend Tehran $5 "
            "billion for power plants.",
            "Iranian news outlets",
        ),
        (
            "ru",
            "Тогда западные СМИ оценивали возможную стоимость поставок иранской нефти в Россию "
            "примерно в 20 млрд долларов.",
            "западные СМИ",
        ),
    ],
)
def test_the_press_as_a_claimant(language: str, text: str, claimant: str):
    """Outlets named as a group, with a quantifier or an adjective, assert what they report."""
    claims = extract_claims(LEADS[language] + text, language=language).claims
    assert [c.claimant for c in claims if c.value != 10_000_000_000] == [claimant]
