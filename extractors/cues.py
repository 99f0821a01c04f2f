"""Per-language cue data (``extractors/data/cues/<lang>.json``) compiled into regexes once.

The engine is language-neutral: every word it looks for comes from the cue file. Adding a
language means adding ``data/cues/<lang>.json`` (same keys) and tests, not code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from extractors.exceptions import ExtractionError
from extractors.lexicon import Lexicon, first_word, last_word
from extractors.normalise import IDENTITY, Normaliser, expand_phrases, load_normaliser

FLAGS = re.IGNORECASE
_WS = r"[\s\u00a0\u202f]"
YEAR_PERIODS = (
    "first_months",
    "first_half",
    "quarter",
    "month_span",
    "by_year",
    "in_year",
    "in_solar_year",
)
"""The periods of a cue file that name their year (in a group ``year``)."""


class UnknownLanguage(ExtractionError):
    """No cue file exists for the requested language."""


def _atom(char: str) -> str:
    if char == " ":
        return _WS + "+"
    if char == "'":
        return "['’]"
    return re.escape(char)


def _emit(node: dict[str, Any]) -> str:
    """The regex of a character trie: shared prefixes are matched once, longer branches
    are tried first (an optional tail is greedy)."""
    branches = [_atom(char) + _emit(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
    return body + "?" if "" in node else body


def _aside_opener(saying: dict[str, Any]) -> str:
    """What opens an aside between commas: a relative pronoun, an ``asides`` phrase, the
    opener of a noun phrase in apposition ("Rosneft, the state oil company, declined"; with
    ``aside_possessive_names``, "Rosneft, Russia's largest producer, declined"), or a
    lower-case word in the language's participle ending ("X, answering questions in Moscow,
    said")."""
    openers = [
        phrase_alternation(
            [*saying["relative"], *saying.get("asides", []), *saying.get("apposition_openers", [])]
        )
    ]
    if ending := saying.get("aside_participle_ending"):
        openers.append(rf"(?-i:[a-z]+{re.escape(ending)})")
    if saying.get("aside_possessive_names"):
        openers.append(r"(?-i:[A-Z][\w.-]*)['’]s")
    return "(?:" + "|".join(openers) + ")"


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of literal phrases, the longest match first; a space matches any
    whitespace. Built as a trie: Python's regex engine tries every branch of a flat
    alternation at every position, a trie only the branches of the next character."""
    unique = sorted({" ".join(p.split()) for p in phrases if p.strip()})
    if not unique:
        return r"(?!x)x"
    root: dict[str, Any] = {}
    for phrase in unique:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _emit(root) + ")"


def words_re(phrases: Iterable[str], *, flags: int = FLAGS) -> re.Pattern[str]:
    """Whole-word matcher for literal phrases."""
    return re.compile(r"(?<!\w)" + phrase_alternation(phrases) + r"(?!\w)", flags)


def ending_re(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches one of ``phrases`` at the very end of a string (a figure's left context).

    A phrase opening with a sign ("%, до") may follow a word character; one opening with
    a letter must start a word."""
    phrases = list(phrases)
    signs = [p for p in phrases if p.strip() and not p.strip()[0].isalnum()]
    words = phrase_alternation(p for p in phrases if p not in signs)
    head = rf"(?:(?<!\w){words}|{phrase_alternation(signs)})" if signs else r"(?<!\w)" + words
    return re.compile(head + _WS + r"*$", FLAGS)


def bounded_re(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches any of ``phrases`` where it starts and ends as written: a phrase that opens or
    closes with a letter (" but ", ", и ", " اما ") does so at a word boundary, so "but" is
    not found in "distribution", ", и" in ", Иран", nor "اما" in "امارات"."""
    unique = {" ".join(p.split()) for p in phrases if p.strip()}
    branches = []
    for phrase in unique:
        head = r"(?<!\w)" if phrase[0].isalnum() else ""
        tail = r"(?!\w)" if phrase[-1].isalnum() else ""
        branches.append((len(phrase), head + phrase_alternation([phrase]) + tail))
    if not branches:
        return re.compile(r"(?!x)x")
    alternation = "|".join(b for _, b in sorted(branches, reverse=True))
    if any(phrase[0].isalnum() for phrase in unique):
        # a branch that opens with a look-behind keeps the regex engine from skipping ahead
        # to the characters a match can start with: it would try every branch at every
        # position (a Persian sentence's clause breaks took 3x as long as with this test)
        firsts = {"'", "’"} if any(p[0] == "'" for p in unique) else set()
        firsts |= {p[0] for p in unique if p[0] != "'"}
        alternation = f"(?=[{''.join(map(re.escape, sorted(firsts)))}])(?:{alternation})"
    return re.compile(alternation, FLAGS)


def starting_re(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches one of ``phrases`` where ``.match(text, pos)`` starts (a figure's right context)."""
    return re.compile(_WS + r"*" + phrase_alternation(phrases) + r"(?!\w)", FLAGS)


def norm_key(text: str) -> str:
    """Lookup key for a matched phrase: lowercase, one space between words."""
    return " ".join(text.lower().split())


def _pairs(mapping: Mapping[str, Any]) -> dict[str, tuple[str, float]]:
    return {
        norm_key(k): (str(v[0]), float(v[1])) for k, v in mapping.items() if not k.startswith("_")
    }


def _public(mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if not k.startswith("_")}


@dataclass(frozen=True)
class KindCue:
    """A kind of claim and the phrase sets that must all occur near its figure."""

    kind: str
    lists: tuple[str, ...]
    """Names of the phrase sets in :attr:`Cues.lexicon`."""
    units: frozenset[str] | None
    weak: bool = False


@dataclass(frozen=True)
class NotFigureRule:
    """Numbers that are not figures (dates, times ...): ``why`` and where to look."""

    why: str
    pattern: re.Pattern[str]
    needs: frozenset[str] | None
    """Words of which every match holds one: a text without any skips the pattern."""
    starts: frozenset[str] | None
    """Tokens at which every match begins (with ``at_digits``, also tokens opening with a
    digit): the pattern is tried there only. None: in the text around every number."""
    at_digits: bool


@dataclass(frozen=True)
class Cues:
    """Everything language-specific the engine needs, compiled."""

    language: str
    number_words: dict[str, float]
    fractions: dict[str, float]
    """Fractions in words, as the percentage of what follows ("half of" → 50)."""
    fraction_not_after: frozenset[str]
    """Words before a fraction that make it a period or part of a number ("first half")."""
    scales: dict[str, float]
    scale_abbreviations: frozenset[str]
    currency_before: dict[str, tuple[str, float]]
    currency_after: dict[str, tuple[str, float]]
    units_with_scale: dict[str, tuple[str, float]]
    units: dict[str, tuple[str, float]]
    thousands: str
    """Every character of it separates groups of three digits."""
    decimal: str
    figure_re: re.Pattern[str]
    word_figure_re: re.Pattern[str]
    figure_firsts: frozenset[str]
    """First tokens of the currencies written before a number (a figure starts there or
    at a digit)."""
    word_figure_firsts: frozenset[str]
    """... and of the number words: where a figure in words can start."""
    qualifiers_before: tuple[tuple[str, re.Pattern[str]], ...]
    qualifiers_after: tuple[tuple[str, re.Pattern[str]], ...]
    qualifier_last_words: frozenset[str]
    """Last tokens of the qualifiers written before a figure: unless the token before a
    figure is one, none of them can end there."""
    between_re: re.Pattern[str]
    compared_re: re.Pattern[str]
    """Words right before an amount that set it against the amount before it ("против")."""
    from_re: re.Pattern[str]
    between_joiner_re: re.Pattern[str]
    joiner_re: re.Pattern[str]
    range_opener_re: re.Pattern[str]
    """A number word and a range's joiner at the end of a figure's left context ("one to"
    in "one to two billion cubic metres", "four and" after "between"): the range's low end,
    whose unit and scale the figure writes once."""
    change_re: re.Pattern[str]
    change_targets: frozenset[str]
    """Ceiling words that name the new level after a change verb ("вырос на 36%, до")."""
    change_any_re: re.Pattern[str]
    change_joiner_re: re.Pattern[str] | None
    """What joins the old and the new value of a change whose verb follows them ("از X به Y
    افزایش یافت"); None where the verb comes first (English "rose from X to Y")."""
    kinds: tuple[KindCue, ...]
    trade_growth: KindCue | None
    """The first kind cue of trade's growth: a list of trade words, then one of growth words."""
    price_after_re: re.Pattern[str]
    price_unit_re: re.Pattern[str]
    """The same phrases anywhere ("a barrel"): what a price is per."""
    price_before_re: re.Pattern[str]
    cost_before_re: re.Pattern[str]
    price_before_firsts: frozenset[str]
    """First tokens of the price phrases before a figure: without one of them among the
    tokens before it, ``price_before_re`` cannot match (likewise for cost)."""
    cost_before_firsts: frozenset[str]
    definite_before_re: re.Pattern[str]
    route_before_re: re.Pattern[str]
    border_before_re: re.Pattern[str]
    """Words before a country's name that make it a place ("near the border with")."""
    border_after_re: re.Pattern[str]
    """Words right after a country's name that make it a place ("the Iraqi border")."""
    partner_before_re: re.Pattern[str]
    """Ends the words between a figure and the country it is traded with ("... with")."""
    partner_re: re.Pattern[str]
    """Any of those words, wherever it stands: none after a figure, no partner to look for."""
    clause_break_re: re.Pattern[str]
    stances: tuple[str, ...]
    """Stance names, in the order they are tried (lists ``stance:<name>``)."""
    party_re: re.Pattern[str]
    party_nationalities: frozenset[str]
    """First tokens of the nationalities a party phrase is built around."""
    party_first_words: frozenset[str]
    """First tokens of its quantifiers, modifiers and nationalities (and heads, where the
    head comes first): where it can begin."""
    claim_by_re: re.Pattern[str]
    anaphora_re: re.Pattern[str]
    saying_re: re.Pattern[str]
    nominal_re: re.Pattern[str]
    complementiser_re: re.Pattern[str] | None
    """The word that opens a content clause after a noun of saying ("X's claim that ...")."""
    back_reference_re: re.Pattern[str] | None
    """Opens a sentence that says who said the sentence before it ("Об этом заявил X")."""
    possessive_re: re.Pattern[str]
    relative_re: re.Pattern[str]
    """An aside between commas before a verb, opened by a relative pronoun or an ``asides``
    word ("X, speaking alongside Putin, said"): the names in it are not the subject."""
    inverted_re: re.Pattern[str]
    """What ends the text before a verb whose speaker follows it ('", said Peskov')."""
    subject_after_verb: bool
    """Whether, with no speaker before a verb of saying, the one after it speaks."""
    reach_after: int
    """How many characters after a verb or prefix of saying its speaker may start."""
    oblique_starts: frozenset[str]
    """First words of group phrases and pronouns in a case that cannot be a subject."""
    quantifier_re: re.Pattern[str] | None
    """A numeral or quantity word right before a role, whose genitive it makes a subject."""
    pronouns: dict[str, str]
    subjects_only: dict[str, str | None]
    apposition_re: re.Pattern[str]
    """What may stand between a name and the role phrase in apposition to it (", then ")."""
    coordinator_re: re.Pattern[str] | None
    """What may join two names of one coordinated subject (", ", " and ", ", and ")."""
    definite_determiners: frozenset[str]
    """Determiners of a role phrase that points back to the same role unnamed before."""
    indefinite_determiners: frozenset[str]
    """Determiners of a role phrase that brings in someone not named before."""
    indefinite_before_re: re.Pattern[str] | None
    """An indefinite determiner and up to two words before a role phrase the role grammar
    starts at its noun ("one European diplomat in Tehran")."""
    determiners: frozenset[str]
    org_voice_re: re.Pattern[str] | None
    """Right after an organisation's name, who speaks for it ("'s press service")."""
    org_head_re: re.Pattern[str] | None
    org_voice_before_re: re.Pattern[str] | None
    """Right before an organisation's name, who speaks for it ("a spokesman for ")."""
    """Right after an organisation's name, the person who heads it ("chief", "'s head")."""
    """Words that name a speaker only as the subject of a verb of saying or of a stance, with
    the country they speak for ("Iran says"); none for "it", the organisation before it."""
    honorifics: frozenset[str]
    role_re: re.Pattern[str]
    role_first_words: frozenset[str]
    """First words of determiners, role modifiers and role nouns: where a role phrase
    can start (besides an owner's capitalised name)."""
    group_head_re: re.Pattern[str]
    nationality: dict[str, str]
    group_countries: dict[str, str]
    group_labels: dict[str, str]
    """The English name of a group phrase of another language ("иранские сми" → "Iranian
    media"), so that claimants compare across languages as people's names do."""
    speaker_roles: tuple[tuple[str, str], ...]
    unknown_name_re: re.Pattern[str]
    periods: dict[str, re.Pattern[str]]
    period_year_re: re.Pattern[str]
    """Where a period of :data:`YEAR_PERIODS` may match: any of their year groups."""
    quarters: dict[str, int]
    months: dict[str, int]
    not_figures: tuple[NotFigureRule, ...]
    abbreviations: frozenset[str]
    abbreviations_after_numbers: frozenset[str]
    """Abbreviations written after a number, which end a sentence before a capitalised word."""
    units_after_abbreviations: frozenset[str]
    """Capitalised units that continue such an abbreviation's sentence ("5 тыс. МВт")."""
    quotes: tuple[tuple[str, str], ...]
    stopwords_capitalised: frozenset[str]
    lexicon: Lexicon
    """The whole-word lists above, found in one pass over a text's tokens (see
    :func:`_lexicon` for their names)."""
    normalise: Normaliser = IDENTITY
    """Length-preserving rewrite of a text before it is read (letter variants, digits)."""
    kind_side: str = "before"
    """Where the cue that governs a figure's kind is looked for first: ``before`` it (the
    verb of an English clause precedes its object) or ``after`` it (verb-final languages)."""
    subject_first: bool = False
    """The speaker of a verb of saying is the first name of its clause (a verb-final
    language, where the verb may stand far after its subject), not the nearest one."""
    non_subject_before: frozenset[str] = frozenset()
    """Words (prepositions) after which a name is not the subject of a clause."""
    non_subject_after: frozenset[str] = frozenset()
    """Words (an object marker) before which a name is not the subject of a clause."""
    bare_roles: bool = False
    """A role noun stands alone as a role phrase (a language without articles)."""
    complement_nouns: frozenset[str] = frozenset()
    """Role nouns that name a speaker only with a complement ("people familiar with the
    talks" is a source; "the Iranian people" is not)."""
    anonymous_roles: Mapping[str, str] = field(default_factory=dict)
    """Role nouns that name someone unnamed by nature ("источника"), each with the
    nominative the speaker is given: bare, they speak for themselves, and resolve to no one."""
    bare_roles_after_saying: bool = False
    """A bare role noun right after a verb of saying is its subject ("— сказал министр")."""
    owner_after: bool = False
    """A name right after a role noun may be its owner (Persian ezafe: "the adviser of
    Khamenei"): it is the role's holder only if the role fits the person."""
    rate_before_re: re.Pattern[str] | None = None
    """A rate word before a volume ("daily 500,000 barrels"), at a left context's end."""
    rates: dict[str, str] = field(default_factory=dict)
    """Unit → its rate unit, for a volume after a rate word (``bbl`` → ``bbl/d``)."""
    rate_after_re: re.Pattern[str] | None = None
    """A rate phrase a few plain words after a volume's unit ("barrels of crude per day")."""
    rates_after: dict[str, str] = field(default_factory=dict)
    """Unit → its rate unit, for a volume that ``rate_after_re`` follows."""
    nominal_before_re: re.Pattern[str] | None = None
    """A claim noun written before its owner's name ("the claims of X"), at a text's end."""
    nominal_before_any_re: re.Pattern[str] | None = None
    """The same nouns anywhere: whether a window may hold one before an owner's description."""
    absence_stances: tuple[str, ...] = ()
    """Stances whose cue, after an adverb of absence (lexicon list ``absence``: "never",
    "هرگز") in its clause, is a writer's note that nobody spoke (:mod:`extractors.absence`)."""
    absence_reach: int = 0
    """How many characters may stand between the adverb and that cue."""
    capital_re: re.Pattern[str] = re.compile("[A-Z]")
    """A capital letter of the language's script, where a name not in the gazetteer may start."""
    subject_gender: tuple[tuple[str, str], ...] = ()
    """(ending, gender) of verbs of saying whose form agrees with the subject's gender
    (Russian past tense: "заявила" f, "заявил" m), the longest ending first."""
    agent_passive_re: re.Pattern[str] | None = None
    """A passive verb of saying or valuing ("was put at"): its speaker is the agent."""
    agent_re: re.Pattern[str] | None = None
    """The word that introduces a passive verb's agent ("by"), with an article after it."""
    agent_words: frozenset[str] = frozenset()
    """The same words as tokens: a span without one holds no agent frame."""
    pronoun_prefix_re: re.Pattern[str] | None = None
    """A frame of saying with a possessive pronoun inside it ("по его словам"): the
    pronoun (group ``who``) is the speaker."""
    compound_joiner_re: re.Pattern[str] | None = None
    """What joins the parts of one compound figure ("3 billion and 100 million dollars"),
    matched whole between them; None: a language that writes no such compounds."""
    relative_subject_re: re.Pattern[str] | None = None
    """Relative pronouns that are the subject of the verb of saying after them ("..., who
    said", "..., который заявил", "... که گفت"): the name before them speaks."""
    after_stop_re: re.Pattern[str] | None = None
    """Words that open the clause a verb of saying introduces ("заявил, что Путин ..."): a
    name after one is what is reported, never the speaker of the verb."""
    telling_re: re.Pattern[str] | None = None
    """Verbs of telling ("told", "informed"): the name right after one is its listener, never
    its speaker ("Jalali, told Iranian state media on Monday that ...")."""
    predicate_coordinator_re: re.Pattern[str] | None = None
    """What joins a second predicate to its clause right before a verb ("Velayati met Putin
    and said"): the verb then has the first predicate's subject, not the name before it."""
    reach_after_verb: int | None = None
    """Characters after a verb (not a prefix) of saying its speaker may start, when longer
    than ``reach_after``: "Как пояснил газете сопредседатель комиссии, министр ... Шульгинов"
    (a role and an apposition stand between the verb and the name)."""
    stance_splits: tuple[tuple[str, str, str], ...] = ()
    split_stances: frozenset[str] = frozenset()
    """The stances of ``stance_splits``."""
    """(stance, first, second): lexicon lists of a stance written in two parts with an
    object between them ("подтвердить названные цифры не может", "от оценки воздержался")."""
    split_reach: int = 0
    """How many words may stand between the two parts of a split stance."""
    asking_re: re.Pattern[str] | None = None
    """A question put to the name before it, two words at most between them ("Пескову
    журналисты задали вопрос"): the one asked is who the next pronoun means ("... — он
    предпочёл промолчать")."""
    source_next_re: re.Pattern[str] | None = None
    """Opens a sentence that names the source of the sentence before ("Об этом сообщил")."""
    reached_targets: frozenset[str] = frozenset()
    """Ceiling words that, with a past verb of reaching right after the figure, name the
    level reached instead ("به ۳ میلیارد دلار رسید", like "reached $3 billion")."""
    reached_after_re: re.Pattern[str] | None = None
    place_before_re: re.Pattern[str] | None = None
    """The words that name an institution as the place where it speaks, right before its
    name ("в пресс-службе Кремля", "в Кремле"): the speaker of an impersonal plural verb."""
    stance_subject_reach: int | None = None
    """Characters before a stance cue its subject may stand, when farther than the default:
    a language that puts a long object between the subject and a clause-final verb
    ("Песков сумму контракта с Ираном комментировать не стал"). Names in an oblique case
    ("Пескову задали вопрос") are then passed over, for they are no subject."""
    given_names: Mapping[str, GivenName] = field(default_factory=dict)
    """Every written form of the language's common given names (its case forms too)."""
    given_name_re: re.Pattern[str] | None = None
    """A capitalised word and one or two more after it: a given name (when the first is one
    of ``given_names``) and the rest of a person's name."""
    caseless_names: bool = False
    """The script has no capitals (Persian): any word may open a name, a given name of the
    list opens one wherever it stands, and the name's end is a count of words."""
    surname_words: int = 2
    """How many words after the given name (and the given names chained to it: "محمد جواد")
    a name not in the gazetteer may hold."""
    name_nominative: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Per gender, the case endings of a name's later words and their nominative endings,
    longest first."""
    consonant_endings: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Per gender, the endings a consonant-final name takes in its case forms."""
    consonants: frozenset[str] = frozenset()
    place_postmodifiers: frozenset[str] = frozenset()
    """Role post-modifiers that name a place: a person named after it holds the title."""
    source_of_re: re.Pattern[str] | None = None
    """The whole gap between an unnamed source and the organisation it speaks from."""
    embedding_re: re.Pattern[str] | None = None
    """A word that opens a content clause ("that", "что", "که") right before where the
    match is searched up to: a speaker right after it, in a sentence whose subject came
    before, speaks inside what the subject reports."""
    words_of: frozenset[str] = frozenset()
    """Nouns of someone's words after a verb of saying ("приводит агентство слова министра"):
    whoever they belong to speaks, in whatever case, and not the agency that relays them."""
    source_adjacent: bool = False
    """An organisation right after an unnamed source, with nothing between, is the one it
    speaks from (Persian ezafe, unwritten: "یک مقام وزارت انرژی روسیه")."""
    interviewer_credit_re: re.Pattern[str] | None = None
    """Ends the text before a name that is an interview's interviewer ("Беседовал")."""


@dataclass(frozen=True, slots=True)
class GivenName:
    """One written form of a given name."""

    nominative: str
    gender: str
    oblique: bool
    """A case form other than the nominative: the whole name is in that case."""
    country: str | None = None
    """The country the name points to, if it points to one."""


def _given_names(people: Mapping[str, Any]) -> dict[str, GivenName]:
    """Every form of every given name, by the language's ``given_name_cases`` rules (the
    longest ending that fits wins; a name no rule fits does not decline)."""
    rules = people.get("given_name_cases", ())
    names = [
        (name, gender[0])
        for gender in ("male", "female")
        for name in people.get("given_names", {}).get(gender, ())
    ]
    country_of = {
        name: country
        for country, listed in people.get("given_name_countries", {}).items()
        for name in listed
    }
    # nominatives first: a case form of one name never hides another name ("Ян", "Яна")
    out = {name: GivenName(name, code, False, country_of.get(name)) for name, code in names}
    for name, code in names:
        best = max(
            ((len(end), rule) for rule in rules for end in rule["ends"] if name.endswith(end)),
            key=lambda pair: pair[0],
            default=None,
        )
        if best is None:
            continue
        stem = name[: len(name) - best[1].get("drop", 0)]
        for add in best[1]["add"]:
            out.setdefault(stem + add, GivenName(name, code, True, country_of.get(name)))
    for form, name in people.get("given_name_irregular", {}).items():
        nominative = out[name]
        out[form] = GivenName(name, nominative.gender, True, nominative.country)
    return out


def _figure_res(data: Mapping[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    numbers = data["numbers"]
    thou, dec = "[" + re.escape(numbers["thousands"]) + "]", re.escape(numbers["decimal"])
    num = rf"\d{{1,3}}(?:{thou}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    pre = phrase_alternation(_public(data["currencies"]["before"]))
    post = phrase_alternation(_public(data["currencies"]["after"]))
    uscale = phrase_alternation(_public(data["units"]["with_scale"]))
    unit = phrase_alternation(_public(data["units"]["plain"]))
    scale = phrase_alternation(numbers["scales"])
    abbr = phrase_alternation(numbers["scale_abbreviations"])
    tail = (
        rf"(?:{_WS}*-?{_WS}*(?P<uscale>{uscale})(?!\w)"
        rf"|(?:{_WS}*-?{_WS}*(?P<scale>{scale})(?!\w)|(?P<abbrsp>{_WS}?)(?P<abbr>{abbr})(?![\w/]))?"
        rf"(?:{_WS}*(?P<unit>{unit})(?![\w])|(?:{_WS}+|-)(?P<post>{post})(?!\w))?)"
    )
    half = phrase_alternation(_public(numbers).get("halves", ()))
    halved = rf"(?:{_WS}+(?P<half>{half}))?"
    figure = re.compile(rf"(?<![\w.,])(?:(?P<pre>{pre}){_WS}?)?(?P<num>{num}){halved}{tail}", FLAGS)
    words = phrase_alternation(k for k in numbers["words"] if not k.startswith("_"))
    # "twenty-five", "یک و نیم" (one and a half): a unit or a fraction after the joiner
    ones = phrase_alternation(k for k, v in numbers["words"].items() if 0 < v <= 9)
    joiner = "|".join(
        _atom(c)
        if len(c) == 1
        else (_WS + "+" if c.startswith(" ") else "")
        + phrase_alternation([c.strip()])
        + (_WS + "+" if c.endswith(" ") else "")
        for c in _joiners(data)
    )
    # a percentage in words needs no scale ("five percent", "پنج درصد"); an adjective in
    # words is hyphenated ("a twenty-billion-dollar package"), as one in digits is
    # ("a 742-million-dollar contract", the figure's tail above)
    percent = phrase_alternation(
        k for k, v in _public(data["units"]["plain"]).items() if v[0] == "%" and k[0].isalpha()
    )
    apart = rf"(?:{_WS}+|-)"
    word_figure = re.compile(
        rf"(?<!\w)(?:(?P<pre>{pre}){_WS}?)?(?P<wnum>{words})(?:(?:{joiner})(?P<wnum2>{ones}))?"
        rf"{halved}(?:{apart}"
        rf"(?:(?P<uscale>{uscale})|(?P<scale>{scale})"
        rf"(?:{_WS}*(?P<unit>{unit})|{apart}(?P<post>{post}))?)"
        rf"|{_WS}+(?P<percent>{percent}))(?!\w)",
        FLAGS,
    )
    return figure, word_figure


def _joiner_re(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """What may stand, whole, between two figures read together ("از X به Y", "3 billion and
    100 million"); None when the language lists no such joiner."""
    if not phrases:
        return None
    return re.compile(rf"{_WS}*{phrase_alternation(phrases)}{_WS}*", FLAGS)


def _joiners(data: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(data["numbers"].get("word_joiners", ["-"]))


def _one_token_compounds(data: Mapping[str, Any]) -> list[str]:
    """Compound number words that the text holds as one token, their joiner a word
    character: Persian joins "بیست‌وپنج" (twenty-five) with a non-joiner, which the
    normalised text turns into a word character."""
    words = _public(data["numbers"]["words"])
    tens = [w for w, v in words.items() if 20 <= v < 100 and v % 10 == 0]
    ones = [w for w, v in words.items() if 0 < v <= 9]
    glue = [j for j in _joiners(data) if re.fullmatch(r"\w+", j)]
    return [ten + j + one for ten in tens for j in glue for one in ones]


def _kinds(data: Mapping[str, Any]) -> tuple[KindCue, ...]:
    out = []
    for i, (name, spec) in enumerate(_public(data["kinds"]).items()):
        units = frozenset(spec["units"]) if "units" in spec else None
        if not spec["all"]:
            raise ValueError(f"kinds.{name}: 'all' needs at least one phrase set")
        out.append(
            KindCue(
                kind=spec.get("kind", name),
                lists=tuple(f"kind:{i}:{j}" for j in range(len(spec["all"]))),
                units=units,
                weak=bool(spec.get("weak", False)),
            )
        )
    return tuple(out)


def _fill(pattern: str, data: Mapping[str, Any]) -> str:
    months = phrase_alternation(data["months"])
    weekdays = phrase_alternation(data["weekdays"])
    numbers = phrase_alternation(k for k in data["numbers"]["words"] if not k.startswith("_"))
    return (
        pattern.replace("{month}", months)
        .replace("{weekday}", weekdays)
        .replace("{number}", numbers)
    )


def group_source(pattern: str, name: str) -> str | None:
    """The source of the named group ``name`` of regex ``pattern``; None if it has none."""
    opening = f"(?P<{name}>"
    at = pattern.find(opening)
    if at < 0:
        return None
    i = start = at + len(opening)
    depth, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1  # the escaped character is a literal
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += pattern[i + 1 : i + 2] == "^"
            i += pattern[i + 1 : i + 2] == "]"  # a "]" first in a class is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return pattern[start:i]
            depth -= 1
        i += 1
    raise ValueError(f"group {name!r} is not closed in {pattern!r}")


def _year_gate(periods: Mapping[str, re.Pattern[str]]) -> re.Pattern[str]:
    """Any of the year groups of the periods that name a year: where none matches in a
    sentence, no such period can (each of their matches holds one of its year group)."""
    sources = []
    for key in YEAR_PERIODS:
        pattern = periods.get(key)
        source = group_source(pattern.pattern, "year") if pattern is not None else None
        if pattern is not None and source is None:
            raise ValueError(f"periods.{key} needs a group named year: {pattern.pattern!r}")
        if source is not None:
            sources.append(f"(?:{source})")
    return re.compile("|".join(dict.fromkeys(sources)) or "(?!)", FLAGS)


def _not_figure(why: str, pattern: str, *rest: Any, data: Mapping[str, Any]) -> NotFigureRule:
    """A not-figure pattern with where to look for it (``needs``, ``starts``; see the cue file)."""
    where = rest[0] if rest else {}
    named = {"{month}": data["months"], "{weekday}": data["weekdays"]}

    def words(key: str) -> set[str]:
        """The words a list names; in ``starts``, ``{needs}`` stands for the needs list."""
        found: set[str] = set()
        for word in where.get(key, ()):
            found |= words("needs") if word == "{needs}" else set(named.get(word, (word,)))
        return found

    needs = {w.lower() for w in words("needs")}
    starts = {w if w == "{digit}" else first_word(w) for w in words("starts")}
    return NotFigureRule(
        why=why,
        pattern=re.compile(_fill(pattern, data), FLAGS),
        needs=frozenset(needs) or None,
        starts=frozenset(starts - {"{digit}"}) if starts else None,
        at_digits="{digit}" in starts,
    )


def _role_re(people: Mapping[str, Any]) -> re.Pattern[str]:
    det = phrase_alternation(people["determiners"])
    mods = phrase_alternation(people["role_modifiers"])
    nouns = phrase_alternation(people["role_nouns"])
    post = phrase_alternation(people["role_postmodifiers"])
    heads = phrase_alternation(people["post_heads"])
    comps = phrase_alternation(people.get("role_complements", ()))
    owner = r"(?-i:[A-Z])[\w\-]*(?:['’]s)"
    upper = people.get("letters", {}).get("upper", "A-Z")
    named = rf"(?-i:[{upper}])[\w\-]*(?:['’]s)?"
    return re.compile(
        rf"(?<!\w)(?:(?:(?P<det>{det})|(?P<owner>{owner})){_WS}+)?"
        rf"(?P<mods>(?:(?:{mods}){_WS}+){{0,4}})(?P<noun>{nouns})(?!\w)"
        rf"(?P<comp>(?:{_WS}+{comps}(?![\w-]))*)"
        rf"(?P<post>{_WS}+(?:{post}){_WS}+(?:the{_WS}+)?{named}(?:{_WS}+{named}){{0,3}}"
        rf"(?:{_WS}+(?:(?:{mods}){_WS}+){{0,2}}{heads}(?!\w))?)?",
        FLAGS,
    )


def _party_re(parties: Mapping[str, Any]) -> re.Pattern[str]:
    quant = phrase_alternation(parties["quantifiers"])
    mods = phrase_alternation(parties["modifiers"])
    nat = phrase_alternation(parties["nationalities"])
    heads = phrase_alternation(parties["heads"])
    if parties.get("order") == "head_first":
        # [quantifier] head [modifiers] nationality: "دو شرکت نفتی روسی", "وزارت نفت ایران"
        return re.compile(
            rf"(?<!\w)(?:{quant}{_WS}+)?{heads}(?:{_WS}+{mods}){{0,3}}{_WS}+(?-i:{nat})(?!\w)",
            FLAGS,
        )
    return re.compile(
        rf"(?<!\w)(?:{quant}{_WS}+)?(?:{mods}{_WS}+){{0,3}}(?-i:{nat}){_WS}+"
        rf"(?:{mods}{_WS}+){{0,2}}{heads}(?!\w)",
        FLAGS,
    )


def _pronoun_prefix_re(frames: Iterable[str], people: Mapping[str, Any]) -> re.Pattern[str] | None:
    """Frames of saying written around a pronoun's slot ``{}`` ("по {} словам")."""
    if not frames:
        return None
    pronoun = phrase_alternation(people["pronouns"])
    parts: list[str] = []
    for frame in frames:
        head, _, tail = frame.partition("{}")
        parts.append(
            phrase_alternation([head.strip()])
            + _WS
            + "+"
            + rf"(?P<who{len(parts)}>{pronoun})"
            + _WS
            + "+"
            + phrase_alternation([tail.strip()])
        )
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", FLAGS)


_NOT_WORD_LISTS = frozenset(
    {
        "price_after",
        "price_before",
        "cost_before",
        "clause_breaks",
        "definite",
        "route_before",
        "partner_before",
        "border_before",
        "border_after",
    }
)
"""Context lists matched by position next to a figure, not as whole words anywhere."""


def _lexicon(data: Mapping[str, Any]) -> Lexicon:
    """The whole-word lists: ``context:<group>``, ``kind:<i>:<j>`` (phrase set j of kind i),
    ``stance:<stance>``, ``any_stance``, ``saying``, ``passive``, ``participle``,
    ``relative_participle``, ``prefix``, ``report_prefix``,
    ``statement_topic``, ``groups``, ``agency_nouns``, ``pronouns``, ``subjects_only``,
    ``role_nouns``, ``absence``,
    ``impersonal_stance``, ``report_nouns``, ``commentators``."""
    ctx = _public(data["context"])
    saying = data["saying"]
    stances = _public(data["stances"])
    lists: dict[str, list[str]] = {
        f"context:{k}": v for k, v in ctx.items() if k not in _NOT_WORD_LISTS
    }
    for i, spec in enumerate(_public(data["kinds"]).values()):
        for j, group in enumerate(spec["all"]):
            lists[f"kind:{i}:{j}"] = group
    lists |= {f"stance:{k}": v for k, v in stances.items()}
    lists["any_stance"] = [p for v in stances.values() for p in v]
    lists |= {
        "saying": saying["verbs"],
        "passive": saying["passive"],
        "participle": saying["participles"],
        "relative_participle": saying.get("relative_participles", []),
        "prefix": saying["prefix"],
        "report_prefix": saying.get("report_prefix", []),
        "statement_topic": data["statement_topic"],
        "groups": data["people"]["groups"],
        "agency_nouns": data["people"].get("agency_nouns", []),
        "pronouns": list(data["people"]["pronouns"]),
        "subjects_only": list(data["people"].get("subjects_only", {})),
        "role_nouns": data["people"]["role_nouns"],
        "absence": data.get("absence", {}).get("adverbs", []),
        "impersonal_stance": data["statement_cues"].get("impersonal", []),
        "report_nouns": data["statement_cues"].get("report_nouns", []),
        "commentators": data["statement_cues"].get("commentators", []),
        "fractions": list(data["numbers"].get("fractions", {}).get("phrases", {})),
    }
    for stance, i, first, second in _splits(data):
        lists[f"split:{stance}:{i}:a"] = first
        lists[f"split:{stance}:{i}:b"] = second
        lists["any_stance"] = lists["any_stance"] + first
    sensitive = [f"context:{k}" for k in data["context"].get("_case_sensitive", ())]
    return Lexicon(lists, case_sensitive=sensitive, sentence_case=sensitive)


def _compile(data: Mapping[str, Any]) -> Cues:
    numbers = data["numbers"]
    figure_re, word_figure_re = _figure_res(data)
    quals = _public(data["qualifiers"])
    ranges = data["ranges"]
    ctx = data["context"]
    saying = data["saying"]
    people = data["people"]
    stances = _public(data["stances"])
    upper = "[" + people.get("letters", {}).get("upper", "A-Z") + "]"
    lower = "[" + people.get("letters", {}).get("lower", "a-z") + "]"
    name_word = rf"{upper}{lower}+(?:-{upper}?{lower}+)?"
    caseless = bool(people.get("letters", {}).get("caseless"))
    # without capitals any word of letters may belong to a name (the normalised text joins
    # the halves of "نیک‌نام" into one word)
    given_word = r"[^\W\d_]+" if caseless else name_word
    capital_stop = {w for group in ("iran", "russia", "third_country") for w in ctx[group]}
    capital_stop |= set(people["determiners"]) | set(data["months"]) | set(data["weekdays"])
    capital_stop |= set(people.get("not_name_words", ()))
    periods = {
        k: re.compile(_fill(v, data), FLAGS)
        for k, v in _public(data["periods"]).items()
        if isinstance(v, str)
    }
    number_alternation = phrase_alternation(k for k in numbers["words"] if not k.startswith("_"))
    fractions = numbers.get("fractions", {})
    return Cues(
        language=data["language"],
        number_words={k: float(v) for k, v in numbers["words"].items() if not k.startswith("_")},
        fractions={norm_key(k): float(v) for k, v in fractions.get("phrases", {}).items()},
        fraction_not_after=frozenset(w.lower() for w in fractions.get("not_after", ())),
        scales={k.lower(): float(v) for k, v in numbers["scales"].items()}
        | {k.lower(): float(v) for k, v in numbers["scale_abbreviations"].items()},
        scale_abbreviations=frozenset(k.lower() for k in numbers["scale_abbreviations"]),
        currency_before=_pairs(data["currencies"]["before"]),
        currency_after=_pairs(data["currencies"]["after"]),
        units_with_scale=_pairs(data["units"]["with_scale"]),
        units=_pairs(data["units"]["plain"]),
        thousands=numbers["thousands"],
        decimal=numbers["decimal"],
        figure_re=figure_re,
        word_figure_re=word_figure_re,
        figure_firsts=frozenset(map(first_word, _public(data["currencies"]["before"]))),
        word_figure_firsts=frozenset(
            map(first_word, [*_public(data["currencies"]["before"]), *_public(numbers["words"])])
        )
        | frozenset(_one_token_compounds(data)),
        qualifiers_before=tuple((q, ending_re(v["before"])) for q, v in quals.items()),
        qualifiers_after=tuple((q, starting_re(v["after"])) for q, v in quals.items()),
        qualifier_last_words=frozenset(last_word(p) for v in quals.values() for p in v["before"]),
        between_re=ending_re(ranges["between"]),
        compared_re=ending_re(ranges.get("compared_before", ())),
        from_re=ending_re(ranges["from"]),
        between_joiner_re=re.compile(
            rf"{_WS}*{phrase_alternation(ranges['between_joiner'])}{_WS}*", FLAGS
        ),
        joiner_re=re.compile(rf"{_WS}*{phrase_alternation(ranges['dash_joiners'])}{_WS}*", FLAGS),
        range_opener_re=re.compile(
            rf"(?<!\w)(?P<wnum>{number_alternation})(?P<joiner>{_WS}*"
            rf"{phrase_alternation([*ranges['dash_joiners'], *ranges['between_joiner']])}{_WS}*)$",
            FLAGS,
        ),
        change_re=ending_re(ranges["change_verbs"]),
        change_targets=frozenset(norm_key(w) for w in ranges.get("change_targets", ())),
        change_any_re=words_re(ranges["change_verbs"]),
        reached_targets=frozenset(norm_key(w) for w in ranges.get("reached_targets", ())),
        reached_after_re=starting_re(ranges["reached_after"])
        if "reached_after" in ranges
        else None,
        change_joiner_re=_joiner_re(ranges.get("change_after_joiners", ())),
        kinds=(kinds := _kinds(data)),
        trade_growth=next((k for k in kinds if k.kind == "trade_growth"), None),
        price_after_re=starting_re(ctx["price_after"]),
        price_unit_re=words_re(ctx["price_after"]),
        price_before_re=re.compile(
            r"(?<!\w)" + phrase_alternation(ctx["price_before"]) + r"(?:\W+\w+){0,2}\W*$", FLAGS
        ),
        cost_before_re=re.compile(
            r"(?<!\w)" + phrase_alternation(ctx["cost_before"]) + r"(?:\W+\w+){0,2}\W*$", FLAGS
        ),
        price_before_firsts=frozenset(map(first_word, ctx["price_before"])),
        cost_before_firsts=frozenset(map(first_word, ctx["cost_before"])),
        definite_before_re=ending_re(ctx["definite"]),
        route_before_re=ending_re(ctx["route_before"]),
        border_before_re=ending_re(ctx.get("border_before", ())),
        border_after_re=starting_re(ctx.get("border_after", ())),
        partner_before_re=ending_re(ctx["partner_before"]),
        partner_re=bounded_re(ctx["partner_before"]),
        clause_break_re=bounded_re(ctx["clause_breaks"]),
        stances=tuple(stances),
        party_re=_party_re(data["parties"]),
        party_nationalities=frozenset(map(first_word, data["parties"]["nationalities"])),
        party_first_words=frozenset(
            first_word(p)
            for key in ("quantifiers", "modifiers", "nationalities", "heads")
            for p in data["parties"][key]
            if key != "heads" or data["parties"].get("order") == "head_first"
        ),
        claim_by_re=re.compile(
            _WS + r"+" + phrase_alternation(data["statement_cues"]["claim_by"]) + _WS + r"+",
            FLAGS,
        ),
        anaphora_re=re.compile(
            r"(?<!\w)"
            + phrase_alternation(data["statement_cues"]["anaphora_determiners"])
            + _WS
            + r"+(?:\w+"
            + _WS
            + r"+)?"
            + phrase_alternation(data["statement_cues"]["anaphora_nouns"])
            + r"(?!\w)"
            + (
                r"|(?<!\w)" + phrase_alternation(pointing) + r"(?!\w)"
                if (pointing := data["statement_cues"].get("anaphora_phrases"))
                else ""
            ),
            FLAGS,
        ),
        saying_re=words_re(saying["verbs"]),
        nominal_re=re.compile(
            r"(?:['’]s|(?<=s)['’])(?:"
            + _WS
            + r"+\w+)?"
            + _WS
            + r"+"
            + phrase_alternation(saying["nominal"])
            + r"(?!\w)",
            FLAGS,
        ),
        complementiser_re=(
            starting_re(saying["complementisers"]) if saying.get("complementisers") else None
        ),
        back_reference_re=(
            starting_re(saying["back_references"]) if saying.get("back_references") else None
        ),
        relative_re=re.compile(
            r",\s*" + _aside_opener(saying) + r"(?!\w)[^,;]*,",
            FLAGS,
        ),
        possessive_re=re.compile(r"(?:['’]s|(?<=s)['’])(?!\w)"),
        inverted_re=re.compile(
            "[" + re.escape(saying.get("inversion_marks", ',"”’»:')) + r"]\s*$|^\s*$"
        ),
        subject_after_verb=bool(saying.get("subject_after_verb", False)),
        reach_after=int(saying.get("reach_after", 4)),
        reach_after_verb=saying.get("reach_after_verb"),
        after_stop_re=words_re(saying["after_stops"]) if saying.get("after_stops") else None,
        telling_re=words_re(saying["telling"]) if saying.get("telling") else None,
        predicate_coordinator_re=ending_re(saying["predicate_coordinators"])
        if saying.get("predicate_coordinators")
        else None,
        relative_subject_re=(
            words_re(saying["relative_subjects"]) if saying.get("relative_subjects") else None
        ),
        oblique_starts=frozenset(w.lower() for w in people.get("oblique", ())),
        quantifier_re=(
            re.compile(rf"(?<!\w){phrase_alternation(people['quantifiers'])}{_WS}+$", FLAGS)
            if people.get("quantifiers")
            else None
        ),
        pronouns={k.lower(): v for k, v in people["pronouns"].items()},
        subjects_only={k.lower(): v for k, v in people.get("subjects_only", {}).items()},
        apposition_re=re.compile(
            r"[\s\u00a0]*,?[\s\u00a0]*"
            + (
                r"(?:" + phrase_alternation(people["apposition_adverbs"]) + r"\s+)?"
                if people.get("apposition_adverbs")
                else ""
            ),
            FLAGS,
        ),
        coordinator_re=(
            re.compile(
                r"\s*(?:,\s*(?:"
                + phrase_alternation(people["coordinators"])
                + r"\s+)?|\s"
                + phrase_alternation(people["coordinators"])
                + r"\s+)",
                FLAGS,
            )
            if people.get("coordinators")
            else None
        ),
        definite_determiners=frozenset(w.lower() for w in people.get("definite_determiners", ())),
        indefinite_determiners=frozenset(
            w.lower() for w in people.get("indefinite_determiners", ())
        ),
        indefinite_before_re=(
            re.compile(
                rf"(?<!\w){phrase_alternation(people['indefinite_determiners'])}"
                rf"(?:{_WS}+[\w'’-]+){{0,2}}{_WS}+$",
                FLAGS,
            )
            if people.get("indefinite_determiners")
            else None
        ),
        determiners=frozenset(w.lower() for w in people["determiners"]),
        org_voice_re=(
            re.compile(
                r"(?:['’]s)?\s+" + phrase_alternation(people["org_voices"]) + r"(?!\w)", FLAGS
            )
            if people.get("org_voices")
            else None
        ),
        org_voice_before_re=(
            re.compile(phrase_alternation(people["org_voices_before"]) + r"\s+[«\"“„]*$", FLAGS)
            if people.get("org_voices_before")
            else None
        ),
        org_head_re=(
            re.compile(
                r"(?:['’]s)?\s+" + phrase_alternation(people["org_heads"]) + r"(?!\w)", FLAGS
            )
            if people.get("org_heads")
            else None
        ),
        honorifics=frozenset(h.lower() for h in people["honorifics"]),
        role_re=_role_re(people),
        role_first_words=frozenset(
            first_word(p)
            for key in ("determiners", "role_modifiers", "role_nouns")
            for p in people[key]
        ),
        group_head_re=re.compile(
            r"['’]s" + _WS + r"+" + phrase_alternation(people["group_heads"]) + r"(?!\w)", FLAGS
        ),
        nationality={k.lower(): v for k, v in people["nationality"].items()},
        group_countries={k.lower(): v for k, v in people["group_countries"].items()},
        group_labels={norm_key(k): v for k, v in _public(people.get("group_labels", {})).items()},
        speaker_roles=tuple(
            sorted(
                ((k.lower(), v) for k, v in _public(people["speaker_roles"]).items()),
                key=lambda kv: len(kv[0]),
                reverse=True,
            )
        ),
        unknown_name_re=re.compile(
            r"(?<![\w’'])(?P<name>"
            + name_word
            + r"(?:"
            + _WS
            + name_word
            + r"){1,2})(?="
            + phrase_alternation(people["unknown_name_followers"])
            + r"(?!\w)|"
            + _WS
            + r"+"
            + phrase_alternation(saying["verbs"])
            + r"(?!\w))"
        ),
        periods=periods,
        period_year_re=_year_gate(periods),
        quarters={k.lower(): int(v) for k, v in data["periods"]["quarters"].items()},
        months={k.lower(): int(v) for k, v in data["months"].items()},
        not_figures=tuple(_not_figure(*p, data=data) for p in data["not_figures"]["patterns"]),
        abbreviations=frozenset(a.lower() for a in data["abbreviations"]),
        abbreviations_after_numbers=frozenset(
            a.lower() for a in data.get("abbreviations_after_numbers", {}).get("words", ())
        ),
        units_after_abbreviations=frozenset(
            u.lower() for u in data.get("abbreviations_after_numbers", {}).get("units_next", ())
        ),
        quotes=tuple((q[0], q[1]) for q in data["quotes"]),
        stopwords_capitalised=frozenset(w.lower() for w in capital_stop),
        lexicon=_lexicon(data),
        normalise=load_normaliser(data.get("normalise")),
        kind_side=data.get("kind_side", "before"),
        subject_first=saying.get("subject", "nearest") == "first",
        non_subject_before=frozenset(saying.get("non_subject_before", ())),
        non_subject_after=frozenset(saying.get("non_subject_after", ())),
        bare_roles=bool(people.get("bare_roles", False)),
        complement_nouns=frozenset(people.get("complement_nouns", ())),
        anonymous_roles={
            form.lower(): nominative
            for nominative, forms in _public(people.get("anonymous_roles", {})).items()
            for form in forms
        },
        bare_roles_after_saying=bool(people.get("bare_roles_after_saying", False)),
        owner_after=bool(people.get("owner_after", False)),
        rate_before_re=re.compile(
            r"(?<!\w)"
            + phrase_alternation(data["units"]["rate_before"]["words"])
            + r"(?!\w)(?:\W+\w+){0,2}\W*$",
            FLAGS,
        )
        if "rate_before" in data["units"]
        else None,
        rates=dict(data["units"].get("rate_before", {}).get("units", {})),
        rate_after_re=re.compile(
            r"(?:\s+[^\W\d_][\w'’-]*){0,"
            + str(int(data["units"]["rate_after"]["reach"]))
            + r"}\s+"
            + phrase_alternation(data["units"]["rate_after"]["words"])
            + r"(?!\w)",
            FLAGS,
        )
        if "rate_after" in data["units"]
        else None,
        rates_after=dict(data["units"].get("rate_after", {}).get("units", {})),
        nominal_before_re=ending_re(saying["nominal_before"])
        if "nominal_before" in saying
        else None,
        nominal_before_any_re=words_re(saying["nominal_before"])
        if "nominal_before" in saying
        else None,
        absence_stances=tuple(data.get("absence", {}).get("stances", ())),
        absence_reach=int(data.get("absence", {}).get("reach", 0)),
        capital_re=re.compile(upper),
        subject_gender=tuple(
            sorted(
                ((end, gender) for end, gender in saying.get("subject_gender", ())),
                key=lambda eg: len(eg[0]),
                reverse=True,
            )
        ),
        pronoun_prefix_re=_pronoun_prefix_re(saying.get("pronoun_prefix", ()), people),
        agent_passive_re=(
            re.compile(
                r"(?<!\w)"
                + phrase_alternation(saying["agent_passive"]["auxiliaries"])
                + r"\s+(?:\w+ly\s+)?"
                + phrase_alternation(saying["agent_passive"]["participles"])
                + r"(?!\w)",
                FLAGS,
            )
            if saying.get("agent_passive")
            else None
        ),
        agent_re=(
            re.compile(
                r"(?<!\w)" + phrase_alternation(saying["agent_passive"]["agent"]) + r"\s+",
                FLAGS,
            )
            if saying.get("agent_passive")
            else None
        ),
        agent_words=frozenset(
            first_word(w) for w in saying.get("agent_passive", {}).get("agent", ())
        ),
        compound_joiner_re=_joiner_re(numbers.get("compound_joiners", ())),
        stance_splits=tuple(
            (stance, f"split:{stance}:{i}:a", f"split:{stance}:{i}:b")
            for stance, i, _, _ in _splits(data)
        ),
        split_stances=frozenset(stance for stance, _, _, _ in _splits(data)),
        split_reach=int(data.get("stance_splits", {}).get("reach", 0)),
        stance_subject_reach=data["statement_cues"].get("subject_reach"),
        given_names=_given_names(people),
        place_postmodifiers=frozenset(w.lower() for w in people.get("place_postmodifiers", ())),
        source_adjacent=bool(people.get("source_adjacent", False)),
        words_of=frozenset(w.lower() for w in saying.get("words_of", ())),
        embedding_re=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(ctx['complementizer'])})[\s\u00a0]+$", FLAGS
        )
        if ctx.get("complementizer")
        else None,
        source_of_re=re.compile(
            rf"[\s,»”\"]*(?<!\w)(?:{phrase_alternation(people['source_of'])})(?!\w)"
            rf"[\s\u00a0«\"“„]*",
            FLAGS,
        )
        if people.get("source_of")
        else None,
        interviewer_credit_re=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(people['interviewer_credits'])})[\s\u00a0:,]*$",
            FLAGS,
        )
        if people.get("interviewer_credits")
        else None,
        given_name_re=re.compile(
            rf"(?P<given>{given_word})(?P<rest>(?:{_WS}+{given_word}){{1,2}})(?![\w'’-])"
        ),
        caseless_names=caseless,
        surname_words=int(people.get("surname_words", 2)),
        name_nominative={
            gender[0]: tuple(sorted(map(tuple, pairs), key=lambda p: len(p[0]), reverse=True))
            for gender, pairs in people.get("name_nominative", {}).items()
        },
        consonant_endings={
            gender[0]: frozenset(ends)
            for gender, ends in people.get("name_nominative_after_consonant", {}).items()
            if gender != "consonants"
        },
        consonants=frozenset(
            people.get("name_nominative_after_consonant", {}).get("consonants", "")
        ),
        place_before_re=ending_re(data["statement_cues"]["place_before"])
        if data["statement_cues"].get("place_before")
        else None,
        source_next_re=(
            starting_re(data["statement_cues"]["source_next"])
            if data["statement_cues"].get("source_next")
            else None
        ),
        asking_re=re.compile(r"\s*(?:\w+\s+){0,2}" + words_re(people["asking"]).pattern, FLAGS)
        if people.get("asking")
        else None,
    )


def _splits(data: Mapping[str, Any]) -> list[tuple[str, int, list[str], list[str]]]:
    """(stance, index, first parts, second parts) of the cue file's ``stance_splits``."""
    splits = _public(data.get("stance_splits", {}))
    return [
        (stance, i, pair[0], pair[1])
        for stance, pairs in splits.items()
        if isinstance(pairs, list)
        for i, pair in enumerate(pairs)
    ]


@cache
def load_cues(language: str = "en") -> Cues:
    """The compiled cues of ``language`` (cached: built once per process).

    Raises:
        UnknownLanguage: no ``data/cues/<language>.json`` exists; add one to support it.
    """
    code = language.lower().split("-")[0]
    path = resources.files("extractors") / "data" / "cues" / f"{code}.json"
    if not path.is_file():
        raise UnknownLanguage(
            f"no cue data for language {language!r}: add extractors/data/cues/{code}.json"
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    if "normalise" in data or "inflect" in data:
        data = expand_phrases(data, data.get("inflect", {}))
    return _compile(data)


def available_languages() -> list[str]:
    """Languages with a cue file."""
    folder = resources.files("extractors") / "data" / "cues"
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )
