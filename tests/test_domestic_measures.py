"""What one country consumes, lacks or holds in the ground is not an Iran–Russia deal figure,
unless a word of trade or supply governs the figure more closely."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

NOT_A_DEAL = "a country's own consumption, needs, deficit or reserves"


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        (
            "en",
            "Iran and Russia discussed gas last week. Iran's winter gas shortfall reaches about "
            "260 million cubic metres a day, and Tehran hopes imports from Russia will close "
            "part of it.",
            "260 million cubic metres",
        ),
        (
            "en",
            "Iran holds gas reserves of 33 trillion cubic metres, and Russia's Gazprom has "
            "agreed to invest $4 billion in Iran.",
            "33 trillion cubic metres",
        ),
        (
            "en",
            "Russia and Iran signed oil deals this week. Iran's upstream needs are put by the "
            "oil ministry at $160 billion over a decade.",
            "$160 billion",
        ),
        (
            "fa",
            "ایران و روسیه درباره گاز مذاکره کردند. مصرف گاز کشور در زمستان به حدود ۸۰۰ میلیون "
            "مترمکعب در روز می‌رسد و وزارت نفت امیدوار است واردات از روسیه بخشی از آن را تأمین کند.",
            "۸۰۰ میلیون مترمکعب",
        ),
        # reserves in the instrumental case, before the figure; in Persian, after it
        (
            "ru",
            "Россия и Иран обсуждают поставки газа. Иран со вторыми в мире запасами газа — "
            "более 30 трлн кубометров — зимой всё равно закупает газ у соседей.",
            "30 трлн кубометров",
        ),
        (
            "fa",
            "ایران و روسیه درباره گاز گفت‌وگو کردند. ایران با حدود ۳۳ تریلیون مترمکعب ذخایر گاز "
            "هنوز در زمستان کمبود دارد.",
            "۳۳ تریلیون مترمکعب",
        ),
        # what a sector "requires" in investment
        (
            "ru",
            "Россия и Иран подписали нефтяные контракты. Нефтегазовой отрасли Ирана, по оценке "
            "министерства, требуется около 160 млрд долларов инвестиций.",
            "160 млрд долларов",
        ),
        # what a whole market lacks or has too much of
        (
            "ru",
            "Россия и Иран обсуждают поставки нефти. Банки ждут избытка предложения на рынке в "
            "2–4 млн баррелей в сутки.",
            "2–4 млн баррелей в сутки",
        ),
        (
            "fa",
            "ایران و روسیه درباره نفت گفت‌وگو کردند. تقاضای جهانی نفت حدود ۲۹ میلیون بشکه در روز "
            "کمتر از سال گذشته است.",
            "۲۹ میلیون بشکه در روز",
        ),
        (
            "en",
            "Iran and Russia discussed oil. Banks expect a glut of 2 million barrels a day in the "
            "first half of the year.",
            "2 million barrels a day",
        ),
        # what a country "needs" in investment; "would need to commit" is a deal's outlay
        (
            "en",
            "Russia and Iran signed oil deals this week. The oil minister has said the sector "
            "needs about $160 billion of investment over a decade.",
            "$160 billion",
        ),
        (
            "ru",
            "Россия и Иран подписали нефтяные контракты. Министр нефти оценивал потребность "
            "отрасли в инвестициях в 160 млрд долларов.",
            "160 млрд долларов",
        ),
        # needed, said after the amount (Persian puts the verb last)
        (
            "fa",
            "ایران و روسیه قراردادهای نفتی امضا کردند. وزارت نفت می‌گوید صنعت نفت کشور به حدود "
            "۲۰۰ میلیارد دلار سرمایه‌گذاری نیاز دارد.",
            "۲۰۰ میلیارد دلار",
        ),
        (
            "en",
            "Russia and Iran signed oil deals this week. About $200 billion of investment is "
            "needed to lift the country's output.",
            "$200 billion",
        ),
    ],
)
def test_a_domestic_measure_is_not_a_claim(language: str, text: str, figure: str) -> None:
    extraction = extract_claims(text, language=language)
    assert figure not in [c.text for c in extraction.claims]
    assert (figure, NOT_A_DEAL) in [(o.text, o.why) for o in extraction.other_figures]


def test_a_supply_that_meets_demand_is_still_a_claim() -> None:
    text = (
        "Iran and Russia discussed gas last week. To cover Iran's winter demand, Russia will "
        "supply up to 2 bcm a year."
    )
    claims = extract_claims(text, language="en").claims
    assert [(c.text, c.kind) for c in claims] == [("2 bcm", "supply_volume")]


def test_an_outlay_a_partner_would_need_to_commit_is_still_a_claim() -> None:
    text = (
        "Russia and Iran discussed gas fields. To develop them, Gazprom would need to commit "
        "at least $10 billion in Iran over three years."
    )
    claims = extract_claims(text, language="en").claims
    assert [c.value for c in claims] == [10e9]


def test_what_a_project_needs_is_its_cost() -> None:
    text = (
        "گازپروم و شرکت ملی نفت ایران تفاهم‌نامه‌ای امضا کردند. طرح فشارافزایی پارس جنوبی "
        "به تنهایی تا ۱۵ میلیارد دلار سرمایه نیاز دارد."
    )
    assert [c.value for c in extract_claims(text, language="fa").claims] == [15e9]
