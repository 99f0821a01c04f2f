"""Who speaks in English coverage: explainers with question headings are no interviews,
compound modifiers name no speaker, customs agencies and 'speaking of' attribute."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

EN = "Russia and Iran discuss gas deliveries and trade. "


def _claimants(text: str) -> list[str | None]:
    return [c.claimant for c in extract_claims(text, language="en").claims]


EXPLAINER = (
    "Gas for Iran: what we know. Putin and Iranian President Masoud Pezeshkian signed a treaty "
    "in Moscow, and officials talked up a plan for Russian gas to Iran.\n\n"
    "What has been agreed?\n\n"
    "Less than it seems. Total trade between Russia and Iran was around $4.8 billion in 2024.\n\n"
    "Does Gazprom believe in it?\n\n"
    "Not much.\n"
)

INTERVIEW = (
    "Iran's ambassador Kazem Jalali spoke to us in an interview about trade with Russia.\n\n"
    "What has been agreed?\n\n"
    "Less than it seems. Trade between Russia and Iran was around $4.8 billion in 2024.\n\n"
    "Does Gazprom believe in it?\n\n"
    "Not much.\n"
)


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (EXPLAINER, None),  # the writer answers an explainer's headings
        (INTERVIEW, "Kazem Jalali"),  # the guest answers an interview's questions
        (
            EN + "\"Russian companies have invested less than $1 billion in Iran's energy "
            'sector," Morteza Afshari, a Tehran-based economist, told Radio Farda.',
            "Morteza Afshari",
        ),
        (
            EN + "Trade between the two countries was about $4 billion last year, according to "
            "Iran's customs agency.",
            "Iran Customs Administration",
        ),
        # a second predicate has the first one's subject, not the name before its verb
        (
            "Ali Akbar Velayati met Vladimir Putin in Moscow on Thursday and told reporters "
            "that Russia would invest $50 billion in Iran's oil and gas sector.",
            "Ali Akbar Velayati",
        ),
        # whose data or figures the outlet cites
        (
            EN + "According to figures cited by Russian officials, trade between the two "
            "countries reached about $4.9 billion in 2022.",
            "Russian officials",
        ),
        (
            EN + "Data from the Iran Customs Administration show that Iran's exports to Russia "
            "came to about $1.1 billion last year.",
            "Iran Customs Administration",
        ),
        (
            EN + "Alexey Miller, Gazprom's boss, has been more modest, speaking of starting with "
            "around 2bn cubic metres a year via Azerbaijan.",
            "Alexey Miller",
        ),
        # a second quotation of a paragraph goes on quoting the speaker of the first
        (
            "Rosatom signed a contract to build a nuclear power plant in Iran.\n\n"
            'Analysts are sceptical. "Russia relies on state loans," said Tobias Lindqvist, an '
            'analyst at a Stockholm forum. "If Moscow were to lend around $12.5 billion, it '
            'would be one of its biggest nuclear credits."',
            "Tobias Lindqvist",
        ),
        # a broadcaster written "TV", as a closing source: Iran's state broadcaster, IRIB
        (
            "Rosatom and an Iranian company signed a $25 billion contract to build a nuclear "
            "plant in Iran, Iranian state TV reports.",
            "IRIB",
        ),
    ],
)
def test_who_claims(text: str, claimant: str | None) -> None:
    assert _claimants(text) == [claimant]


def test_a_kremlin_voice_met_is_not_the_one_who_states_the_figure() -> None:
    text = (
        "Ali Akbar Velayati met Vladimir Putin in Moscow and said Russia would invest "
        "$50 billion in Iran's oil and gas sector."
    )
    assert extract_claims(text, language="en").kremlin_statements == []


TRANSCRIPT = (
    "NEWSROOM: Putin, Pezeshkian sign a treaty in Moscow.\n\n"
    "KAREN WESTON, ANCHOR: Presidents Vladimir Putin and Masoud Pezeshkian signed a treaty "
    "today. Daniel, what is in it?\n\n"
    "DANIEL HARPER, CORRESPONDENT: Well, Karen, a lot of it is about energy.\n\n"
    "WESTON: And what did the Iranian side say?\n\n"
    "HARPER: Pezeshkian was quite warm. Putin also said trade between Russia and Iran grew "
    "by 15.5 percent in the first ten months of last year.\n"
)


def test_a_transcript_turn_is_its_speakers_not_an_interview_guests() -> None:
    assert _claimants(TRANSCRIPT) == ["Vladimir Putin"]


def test_a_tag_names_a_person_the_text_named_in_full_before() -> None:
    text = (
        "В студии аналитик Ольга Мещерякова. Говорим о газе для Ирана.\n\n"
        "ВЕДУЩИЙ: Сколько Россия и Иран наторговали в прошлом году?\n\n"
        "МЕЩЕРЯКОВА: По нашим оценкам, товарооборот России и Ирана составил около 5 "
        "миллиардов долларов.\n\n"
        "ВЕДУЩИЙ: А газ?\n\n"
        "МЕЩЕРЯКОВА: Это пока планы.\n"
    )
    assert [c.claimant for c in extract_claims(text, language="ru").claims] == ["Ольга Мещерякова"]


@pytest.mark.parametrize(
    ("language", "text", "values"),
    [
        (
            "en",
            "According to Iran's customs, trade with Russia stood at about $1.7 billion last "
            "year, compared with more than $18 billion with China.",
            [1.7e9],
        ),
        (
            "ru",
            "Товарооборот России и Ирана составил 4,8 млрд долларов, а с Китаем — 245 млрд "
            "долларов.",
            [4.8e9],
        ),
        ("en", "Russia will supply 2 bcm of gas a year to Iran, Novak said.", [2.0]),
    ],
)
def test_a_figure_traded_with_a_third_country_is_that_countrys(
    language: str, text: str, values: list[float]
) -> None:
    assert [c.value for c in extract_claims(text, language=language).claims] == values


def test_the_comma_closing_an_aside_is_no_inversion() -> None:
    text = (
        "Ali Akbar Velayati, who met Vladimir Putin in Moscow on Thursday, said the Russian "
        "president had told him that Russian companies were ready to invest $50 billion in "
        "Iran's oil and gas sector."
    )
    (claim,) = extract_claims(text, language="en").claims
    assert (claim.claimant, claim.attributed_to) == ("Ali Akbar Velayati", "Vladimir Putin")


@pytest.mark.parametrize(
    ("sentence", "speaker", "stance"),
    [
        # a noun phrase in apposition, set off by commas, describes the name before it
        ("Rosneft, the state oil company, declined to comment.", "Rosneft", "no_comment"),
        ("Lukoil, Russia's second-largest producer, declined to comment.", "Lukoil", "no_comment"),
        # a name inside the apposition does not speak
        ("Gazprom, a partner of NIOC in the talks, could not confirm the figure.", "Gazprom",
         "cannot_confirm"),
        # an apposition before the speaker's name hides nothing of it
        ("In Moscow, the Kremlin spokesman, Dmitry Peskov, said he could not confirm it.",
         "Dmitry Peskov", "cannot_confirm"),
    ],
)  # fmt: skip
def test_a_name_in_apposition_speaks_past_its_description(
    sentence: str, speaker: str, stance: str
) -> None:
    text = "Tehran says Russian firms will invest $4 billion in Iranian oil fields. " + sentence
    found = extract_claims(text, language="en").kremlin_statements
    assert [(s.speaker, s.stance) for s in found] == [(speaker, stance)]
