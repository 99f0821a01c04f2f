"""Statements by the Russian side about claims: who spoke, in what role, with what stance.

A sentence is a statement when it holds a stance cue (confirm, deny, cannot confirm, no
comment) whose speaker is Russian, and it concerns a deal or a claim: it names whose claims
("Velayati's claims"), or gives figures, or speaks of a deal, contract, investment, oil,
gas, trade or "the reports". A Kremlin remark on anything else is left out: false positives
would move the Kremlin status of a claim. Ministers and unnamed officials keep their own
roles; the tracker counts only the Kremlin's (DESIGN.md, "Tracking rules").
A writer's note that the Kremlin "never confirmed" is not a statement (cue ``non_statement``).
A stance whose only topic is a word for what was reported ("these reports", "such
information") is a statement only in a text that reports a claim; a bare refusal or denial
("The Kremlin declined to comment.") is about the figures of the sentence before. A
company's or a minister's with no figure before it is still their signal in a text that
reports claims; the Kremlin's, which moves a claim's status, is not.

A Kremlin voice (the president, his spokesman, an aide, the press service) that states a
figure itself, in its own reported or direct speech, confirms it: "Russia could supply up to
55 bcm a year, Putin said" is a statement with stance confirm about 55, whose claimant is
Putin. A figure put to him as a question, or relayed by someone else ("Velayati said Putin
stressed ..."), is not (:func:`confirmations`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from extractors.absence import inside
from extractors.cues import Cues, norm_key
from extractors.figures import Figure
from extractors.lexicon import TokenIndex, Tokens
from extractors.people import Mention
from extractors.sentences import Sentence, clause

if TYPE_CHECKING:
    from extractors.attribution import Attributor

RUSSIA = "RU"
KREMLIN_ROLES = frozenset(
    {"president", "kremlin_spokesman", "presidential_aide", "kremlin_press_service"}
)
PRESS_SERVICE = "Kremlin"
"""The gazetteer's name of the Kremlin as an institution: the speaker of every statement in
the press service's role, however the text names it ("the Kremlin", "В Кремле")."""
_VOICES = frozenset({"president", "kremlin_spokesman", "presidential_aide"})
"""Kremlin roles held by a person, who speaks for the Kremlin as an institution."""
_REFUSALS = frozenset({"no_comment", "cannot_confirm", "deny"})
"""Stances that may stand bare, their object the figures just reported ("It is a fake,"
Peskov said): a refusal or a denial; a bare "yes" is too rare to read as a confirmation."""
_CLAIM_WINDOW = 1500
"""How far back a statement's "these figures" may reach for the claims it means."""


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
    hearsay: bool = False
    """About a claim only by a word for what was reported ("the reports", "these figures"):
    a statement only in a text that reports a claim (:func:`need_claims`)."""

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
    return speaker.nationality == RUSSIA


def _stance(
    words: TokenIndex, lo: int, hi: int, cues: Cues, skip: frozenset[str] = frozenset()
) -> tuple[str, int] | None:
    if lo >= hi:
        return None  # an empty span (the clause of a sentence of one clause, after it)
    for stance in cues.stances:
        if stance in skip:
            continue
        found = words.first(f"stance:{stance}", lo, hi)
        split = _split(words, lo, hi, cues, stance) if stance in cues.split_stances else None
        if found is None or (split is not None and split < found):
            found = split
        if found is not None:
            return stance, found
    return None


def _split(words: TokenIndex, lo: int, hi: int, cues: Cues, stance: str) -> int | None:
    """Start of a cue of ``stance`` written in two parts in [lo, hi), an object between
    them in one clause ("подтвердить названные цифры не может")."""
    tokens = words.tokens
    for name, first, second in cues.stance_splits:
        if name != stance:
            continue
        for a_start, a_end in words.within(first, lo, hi):
            after = words.within(second, a_end, hi)
            if not after:
                break
            b_start = after[0][0]
            parts = _outside_relative(words, a_end, b_start)
            gap = sum(_words_between(tokens, start, end) for start, end in parts)
            if gap <= cues.split_reach and not any(
                cues.clause_break_re.search(tokens.text, start, end) for start, end in parts
            ):
                return a_start
    return None


def _outside_relative(words: TokenIndex, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of [start, end) outside a relative clause that the object between a
    split stance's parts holds, closed by a comma ("نمی‌تواند رقمی را که ولایتی مطرح کرده،
    تأیید کند": cannot confirm the figure Velayati raised)."""
    opened = words.within("context:complementizer", start, end)
    closes = list(_COMMA.finditer(words.tokens.text, opened[0][1], end)) if opened else []
    if not closes:
        return [(start, end)]
    return [(start, opened[0][0]), (closes[-1].end(), end)]


def _words_between(tokens: Tokens, start: int, end: int) -> int:
    """Words (not tokens: the hyphen of "пресс-службе" is no word of its own) in [start, end)."""
    return sum(
        any(c.isalnum() for c in word)
        for word in tokens.words[
            bisect.bisect_left(tokens.starts, start) : bisect.bisect_left(tokens.starts, end)
        ]
    )


_COMMA = re.compile(r"[,;](?!\d)")
"""A comma or semicolon between clauses, not one inside a number ("500,000")."""


def _second(
    text: str, words: TokenIndex, sentence: Sentence, first: tuple[str, int], cues: Cues
) -> tuple[str, int] | None:
    """Another stance of a sentence, in a clause of its own: "подтвердил факт подписания,
    но от оценки стоимости воздержался" both confirms and declines to comment."""
    lo, hi = clause(text, sentence, first[1], cues)
    skip = frozenset({first[0], "non_statement"})
    # a clause joined by a bare comma ("говорить преждевременно, никаких цифр нет") is one
    # the clause breaks do not mark
    comma = _COMMA.search(text, first[1], hi)
    return (
        _stance(words, hi, sentence.end, cues, skip)
        or _stance(words, sentence.start, lo, cues, skip)
        or (_stance(words, comma.end(), hi, cues, skip) if comma is not None else None)
    )


@dataclass(frozen=True, slots=True)
class Assertion:
    """A figure a speaker states in their own words, in sentence [start, end)."""

    speaker: Mention
    value: float
    start: int
    end: int
    sentence: str


def confirmations(assertions: Sequence[Assertion], cues: Cues) -> list[KremlinStatement]:
    """Kremlin voices that state figures themselves: one confirm statement per speaker,
    at the first sentence, about every value that speaker states in the document."""
    out: dict[str, KremlinStatement] = {}
    for item in assertions:
        if not _is_russian(item.speaker):
            continue
        role = _role(item.speaker, cues)
        if role not in KREMLIN_ROLES:
            continue
        label = item.speaker.label
        held = out.get(label)
        if held is None:
            out[label] = KremlinStatement(
                speaker=label,
                role=role,
                stance="confirm",
                about_claimant=label,
                about_values=(item.value,),
                sentence=item.sentence,
                start=item.start,
                end=item.end,
            )
        elif item.value not in held.about_values:
            out[label] = replace(held, about_values=(*held.about_values, item.value))
    return list(out.values())


def _prefer_reporter(
    speaker: Mention, attributor: Attributor, sentence: Sentence, cues: Cues
) -> Mention:
    """ "The Kremlin has no information ..., Peskov told reporters": the person who speaks
    for an institution is the speaker, not the institution he speaks of; so is the one the
    next sentence names as its source ("Кремль не может подтвердить эти цифры. Об этом
    сообщил Песков."), and so is the Kremlin voice whose answer or turn names the Kremlin."""
    if speaker.kind == "person":
        return speaker
    frames = attributor.frames(sentence.start, sentence.end)
    after = attributor.sentence_after(sentence)
    if (
        after is not None
        and cues.source_next_re is not None
        and cues.source_next_re.match(attributor.text, after.start)
    ):
        frames = [*frames, *attributor.frames(after.start, after.end)]
    for frame in frames:
        who = frame.speaker
        if (
            not frame.nominal
            and who.entity is not None
            and who.entity.kind == "person"
            and who.entity.country == RUSSIA
        ):
            return who
    turn = attributor.tagged(sentence)
    if (
        speaker.entity is not None
        and speaker.entity.role == "kremlin_press_service"
        and turn is not None
        and turn.entity is not None
        and turn.entity.kind == "person"
        and turn.entity.role in KREMLIN_ROLES
    ):
        return turn  # "Кремль коммерческие контракты не комментирует", in Peskov's own answer
    return speaker


def _about_span(attributor: Attributor, span: tuple[int, int], speaker: Mention) -> str | None:
    """The person a question was about ("Пескова спросили о цифрах Пакнежада"): a named
    person of the question other than the one asked."""
    return next(
        (
            m.label
            for m in attributor.between(*span)
            if m.entity is not None and m.entity.kind == "person" and m.label != speaker.label
        ),
        None,
    )


def _about(
    text: str,
    attributor: Attributor,
    cues: Cues,
    sentence: Sentence,
    speaker: Mention,
) -> str | None:
    """Whose claims a statement means: "X's claims", "the Iranian official's statements",
    "agreements announced by X"."""
    about = attributor.referenced_claimant(sentence.start, sentence.end)
    if about is not None and about.label != speaker.label:
        return about.label
    for match in cues.claim_by_re.finditer(text, sentence.start, sentence.end):
        named = attributor.between(match.end(), match.end() + 80)
        who = next((m for m in named if m.entity is not None and m.kind != "pronoun"), None)
        if who is not None and who.label != speaker.label:
            return who.label
    return None


def refer_back(
    statements: Sequence[KremlinStatement],
    text: str,
    cues: Cues,
    claimants: Sequence[tuple[int, str]],
) -> list[KremlinStatement]:
    """A statement about "these figures" or "such agreements", naming no one and no value,
    is about the claims reported just before it: their claimant (not the speaker) is
    ``about.claimant``. ``claimants``: sorted (offset, claimant) of the claims of the text."""
    out = []
    for st in statements:
        pointing = st.about_claimant is None and not st.about_values
        if pointing and cues.anaphora_re.search(text, st.start, st.end):
            i = bisect.bisect_left(claimants, (st.start,)) - 1
            while i >= 0 and claimants[i][0] >= st.start - _CLAIM_WINDOW:
                if claimants[i][1] != st.speaker:
                    st = replace(st, about_claimant=claimants[i][1])
                    break
                i -= 1
        out.append(st)
    return out


def _governed(
    words: TokenIndex, first: tuple[str, int], second: tuple[str, int] | None
) -> tuple[tuple[str, int], ...]:
    """The stances a sentence takes: both of two in clauses of their own, but one only when
    a stance verb governs an impersonal stance after it, in what it reports. "Confirmed
    that there is no such deal" denies; "denied reports that the parties had agreed" denies,
    and the agreement it reports is no confirmation."""
    if second is None:
        return (first,)
    verb, content = sorted((first, second), key=lambda stance: stance[1])
    if (
        verb[0] not in ("confirm", "deny")
        or not _impersonal(words, content[1])
        or _impersonal(words, verb[1])
    ):
        # only a verb that asserts reports what follows it: "говорить преждевременно,
        # никаких цифр нет" declines and denies
        return (first, second)
    return (content,) if verb[0] == "confirm" else (verb,)


def _impersonal(words: TokenIndex, pos: int) -> bool:
    """Whether the stance cue at ``pos`` is impersonal (its subject the thing reported)."""
    return words.first("impersonal_stance", pos, pos + 200) == pos


def find_statements(
    text: str,
    attributor: Attributor,
    cues: Cues,
    figures: Sequence[Figure],
) -> list[KremlinStatement]:
    """Russian statements about claims, in text order."""
    out: list[KremlinStatement] = []
    seen: set[int] = set()
    starts = [f.start for f in figures]
    words = attributor.words
    for hit in words.spans("any_stance")[0]:
        sentence = attributor.sentence_at(hit)
        if sentence is None or sentence.start in seen:
            continue
        seen.add(sentence.start)
        found = _stance(words, sentence.start, sentence.end, cues)
        if found is None or found[0] == "non_statement":
            continue
        second = _second(text, words, sentence, found, cues)
        taken: list[KremlinStatement] = []
        for stance, pos in _governed(words, found, second):
            taken.extend(_statement(text, attributor, cues, figures, starts, sentence, stance, pos))
        out.extend(_without_idle_refusals(taken))
    return out


def _without_idle_refusals(statements: list[KremlinStatement]) -> list[KremlinStatement]:
    """One sentence's statements, less a refusal to comment that names no figure beside the
    same speaker's denial or inability to confirm, which says more: "we have no information
    ..., adding that projects were a matter for the companies" cannot confirm. A
    confirmation keeps its refusal, which is about something else ("confirmed the signing
    but declined to give its value")."""
    stronger = {st.speaker for st in statements if st.stance in ("cannot_confirm", "deny")}
    return [
        st
        for st in statements
        if not (st.stance == "no_comment" and not st.about_values and st.speaker in stronger)
    ]


def _values_in(figures: Sequence[Figure], starts: list[int], lo: int, hi: int) -> tuple[float, ...]:
    """The values of the figures (with a unit) that start in [lo, hi); ``starts`` are theirs."""
    first, last = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return tuple(f.value for f in figures[first:last] if f.unit)


def _refusal_after_figures(
    attributor: Attributor,
    cues: Cues,
    figures: Sequence[Figure],
    starts: list[int],
    sentence: Sentence,
    speaker: Mention,
    stance: str,
) -> tuple[float, ...]:
    """The values of the sentence before a bare refusal or denial: "Owji said Iran would get
    up to 2 million tonnes. The Kremlin declined to comment." One that names someone else
    ("declined to comment on Putin's contacts with ...") is about them, not the figures."""
    if stance not in _REFUSALS:
        return ()
    others = [
        m
        for m in attributor.between(sentence.start, sentence.end)
        if m.label != speaker.label and m.kind in ("person", "pronoun", "unknown")
    ]
    before = None if others else attributor.sentence_before(sentence)
    return _values_in(figures, starts, before.start, before.end) if before else ()


def _statement(
    text: str,
    attributor: Attributor,
    cues: Cues,
    figures: Sequence[Figure],
    starts: list[int],
    sentence: Sentence,
    stance: str,
    pos: int,
) -> list[KremlinStatement]:
    """The statements of the stance cue at ``pos``, if a Russian takes it about a claim: one,
    or one per name of a coordinated subject ("Rosneft and Lukoil declined to comment")."""
    words = attributor.words
    if inside(attributor.absent, pos, pos + 1):
        return []  # "never publicly confirmed": a writer's note
    if attributor.asks(sentence) and attributor.quote_at(pos) is None:
        return []  # "Has Moscow confirmed those volumes?": a question takes no stance
    speaker = attributor.speaker_at(pos, sentence, impersonal=_impersonal(words, pos))
    if speaker is None or not _is_russian(speaker):
        return []
    teller = attributor.relayed_by(speaker, sentence) if stance == "confirm" else None
    if teller is not None and teller.nationality not in (None, "", RUSSIA):
        return []  # "Velayati said that Putin confirmed ...": Velayati's claim, not Putin's
    speaker = _prefer_reporter(speaker, attributor, sentence, cues)
    about = _about(text, attributor, cues, sentence, speaker)
    # the values of the statement's own clause on: "X claimed $50bn, though the Kremlin
    # had no information" is not a Kremlin statement about $50bn
    lo = clause(text, sentence, min(pos, speaker.start), cues)[0]
    values = _values_in(figures, starts, lo, sentence.end)
    topical = words.has("statement_topic", sentence.start, sentence.end)
    hearsay = not topical and (
        words.has("report_nouns", sentence.start, sentence.end)
        or bool(cues.anaphora_re.search(text, sentence.start, sentence.end))
    )
    if about is None and not values and not topical and not hearsay:
        asked = attributor.question_before(sentence)
        if asked is not None:
            # "Can you confirm the $2 bcm?" / "PESKOV: No, that is not correct.": an answer in
            # a transcript or an interview is about what the question before it asked
            values = _values_in(figures, starts, *asked)
            if not values and not words.has("statement_topic", *asked):
                if not words.has("report_nouns", *asked):
                    return []
                hearsay = True
            about = about or _about_span(attributor, asked, speaker)
        else:
            values = _refusal_after_figures(
                attributor, cues, figures, starts, sentence, speaker, stance
            )
            if not values and (stance not in _REFUSALS or _role(speaker, cues) in KREMLIN_ROLES):
                return []
            # a company's or a ministry's bare refusal ("Rosneft declined to comment") is
            # about what the text reports; the Kremlin's, whose status it would move, only
            # about the figures just before it
            hearsay = not values
    out = []
    for who in (*attributor.coordinated_with(speaker), speaker):
        if not _is_russian(who):
            continue
        role = _role(who, cues)
        out.append(
            KremlinStatement(
                speaker=PRESS_SERVICE if role == "kremlin_press_service" else who.label,
                role=role,
                stance=stance,
                about_claimant=about,
                about_values=values,
                sentence=text[sentence.start : sentence.end],
                start=sentence.start,
                end=sentence.end,
                hearsay=hearsay and about is None and not values,
            )
        )
    return out


def need_claims(statements: Sequence[KremlinStatement], claims: int) -> list[KremlinStatement]:
    """Without a claim in the text, a stance on "the reports" or "such information" is about
    something else ("В Кремле не располагают информацией о встрече президентов"): keep only
    the statements that name a deal, a figure or a claimant. ``claims``: how many the text
    reports."""
    return list(statements) if claims else [st for st in statements if not st.hearsay]


def drop_repeats(
    statements: Sequence[KremlinStatement], headings: frozenset[int]
) -> list[KremlinStatement]:
    """One statement reported twice is one statement: a heading restates the body (when the
    body has a statement of the same stance: "В Москве этого не подтверждают" over the
    ministry's words), and "the Kremlin said" sums up what its spokesman said, when a
    statement of the same stance by a person speaking for the Kremlin is in the text.
    ``headings``: starts of heading sentences."""
    # The roles each stance has in the body, found once (not per statement: a long text holds
    # hundreds). A statement itself never counts: a heading is not in the body, and the press
    # service is not one of the voices.
    body_roles: dict[str, set[str]] = {}
    for o in statements:
        if o.start not in headings:
            body_roles.setdefault(o.stance, set()).add(o.role)
    out = []
    for st in statements:
        roles = body_roles.get(st.stance, set())
        if st.start in headings and roles:
            continue
        if st.role == "kremlin_press_service" and not roles.isdisjoint(_VOICES):
            continue
        out.append(st)
    return out
