"""English phrasings met in held-out news: a refusal on a pronoun, a participle aside, a
transit route named through a country's territory, a produced volume, and a volume that
continues a supply already reported."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims

LEAD = (
    "Iranian Oil Minister Mohsen Paknejad said on Wednesday that Gazprom would invest "
    "$8 billion in Iran's gas industry.\n\n"
)


@pytest.mark.parametrize(
    "refusal",
    [
        '"I would not comment on that. These are questions for Gazprom," Peskov said.',
        "Kremlin spokesman Dmitry Peskov declined to comment on that.",
        '"We do not comment on that," Peskov told reporters.',
    ],
)
def test_a_refusal_on_a_pronoun_points_back_to_the_claim(refusal: str) -> None:
    statements = extract_claims(LEAD + refusal).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Dmitry Peskov", "no_comment")]
    assert statements[0].about_claimant == "Mohsen Paknejad"


def test_a_participle_aside_hides_nothing_of_the_subject() -> None:
    text = (
        "Iran and Russia have agreed on gas supplies.\n\n"
        "Sergei Tsivilev, answering questions from journalists on the sidelines of a "
        "government meeting in Moscow on Wednesday, said that Russia would deliver 2 billion "
        "cubic meters of gas to Iran in the first year."
    )
    claims = extract_claims(text).claims
    assert [(c.text, c.claimant) for c in claims] == [("2 billion cubic meters", "Sergei Tsivilev")]


def test_a_country_whose_territory_gas_crosses_is_a_route() -> None:
    text = (
        "Russia will supply gas to Iran under the deal signed in Moscow, Energy Minister "
        "Sergei Tsivilev said. Deliveries will start small, with about 2 billion cubic meters, "
        "through the territory of Azerbaijan."
    )
    claims = extract_claims(text).claims
    assert [(c.text, c.kind, c.qualifier) for c in claims] == [
        ("2 billion cubic meters", "supply_volume", "about")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The field produced about 50,000 barrels of oil a day last year.",
        "The field produces around 2.5 million tonnes of oil a year.",
    ],
)
def test_a_produced_volume_is_a_volume_whatever_the_tense(sentence: str) -> None:
    text = (
        "Russia's Zarubezhneft will invest $500 million in Iran's Aban oil field, Iranian "
        "oil officials said. " + sentence
    )
    kinds = {c.unit: c.kind for c in extract_claims(text).claims}
    assert kinds["USD"] == "investment_pledge"
    assert kinds.get("bbl/d", kinds.get("t")) == "supply_volume"


def test_the_volume_continues_a_supply_between_the_two_sides() -> None:
    text = (
        "Iranian and Russian officials gave different figures for the same gas supply deal "
        "this week.\n\n"
        "Russia's energy minister had another number. Sergei Tsivilev said the first-year "
        "volume would be in the range of 1.8 to 2 billion cubic meters."
    )
    claims = extract_claims(text).claims
    assert [(c.value, c.value_high, c.qualifier, c.kind, c.claimant) for c in claims] == [
        (1.8, 2.0, "range", "supply_volume", "Sergei Tsivilev")
    ]


LEAD_TALKS = "Iran and Russia discussed energy and trade deals in Moscow this week.\n\n"


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Speaking at a conference in Tehran, Mehdi Sanaei said Russian investment in "
            'Iran\'s oil and gas sectors "could reach $20 billion within five years".',
            "Mehdi Sanaei",
        ),
        (
            "Mansour Rahmani told the ICANA news agency that the Russian gas contract would be "
            'worth "around $1.2 billion a year" to Gazprom.',
            "Mansour Rahmani",
        ),
    ],
)
def test_a_fragment_quoted_inside_reported_speech_is_the_reporter_s(
    sentence: str, claimant: str
) -> None:
    claims = extract_claims(LEAD_TALKS + sentence).claims
    assert [(c.claimant, c.attributed_to) for c in claims] == [(claimant, None)]


def test_a_coordinated_clause_has_its_own_speaker() -> None:
    text = LEAD_TALKS + (
        "Iran's ambassador in Moscow, Kazem Jalali, said that turnover reached almost $5 "
        "billion in 2022, and Russian Deputy Prime Minister Alexander Novak has said trade "
        "should keep rising by about 20% a year."
    )
    claims = extract_claims(text).claims
    assert [(c.text, c.claimant, c.attributed_to) for c in claims] == [
        ("$5 billion", "Kazem Jalali", None),
        ("20%", "Alexander Novak", None),
    ]


def test_a_clause_joined_by_and_that_is_still_reported() -> None:
    text = LEAD_TALKS + (
        "Kazem Jalali said that turnover reached almost $5 billion in 2022, and that Novak had "
        "promised trade would rise by about 20% a year."
    )
    claims = extract_claims(text).claims
    assert [(c.claimant, c.attributed_to) for c in claims][-1] == (
        "Kazem Jalali",
        "Alexander Novak",
    )


def test_a_noun_of_saying_before_its_owner_gives_the_claimant() -> None:
    text = LEAD_TALKS + (
        "The broadcast repeated a claim by Velayati that Russian firms would invest as much as "
        "$25 billion in Iran's oil and gas fields. The Kremlin could not confirm the claims of "
        "Velayati."
    )
    extraction = extract_claims(text)
    assert [c.claimant for c in extraction.claims] == ["Ali Akbar Velayati"]
    assert [s.about_claimant for s in extraction.kremlin_statements] == ["Ali Akbar Velayati"]


def test_an_interviewee_relays_whom_he_reports() -> None:
    text = (
        "Kazem Jalali, Iran's ambassador to Russia, spoke to us about energy ties.\n\n"
        "Q: How is trade with Russia going?\n\n"
        "A: Trade grows every year, and our gas talks with Gazprom go on.\n\n"
        "Q: And power plants?\n\n"
        "A: President Putin told our president that Russia was ready to finance power plant "
        "projects in Iran worth up to $5 billion."
    )
    claims = extract_claims(text).claims
    assert [(c.text, c.claimant, c.attributed_to) for c in claims] == [
        ("$5 billion", "Kazem Jalali", "Vladimir Putin")
    ]
    assert extract_claims(text).kremlin_statements == []


def test_a_volume_received_is_supplied_and_closer_to_is_about() -> None:
    text = (
        "Iranian oil minister Javad Owji said Iran was ready to receive as much as 5 million "
        "tonnes of Russian fuel a year. A Russian official said the annual value of the Russian "
        "gas contract with Iran would be closer to $500 million."
    )
    claims = extract_claims(text).claims
    assert [(c.text, c.kind, c.qualifier) for c in claims] == [
        ("5 million tonnes", "supply_volume", "up_to"),
        ("$500 million", "contract_signed", "about"),
    ]


@pytest.mark.parametrize(
    "deferral",
    [
        '"The parameters of the contract will be announced by the companies when the time '
        'comes," Peskov said.',
        "Peskov said the terms would be made public in due course.",
    ],
)
def test_a_deferral_is_no_comment_not_a_confirmation(deferral: str) -> None:
    statements = extract_claims(LEAD + deferral).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Dmitry Peskov", "no_comment")]


@pytest.mark.parametrize(
    ("reaction", "speaker", "stance"),
    [
        (
            "Asked about the figure, Kremlin spokesman Dmitry Peskov said questions about "
            "commercial agreements should be addressed to the companies themselves.",
            "Dmitry Peskov",
            "no_comment",
        ),
        (
            "Asked about the minister's figure, Kremlin aide Yuri Ushakov said it was not "
            "something he could confirm.",
            "Yuri Ushakov",
            "cannot_confirm",
        ),
        (
            '"Nothing has been agreed on investment," Kremlin spokesman Dmitry Peskov said.',
            "Dmitry Peskov",
            "deny",
        ),
    ],
)
def test_how_russian_voices_refuse_defer_and_deny(reaction: str, speaker: str, stance: str) -> None:
    statements = extract_claims(LEAD + reaction).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [(speaker, stance)]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Iran's ambassador to Moscow, Kazem Jalali, told Iranian state media on the eve of "
            "the visit that Russian companies had committed $8 billion to Iran's oil and gas "
            "fields.",
            "Kazem Jalali",
        ),
        (
            "Iranian Oil Minister Mohsen Paknejad told state television on Wednesday evening "
            "that Gazprom would invest $8 billion in Iran's gas industry.",
            "Mohsen Paknejad",
        ),
    ],
)
def test_whom_a_speaker_tells_is_the_listener(sentence: str, claimant: str) -> None:
    claims = extract_claims(LEAD_TALKS + sentence).claims
    assert [c.claimant for c in claims] == [claimant]


def test_a_report_whose_owner_is_described_claims_what_a_question_asks_about() -> None:
    text = (
        "Asked about a report by Iran's semi-official Tasnim news agency that Russian firms "
        "would invest as much as $25 billion in Iran's oil fields, Kremlin spokesman Dmitry "
        "Peskov said he could not add anything to what had been published."
    )
    result = extract_claims(text)
    assert [(c.text, c.claimant) for c in result.claims] == [("$25 billion", "Tasnim")]
    assert [(s.speaker, s.stance) for s in result.kremlin_statements] == [
        ("Dmitry Peskov", "no_comment")
    ]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Iran says Russian firms will put $4bn into seven oilfields.", "Iran"),
        ("Russia said on Monday it would supply up to 2 bcm of gas to Iran a year.", "Russia"),
        # a country that is not the subject of a verb of saying speaks for no one
        ("Russian firms will put $4bn into seven oilfields in Iran.", None),
    ],
)
def test_a_country_that_says_is_its_government(sentence: str, claimant: str | None) -> None:
    assert [c.claimant for c in extract_claims(sentence).claims] == [claimant]


@pytest.mark.parametrize(
    ("reaction", "speaker", "stance"),
    [
        # "it" takes the organisation that was the subject before
        (
            "Gazprom Neft, which will develop two of the fields, confirmed the talks. "
            "It declined to comment on financial terms.",
            "Gazprom Neft",
            "no_comment",
        ),
        # ... or the group of its own sentence
        (
            "Russia's energy ministry said it had no information about the investment.",
            "Russia's energy ministry",
            "cannot_confirm",
        ),
        # an aside between commas hides its names from the stance
        (
            "Rosneft, one of the companies most often named in Tehran, declined to comment.",
            "Rosneft",
            "no_comment",
        ),
        # who speaks for a company is the company
        ("Zarubezhneft's press service confirmed the agreement.", "Zarubezhneft", "confirm"),
        ("A Lukoil spokesman declined to comment on the figure.", "Lukoil", "no_comment"),
    ],
)
def test_a_companys_voice_and_bare_refusal_are_its_statements(
    reaction: str, speaker: str, stance: str
) -> None:
    text = "Iran's oil ministry said Russian firms would invest $4 billion in seven fields.\n\n"
    statements = extract_claims(text + reaction).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements][-1:] == [(speaker, stance)]


def test_it_names_no_one_without_an_organisation_before_it() -> None:
    text = "Velayati said Russia would invest $50 billion. It declined to comment."
    assert extract_claims(text).kremlin_statements == []


def test_a_common_surname_counts_alone_once_the_person_is_named_in_full() -> None:
    text = (
        "The memorandum was signed in Tehran by Gazprom chief executive Alexey Miller.\n\n"
        "Miller told reporters that supplies to Iran could reach up to 55 billion cubic "
        "metres a year."
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Alexey Miller"]
    # before the full name, the bare surname names no one
    alone = "Miller told reporters that Russia could supply up to 55 bcm of gas a year to Iran."
    assert [c.claimant for c in extract_claims(alone).claims] == [None]


def test_according_to_reaches_past_an_article() -> None:
    text = (
        "Trade between Iran and Russia rose by 4.1% in January-May, according to the "
        "Federal Customs Service."
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Federal Customs Service"]


@pytest.mark.parametrize(
    "sentence",
    [
        # "the two countries" of a Russian loan in Egypt are Russia and Egypt
        "In Egypt, the El Dabaa nuclear plant is financed by a $25 billion Russian state loan "
        "that the two countries agreed in 2015.",
        # "bilateral" after a sentence about Russia and Turkey
        "Russia is Turkey's largest gas supplier. Bilateral trade in gas and oil was about "
        "$33 billion last year.",
        # a clause that names no side goes on about the clause before it
        "Power of Siberia will carry 38 billion cubic metres of Russian gas a year to China, "
        "and a second line through Mongolia would add 50 bcm more.",
    ],
)
def test_a_pair_word_after_another_country_is_not_iran_and_russia(sentence: str) -> None:
    text = "Iran and Russia signed a gas memorandum last year.\n\n" + sentence
    assert [c.text for c in extract_claims(text).claims] == []


def test_the_two_countries_after_iran_and_russia_stay_iran_and_russia() -> None:
    text = (
        "Iran and Russia signed a gas memorandum last year. Trade between the two countries "
        "fell to about $1.7 billion, a fraction of Russia's trade with China."
    )
    assert [c.text for c in extract_claims(text).claims] == ["$1.7 billion"]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "The deal for two Iranian fields was put at $742 million by the National Iranian "
            "Oil Company, which signed it with Zarubezhneft.",
            "National Iranian Oil Company",
        ),
        (
            "The Gazprom memorandum was said by Iranian officials to be worth about $40 billion.",
            "Iranian officials",
        ),
        # a passive verb with no agent after it names nobody
        ("The gas memorandum between Iran and Russia was valued at about $40 billion.", None),
    ],
)
def test_a_passive_verb_of_saying_speaks_through_its_agent(
    sentence: str, claimant: str | None
) -> None:
    assert [c.claimant for c in extract_claims(sentence).claims] == [claimant]


def test_a_transcript_tag_may_describe_its_speaker_after_a_comma() -> None:
    text = (
        "ANCHOR: What did the presidents agree?\n\n"
        "VLADIMIR PUTIN, RUSSIAN PRESIDENT (VOICE OF INTERPRETER): We are talking about "
        "supplying Iran with up to two billion cubic metres of Russian gas a year."
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Vladimir Putin"]


def test_an_organisations_chief_is_the_person_who_heads_it() -> None:
    text = (
        "NIOC managing director Mohsen Khojastehmehr signed the memorandum with Gazprom.\n\n"
        '"Around $15 billion of this sum is earmarked for the Kish field," the NIOC chief said.'
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Mohsen Khojastehmehr"]


def test_a_role_with_a_name_in_apposition_is_that_person_for_the_pronouns_after() -> None:
    text = (
        "Energy Minister Sergei Tsivilev said gas talks with Iran were going well.\n\n"
        "Iran's ambassador in Moscow, Kazem Jalali, told reporters that both sides wanted "
        'more trade. "Trade between Iran and Russia could rise to $10 billion," he said.'
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Kazem Jalali"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The International Monetary Fund and Argentina agreed on a $7.5 billion loan for energy.",
        "Bangladesh's two-unit Rooppur plant, built by Russia, carries a price of $12.65 billion.",
        "Putin and Erdogan have spoken of raising their gas trade to $100 billion.",
    ],
)
def test_any_other_country_or_its_leader_makes_a_deal_of_another_country(sentence: str) -> None:
    text = "Iran and Russia signed a gas memorandum last year.\n\n" + sentence
    assert [c.text for c in extract_claims(text).claims] == []


def test_the_official_points_back_to_the_unnamed_official_before() -> None:
    text = (
        "Iran's atomic energy organisation said Russia would finance $15 billion of the "
        "Sirik nuclear power plant.\n\n"
        "A Russian Finance Ministry official, asked about that claim, said he had seen no "
        'decision. "We have no information about a state loan for this project," the '
        "official said."
    )
    statements = extract_claims(text).kremlin_statements
    assert [(s.speaker, s.role, s.stance) for s in statements] == [
        ("A Russian Finance Ministry official", "russian_official", "cannot_confirm")
    ]


def test_no_new_agreement_is_a_denial() -> None:
    text = (
        "Velayati said Russia would invest $50 billion in Iran's oil and gas.\n\n"
        "A Russian Energy Ministry official told reporters that no new agreement worth "
        "$50 billion had been signed."
    )
    statements = extract_claims(text).kremlin_statements
    assert [(s.role, s.stance) for s in statements] == [("russian_official", "deny")]


def test_each_name_of_a_coordinated_subject_takes_the_stance() -> None:
    text = (
        "Iranian media said Russian companies would invest $10 billion in Iranian oil fields.\n\n"
        "Rosneft, Lukoil, Gazprom Neft and Zarubezhneft all declined to say whether they were "
        "among the companies in question."
    )
    statements = extract_claims(text).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [
        ("Rosneft", "no_comment"),
        ("Lukoil", "no_comment"),
        ("Gazprom Neft", "no_comment"),
        ("Zarubezhneft", "no_comment"),
    ]


@pytest.mark.parametrize(
    ("reaction", "stances"),
    [
        # a refusal beside an inability to confirm says nothing more
        (
            '"We do not have such information," Peskov said, adding that specific projects '
            "were a matter for the companies.",
            ["cannot_confirm"],
        ),
        # beside a confirmation it refuses something else
        (
            "Rosatom confirmed that an agreement had been signed but did not disclose its value.",
            ["confirm", "no_comment"],
        ),
        ('Gazprom said reports citing specific figures were "speculation".', ["deny"]),
        ("Yuri Ushakov declined to give any figures for a gas agreement.", ["no_comment"]),
    ],
)
def test_how_many_stances_one_sentence_takes(reaction: str, stances: list[str]) -> None:
    text = "Iranian media said Russia would invest $25 billion in Iran's energy sector.\n\n"
    statements = extract_claims(text + reaction).kremlin_statements
    assert sorted(s.stance for s in statements) == stances


def test_a_title_in_apposition_after_then_is_the_name_before_it() -> None:
    text = (
        "Mohsen Khojastehmehr, then NIOC's chief executive, said the memorandum with Gazprom "
        "was worth about $40 billion."
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Mohsen Khojastehmehr"]


def test_a_company_spokesman_speaks_for_the_company_named_before() -> None:
    text = (
        "Iranian media said Zarubezhneft would invest $2 billion in two more Iranian fields.\n\n"
        "That figure did not appear in Zarubezhneft's statement, and a company spokesman "
        "declined to comment on it."
    )
    statements = extract_claims(text).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Zarubezhneft", "no_comment")]


def test_a_heading_gives_way_to_the_body_that_only_answers_the_figure() -> None:
    text = (
        "Kremlin says cannot confirm Iranian adviser's $50 billion investment figure\n\n"
        "The Kremlin said on Friday it could not confirm a statement by Ali Akbar Velayati "
        "that Russia was ready to invest $50 billion in Iran's oil and gas sector."
    )
    claims = extract_claims(text).claims
    assert [(c.claimant, c.attributed_to) for c in claims] == [("Ali Akbar Velayati", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran holds about 32 trillion cubic metres of proven gas reserves, second only to Russia.",
        "CORRECTION: An earlier version of this story misstated the value of the Rosatom "
        "agreement with Iran as $2.5 billion.",
    ],
)
def test_reserves_and_a_corrected_figure_are_no_claims(sentence: str) -> None:
    text = "Iran and Russia signed a gas memorandum last year.\n\n" + sentence
    assert [c.text for c in extract_claims(text).claims] == []


def test_the_interviewee_is_the_person_the_introduction_names_last() -> None:
    text = (
        "Q&A: the treaty and the gas\n\n"
        "Presidents Vladimir Putin and Masoud Pezeshkian signed a partnership treaty in "
        "Moscow. We asked Nadia Karimova, an analyst in London, what it means.\n\n"
        "What does the treaty change for energy?\n\n"
        "Trade between Iran and Russia is stuck at around $4 billion to $5 billion a year.\n\n"
        "And the gas?\n\n"
        "Little so far."
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Nadia Karimova"]


@pytest.mark.parametrize(
    ("reaction", "speaker", "stance"),
    [
        (
            "Asked by The Moscow Ledger how the plant would be financed, a spokesperson for "
            "the corporation declined to comment.",
            "Rosatom",
            "no_comment",
        ),
        (
            "Kremlin spokesman Dmitry Peskov said the talks were a commercial matter and "
            "declined to go into details.",
            "Dmitry Peskov",
            "no_comment",
        ),
        (
            '"I am not going to name figures today," Sergei Tsivilev said.',
            "Sergei Tsivilev",
            "no_comment",
        ),
        (
            '"Nobody signed anything for fifty billion," Dmitry Peskov said.',
            "Dmitry Peskov",
            "deny",
        ),
        ("A spokesman for Rosneft declined to comment on the figure.", "Rosneft", "no_comment"),
        (
            "Rosatom signed the deal. The Russian state corporation confirmed that documents "
            "had been signed with Iranian partners.",
            "Rosatom",
            "confirm",
        ),
        (
            '"I have not seen such figures," presidential aide Yuri Ushakov said.',
            "Yuri Ushakov",
            "cannot_confirm",
        ),
        (
            '"There was never an intergovernmental agreement with this figure," Alexey Dedov said.',
            "Alexey Dedov",
            "deny",
        ),
    ],
)
def test_more_english_refusals_and_denials(reaction: str, speaker: str, stance: str) -> None:
    text = (
        "Rosatom and Iran signed a $25 billion deal for nuclear units at Sirik, and Iranian "
        "media said Russia would invest $10 billion in Iran's power grid.\n\n"
    )
    statements = extract_claims(text + reaction).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements][-1:] == [(speaker, stance)]


def test_a_question_takes_no_stance() -> None:
    text = (
        "Iran says Russia will supply up to 55 bcm of gas a year.\n\n"
        "Has Moscow confirmed those volumes?"
    )
    assert extract_claims(text).kremlin_statements == []


def test_a_sentence_after_one_sides_dealings_with_another_country_goes_on_about_them() -> None:
    text = (
        "Iran and Russia signed a gas memorandum last year.\n\n"
        "Rosneft agreed to sell Reliance of India up to 500,000 barrels of oil a day. The "
        "volumes would be worth roughly $13 billion a year at current prices, the sources said."
    )
    assert [c.text for c in extract_claims(text).claims] == []


def test_not_responding_to_a_request_takes_no_stance() -> None:
    text = (
        "Iranian media said Russia would invest $10 billion in Iran's oil fields.\n\n"
        "Gazprom Neft, which has studied two Iranian oilfields, did not respond to a request "
        "for comment."
    )
    assert extract_claims(text).kremlin_statements == []


def test_an_outlets_name_is_no_persons_name() -> None:
    text = (
        "Interview: Russia's ambassador\n\n"
        "Alexey Dedov, Russia's ambassador to Iran, spoke to the Caspian Herald.\n\n"
        "CH: How is trade?\n\n"
        "Dedov: Last year, according to our data, trade between Russia and Iran was about "
        "$5 billion.\n\n"
        "CH: And the gas?\n\n"
        "Dedov: Talks go on."
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Alexey Dedov"]


def test_valuing_a_project_at_a_sum_names_its_value() -> None:
    text = (
        "Rosatom and Iran signed a deal to build a nuclear plant at Sirik.\n\n"
        "In September the Iranian side valued the four-unit Sirik project at $25 billion."
    )
    assert [(c.value, c.kind) for c in extract_claims(text).claims] == [(25e9, "contract_signed")]


def test_the_cost_of_a_project_is_its_value() -> None:
    text = (
        "Rosatom began building two new units at Iran's Bushehr nuclear plant.\n\n"
        "Iran's atomic energy organisation put the cost of the two units at about $10 billion."
    )
    assert [(c.value, c.kind) for c in extract_claims(text).claims] == [(10e9, "contract_signed")]


def test_irans_energy_ministry_is_a_source_and_estimated_at_names_a_value() -> None:
    text = (
        "Russia and Iran discussed a thermal power plant at Sirik.\n\n"
        "According to Iran's Energy Ministry, the project is estimated at 1.2 billion euros."
    )
    claims = extract_claims(text).claims
    assert [(c.value, c.kind, c.claimant) for c in claims] == [
        (1.2e9, "contract_signed", "Iranian Energy Ministry")
    ]
