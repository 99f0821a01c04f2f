"""Speaker tags: a paragraph that opens with a speaker's name and a colon is that speaker's,
and so are the paragraphs after it, up to the next tag (a transcript gives the floor once).

Transcripts and live posts name who speaks in front of what they say, not with a verb:
"PUTIN (voice-over): ...", "ПУТИН (синхрон): ...". A channel post may announce a quotation
in a first paragraph that opens with the name and ends with a colon ("Песков — о сделке:"),
whose next paragraph is the quotation. Names written in capitals are read as names.
Only people count: the gazetteer's, or one the text has named in full before by a given name
("Ольга Мещерякова ... МЕЩЕРЯКОВА: ..."); a tag such as "ANCHOR:" names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from extractors.cues import Cues
from extractors.lexicon import tokenise
from extractors.people import Mention, may_name, named_mentions
from extractors.sentences import Segmentation

_TAG = re.compile(
    r"[ \t]*(?P<name>(?:[^\W\d_]\.[ \t]?){0,2}[^\W\d_][\w’'-]*+(?:[ \t]+[^\W\d_][\w’'-]*+){0,5})"
    r"(?:,[ \t]*[^\W\d_][^\n:()]{0,60})?"
    r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?:"
)
"""A paragraph's opening name (up to six words, after up to two initials: the Kremlin's own
transcripts tag "В.Путин:"), perhaps a description after a comma ("VLADIMIR PUTIN, RUSSIAN
PRESIDENT (VOICE OF INTERPRETER):"), and the colon after it. The
words are possessive (``*+``): what follows a word is never a word character, so giving one
back could not make a match, and trying (every paragraph opens with words) was the cost."""
_WORD = re.compile(r"\w")
"""A lead-in opens with its name: only marks and emoji ("⚡️") may stand before it."""
_LEAD_IN_MAX = 200
"""Longest first paragraph read as a lead-in to the quotation after it."""


def _strangers(people: Sequence[Mention]) -> dict[tuple[str, ...], Mention]:
    """The people no list holds, by the words of their full name and of their surname, each
    at its first mention (read once per text, not once per tag)."""
    out: dict[tuple[str, ...], Mention] = {}
    for m in people:
        if m.kind == "unknown" and m.entity is not None:
            name = tuple(m.entity.name.casefold().split())
            out.setdefault(name, m)
            out.setdefault(name[-1:], m)
    return out


def _stranger(
    text: str, start: int, end: int, strangers: Mapping[tuple[str, ...], Mention]
) -> Mention | None:
    """The person no list holds, named before the tag, whose full name or surname the tag
    is ("МЕЩЕРЯКОВА:", "DANIEL HARPER:")."""
    m = strangers.get(tuple(text[start:end].casefold().split()))
    if m is None or m.start >= start:
        return None
    return replace(m, start=start, end=end, text=text[start:end])


def _person(
    text: str, start: int, end: int, cues: Cues, strangers: Mapping[tuple[str, ...], Mention]
) -> Mention | None:
    """The person whose name ends text[start:end] (capitals read as a name): a tag is a
    name, perhaps after a title ("President of Russia Vladimir Putin:"), never a phrase
    that merely holds one ("Velayati's numbers:", a headline)."""
    if not may_name(tokenise(text), start, end):
        # most tags ("He added:", "وی افزود:") name no one the gazetteer knows
        return _stranger(text, start, end, strangers)
    words = text[start:end]
    if words.isupper():
        words = " ".join(w.capitalize() for w in words.split(" "))
    for m in named_mentions(words, cues):
        if m.kind == "person" and m.entity is not None and m.end == len(words):
            return replace(m, start=start + m.start, end=start + m.end, text=text[start:end])
    return None


def tag_speakers(
    text: str, seg: Segmentation, cues: Cues, people: Sequence[Mention] = ()
) -> dict[int, Mention]:
    """Paragraph index → the person a speaker tag or a lead-in gives it to; ``people``, the
    text's resolved mentions in order, lend the names no list holds."""
    strangers = _strangers(people)
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for s in seg.sentences:
        first.setdefault(s.paragraph, s.start)
        last[s.paragraph] = s.end
    out: dict[int, Mention] = {}
    floor: Mention | None = None
    tags = {paragraph: _TAG.match(text, start) for paragraph, start in first.items()}
    # a transcript tags turn after turn; one tag alone (a headline "Peskov: ...") is no
    # transcript, and what follows it is the writer's
    transcript = sum(tag is not None for tag in tags.values()) > 1
    breaks = set(seg.section_breaks(text))
    for paragraph, start in first.items():
        tag = tags[paragraph]
        if paragraph in breaks:
            floor = None  # the transcript ends: a background box may follow
        elif tag is not None:
            # a transcript's speaker keeps the floor until the next tag ("ANCHOR:", "Q:")
            floor = _person(text, *tag.span("name"), cues, strangers)
        elif not transcript:
            floor = None
        if floor is not None:
            out[paragraph] = floor
            continue
        end = last[paragraph]
        if text[start:end].rstrip().endswith(":") and end - start <= _LEAD_IN_MAX:
            lead = named_mentions(text[start:end], cues)
            if (
                lead
                and not _WORD.search(text, start, start + lead[0].start)
                and lead[0].kind == "person"
                and lead[0].entity
            ):
                m = lead[0]
                out.setdefault(paragraph + 1, replace(m, start=start + m.start, end=start + m.end))
    return out
