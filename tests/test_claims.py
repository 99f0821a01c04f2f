"""Claims: which figures are claims, their kind, qualifier, claimant, parties, period, modality."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.claims import extract_claims
from extractors.cues import YEAR_PERIODS, group_source, load_cues
from extractors.lexicon import tokenise

LEAD = "Iran and Russia discussed energy cooperation in Moscow this week. "


def _claims(text: str, published: date | None = None):
    return extract_claims(LEAD + text, published=published).claims


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Rosneft signed a $3 billion contract with the National Iranian Oil Company.",
            "contract_signed",
        ),
        ("Two Russian firms are in talks on oil projects worth $7 billion.", "negotiation"),
        ("Russia is ready to invest $20 billion in Iranian gas fields.", "investment_pledge"),
        ("Trade between Iran and Russia grew by 12 percent.", "trade_growth"),
        ("Trade turnover between Iran and Russia reached $4.8 billion.", "trade_volume"),
        ("Russia will supply 2 bcm of gas a year to Iran.", "supply_volume"),
    ],
)
def test_kind(sentence: str, kind: str) -> None:
    assert [c.kind for c in _claims(sentence)] == [kind]


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("China pledged $400 billion for Iranian infrastructure.", "deal of another country"),
        ("Moscow lent €1.3 billion for a railway line to the Caspian coast.", "outside energy"),
        ("Brent traded at $80 a barrel on Monday.", "price"),
        ("A loaf of bread in Tehran costs 50,000 rials.", "price"),
    ],
)
def test_not_claims(sentence: str, why: str) -> None:
    result = extract_claims(LEAD + sentence)
    assert result.claims == []
    assert [o.why for o in result.other_figures if o.unit] == [why]


def test_document_without_both_countries_has_no_claims() -> None:
    result = extract_claims("Gazprom signed a $3 billion gas contract with a Turkish buyer.")
    assert result.claims == []
    assert result.other_figures[0].why == "not about Iran–Russia"


@pytest.mark.parametrize(
    ("sentence", "claimant", "attributed"),
    [
        (
            "Velayati said Russia would invest $50 billion in Iran's oil sector.",
            "Ali Akbar Velayati",
            None,
        ),
        (
            "Russia will invest $50 billion in Iran's oil sector, Velayeti told reporters.",
            "Ali Akbar Velayati",
            None,
        ),
        (
            "According to Zanganeh, Lukoil signed a $2 billion oil contract.",
            "Bijan Namdar Zanganeh",
            None,
        ),
        (
            "Velayati said Putin stressed that oil investment would reach $50 billion.",
            "Ali Akbar Velayati",
            "Vladimir Putin",
        ),
        (
            "Iranian state media reported that Russia would invest $30 billion in oil fields.",
            "Iranian state media",
            None,
        ),
    ],
)
def test_claimant(sentence: str, claimant: str, attributed: str | None) -> None:
    (claim,) = _claims(sentence)
    assert (claim.claimant, claim.attributed_to) == (claimant, attributed)


def test_pronoun_takes_last_speaker() -> None:
    text = (
        "Ali Akbar Velayati met Vladimir Putin on Thursday. Velayati said the talks went well. "
        "He added that a Russian oil company had signed a $4 billion contract."
    )
    (claim,) = _claims(text)
    assert claim.claimant == "Ali Akbar Velayati"


def test_quote_spanning_sentences_takes_speaker_named_after_it() -> None:
    text = (
        'Velayati spoke to reporters in Moscow.\n\n"Our cooperation is growing. A Russian company '
        "signed an oil contract worth $4 billion. Two more are negotiating gas projects reaching "
        '$10 billion," he went on.'
    )
    claims = _claims(text)
    assert [(c.value, c.qualifier, c.claimant) for c in claims] == [
        (4e9, "exact", "Ali Akbar Velayati"),
        (10e9, "up_to", "Ali Akbar Velayati"),
    ]


def test_role_phrase_resolves_to_named_person() -> None:
    text = (
        "Ali Akbar Velayati visited Moscow on Friday. The Iranian envoy said Russian firms "
        "would invest $10 billion in Iran's gas fields."
    )
    assert _claims(text)[0].claimant == "Ali Akbar Velayati"


def test_denied_and_hypothetical_modality() -> None:
    denied = _claims(
        "The oil ministry denied that it had signed a $4 billion contract with Lukoil."
    )
    maybe = _claims("Russian investment in Iranian oil could reach $50 billion if sanctions ease.")
    assert [c.modality for c in denied + maybe] == ["denied", "hypothetical"]


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "In the first four months of 2018, trade between the two countries grew 20 percent.",
            "2018-01/2018-04",
        ),
        ("Trade between Iran and Russia grew 10 percent last year.", "2021"),
        ("Russia plans to invest $5 billion in Iranian oil fields by 2030.", "../2030"),
    ],
)
def test_period(sentence: str, period: str) -> None:
    assert _claims(sentence, published=date(2022, 5, 1))[0].period == period


def test_group_source_reads_nested_groups_classes_and_escapes() -> None:
    pattern = r"a(?P<x>[)(\]]\)(?:b|(c))[^]x])d"
    assert group_source(pattern, "x") == r"[)(\]]\)(?:b|(c))[^]x]"
    assert group_source(pattern, "y") is None


@pytest.mark.parametrize("language", ["en", "ru", "fa"])
def test_the_year_gate_holds_the_year_group_of_every_dated_period(language: str) -> None:
    """The year gate is exact: every match of a period that names its year holds a match of
    the gate, so sentences the gate rejects are not searched for those periods."""
    cues = load_cues(language)
    for key in YEAR_PERIODS:
        if key in cues.periods:
            source = group_source(cues.periods[key].pattern, "year")
            assert source is not None and f"(?:{source})" in cues.period_year_re.pattern


def test_parties() -> None:
    (claim,) = _claims("Two Russian oil giants signed contracts with NIOC worth $3 billion.")
    assert claim.parties == ("Two Russian oil giants", "National Iranian Oil Company")


def test_range_claim_to_dict() -> None:
    (claim,) = _claims(
        "Gazprom is negotiating gas deals worth between $40 billion and $50 billion."
    )
    data = claim.to_dict()
    assert (data["qualifier"], data["value"], data["value_high"]) == ("range", 40e9, 50e9)
    assert data["modality"] == "asserted"


def test_empty_text() -> None:
    result = extract_claims("")
    assert result.to_dict() == {"claims": [], "kremlin_statements": [], "other_figures": []}


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # the speaker offers what their own side could do
        ("Russia could supply Iran with up to 20 bcm of gas a year, Putin said.", "asserted"),
        # ...whatever countries the prepositions name: where to, and through which
        (
            "Putin said Russian gas deliveries to Iran through Azerbaijan could reach up to "
            "55 billion cubic metres a year.",
            "asserted",
        ),
        # a speaker supposing what the other side could do
        (
            "Russia could invest $30 billion in Iran's oil fields, an Iranian official said.",
            "hypothetical",
        ),
        # the reporter supposing, with no source
        ("Russian firms could put $5 billion into Iranian gas fields.", "hypothetical"),
        # an offer under a condition is still a supposition
        (
            "Russia could invest $9 billion in Iran's gas fields if sanctions ease, Putin said.",
            "hypothetical",
        ),
    ],
)
def test_modal_of_possibility(sentence: str, modality: str) -> None:
    (claim,) = _claims(sentence)
    assert claim.modality == modality


@pytest.mark.parametrize(
    "text",
    [
        # a heading restates the body
        "Russia and Iran sign $3 billion oil deal\n\nRosneft signed a $3 billion contract with "
        "NIOC on Monday, the Iranian oil ministry said.",
        # a back-reference by nobody in particular
        "The oil minister said Lukoil had signed a contract worth $3 billion with NIOC. No "
        "company has named itself as the signatory of the $3 billion contract.",
        # a figure a denial quotes
        "Velayati said Russia would invest $3 billion in Iran's gas fields.\n\nPeskov said he "
        "had no information about the $3 billion figure.",
    ],
)
def test_restated_figure_is_one_claim(text: str) -> None:
    assert [c.value for c in _claims(text)] == [3e9]


def test_same_figure_from_two_claimants_is_two_claims() -> None:
    text = (
        "An official at the Iranian oil ministry denied that a $4 billion contract with Lukoil "
        "had been signed. Velayati had said that Lukoil signed a contract worth $4 billion with "
        "the ministry."
    )
    assert [(c.claimant, c.modality) for c in _claims(text)] == [
        ("An official at the Iranian oil ministry", "denied"),
        ("Ali Akbar Velayati", "asserted"),
    ]


def test_kind_from_the_predicate_nearest_before_the_figure() -> None:
    text = (
        "Velayati spoke of a $4 billion oil agreement with one Russian firm and of talks on "
        "another $7 billion with two more."
    )
    assert [c.kind for c in _claims(text)] == ["contract_signed", "negotiation"]


def test_cost_of_a_project_is_not_a_price() -> None:
    (claim,) = _claims(
        "Developing the Kish gas field with Russian help would cost $3–4 billion, the Iranian "
        "oil ministry said."
    )
    assert (claim.qualifier, claim.value, claim.value_high) == ("range", 3e9, 4e9)


def test_range_with_the_scale_written_twice_and_the_unit_once() -> None:
    (claim,) = _claims(
        "Russia could deliver from 2 billion to 55 billion cubic metres of gas a year to Iran, "
        "Putin said."
    )
    assert (claim.unit, claim.value, claim.value_high) == ("bcm", 2, 55)


def test_sector_named_nearest_the_figure_decides() -> None:
    result = extract_claims(
        LEAD + "Moscow lent €1.3 billion for a railway line, though not for energy projects."
    )
    assert result.claims == []
    assert [o.why for o in result.other_figures if o.unit] == ["outside energy"]


def test_supplies_carried_on_from_an_iran_russia_supply_topic() -> None:
    text = (
        "Russia will supply gas to Iran through Azerbaijan, Putin said. Supplies could start "
        "at 2 bcm a year, he said.\n\nIran's own oil exports fell to 1 million barrels a day."
    )
    assert [(c.value, c.unit) for c in _claims(text)] == [(2, "bcm")]


@pytest.mark.parametrize(
    ("sentence", "claimed"),
    [
        ("Initial volumes would be about 2 bcm a year, and later perhaps 10 bcm.", [2, 10]),
        ("Gas production at South Pars has reached about 700 million cubic metres a day.", []),
        ("Iran consumes more than 250 billion cubic metres a year.", []),
        ("Turkey imported about 40 bcm last year.", []),
    ],
)
def test_a_volume_without_a_word_of_transfer_goes_on_about_the_supplies(
    sentence: str, claimed: list[float]
) -> None:
    text = "Russia will supply gas to Iran through Azerbaijan, Putin said on Friday.\n\n" + sentence
    assert [c.value for c in _claims(text)] == claimed


def test_sentence_going_on_about_a_third_country() -> None:
    result = extract_claims(
        LEAD + "French major Total left the South Pars project in 2018. Its share of the "
        "investment was put at about $1 billion."
    )
    assert [o.why for o in result.other_figures if o.unit] == ["deal of another country"]


def test_transit_country_is_a_route_not_a_party() -> None:
    (claim,) = _claims("Russia will deliver 2 bcm of gas a year to Iran through Azerbaijan.")
    assert (claim.value, claim.kind) == (2, "supply_volume")


# -- cue lists: found by token lookup, with the semantics of whole-word phrase matching ----

LEXICON = load_cues("en").lexicon


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("context:energy", "The soil was dry; oil and gas flowed.", ["oil", "gas"]),
        ("context:energy", "Oilfields and the oil ministry", ["Oilfields", "oil ministry"]),
        ("context:iran", "Iran’s and Iran's minister", ["Iran’s", "Iran's"]),
        ("context:bilateral", "the two\n countries and the twocountries", ["the two\n countries"]),
        ("context:bilateral", "the two\u00a0sides met", ["the two\u00a0sides"]),
        ("context:bilateral", "Iran-Russia and Iran - Russia ties", ["Iran-Russia"]),
        ("context:third_country", "The US and us", ["US"]),
        ("saying", "He said, then went on; wenton", ["said", "went on"]),
    ],
)
def test_cue_lists_match_whole_words_longest_first(name: str, text: str, found: list[str]) -> None:
    starts, ends = LEXICON.index(text).spans(name)
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)] == found


def test_cue_spans_within_a_range() -> None:
    text = "Oil first. Then gas, then more oil."
    words = LEXICON.index(text)
    assert words.within("context:energy", 10, len(text)) == [(16, 19), (31, 34)]
    assert words.has("context:energy", 0, 3)
    assert not words.has("context:energy", 3, 15)


def test_tokens_keep_offsets_when_lowercasing_grows_a_character() -> None:
    text = "İstanbul: Iran oil"
    tokens = tokenise(text)
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends, strict=True)] == [
        "İstanbul",
        ":",
        "Iran",
        "oil",
    ]


def test_the_outlet_a_speaker_told_is_not_the_claimant() -> None:
    """After 'X, told <outlet> that', the outlet is told; X speaks (not '..., said X')."""
    text = (
        "Russia's envoy to Tehran, Alexey Dedov, told Interfax that trade between Russia and "
        "Iran rose to $4.9 billion last year."
    )
    (claim,) = extract_claims(text).claims
    assert (claim.value, claim.claimant) == (4.9e9, "Alexey Dedov")


@pytest.mark.parametrize(
    "aside",
    ["speaking alongside Vladimir Putin", "flanked by Vladimir Putin", "who had met Putin"],
)
def test_a_name_in_an_aside_before_the_verb_is_not_the_speaker(aside: str) -> None:
    text = (
        f"Ebrahim Raisi, {aside}, said trade between Iran and Russia reached about "
        "$4 billion last year."
    )
    (claim,) = extract_claims(text).claims
    assert claim.claimant == "Ebrahim Raisi"


def test_one_side_dealing_with_another_country_is_not_a_claim() -> None:
    text = (
        "Russia and Iran are still negotiating the price of gas for the Azerbaijan route.\n\n"
        "Gazprom separately signed a deal to carry 50 billion cubic metres of Russian gas a "
        "year to China.\n\n"
        "Novak said Russia would supply Iran with up to 2 billion cubic metres a year through "
        "Azerbaijan at first."
    )
    result = extract_claims(text)
    assert [(c.value, c.unit) for c in result.claims] == [(2.0, "bcm")]
    assert ("50 billion cubic metres", "deal of another country") in [
        (o.text, o.why) for o in result.other_figures
    ]


def test_a_transcript_speaker_keeps_the_floor_until_the_next_tag() -> None:
    text = (
        "Statements for the press after Russian-Iranian talks\n\n"
        "President of Russia Vladimir Putin: Dear Mr President, colleagues,\n\n"
        "Trade between Russia and Iran grew by 12 percent last year.\n\n"
        "Russia is ready to supply Iran with up to 2 billion cubic metres of gas a year.\n\n"
        "President of Iran Masoud Pezeshkian (retranslated): Thank you, Mr Putin.\n\n"
        "Iran and Russia have agreed that gas supplies from Russia could be raised to "
        "55 billion cubic metres a year.\n\n"
        "ANCHOR: That was the scene in Moscow.\n\n"
        "Analysts expect trade between Iran and Russia to grow by 20 percent this year.\n"
    )
    claims = extract_claims(text).claims
    assert [(c.value, c.claimant) for c in claims] == [
        (12.0, "Vladimir Putin"),
        (2.0, "Vladimir Putin"),
        (55.0, "Masoud Pezeshkian"),
        (20.0, None),  # after "ANCHOR:", nobody the tracker knows has the floor
    ]
    assert claims[2].qualifier == "up_to"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ali Akbar Velayati, adviser to the Supreme Leader, cited Putin as having offered "
        "up to $50 billion for Iran's oil and gas.",
        "Putin, the Supreme Leader's adviser told reporters, had promised him that Russia "
        "would put up to $50 billion into Iran's oil and gas.",
    ],
)
def test_the_adviser_not_the_president_he_quotes_claims_the_figure(sentence: str) -> None:
    text = "Ali Akbar Velayati met Vladimir Putin in Moscow on Thursday.\n\n" + sentence
    (claim,) = extract_claims(text).claims
    assert claim.claimant == "Ali Akbar Velayati"


def test_the_minister_is_the_sentence_subject_before_a_minister_named_in_passing() -> None:
    text = (
        "Russian Energy Minister Sergei Tsivilev met reporters in Tehran after talks with his "
        "host, Iran's oil minister, Mohsen Paknejad.\n\n"
        "The minister said Russian gas supplies to Iran would start at up to 2 billion cubic "
        "metres a year."
    )
    (claim,) = extract_claims(text).claims
    assert claim.claimant == "Sergei Tsivilev"


@pytest.mark.parametrize(
    ("language", "text", "claim", "conversion"),
    [
        (
            "en",
            "Iran's oil ministry said Russia's Zarubezhneft signed a contract worth $742 million "
            "(about 42.5 billion roubles) for two Iranian oil fields.",
            "$742 million",
            "42.5 billion roubles",
        ),
        (
            "ru",
            "Министерство нефти Ирана сообщило, что российская «Зарубежнефть» подписала "
            "контракт на $742 млн (около 42,5 млрд руб.) по двум иранским месторождениям.",
            "$742 млн",
            "42,5 млрд руб.",
        ),
    ],
)
def test_a_sum_restated_in_another_currency_in_parentheses_is_not_a_second_claim(
    language: str, text: str, claim: str, conversion: str
) -> None:
    result = extract_claims(text, language=language)
    assert [c.text for c in result.claims] == [claim]
    assert (conversion, "a conversion of the figure before it") in [
        (o.text, o.why) for o in result.other_figures
    ]


def test_a_second_sum_in_the_same_currency_in_parentheses_stays_a_claim() -> None:
    text = (
        "Velayati said Russia would invest $50 billion in Iran's oil and gas fields "
        "(including $10 billion in gas) over the next decade."
    )
    assert [c.text for c in extract_claims(text).claims] == ["$50 billion", "$10 billion"]


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        (
            "en",
            "Russia and Iran signed the oil deal on Monday. Zarubezhneft's revenue exceeded "
            "$1.6 billion last year, the company said.",
            "$1.6 billion",
        ),
        (
            "ru",
            "Россия и Иран подписали нефтяное соглашение. Выручка «Зарубежнефти» в прошлом "
            "году превысила 100 млрд руб., сообщила компания.",
            "100 млрд руб.",
        ),
    ],
)
def test_a_companys_revenue_or_profit_is_not_a_deal_claim(
    language: str, text: str, figure: str
) -> None:
    result = extract_claims(text, language=language)
    assert result.claims == []
    assert (figure, "a company's financial result") in [
        (o.text, o.why) for o in result.other_figures
    ]


def test_an_answer_takes_its_kind_from_the_question_it_answers() -> None:
    text = (
        "Interview with Russia's ambassador to Iran, Alexey Dedov\n\n"
        "Q: How has trade between Russia and Iran done this year?\n\n"
        "A: Quite well. By our count it came to about $4.9 billion."
    )
    (claim,) = extract_claims(text).claims
    assert (claim.value, claim.kind) == (4.9e9, "trade_volume")


def test_the_answers_of_an_interview_are_the_interviewees() -> None:
    text = (
        "Interview: Russia's man in Tehran\n\n"
        "Alexey Dedov, Russia's ambassador to Iran, spoke to us about trade and gas.\n\n"
        "Q: How is trade between Russia and Iran doing?\n\n"
        "A: Well enough. Last year our trade with Iran came to about $4.9 billion.\n\n"
        "Q: And the gas deal with Iran? Tehran speaks of 55 billion cubic metres.\n\n"
        "A: I will not comment on that figure.\n"
    )
    result = extract_claims(text)
    assert next((c.value, c.claimant) for c in result.claims) == (4.9e9, "Alexey Dedov")
    assert [(s.speaker, s.stance) for s in result.kremlin_statements] == [
        ("Alexey Dedov", "no_comment")
    ]


def test_the_guest_an_introduction_spoke_to_by_a_pronoun_is_named_before_it() -> None:
    text = (
        "Iran's envoy on trade\n\n"
        "Kazem Jalali has been Iran's ambassador to Russia since 2021. We spoke to him days "
        "after Masoud Pezeshkian won the election called after the death of Ebrahim Raisi.\n\n"
        "Q: How much did Russia and Iran trade last year?\n\n"
        "A: Our trade with Russia was slightly more than four billion dollars.\n\n"
        "Q: And gas?\n\n"
        "A: The talks go on.\n"
    )
    (claim,) = extract_claims(text).claims
    assert (claim.value, claim.claimant) == (4e9, "Kazem Jalali")


def test_one_rhetorical_question_does_not_make_an_interview() -> None:
    text = (
        "Ali Akbar Velayati met Vladimir Putin in Moscow.\n\n"
        "Will Russia really invest in Iran?\n\n"
        "Officials in Tehran expect Russian investment of up to $50 billion in oil and gas."
    )
    (claim,) = extract_claims(text).claims
    assert claim.claimant != "Ali Akbar Velayati"


def test_a_headline_holding_a_name_before_a_colon_is_no_speaker_tag() -> None:
    text = (
        "Velayati's numbers: what the record shows\n\n"
        "In March, NIOC signed a contract worth $742 million with Russia's Zarubezhneft for "
        "two Iranian oil fields."
    )
    (claim,) = extract_claims(text).claims
    assert claim.claimant != "Ali Akbar Velayati"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Peskov: Kremlin cannot confirm the adviser's figure\n\n"
            "MOSCOW, July 13 (Wire)\n\n"
            "Zarubezhneft signed a $742 million contract with the National Iranian Oil "
            "Company in March to develop two oil fields.",
            "en",
        ),
        (
            "Песков: Кремль не может подтвердить эти цифры\n\n"
            "«Зарубежнефть» в марте подписала с Национальной иранской нефтяной компанией "
            "контракт на 742 млн долларов.",
            "ru",
        ),
        (
            "پسکوف: رقم ولایتی را تأیید نمی‌کنیم\n\n"
            "زاروبژنفت اسفندماه قراردادی به ارزش ۷۴۲ میلیون دلار با شرکت ملی نفت ایران "
            "امضا کرد.",
            "fa",
        ),
    ],
)
def test_one_tag_in_a_headline_gives_the_article_to_nobody(text: str, language: str) -> None:
    result = extract_claims(text, language=language)
    (claim,) = result.claims
    assert claim.claimant is None
    # the headline is Peskov's, and nothing after it: he confirms no contract
    assert [s.stance for s in result.kremlin_statements] == ["cannot_confirm"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Russian oil companies are ready to put up to $50 billion into Iran's oil and gas. "
            "That is according to Ali Akbar Velayati, back from Moscow.",
            "en",
        ),
        (
            "Российские нефтяные компании готовы вложить в нефтегазовый сектор Ирана до "
            "50 млрд долларов. Об этом после визита в Москву заявил Али Акбар Велаяти.",
            "ru",
        ),
        (
            "شرکت‌های نفتی روسیه آماده‌اند تا ۵۰ میلیارد دلار در نفت و گاز ایران "
            "سرمایه‌گذاری کنند. این مطلب را علی‌اکبر ولایتی پس از سفر به مسکو اعلام کرد.",
            "fa",
        ),
    ],
)
def test_a_sentence_may_say_who_said_the_one_before_it(text: str, language: str) -> None:
    (claim,) = extract_claims(text, language=language).claims
    assert claim.claimant == "Ali Akbar Velayati"


def test_a_verb_past_a_colon_does_not_speak_for_the_figure_before_it() -> None:
    text = (
        "Ali Akbar Velayati said Russia would invest up to $50 billion in Iran's oil and gas.\n\n"
        "Should the $50 billion arrive, it would exceed all that foreign firms have put into "
        "Iran in a decade: the World Bank put foreign direct investment into Iran at about "
        "$1.5 billion last year."
    )
    result = extract_claims(text)
    assert [(c.value, c.claimant) for c in result.claims] == [(50e9, "Ali Akbar Velayati")]
    assert ("$1.5 billion", "a total over all partners") in [
        (o.text, o.why) for o in result.other_figures
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Iran and Russia discussed oil sales.\n\nThe OPEC+ group plans to start unwinding "
            "2.2 million bpd of voluntary cuts in April.",
        ),
        (
            "ru",
            "Россия и Иран обсудили продажи нефти.\n\nОПЕК+ с апреля начнет сворачивать "
            "добровольное сокращение добычи на 2,2 млн баррелей в сутки.",
        ),
        (
            "fa",
            "ایران و روسیه درباره فروش نفت گفت‌وگو کردند.\n\nبر اساس توافق اوپک، سهم اعضای "
            "اوپک ۸۰۰ هزار بشکه در روز است.",
        ),
    ],
)
def test_the_cartels_own_volumes_are_no_iran_russia_figure(language: str, text: str) -> None:
    assert extract_claims(text, language=language).claims == []


@pytest.mark.parametrize(
    "headline",
    [
        "Kremlin won't confirm Velayati's $50 billion figure for Russian energy in Iran",
        "Kremlin does not confirm Velayati's $50 billion figure for Russian energy in Iran",
    ],
)
def test_a_refusal_in_a_headline_is_no_confirmation(headline: str) -> None:
    (statement,) = extract_claims(headline).kremlin_statements
    assert statement.stance == "cannot_confirm"


def test_a_place_a_preposition_governs_does_not_take_the_pronoun() -> None:
    text = (
        "In Moscow, Kremlin spokesman Dmitry Peskov said he could not confirm the figure.\n\n"
        "In July 2022, on the eve of Vladimir Putin's trip to Tehran, Mohsen Khojastehmehr "
        "hailed a memorandum with Gazprom that he said was worth $40 billion."
    )
    result = extract_claims(text)
    assert [c.claimant for c in result.claims] == ["Mohsen Khojastehmehr"]
    # Peskov spoke of no $40 billion: no confirm of it
    assert [s.stance for s in result.kremlin_statements] == ["cannot_confirm"]


@pytest.mark.parametrize(
    "reaction",
    [
        "Asked about the figure, Likhachev said the commercial terms were confidential.",
        "Likhachev referred questions about the contract's value to the Iranian side.",
    ],
)
def test_confidential_terms_and_referred_questions_decline_to_comment(reaction: str) -> None:
    text = "Iran and Rosatom signed a $25 billion deal for four reactors at Sirik.\n\n" + reaction
    assert [s.stance for s in extract_claims(text).kremlin_statements] == ["no_comment"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Iran and Russia signed a treaty on energy cooperation.\n\n"
            "The Rasht-Astara railway has been discussed for two decades. Russia lent "
            "1.3 billion euros for it in 2023.",
            "en",
        ),
        (
            "Россия и Иран подписали договор о сотрудничестве в энергетике.\n\n"
            "Железная дорога Решт — Астара обсуждается с 2000-х годов. Россия выделила на нее "
            "государственный кредит в 1,3 млрд евро.",
            "ru",
        ),
        (
            "ایران و روسیه پیمان همکاری انرژی امضا کردند.\n\n"
            "پوتین از پیشرفت طرح راه‌آهن رشت–آستارا خبر داد؛ خطی که روسیه ۱.۳ میلیارد یورو "
            "وام برای ساخت آن در نظر گرفته است.",
            "fa",
        ),
    ],
)
def test_a_clause_naming_no_sector_is_about_the_one_named_before_it(
    text: str, language: str
) -> None:
    result = extract_claims(text, language=language)
    assert result.claims == []
    assert [o.why for o in result.other_figures if o.unit == "EUR"] == ["outside energy"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Россия и Иран договорились, что Россия будет закупать до 100 тысяч баррелей иранской "
            "нефти в сутки. Иран добывает около 3,8 млн баррелей в сутки.",
            "ru",
        ),
        (
            "روسیه و ایران توافق کردند که روسیه روزانه تا ۱۰۰ هزار بشکه نفت ایران را خریداری کند. "
            "به گفته ناظران بازار، تولید واقعی روسیه حدود ۹.۵ میلیون بشکه در روز بوده است.",
            "fa",
        ),
        # a cut of output, in a clause that says "cut" and not "output"
        (
            "Russia agreed to buy up to 100,000 barrels a day of Iranian oil. From July, "
            "Russia's cut eases to 2.5 million barrels a day.",
            "en",
        ),
        (
            "روسیه و ایران توافق کردند که روسیه روزانه تا ۱۰۰ هزار بشکه نفت ایران را خریداری کند. "
            "از ژوئیه میزان کاهش روسیه به ۲.۵ میلیون بشکه در روز می‌رسد.",
            "fa",
        ),
    ],
)
def test_one_sides_own_output_is_no_claim(text: str, language: str) -> None:
    result = extract_claims(text, language=language)
    assert [c.value for c in result.claims] == [100_000]
    assert "a country's own output" in [o.why for o in result.other_figures]


def test_what_a_field_a_contract_develops_produces_stays_a_claim() -> None:
    text = (
        "Russia and Iran signed an oil-for-goods deal under which Russia would buy up to "
        "100,000 barrels a day of Iranian crude.\n\nThe two fields Zarubezhneft develops in "
        "Iran currently produce around 45,000 barrels a day."
    )
    assert [c.value for c in extract_claims(text).claims] == [100_000, 45_000]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            'Iran and Russia agreed on gas supplies. Gazprom press service: "We do not '
            'comment on the course of commercial negotiations."',
            "en",
            [("Gazprom", "no_comment")],
        ),
        (
            "Иран и Россия договорились о поставках газа. Песков на сегодняшнем брифинге: "
            "«Я не могу подтвердить сроки начала поставок».",
            "ru",
            [("Dmitry Peskov", "cannot_confirm")],
        ),
    ],
)
def test_a_colon_before_a_quotation_introduces_its_speaker(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    statements = extract_claims(text, language=language).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Russia and Iran discussed oil trade. Brent crude rose as much as 2.4 percent to "
            "$77.80 a barrel in early Asian trade.",
            "en",
        ),
        (
            "Россия и Иран обсуждают торговлю нефтью. На утренних торгах нефть Brent "
            "подорожала на 2,4% до 77,8 доллара за баррель.",
            "ru",
        ),
    ],
)
def test_a_percentage_that_moves_a_price_is_no_claim(text: str, language: str) -> None:
    result = extract_claims(text, language=language)
    assert result.claims == []
    assert [o.why for o in result.other_figures if o.unit == "%"] == ["price"]


def test_exports_to_the_far_abroad_are_another_countrys_trade() -> None:
    """ "Дальнее зарубежье" (countries beyond the former Soviet Union) is no side."""
    text = (
        "«Газпром» и Иран подписали меморандум о поставках газа. Экспорт «Газпрома» в "
        "дальнее зарубежье сократился до 69 млрд кубометров."
    )
    result = extract_claims(text, language="ru")
    assert result.claims == []
    assert [o.why for o in result.other_figures] == ["deal of another country"]


def test_a_supply_by_one_side_through_a_transit_country_goes_to_the_other() -> None:
    text = (
        "Russia and Iran discussed gas supplies to Iran.\n\n"
        "Putin told reporters that Russia would start with supplies of up to 2 billion cubic "
        "meters of gas a year via Azerbaijan."
    )
    assert [(c.value, c.kind) for c in extract_claims(text).claims] == [(2, "supply_volume")]


INTERVIEW_ON_RAIL = (
    "Iran's ambassador Kazem Jalali spoke to us in an interview about trade with Russia.\n\n"
    "How is gas trade with Russia going?\n\n"
    "Russia will supply up to 2 bcm of gas a year to Iran.\n\n"
    "And the Rasht-Astara railway? It has been discussed for twenty years.\n\n"
    "This time it is real. Russia is providing a state loan of 1.3 billion euros. Today more "
    "than 95% of our trade with Russia is settled in rubles and rials."
)


def test_an_answer_is_about_the_sector_its_question_names() -> None:
    """The loan is the railway's, which only the question names; a share of all trade
    settled in national currencies is no railway's."""
    result = extract_claims(INTERVIEW_ON_RAIL)
    assert [(c.value, c.kind) for c in result.claims] == [(2, "supply_volume"), (95, "other")]
    assert ("1.3 billion euros", "outside energy") in [
        (o.text, o.why) for o in result.other_figures
    ]


@pytest.mark.parametrize(
    "answer", ["said he could not yet name a date", "said he could not give a date"]
)
def test_a_date_the_speaker_cannot_give_is_not_confirmed(answer: str) -> None:
    text = (
        "Iran's oil minister said Russia would supply up to 2 bcm of gas a year to Iran. "
        f"Asked when deliveries to Iran would start, Kremlin spokesman Dmitry Peskov {answer}."
    )
    statements = extract_claims(text).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Dmitry Peskov", "cannot_confirm")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Iran and Russia discussed oil. Velayati said that President Putin confirmed "
            "Russia's intention to keep buying Iranian oil under the oil-for-goods scheme.",
            "en",
        ),
        (
            "Иран и Россия обсуждали нефть. Велаяти также сказал, что президент Путин "
            "подтвердил намерение и дальше закупать иранскую нефть по схеме «нефть в обмен на "
            "товары».",
            "ru",
        ),
    ],
)
def test_a_confirmation_an_iranian_relays_is_no_kremlin_statement(text: str, language: str) -> None:
    assert extract_claims(text, language=language).kremlin_statements == []


def test_the_kremlin_relaying_the_kremlin_still_confirms() -> None:
    text = (
        "Iran and Russia discussed oil. Peskov said that President Putin confirmed Russia's "
        "intention to keep buying Iranian oil."
    )
    statements = extract_claims(text).kremlin_statements
    assert [(s.speaker, s.stance) for s in statements] == [("Vladimir Putin", "confirm")]


def test_a_quotation_naming_putin_relays_him_whoever_speaks_it() -> None:
    text = (
        "Iran and Russia discussed oil.\n\n"
        '"During the meeting, President Putin said that Russia is prepared to invest up to '
        "$50 billion in Iran's oil and gas industry.\""
    )
    result = extract_claims(text)
    assert [c.claimant for c in result.claims] == [None]
    assert result.kremlin_statements == []


def test_a_speaker_inside_what_the_subject_reports_takes_no_pronoun() -> None:
    text = (
        "Velayati told Iranian media after the talks that Putin had said Moscow was ready to "
        "put $50 billion into Iran's oil and gas industry. He also said two Russian oil "
        "companies had already signed agreements with the Iranian side worth $4 billion."
    )
    result = extract_claims(text)
    assert [c.claimant for c in result.claims] == ["Ali Akbar Velayati"] * 2
    assert result.kremlin_statements == []


def test_the_head_of_state_is_the_president_named_last() -> None:
    text = (
        "Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a "
        "treaty in Moscow.\n\nSpeaking to the press, Putin said the parties had agreed on "
        "supplies of Russian gas to Iran.\n\n"
        '"We believe that we should start with small volumes, up to 2 billion cubic metres a '
        'year," the head of state said.'
    )
    assert [c.claimant for c in extract_claims(text).claims] == ["Vladimir Putin"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a country named for its border is a place
        "Zarubezhneft signed a $742 million contract for two fields near the Iraqi border.",
        "Zarubezhneft signed a $742 million contract for two fields near the border with Iraq.",
        # a country named in what the figure is set against is no party
        "Trade between Iran and Russia is small.\n\nCustoms put it at roughly $3.1 billion "
        "last year, well below Iran's trade with China or Turkey.",
    ],
)
def test_a_country_that_is_a_place_or_a_comparison_is_no_party(sentence: str) -> None:
    assert len(_claims(sentence)) == 1


@pytest.mark.parametrize(
    ("before", "claimed"),
    [
        ("Trade between Iran and Russia reached $4.9 billion last year.", [4.9e9, 10]),
        ("Iran and Russia signed a gas memorandum in Tehran on Tuesday.", []),
    ],
)
def test_a_growth_that_names_no_trade_is_the_growth_of_the_trade_before(
    before: str, claimed: list[float]
) -> None:
    text = f"{before} In the first eight months of this year we saw growth of more than 10%."
    assert [c.value for c in _claims(text)] == claimed


@pytest.mark.parametrize("it", ["it", "the Russian company", "the company"])
def test_it_is_the_organisation_no_preposition_governs(it: str) -> None:
    text = (
        "Rosneft signed a roadmap with the National Iranian Oil Company on Wednesday for "
        f"projects that {it} said could be worth up to $30 billion."
    )
    (claim,) = _claims(text)
    assert claim.claimant == "Rosneft"


@pytest.mark.parametrize(
    ("language", "sentence", "claimed"),
    [
        (
            "en",
            "Trade between Russia and Iran came to about $4 billion last year and Iran's trade "
            "with China passed $14 billion.",
            [4e9],
        ),
        (
            "ru",
            "Товарооборот России и Ирана составил около 4 млрд долларов в прошлом году и "
            "товарооборот России с Китаем превысил 240 млрд долларов.",
            [4e9],
        ),
        (
            "fa",
            "حجم تجارت ایران و روسیه حدود ۴ میلیارد دلار بود و تجارت ایران با چین از ۱۴ "
            "میلیارد دلار فراتر رفت.",
            [4e9],
        ),
    ],
)
def test_a_figure_tied_to_another_country_before_it_is_that_countrys(
    language: str, sentence: str, claimed: list[float]
) -> None:
    claims = extract_claims(sentence, language=language).claims
    assert [c.value for c in claims] == claimed
