"""Statements by the Russian side about claims: who spoke, in what role, with what stance.

A sentence is a statement when it holds a stance cue (confirm, deny, cannot confirm, no
comment) whose speaker is Russian, and it concerns a deal or a claim: it names whose claims
("Velayati's claims"), or gives figures, or speaks of a deal, contract, investment, oil,
gas, trade or "the reports". A Kremlin remark on anything else is left out: false positives
would move the Kremlin status of a claim. Ministers and unnamed officials keep their own
roles; the tracker counts only the Kremlin's (DESIGN.md, "Tracking rules").
A writer's note that the Kremlin "never confirmed" is not a statement (cue ``non_statement``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from extractors.cues import Cues, norm_key
from extractors.figures import Figure
from extractors.people import Mention

if TYPE_CHECKING:
    from extractors.attribution import Attributor

RUSSIA = "RU"


@dataclass(frozen=True, slots=True)
class KremlinStatement:
    """A Russian statement about a claim."""

    speaker: str
    role: str
    stance: str
    about_claimant: str | None
    about_values: tuple[float, ...]
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The contract shape."""
        return {
            "speaker": self.speaker,
            "role": self.role,
            "stance": self.stance,
            "about": {
                "claimant": self.about_claimant,
                "values": [int(v) if float(v).is_integer() else v for v in self.about_values],
            },
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


def _role(speaker: Mention, cues: Cues) -> str:
    ent = speaker.entity
    if ent is not None and ent.country == RUSSIA and ent.role != "other":
        return ent.role
    phrase = norm_key(speaker.text).replace("’", "'")
    for key, role in cues.speaker_roles:
        if key in phrase:
            return role
    return "other" if ent is not None and ent.kind == "org" else "russian_official"


def _is_russian(speaker: Mention) -> bool:
    if speaker.entity is not None:
        return speaker.entity.country == RUSSIA
    return speaker.country == RUSSIA


def _stance(text: str, lo: int, hi: int, cues: Cues) -> tuple[str, int] | None:
    for stance, pattern in cues.stances:
        match = pattern.search(text, lo, hi)
        if match:
            return stance, match.start()
    return None


def find_statements(
    text: str, attributor: Attributor, cues: Cues, figures: Sequence[Figure]
) -> list[KremlinStatement]:
    """Russian statements about claims, in text order."""
    out: list[KremlinStatement] = []
    seen: set[int] = set()
    starts = [f.start for f in figures]
    for hit in cues.any_stance_re.finditer(text):
        sentence = attributor.sentence_at(hit.start())
        if sentence is None or sentence.start in seen:
            continue
        seen.add(sentence.start)
        found = _stance(text, sentence.start, sentence.end, cues)
        if found is None or found[0] == "non_statement":
            continue
        stance, pos = found
        speaker = attributor.speaker_at(pos, sentence)
        if speaker is None or not _is_russian(speaker):
            continue
        about = attributor.referenced_claimant(sentence.start, sentence.end)
        if about is not None and about.label == speaker.label:
            about = None
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        values = tuple(f.value for f in figures[first:last] if f.unit)
        topical = cues.statement_topic_re.search(text, sentence.start, sentence.end)
        if about is None and not values and topical is None:
            continue
        out.append(
            KremlinStatement(
                speaker=speaker.label,
                role=_role(speaker, cues),
                stance=stance,
                about_claimant=about.label if about else None,
                about_values=values,
                sentence=text[sentence.start : sentence.end],
                start=sentence.start,
                end=sentence.end,
            )
        )
    return out
