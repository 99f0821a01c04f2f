"""People the gazetteer does not know, found by their given name.

News quotes analysts, consuls and port officials no list can hold. A capitalised given name
of the language's list followed by one or two capitalised words is a person's name wherever
it stands: after a verb of saying ("said John Smith"), after a role phrase ("директор
компании Олег Рыбаков") or after "according to" ("по словам Олега Рыбакова"). Where names
decline, a name in a case form is put back in the nominative, so that one person has one
name; and the surname alone, later in the text, in any case form, names the same person
("По оценке Рыбакова").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.cues import Cues, GivenName

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word of letters (hyphens within): a given name or a surname."""


@dataclass(frozen=True, slots=True)
class Stranger:
    """One mention of a person found by a given name, or by the surname after it."""

    start: int
    end: int
    name: str
    """The full name in the nominative."""
    gender: str
    oblique: bool
    """Written in a case form that cannot be a subject."""
    country: str | None = None
    """The country the given name points to (used only when an official's title, with no
    country of its own, names the person)."""


def _nominative_word(word: str, gender: str, cues: Cues) -> str:
    for oblique, nominative in cues.name_nominative.get(gender, ()):
        if word.endswith(oblique) and len(word) > len(oblique) + 1:
            return word[: len(word) - len(oblique)] + nominative
    for ending in sorted(cues.consonant_endings.get(gender, ()), key=len, reverse=True):
        stem = word[: len(word) - len(ending)]
        if word.endswith(ending) and len(stem) > 1 and stem[-1] in cues.consonants:
            return stem
    return word  # indeclinable ("Джалали")


def _full_name(given: GivenName, rest: Sequence[str], cues: Cues) -> str:
    if not given.oblique:
        return " ".join((given.nominative, *rest))
    return " ".join((given.nominative, *(_nominative_word(w, given.gender, cues) for w in rest)))


def _rest_words(text: str, match: re.Match[str], cues: Cues) -> list[re.Match[str]]:
    """The name's words after the given name, up to the first that cannot be part of it.

    Without capitals to end a name, a name holds ``surname_words`` words after its given
    name, and given names right after the first belong to it ("محمد جواد ظریف")."""
    words: list[re.Match[str]] = []
    chained = 0
    for word in _WORD.finditer(text, match.start("rest"), match.end("rest")):
        if word.group().lower() in cues.stopwords_capitalised:
            break
        if cues.caseless_names and len(words) == chained and word.group() in cues.given_names:
            chained += 1
        words.append(word)
        if len(words) - chained >= cues.surname_words:
            break
    return words if len(words) > chained or not cues.caseless_names else []


def find_strangers(
    text: str,
    capital_starts: Sequence[int],
    cues: Cues,
    *,
    words: Sequence[tuple[int, str]] | None = None,
) -> list[Stranger]:
    """Every name that opens with a given name of the language's list, and every later
    mention of such a person by surname alone, in text order.

    ``words``, (start, word) of every token, is where a surname alone may stand in a script
    without capitals (else at ``capital_starts``): looked up by its word, not matched."""
    pattern = cues.given_name_re
    if pattern is None or not cues.given_names:
        return []
    found: list[Stranger] = []
    taken = -1
    for start in capital_starts:
        if start < taken:
            continue
        word = _WORD.match(text, start)
        given = cues.given_names.get(word.group()) if word is not None else None
        if given is None:
            continue
        match = pattern.match(text, start)
        if match is None:
            continue
        rest = _rest_words(text, match, cues)
        if not rest:
            continue
        end = rest[-1].end()
        name = _full_name(given, [w.group() for w in rest], cues)
        found.append(Stranger(start, end, name, given.gender, given.oblique, given.country))
        taken = end
    if words is None:
        words = [
            (start, word.group()) for start in capital_starts if (word := _WORD.match(text, start))
        ]
    return sorted(found + _by_surname(text, found, words, cues), key=lambda p: p.start)


def _surname_forms(surname: str, gender: str, cues: Cues) -> dict[str, bool]:
    """A surname's written forms, each with whether it is a case form (oblique)."""
    forms = {surname: False}
    for oblique, nominative in cues.name_nominative.get(gender, ()):
        if surname.endswith(nominative):
            forms.setdefault(surname[: len(surname) - len(nominative)] + oblique, True)
    if surname[-1:] in cues.consonants:
        for ending in cues.consonant_endings.get(gender, ()):
            forms.setdefault(surname + ending, True)
    return forms


def _by_surname(
    text: str, people: Sequence[Stranger], words: Sequence[tuple[int, str]], cues: Cues
) -> list[Stranger]:
    """The surname alone, after the full name: "Олег Рыбаков ... По словам Рыбакова"."""
    if not people:
        return []
    first_seen: dict[str, tuple[Stranger, bool]] = {}
    for person in people:
        surname = person.name.split()[-1]
        for form, oblique in _surname_forms(surname, person.gender, cues).items():
            first_seen.setdefault(form, (person, oblique))
    starts = [p.start for p in people]  # found in text order, never overlapping
    out: list[Stranger] = []
    for start, word in words:
        seen = first_seen.get(word)
        if seen is None or start < seen[0].end:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and people[i].end > start:
            continue  # a word of a full name
        person, oblique = seen
        out.append(replace(person, start=start, end=start + len(word), oblique=oblique))
    return out
