"""A writer's note that someone has not spoken: "the Kremlin never confirmed the deal",
"Кремль так и не подтвердил сделку", "کرملین هرگز ... را تایید نکرد".

Such a sentence is no statement (stance ``non_statement``), and the verb in it is no verb of
saying: "confirmed" and "подтвердил" are verbs of saying elsewhere, but here nobody said
anything, so nobody in the sentence is the claimant of its figures.

The cue file lists these notes whole (``stances.non_statement``), and may list adverbs of
absence (``absence.adverbs``: "never", "هرگز") that turn a later stance cue of their clause
(``absence.stances``) into one: a verb-final language puts the object between the adverb
and the verb, and English may put another adverb there ("never publicly confirmed").
"""

from __future__ import annotations

import re

from extractors.cues import Cues
from extractors.lexicon import TokenIndex

_SENTENCE_END = re.compile(r"[.!?؟]")


def absences(text: str, words: TokenIndex, cues: Cues) -> list[tuple[int, int]]:
    """Sorted spans of the stance cues in ``text`` that note an absence of speech."""
    found = list(zip(*words.spans("stance:non_statement"), strict=True))
    cue_spans = sorted(
        span
        for stance in cues.absence_stances
        for span in zip(*words.spans(f"stance:{stance}"), strict=True)
    )
    for _, end in zip(*words.spans("absence"), strict=True):
        nxt = next(((a, b) for a, b in cue_spans if a >= end), None)
        if nxt is None or nxt[0] - end > cues.absence_reach:
            continue
        gap = text[end : nxt[0]]
        if _SENTENCE_END.search(gap) or cues.clause_break_re.search(gap):
            continue
        found.append(nxt)
    return sorted(set(found))


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans``."""
    return any(a < end and start < b for a, b in spans)
