"""Watched topics: a cheap prefilter for feed entries and a relevance rule for article text.

Topics live in ``claimwatch.toml`` as data, so adding a language is adding keywords::

    [keywords.iran]                       # a named group of terms, per language
    en = ["Iran*", "Tehran", "NIOC"]      # "*" ends a stem: Iran, Iranian, Iran's
    ru = ["Иран*", "Тегеран*"]

    [[topics]]
    id = "iran-russia-oil-deals"
    title = "Iran-Russia oil and gas deals"
    relevant_if = [["iran", "russia", "energy"]]   # any rule; every group of it in the body
    prefilter_if = [["iran", "energy"], ["russia", "energy"]]   # title + summary, loose
    min_mentions = 2        # each group of a rule at least this often in the body
    window = 1200           # ...and all of them together within this many characters once
    published_from = 2018-06-01            # optional date window
    published_until = 2019-12-31

An article is about a topic when one of its ``relevant_if`` rules holds in the body: every
group mentioned ``min_mentions`` times, and all groups close together at least once (unless
the title alone names them all). Counting in the body, not the title or a passing remark, is
what keeps out an article on the Russian price cap that names Iran once, or an Iran-China
oil story. Keywords of every language are matched at once: the article's language is not
needed, and a Russian quote in an English article still counts.

Writing in keyword lists:

- ``*`` ends a stem, at the end of any word of a term: ``"Исламск* Республик*"``.
- ``!`` starts an exclusion: a match of the group that lies inside a match of an exclusion
  does not count (``"газ*"`` is gas, ``"!газет*"`` is a newspaper, not gas).
- Persian is matched as it is typed: a zero-width non-joiner (U+200C) may be present, missing
  or a space (``"سرمایه‌گذاری"`` also finds ``سرمایه گذاری`` and ``سرمایهگذاری``), and the
  Arabic letters ي ى ك equal the Persian ی ک. Texts and terms are folded the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from extractors.exceptions import TopicConfigError
from extractors.normalise import ZWNJ

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
_WORD_SEPARATOR = r"[\s\-\u00a0]+"
_ZWNJ_SEPARATOR = r"\s*"  # a ZWNJ in a term: the text may have it (folded to a space), or none
_EXCLUDE = "!"
# Folds a text so that terms match however it was typed; every character maps to exactly one,
# so positions in the folded text are positions in the original.
_FOLD = str.maketrans({ZWNJ: " ", "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})
_DEFAULT_WINDOW = 1200
_DEFAULT_MIN_MENTIONS = 1
_TOPIC_KEYS = frozenset(
    {
        "id",
        "title",
        "relevant_if",
        "prefilter_if",
        "min_mentions",
        "window",
        "published_from",
        "published_until",
    }
)


def fold(text: str) -> str:
    """``text`` as keywords see it: ZWNJ as a space, Arabic ي ى ك as Persian ی ک."""
    return text.translate(_FOLD)


def _covered(
    span: tuple[int, int], starts: Sequence[int], spans: Sequence[tuple[int, int]]
) -> bool:
    """True when one of ``spans`` (sorted, not overlapping: a regex's matches) holds ``span``."""
    i = bisect_right(starts, span[0]) - 1
    return i >= 0 and spans[i][1] >= span[1]


@dataclass(frozen=True, slots=True)
class TermGroup:
    """A named set of terms (all languages), compiled once into one regex, and its exclusions."""

    name: str
    pattern: re.Pattern[str]
    exclude: re.Pattern[str] | None = None

    def matches(self, folded: str) -> list[re.Match[str]]:
        """The group's matches in a :func:`fold`-ed text that no exclusion covers."""
        found = list(self.pattern.finditer(folded))
        if self.exclude is None or not found:
            return found
        spans = [m.span() for m in self.exclude.finditer(folded)]
        starts = [start for start, _ in spans]
        return [m for m in found if not _covered(m.span(), starts, spans)]


@dataclass(frozen=True, slots=True)
class Topic:
    """A watched topic: rules are tuples of term groups that must all be present."""

    id: str
    title: str
    relevant_if: tuple[tuple[TermGroup, ...], ...]
    prefilter_if: tuple[tuple[TermGroup, ...], ...]
    min_mentions: int = _DEFAULT_MIN_MENTIONS
    window: int = _DEFAULT_WINDOW
    published_from: date | None = None
    published_until: date | None = None


def _word_regex(word: str) -> str:
    """One word of a term: a trailing '*' is a stem, a ZWNJ an optional separator."""
    stem = word.endswith("*")
    parts = word.rstrip("*").split(ZWNJ)
    body = _ZWNJ_SEPARATOR.join(re.escape(part.translate(_FOLD)) for part in parts if part)
    return body + (r"\w*" if stem else "")


def _term_regex(term: str) -> str:
    """One keyword as a regex: words separated by any space or dash, '*' ends a stem."""
    words = re.split(_WORD_SEPARATOR, term.strip())
    return _WORD_SEPARATOR.join(_word_regex(word) for word in words if word.strip("*"))


def _alternation(terms: Sequence[str]) -> re.Pattern[str]:
    # Longest first, so "oil field" wins over "oil" where both could match.
    alternatives = sorted({_term_regex(t) for t in terms}, key=len, reverse=True)
    # The lookahead on the terms' first letters lets most positions fail at once (the
    # alternation alone is tried in full at every character: ~3x slower).
    firsts = sorted({t.strip()[:1].translate(_FOLD) for t in terms if t.strip()})
    gate = "(?=[" + "".join(re.escape(c) for c in firsts) + "])"
    return re.compile(
        r"(?<!\w)" + gate + "(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE
    )


def compile_terms(name: str, terms: Sequence[str]) -> TermGroup:
    """A group whose regex matches any of ``terms`` as whole words, ignoring case.

    Terms starting with ``!`` are exclusions (see the module docstring).
    """
    excluded = [t[len(_EXCLUDE) :] for t in terms if t.startswith(_EXCLUDE)]
    included = [t for t in terms if not t.startswith(_EXCLUDE)]
    return TermGroup(
        name=name,
        pattern=_alternation(included),
        exclude=_alternation(excluded) if excluded else None,
    )


def _fail(where: str, problem: str, fix: str) -> TopicConfigError:
    return TopicConfigError(f"claimwatch.toml {where}: {problem}; {fix}")


def _parse_keywords(data: Mapping[str, Any]) -> dict[str, TermGroup]:
    table = data.get("keywords", {})
    if not isinstance(table, Mapping):
        raise _fail("[keywords]", "is not a table", "write [keywords.<group>] with en = [...]")
    groups: dict[str, TermGroup] = {}
    for name, per_language in table.items():
        where = f"[keywords.{name}]"
        if not isinstance(per_language, Mapping) or not per_language:
            raise _fail(where, "has no languages", 'add e.g. en = ["Iran*", "Tehran"]')
        terms: list[str] = []
        for language, words in per_language.items():
            if not _LANGUAGE_RE.match(str(language)):
                raise _fail(where, f"key {language!r} is not a language code", "use en, ru, fa")
            if not isinstance(words, list) or not all(
                isinstance(w, str) and w.strip("*! ") for w in words
            ):
                raise _fail(where, f"{language} is not a list of words", 'write en = ["oil"]')
            terms.extend(words)
        if all(term.startswith(_EXCLUDE) for term in terms):
            raise _fail(where, "lists no words", "add at least one keyword (not only '!' ones)")
        groups[str(name)] = compile_terms(str(name), terms)
    return groups


def _parse_rules(
    value: Any, where: str, key: str, groups: Mapping[str, TermGroup]
) -> tuple[tuple[TermGroup, ...], ...]:
    if not isinstance(value, list) or not value:
        raise _fail(where, f"{key} is missing or empty", f'write {key} = [["iran", "energy"]]')
    rules = []
    for rule in value:
        if not isinstance(rule, list) or not rule:
            raise _fail(where, f"{key} has a rule that is not a list of groups", "see the docs")
        for name in rule:
            if name not in groups:
                raise _fail(
                    where,
                    f"{key} names the unknown keyword group {name!r}",
                    f"define [keywords.{name}] or use one of {sorted(groups)}",
                )
        rules.append(tuple(groups[name] for name in rule))
    return tuple(rules)


def _positive_int(entry: Mapping[str, Any], key: str, default: int, where: str) -> int:
    value = entry.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise _fail(where, f"{key} = {value!r}", f"{key} must be a whole number >= 1")
    return value


def _date(entry: Mapping[str, Any], key: str, where: str) -> date | None:
    value = entry.get(key)
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(where, f"{key} = {value!r}", f"write {key} = 2018-06-01") from None


def parse_topics(data: Mapping[str, Any]) -> list[Topic]:
    """The topics of a parsed claimwatch.toml (``[[topics]]`` plus ``[keywords.*]``).

    Raises:
        TopicConfigError: naming the topic, the key and how to fix it.
    """
    groups = _parse_keywords(data)
    topics: list[Topic] = []
    seen: set[str] = set()
    for index, entry in enumerate(data.get("topics", []), start=1):
        where = f"[[topics]] #{index}"
        if not isinstance(entry, Mapping):
            raise _fail(where, "is not a table", "write [[topics]] followed by id = ...")
        topic_id = entry.get("id")
        if not isinstance(topic_id, str) or not _ID_RE.match(topic_id):
            raise _fail(where, f"id = {topic_id!r}", "use lowercase letters, digits and '-'")
        where = f"[[topics]] {topic_id!r}"
        if topic_id in seen:
            raise _fail(where, "appears twice", "give every topic its own id")
        seen.add(topic_id)
        if unknown := sorted(set(entry) - _TOPIC_KEYS):
            raise _fail(where, f"unknown keys {unknown}", f"use only {sorted(_TOPIC_KEYS)}")
        published_from = _date(entry, "published_from", where)
        published_until = _date(entry, "published_until", where)
        if published_from and published_until and published_from > published_until:
            raise _fail(where, "published_from is after published_until", "swap them")
        topics.append(
            Topic(
                id=topic_id,
                title=str(entry.get("title") or topic_id),
                relevant_if=_parse_rules(entry.get("relevant_if"), where, "relevant_if", groups),
                prefilter_if=_parse_rules(entry.get("prefilter_if"), where, "prefilter_if", groups),
                min_mentions=_positive_int(entry, "min_mentions", _DEFAULT_MIN_MENTIONS, where),
                window=_positive_int(entry, "window", _DEFAULT_WINDOW, where),
                published_from=published_from,
                published_until=published_until,
            )
        )
    return topics


def _in_window(topic: Topic, published: date | None) -> bool:
    if published is None:
        return True
    if isinstance(published, datetime):  # a datetime does not compare with a date
        published = published.date()
    if topic.published_from and published < topic.published_from:
        return False
    return not (topic.published_until and published > topic.published_until)


def _close_together(positions: Sequence[Sequence[int]], window: int) -> bool:
    """True when some span of ``window`` characters holds a match of every group."""
    for start in sorted({p for group in positions for p in group}):
        if all(
            (i := bisect_left(group, start)) < len(group) and group[i] - start <= window
            for group in positions
        ):
            return True
    return False


def prefilter(title: str, summary: str, topics: Sequence[Topic]) -> list[str]:
    """Ids of the topics a feed entry could be about (recall first: fetch, then decide)."""
    text = fold(f"{title}\n{summary}")
    found: dict[str, bool] = {}

    def present(group: TermGroup) -> bool:
        if group.name not in found:
            found[group.name] = bool(group.matches(text))
        return found[group.name]

    return [
        topic.id
        for topic in topics
        if any(all(present(group) for group in rule) for rule in topic.prefilter_if)
    ]


def relevance(
    text: str, title: str, topics: Sequence[Topic], *, published: date | None = None
) -> list[str]:
    """Ids of the topics the article is about, judged on its body text.

    Args:
        text: the extracted body text.
        title: the article's title; when it names every group of a rule, the groups need
            not also sit close together in the body.
        topics: from :func:`parse_topics`.
        published: the article's date; topics with a date window skip articles outside it.
    """
    text, title = fold(text), fold(title)
    positions: dict[str, list[int]] = {}

    def where(group: TermGroup) -> list[int]:
        if group.name not in positions:
            positions[group.name] = [m.start() for m in group.matches(text)]
        return positions[group.name]

    def holds(rule: tuple[TermGroup, ...], topic: Topic) -> bool:
        if any(len(where(group)) < topic.min_mentions for group in rule):
            return False
        if all(group.matches(title) for group in rule):
            return True
        return _close_together([where(group) for group in rule], topic.window)

    return [
        topic.id
        for topic in topics
        if _in_window(topic, published) and any(holds(rule, topic) for rule in topic.relevant_if)
    ]
