"""Kremlin statements: speaker, role, stance, what they are about; and what is not one."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

LEAD = (
    "Ali Akbar Velayati said on Friday that Russian companies would invest $50 billion "
    "in Iran's oil and gas sector.\n\n"
)


def _statements(text: str):
    return extract_claims(LEAD + text).kremlin_statements


@pytest.mark.parametrize(
    ("text", "speaker", "role", "stance"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said he could not confirm Velayati's claims.",
            "Dmitry Peskov",
            "kremlin_spokesman",
            "cannot_confirm",
        ),
        (
            "Dmitri Peskow told reporters he had no information about the deal.",
            "Dmitry Peskov",
            "kremlin_spokesman",
            "cannot_confirm",
        ),
        (
            "The Kremlin denied the reports of an oil deal.",
            "Kremlin",
            "kremlin_press_service",
            "deny",
        ),
        (
            "Presidential aide Yuri Ushakov confirmed that the oil agreement had been signed.",
            "Yuri Ushakov",
            "presidential_aide",
            "confirm",
        ),
        (
            "Peskov declined to comment on the reported investment.",
            "Dmitry Peskov",
            "kremlin_spokesman",
            "no_comment",
        ),
        (
            '"There is no such agreement," Peskov said of the oil deal.',
            "Dmitry Peskov",
            "kremlin_spokesman",
            "deny",
        ),
        (
            "Russian Energy Minister Alexander Novak dismissed the figures as premature.",
            "Alexander Novak",
            "russian_minister",
            "deny",
        ),
        (
            "Asked about the figure, Energy Minister Alexander Novak said he would not "
            "speculate on numbers.",
            "Alexander Novak",
            "russian_minister",
            "no_comment",
        ),
        # stances that take no verb of stance: what was (not) discussed, how the work goes
        (
            "Energy Minister Alexander Novak said Moscow had never discussed such a sum.",
            "Alexander Novak",
            "russian_minister",
            "deny",
        ),
        (
            'Energy Minister Alexander Novak said there had been "no talk of" such investment.',
            "Alexander Novak",
            "russian_minister",
            "deny",
        ),
        (
            "Energy Minister Alexander Novak said the oil and gas agreement was being "
            "implemented and that the figure is correct.",
            "Alexander Novak",
            "russian_minister",
            "confirm",
        ),
        (
            "Energy Minister Alexander Novak said work on the oil projects was going ahead "
            "as planned.",
            "Alexander Novak",
            "russian_minister",
            "confirm",
        ),
        (
            'Energy Minister Alexander Novak said: "I am not going to discuss the sums."',
            "Alexander Novak",
            "russian_minister",
            "no_comment",
        ),
        (
            # talks said to be in their final stage confirm the deal is being made
            "Deputy Prime Minister Alexander Novak said talks on the oil contract were in the "
            "final stage.",
            "Alexander Novak",
            "russian_minister",
            "confirm",
        ),
        (
            # the question put is no stance; the answer after it is
            "Asked whether Moscow could confirm the value, Peskov said he had no information.",
            "Dmitry Peskov",
            "kremlin_spokesman",
            "cannot_confirm",
        ),
        (
            # a place after a preposition is not the subject
            "A Gazprom spokesman in Moscow confirmed that the oil agreement had been signed.",
            "Gazprom",
            "other",
            "confirm",
        ),
    ],
)
def test_speaker_role_stance(text: str, speaker: str, role: str, stance: str) -> None:
    (statement,) = _statements(text)
    assert (statement.speaker, statement.role, statement.stance) == (speaker, role, stance)


def test_about_claimant_by_possessive_and_values() -> None:
    (statement,) = _statements("Peskov said he could not confirm Velayati's figure of $50 billion.")
    assert statement.about_claimant == "Ali Akbar Velayati"
    assert statement.about_values == (50e9,)


def test_about_claimant_by_role_phrase() -> None:
    (statement,) = _statements("Peskov said he was not aware of the Iranian envoy's remarks.")
    assert statement.about_claimant == "Ali Akbar Velayati"


@pytest.mark.parametrize(
    "text",
    [
        "Peskov confirmed that Putin would travel to Kazan next week.",
        "Moscow never confirmed the figures.",
        "The U.S. State Department denied any talks with Tehran about oil.",
        "An Iranian official denied the reports of an oil deal.",
        # a company or a minister announcing its own figure makes a claim, not a statement
        "Rosneft announced a roadmap for oil projects in Iran worth up to $30 billion.",
        "Novak said Moscow would extend its cut of 500,000 bpd, first announced in February.",
        # the writer notes an absence: nobody spoke
        "It was not the first such announcement that Moscow later failed to confirm.",
        # a stance in an embedded question is what someone may do, not what anyone did
        "What to watch: whether Rosatom itself confirms the contract value.",
        "Peskov was asked by reporters whether he could confirm the sum.",
    ],
)
def test_not_a_kremlin_statement(text: str) -> None:
    assert _statements(text) == []


def test_to_dict_shape() -> None:
    (statement,) = _statements("Peskov said he could not confirm the $50 billion figure.")
    data = statement.to_dict()
    assert set(data) == {"speaker", "role", "stance", "about", "sentence", "start", "end"}
    assert data["about"] == {"claimant": None, "values": [50000000000]}


def test_kremlin_voice_stating_a_figure_confirms_it() -> None:
    text = "Russia is ready to deliver up to 30 bcm of gas a year to Iran, Putin told reporters."
    (statement,) = _statements(text)
    assert (statement.speaker, statement.role, statement.stance) == (
        "Vladimir Putin",
        "president",
        "confirm",
    )
    assert (statement.about_claimant, statement.about_values) == ("Vladimir Putin", (30,))


def test_one_confirmation_per_speaker_gathers_their_values() -> None:
    text = (
        "Peskov said Russian firms would ship 100,000 barrels a day of crude to Iran. "
        "Deliveries could later rise to 200,000 barrels a day, he added."
    )
    (statement,) = _statements(text)
    assert (statement.speaker, statement.stance) == ("Dmitry Peskov", "confirm")
    assert statement.about_values == (100_000, 200_000)


@pytest.mark.parametrize(
    "text",
    [
        # another person's claim, relayed
        "Velayati said Putin had stressed that Russia would invest $40 billion in Iranian oil.",
        # a figure put to the spokesman as a question
        "Asked whether Russia could send 40 bcm of gas to Iran, Peskov said talks went on.",
        # a minister is not the Kremlin
        "Energy Minister Alexander Novak said Russia would supply 2 bcm of gas a year to Iran.",
    ],
)
def test_figures_that_are_not_a_kremlin_confirmation(text: str) -> None:
    assert [s for s in _statements(text) if s.role != "russian_minister"] == []


def test_a_denial_quoting_a_figure_is_not_a_confirmation() -> None:
    (statement,) = _statements("Peskov denied that Russia would invest $50 billion in Iran.")
    assert statement.stance == "deny"


def test_spokesman_reporting_for_the_kremlin_is_the_speaker() -> None:
    text = (
        "The Kremlin has no information about the oil agreements announced by Velayati, "
        "Kremlin spokesman Dmitry Peskov told reporters."
    )
    (statement,) = _statements(text)
    assert (statement.speaker, statement.about_claimant) == ("Dmitry Peskov", "Ali Akbar Velayati")


def test_these_figures_point_back_to_the_claimant_just_reported() -> None:
    (statement,) = _statements("Asked about these figures, Peskov said he could not confirm them.")
    assert statement.about_claimant == "Ali Akbar Velayati"


def test_kremlin_summing_up_its_spokesman_is_one_statement() -> None:
    text = (
        "The Kremlin declined to comment on the oil deal. Kremlin spokesman Dmitry Peskov "
        "declined to comment on the reports of the deal."
    )
    assert [s.speaker for s in _statements(text)] == ["Dmitry Peskov"]


def test_heading_restating_the_body_is_not_another_statement() -> None:
    text = "Kremlin cannot confirm oil deal\n\nPeskov said he could not confirm the oil deal."
    assert [s.speaker for s in extract_claims(LEAD + text).kremlin_statements] == ["Dmitry Peskov"]


def test_a_two_sentence_heading_restates_the_body_whoever_speaks_there() -> None:
    """ "Moscow" in a heading over the ministry's words in the body: one statement, the
    ministry's."""
    text = (
        "Iran says Russian firms signed $4bn of oil contracts. Moscow cannot confirm it\n\n"
        "Iran's oil ministry said Russian companies had signed oil contracts worth $4 billion. "
        "Russia's Energy Ministry said it could not confirm the contracts."
    )
    statements = extract_claims(text).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [
        ("Russian Energy Ministry", "cannot_confirm")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin never confirmed the $4 billion deal with Iran's oil ministry.",
        "The Kremlin has never publicly confirmed the $4 billion deal with Iran's oil ministry.",
    ],
)
def test_a_writers_never_confirmed_makes_no_speaker_and_no_confirm(sentence: str) -> None:
    """'confirmed' is a verb of saying elsewhere; in the writer's note of an absence nobody
    speaks: no statement, no Kremlin confirm, and the figure has no Kremlin claimant."""
    body = "Iran and Russia discussed energy cooperation in Tehran on Monday.\n\n" + sentence
    result = extract_claims(body)
    assert result.kremlin_statements == []
    (claim,) = result.claims
    assert (claim.value, claim.claimant) == (4e9, None)


def test_never_confirmed_after_a_claim_is_a_back_reference_not_a_kremlin_claim() -> None:
    body = (
        "Ali Akbar Velayati said Russian companies signed oil contracts worth $4 billion "
        "with Iran.\n\nThe Kremlin never confirmed the $4 billion deal."
    )
    result = extract_claims(body)
    assert [(c.value, c.claimant) for c in result.claims] == [(4e9, "Ali Akbar Velayati")]
    assert result.kremlin_statements == []


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "en",
            "Kremlin spokesman Dmitry Peskov said on Monday he could not confirm reports of"
            " $7 billion in Russian oil contracts mentioned by Iran's oil minister Bijan"
            " Zanganeh.",
            "Bijan Namdar Zanganeh",
        ),
        (
            "en",
            "Dmitry Peskov, the Kremlin spokesman, denied that Moscow had agreed to lend Iran"
            " $5 billion for its gas fields.",
            None,
        ),
        (
            "ru",
            "Пресс-секретарь президента России Дмитрий Песков заявил, что не может подтвердить"
            " сообщения о российских нефтяных контрактах в Иране на 7 млрд долларов.",
            None,
        ),
    ],
)
def test_a_figure_the_kremlin_will_not_confirm_is_not_the_kremlins_claim(
    language: str, text: str, claimant: str | None
) -> None:
    extraction = extract_claims(text, language=language)
    assert [st.stance for st in extraction.kremlin_statements] in (["cannot_confirm"], ["deny"])
    assert [c.claimant for c in extraction.claims] == [claimant]


TRANSCRIPT = (
    "Press briefing by the Kremlin spokesman (excerpt)\n\n"
    "REPORTER: Tehran says Russian firms will put $12 billion into Iranian gas fields this "
    "year. Can you confirm that?\n\n"
    "PESKOV: No, that is wrong. Nothing of the kind has been agreed.\n\n"
    "REPORTER: And the weather in Moscow this week?\n\n"
    "PESKOV: No, I cannot confirm anything about it.\n"
)


def test_an_answer_in_a_transcript_is_about_what_the_question_asked() -> None:
    """'No, that is wrong.' names no figure and no deal: the question before it does, for
    both sentences of the answer ('Nothing of the kind has been agreed' denies too)."""
    statements = extract_claims(TRANSCRIPT).kremlin_statements
    assert [(s.speaker, s.stance, s.about_values) for s in statements] == [
        ("Dmitry Peskov", "deny", (12e9,)),
        ("Dmitry Peskov", "deny", (12e9,)),
    ]


def test_an_answer_in_russian_takes_the_question_from_the_paragraph_before() -> None:
    text = (
        "Вопрос: Иранский министр заявил, что Россия вложит 12 млрд долларов в газовые "
        "месторождения Ирана. Вы можете это подтвердить?\n\n"
        "ПЕСКОВ: Нет, не могу подтвердить.\n"
    )
    statements = extract_claims(text, language="ru").kremlin_statements
    assert [(s.speaker, s.stance, s.about_values) for s in statements] == [
        ("Dmitry Peskov", "cannot_confirm", (12e9,))
    ]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Kremlin spokesman Dmitry Peskov said he could not confirm it.", "cannot_confirm"),
        ("Asked about that number, Peskov said he had nothing to add.", "no_comment"),
        ("Peskov declined to comment on it.", "no_comment"),
    ],
)
def test_a_stance_on_a_pronoun_or_that_number_points_back_to_the_claim(
    sentence: str, stance: str
) -> None:
    (statement,) = _statements(sentence)
    assert (statement.stance, statement.about_claimant) == (stance, "Ali Akbar Velayati")


@pytest.mark.parametrize(
    ("sentence", "speaker", "stance"),
    [
        (
            "Kremlin spokesman Dmitry Peskov told reporters he could not confirm the amount.",
            "Dmitry Peskov",
            "cannot_confirm",
        ),
        ("Gazprom confirmed the signing.", "Gazprom", "confirm"),
    ],
)
def test_the_amount_and_the_signing_are_what_a_stance_is_about(
    sentence: str, speaker: str, stance: str
) -> None:
    body = (
        "Gazprom and NIOC signed a memorandum worth $40 billion, Iran's oil ministry said. "
        "Zarubezhneft did not respond to a request for comment.\n\n" + sentence
    )
    statements = extract_claims(body).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [(speaker, stance)]


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin would not confirm the figure, while analysts dismissed it as a political "
        "gesture.",
        "The Kremlin would not confirm the figure, but economists in Moscow denied that any "
        "such sum exists.",
    ],
)
def test_a_verdict_of_commentators_in_a_clause_of_their_own_is_not_the_kremlins(
    text: str,
) -> None:
    assert [(s.speaker, s.stance) for s in _statements(text)] == [("Kremlin", "cannot_confirm")]


@pytest.mark.parametrize(
    "lead_in",
    [
        "After talks with President Ebrahim Raisi",  # a title a preposition governs
        "Meeting President Hassan Rouhani",  # a participle's object
    ],
)
def test_a_name_a_preposition_or_participle_governs_is_not_what_he_points_to(
    lead_in: str,
) -> None:
    text = (
        f"Vladimir Putin spoke about trade on Tuesday. {lead_in}, he said trade had grown by "
        "40 percent last year."
    )
    (claim,) = extract_claims(text).claims
    assert claim.claimant == "Vladimir Putin"


@pytest.mark.parametrize(
    "reply",
    [
        "Kremlin spokesman Dmitry Peskov said the agreements signed in Moscow will be implemented.",
        "Kremlin spokesman Dmitry Peskov said work on the fields was going in line with the "
        "contract.",
    ],
)
def test_a_deal_going_ahead_confirms_it(reply: str) -> None:
    assert [(s.speaker, s.stance) for s in _statements(reply)] == [("Dmitry Peskov", "confirm")]


@pytest.mark.parametrize(
    ("text", "speaker", "stance"),
    [
        # a role with an owner takes the name in apposition after it, not the owner
        (
            "After meeting Vladimir Putin, Ali Akbar Velayati said Russia would invest $50 "
            "billion in Iran's oil sector. Putin's spokesman, Dmitry Peskov, said that he "
            "could not confirm it.",
            "Dmitry Peskov",
            "cannot_confirm",
        ),
        # the corporation's press service speaks for the corporation named before
        (
            "Rosatom signed a $25 billion contract for new reactors in Iran, Iranian officials "
            "said.\n\nAsked about the $25 billion figure, the corporation's press service said "
            'it "does not comment on the financial parameters of contracts".',
            "Rosatom",
            "no_comment",
        ),
    ],
)
def test_who_a_role_or_a_press_service_stands_for(text: str, speaker: str, stance: str) -> None:
    statements = extract_claims(text).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [(speaker, stance)]


@pytest.mark.parametrize(
    ("reply", "stance"),
    [
        ("Energy Minister Alexander Novak said the oil contract had been signed.", "confirm"),
        ("Energy Minister Alexander Novak said no oil contract had been signed.", "deny"),
        # the comma of a number joins no clause of its own
        (
            '"No agreement on purchases of 500,000 barrels a day has been signed," Energy '
            "Minister Alexander Novak said.",
            "deny",
        ),
    ],
)
def test_a_deal_said_to_be_signed_or_not(reply: str, stance: str) -> None:
    assert [(s.speaker, s.stance) for s in _statements(reply)] == [("Alexander Novak", stance)]


def test_names_in_an_aside_of_asking_are_not_the_speaker() -> None:
    reply = (
        "Kremlin spokesman Dmitry Peskov, asked whether Vladimir Putin and Ebrahim Raisi had "
        "discussed the deal, referred questions about sums to the companies."
    )
    assert [(s.speaker, s.stance) for s in _statements(reply)] == [("Dmitry Peskov", "no_comment")]
