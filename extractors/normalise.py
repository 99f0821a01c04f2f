"""Length-preserving normalisation of a text, and the spelling variants of cue phrases.

Some scripts write one word several ways: Persian with Arabic or Persian letters (ي/ی,
ك/ک), with its own digits (۴۵) and separators (٬ ٫), and with the zero-width non-joiner
inside a word (می‌گوید) present, missing (میگوید) or typed as a space (می گوید). The
engine reads a normalised copy of the text in which every such character is replaced by
exactly one character, so every offset found in the copy points at the same characters of
the original. What to replace is data (the ``normalise`` key of a cue file); English has
none and reads its text unchanged.

The non-joiner becomes a tatweel (``ـ``), a word character: the two halves of "می‌گوید"
stay one token, as they are one word. A cue phrase written with a non-joiner is looked
for in its three spellings (:func:`joiner_variants`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ZWNJ = "\u200c"
JOINED = "\u0640"
"""What a non-joiner becomes in the normalised text (a word character, one code point)."""


def joiner_variants(phrase: str) -> list[str]:
    """The spellings of a phrase written with a non-joiner: as the normalised text holds it
    (joined), with a space, and run together; a phrase without one is returned alone."""
    if ZWNJ not in phrase:
        return [phrase]
    return [phrase.replace(ZWNJ, JOINED), phrase.replace(ZWNJ, " "), phrase.replace(ZWNJ, "")]


@dataclass(frozen=True)
class Normaliser:
    """Replaces characters one for one (``chars``), and the characters of group 1 of each
    pattern (``between``, e.g. a "/" used as decimal point) by one replacement each."""

    table: dict[int, str] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern[str], str], ...] = ()

    def __call__(self, text: str) -> str:
        if not self.table and not self.patterns:
            return text
        out = _replace_chars(text, self.table)
        for pattern, char in self.patterns:
            pieces: list[str] = []
            done = 0
            for match in pattern.finditer(out):
                a, b = match.span(1)
                if a < 0:
                    continue  # group 1 took no part in this match
                pieces += (out[done:a], char * (b - a))
                done = b
            if pieces:
                out = "".join(pieces) + out[done:]
        return out


def _replace_chars(text: str, table: Mapping[int, str]) -> str:
    """``text.translate(table)``, one ``str.replace`` per character the text holds: many
    times faster than ``translate`` on a non-Latin text, and the same as long as no
    replacement is itself replaced (which :func:`load_normaliser` ensures)."""
    for source, target in table.items():
        char = chr(source)
        if char in text:
            text = text.replace(char, target)
    return text


IDENTITY = Normaliser()


def load_normaliser(spec: Mapping[str, Any] | None) -> Normaliser:
    """The normaliser of a cue file's ``normalise`` section (None: the identity)."""
    if not spec:
        return IDENTITY
    table: dict[int, str] = {}
    for source, target in spec.get("chars", {}).items():
        if source.startswith("_"):
            continue
        if len(source) != 1 or len(target) != 1:
            raise ValueError(f"normalise.chars must map one character to one: {source!r}")
        table[ord(source)] = target
    for target in table.values():
        if table.get(ord(target), target) != target:
            raise ValueError(f"normalise.chars must not replace a replacement: {target!r}")
    patterns = tuple((re.compile(p), char) for p, char in spec.get("patterns", ()))
    return Normaliser(table, patterns)


def _expand_list(
    items: list[Any], suffixes: tuple[str, ...], inflect: Mapping[str, Any], path: str
) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if not isinstance(item, str):
            out.append(expand_phrases(item, inflect, path))
            continue
        for spelling in joiner_variants(item):
            out.append(spelling)
            out.extend(spelling + s for s in suffixes)
    return out


def expand_phrases(data: Any, inflect: Mapping[str, Any], path: str = "") -> Any:
    """``data`` (a cue file, or part of one) with every phrase in every spelling: the
    non-joiner variants everywhere but in regex sections, and in the sections named by
    ``inflect["sections"]`` (dotted paths) each phrase with the ``suffixes`` attached."""
    skip = {"normalise", "periods", "not_figures", "language", "inflect"}
    suffixes: tuple[str, ...] = ()
    sections = inflect.get("sections", ())
    if any(path == s or path.startswith(s + ".") for s in sections):
        # joined or run together only: a suffix after a space is rare, and single words
        # keep a list of single words, which the lexicon finds by lookup alone
        suffixes = tuple(
            v
            for s in inflect.get("suffixes", ())
            for v in dict.fromkeys(joiner_variants(s))
            if not v.startswith(" ")
        )
    if isinstance(data, list):
        return _expand_list(data, suffixes, inflect, path)
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key.startswith("_") or (not path and key in skip):
            out[key] = value
            continue
        child = expand_phrases(value, inflect, f"{path}.{key}" if path else key)
        for spelling in joiner_variants(key):  # keys name things: no suffixes
            out.setdefault(spelling, child)
    return out
