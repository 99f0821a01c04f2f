"""Russian Kremlin statements as Russian wires report them: stances in participles and
inverted word order, speakers named after a quote or as a pronoun in a parenthetical."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims
from extractors.kremlin import KremlinStatement

LEAD = "Россия и Иран ведут переговоры о сотрудничестве в нефтегазовой сфере.\n\n"


def _statements(body: str) -> list[tuple[str, str]]:
    found: list[KremlinStatement] = extract_claims(LEAD + body, language="ru").kremlin_statements
    return [(s.speaker, s.stance) for s in found]


@pytest.mark.parametrize(
    "verdict",
    [
        "не соответствующими действительности",
        "ложными",
        "вбросом",
    ],
)
def test_calling_reports_untrue_in_the_instrumental_is_a_denial(verdict: str) -> None:
    body = (
        f"Дмитрий Песков назвал {verdict} публикации о том, что Россия вложит "
        "12 млрд долларов в иранские газовые месторождения."
    )
    assert _statements(body) == [("Dmitry Peskov", "deny")]


def test_a_denied_figure_is_not_the_spokesmans_own_confirmation() -> None:
    body = (
        "Пресс-секретарь президента Дмитрий Песков назвал не соответствующими "
        "действительности сообщения иранских агентств о том, что Москва выделит "
        "Тегерану 6 млрд долларов на нефтепровод."
    )
    extraction = extract_claims(LEAD + body, language="ru")
    assert [s.stance for s in extraction.kremlin_statements] == ["deny"]
    assert all(c.claimant != "Dmitry Peskov" for c in extraction.claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "Говорить об объемах и цене, добавил он, пока рано.",
        "Судить о цене газа пока преждевременно, пояснил он.",
        "О конкретных объемах говорить рано, уточнил он.",
    ],
)
def test_a_fronted_infinitive_before_too_early_declines_to_comment(sentence: str) -> None:
    body = (
        "Помощник президента Юрий Ушаков подтвердил, что стороны обсуждают поставки "
        f"российского газа. {sentence}"
    )
    assert ("Yuri Ushakov", "no_comment") in _statements(body)


@pytest.mark.parametrize(
    "sentence",
    [
        "Песков заявил, что контракт с NIOC действительно подписан.",
        "Как сообщил пресс-секретарь президента Дмитрий Песков, меморандум «Газпрома» и NIOC "
        "действительно подписан, и лидеры его обсуждали.",
        "По словам Пескова, переговоры с NIOC о газе действительно идут.",
        "«Наши компании готовы работать в Иране, такие договоренности есть», — сказал Песков.",
    ],
)
def test_a_deal_said_to_exist_is_a_confirmation_by_whoever_says_it(sentence: str) -> None:
    assert _statements(sentence) == [("Dmitry Peskov", "confirm")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Песков заявил, что сообщения о сделке с NIOC не соответствуют действительности.",
        "Сообщения о контракте «Газпрома» с NIOC не соответствуют действительности, заявил Песков.",
    ],
)
def test_a_name_inside_what_is_called_untrue_is_not_the_speaker(sentence: str) -> None:
    assert _statements(sentence) == [("Dmitry Peskov", "deny")]


def test_an_iranian_saying_a_deal_is_signed_is_no_russian_statement() -> None:
    body = (
        "Министр нефти Ирана Джавад Оуджи заявил, что контракт с «Газпромом» "
        "действительно подписан."
    )
    assert _statements(body) == []


def test_a_bare_role_after_the_verb_is_the_person_named_before() -> None:
    body = (
        "Замглавы МИД России Алексей Дедов рассказал о газовых переговорах с Ираном. "
        "«Переговоры о поставках газа действительно идут», — подтвердил дипломат "
        "в интервью РИА Новости."
    )
    assert _statements(body) == [("Alexey Dedov", "confirm")]


def test_a_bare_role_after_the_verb_gives_a_quoted_figure_its_claimant() -> None:
    body = (
        "Министр энергетики Сергей Цивилев выступил на форуме. «Поставки газа в Иран могут "
        "вырасти до 55 млрд кубометров в год», — сказал министр."
    )
    (claim,) = extract_claims(LEAD + body, language="ru").claims
    assert claim.claimant == "Sergei Tsivilev"


def test_a_role_with_its_own_name_after_the_verb_stays_one_phrase() -> None:
    body = (
        "Как сообщил глава «Роснефти» Игорь Сечин, инвестиции в иранские проекты могут "
        "составить до 30 млрд долларов."
    )
    (claim,) = extract_claims(LEAD + body, language="ru").claims
    assert claim.claimant == "Igor Sechin"


def test_no_information_about_an_unrelated_meeting_is_no_statement() -> None:
    body = (
        "В Кремле не располагают информацией о подготовке встречи президентов, заявил "
        "журналистам пресс-секретарь президента Дмитрий Песков. «Нет, такой информацией "
        "мы не располагаем», — сказал он."
    )
    assert _statements(body) == []


def test_reports_called_untrue_in_a_text_without_claims_are_no_statement() -> None:
    body = (
        "Сообщения о том, что Тегеран просил Москву о военной помощи, Дмитрий Песков "
        "назвал не соответствующими действительности."
    )
    assert _statements(body) == []


def test_such_information_after_a_reported_figure_is_a_statement_about_it() -> None:
    body = (
        "Министр нефти Ирана Мохсен Пакнежад заявил, что Россия будет поставлять до 2 млрд "
        "кубометров газа в год. «Такой информацией мы не располагаем», — сказал Песков."
    )
    assert _statements(body) == [("Dmitry Peskov", "cannot_confirm")]


FIGURE = (
    "Министр нефти Ирана Джавад Оуджи заявил, что в этом году Иран получит по железной "
    "дороге до 2 млн тонн российских нефтепродуктов.\n\n"
)


def test_the_kremlins_bare_refusal_is_about_the_figure_just_reported() -> None:
    body = FIGURE + "В Кремле от комментариев отказались, переадресовав вопрос в правительство."
    statements = extract_claims(LEAD + body, language="ru").kremlin_statements
    assert [(s.speaker, s.stance, s.about_values) for s in statements] == [
        ("Kremlin", "no_comment", (2_000_000,))
    ]


def test_a_ministers_bare_refusal_is_a_ministers_signal_about_the_figure() -> None:
    # a Russian signal in the minister's own role: it never moves the Kremlin status
    body = FIGURE + "Вице-премьер Александр Новак от комментариев отказался."
    statements = extract_claims(LEAD + body, language="ru").kremlin_statements
    assert [(s.speaker, s.role, s.stance, s.about_values) for s in statements] == [
        ("Alexander Novak", "russian_minister", "no_comment", (2_000_000,))
    ]


def test_a_refusal_about_someone_else_is_not_about_the_figure() -> None:
    body = FIGURE + "Комментировать возможные контакты Путина с Нетаньяху Песков не стал."
    assert _statements(body) == []


@pytest.mark.parametrize(
    ("reply", "stance"),
    [
        ("Песков не стал отвечать на вопрос о сумме сделки.", "no_comment"),
        ("Песков уклонился от ответа на вопрос о сумме.", "no_comment"),
        ("«Я не готов это комментировать», — сказал Песков.", "no_comment"),
        ("«Это вопрос к правительству», — сказал Песков.", "no_comment"),
        ("«Это прерогатива компаний», — ответил Песков.", "no_comment"),
        ("«Комментариев не будет», — сказал Песков.", "no_comment"),
        ("«Мне нечего сказать по этому поводу», — сказал Песков.", "no_comment"),
        ("Песков рекомендовал адресовать этот вопрос в «Газпром».", "no_comment"),
        ("Песков предложил дождаться официальных заявлений.", "no_comment"),
        ("Кремль пока воздерживается от комментариев.", "no_comment"),
        ("«Такой информации у нас нет», — сказал Песков.", "cannot_confirm"),
        ("«Таких договоренностей нет», — сказал Песков.", "deny"),
        ("Песков назвал эти цифры не имеющими отношения к действительности.", "deny"),
        ("«Да, такая договоренность достигнута», — сказал Ушаков.", "confirm"),
    ],
)
def test_how_wires_word_the_kremlins_answer_to_a_reported_figure(reply: str, stance: str) -> None:
    body = (
        "Министр нефти Ирана Мохсен Пакнежад заявил, что Россия будет поставлять в Иран до "
        f"55 млрд кубометров газа в год.\n\n{reply}"
    )
    assert [s for _, s in _statements(body)] == [stance]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Информацию о газовом соглашении с Ираном в Кремле опровергли.", "deny"),
        ("Сообщения о скидке на газ для Ирана в Кремле комментировать не стали.", "no_comment"),
    ],
)
def test_the_kremlin_as_a_place_after_a_fronted_object_speaks(sentence: str, stance: str) -> None:
    assert _statements(sentence) == [("Kremlin", stance)]


def test_a_visitor_in_the_kremlin_is_not_the_kremlin() -> None:
    body = (
        "Министр нефти Ирана Мохсен Пакнежад на переговорах в Кремле опроверг сообщения о сделке."
    )
    assert _statements(body) == []


@pytest.mark.parametrize(
    "reply", ["«Это фейк», — сказал Песков.", "«Это не более чем слухи», — заявил Песков."]
)
def test_the_kremlins_bare_denial_is_about_the_figure_just_reported(reply: str) -> None:
    statements = extract_claims(LEAD + FIGURE + reply, language="ru").kremlin_statements
    assert [(s.speaker, s.stance, s.about_values) for s in statements] == [
        ("Dmitry Peskov", "deny", (2_000_000,))
    ]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Песков не опроверг сообщения о газовой сделке.", "cannot_confirm"),
        ("Песков не стал опровергать сведения о газовой сделке.", "cannot_confirm"),
        ("Ушаков сказал, что не знает о таких планах.", "cannot_confirm"),
        (
            "«Я бы не стал сейчас говорить о цифрах», — сказал Песков о газовой сделке.",
            "no_comment",
        ),
        ("«Не готов сейчас называть цифры», — сказал Песков.", "no_comment"),
        ("Песков сослался на коммерческую тайну, отвечая на вопрос о контракте.", "no_comment"),
        ("Путин сообщил, что Россия и Иран подписали соглашение о поставках газа.", "confirm"),
        ("Песков подтвердил, что таких договоренностей нет.", "deny"),
        (
            "Песков опроверг сообщения о том, что Россия и Иран подписали соглашение о газе.",
            "deny",
        ),
    ],
)
def test_negation_and_what_a_stance_verb_governs(sentence: str, stance: str) -> None:
    claim = (
        "Министр нефти Ирана Мохсен Пакнежад заявил, что Россия будет поставлять в Иран до "
        "55 млрд кубометров газа в год.\n\n"
    )
    assert [s for _, s in _statements(claim + sentence)] == [stance]


def test_an_iranian_announcing_a_signing_is_no_russian_statement() -> None:
    body = "Мохсен Пакнежад сообщил, что Россия и Иран подписали соглашение о поставках газа."
    assert _statements(body) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Пресс-служба Кремля отказалась комментировать эти цифры.",
        "В пресс-службе Кремля отказались комментировать эти цифры.",
    ],
)
def test_the_kremlin_press_service_as_subject_or_as_place(sentence: str) -> None:
    body = (
        "Министр нефти Ирана Мохсен Пакнежад заявил, что Россия будет поставлять в Иран до "
        f"55 млрд кубометров газа в год.\n\n{sentence}"
    )
    assert _statements(body) == [("Kremlin", "no_comment")]


CLAIM = (
    "Министр нефти Ирана Мохсен Пакнежад заявил, что Россия будет поставлять в Иран до "
    "55 млрд кубометров газа в год.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        (
            "Кремль не может подтвердить эти цифры. Об этом журналистам сообщил "
            "пресс-секретарь президента Дмитрий Песков.",
            "cannot_confirm",
        ),
        ("В Кремле эти цифры комментировать не стали. Об этом сообщил Песков.", "no_comment"),
    ],
)
def test_the_person_named_as_the_source_next_speaks_for_the_kremlin(
    sentence: str, stance: str
) -> None:
    assert _statements(CLAIM + sentence) == [("Dmitry Peskov", stance)]


def test_an_agency_named_as_the_source_next_is_only_the_messenger() -> None:
    body = CLAIM + "Кремль не может подтвердить эти цифры. Об этом сообщил «Интерфакс»."
    assert _statements(body) == [("Kremlin", "cannot_confirm")]


def test_an_answer_after_a_reported_question_is_about_what_was_asked() -> None:
    body = CLAIM + "Пескова спросили о цифрах Пакнежада. «Без комментариев», — ответил он."
    (statement,) = extract_claims(LEAD + body, language="ru").kremlin_statements
    assert (statement.speaker, statement.stance, statement.about_claimant) == (
        "Dmitry Peskov",
        "no_comment",
        "Mohsen Paknejad",
    )


def test_an_answer_to_a_question_on_something_else_is_no_statement() -> None:
    body = CLAIM + "Пескова спросили о встрече с Нетаньяху. «Без комментариев», — ответил он."
    assert _statements(body) == []


def test_volumes_a_country_will_receive_are_supply_figures() -> None:
    body = (
        "Министр нефти Ирана Джавад Оуджи заявил, что в этом году Иран получит из России "
        "до 2 млн тонн нефтепродуктов."
    )
    (claim,) = extract_claims(LEAD + body, language="ru").claims
    assert (claim.value, claim.unit, claim.kind) == (2_000_000, "t", "supply_volume")


def test_welcoming_the_signing_of_a_deal_confirms_it() -> None:
    body = CLAIM + "Кремль приветствовал подписание соглашения о поставках газа."
    assert _statements(body) == [("Kremlin", "confirm")]


def test_a_writer_noting_someone_did_not_comment_is_no_statement() -> None:
    body = CLAIM + "Цивилев цифры не комментировал и сказал лишь, что работа идет."
    assert _statements(body) == []
