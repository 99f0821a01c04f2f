"""People, organisations and groups in a text, and what pronouns and role phrases refer to.

Names come from the gazetteer (``data/gazetteer.json``, with each language's spellings in
``data/names/<lang>.json``); role phrases ("the adviser",
"Khamenei's envoy"), pronouns and group phrases ("Iranian state media") from the cue data.
Coreference is deliberately simple and explainable: a pronoun takes the last *salient*
person of its gender (the subject of a sentence or of a verb of saying, outside quotations);
a role phrase takes the last person whose descriptors, country and role fit it, unless an
unnamed subject of the same role came after that person ("a Russian official ... the
official said"); "it" or "the company", as the subject of a verb of saying or a stance,
takes the organisation of its sentence or the last one that was a subject.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, chain
from typing import Any

from extractors.cues import Cues, load_cues, norm_key
from extractors.exceptions import GazetteerError
from extractors.given_names import given_name_variants
from extractors.lexicon import Lexicon, TokenIndex, Tokens, matches_at, starts_near, tokenise
from extractors.normalise import joiner_variants
from extractors.sentences import Segmentation
from extractors.strangers import find_strangers

LOOKBACK = 40
"""How many earlier mentions a pronoun or role phrase may reach back to (keeps it linear)."""
ROLE_REACH = 30
"""How many tokens before its noun a role phrase may start ("the Supreme Leader's senior
foreign policy adviser" is 9)."""
NEUTER = "n"
"""The gender of "it", which stands for an organisation."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s")
_NAME_AFTER = re.compile(r",?\s+[A-Z][a-z]")
"""A capitalised word right after a title: the name of who holds it."""
_ARTICLE_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?$")
_GAP = re.compile(r"[\s\u00a0]+")
_APPOSITION = re.compile(r"^[\s\u00a0]*,?[\s\u00a0]*$")
_BEFORE_VERB = re.compile(r"^\s*(?:\w+ly\s+|has\s+|had\s+|also\s+)*")
_COMPLEMENT_WORDS = 4
"""Most words of a title's complements before the name ("Иран в Москве")."""
_VERB_REACH = 60
"""How far after a subject its verb of saying is looked for."""
"""What may stand between a speaker and the verb of saying that makes them salient."""
_QUANTIFIER_REACH = 20
"""How far before a role its numeral may start ("несколько " is 11 characters)."""
_OUTLET_NAME_GAP = re.compile(r"[\s\u00a0«\"“„]*")
"""Before an outlet's name: after its kind ("агентство «Shana»", "the agency Tasnim"), or
after the source it has ("собеседник «Ъ»")."""
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])(?!\w)")


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation of the gazetteer."""

    name: str
    kind: str
    country: str
    role: str
    gender: str | None = None
    descriptors: frozenset[str] = frozenset()
    since: int | None = None
    until: int | None = None

    @property
    def is_outlet(self) -> bool:
        """A news outlet (the gazetteer's kind ``media``): it reports and is told, and
        takes no stance of its own."""
        return self.role == "media"


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a speaker or party: ``text[start:end]``.

    kind: person, org, group, role, pronoun or unknown (a name not in the gazetteer); "the
    agency" is an org once resolved to the outlet named before it, and dropped if none was.
    ``entity`` is filled for gazetteer names and for resolved pronouns and role phrases.
    """

    start: int
    end: int
    text: str
    kind: str
    entity: Entity | None = None
    country: str | None = None
    gender: str | None = None
    possessive: bool = False
    salient: bool = False
    in_quote: bool = False
    oblique: bool = False
    """In a case form that cannot be a sentence's subject ("с Путиным", "в Кремле")."""
    canonical: str | None = None
    """A group phrase's English name, when the language's cues give one."""

    @property
    def nationality(self) -> str | None:
        """The country of whom it names: the gazetteer entry's, else the phrase's own."""
        return self.entity.country if self.entity is not None else self.country

    @property
    def label(self) -> str:
        """Canonical name, or the phrase itself for groups and unresolved roles."""
        if self.entity is not None:
            return self.entity.name
        return self.canonical or self.text.replace("’", "'")


@dataclass(frozen=True)
class Gazetteer:
    """Name variants indexed by their first word."""

    variants: dict[str, list[tuple[tuple[str, ...], Entity]]]
    first_words: Lexicon
    """The first words of the variants, as list ``names`` (case-sensitive)."""
    people: tuple[Entity, ...]
    oblique_words: frozenset[str] = frozenset()
    """Last words of the variants that are case forms of another (never a subject)."""
    late_surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per entity name, the surnames too common to count alone (``needs_first``) until the
    text has named the person in full ("Alexey Miller ... Miller told reporters")."""


def _entity(item: dict[str, Any], kind: str, extra_descriptors: Sequence[str] = ()) -> Entity:
    return Entity(
        name=item["name"],
        kind=kind,
        country=item["country"],
        role=item.get("role") or ("media" if item.get("kind") == "media" else "other"),
        gender=item.get("gender"),
        descriptors=frozenset(
            v.lower()
            for d in (*item.get("descriptors", ()), *extra_descriptors)
            for v in joiner_variants(d)
        ),
        since=item.get("since"),
        until=item.get("until"),
    )


def _endings(word: str, rules: Sequence[dict[str, Any]]) -> list[str]:
    """``word`` and its case forms by the rule whose ending it has (the longest); a word
    no rule fits is indeclinable ("Велаяти")."""
    best: tuple[int, dict[str, Any]] | None = None
    for rule in rules:
        for end in rule["ends"]:
            if word.endswith(end) and (best is None or len(end) > best[0]):
                best = (len(end), rule)
    if best is None:
        return [word]
    rule = best[1]
    stem = word[: len(word) - rule.get("drop", 0)]
    return [word, *(stem + add for add in rule["add"])]


def _inflect(words: str, rules: Sequence[dict[str, Any]], *, head_first: bool) -> list[str]:
    """The case forms of a name (its last word declines: "Газпром нефти") or of a role
    phrase (its first word, the head noun: "пресс-секретаря президента")."""
    parts = words.split()
    if not parts:
        return [words]
    at = 0 if head_first else len(parts) - 1
    return [" ".join([*parts[:at], form, *parts[at + 1 :]]) for form in _endings(parts[at], rules)]


def _declined(entry: dict[str, Any], rules: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A language file's spelling with the case forms its ``inflection`` rules give."""
    if not rules:
        return entry

    def forms(key: str, *, head_first: bool = False) -> list[str]:
        return [f for w in entry.get(key, ()) for f in _inflect(w, rules, head_first=head_first)]

    base = {
        w.split()[-1]
        for key in ("first", "last", "aliases", "head_aliases")
        for w in entry.get(key, ())
    }
    declined = entry | {
        "first": forms("first"),
        "last": forms("last"),
        # "Министерство энергетики России" declines its first word, its head noun
        "aliases": forms("aliases") + forms("head_aliases", head_first=True),
        "descriptors": forms("descriptors", head_first=True),
    }
    last_words = {w.split()[-1] for key in ("last", "aliases") for w in declined[key]}
    return declined | {"oblique": sorted(last_words - base)}


def _spellings(data: dict[str, Any], other_languages: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Every entry's spellings and descriptors: the gazetteer's own, then each language file's.

    A language file (``data/names/<lang>.json``) names entries by their canonical name; one
    that names no entry of the gazetteer is a data error, caught here rather than ignored.
    """
    merged: dict[str, dict[str, list[Any]]] = {}
    for item in (*data["people"], *data["organisations"]):
        merged[item["name"]] = {"spellings": [], "descriptors": []}
    for language in other_languages:
        rules = language.get("inflection", {}).get("rules", ())
        for name, entry in language["names"].items():
            entry = _declined(entry, rules)
            if name not in merged:
                source = f"names/{language['language']}.json"
                raise GazetteerError(f"{source}: {name!r} is not in the gazetteer")
            merged[name]["spellings"].append(entry)
            merged[name]["descriptors"].extend(entry.get("descriptors", ()))
    return merged


def _language_files() -> list[dict[str, Any]]:
    folder = resources.files("extractors") / "data" / "names"
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".json")
    ]


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer with every language's spellings, indexed once per process."""
    path = resources.files("extractors") / "data" / "gazetteer.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    extras = _spellings(data, _language_files())
    variants: dict[str, list[tuple[tuple[str, ...], Entity]]] = {}
    people = []
    oblique: set[str] = set()
    plain: set[str] = set()
    late: dict[str, list[str]] = {}

    def add(words: str, ent: Entity) -> None:
        for spelling in {words, *joiner_variants(words)}:
            toks = tuple(spelling.replace("’", "'").split())
            variants.setdefault(toks[0], []).append((toks, ent))

    def add_spelling(spelling: dict[str, Any], ent: Entity) -> None:
        cases = set(spelling.get("oblique", ()))
        oblique.update(cases)
        names = (*spelling.get("last", ()), *spelling.get("aliases", ()))
        plain.update({w.split()[-1] for w in names} - cases)
        firsts = {v: None for f in spelling.get("first", ()) for v in given_name_variants(f)}
        for last in spelling.get("last", ()):
            for first in firsts:
                add(f"{first} {last}", ent)
            if not spelling.get("needs_first"):
                add(last, ent)
            else:
                late.setdefault(ent.name, []).append(last)
        for alias in spelling.get("aliases", ()):
            add(alias, ent)

    for kind, section in (("person", "people"), ("org", "organisations")):
        for item in data[section]:
            ent = _entity(item, kind, extras[item["name"]]["descriptors"])
            if kind == "person":
                people.append(ent)
            for spelling in (item, *extras[item["name"]]["spellings"]):
                add_spelling(spelling, ent)
    for options in variants.values():
        options.sort(key=lambda v: len(v[0]), reverse=True)
    first_words = Lexicon({"names": variants}, case_sensitive=["names"])
    return Gazetteer(
        variants=variants,
        first_words=first_words,
        people=tuple(people),
        oblique_words=frozenset(oblique - plain),
        late_surnames={name: tuple(lasts) for name, lasts in late.items()},
    )


def _match_variant(text: str, pos: int, words: tuple[str, ...]) -> int | None:
    """End offset if ``words`` occur at ``pos`` separated by whitespace, else None."""
    end = pos
    for i, word in enumerate(words):
        if i:
            gap = _GAP.match(text, end)
            if gap is None:
                return None
            end = gap.end()
        if text[end : end + len(word)].replace("’", "'") != word:
            return None
        end += len(word)
    if end < len(text) and (text[end].isalnum() or text[end] == "-"):
        return None
    return end


def _names(text: str, gaz: Gazetteer, cues: Cues, *, memo: bool = True) -> list[Mention]:
    out: list[Mention] = []
    last_end = -1
    index = gaz.first_words.index(text, memo=memo)
    for start, first_end in zip(*index.spans("names"), strict=True):
        if start < last_end:
            continue
        for words, ent in gaz.variants[text[start:first_end].replace("’", "'")]:
            end = _match_variant(text, start, words)
            if end is None:
                continue
            possessive = _POSSESSIVE.match(text, end) is not None
            group = cues.group_head_re.match(text, end) if possessive else None
            if group:
                out.append(_group(text, start, group.end(), ent.country, cues))
            else:
                out.append(
                    Mention(
                        start,
                        end,
                        text[start:end],
                        ent.kind,
                        entity=ent,
                        country=ent.country,
                        gender=ent.gender,
                        possessive=possessive,
                        oblique=words[-1] in gaz.oblique_words,
                    )
                )
            last_end = end
            break
    return _with_late_surnames(text, out, gaz)


def _with_late_surnames(text: str, found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """``found`` and, after each person named in full whose surname alone is too common to
    count, that surname wherever it stands alone later in the text."""
    first_full: dict[str, Mention] = {}
    for m in found:
        if m.entity is not None and m.entity.name in gaz.late_surnames:
            first_full.setdefault(m.entity.name, m)
    if not first_full:
        return found
    taken = [(m.start, m.end) for m in found]
    extra = []
    for name, full in first_full.items():
        assert full.entity is not None
        for last in gaz.late_surnames[name]:
            for match in re.finditer(rf"(?<!\w){re.escape(last)}(?!\w)", text[full.end :]):
                start, end = full.end + match.start(), full.end + match.end()
                if any(a < end and start < b for a, b in taken):
                    continue
                extra.append(
                    Mention(
                        start,
                        end,
                        text[start:end],
                        "person",
                        entity=full.entity,
                        country=full.entity.country,
                        gender=full.entity.gender,
                        possessive=_POSSESSIVE.match(text, end) is not None,
                    )
                )
    return sorted([*found, *extra], key=lambda m: m.start)


def _group(text: str, start: int, end: int, country: str | None, cues: Cues) -> Mention:
    possessive = _POSSESSIVE.match(text, end) is not None
    oblique = text[start:end].split()[0].lower() in cues.oblique_starts
    label = cues.group_labels.get(norm_key(text[start:end]))
    return Mention(
        start,
        end,
        text[start:end],
        "group",
        # "в министерстве энергетики" names no country, but the ministry its label names has one
        country=country or (_org_countries().get(label) if label else None),
        possessive=possessive,
        oblique=oblique,
        canonical=label,
    )


@cache
def _org_countries() -> dict[str, str]:
    """The gazetteer's organisations by name, with their country."""
    return {
        entity.name: entity.country
        for variants in load_gazetteer().variants.values()
        for _, entity in variants
        if entity.kind == "org" and entity.country
    }


def _country_of(words: str, table: dict[str, str]) -> str | None:
    for word in norm_key(words).replace("’", "'").split():
        if table.get(word):
            return table[word]
    return None


def _capitalised(words: TokenIndex, cues: Cues) -> list[int]:
    """Starts of the tokens that begin with a capital of the language's script (where an
    unknown name may)."""
    text, capital = words.tokens.text, cues.capital_re
    return [s for s in words.tokens.starts if capital.match(text, s)]


def _outside(starts: Sequence[int], named: Sequence[Mention]) -> list[int]:
    """``starts`` less those at or within a mention of ``named``."""
    spans = sorted((m.start, m.end) for m in named)
    span_starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))
    out: list[int] = []
    for start in starts:
        i = bisect.bisect_right(span_starts, start) - 1
        if i < 0 or reach[i] <= start:
            out.append(start)
    return out


_BARE_ROLE_FOLLOWERS = frozenset(".,;:!?)")
"""What may follow a bare role that is a whole subject (not a quotation mark or a name)."""


def _after_verb(text: str, start: int, end: int, verb_ends: set[int]) -> bool:
    """Whether role noun [start, end) is the whole subject a verb of saying puts after
    itself ("«...», — подтвердил дипломат в интервью"): only spaces before it, back to the
    end of one of ``verb_ends``, and no name or owner after it ("сообщил глава «Роснефти»
    Игорь Сечин" is a role phrase of its own)."""
    # Walks over the spaces rather than strip a copy of the text on each side: a copy per
    # role noun made long Russian texts cost more than their length.
    head = start
    while head > 0 and text[head - 1].isspace():
        head -= 1
    if head == start or head not in verb_ends:
        return False
    rest = end
    while rest < len(text) and text[rest].isspace():
        rest += 1
    return rest == len(text) or text[rest] in _BARE_ROLE_FOLLOWERS or text[rest].islower()


def _skip_gap(text: str, end: int) -> int:
    """Past the spaces and opening quotation marks before an outlet's name ("собеседник «Ъ»")."""
    gap = _OUTLET_NAME_GAP.match(text, end)
    return gap.end() if gap is not None else end


def _anonymous(phrase: str, noun: str, cues: Cues) -> str | None:
    """The name an unnamed source is given: the nominative of a bare noun ("источника" →
    "источник"), the phrase as written with its modifiers; None for other roles."""
    nominative = cues.anonymous_roles.get(noun)
    if nominative is None or phrase.lower() == noun:
        return nominative
    return phrase


def _phrases(text: str, cues: Cues, named: Sequence[Mention] = ()) -> list[Mention]:
    out: list[Mention] = []
    outlets = {m.start: m for m in named if m.entity is not None and m.entity.is_outlet}
    index = cues.lexicon.index(text)
    for start, end in zip(*index.spans("groups"), strict=True):
        country = _country_of(text[start:end], cues.group_countries)
        out.append(_group(text, start, end, country, cues))
    # before role phrases: of two mentions of one span the first is kept ("a company
    # spokesman" speaks for the company named before, not as an unnamed role)
    for start, end in zip(*index.spans("subjects_only"), strict=True):
        if _speaks(text, end, index, cues):
            country = cues.subjects_only[text[start:end].lower()]
            if country:
                out.append(Mention(start, end, text[start:end], "group", country=country))
            else:
                out.append(Mention(start, end, text[start:end], "pronoun", gender=NEUTER))
    role_starts = starts_near(
        index.tokens,
        index.spans("role_nouns")[0],
        cues.role_first_words,
        ROLE_REACH,
        capitalised=True,  # an owner: "Khamenei's envoy"
    )
    # a bare role right after a verb or a prefix of saying ("— добавил министр", "по словам
    # консула") is whom the role names
    tokens = index.tokens
    said = (
        set(index.spans("saying")[1])
        | set(index.spans("prefix")[1])
        # "приводит агентство слова министра": the words' owner, a bare role
        | {e for w, e in zip(tokens.words, tokens.ends, strict=True) if w in cues.words_of}
        if cues.bare_roles_after_saying
        else set()
    )
    capitals = _capitalised(index, cues)
    # a name the gazetteer knows opens no stranger ("Alexander Novak"), nor does a word
    # within it ("Ali Akbar Velayati")
    if cues.caseless_names:
        # no capitals: a name opens at a given name of the list, a surname may stand anywhere
        token_words = list(zip(tokens.starts, tokens.words, strict=True))
        given = [start for start, word in token_words if word in cues.given_names]
        strangers = find_strangers(text, _outside(given, named), cues, words=token_words)
    else:
        strangers = find_strangers(text, _outside(capitals, named), cues)
    # where a person's name begins: a title's place ends before it ("консул в Астрахани
    # Мехди Хосрави"); a title may own a known name ("adviser to Ali Khamenei")
    stranger_starts = [p.start for p in strangers]  # in text order
    name_starts = sorted([*stranger_starts, *(m.start for m in named if m.kind == "person")])
    for match in matches_at(cues.role_re, text, role_starts):
        noun = norm_key(match.group("noun"))
        if not (match.group("det") or match.group("owner") or match.group("mods").strip()) and not (
            match.group("post")
            or match.group("comp")
            or cues.bare_roles
            or noun in cues.anonymous_roles
            or _after_verb(text, match.start(), match.end(), said)
        ):
            continue
        if not (match.group("comp") or match.group("post")) and noun in cues.complement_nouns:
            continue  # "the Iranian people"; but "people close to Gazprom Neft" speak
        start, end = match.span()
        if match.group("det") is None and match.group("owner") is None:
            start = match.start("mods")
        if match.group("post"):
            # "консул Ирана в Астрахани Мехди Хосрави": the place ends before the name
            place = match.group("post").split()[0].lower() in cues.place_postmodifiers
            starts = name_starts if place else stranger_starts
            i = bisect.bisect_left(starts, match.start("post"))
            if i < len(starts) and starts[i] < end:
                end = starts[i]
        phrase = text[start:end].rstrip()
        end = start + len(phrase)
        possessive = _POSSESSIVE.match(text, end) is not None
        country = _country_of(phrase, cues.nationality)
        oblique = noun in cues.oblique_starts
        if oblique and cues.quantifier_re is not None:
            # "два источника утверждают": the numeral's genitive is the subject
            quantified = cues.quantifier_re.search(text, max(0, start - _QUANTIFIER_REACH), start)
            if quantified is not None:
                start, oblique = quantified.start(), False
                phrase = text[start:end]
        canonical = _anonymous(phrase, noun, cues)
        if canonical is not None and (outlet := outlets.get(_skip_gap(text, end))) is not None:
            end = outlet.end  # "собеседник «Ъ»", "источник РБК": the outlet's source speaks
        out.append(
            Mention(
                start,
                end,
                text[start:end],
                "role",
                country=country,
                possessive=possessive,
                oblique=oblique,
                canonical=canonical,
            )
        )
    for start, end in zip(*index.spans("agency_nouns"), strict=True):
        word = text[start:end].split()[-1].lower()
        out.append(
            Mention(start, end, text[start:end], "agency", oblique=word in cues.oblique_starts)
        )
    for start, end in zip(*index.spans("pronouns"), strict=True):
        word = text[start:end].lower()
        out.append(
            Mention(
                start,
                end,
                text[start:end],
                "pronoun",
                gender=cues.pronouns[word],
                possessive=word in ("his", "her", "hers"),
                oblique=word in cues.oblique_starts,
            )
        )
    out.extend(
        Mention(
            p.start,
            p.end,
            text[p.start : p.end],
            "unknown",
            country=p.country,  # a hint, kept only if an official's title names the person
            gender=p.gender,
            oblique=p.oblique,
            canonical=p.name,
        )
        for p in strangers
    )
    for match in matches_at(cues.unknown_name_re, text, capitals):
        i = bisect.bisect_left(stranger_starts, match.end("name")) - 1
        if i >= 0 and strangers[i].end > match.start("name"):
            continue  # "Analyst John Smith said": the name is the one its given name opens
        words = match.group("name").split()
        while words and words[0].lower() in cues.stopwords_capitalised:
            words.pop(0)
        if len(words) >= 2 and not any(w.lower() in cues.stopwords_capitalised for w in words):
            start = match.end("name") - len(" ".join(words))
            out.append(
                Mention(start, match.end("name"), text[start : match.end("name")], "unknown")
            )
    return out


def _speaks(text: str, end: int, index: TokenIndex, cues: Cues) -> bool:
    """Whether a verb of saying or a stance follows ``end`` at once (adverbs and auxiliaries
    between): "It declined to comment", "Iran says", "it has not commented". In a verb-final
    language the verb closes the clause: anywhere later in the sentence ("این شرکت درباره
    این رقم از اظهار نظر خودداری کرد", this company declined to comment on the figure)."""
    verb_at = _verb_start(text, end)
    if cues.saying_re.match(text, verb_at, end + _VERB_REACH):
        return True
    if index.first("any_stance", verb_at, end + _VERB_REACH) == verb_at:
        return True
    if not cues.subject_first:
        return False
    stop = _SENTENCE_END.search(text, end)
    hi = stop.start() if stop is not None else len(text)
    return index.first("any_stance", end, hi) is not None or (
        cues.saying_re.search(text, end, hi) is not None
    )


def _verb_start(text: str, end: int) -> int:
    """Where the verb after a subject ending at ``end`` may start: past the spaces, adverbs
    and auxiliaries between them ("Gazprom has also said")."""
    gap = _BEFORE_VERB.match(text[end : end + _VERB_REACH])
    return end + (gap.end() if gap is not None else 0)


def _voiced(text: str, m: Mention, cues: Cues) -> Mention:
    """An organisation with the voice that speaks for it ("Zarubezhneft's press service", "a
    Gazprom spokesman"): one mention of the organisation, no longer a possessive; with the
    title of the person who heads it ("the NIOC chief"): a role phrase of its country, which
    resolves to the person it describes. The Kremlin's voices are roles of their own
    ("Kremlin spokesman" is Peskov)."""
    ent = m.entity
    if ent is None or ent.kind != "org" or ent.is_outlet or ent.role == "kremlin_press_service":
        return m
    voice = cues.org_voice_re.match(text, m.end) if cues.org_voice_re is not None else None
    if voice is not None:
        return replace(m, end=voice.end(), text=text[m.start : voice.end()], possessive=False)
    before = cues.org_voice_before_re
    if before is not None and (found := before.search(text, max(0, m.start - 40), m.start)):
        # "a spokesman for Rosneft", "представитель «Росатома»": the organisation, spoken
        # for, in the case of the voice (the subject), not of its own name (a genitive)
        return replace(m, start=found.start(), text=text[found.start() : m.end], oblique=False)
    head = cues.org_head_re.match(text, m.end) if cues.org_head_re is not None else None
    if head is None or _NAME_AFTER.match(text, head.end()):
        return m  # "Gazprom chief executive Alexey Miller": the name that follows speaks
    return Mention(
        m.start,
        head.end(),
        text[m.start : head.end()],
        "role",
        country=ent.country,
        possessive=_POSSESSIVE.match(text, head.end()) is not None,
    )


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (a role phrase over the org it contains),
    except that a name always survives beside the role phrase that owns it."""
    named = sorted((m.start, m.end) for m in mentions if m.kind in ("person", "org"))
    named_starts = [a for a, _ in named]

    def overlaps_name(m: Mention) -> bool:
        i = bisect.bisect_left(named_starts, m.end) - 1
        return i >= 0 and named[i][1] > m.start

    mentions = [m for m in mentions if m.kind != "unknown" or not overlaps_name(m)]
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            prev = kept[-1]
            if m.kind == "person" and prev.kind == "role" and m.possessive:
                kept.append(m)  # "Khamenei's envoy": keep Khamenei too
            elif prev.kind == "group" and m.kind == "org" and m.end > prev.end:
                kept[-1] = m  # "в Министерстве энергетики РФ": the full name runs past the group
            continue
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _word_before_title(text: str, tokens: Tokens, pos: int, cues: Cues) -> str | None:
    """The word before the name at ``pos``, its determiner and the title words right before
    it, capitalised or honorific ("with President Ebrahim Raisi", "with the National Iranian
    Oil Company" → "with"; "سفر آقای پوتین" → "سفر")."""
    i = bisect.bisect_left(tokens.starts, pos)
    while (
        i > 1
        and tokens.words[i - 2].isalpha()
        and (text[tokens.starts[i - 1]].isupper() or tokens.words[i - 1] in cues.honorifics)
    ):
        i -= 1
    if i > 1 and tokens.words[i - 1] in cues.determiners:
        i -= 1
    return tokens.words[i - 1] if i > 0 else None


def _salience(text: str, mentions: list[Mention], seg: Segmentation, cues: Cues) -> list[Mention]:
    starts = [s.start for s in seg.sentences]
    q_starts = [q.start for q in seg.quotes]
    tokens = tokenise(text)
    subject_end: dict[int, int] = {}
    """Per sentence, where its subject ends."""
    out = []
    for m in mentions:
        qi = bisect.bisect_right(q_starts, m.start) - 1
        in_quote = qi >= 0 and seg.quotes[qi].start < m.start < seg.quotes[qi].end
        si = bisect.bisect_right(starts, m.start) - 1
        subject = False
        if (
            not (m.possessive or m.oblique)
            and m.kind != "org"
            and si not in subject_end
            and not in_quote
            # "on the eve of Putin's trip to Tehran, Khojastehmehr said": a place a
            # preposition governs is no subject (as Attributor._governed reads it), nor is
            # a name after a title it governs ("After talks with President Ebrahim Raisi")
            and _word_before_title(text, tokens, m.start, cues) not in cues.non_subject_before
        ):
            subject_end[si] = m.end
            subject = True
        verb = cues.saying_re.match(text, _verb_start(text, m.end), m.end + _VERB_REACH)
        asked = cues.asking_re is not None and cues.asking_re.match(text, m.end, m.end + 60)
        # "Velayati told reporters that Putin had said ...": Putin speaks inside what the
        # subject reports; "He also said ..." next is the subject again
        embedded = (
            not subject
            and si in subject_end
            and cues.embedding_re is not None
            and cues.embedding_re.search(text, max(subject_end[si], m.start - 20), m.start)
            is not None
        )
        # "после встречи с Владимиром Путиным заявил": a name in an oblique case before
        # the verb is no subject of it
        said = verb is not None and not embedded and not m.oblique
        salient = subject or said or bool(asked)
        gender = m.gender
        if gender is None and verb is not None and not (m.possessive or m.oblique):
            gender = _agreeing_gender(verb.group(), cues)
        out.append(
            Mention(
                m.start,
                m.end,
                m.text,
                m.kind,
                entity=m.entity,
                country=m.country,
                gender=gender,
                possessive=m.possessive,
                salient=salient,
                in_quote=in_quote,
                oblique=m.oblique,
                canonical=m.canonical,
            )
        )
    return out


def _agreeing_gender(verb: str, cues: Cues) -> str | None:
    """The gender a verb of saying gives its subject by agreement ("заявила": f), if any."""
    word = verb.lower()
    return next((gender for end, gender in cues.subject_gender if word.endswith(end)), None)


def _fits(role: Mention, ent: Entity, text: str, cues: Cues) -> bool:
    if ent.kind != "person":
        return False
    if role.country and role.country != ent.country:
        return False
    return _phrase_fits(role.text, ent, cues.language)


@lru_cache(maxsize=4096)
def _phrase_fits(role_text: str, ent: Entity, language: str) -> bool:
    """Whether role phrase ``role_text`` describes ``ent`` (memoised: a text repeats its
    role phrases, and each is tried against every earlier person)."""
    cues = load_cues(language)
    phrase = norm_key(role_text).replace("’", "'")
    if ent.name.split()[-1].lower() in phrase:
        return False  # "Khamenei's envoy" is not Khamenei
    match = cues.role_re.fullmatch(role_text)
    noun = norm_key(match.group("noun")) if match else phrase.split()[-1]
    mods = norm_key(match.group("mods")) if match else ""
    comp = norm_key(match.group("comp")) if match else ""
    words = phrase.split()
    return (
        noun in ent.descriptors
        or f"{mods} {noun}".strip() in ent.descriptors
        or (bool(comp) and f"{noun} {comp}" in ent.descriptors)
        # an organisation's title the role grammar does not parse ("NIOC's chief executive")
        or (match is None and " ".join(words[-2:]) in ent.descriptors)
    )


def _unique_holder(
    role: Mention, gaz: Gazetteer, text: str, cues: Cues, year: int | None
) -> Entity | None:
    if role.country is None:
        return None
    fits = [
        p
        for p in gaz.people
        if _fits(role, p, text, cues)
        and (year is None or ((p.since or 0) <= year <= (p.until or 9999)))
    ]
    return fits[0] if len(fits) == 1 else None


def _resolve(
    mentions: list[Mention], text: str, gaz: Gazetteer, cues: Cues, year: int | None
) -> list[Mention]:
    out: list[Mention] = []
    history: list[Mention] = []
    salient: list[Mention] = []
    titled: dict[int, Entity] = {}
    """People the gazetteer does not know, by start, named right after an official's title."""
    for i, m in enumerate(mentions):
        if m.kind == "role" and m.canonical is not None:
            # "по словам источника": an unnamed source is no one named before; "источник в
            # «Газпроме»" is of its organisation's country
            out.append(_sourced(m, mentions, i, text, cues))
            continue
        if m.kind == "role":
            ent = None
            # the name after the role, not one inside it ("Putin's spokesman, Dmitry Peskov")
            nxt = next(
                (
                    n
                    for n in mentions[i + 1 : i + 4]
                    if n.start >= m.end and not (n.kind == "group" and n.oblique)
                ),
                None,
            )
            prev = out[-1] if out else None
            if (
                nxt
                and nxt.kind == "unknown"
                and (
                    _GAP.fullmatch(text, m.end, nxt.start)
                    or (
                        _APPOSITION.fullmatch(text[m.end : nxt.start])
                        and text[nxt.end : nxt.end + 1] in (",", ".", ";")
                    )
                )
            ):
                # "замминистра иностранных дел Андрей Руденко": the title is the person's;
                # with no country of its own, the given name says whose official he is
                ent = Entity(
                    name=nxt.label,
                    kind="person",
                    country=m.country or nxt.country or "",
                    role="other",
                    gender=nxt.gender,
                    descriptors=_title_nouns(m.text, cues),
                )
                titled[nxt.start] = ent
            elif (
                nxt
                and nxt.kind == "person"
                and nxt.start >= m.end
                and (
                    _GAP.fullmatch(text[m.end : nxt.start] or " ")
                    or _title_complements(text[m.end : nxt.start])
                    or (
                        # "Iran's ambassador in Moscow, Kazem Jalali, told ...": the name in
                        # apposition, set off by a comma and closing its clause, is who the
                        # role is
                        _APPOSITION.fullmatch(text[m.end : nxt.start])
                        and text[nxt.end : nxt.end + 1] in (",", ".", ";")
                    )
                )
                and (not cues.owner_after or (nxt.entity and _fits(m, nxt.entity, text, cues)))
            ):
                ent = nxt.entity  # "Kremlin spokesman Dmitry Peskov"
            elif (
                prev
                and prev.entity
                and prev.entity.kind == "person"
                and not prev.possessive
                and cues.apposition_re.fullmatch(text, prev.end, m.start)
                and _fits(m, prev.entity, text, cues)
            ):
                # "Dmitry Peskov, the Kremlin's spokesman"; not "Putin, the adviser told
                # reporters, had...": a role that does not fit the name is someone else
                ent = prev.entity
            else:
                # the subject of an earlier sentence before a name in passing, as for pronouns
                earlier = chain(reversed(salient[-LOOKBACK:]), reversed(history[-LOOKBACK:]))
                named = next(
                    (h for h in earlier if h.entity and _fits(m, h.entity, text, cues)), None
                )
                if (
                    named is not None
                    and _indefinite(m, text, cues)
                    and _in_running_text(text, named)
                ):
                    # "a senior Iranian official" is not the minister the text named before;
                    # a lede's "a senior adviser said" is who its headline named
                    named = None
                unnamed = _same_role_unnamed(out, m, cues)
                if unnamed is not None and (named is None or named.start < unnamed.start):
                    # "a Russian Finance Ministry official ... the official said": the one
                    # described before, whom no name resolves
                    out.append(replace(m, canonical=unnamed.label, country=unnamed.country))
                    continue
                ent = named.entity if named is not None else None
                ent = ent or _unique_holder(m, gaz, text, cues, year)
            if ent is not None:
                m = replace(m, entity=ent, country=ent.country, gender=ent.gender)
            elif not cues.bare_roles and len(m.text.split()) == 1:
                continue  # a bare role after a verb of saying stands only for someone named
            elif m.country is None:
                m = replace(m, country=_source_org(m, mentions, i, text, cues)[0])
        elif m.kind == "pronoun" and m.gender == NEUTER:
            # "it" may be the group of its own sentence ("the ministry said it had no
            # information"); "the company", "a spokesperson for the corporation" name a company
            owner = _organisation_before(
                out, m, text, salient, history, cues, groups=len(m.text.split()) == 1
            )
            if owner is None:
                if len(m.text.split()) > 1:
                    # "A company spokesman said" with no company named: an unnamed source
                    out.append(replace(m, kind="role", gender=None))
                continue  # "it" with no organisation before it names no one
            m = replace(
                m,
                kind=owner.kind,
                entity=owner.entity,
                country=owner.country,
                canonical=owner.label,
            )
        elif m.kind == "pronoun":
            pool = salient[-LOOKBACK:][::-1] + history[-LOOKBACK:][::-1]
            ent = next(
                (
                    h.entity
                    for h in pool
                    if h.entity
                    and h.entity.kind == "person"
                    and (m.gender is None or h.gender in (None, m.gender))
                ),
                None,
            )
            if ent is None:
                ent = next((h.entity for h in pool if h.kind == "unknown" and h.entity), None)
            if ent is not None:
                m = replace(m, entity=ent, country=ent.country)
        elif m.kind == "agency":
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is not None and _OUTLET_NAME_GAP.fullmatch(text, m.end, nxt.start):
                continue  # "агентство Shana": the name that follows speaks
            ent = next(
                (h.entity for h in reversed(history) if h.entity and h.entity.is_outlet), None
            )
            if ent is None:
                continue  # no outlet named before: "the agency" names no one we know
            m = replace(m, kind="org", entity=ent, country=ent.country)
        elif m.kind == "unknown":
            ent = titled.get(m.start) or Entity(
                name=m.label, kind="person", country="", role="other", gender=m.gender
            )
            m = replace(m, entity=ent, country=ent.country or None)
        out.append(m)
        if m.entity is not None and not m.in_quote:
            history.append(m)
            if m.salient:
                salient.append(m)
    return out


@cache
def _inflection_rules(language: str) -> tuple[dict[str, Any], ...]:
    """The case-ending rules of ``language``'s names file (none for English)."""
    for data in _language_files():
        if data["language"] == language:
            return tuple(data.get("inflection", {}).get("rules", ()))
    return ()


def _title_complements(gap: str) -> bool:
    """Whether ``gap``, between a title and a name, is the title's complements: whose and
    where ("посол Исламской Республики Иран в Москве Казем Джалали", "Iran's ambassador in
    Moscow Kazem Jalali"), names and short prepositions only, no punctuation."""
    words = gap.split()
    return (
        0 < len(words) <= _COMPLEMENT_WORDS
        and gap[:1].isspace()
        and gap[-1:].isspace()
        and all(w.isalpha() and (w[0].isupper() or len(w) <= 3) for w in words)
    )


def _title_nouns(title: str, cues: Cues) -> frozenset[str]:
    """The head noun of an official's title, in every case form, as the descriptor that
    lets a later role phrase point back to the person it named ("генеральный консул
    Мехди Хосрави ... по словам консула")."""
    match = cues.role_re.fullmatch(title)
    if match is None:
        return frozenset()
    noun = norm_key(match.group("noun"))
    return frozenset(_endings(noun, _inflection_rules(cues.language)))


def _source_org(
    role: Mention, mentions: list[Mention], i: int, text: str, cues: Cues
) -> tuple[str | None, Mention | None]:
    """The country of the organisation an unnamed source speaks from ("a source at
    Gazprom", "источник в «Газпроме»"), and that organisation's mention when it follows
    the role phrase rather than stand inside it; (None, None) if there is none."""
    pattern = cues.source_of_re
    if pattern is None:
        return None, None
    # "a source at Gazprom": the role phrase may hold the organisation as its post-modifier
    for m in named_mentions(role.text, cues):
        if m.entity is not None and _speaks_from(m) and pattern.search(role.text, 0, m.start):
            return m.entity.country, None
    nxt = mentions[i + 1] if i + 1 < len(mentions) else None
    if nxt is None or nxt.entity is None or not _speaks_from(nxt):
        return None, None
    adjacent = cues.source_adjacent and not text[role.end : nxt.start].strip()
    if not adjacent and pattern.fullmatch(text, role.end, nxt.start) is None:
        return None, None
    return nxt.entity.country, nxt


def _speaks_from(m: Mention) -> bool:
    """Whether ``m`` is an organisation a source may speak from (an outlet only reports)."""
    return m.entity is not None and m.entity.kind == "org" and not m.entity.is_outlet


def _sourced(role: Mention, mentions: list[Mention], i: int, text: str, cues: Cues) -> Mention:
    """An unnamed source with the organisation it speaks from: of that organisation's
    country, and, when the organisation follows it, named with it ("источник в «Газпроме»")."""
    found, org = _source_org(role, mentions, i, text, cues)
    country = role.country or found
    if country is None:
        return role
    if org is None:
        return replace(role, country=country)
    closing = text[org.end : org.end + 1]
    closing = closing if closing in ("»", "”", '"') else ""
    gap = text[role.end : org.start].lstrip('»”" ,')  # past the closing mark of "«Ъ»"
    name = f"{role.canonical} {gap}{text[org.start : org.end]}{closing}"
    return replace(role, country=country, canonical=" ".join(name.split()))


_INDEFINITE_REACH = 40
"""How far before a role phrase its determiner may stand, past two words."""
_PARAGRAPH_ENDS = (".", "!", "?", "…", '"', "”", "»", "’")


def _indefinite(role: Mention, text: str, cues: Cues) -> bool:
    """Whether a role phrase's determiner brings in someone new ("a", "an", "one"), also
    before words the role grammar leaves out ("one European diplomat in Tehran")."""
    match = cues.role_re.fullmatch(role.text)
    if match is not None and match.group("det"):
        return norm_key(match.group("det")) in cues.indefinite_determiners
    before = cues.indefinite_before_re
    reach = max(0, role.start - _INDEFINITE_REACH)
    return before is not None and before.search(text, reach, role.start) is not None


def _in_running_text(text: str, m: Mention) -> bool:
    """Whether ``m`` stands in a paragraph of running text, which ends as a sentence does,
    rather than in a headline or a summary line."""
    end = text.find("\n", m.end)
    return text[m.end : end if end >= 0 else len(text)].rstrip().endswith(_PARAGRAPH_ENDS)


def _same_role_unnamed(done: list[Mention], role: Mention, cues: Cues) -> Mention | None:
    """The role phrase of the same noun, resolved to no one and the subject of its clause,
    that a definite role phrase ("the official") points back to, among the mentions before
    it."""
    match = cues.role_re.fullmatch(role.text)
    if match is None or norm_key(match.group("det") or "") not in cues.definite_determiners:
        return None
    noun = norm_key(match.group("noun"))
    for h in reversed(done[-LOOKBACK:]):
        if h.kind not in ("role", "group") or h.entity is not None or not h.salient:
            continue  # only an unnamed subject: "a Russian official, asked ..., said"
        earlier = cues.role_re.fullmatch(h.text)
        head = norm_key(earlier.group("noun")) if earlier else norm_key(h.text).split()[-1]
        if head == noun:
            return h
    return None


def _organisation_before(
    done: list[Mention],
    it: Mention,
    text: str,
    salient: list[Mention],
    history: list[Mention],
    cues: Cues,
    *,
    groups: bool = True,
) -> Mention | None:
    """What "it" stands for: the last organisation or group of its own sentence ("the
    ministry said it had no information") that no preposition governs ("Rosneft signed a
    roadmap with NIOC that it said could be worth ..." is Rosneft's), else the last one of
    its sentence, else the last organisation that was a subject (it opened its sentence or
    spoke), else the last one named."""
    earlier = False
    governed: Mention | None = None
    tokens = tokenise(text)
    for h in reversed(done[-LOOKBACK:]):
        earlier = earlier or _SENTENCE_END.search(text, h.end, it.start) is not None
        if h.kind not in (("org", "group") if groups else ("org",)):
            continue
        if not earlier:
            if _word_before_title(text, tokens, h.start, cues) not in cues.non_subject_before:
                return h
            governed = governed or h
            continue
        if governed is not None:
            return governed
        if h.entity is not None and (h.salient or _opens_sentence(text, h)):
            return h
    if governed is not None:
        return governed
    pool = chain(reversed(salient[-LOOKBACK:]), reversed(history[-LOOKBACK:]))
    return next((h for h in pool if h.entity is not None and h.entity.kind == "org"), None)


def _opens_sentence(text: str, m: Mention) -> bool:
    """Whether ``m`` is the first words of its sentence (after an article)."""
    before = _ARTICLE_BEFORE.sub("", text[max(0, m.start - 20) : m.start])
    return not before.strip() or _SENTENCE_END.search(before[-4:] + " ") is not None


@lru_cache(maxsize=8)
def _named(text: str, language: str) -> tuple[Mention, ...]:
    """Gazetteer names in ``text`` (memoised: the bilateral test and the mentions ask)."""
    return tuple(_names(text, load_gazetteer(), load_cues(language)))


def may_name(tokens: Tokens, lo: int, hi: int) -> bool:
    """Whether a token starting in [lo, hi) opens a gazetteer name, in any case (tokens are
    lowercased): where none does, :func:`named_mentions` finds nothing there, so a short
    span of an indexed text need not be read anew."""
    opening = load_gazetteer().first_words.lists["names"].options
    return any(word in opening for word in tokens.words_between(lo, hi))


def named_mentions(text: str, cues: Cues) -> tuple[Mention, ...]:
    """Gazetteer names in a short ``text`` (a tag or a lead-in), not memoised."""
    return tuple(_names(text, load_gazetteer(), cues, memo=False))


def named_countries(text: str, cues: Cues) -> set[str]:
    """Countries of the gazetteer people and organisations named in ``text``."""
    return {m.country for m in _named(text, cues.language) if m.country}


def find_mentions(
    text: str, seg: Segmentation, cues: Cues, *, published: date | None = None
) -> list[Mention]:
    """All speaker and party mentions of ``text``, pronouns and role phrases resolved."""
    gaz = load_gazetteer()
    named = [_voiced(text, m, cues) for m in _named(text, cues.language)]
    mentions = [
        m for m in _drop_overlaps([*named, *_phrases(text, cues, named)]) if not _modifier(text, m)
    ]
    mentions = _salience(text, mentions, seg, cues)
    return _resolve(mentions, text, gaz, cues, published.year if published else None)


_COMPOUND = re.compile(r"-[^\W\d_]")


def _modifier(text: str, m: Mention) -> bool:
    """Whether ``m`` only opens a compound modifier ("a Tehran-based economist", "the
    Gazprom-led consortium"): a word of an adjective, not someone who speaks."""
    found = _COMPOUND.match(text, m.end)
    return found is not None and found.group()[1].islower()


def mentions_between(
    mentions: Sequence[Mention], starts: Sequence[int], lo: int, hi: int
) -> Sequence[Mention]:
    """Mentions starting in [lo, hi); ``starts`` is the sorted list of their starts."""
    return mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
