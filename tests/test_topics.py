"""Watched topics from claimwatch.toml: prefilter on feed entries, relevance on article text."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from extractors.exceptions import TopicConfigError
from extractors.topics import (
    Topic,
    compile_terms,
    fold,
    parse_topics,
    prefilter,
    relevance,
)

CATALOGUE = Path(__file__).parent.parent / "claimwatch.toml"
DEALS = "iran-russia-oil-deals"
VELAYATI = "velayati-moscow-2018"
FILLER = " The ministers also discussed visas, tourism and flights between the capitals." * 30


@pytest.fixture(scope="module")
def topics() -> list[Topic]:
    with CATALOGUE.open("rb") as handle:
        return parse_topics(tomllib.load(handle))


def test_catalogue_defines_the_watched_topics(topics: list[Topic]) -> None:
    assert [t.id for t in topics] == [VELAYATI, DEALS]


def test_every_keyword_group_speaks_english_russian_and_persian() -> None:
    with CATALOGUE.open("rb") as handle:
        keywords = tomllib.load(handle)["keywords"]
    assert all(set(group) == {"en", "ru", "fa"} for group in keywords.values())


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Gazprom and the National Iranian Oil Company signed a memorandum in Tehran in July "
            "2022. The Russian company would help develop Iranian gas fields, and officials put "
            "the oil and gas projects at about $40 billion.",
            date(2022, 7, 19),
            [DEALS],
        ),
        (
            "Presidents Putin and Pezeshkian signed a comprehensive strategic partnership treaty "
            "in Moscow on 17 January 2025. Russia hopes to start supplying gas to Iran through "
            "Azerbaijan, and volumes of up to 55 bcm a year have been discussed.",
            date(2025, 1, 17),
            [DEALS],
        ),
        (
            "«Газпром» и Национальная иранская нефтяная компания подписали меморандум. Россия "
            "поможет Ирану в разработке газовых месторождений.",
            None,
            [DEALS],
        ),
        (
            "Under an oil-for-goods scheme, Russia would buy Iranian crude and pay with Russian "
            "machinery, Iran's oil minister said.",
            date(2023, 5, 2),
            [DEALS],
        ),
        (
            "Zarubezhneft signed contracts for the Aban and West Paydar oil fields in Iran. The "
            "Russian company expects to raise output at the Iranian fields within two years.",
            date(2018, 3, 14),
            [DEALS],
        ),
        (
            "Ali Akbar Velayati said after meeting Vladimir Putin in Moscow that Russia was ready "
            "to invest $50 billion in Iran's oil and gas industry. Iranian media called it a "
            "breakthrough for Russian oil companies.",
            date(2018, 7, 13),
            [VELAYATI, DEALS],
        ),
        (
            "Kremlin spokesman Dmitry Peskov said he could not confirm reports that Moscow would "
            "put $50 billion into Iran's oil sector.",
            date(2018, 7, 16),
            [VELAYATI],
        ),
        # Outside the 2018 window the Velayati topic does not apply; without a date it does.
        (
            "Velayati recalled his talks in Moscow and Russian promises on oil.",
            date(2024, 3, 1),
            [],
        ),
        ("Velayati recalled his talks in Moscow and Russian promises on oil.", None, [VELAYATI]),
        # Russian: every case of the names and of нефть and газ.
        (
            "Советник верховного лидера Ирана Али Акбар Велаяти заявил по итогам встречи с "
            "Владимиром Путиным, что Россия готова вложить до 50 млрд долларов в нефтегазовый "
            "сектор Ирана.",
            date(2018, 7, 12),
            [VELAYATI],
        ),
        (
            "Пресс-секретарь президента России Дмитрий Песков заявил, что не может подтвердить "
            "сведения об инвестициях в нефтяную отрасль Ирана.",
            date(2018, 7, 13),
            [VELAYATI],
        ),
        (
            "Российские нефтяники вернутся в Иран: «Зарубежнефть» подписала контракт на "
            "разработку двух иранских месторождений, а «Газпром» изучает газовые проекты в "
            "Исламской Республике.",
            date(2018, 3, 14),
            [DEALS],
        ),
        # Persian with ZWNJs, then without them and with Arabic ي ك, as older sites type it.
        (
            "ولایتی پس از دیدار با پوتین در مسکو گفت روسیه آماده سرمایه‌گذاری تا ۵۰ میلیارد "
            "دلار در صنعت نفت و گاز ایران است.",
            date(2018, 7, 12),
            [VELAYATI, DEALS],
        ),
        (
            "ولايتي پس از ديدار با پوتين در مسكو گفت روسيه آماده سرمايهگذاري تا ۵۰ ميليارد "
            "دلار در صنعت نفت و گاز ايران است.",
            date(2018, 7, 12),
            [VELAYATI, DEALS],
        ),
        (
            "پسکوف گفت نمی‌تواند ادعای مقام ایرانی درباره سرمایه‌گذاری در نفت ایران را تایید کند.",
            date(2018, 7, 13),
            [VELAYATI],
        ),
        (
            "شرکت ملی نفت ایران و گازپروم روسیه تفاهمنامه‌ای برای توسعه میدانهای گازی امضا "
            "کردند. به گفته وزیر نفت، روس ها در شش میدان نفتی سرمایه گذاری می‌کنند.",
            date(2022, 7, 19),
            [DEALS],
        ),
    ],
)
def test_relevant_texts(
    topics: list[Topic], text: str, published: date | None, expected: list[str]
) -> None:
    assert relevance(text, "", topics, published=published) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The price cap on Russian oil, with no Iran.
        "The EU lowered its price cap on Russian crude to $47.60 a barrel. Moscow said the cap "
        "would not change its oil export plans, and Russian cargoes to India continued.",
        # Iran-China oil.
        "Independent refiners in Shandong bought more Iranian crude last month. Iran's oil "
        "exports to China stayed above 1.5 million barrels a day despite sanctions.",
        # Iran-China oil with one passing mention of Russia.
        "Independent refiners in Shandong bought more Iranian crude last month. Iran's oil "
        "exports to China held up, although discounted Russian barrels compete for buyers.",
        # A Kremlin remark about sport.
        "Kremlin spokesman Dmitry Peskov said President Putin had watched the national hockey "
        "team's final and wished the players success in the new season.",
        # Iran and Russia, but no energy.
        "Iran and Russia discussed air defence cooperation. Iranian and Russian officers met "
        "in Tehran to plan joint naval drills.",
        # Both countries and oil, but never near each other.
        "Iran and Russia agreed to ease visas. Iranian and Russian tourists will benefit."
        + FILLER
        + " Separately, oil prices rose on Tuesday and crude inventories fell.",
        # Words that merely contain the keywords.
        "Irani cuisine and Russianness in literature: a gasket maker from Moscow and a "
        "toiler from Oildale met at an energetically run festival.",
        # Russia-China gas, in Russian.
        "«Газпром» увеличил поставки газа в Китай по газопроводу «Сила Сибири». Россия и "
        "Китай обсуждают строительство второго газопровода.",
        # Iran and Russia twice each, and two newspapers (газета), which are not gas.
        "Иранская газета «Тегеран таймс» пишет, что Россия и Иран упростят визовый режим. "
        "Об этом же сообщила российская газета «Известия».",
        # The Gaza Strip: "Газа" is also the genitive of gas.
        "Россия и Иран обсудили ситуацию в секторе Газа. Лавров и Аракчи призвали к "
        "прекращению огня в секторе Газа.",
        # The price cap on Russian oil, in Russian, with no Iran.
        "ЕС снизил потолок цен на российскую нефть. В Москве заявили, что это не повлияет на "
        "экспорт нефти из России в Индию.",
        # Iran-China oil, in Persian.
        "پالایشگاه‌های مستقل چین خرید نفت ایران را افزایش دادند. صادرات نفت ایران به چین با "
        "وجود تحریم‌ها بالا ماند.",
        # Iran and Russia, and a dog that bit (گاز گرفت) a tourist: no gas.
        "در یک نمایشگاه در مسکو سگی پای یک گردشگر ایرانی را گاز گرفت. گردشگران ایرانی و "
        "روس‌ها در این نمایشگاه حضور داشتند.",
        # Iran and Russia, no energy, in Persian.
        "ایران و روسیه درباره لغو روادید گفت‌وگو کردند. گردشگران ایرانی و روس از این تصمیم "
        "سود می‌برند.",
        # Villages (روستا) are not Russia (روس).
        "گازرسانی به روستاهای ایران ادامه دارد. وزیر نفت گفت روستاییان ایران تا پایان سال "
        "گاز خواهند داشت.",
    ],
)
def test_irrelevant_texts(topics: list[Topic], text: str) -> None:
    assert relevance(text, "", topics, published=date(2025, 1, 10)) == []


def test_a_title_naming_every_group_lifts_the_proximity_rule(topics: list[Topic]) -> None:
    body = (
        "Iran and Russia agreed to ease visas. Iranian and Russian tourists will benefit."
        + FILLER
        + " The gas chapter sets supply terms, and oil swaps are foreseen."
    )
    assert relevance(body, "Iran and Russia sign gas deal", topics) == [DEALS]
    assert relevance(body, "Visas eased", topics) == []


def test_the_title_alone_is_not_enough(topics: list[Topic]) -> None:
    assert relevance("The weather was mild.", "Iran and Russia sign gas deal", topics) == []


def test_published_may_be_a_datetime(topics: list[Topic]) -> None:
    text = "Velayati recalled his talks in Moscow and Russian promises on oil."
    assert relevance(text, "", topics, published=datetime(2018, 7, 14, 9, tzinfo=UTC)) == [VELAYATI]


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        ("Velayati meets Putin", "", [VELAYATI, DEALS]),
        ("Adviser back from talks", "Velayati briefed reporters.", [VELAYATI]),
        ("Peskov on Iran reports", "", [VELAYATI, DEALS]),
        # Loose on purpose: one country and an energy word is worth a fetch.
        ("Russian oil price cap lowered", "", [VELAYATI, DEALS]),
        ("Iran's crude exports to China", "", [VELAYATI, DEALS]),
        ("Iran and Russia hold naval drills", "", [DEALS]),
        ("Хоккей: Кремль поздравил сборную", "", []),
        ("Велаяти встретился с Путиным", "", [VELAYATI, DEALS]),
        ("Песков: Кремль не располагает информацией", "о соглашениях с Ираном", [VELAYATI, DEALS]),
        ("ادعای ولایتی درباره سرمایه گذاری روسیه", "", [VELAYATI, DEALS]),
        ("واکنش كرملين به ادعاي سرمايه‌گذاري در نفت", "", [VELAYATI, DEALS]),
        ("Свежий номер газеты", "Россия", []),
        ("Weather in Tehran", "Sunny, 12 degrees.", []),
        ("", "", []),
    ],
)
def test_prefilter(topics: list[Topic], title: str, summary: str, expected: list[str]) -> None:
    assert prefilter(title, summary, topics) == expected


@pytest.mark.parametrize(
    ("terms", "text", "matches"),
    [
        (["Iran*"], "Iran's and Iranian", ["Iran", "Iranian"]),
        (["Iran*"], "Irani", ["Irani"]),
        (
            ["oil field*"],
            "oil fields, oil-field and oil\u00a0field",
            ["oil fields", "oil-field", "oil\u00a0field"],
        ),
        (["oil"], "toil, oily, Oil.", ["Oil"]),
        (["$50 billion"], "a $50 billion pledge", ["$50 billion"]),
        (["Иран*"], "Ирану и Ирана", ["Ирану", "Ирана"]),
        (["Исламск* Республик*"], "Исламской Республики", ["Исламской Республики"]),
        (["газ*", "!газет*"], "газ, газета, газопровод, ГАЗЕТЫ", ["газ", "газопровод"]),
        (["газ*", "!сектор* Газ*"], "поставки газа и сектор Газа", ["газа"]),
        # A ZWNJ in a term: present, a space, or missing in the text.
        (
            ["سرمایه‌گذاری"],
            "سرمایه‌گذاری، سرمایه گذاری و سرمایهگذاری",
            ["سرمایه‌گذاری", "سرمایه گذاری", "سرمایهگذاری"],
        ),
        # A ZWNJ in the text after a name ends the word, like a space.
        (["ایران"], "ایران‌ها و ایرانی", ["ایران"]),
        # Arabic ي ى ك are Persian ی ک, in terms and texts alike.
        (["کرملین"], "كرملين و کرملین", ["كرملين", "کرملین"]),
        (["ولايتي"], "ولایتی", ["ولایتی"]),
    ],
)
def test_keywords_match_whole_words(terms: list[str], text: str, matches: list[str]) -> None:
    group = compile_terms("g", terms)
    assert [text[m.start() : m.end()] for m in group.matches(fold(text))] == matches


def _config(**topic: Any) -> dict[str, Any]:
    entry = {"id": "t", "relevant_if": [["a"]], "prefilter_if": [["a"]]} | topic
    return {"keywords": {"a": {"en": ["alpha"]}}, "topics": [entry]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_config(relevant_if=[["a", "zzz"]]), "unknown keyword group 'zzz'"),
        (_config(relevant_if=[]), "relevant_if is missing or empty"),
        (_config(prefilter_if="a"), "prefilter_if is missing or empty"),
        (_config(id="Bad Id"), "id = 'Bad Id'"),
        (_config(min_mentions=0), "min_mentions must be a whole number"),
        (_config(window=True), "window must be a whole number"),
        (_config(published_from="2019-01-01", published_until="2018-01-01"), "after"),
        (_config(published_from="July 2018"), "published_from = 'July 2018'"),
        (_config(colour="red"), "unknown keys"),
        ({"keywords": {"a": {"english": ["x"]}}, "topics": []}, "not a language code"),
        ({"keywords": {"a": {"en": "oil"}}, "topics": []}, "not a list of words"),
        ({"keywords": {"a": {}}, "topics": []}, "has no languages"),
        ({"keywords": {"a": {"ru": ["!газет*"]}}, "topics": []}, "lists no words"),
        (
            {
                "keywords": {"a": {"en": ["alpha"]}},
                "topics": [_config()["topics"][0], _config()["topics"][0]],
            },
            "appears twice",
        ),
    ],
)
def test_config_errors_say_where_and_how(data: dict[str, Any], message: str) -> None:
    with pytest.raises(TopicConfigError, match=message):
        parse_topics(data)
