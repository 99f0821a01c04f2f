"""People no gazetteer holds (analysts, consuls, port officials), found by their given name
and named in the nominative; unnamed sources; and who speaks when a report cites someone."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims
from extractors.cues import load_cues
from extractors.strangers import find_strangers

RU = "Россия и Иран обсуждают поставки газа и инвестиции. "
EN = "Russia and Iran are discussing gas supplies and investment. "


def _claimants(text: str, language: str) -> list[str | None]:
    return [c.claimant for c in extract_claims(text, language=language).claims]


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        ("ru", RU + "«Речь идет о 10 млрд долларов», — сказал Олег Рыбаков.", "Олег Рыбаков"),
        ("ru", RU + "По словам Олега Рыбакова, речь идет о 10 млрд долларов.", "Олег Рыбаков"),
        (
            "ru",
            RU + "«Речь идет о 10 млрд долларов», — говорит директор консалтинговой компании "
            "«Каспий Энерджи» Олег Рыбаков.",
            "Олег Рыбаков",
        ),
        (
            "ru",
            RU + "На форуме выступила эксперт Ирина Фадеева. По оценке Фадеевой, поставки "
            "могут дойти до 2 млрд кубометров в год.",
            "Ирина Фадеева",
        ),
        ("ru", RU + "По мнению Льва Зимина, речь идет о 10 млрд долларов.", "Лев Зимин"),
        ("en", EN + '"We are talking about $10 billion," said John Smith.', "John Smith"),
        ("en", EN + "Analyst John Smith said the deal was worth $10 billion.", "John Smith"),
        (
            "en",
            EN + "John Smith follows the talks for a bank. The deal is worth $10 billion, "
            "Smith said.",
            "John Smith",
        ),
    ],
)
def test_a_person_the_gazetteer_does_not_know_claims_by_name(
    language: str, text: str, claimant: str
) -> None:
    assert _claimants(text, language) == [claimant]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("по словам Олега Рыбакова", "Олег Рыбаков"),
        ("с Ириной Фадеевой", "Ирина Фадеева"),
        ("Андрею Белоусову", "Андрей Белоусов"),
        ("у Натальи Кравцовой", "Наталья Кравцова"),
        ("с Мохсеном Карими", "Мохсен Карими"),  # a name that does not decline stays
        ("Сергея Троицкого", "Сергей Троицкий"),
    ],
)
def test_a_name_in_a_case_form_is_put_back_in_the_nominative(text: str, name: str) -> None:
    cues = load_cues("ru")
    capitals = [i for i, ch in enumerate(text) if ch.isupper() and (i == 0 or text[i - 1] == " ")]
    assert [p.name for p in find_strangers(text, capitals, cues)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Iran, a country of 88 million, Roman said.",  # a lone capitalised word is no name
        "В Москве прошла встреча.",
    ],
)
def test_no_given_name_no_stranger(text: str) -> None:
    cues = load_cues("en" if text.isascii() else "ru")
    capitals = [i for i, ch in enumerate(text) if ch.isupper()]
    assert find_strangers(text, capitals, cues) == []


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            RU + "Как рассказал источник в отрасли, на первом этапе обсуждается поставка 2 млрд "
            "кубометров в год.",
            "источник",
        ),
        (RU + "По словам источника, объем инвестиций составит 300 млн долларов.", "источник"),
        (
            RU + "Стороны обсуждают поставки до 2 млрд куб. м в год, рассказали РБК источники.",
            "источники",
        ),
    ],
)
def test_an_unnamed_source_speaks_for_itself(text: str, claimant: str) -> None:
    assert _claimants(text, "ru") == [claimant]


def test_an_unnamed_source_is_not_the_person_named_before() -> None:
    text = (
        RU + "Александр Новак провел переговоры в Тегеране. По словам источника, объем "
        "инвестиций составит 300 млн долларов."
    )
    assert _claimants(text, "ru") == ["источник"]


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "en",
            EN + "Tasnim reported, citing a source in the oil ministry, that the sides agreed "
            "on 2 bcm of gas a year.",
            "Tasnim",
        ),
        (
            "ru",
            RU + "Стороны ведут переговоры о сделке стоимостью около 20 млрд долларов, сообщило "
            "агентство Reuters со ссылкой на источники.",
            "Reuters",
        ),
        (
            "ru",
            RU + "Агентство Tasnim со ссылкой на источник в министерстве нефти сообщило, что "
            "стороны договорились о поставках 2 млрд кубометров газа в год.",
            "Tasnim",
        ),
    ],
)
def test_who_reports_citing_a_source_claims_the_figure(
    language: str, text: str, claimant: str
) -> None:
    assert _claimants(text, language) == [claimant]


def test_the_interviewer_credited_in_the_introduction_is_not_the_guest() -> None:
    text = (
        "Посол России в Иране Алексей Дедов рассказал о торговле двух стран и о газе. "
        "Беседовал Тимур Ахмедов.\n\n"
        "— Господин посол, что меняет договор?\n\n"
        "— Он задает рамку на двадцать лет вперед.\n\n"
        "— А газ?\n\n"
        "— Речь идет о поставках российского газа в Иран до 2 млрд кубометров в год.\n"
    )
    assert _claimants(text, "ru") == ["Alexey Dedov"]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        (
            "ru",
            "Иранские СМИ сообщили о контракте на поставку 55 млрд кубометров газа из России в "
            "Иран. «Подписанного контракта на эти объемы нет», — заявил замминистра "
            "иностранных дел Андрей Руденко.",
            ("Андрей Руденко", "deny"),
        ),
        (
            "en",
            "Iran said Russia would supply 55 bcm of gas a year. Deputy Foreign Minister Andrei "
            "Rudenko denied the report.",
            ("Andrei Rudenko", "deny"),
        ),
    ],
)
def test_an_officials_title_without_a_country_takes_the_given_names(
    language: str, text: str, speaker: tuple[str, str]
) -> None:
    statements = extract_claims(text, language=language).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [speaker]


def test_an_analyst_with_a_russian_name_is_no_russian_voice() -> None:
    text = (
        "Иранские СМИ сообщили о контракте на поставку 55 млрд кубометров газа из России в "
        "Иран. «Подписанного контракта на эти объемы нет», — заявил аналитик Андрей Руденко."
    )
    assert extract_claims(text, language="ru").kremlin_statements == []


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "ru",
            RU + "Генеральный консул Ирана в Астрахани Мехди Хосрави выступил на совещании. По "
            "словам консула, Тегеран рассчитывает получать до 2 млрд кубометров российского "
            "газа в год.",
            "Мехди Хосрави",
        ),
        (
            "en",
            EN + "Iran's consul in Astrakhan, Mehdi Khosravi, spoke at the meeting. The consul "
            "said Tehran hoped to receive up to 2 billion cubic metres of Russian gas a year.",
            "Mehdi Khosravi",
        ),
        (
            "ru",
            RU + "Министр нефти Ирана Мохсен Пакнежад выступил на совещании. По словам министра, "
            "Тегеран рассчитывает получать до 2 млрд кубометров российского газа в год.",
            "Mohsen Paknejad",
        ),
        (
            "ru",
            RU + "Собеседник «Ъ» в правительстве рассказал, что прорабатывается кредит Ирану на "
            "$5 млрд для газовых проектов.",
            "собеседник",
        ),
        (
            "ru",
            RU + "Агентство Tasnim, сославшись на источники, сообщило о газовой сделке на 25 "
            "миллиардов долларов.",
            "Tasnim",
        ),
        (
            "ru",
            RU + "По сообщению иранского гостелевидения, соглашение на 25 миллиардов долларов "
            "предусматривает поставки газа.",
            "IRIB",
        ),
        (
            "ru",
            RU + "В декабре агентство Mehr сообщило, что компания может вложить в газовые "
            "проекты до $2 млрд.",
            "Mehr News Agency",
        ),
    ],
)
def test_a_title_an_outlet_or_a_prefix_names_who_claims(
    language: str, text: str, claimant: str
) -> None:
    assert _claimants(text, language) == [claimant]


def test_a_name_after_the_place_of_a_title_holds_the_title() -> None:
    text = (
        "Президент Ирана 17 января прибудет в Москву, где вместе с Владимиром Путиным подпишет "
        "договор. Накануне визита посол Исламской Республики в России Казем Джалали рассказал "
        "в интервью, когда в Иран пойдёт российский газ. Беседовал Андрей Климов.\n\n"
        "— Господин посол, почему сейчас?\n\n"
        "— Текст был согласован ещё осенью.\n\n"
        "— А газ?\n\n"
        "— Сейчас идут переговоры о двух миллиардах кубометров российского газа в год.\n"
    )
    assert _claimants(text, "ru") == ["Kazem Jalali"]


def test_a_known_name_after_to_is_whom_the_title_serves() -> None:
    text = (
        "Russia and Iran discussed energy. The adviser to Supreme Leader Ali Khamenei, Ali Akbar "
        "Velayati, said Russia would invest $50 billion in Iran's oil and gas."
    )
    assert _claimants(text, "en") == ["Ali Akbar Velayati"]


FA = "ایران و روسیه درباره صادرات گاز و سرمایه‌گذاری گفت‌وگو می‌کنند. "


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a given name of the list and the word after it, wherever they stand
        (FA + "کیوان مستوفی، اقتصاددان، گفت این قرارداد ۱۰ میلیارد دلار است.", "کیوان مستوفی"),
        (FA + "به گفته بهرام نیک‌فر، این قرارداد ۱۰ میلیارد دلار است.", "بهرام نیک‌فر"),
        # compound given names, joined or spaced; and a Russian name in Persian script
        (FA + "محمدرضا توکلی گفت ارزش این قرارداد ۱۰ میلیارد دلار است.", "محمدرضا توکلی"),
        (FA + "محمد رضا توکلی گفت ارزش این قرارداد ۱۰ میلیارد دلار است.", "محمد رضا توکلی"),
        (FA + "آندری کوزنتسوف گفت ارزش این قرارداد ۱۰ میلیارد دلار است.", "آندری کوزنتسوف"),
        (FA + "آنا ولکووا گفت ارزش این قرارداد ۱۰ میلیارد دلار است.", "آنا ولکووا"),
        # the surname alone, after the full name
        (
            FA + "حمید رضوانی در تهران تحلیلگر بازار انرژی است. رضوانی گفت ارزش این "
            "قرارداد ۱۰ میلیارد دلار است.",
            "حمید رضوانی",
        ),
    ],
)
def test_persian_finds_a_person_by_a_given_name_without_capitals(text: str, claimant: str) -> None:
    assert _claimants(text, "fa") == [claimant]


@pytest.mark.parametrize(
    "text",
    [
        "علی رغم تحریم‌ها",  # "despite": a given name's word that opens a phrase
        "امید به توافق",  # "hope": a given name left out of the list
        "حسن نیت دو طرف",  # "good will"
    ],
)
def test_persian_phrases_that_name_nobody(text: str) -> None:
    cues = load_cues("fa")
    assert find_strangers(cues.normalise(text), [0], cues) == []


def test_a_known_persian_name_stays_the_gazetteer_s() -> None:
    text = FA + "علی‌اکبر ولایتی گفت ارزش این قرارداد ۱۰ میلیارد دلار است."
    assert _claimants(text, "fa") == ["Ali Akbar Velayati"]
