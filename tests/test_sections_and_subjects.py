"""Where a speaker's words end and who the subject is: a section break ends a transcript's
turns and an interview's answers; the Kremlin named in its spokesman's own answer is him; a
figure told twice, relayed and quoted, is one claim; a name in an oblique case is no subject
for a later pronoun; a title's complements stand between it and the name; an aside that opens
with a role is the subject when the words before it name nobody."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

_TRANSCRIPT_EN = (
    "Kremlin spokesman Dmitry Peskov spoke to reporters about Iran on Friday.\n\n"
    "Question: Mr Velayati says Russia will invest $50 billion in Iran. Is that correct?\n\n"
    "Peskov: I cannot confirm this figure.\n\n"
    "Question: And the oil-for-goods deliveries?\n\n"
    "Peskov: That is a question for the Energy Ministry.\n\n"
    "{mark}\n\n"
    "Background. Zarubezhneft signed a contract with Iran's NIOC in March. Investment under "
    "the contract was put at about $742 million, and the Russian side's stake is 80%.\n"
)
_DIALOGUE_RU = (
    "В пятницу заявления Велаяти обсуждались на телефонной конференции пресс-секретаря "
    "президента Дмитрия Пескова.\n\n"
    "— Велаяти заявил, что Россия вложит в Иран 50 миллиардов долларов. Вы можете это "
    "подтвердить?\n\n"
    "— Нет, я не могу подтвердить эту цифру.\n\n"
    "— А контракты на 4 миллиарда долларов?\n\n"
    "— Здесь я вас адресую к самим компаниям. Кремль коммерческие контракты не комментирует.\n\n"
    "* * *\n\n"
    "Справка. Доля «Зарубежнефти» в проекте в Иране составляет 80%. Объём инвестиций по "
    "контракту — 742 млн долларов.\n"
)


@pytest.mark.parametrize("mark", ["***", "* * *", "---"])
def test_a_section_break_ends_a_transcripts_turns(mark: str) -> None:
    result = extract_claims(_TRANSCRIPT_EN.format(mark=mark), language="en")
    background = [c for c in result.claims if c.value in (80.0, 742e6)]
    assert {c.value for c in background} == {80.0, 742e6}
    assert all(c.claimant is None for c in background)
    assert not [s for s in result.kremlin_statements if s.stance == "confirm"]


def test_without_a_break_the_speaker_keeps_the_floor() -> None:
    text = _TRANSCRIPT_EN.format(mark="").replace("\n\n\n\n", "\n\n")
    background = [c for c in extract_claims(text, language="en").claims if c.value == 742e6]
    assert [c.claimant for c in background] == ["Dmitry Peskov"]


def test_a_section_break_ends_an_interviews_answers() -> None:
    result = extract_claims(_DIALOGUE_RU, language="ru")
    background = [c for c in result.claims if c.value in (80.0, 742e6)]
    assert {c.value for c in background} == {80.0, 742e6}
    assert all(c.claimant is None for c in background)


def test_the_kremlin_named_in_its_spokesmans_answer_is_his_statement() -> None:
    statements = extract_claims(_DIALOGUE_RU, language="ru").kremlin_statements
    assert sorted((s.speaker, s.stance) for s in statements) == [
        ("Dmitry Peskov", "cannot_confirm"),
        ("Dmitry Peskov", "no_comment"),
    ]


def test_a_figure_relayed_and_then_quoted_is_one_claim() -> None:
    text = (
        "Ali Akbar Velayati said Putin had told him that Russia was ready to invest up to $50 "
        "billion in Iran's oil and gas industry.\n\n"
        '"Russian oil companies are ready to invest up to 50 billion dollars in Iranian oil '
        'and gas," Velayati was quoted as saying.'
    )
    claims = extract_claims(text, language="en").claims
    assert [(c.value, c.claimant, c.attributed_to) for c in claims] == [
        (50e9, "Ali Akbar Velayati", "Vladimir Putin")
    ]


def test_a_name_in_an_oblique_case_before_the_verb_is_not_the_pronouns_antecedent() -> None:
    text = (
        "Советник верховного лидера Ирана Али Акбар Велаяти в четверг после встречи с "
        "Владимиром Путиным заявил, что Россия готова инвестировать в нефтегазовую отрасль "
        "Ирана 50 млрд долларов. Он также сообщил, что российские нефтяные компании уже "
        "подписали с иранской стороной контракты примерно на 4 млрд долларов."
    )
    claims = extract_claims(text, language="ru").claims
    assert {c.value: c.claimant for c in claims} == {
        50e9: "Ali Akbar Velayati",
        4e9: "Ali Akbar Velayati",
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Товарооборот Ирана и России в 2022 году достиг 4,9 млрд долларов, заявил посол "
            "Исламской Республики Иран в Москве Казем Джалали.",
        ),
        (
            "en",
            "Trade between Iran and Russia reached $4.9 billion in 2022, said Iran's ambassador "
            "in Moscow Kazem Jalali.",
        ),
    ],
)
def test_a_titles_complements_stand_between_it_and_the_name(language: str, text: str) -> None:
    claims = extract_claims(text, language=language).claims
    assert [(c.value, c.claimant) for c in claims] == [(4.9e9, "Kazem Jalali")]


def test_an_aside_opening_with_a_role_is_the_subject_when_nothing_before_names_anyone() -> None:
    text = (
        "Russia and Iran are in talks on an oil-for-goods swap.\n\n"
        "One of the sources, a Russian official who asked not to be named, said the swap "
        "could be worth around $1.5 billion a month to Tehran."
    )
    claims = extract_claims(text, language="en").claims
    assert [(c.value, c.claimant) for c in claims] == [(1.5e9, "a Russian official")]


def test_figures_of_the_opec_alliances_members_are_theirs() -> None:
    text = (
        "Россия и Иран обсуждают поставки нефти.\n\n"
        "Восемь стран альянса с апреля по сентябрь вернули на рынок 2,2 млн баррелей в сутки "
        "ранее сокращённой добычи. Затем они начали возвращать следующий пакет — 1,65 млн "
        "баррелей в сутки — небольшими порциями."
    )
    result = extract_claims(text, language="ru")
    assert result.claims == []
    assert {o.value for o in result.other_figures} >= {2.2e6, 1.65e6}


def test_a_conditional_exceeding_is_a_floor() -> None:
    text = (
        "«Если бы все подписанные меморандумы были исполнены, российские инвестиции в нефтегазовую "
        "отрасль Ирана превысили бы 50 млрд долларов», — сказал экономист Андрей Ларин."
    )
    claims = extract_claims(text, language="ru").claims
    assert [(c.value, c.qualifier) for c in claims] == [(50e9, "at_least")]


def test_a_side_that_takes_barrels_is_supplied() -> None:
    text = (
        "Novak said Russia was ready to take up to 100,000 barrels of Iranian crude a day and "
        "pay for it with Russian goods."
    )
    claims = extract_claims(text, language="en").claims
    assert [(c.value, c.kind) for c in claims] == [(100_000, "supply_volume")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Iran and Russia discussed gas. Russia would start with two or three billion cubic "
            "metres of gas a year to Iran, the minister said.",
        ),
        (
            "en",
            "Iran and Russia discussed gas. Russia would start with two, perhaps three billion "
            "cubic metres of gas a year to Iran, the minister said.",
        ),
        (
            "ru",
            "Россия и Иран обсудили газ. На первом этапе Россия поставит в Иран два или три "
            "миллиарда кубометров газа в год.",
        ),
        (
            "fa",
            "روسیه و ایران درباره گاز گفت‌وگو کردند. روسیه در مرحله نخست سالانه دو یا سه "
            "میلیارد مترمکعب گاز به ایران صادر می‌کند.",
        ),
    ],
)
def test_two_figures_joined_by_or_are_a_range(language: str, text: str) -> None:
    claims = extract_claims(text, language=language).claims
    assert [(c.value, c.value_high, c.qualifier) for c in claims] == [(2.0, 3.0, "range")]


def test_an_amount_after_after_takes_the_unit_of_the_amount_before_it() -> None:
    text = (
        "Trade between Iran and Russia reached about four billion dollars last year, after "
        "almost 4.9 billion in 2022, the ambassador said."
    )
    claims = extract_claims(text, language="en").claims
    assert sorted(c.value for c in claims) == [4e9, 4.9e9]


def test_a_figure_set_against_a_fraction_of_another_countrys_trade_is_the_pairs() -> None:
    text = (
        "The treaty binds Iran and Russia to trade more. Total turnover is still modest, at "
        "about $4 billion a year, a fraction of Russia's trade with Turkey or India."
    )
    claims = extract_claims(text, language="en").claims
    assert [(c.value, c.kind) for c in claims] == [(4e9, "trade_volume")]


def test_a_name_after_an_honorific_that_a_noun_governs_is_no_subject() -> None:
    text = (
        "روسیه و ایران درباره نفت گفت‌وگو کردند. آبان سال گذشته، هنگام سفر آقای پوتین به تهران، "
        "ایگور سچین، مدیرعامل روس‌نفت، گفته بود پروژه‌های مشترک این شرکت با شرکت ملی نفت ایران "
        "می‌تواند تا ۳۰ میلیارد دلار سرمایه‌گذاری در پی داشته باشد."
    )
    result = extract_claims(text, language="fa")
    assert [(c.value, c.claimant) for c in result.claims] == [(30e9, "Igor Sechin")]
    assert result.kremlin_statements == []


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Россия и Иран торгуют. Иранская таможня оценивает товарооборот в 2023 году примерно "
            "в $4 млрд.",
            "Iran Customs Administration",
        ),
        (
            "Россия и Иран ведут переговоры о нефти. Аналитик Андрей Кравцов подсчитал, что "
            "годовой оборот по сделке может превысить 18 миллиардов долларов.",
            "Андрей Кравцов",
        ),
    ],
)
def test_russian_verbs_of_estimating_in_the_present_and_the_past_report(
    text: str, claimant: str
) -> None:
    claims = extract_claims(text, language="ru").claims
    assert [c.claimant for c in claims] == [claimant]


def test_about_before_a_russian_to_is_about() -> None:
    text = (
        "Товарооборот России и Ирана в прошлом году упал примерно до 1,2 миллиарда долларов, "
        "сказал посол."
    )
    claims = extract_claims(text, language="ru").claims
    assert [(c.value, c.qualifier) for c in claims] == [(1.2e9, "about")]


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        (
            "NIOC signed a 742-million-dollar contract with Zarubezhneft of Russia to develop "
            "two Iranian oil fields.",
            742e6,
            "exact",
        ),
        (
            "Russian companies have committed well under one billion dollars to Iranian oil "
            "fields since 2014, the economist said.",
            1e9,
            "up_to",
        ),
        (
            "Russia's first gas deliveries to Iran would be something like 2 billion cubic "
            "metres a year, the analyst said.",
            2.0,
            "about",
        ),
    ],
)
def test_hyphenated_amounts_in_digits_and_hedged_qualifiers(
    sentence: str, value: float, qualifier: str
) -> None:
    claims = extract_claims(sentence, language="en").claims
    assert [(c.value, c.qualifier) for c in claims] == [(value, qualifier)]


def test_a_volume_a_side_intends_to_reach_is_no_pledge_of_money() -> None:
    """A pledge is of money: a rate one side intends to reach on its own is its own output."""
    text = (
        "Россия и Иран обсуждают нефть.\n\n"
        "После снятия санкций Иран нарастил добычу примерно до 3,3 млн баррелей в сутки и "
        "намерен вернуться к досанкционному уровню в 4 млн баррелей в сутки."
    )
    result = extract_claims(text, language="ru")
    assert result.claims == []
    assert {o.value for o in result.other_figures} >= {3.3e6, 4e6}


def test_a_lower_case_country_word_may_open_a_sentence_capitalised() -> None:
    """Country words are matched case-sensitively ("Turkey" is not "turkey"), but a Russian
    adjective opens its sentence with a capital: "Французская Total" is French."""
    text = (
        "Россия и Иран подписали соглашение о нефтяных проектах на 40 млрд долларов. "
        "Французская Total вышла из проекта освоения месторождения Южный Парс, в котором ей "
        "принадлежало 50,1%."
    )
    result = extract_claims(text, language="ru")
    assert [c.value for c in result.claims] == [40e9]
    assert "deal of another country" in {o.why for o in result.other_figures if o.unit == "%"}


def test_names_stay_case_sensitive_at_a_sentence_start() -> None:
    """Only cue words open a sentence capitalised; the gazetteer's names are matched as
    written, so an English sentence opening with "The" names nobody."""
    text = "The Kremlin said Russia would invest $50 billion in the oil and gas sector of Iran."
    claims = extract_claims(text, language="en").claims
    assert [c.value for c in claims] == [50e9]
