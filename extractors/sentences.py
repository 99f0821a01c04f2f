"""Paragraphs, sentences and quotations of a text, as character offsets into it.

Every later step works on these offsets, so figures and statements point back into the
exact text they came from.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.cues import Cues

MAX_SENTENCE = 1200
"""Longer "sentences" (lists, tables, text without punctuation) are cut at whitespace near
this length, so that the per-sentence steps stay linear in the size of the text."""

_PARAGRAPH = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s)|(?<=[\"”»])(?=\s+[\"“«]\w)")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"”’»)\]]*$")
_NEXT = re.compile(r"\s*([^\s])")
_NEXT_WORD = re.compile(r"\s*(\w+)")
_WORD = re.compile(r"\w")
_NUMBER_BEFORE = re.compile(r"\d\S*\s*(?:[^\s\d]+\s+)?$")
"""A number ending within the word before: "$40 млрд.", "40 млрд долл."."""
_OPENING_MARKS = ('"', "“", "«")
_NAME_WORDS = 2
"""A quotation of at most this many words, the first capitalised, is a name ("Газпрома")."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text[start:end]``, in paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted speech ``text[start:end]``, marks included; parts of one quotation share ``group``."""

    start: int
    end: int
    group: int


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Sentences and quotations of one text, in text order."""

    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]

    def section_breaks(self, text: str) -> list[int]:
        """Paragraphs without a word ("***", "* * *", "---"): a break between sections. What
        follows one is a new part of the text (a background box after a transcript), where
        no turn or answer before it goes on."""
        return sorted(
            {s.paragraph for s in self.sentences if not _WORD.search(text, s.start, s.end)}
        )


def _is_boundary(text: str, end: int, para_start: int, cues: Cues) -> bool:
    """Whether a full stop ending at ``end`` closes a sentence (not an abbreviation)."""
    before = _WORD_BEFORE.search(text, max(para_start, end - 30), end)
    nxt = _NEXT.match(text, end)
    if nxt is None:
        return True
    if nxt.group(1).islower():
        return False
    if before is None:
        return True
    word = before.group(1).rstrip(".").lower()
    if text[end - 1] not in '."”’»)]' or "." not in text[before.start() : end]:
        return True
    if (
        word in cues.abbreviations_after_numbers
        and nxt.group(1).isupper()
        and _NUMBER_BEFORE.search(text, max(para_start, before.start() - 30), before.start())
    ):
        following = _NEXT_WORD.match(text, end)
        return following is None or following.group(1).lower() not in cues.units_after_abbreviations
    return not (word in cues.abbreviations or (len(word) == 1 and word.isalpha()))


def _quoted_name(text: str, para_start: int, end: int) -> bool:
    """Whether the quotation closing just before ``end`` is a name in quotation marks (at
    most two words, "Газпрома"), which does not end a sentence before the next quotation."""
    opening = max(text.rfind(mark, para_start, end - 1) for mark in _OPENING_MARKS)
    return opening >= 0 and _is_name(text[opening + 1 : end - 1])


def _cut(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Cut an over-long span into pieces of at most MAX_SENTENCE chars, at whitespace."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _sentences(text: str, p_start: int, p_end: int, index: int, cues: Cues) -> list[Sentence]:
    out: list[Sentence] = []
    start = p_start
    for match in _BOUNDARY.finditer(text, p_start, p_end):
        end = match.end()
        if end <= start or not _is_boundary(text, end, p_start, cues):
            continue
        if not match.group() and _quoted_name(text, p_start, end):
            continue  # 'в пресс-службе "Газпрома" "Интерфаксу" сообщили': names, not quotes
        out.extend(Sentence(a, b, index) for a, b in _cut(start, end, text) if text[a:b].strip())
        nxt = _NEXT.match(text, end, p_end)
        start = nxt.start(1) if nxt else p_end
    if start < p_end and text[start:p_end].strip():
        out.extend(Sentence(a, b, index) for a, b in _cut(start, p_end, text))
    return out


def _quotes(text: str, paragraphs: list[tuple[int, int]], cues: Cues) -> list[Quote]:
    """Quotations; one left open at a paragraph's end continues if the next paragraph
    opens with the same mark (the news convention for quotes over several paragraphs)."""
    openers = {o: c for o, c in cues.quotes}
    marks = re.compile("[" + re.escape("".join(set(openers) | set(openers.values()))) + "]")
    out: list[Quote] = []
    group = 0
    carried: str | None = None
    for p_start, p_end in paragraphs:
        closer: str | None = None
        open_at = scan_from = p_start
        if carried is not None and openers.get(text[p_start]) == carried:
            closer, scan_from = carried, p_start + 1
        carried = None
        for match in marks.finditer(text, scan_from, p_end):
            char, pos = match.group(), match.start()
            if closer is not None and char == closer:
                out.append(Quote(open_at, pos + 1, group))
                closer = None
            elif closer is None and char in openers:
                group += 1
                closer, open_at = openers[char], pos
        if closer is not None:
            out.append(Quote(open_at, p_end, group))
            carried = closer
    return [q for q in out if not _is_name(text[q.start + 1 : q.end - 1])]


def _is_name(inner: str) -> bool:
    """Whether a quotation holds only a name: one or two words, the first capitalised
    ("«Газпроме»", "Роснефти", «Ледокола»), as Russian writes company and outlet names."""
    words = inner.split()
    return 0 < len(words) <= _NAME_WORDS and inner[:1].isupper() and inner.strip() == inner


def clause(text: str, sentence: Sentence, pos: int, cues: Cues) -> tuple[int, int]:
    """The clause of ``sentence`` holding ``pos`` (between clause breaks)."""
    breaks = _breaks(text, sentence.start, sentence.end, cues.clause_break_re)
    if not breaks:
        return sentence.start, sentence.end  # a sentence of one clause (most)
    i = bisect.bisect_right(breaks, (pos, pos))
    lo = sentence.start
    for _start, end in reversed(breaks[:i]):
        if end <= pos:
            lo = end
            break
    hi = next((start for start, _ in breaks[i:] if start >= pos), sentence.end)
    return lo, hi


@lru_cache(maxsize=256)
def _breaks(text: str, lo: int, hi: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of the clause breaks of a sentence (cached: every figure in it asks)."""
    return [m.span() for m in pattern.finditer(text, lo, hi)]


def segment(text: str, cues: Cues) -> Segmentation:
    """Split ``text`` into sentences (never longer than MAX_SENTENCE) and quotations."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        lead = len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        sentences.extend(_sentences(text, p_start + lead, p_end, index, cues))
    trimmed = tuple(
        Sentence(s.start, s.start + len(text[s.start : s.end].rstrip()), s.paragraph)
        for s in sentences
    )
    return Segmentation(sentences=trimmed, quotes=tuple(_quotes(text, paragraphs, cues)))
