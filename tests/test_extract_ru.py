"""Russian extraction: number forms, scales, currencies, qualifiers, names in their case forms,
frames of saying and stances, all from extractors/data/cues/ru.json and names/ru.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.claims import Extraction, extract_claims
from extractors.cues import load_cues
from extractors.figures import find_figures, find_not_figures
from extractors.sentences import segment
from flows.cli import app

NBSP, THIN = "\u00a0", "\u2009"
B = 1_000_000_000


def _figure(text: str) -> tuple[float, str | None, str]:
    figures = [f for f in find_figures(text, load_cues("ru")) if f.unit]
    assert len(figures) == 1, figures
    return figures[0].value, figures[0].unit, figures[0].qualifier


def _extract(body: str) -> Extraction:
    return extract_claims(body, language="ru")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("контракт на 4 млрд долларов", 4 * B, "USD"),
        ("контракт на 4 млрд. долларов", 4 * B, "USD"),
        ("сделка на 2,5 млрд долл.", 2.5 * B, "USD"),
        ("сделка на 742 млн долларов США", 742_000_000, "USD"),
        ("кредит на $5 млрд", 5 * B, "USD"),
        ("проект на 3 миллиарда долларов", 3 * B, "USD"),
        ("проект на 40 миллиардов евро", 40 * B, "EUR"),
        ("доходы составят 2,8 трлн рублей", 2.8e12, "RUB"),
        ("выручка 300 тыс. руб.", 300_000, "RUB"),
        ("сумма в два миллиарда долларов", 2 * B, "USD"),
        ("около 12 с половиной миллиардов долларов", 12.5 * B, "USD"),
        ("два с половиной миллиарда долларов", 2.5 * B, "USD"),
        (f"закупки 1{NBSP}500{NBSP}000 тонн нефти", 1_500_000, "t"),
        (f"закупки 1{THIN}500 тонн", 1500, "t"),
        ("закупки 1 500 000 тонн", 1_500_000, "t"),
        ("вырос на 36%", 36, "%"),
        ("вырос на 36 процентов", 36, "%"),
        ("поставки 55 млрд кубометров газа", 55, "bcm"),
        ("поставки 2 млрд куб. м газа", 2, "bcm"),
        ("поставки 500 млн кубометров", 0.5, "bcm"),
        ("500 тыс. баррелей в сутки", 500_000, "bbl/d"),
        ("100 000 баррелей нефти в день", 100_000, "bbl/d"),
    ],
)
def test_number_forms_scales_currencies_units(text: str, value: float, unit: str) -> None:
    got, got_unit, _ = _figure(text)
    assert got == pytest.approx(value)
    assert got_unit == unit


def test_year_before_a_figure_is_not_glued_to_it() -> None:
    assert _figure("в 2018 году 500 млн долларов") == (500_000_000, "USD", "exact")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("сделки на сумму до 10 млрд долларов", "up_to"),
        ("инвестиции в размере до 10 млрд долларов", "up_to"),
        ("может достичь 50 млрд долларов", "up_to"),
        ("в перспективе товарооборот может выйти на 10 млрд долларов", "up_to"),
        ("поставки выйдут на уровень 10 млрд долларов", "up_to"),
        ("около 20 млрд долларов", "about"),
        ("порядка 20 млрд долларов", "about"),
        ("почти 20 млрд долларов", "about"),
        ("примерно 20 млрд долларов", "about"),
        ("стоимость оценивается примерно в 20 млрд долларов", "about"),
        ("проект оценили приблизительно в $20 млрд", "about"),
        ("речь идёт примерно о 20 млрд долларов", "about"),
        ("более 20 млрд долларов", "at_least"),
        ("свыше 20 млрд долларов", "at_least"),
        ("уже превышает 20 млрд долларов", "at_least"),
        ("не менее 20 млрд долларов", "at_least"),
        ("менее 20 млрд долларов", "up_to"),
        ("чуть меньше 20 млрд долларов", "about"),
        ("товарооборот приблизился к 20 млрд долларов", "about"),
        ("товарооборот вырос на 36%, до 1,7 млрд долларов", "exact"),
        ("20 млрд долларов с лишним", "at_least"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    figures = [f for f in find_figures(text, load_cues("ru")) if f.unit == "USD"]
    assert [f.qualifier for f in figures] == [qualifier]


def test_until_a_year_is_a_date_not_a_ceiling() -> None:
    figures = [f for f in find_figures("вложить 2 млрд долларов до 2025 года", load_cues("ru"))]
    money = [f for f in figures if f.unit == "USD"]
    assert [(f.value, f.qualifier) for f in money] == [(2 * B, "exact")]


@pytest.mark.parametrize("text", ["от 40 до 50 млрд долларов", "40–50 млрд долларов"])
def test_ranges(text: str) -> None:
    (fig,) = [f for f in find_figures(text, load_cues("ru")) if f.unit]
    assert (fig.value, fig.value_high, fig.qualifier) == (40 * B, 50 * B, "range")


@pytest.mark.parametrize(
    ("text", "why"),
    [("13 июля 2018 года", "date"), ("в 15:30 мск", "time"), ("в возрасте 72 лет", "age")],
)
def test_not_figures(text: str, why: str) -> None:
    assert [n.why for n in find_not_figures(text, load_cues("ru"))] == [why]


LEAD = "Иран и Россия обсуждают энергетическое сотрудничество.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Велаяти заявил, что Россия готова вложить до 50 млрд долларов в нефтяной сектор Ирана.",
        "Как заявил журналистам Велаяти, Россия готова вложить до 50 млрд долларов в нефть Ирана.",
        "По словам Велаяти, Россия готова вложить до 50 млрд долларов в нефтяной сектор Ирана.",
        "«Россия готова вложить до 50 млрд долларов в нашу нефтянку», — заявил Велаяти.",
        "Али Акбар Велаяти после встречи с Владимиром Путиным сообщил, что Россия готова "
        "вложить до 50 млрд долларов в нефтяной сектор Ирана.",
        "Советник верховного лидера Ирана Али Акбар Велаяти подчеркнул, что Россия готова "
        "вложить до 50 млрд долларов в нефть и газ.",
    ],
)
def test_verbs_and_frames_of_saying(sentence: str) -> None:
    (claim,) = _extract(LEAD + sentence).claims
    assert (claim.claimant, claim.value, claim.qualifier) == ("Ali Akbar Velayati", 50 * B, "up_to")
    assert claim.kind == "investment_pledge"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Песков заявил", "Dmitry Peskov"),
        ("Дмитрий Песков заявил", "Dmitry Peskov"),
        ("по словам Дмитрия Пескова,", "Dmitry Peskov"),
        ("как заявил журналистам Юрий Ушаков,", "Yuri Ushakov"),
        ("Захарова заявила", "Maria Zakharova"),
    ],
)
def test_names_in_case_forms(sentence: str, speaker: str) -> None:
    body = f"{LEAD}{sentence} Кремль не может подтвердить сделку с Ираном на 4 млрд долларов."
    statements = _extract(body).kremlin_statements
    assert [s.speaker for s in statements] == [speaker]


@pytest.mark.parametrize(
    ("phrase", "stance"),
    [
        ("не может подтвердить эту информацию о сделке", "cannot_confirm"),
        ("не располагает информацией о сделке", "cannot_confirm"),
        ("сказал: «У нас нет такой информации» о сделке", "cannot_confirm"),
        ("воздержался от комментариев по сделке", "no_comment"),
        ("ответил «без комментариев» на вопрос о сделке", "no_comment"),
        ("отказался комментировать сделку", "no_comment"),
        ("опроверг сообщения о сделке", "deny"),
        ("подтвердил подписание сделки", "confirm"),
    ],
)
def test_stance_phrases(phrase: str, stance: str) -> None:
    body = f"{LEAD}Пресс-секретарь президента Дмитрий Песков {phrase}."
    (statement,) = _extract(body).kremlin_statements
    assert (statement.speaker, statement.role, statement.stance) == (
        "Dmitry Peskov",
        "kremlin_spokesman",
        stance,
    )


def test_writer_noting_an_absence_is_no_statement() -> None:
    body = f"{LEAD}Кремль так и не подтвердил сообщения о сделке с Ираном."
    assert _extract(body).kremlin_statements == []


def test_denial_keeps_its_figure_with_the_stance_of_the_sentence() -> None:
    body = f"{LEAD}Иран опроверг подписание с Россией нефтяного контракта на 4 млрд долларов."
    (claim,) = _extract(body).claims
    assert claim.modality == "denied"


def test_hypothetical() -> None:
    body = (
        f"{LEAD}Если санкции снимут, российские инвестиции в нефть Ирана могли бы достичь "
        "50 млрд долларов, заявил Джалали."
    )
    (claim,) = _extract(body).claims
    assert (claim.modality, claim.claimant) == ("hypothetical", "Kazem Jalali")


def test_offsets_point_into_the_original_text() -> None:
    body = f"{LEAD}Новак сообщил, что товарооборот вырос на 15,5%, до 4,9{NBSP}млрд долларов."
    claims = _extract(body).claims
    assert [body[c.start : c.end] for c in claims] == ["15,5%", f"4,9{NBSP}млрд долларов"]
    assert [c.text for c in claims] == ["15,5%", f"4,9{NBSP}млрд долларов"]


def test_cli_extract_prints_the_contract_for_a_russian_file(tmp_path: Path) -> None:
    page = tmp_path / "tass.txt"
    page.write_text(
        "Песков не может подтвердить слова Велаяти\n\n"
        "Советник верховного лидера Ирана Али Акбар Велаяти заявил, что российская нефтяная "
        "компания подписала с Ираном контракт на 4 млрд долларов.\n\n"
        "Пресс-секретарь президента России Дмитрий Песков заявил, что не может подтвердить "
        "эту информацию.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["language"] == "ru"
    (claim,) = out["claims"]
    assert {k: claim[k] for k in ("value", "unit", "qualifier", "kind", "claimant")} == {
        "value": 4 * B,
        "unit": "USD",
        "qualifier": "exact",
        "kind": "contract_signed",
        "claimant": "Ali Akbar Velayati",
    }
    (statement,) = out["kremlin_statements"]
    assert (statement["speaker"], statement["stance"]) == ("Dmitry Peskov", "cannot_confirm")


def test_a_writers_tak_i_ne_podtverdil_is_no_confirm_and_no_claimant() -> None:
    """'подтвердил' is a verb of saying; in 'так и не подтвердил' nobody speaks."""
    body = (
        f"{LEAD}Кремль так и не подтвердил сделку на 4 млрд долларов "
        "с иранским министерством нефти."
    )
    result = _extract(body)
    assert result.kremlin_statements == []
    (claim,) = result.claims
    assert (claim.value, claim.claimant) == (4 * B, None)


@pytest.mark.parametrize(
    "denial",
    ["Песков опроверг, что", "Песков опроверг информацию о том, что"],
)
def test_a_denial_governs_its_chto_clause(denial: str) -> None:
    """The clause after 'что' is what the denial denies, across the clause break."""
    body = f"{LEAD}{denial} Москва подписала контракт на 4 млрд долларов с Ираном."
    result = _extract(body)
    (claim,) = result.claims
    assert (claim.value, claim.modality) == (4 * B, "denied")
    (statement,) = result.kremlin_statements
    assert (statement.speaker, statement.stance, statement.about_values) == (
        "Dmitry Peskov",
        "deny",
        (4 * B,),
    )


def test_a_chto_clause_after_a_plain_verb_of_saying_stays_asserted() -> None:
    body = f"{LEAD}Новак заявил, что Москва подписала контракт на 4 млрд долларов с Ираном."
    (claim,) = _extract(body).claims
    assert claim.modality == "asserted"


TWO_SPEAKERS = (
    f"{LEAD}Ирина Петрова заявила журналистам, что переговоры идут. "
    "Алексей Смирнов заявил, что сделка возможна. "
)


@pytest.mark.parametrize(
    ("pronoun", "speaker"), [("её", "Ирина Петрова"), ("его", "Алексей Смирнов")]
)
def test_the_past_tense_ending_gives_an_unknown_speaker_a_gender(
    pronoun: str, speaker: str
) -> None:
    """'заявила' is said by a woman, 'заявил' by a man: 'по её словам' finds her past the
    man named after her; 'по его словам' is a frame of saying whose speaker is him."""
    body = (
        f"{TWO_SPEAKERS}По {pronoun} словам, российские компании инвестируют 10 млрд долларов "
        "в иранские нефтяные месторождения."
    )
    (claim,) = _extract(body).claims
    assert (claim.value, claim.claimant) == (10 * B, speaker)


def test_a_name_not_in_the_gazetteer_is_found_in_cyrillic() -> None:
    body = (
        f"{LEAD}Мохаммад Реза Пурэбрахими заявил, что Россия готова инвестировать "
        "25 млрд долларов в нефтегазовый сектор Ирана."
    )
    (claim,) = _extract(body).claims
    assert claim.claimant == "Мохаммад Реза Пурэбрахими"


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        # imperfective past of a verb of saying: a report of what was said earlier
        (
            "Как еще весной сообщал посол Казем Джалали, товарооборот России и Ирана "
            "за прошлый год превысил 4 млрд долларов.",
            "Kazem Jalali",
        ),
        (
            "Министр Николай Шульгинов не раз заявлял, что товарооборот России и Ирана "
            "превысил 4 млрд долларов.",
            "Nikolai Shulginov",
        ),
        # a data source is the claimant: "по данным X", "следует из данных X"
        (
            "Товарооборот России и Ирана превысил 4 млрд долларов, следует из данных "
            "Федеральной таможенной службы.",
            "Federal Customs Service",
        ),
        (
            "По данным ФТС, товарооборот России и Ирана превысил 4 млрд долларов.",
            "Federal Customs Service",
        ),
        # a role with its apposition between the verb and the name
        (
            "Как рассказал журналистам председатель межправительственной комиссии, "
            "министр энергетики Николай Шульгинов, товарооборот России и Ирана превысил "
            "4 млрд долларов.",
            "Nikolai Shulginov",
        ),
        # the ministry that keeps Russia's trade figures
        (
            "По оценке Минэкономразвития России, товарооборот России и Ирана превысил "
            "4 млрд долларов.",
            "Russian Ministry of Economic Development",
        ),
        # an institution written in lower case in running text
        (
            "Как сообщило министерство нефти Ирана, товарооборот с Россией превысил "
            "4 млрд долларов.",
            "Iranian Oil Ministry",
        ),
    ],
)
def test_claimants_in_report_forms(sentence: str, claimant: str) -> None:
    (claim,) = _extract(LEAD + sentence).claims
    assert (claim.claimant, claim.value, claim.qualifier) == (claimant, 4 * B, "at_least")


def test_after_a_prefix_the_owner_follows_at_once() -> None:
    body = (
        f"{LEAD}Дмитрий Песков ничего не сказал о сделке.\n\n"
        "По сведениям газеты, речь идет о поставках в Иран до 2 млрд кубометров газа в год, "
        "которые обсуждал Песков."
    )
    claims = _extract(body).claims
    assert [c.claimant for c in claims] != ["Dmitry Peskov"]


def test_a_country_after_through_its_territory_is_a_route() -> None:
    body = (
        f"{LEAD}Трубопровод пройдет через территорию Азербайджана. Поставки российского "
        "газа в Иран составят 2 млрд кубометров в год, сказал Новак."
    )
    (claim,) = _extract(body).claims
    assert (claim.value, claim.unit, claim.claimant) == (2, "bcm", "Alexander Novak")


@pytest.mark.parametrize(
    ("phrase", "stance"),
    [
        # the infinitive fronted before its negated verb
        ("сведения о сделке комментировать не стал", "no_comment"),
        ("сумму контракта уточнять не стал", "no_comment"),
        ("подписание сделки подтверждать не стал", "cannot_confirm"),
        # fresh wordings of silence and denial
        ("сказал, что не будет сейчас вдаваться в цифры по сделке", "no_comment"),
        ("на вопрос о сумме сделки предпочел промолчать", "no_comment"),
        ("воздержался от оценки стоимости контракта", "no_comment"),
        ("сказал, что переговоры по сделке находятся на завершающем этапе", "confirm"),
        # the stage reached, in the accusative after a verb of motion
        ("сказал, что переговоры по сделке вышли на финальную стадию", "confirm"),
        ("сказал: «Финансовые условия сделки мы не раскрываем»", "no_comment"),
        ("сказал: «Сумма сделки — дело компаний, мы в это не вмешиваемся»", "no_comment"),
        ("сказал, что все вопросы по сумме — к компаниям", "no_comment"),
        ("назвал сумму сделки «завышенной»", "deny"),
        # "premature", said of discussing the sum, whatever the verb before it
        ("сказал, что обсуждать сумму сделки «преждевременно»", "no_comment"),
        ("сказал: «Такого контракта никто не заключал, и никакой подобной сделки нет»", "deny"),
        ("заявил, что соглашение о сделке не заключалось", "deny"),
    ],
)
def test_stance_phrases_in_other_wordings(phrase: str, stance: str) -> None:
    body = f"{LEAD}Пресс-секретарь президента Дмитрий Песков {phrase}."
    (statement,) = _extract(body).kremlin_statements
    assert (statement.speaker, statement.stance) == ("Dmitry Peskov", stance)


def test_a_name_in_the_reported_clause_is_not_the_speaker() -> None:
    body = (
        f"{LEAD}Вернувшись из Москвы, советник Али Акбар Велаяти объявил, что Путин "
        "намерен вложить в нефтяные проекты Ирана до 40 млрд долларов."
    )
    extraction = _extract(body)
    (claim,) = extraction.claims
    assert claim.claimant == "Ali Akbar Velayati"
    assert extraction.kremlin_statements == []  # Putin is reported on, he does not speak


def test_the_spokesman_speaks_of_the_kremlin_in_the_third_person() -> None:
    body = (
        f"{LEAD}Дмитрий Песков, отвечая на вопрос о стоимости сделки с Ираном, сказал, "
        "что Кремль коммерческие контракты не комментирует."
    )
    (statement,) = _extract(body).kremlin_statements
    assert (statement.speaker, statement.stance) == ("Dmitry Peskov", "no_comment")


def test_a_transcript_speaker_tag_gives_the_paragraph_to_its_speaker() -> None:
    body = (
        "Выпуск новостей. Переговоры в Кремле.\n\n"
        "ВЕДУЩАЯ: Президенты России и Ирана обсудили энергетику.\n\n"
        "ПУТИН (запись): По газу мы готовы поставлять Ирану до 2 млрд кубометров в год."
    )
    extraction = _extract(body)
    (claim,) = extraction.claims
    assert (claim.claimant, claim.value, claim.unit) == ("Vladimir Putin", 2, "bcm")
    (statement,) = extraction.kremlin_statements
    assert (statement.speaker, statement.stance) == ("Vladimir Putin", "confirm")


def test_a_lead_in_ending_with_a_colon_gives_the_next_paragraph_to_its_speaker() -> None:
    body = (
        "🔴 Песков — о газовом контракте с Ираном на $8 млрд:\n\n"
        "«Такие сообщения не соответствуют действительности».\n\n"
        "Ранее иранское агентство сообщило, что Россия и Иран подписали газовый контракт."
    )
    (statement,) = _extract(body).kremlin_statements
    assert (statement.speaker, statement.stance) == ("Dmitry Peskov", "deny")


def test_an_anchor_tag_names_nobody() -> None:
    body = (
        "ВЕДУЩИЙ: Россия и Иран подписали контракт на 4 млрд долларов на разработку "
        "нефтяных месторождений."
    )
    (claim,) = _extract(body).claims
    assert claim.claimant is None


GAS_LEAD = (
    "Иранский министр нефти заявил, что Россия и Иран подписали газовый контракт "
    "на 12 млрд долларов.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "speaker", "stance"),
    [
        # a long object between the subject and its clause-final negated verb
        (
            "Песков условия и возможную стоимость газового контракта с Тегераном "
            "обсуждать не стал.",
            "Dmitry Peskov",
            "no_comment",
        ),
        # a stance in two parts, the object between them
        (
            "Ушаков сказал, что подтвердить приведённые иранским министром суммы он не может.",
            "Yuri Ushakov",
            "cannot_confirm",
        ),
        ("Песков от каких-либо оценок контракта воздержался.", "Dmitry Peskov", "no_comment"),
        (
            "Дмитрий Песков оставил вопрос журналистов о цене контракта без ответа.",
            "Dmitry Peskov",
            "no_comment",
        ),
        ("Песков переадресовал вопросы о контракте в «Газпром».", "Dmitry Peskov", "no_comment"),
        # present tense under negation is no confirmation
        ("Кремль эти сведения о контракте не подтверждает.", "Kremlin", "cannot_confirm"),
        # the indefinite-personal 'В Кремле ...' is the Kremlin as an institution
        ("В Кремле сообщения о контракте опровергли.", "Kremlin", "deny"),
    ],
)
def test_russian_word_order_of_statements(sentence: str, speaker: str, stance: str) -> None:
    statements = _extract(GAS_LEAD + sentence).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [(speaker, stance)]


def test_the_one_asked_is_whom_the_answering_pronoun_means() -> None:
    body = (
        "Посол Ирана Казем Джалали рассказал о газовом контракте на 12 млрд долларов. "
        "Ушакову журналисты задали вопрос о сумме — он предпочёл промолчать."
    )
    statements = _extract(body).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Yuri Ushakov", "no_comment")]


def test_one_sentence_may_hold_two_stances_of_one_speaker() -> None:
    body = GAS_LEAD + (
        "Помощник президента Юрий Ушаков подтвердил, что контракт подписан, "
        "однако от оценки суммы воздержался."
    )
    statements = _extract(body).kremlin_statements
    assert sorted((s.speaker, s.stance) for s in statements) == [
        ("Yuri Ushakov", "confirm"),
        ("Yuri Ushakov", "no_comment"),
    ]


def test_a_speaker_is_not_taken_from_the_next_sentence() -> None:
    body = (
        "Тегеран заявил о газовом контракте с Москвой на 12 млрд долларов. "
        "Песков сумму контракта комментировать не стал."
    )
    extraction = _extract(body)
    (claim,) = extraction.claims
    assert claim.claimant is None
    statements = extraction.kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Dmitry Peskov", "no_comment")]


@pytest.mark.parametrize(
    "reaction",
    [
        "Дмитрий Песков заявил, что не может это подтвердить.",
        "Песков сказал журналистам, что не располагает информацией об этом.",
    ],
)
def test_a_russian_stance_on_this_points_back_to_the_claim(reaction: str) -> None:
    text = (
        "Велаяти заявил, что Россия вложит 50 млрд долларов в нефтегазовый сектор Ирана.\n\n"
        + reaction
    )
    (statement,) = extract_claims(text, language="ru").kremlin_statements
    assert (statement.speaker, statement.about_claimant) == (
        "Dmitry Peskov",
        "Ali Akbar Velayati",
    )


@pytest.mark.parametrize(
    "text",
    [
        (
            "Посол Ирана в Москве Казем Джалали рассказал агентству о торговле и газе.\n\n"
            "— Как идет торговля между Ираном и Россией?\n"
            "— Хорошо. В прошлом году товарооборот Ирана и России превысил 4 млрд долларов.\n"
            "— А газ?\n"
            "— Переговоры идут, цифры называть рано.\n"
        ),
        # the first turn asks and goes on ("...? Его обсуждают два года."): the dialogue's
        # introduction ends there, and the person the first answer names is no guest
        (
            "Посол Ирана Казем Джалали: о газе и торговле\n\n"
            "Перед визитом президента Ирана Масуда Пезешкиана в Москву посол Ирана Казем "
            "Джалали рассказал нашему изданию о торговле с Россией.\n\n"
            "— Господин посол, когда будет подписан договор? Его обсуждают уже два года.\n\n"
            "— Дату определят лидеры, возможно, во время визита президента Пезешкиана.\n\n"
            "— Как развивается товарооборот?\n\n"
            "— В прошлом году товарооборот между Ираном и Россией составил около 4 миллиардов "
            "долларов.\n\n"
            "— А газ?\n\n"
            "— Переговоры идут.\n"
        ),
    ],
)
def test_the_dash_led_answers_of_a_russian_interview_are_the_interviewees(text: str) -> None:
    (claim,) = extract_claims(text, language="ru").claims
    assert (claim.value, claim.claimant) == (4e9, "Kazem Jalali")


@pytest.mark.parametrize(
    ("reaction", "speaker", "stance"),
    [
        (
            "«Это не соответствует действительности», — заявил журналистам Дмитрий Песков.",
            "Dmitry Peskov",
            "deny",
        ),
        ("Песков: Пока рано говорить о цифрах.", "Dmitry Peskov", "no_comment"),
        ("В Кремле не стали комментировать эти оценки.", "Kremlin", "no_comment"),
    ],
)
def test_russian_reactions_that_name_no_figure(reaction: str, speaker: str, stance: str) -> None:
    text = (
        "Иранские СМИ сообщили, что Россия вложит 20 млрд долларов в нефтяную отрасль Ирана.\n\n"
        + reaction
    )
    statements = extract_claims(text, language="ru").kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [(speaker, stance)]


def test_a_news_agency_is_told_a_stance_and_takes_none() -> None:
    text = (
        "Иранские СМИ сообщили, что Россия вложит 20 млрд долларов в нефтяную отрасль Ирана.\n\n"
        "В пресс-службе «Роснефти» ТАСС сообщили, что переговоры с иранскими партнерами "
        "не комментируют."
    )
    statements = extract_claims(text, language="ru").kremlin_statements
    assert all(s.speaker != "TASS" for s in statements)


_IRANIAN_REPORT = (
    "Агентство Mehr со ссылкой на источник в министерстве нефти написало, что Россия "
    "профинансирует разработку газового месторождения в Иране на 8 млрд долларов.\n\n"
)


@pytest.mark.parametrize(
    ("reaction", "stance"),
    [
        ("Подтвердить эту сумму в пресс-службе Кремля не смогли.", "cannot_confirm"),
        ("Подтверждать такие сведения в Кремле не стали.", "cannot_confirm"),
        ("Обсуждать эти данные в Кремле не стали.", "no_comment"),
        ("Комментировать эту публикацию в пресс-службе Кремля не стали.", "no_comment"),
        (
            "В пресс-службе Кремля «Известиям» ответили, что эти цифры не комментируют.",
            "no_comment",
        ),
    ],
)
def test_the_kremlin_named_as_a_place_inside_the_clause_speaks(reaction: str, stance: str) -> None:
    statements = extract_claims(_IRANIAN_REPORT + reaction, language="ru").kremlin_statements
    assert [(s.speaker, s.role, s.stance) for s in statements] == [
        ("Kremlin", "kremlin_press_service", stance)
    ]


def test_a_named_subject_before_the_stance_speaks_rather_than_a_place_after_it() -> None:
    text = _IRANIAN_REPORT + "Песков эти данные комментировать в Кремле не стал."
    statements = extract_claims(text, language="ru").kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Dmitry Peskov", "no_comment")]


def test_a_place_of_an_event_is_no_speaker() -> None:
    text = _IRANIAN_REPORT + "Иранский министр подтвердить эти данные на встрече в Кремле не смог."
    statements = extract_claims(text, language="ru").kremlin_statements
    assert statements == []


def test_a_heading_that_attributes_a_figure_does_not_hide_the_body_that_states_it() -> None:
    text = (
        "Россия и Иран подписали газовый контракт\n"
        "Иранские СМИ оценили сделку в $6 млрд\n\n"
        "«Газпром» и Национальная иранская газовая компания подписали контракт на поставку "
        "газа в Иран. По данным агентства, стоимость контракта составляет $6 млрд."
    )
    claims = extract_claims(text, language="ru").claims
    assert [(c.value, c.kind) for c in claims] == [(6 * B, "contract_signed")]


def _interview(answer: str) -> str:
    return (
        "Министр энергетики России Сергей Цивилев ответил на вопросы о сотрудничестве с Ираном.\n\n"
        "— Сергей Евгеньевич, в Тегеране говорят, что Россия построит в Иране "
        "газопровод на 3 млрд долларов. Это так?\n\n"
        f"— {answer}\n\n"
        "— А торговля?\n\n"
        "— Товарооборот растет, мы довольны динамикой."
    )


@pytest.mark.parametrize(
    ("answer", "stance"),
    [
        ("Могу подтвердить, что проект газопровода обсуждается с иранскими коллегами.", "confirm"),
        ("Можем подтвердить: такие переговоры идут.", "confirm"),
        ("Я не могу это подтвердить.", "cannot_confirm"),
        ("Мы такой информацией не располагаем.", "cannot_confirm"),
        ("Конкретную цифру я называть не буду.", "no_comment"),
    ],
)
def test_a_first_person_answer_in_an_interview_is_the_interviewees_stance(
    answer: str, stance: str
) -> None:
    statements = extract_claims(_interview(answer), language="ru").kremlin_statements
    assert [(s.speaker, s.role, s.stance) for s in statements] == [
        ("Sergei Tsivilev", "russian_minister", stance)
    ]


def test_asking_whether_anyone_confirmed_is_no_statement() -> None:
    text = (
        "Иранские чиновники снова назвали сумму в 50 млрд долларов российских инвестиций "
        "в нефть и газ Ирана. Осталось выяснить, подтвердил ли эту цифру хоть кто-то в Москве."
    )
    assert extract_claims(text, language="ru").kremlin_statements == []


@pytest.mark.parametrize(
    ("reaction", "speaker", "stance"),
    [
        # a company named as a place, in quotation marks, speaks for the impersonal verb
        ("В «Газпроме» от комментариев отказались.", "Gazprom", "no_comment"),
        ("▪️ В «Росатоме» сумму контракта не комментируют.", "Rosatom", "no_comment"),
        # names in straight quotes side by side end no sentence
        (
            'В пресс-службе "Газпрома" "Интерфаксу" факт подписания меморандума подтвердили.',
            "Gazprom",
            "confirm",
        ),
        # a quoted fragment inside reported speech is the reporting institution's
        (
            "В пресс-службе «Лукойла» «Восточному экспрессу» заявили, что информация "
            "иранского агентства «не соответствует действительности».",
            "Lukoil",
            "deny",
        ),
        # "в компании", "представитель компании": the company named before
        (
            "Какие месторождения войдут в проекты, в «Роснефти» не уточнили, представитель "
            "компании от дальнейших комментариев отказался.",
            "Rosneft",
            "no_comment",
        ),
        # the company named before, as the subject; the head of "the state corporation"
        (
            "Переговоры ведет «Роснефть». Компания от комментариев отказалась.",
            "Rosneft",
            "no_comment",
        ),
        (
            "Алексей Лихачев выступил на форуме. На вопрос о сумме проекта глава "
            "госкорпорации отвечать не стал.",
            "Alexey Likhachev",
            "no_comment",
        ),
        # an unnamed official is no one the gazetteer knows ("official" names no one post)
        (
            "Российский чиновник назвал эту цифру «политической».",
            "Российский чиновник",
            "deny",
        ),
        # a ministry named as a place has its canonical name
        (
            "В Минэнерго России сообщили, что не располагают информацией о подписании "
            "контрактов на указанную сумму.",
            "Russian Energy Ministry",
            "cannot_confirm",
        ),
        (
            "«Это предмет коммерческих переговоров между компаниями», — сказал пресс-секретарь "
            "президента Дмитрий Песков.",
            "Dmitry Peskov",
            "no_comment",
        ),
        # a verdict of commentators in a clause of their own is theirs, not the Kremlin's
        (
            "В Кремле эту сумму подтверждать не стали, а экономисты называют ее завышенной.",
            "Kremlin",
            "cannot_confirm",
        ),
        (
            "В Кремле эту сумму подтверждать не стали, а опрошенные нами аналитики называют ее "
            "завышенной.",
            "Kremlin",
            "cannot_confirm",
        ),
        # the subject between the parts of a stance whose infinitive opens its clause
        ("Подтвердить эти данные Песков не смог.", "Dmitry Peskov", "cannot_confirm"),
        (
            "Министр энергетики Сергей Цивилев заявил, что соглашение готово. Уточнять сумму "
            "он не стал.",
            "Sergei Tsivilev",
            "no_comment",
        ),
    ],
)
def test_how_russian_institutions_speak_refuse_and_deny(
    reaction: str, speaker: str, stance: str
) -> None:
    text = (
        "Иранские СМИ сообщили, что Россия вложит 20 млрд долларов в нефтяную отрасль Ирана."
        "\n\n" + reaction
    )
    statements = extract_claims(text, language="ru").kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [(speaker, stance)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Оборот России с Турцией в прошлом году превысил $52 млрд, с Индией — $65 млрд.",
        "В Иракском Курдистане вложения компании, по оценке аналитиков, превысят $3,5 млрд.",
        "В Египте АЭС строится на российский кредит в $25 млрд, о котором две страны "
        "договорились в 2015 году.",
    ],
)
def test_russian_figures_of_another_country_in_any_case_are_no_claims(sentence: str) -> None:
    text = "Россия и Иран подписали меморандум о поставках газа.\n\n" + sentence
    assert [c.text for c in extract_claims(text, language="ru").claims] == []


def test_a_writers_rhetorical_questions_make_no_interview() -> None:
    text = (
        "В пятницу Владимир Путин и президент Ирана подписали договор о партнерстве.\n\n"
        "Почему так? Во-первых, обе экономики находятся под санкциями.\n\n"
        "Что дальше? Во-вторых, денег на трубу нет ни у кого.\n\n"
        "Товарооборот России и Ирана колеблется в районе 4–5 миллиардов долларов в год."
    )
    claims = extract_claims(text, language="ru").claims
    assert [c.claimant for c in claims] == [None]


@pytest.mark.parametrize(
    ("reaction", "stance"),
    [
        # an object of seven words between the two parts of a stance
        ("Песков: подтвердить цифру в $50 млрд инвестиций в Иран не могу.", "cannot_confirm"),
        (
            "В Минэнерго сообщили, что параметры контракта в проработке, от дальнейших "
            "комментариев, в том числе о сроках поставок, отказались.",
            "no_comment",
        ),
    ],
)
def test_russian_stances_around_a_long_object(reaction: str, stance: str) -> None:
    text = "Велаяти заявил, что Россия вложит $50 млрд в нефтегазовый сектор Ирана.\n\n" + reaction
    statements = extract_claims(text, language="ru").kremlin_statements
    assert [s.stance for s in statements] == [stance]


@pytest.mark.parametrize(
    "reaction",
    [
        # the ministry named without its country: its label says whose it is
        "В министерстве энергетики от комментариев отказались.",
        "В российском министерстве энергетики от комментариев отказались.",
    ],
)
def test_a_ministry_named_without_its_country_is_russias(reaction: str) -> None:
    text = "Велаяти заявил, что Россия вложит $50 млрд в нефтегазовый сектор Ирана.\n\n" + reaction
    statements = extract_claims(text, language="ru").kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [
        ("Russian Energy Ministry", "no_comment")
    ]


def test_a_representative_of_a_ministry_speaks_for_the_ministry() -> None:
    text = (
        "Велаяти заявил, что Россия будет закупать до 500 тысяч баррелей иранской нефти в "
        "сутки.\n\nПредставитель министерства иностранных дел России, попросивший не называть "
        "его имени, заявил, что «никакой сделки на 500 тысяч баррелей не существует»."
    )
    statements = extract_claims(text, language="ru").kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Russian Foreign Ministry", "deny")]


@pytest.mark.parametrize(
    "text",
    [
        # the agency relays the words, and the words' owner relays Putin
        "Велаяти побывал в Москве. «Президент Путин сказал, что Россия готова вложить в "
        "нефтегазовый сектор Ирана 50 млрд долларов», — приводит IRNA слова иранского политика.",
        "Велаяти побывал в Москве. «Господин Путин сказал, что Россия готова вложить 50 млрд "
        "долларов в нефтегазовый сектор Ирана», — передавало слова Велаяти агентство IRNA.",
        # "the ayatollah's adviser said Putin stressed ...": the adviser claims
        "Велаяти побывал в Москве. Советник аятоллы также сообщил, что Путин подчеркнул "
        "готовность России вложить в нефтегазовый сектор Ирана 50 млрд долларов.",
    ],
)
def test_a_relayed_putin_is_no_kremlin_confirmation(text: str) -> None:
    result = extract_claims(text, language="ru")
    assert [c.claimant for c in result.claims] != ["Vladimir Putin"]
    assert result.kremlin_statements == []


def test_the_owner_of_the_words_an_agency_relays_speaks() -> None:
    text = (
        "Оуджи выступил на совещании в Тегеране. «Мы подписали с российскими компаниями "
        "контракты по семи месторождениям на 4 млрд долларов», — приводит агентство Shana "
        "слова министра."
    )
    assert [c.claimant for c in extract_claims(text, language="ru").claims] == ["Javad Owji"]


@pytest.mark.parametrize(
    ("reaction", "stances"),
    [
        # the voice before a company's name in quotation marks, in the genitive
        (
            "Представитель «Росатома» подтвердил, что документ подписан, однако отказался "
            "обсуждать его стоимость.",
            ["no_comment", "confirm"],
        ),
        # "in Gazprom itself"
        ("В самом «Газпроме» подписание документа подтвердили.", ["confirm"]),
    ],
)
def test_a_company_speaks_through_its_representative_or_as_a_place(
    reaction: str, stances: list[str]
) -> None:
    text = "Иран и Россия подписали контракт на 25 млрд долларов.\n\n" + reaction
    statements = extract_claims(text, language="ru").kremlin_statements
    assert sorted(s.stance for s in statements) == sorted(stances)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # after a number, a scale or currency abbreviation's full stop ends the sentence
        ("Сумму оценили в $40 млрд. В «Газпроме» ее не комментируют.", 2),
        ("Речь шла о 40 млрд долл. Документ подписан в Москве.", 2),
        # ...not before a unit, nor where no number comes before it ("г." of a year runs on)
        ("Мощность составит 5 тыс. МВт по проекту.", 1),
        ("В 2018 г. Путин встречался с Велаяти.", 1),
        ("Он говорил о млрд. Долларов не называл.", 1),
    ],
)
def test_an_abbreviation_after_a_number_ends_a_sentence_before_a_capital(
    text: str, sentences: int
) -> None:
    assert len(segment(text, load_cues("ru")).sentences) == sentences


def test_a_refusal_after_a_figure_ending_in_an_abbreviation_is_the_companys() -> None:
    body = (
        "Во вторник «Газпром» и Национальная иранская нефтяная компания подписали меморандум, "
        "стоимость которого иранская сторона оценила примерно в $40 млрд. В самом «Газпроме» "
        "сумму не комментируют."
    )
    result = _extract(body)
    assert [(s.speaker, s.stance) for s in result.kremlin_statements] == [("Gazprom", "no_comment")]
    assert [(c.value, c.qualifier) for c in result.claims] == [(40 * B, "about")]


def test_trade_called_an_exchange_with_russia_is_trade() -> None:
    body = (
        "Иранская таможня приводит свои данные: за десять месяцев обмен с Россией составил "
        "около $4,1 млрд."
    )
    assert [(c.value, c.kind) for c in _extract(body).claims] == [(4.1 * B, "trade_volume")]


def test_a_confirmation_that_work_on_the_site_began_is_about_the_project() -> None:
    body = (
        "Иран и Россия начали строительство АЭС «Бушер-2» стоимостью около $10 млрд, сообщил "
        "глава иранского атомного ведомства.\n\n"
        "В «Росатоме» подтвердили агентству, что подготовительные работы на площадке начались."
    )
    statements = _extract(body).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Rosatom", "confirm")]


def test_a_figure_put_to_the_speaker_in_a_question_is_not_his_claim() -> None:
    body = (
        "«Газпром» и NIOC подписали меморандум, который иранская сторона оценила в $40 млрд.\n\n"
        "Отвечая на вопрос, подтверждает ли Кремль оценку в $40 млрд, пресс-секретарь президента "
        "Дмитрий Песков сказал: «Это корпоративное соглашение, детали лучше уточнять в компании»."
    )
    assert [(c.value, c.claimant) for c in _extract(body).claims] == [(40 * B, "Iranian side")]


def test_the_latest_data_of_a_source_name_it() -> None:
    body = "По последним данным ФТС, товарооборот России и Ирана вырос до $4,1 млрд."
    assert [c.claimant for c in _extract(body).claims] == ["Federal Customs Service"]


def test_a_company_named_as_the_place_of_a_refusal_refuses_not_the_next_clauses() -> None:
    body = (
        "Иран и Россия подписали нефтяные контракты на 40 млрд долларов, сообщил министр нефти "
        "Ирана.\n\nВ пресс-службе «Роснефти» от комментариев отказались, в «Лукойле» на запрос "
        "не ответили."
    )
    statements = _extract(body).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Rosneft", "no_comment")]


def test_a_company_that_had_not_confirmed_takes_no_stance() -> None:
    """Imperfective past: the writer notes that no confirmation came ("never confirmed")."""
    body = (
        "Самый крупный документ — меморандум «Газпрома» и NIOC, подписанный в июле 2022 года. "
        "По оценке NIOC, его стоимость составляет около $40 млрд: в документе упоминаются "
        "газовые месторождения. «Газпром» сумму не подтверждал, а о заключении обязывающих "
        "контрактов на его основе не сообщалось."
    )
    assert _extract(body).kremlin_statements == []


def test_a_daily_adverb_before_the_verb_makes_barrels_a_rate() -> None:
    assert _figure("Россия могла бы ежедневно закупать до 500 тыс. баррелей иранской нефти") == (
        500_000,
        "bbl/d",
        "up_to",
    )


def test_the_cost_of_building_is_the_deals_value() -> None:
    body = (
        "«Росатом» начал строительство двух новых энергоблоков АЭС «Бушер» в Иране.\n\n"
        "Глава иранского атомного ведомства сообщил, что стоимость строительства двух "
        "энергоблоков составит около $10 млрд."
    )
    assert [(c.value, c.kind) for c in _extract(body).claims] == [(10 * B, "contract_signed")]


def test_a_prefix_names_its_owner_not_a_pronoun_after_the_comma() -> None:
    body = (
        "Глава «Роснефти» Игорь Сечин тогда заявил, что инвестиции в Иран могут достичь "
        "$30 млрд.\n\nМеморандум «Газпрома» и NIOC подписан в 2022 году. По оценке NIOC, его "
        "стоимость составляет около $40 млрд."
    )
    claims = _extract(body).claims
    assert [c.claimant for c in claims] == ["Igor Sechin", "National Iranian Oil Company"]


def test_the_kremlins_transcript_tags_speakers_by_initial_and_surname() -> None:
    """kremlin.ru writes "В.Путин:" before each turn."""
    body = (
        "Заявления для прессы по итогам российско-иранских переговоров\n\n"
        "В.Путин: Уважаемый господин Президент!\n\n"
        "Россия входит в число ведущих торговых партнёров Ирана. В январе — октябре прошлого "
        "года взаимный товарооборот вырос на 15,5 процента.\n\n"
        "М.Пезешкиан (как переведено): Благодарю господина Путина за гостеприимство.\n\n"
        "В.Путин: Поставки газа в Иран можно начать с объёмов до двух миллиардов кубометров в "
        "год."
    )
    result = _extract(body)
    assert [c.claimant for c in result.claims] == ["Vladimir Putin", "Vladimir Putin"]
    assert [(s.speaker, s.stance) for s in result.kremlin_statements] == [
        ("Vladimir Putin", "confirm")
    ]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("реальный объём закупок вряд ли превысит 100 тыс. баррелей в сутки", "up_to"),
        ("объём поставок не превысит 5 млрд долларов", "up_to"),
        ("товарооборот превысит 5 млрд долларов", "at_least"),
    ],
)
def test_a_negated_exceed_is_a_ceiling(text: str, qualifier: str) -> None:
    assert [f.qualifier for f in find_figures(text, load_cues("ru")) if f.unit] == [qualifier]


@pytest.mark.parametrize("qualified", ["", "примерно ", "почти "])
def test_an_amount_set_against_the_one_before_takes_its_unit(qualified: str) -> None:
    figures = [
        (f.value, f.unit)
        for f in find_figures(
            f"товарооборот составил около 1,6 млрд долларов против {qualified}2,3 млрд годом ранее",
            load_cues("ru"),
        )
        if f.unit
    ]
    assert figures == [(1.6 * B, "USD"), (2.3 * B, "USD")]


def test_an_air_defence_contract_is_outside_energy() -> None:
    text = (
        "Россия и Иран обсудили поставки газа и нефти.\n\n"
        "Москва также выполняет контракт на поставку Тегерану зенитных ракетных комплексов "
        "стоимостью около 800 млн долларов."
    )
    result = extract_claims(text, language="ru")
    assert result.claims == []
    assert [o.why for o in result.other_figures] == ["outside energy"]


@pytest.mark.parametrize(
    "text",
    [
        "«Зарубежнефть» разрабатывает два месторождения в Иране.\n\nКонтракт на 742 млн "
        "долларов на месторождения у границы с Ираком компания подписала в 2018 году.",
        "Товарооборот России и Ирана невелик.\n\nПо данным таможни, в 2017 году он составил "
        "около 1,7 млрд долларов — меньше, чем торговля России с Финляндией или "
        "Казахстаном за квартал.",
    ],
)
def test_a_country_that_is_a_place_or_a_comparison_is_no_party(text: str) -> None:
    assert len(extract_claims(text, language="ru").claims) == 1


def test_a_growth_that_names_no_trade_is_the_growth_of_the_trade_before() -> None:
    text = (
        "По итогам года товарооборот между Ираном и Россией составил 4,9 млрд долларов. "
        "Это рост порядка 20% по сравнению с прошлым годом."
    )
    claims = extract_claims(text, language="ru").claims
    assert [(c.value, c.kind) for c in claims] == [(4.9e9, "trade_volume"), (20, "trade_growth")]


def test_a_transit_route_in_an_answer_names_no_other_party() -> None:
    text = (
        "Посол Ирана рассказал нам о газовых планах двух стран.\n\n"
        "— Как обстоят дела с поставками российского газа в Иран? Об этом говорят уже год.\n\n"
        "— Север страны зимой испытывает дефицит газа. Если маршрут через Азербайджан "
        "заработает, на первом этапе речь пойдет примерно о двух миллиардах кубометров в год."
    )
    claims = extract_claims(text, language="ru").claims
    assert [(c.value, c.unit, c.kind) for c in claims] == [(2, "bcm", "supply_volume")]
