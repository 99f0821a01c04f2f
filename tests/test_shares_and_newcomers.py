"""Round eleven's phenomena: a share of a deal's proceeds told in words is a term of the deal,
an indefinite role phrase brings in someone the text has not named, a subject set off as a
role and its name in apposition keeps what it reports, one claimant's deal value told twice in
two ways is one claim, gas volumes in wire abbreviations and every form of a verb of supply,
and an unnamed source in the Kremlin, who is no Kremlin voice."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims


def _shares(language: str, text: str) -> list[tuple[float, str, str | None]]:
    result = extract_claims(text, language=language)
    return sorted((c.value, c.kind, c.claimant) for c in result.claims if c.unit == "%")


@pytest.mark.parametrize(
    ("language", "text", "shares"),
    [
        (
            "en",
            "Novak said Russia could buy 100,000 barrels of Iranian crude a day, with half of "
            "the proceeds spent on Russian goods.",
            [(50.0, "other", "Alexander Novak")],
        ),
        (
            "ru",
            "Новак сообщил, что Россия может закупать до 5 млн тонн иранской нефти в год, а "
            "половина выручки пойдет на оплату российских товаров.",
            [(50.0, "other", "Alexander Novak")],
        ),
        (
            "fa",
            "نواک گفت روسیه روزانه ۱۰۰ هزار بشکه نفت ایران را می‌خرد و نیمی از درآمد آن صرف "
            "خرید کالاهای روسی می‌شود.",
            [(50.0, "other", "Alexander Novak")],
        ),
        (
            # a share in figures of the same proceeds
            "ru",
            "Речь идет о закупках до 100 тысяч баррелей иранской нефти в сутки, причем 50 "
            "процентов выручки Иран направит на приобретение российских товаров, сказал Новак.",
            [(50.0, "other", "Alexander Novak")],
        ),
        (
            # a period, not a share
            "en",
            "Trade between Russia and Iran grew 20 percent in the first half of 2017, Novak said.",
            [(20.0, "trade_growth", "Alexander Novak")],
        ),
        (
            "ru",
            "В первой половине 2017 года товарооборот России и Ирана вырос на 20%, сообщил Новак.",
            [(20.0, "trade_growth", "Alexander Novak")],
        ),
        (
            # a share in words of something other than a deal's proceeds
            "ru",
            "Иран, по словам губернатора, остается крупнейшим торговым партнером Астраханской "
            "области: на него приходится больше половины внешней торговли региона с Россией.",
            [],
        ),
        (
            "fa",
            "اگر توافق نفت در برابر کالا با روسیه اجرا شود، ارزش آن نزدیک به نیمی از کل درآمد "
            "نفتی کشور خواهد بود.",
            [],
        ),
    ],
)
def test_shares_of_proceeds(language: str, text: str, shares: list[tuple[float, str, str | None]]):
    assert _shares(language, text) == shares


def _claimants(text: str) -> list[tuple[float, str | None, str | None]]:
    result = extract_claims(text, language="en")
    return sorted((c.value, c.claimant, c.attributed_to) for c in result.claims)


def test_an_indefinite_role_is_someone_new():
    text = (
        "Oil Minister Bijan Namdar Zanganeh met Alexander Novak in Tehran on Monday.\n\n"
        "A senior Iranian official said Russia would invest $23 billion in the oil deal."
    )
    assert _claimants(text) == [(23_000_000_000, "A senior Iranian official", None)]


def test_a_definite_role_still_points_back():
    text = (
        "Oil Minister Bijan Namdar Zanganeh met Alexander Novak in Tehran on Monday.\n\n"
        "The Iranian minister said Russia would invest $23 billion in the oil deal."
    )
    assert _claimants(text) == [(23_000_000_000, "Bijan Namdar Zanganeh", None)]


def test_a_ledes_indefinite_role_is_the_one_its_headline_names():
    text = (
        "Velayati says Russia ready to invest $50 bln in Iran oil and gas\n\n"
        "MOSCOW, July 13 - Russia is ready to invest $50 billion in Iran's oil and gas "
        "industry, a senior adviser to Iran's Supreme Leader said on Friday.\n\n"
        "Ali Akbar Velayati told reporters the companies were ready to make the investments."
    )
    assert _claimants(text) == [(50_000_000_000, "Ali Akbar Velayati", None)]


@pytest.mark.parametrize(
    "subject",
    ["The senior adviser, Ali Akbar Velayati,", "Iran's envoy, Ali Akbar Velayati,"],
)
def test_a_role_and_its_name_in_apposition_report(subject: str):
    text = f"{subject} said Putin had told him Russia would invest $57 billion in Iran's oil."
    assert _claimants(text) == [(57_000_000_000, "Ali Akbar Velayati", "Vladimir Putin")]


def test_one_claimants_deal_value_told_twice_is_one_claim():
    text = (
        "Rosneft has signed a roadmap with the National Iranian Oil Company for projects that "
        "could require up to $30 billion of investment, chief executive Igor Sechin said.\n\n"
        '"We are talking about a package of projects with a total investment of up to 30 '
        'billion dollars," Sechin told reporters at the signing.'
    )
    result = extract_claims(text, language="en")
    assert [(c.value, c.claimant) for c in result.claims] == [(30_000_000_000, "Igor Sechin")]


@pytest.mark.parametrize(
    "text",
    [
        # the wire's abbreviation before a unit of gas
        "Tsivilev said supplies of Russian gas to Iran via Azerbaijan could start with up to "
        "2 bln cubic meters per year.",
        # every form of a verb of supply
        "Tsivilev said Russia could start sending gas to Iran via Azerbaijan, at first up to "
        "2 billion cubic meters a year.",
        "Tsivilev said Russia was shipping gas to Iran via Azerbaijan, up to 2 billion cubic "
        "meters a year.",
    ],
)
def test_gas_volumes(text: str):
    result = extract_claims(text, language="en")
    assert [(c.value, c.unit, c.kind) for c in result.claims] == [(2, "bcm", "supply_volume")]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        (
            "en",
            "A source in the Kremlin said no agreement had been reached on the $20 billion oil "
            "deal with Iran.",
            "A source in the Kremlin",
        ),
        (
            "en",
            "Iranian media said Russia would invest $20 billion in Iran's oil. A Kremlin source "
            "said no agreement had been reached on the oil deal with Iran.",
            "A Kremlin source",
        ),
        (
            "ru",
            "Источник в Кремле сообщил, что никакого соглашения на 20 млрд долларов с Ираном нет.",
            "Источник в Кремле",
        ),
        (
            "fa",
            "یک منبع در کرملین گفت هیچ توافقی به ارزش ۲۰ میلیارد دلار با ایران امضا نشده است.",
            "یک منبع در کرملین",
        ),
    ],
)
def test_an_unnamed_kremlin_source_is_no_kremlin_voice(language: str, text: str, speaker: str):
    """DESIGN's status rules: unnamed officials are other Russian signals, not the Kremlin."""
    result = extract_claims(text, language=language)
    assert [(s.speaker, s.role, s.stance) for s in result.kremlin_statements] == [
        (speaker, "russian_official", "deny")
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The Kremlin said no agreement had been reached on the $20 billion oil deal with Iran.",
        ),
        ("ru", "В Кремле заявили, что никакого соглашения на 20 млрд долларов с Ираном нет."),
    ],
)
def test_the_kremlin_itself_still_speaks_for_the_kremlin(language: str, text: str):
    result = extract_claims(text, language=language)
    assert [(s.speaker, s.role) for s in result.kremlin_statements] == [
        ("Kremlin", "kremlin_press_service")
    ]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Два источника утверждают, что объём нефтяной сделки России и Ирана может достичь "
            "23 млрд долларов.",
            "Два источника",
        ),
        (
            "Ряд источников утверждает, что объём нефтяной сделки России и Ирана может достичь "
            "23 млрд долларов.",
            "Ряд источников",
        ),
    ],
)
def test_a_numeral_makes_its_genitive_source_a_subject(text: str, claimant: str):
    result = extract_claims(text, language="ru")
    assert [(c.value, c.claimant) for c in result.claims] == [(23_000_000_000, claimant)]


def test_the_veteran_diplomat_is_velayati():
    text = (
        "Ali Akbar Velayati met Vladimir Putin in Moscow on Thursday.\n\n"
        '"Russia is ready to invest $50 billion in our oil and gas sector," the veteran '
        "diplomat said."
    )
    assert _claimants(text) == [(50_000_000_000, "Ali Akbar Velayati", None)]


def test_one_foreign_diplomat_is_not_the_one_named_before():
    text = (
        "Ali Akbar Velayati met Vladimir Putin in Moscow on Thursday.\n\n"
        "Four years on, one European diplomat in Tehran estimated that Russian investment in "
        "Iranian oil and gas came to no more than $1 billion."
    )
    [(value, claimant, _)] = _claimants(text)
    assert value == 1_000_000_000
    assert claimant is not None and "diplomat" in claimant  # the diplomat, unnamed


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        (
            "Under the deal Zarubezhneft holds 80 percent and Iran's Dana Energy the remaining "
            "20 percent.",
            [(20.0, "other", None), (80.0, "other", None)],
        ),
        (
            "Zarubezhneft signed a $742 million deal for the Aban and West Paydar fields in Iran, "
            "with Dana Energy as the junior partner holding 20 percent.",
            [(20.0, "other", None)],
        ),
        (
            # another country's company: not a term of an Iran-Russia deal
            "Rosneft also owns 49% of Nayara Energy, which runs the Vadinar refinery in India.",
            [],
        ),
    ],
)
def test_a_verb_of_holding_right_before_a_percentage_is_a_stake(
    text: str, shares: list[tuple[float, str, str | None]]
):
    assert _shares("en", text) == shares


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        (
            "en",
            "Iranian media said Russia would sell Iran 2 bcm of gas a year. Deputy Prime "
            'Minister Alexander Novak said it was "too early to speak about the price".',
            "no_comment",
        ),
        (
            "en",
            "Iranian media put the Rosatom contract at $25 billion. Rosatom chief Alexey "
            'Likhachev said: "We do not name contract values."',
            "no_comment",
        ),
        (
            "en",
            "Velayati said Russia would invest $50 billion in Iran's oil. Energy Minister "
            "Alexander Novak said he could not give a total amount for possible investments.",
            "cannot_confirm",
        ),
        (
            "fa",
            "ولایتی گفت روسیه ۵۰ میلیارد دلار در نفت ایران سرمایه‌گذاری می‌کند. یوری اوشاکوف "
            "گفت: «ما وارد این جزئیات نمی‌شویم.»",
            "no_comment",
        ),
        (
            "fa",
            "رسانه‌های ایران گفتند روسیه سالانه ۲ میلیارد مترمکعب گاز به ایران صادر می‌کند. "
            "دمیتری پسکوف گفت نمی‌تواند تاریخی اعلام کند.",
            "cannot_confirm",
        ),
    ],
)
def test_refusals_in_other_words(language: str, text: str, stance: str):
    result = extract_claims(text, language=language)
    assert [s.stance for s in result.kremlin_statements] == [stance]
