"""Figures → claims: which figures someone asserts about an Iran–Russia energy deal,
investment, trade or supply, of what kind, how qualified, by whom, between which parties.

Which figures are claims, and of what kind, is decided in :mod:`extractors.judge`; this
module assembles the claims with their claimant, parties and period, settles repetitions
(a headline or a back-reference restating a figure of the text is not a second claim), and
adds the Kremlin statements of :mod:`extractors.kremlin`.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from extractors.absence import inside
from extractors.attribution import Attributor
from extractors.cues import Cues, load_cues, norm_key
from extractors.figures import CONVERSION, conversions, find_figures, find_not_figures
from extractors.judge import (
    NOT_BILATERAL,
    SIDE_COUNTRY,
    DocContext,
    judge,
    modality,
    put_to_speaker,
)
from extractors.kinds import family_of
from extractors.kremlin import (
    Assertion,
    KremlinStatement,
    confirmations,
    drop_repeats,
    find_statements,
    need_claims,
    refer_back,
)
from extractors.lexicon import Tokens, matches_at, starts_near
from extractors.people import Mention, find_mentions, named_countries
from extractors.sentences import Segmentation, segment

logger = logging.getLogger(__name__)

TOLERANCE = 0.01
"""Two figures within 1% of the larger are the same figure (as in tracking, DESIGN.md)."""
HEADING_MAX = 160
"""A paragraph this short and without a closing full stop is a heading."""
_DEFINITE_LOOKBACK = 12
PARTY_REACH = 16
"""How many tokens before its nationality a party phrase may start ("one of the two other
state-owned Russian ..." is 11)."""
MAX_TEXT = 1_000_000
"""Characters read from one text. News articles are a few tens of KB; past this a text is a
dump or a feed gone wrong, and only its beginning (to a paragraph break) is read, so that
extraction of any input stays cheap."""
HEADING = "a heading restating a figure of the text"
BACK_REFERENCE = "refers back to a figure claimed in the text"
"""Why a definite mention ("the $4 billion contract") is dropped: unless a new speaker
makes it their own claim, it restates the figure claimed elsewhere in the text."""
QUESTIONED = "a figure a question puts to the speaker"


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e18 else round(value, 6)


@dataclass(frozen=True, slots=True)
class OtherFigure:
    """A number that is not a claim, and why."""

    text: str
    value: float | None
    unit: str | None
    why: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The contract shape (start/end are extra keys)."""
        return {
            "text": self.text,
            "value": _number(self.value),
            "unit": self.unit,
            "why": self.why,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure someone asserts about an Iran–Russia deal, investment, trade or supply."""

    text: str
    value: float
    unit: str
    value_usd: float | None
    qualifier: str
    kind: str
    claimant: str | None
    attributed_to: str | None
    parties: tuple[str, ...]
    period: str | None
    sentence: str
    start: int
    end: int
    value_high: float | None = None
    modality: str = "asserted"

    def to_dict(self) -> dict[str, Any]:
        """The contract shape, plus ``modality`` and (for ranges) ``value_high``."""
        out: dict[str, Any] = {
            "text": self.text,
            "value": _number(self.value),
            "unit": self.unit,
            "value_usd": _number(self.value_usd),
            "qualifier": self.qualifier,
            "kind": self.kind,
            "claimant": self.claimant,
            "attributed_to": self.attributed_to,
            "parties": list(self.parties),
            "period": self.period,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "modality": self.modality,
        }
        if self.value_high is not None:
            out["value_high"] = _number(self.value_high)
        return out


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one text."""

    claims: list[Claim] = field(default_factory=list)
    kremlin_statements: list[KremlinStatement] = field(default_factory=list)
    other_figures: list[OtherFigure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``claims``, ``kremlin_statements`` and ``other_figures`` in the contract shape."""
        return {
            "claims": [c.to_dict() for c in self.claims],
            "kremlin_statements": [k.to_dict() for k in self.kremlin_statements],
            "other_figures": [o.to_dict() for o in self.other_figures],
        }


def solar_year_span(year: int) -> str:
    """The Gregorian months of solar hijri ``year`` (EDTF): it opens at Nowruz, the March
    equinox (20 or 21 March) of Gregorian year ``year + 621``, and ends the next March, so
    1397 is ``2018-03/2019-03``. The months are exact; the day of Nowruz is not needed."""
    return f"{year + 621}-03/{year + 622}-03"


def _period(sentence_text: str, cues: Cues, published: date | None) -> str | None:
    p = cues.periods
    if cues.period_year_re.search(sentence_text):
        found = _dated_period(sentence_text, cues)
        if found is not None:
            return found
    if published is not None:
        if p["last_year"].search(sentence_text):
            return str(published.year - 1)
        if p["this_year"].search(sentence_text):
            return str(published.year)
    return None


def _dated_period(sentence_text: str, cues: Cues) -> str | None:
    """The period of a sentence that names its year (:data:`YEAR_PERIODS`)."""
    p = cues.periods
    if m := p["first_months"].search(sentence_text):
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else int(cues.number_words.get(norm_key(raw), 0))
        if 1 <= n <= 12:
            return f"{m.group('year')}-01/{m.group('year')}-{n:02d}"
    if m := p["first_half"].search(sentence_text):
        return f"{m.group('year')}-01/{m.group('year')}-06"
    if m := p["quarter"].search(sentence_text):
        q = cues.quarters[m.group("q").lower()]
        return f"{m.group('year')}-{3 * q - 2:02d}/{m.group('year')}-{3 * q:02d}"
    if m := p["month_span"].search(sentence_text):
        a, b = cues.months[m.group("m1").lower()], cues.months[m.group("m2").lower()]
        return f"{m.group('year')}-{a:02d}/{m.group('year')}-{b:02d}"
    if m := p["by_year"].search(sentence_text):
        return f"../{m.group('year')}"  # EDTF open start: "by 2030"
    if m := p["in_year"].search(sentence_text):
        return m.group("year")
    if "in_solar_year" in p and (m := p["in_solar_year"].search(sentence_text)):
        return solar_year_span(int(m.group("year")))
    return None


def _parties(
    tokens: Tokens, lo: int, hi: int, mentions: Sequence[Mention], cues: Cues
) -> tuple[str, ...]:
    found: list[tuple[int, str]] = []
    text = tokens.text
    anchors = tokens.between(cues.party_nationalities, lo, hi)
    starts = starts_near(tokens, anchors, cues.party_first_words, PARTY_REACH, lo=lo)
    for match in matches_at(cues.party_re, text, starts, hi):
        found.append((match.start(), match.group().replace("’", "'")))
    for mention in mentions:
        ent = mention.entity
        if not (lo <= mention.start < hi and mention.kind == "org" and ent) or ent.role != "other":
            continue  # the Kremlin and ministries speak; companies are parties
        if not any(a <= mention.start < a + len(t) for a, t in found):
            found.append((mention.start, ent.name))
    seen: dict[str, None] = {}
    for _, name in sorted(found):
        seen.setdefault(name, None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class _Found:
    """A claim before repetitions are settled, with what settling needs."""

    claim: Claim
    speaker: Mention | None
    echo: str | None
    """Why this mention may only repeat a figure claimed elsewhere (heading, back-reference)."""


class _Values:
    """Sorted values per key, to ask in O(log n) whether a figure within 1% is among them."""

    def __init__(self) -> None:
        self._by: dict[tuple[Any, ...], list[float]] = {}

    def add(self, key: tuple[Any, ...], value: float) -> None:
        self._by.setdefault(key, []).append(value)

    def freeze(self) -> None:
        for values in self._by.values():
            values.sort()

    def has(self, key: tuple[Any, ...], value: float) -> bool:
        values = self._by.get(key)
        if not values:
            return False
        lo, hi = sorted((value / (1 + TOLERANCE), value * (1 + TOLERANCE)))
        i = bisect.bisect_left(values, lo)
        return i < len(values) and values[i] <= hi


def _settle(found: list[_Found]) -> tuple[list[_Found], list[OtherFigure]]:
    """One claim per figure, kind, qualifier and claimant in a document.

    A heading, a figure a denial quotes, or a back-reference by the same or no speaker
    ("the $4 billion contract"), that restates a figure claimed in the text is not a claim
    of its own; nor is a claimant-less mention of a figure the text attributes to someone."""
    primary, attributed, body = _Values(), _Values(), _Values()
    for f in found:
        c = f.claim
        if f.echo != HEADING:
            body.add((c.unit,), c.value)
        if f.echo is not None:
            continue  # a heading or a back-reference restates; it attributes nothing anew
        primary.add((c.unit,), c.value)
        primary.add((c.unit, c.claimant), c.value)
        if c.claimant is not None:
            attributed.add((c.unit, c.kind), c.value)
    primary.freeze()
    attributed.freeze()
    body.freeze()
    dropped: list[OtherFigure] = []
    kept: dict[tuple[Any, ...], _Found] = {}
    for item in found:
        c = item.claim
        why = None
        if item.echo == HEADING and body.has((c.unit,), c.value):
            why = item.echo  # the body gives the figure, if only as what a statement answers
        elif item.echo:
            by_anyone = item.echo != BACK_REFERENCE or c.claimant is None
            if primary.has((c.unit,) if by_anyone else (c.unit, c.claimant), c.value):
                why = item.echo
        if why is None and c.claimant is None and attributed.has((c.unit, c.kind), c.value):
            why = "repeats a figure attributed in the text"
        if why:
            dropped.append(OtherFigure(c.text, c.value, c.unit, why, c.start, c.end))
            continue
        # the same claim told twice, once as relayed ("X said Putin told him ...") and once
        # in X's own quotation, is one claim: the relayed telling says more; so is a deal's
        # value told as signed and then as invested ("a roadmap ... up to $30 billion")
        key = (c.unit, c.value, c.value_high, c.qualifier, family_of(c.kind), c.claimant)
        held = kept.get(key)
        if held is None or (held.claim.attributed_to is None and c.attributed_to is not None):
            kept[key] = item
    return sorted(kept.values(), key=lambda f: f.claim.start), dropped


def _headings(seg: Segmentation, text: str) -> frozenset[int]:
    """Paragraphs that are headings: short, and without a closing full stop. A heading may
    hold two sentences ("... на $4 млрд. В Москве этого не подтверждают")."""
    spans: dict[int, tuple[int, int]] = {}
    for s in seg.sentences:
        start, _ = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (start, s.end)
    if len(spans) < 2:
        return frozenset()
    return frozenset(
        paragraph
        for paragraph, (start, end) in spans.items()
        if end - start <= HEADING_MAX
        and not text[start:end].rstrip().rstrip('"”’»)]').endswith(".")  # ."  .»
    )


def _may_be_bilateral(text: str, cues: Cues) -> bool:
    """Whether the text names both sides (a country word or a gazetteer name of each): a
    cheap test that is never False when :class:`DocContext` finds the text bilateral."""
    words = cues.lexicon.index(text)
    countries = named_countries(text, cues)
    return (SIDE_COUNTRY["iran"] in countries or bool(words.spans("context:iran")[0])) and (
        SIDE_COUNTRY["russia"] in countries or bool(words.spans("context:russia")[0])
    )


def _extract(text: str, *, language: str = "en", published: date | None = None) -> Extraction:
    """:func:`extract_claims` on a text already in its language's normalised form."""
    if not text or not text.strip():
        return Extraction()
    if len(text) > MAX_TEXT:
        cut = text.rfind("\n", MAX_TEXT // 2, MAX_TEXT)
        logger.warning("text of %s characters: reading the first %s", len(text), MAX_TEXT)
        text = text[: cut if cut > 0 else MAX_TEXT]
    cues = load_cues(language)
    figures = [f for f in find_figures(text, cues) if f.unit is not None]
    stance_hit = bool(cues.lexicon.index(text).spans("any_stance")[0])
    others = [
        OtherFigure(n.text, n.value, None, n.why, n.start, n.end)
        for n in find_not_figures(text, cues)
    ]
    if not figures and not stance_hit:
        return Extraction(other_figures=others)
    if not _may_be_bilateral(text, cues):
        # no claim and no statement: skip speakers and sentences (most of a news stream)
        others += [
            OtherFigure(f.text, f.value, f.unit, f.why_not or NOT_BILATERAL, f.start, f.end)
            for f in figures
        ]
        others.sort(key=lambda o: o.start)
        return Extraction(other_figures=others)
    seg = segment(text, cues)
    mentions = find_mentions(text, seg, cues, published=published)
    attributor = Attributor(text, seg, mentions, cues)
    ctx = DocContext(text, cues, attributor.mentions, figures)
    statements = find_statements(text, attributor, cues, figures) if ctx.bilateral else []
    statement_at = {st.start: st for st in statements}
    headings = _headings(seg, text)
    found: list[_Found] = []
    speakers: dict[int, tuple[Mention | None, Mention | None]] = {}
    about_sentence: dict[int, tuple[tuple[str, ...], str | None]] = {}
    converted = conversions(figures, text)
    for fig in figures:
        sentence = attributor.sentence_at(fig.start)
        if sentence is None:
            continue
        kind, why = (
            (None, CONVERSION) if fig.start in converted else judge(fig, sentence, ctx, attributor)
        )
        if kind is None:
            others.append(OtherFigure(fig.text, fig.value, fig.unit, why, fig.start, fig.end))
            continue
        claimant, attributed = attributor.claimant(fig.start, sentence)
        if claimant is None and not inside(attributor.absent, sentence.start, sentence.end):
            # reported speech goes on without a new verb of saying (not through the
            # writer's note that someone never confirmed it)
            claimant, attributed = speakers.get(sentence.paragraph, (None, None))
        else:
            speakers[sentence.paragraph] = (claimant, attributed)
        answer = statement_at.get(sentence.start)
        echo = None
        if sentence.paragraph in headings:
            echo = HEADING
        elif answer is not None and answer.stance != "confirm":
            echo = "a figure a statement refers to"
        elif put_to_speaker(ctx, sentence, fig.start):
            # "Asked whether the Kremlin confirms the $40 billion, Peskov said ...": the
            # figure the text reports elsewhere, put to him, is not his claim
            echo = QUESTIONED
        elif cues.definite_before_re.search(
            text, max(sentence.start, fig.start - _DEFINITE_LOOKBACK), fig.start
        ):
            echo = BACK_REFERENCE
        sentence_text = text[sentence.start : sentence.end]
        if sentence.start not in about_sentence:
            about_sentence[sentence.start] = (
                _parties(
                    ctx.tokens,
                    sentence.start,
                    sentence.end,
                    attributor.between(sentence.start, sentence.end),
                    cues,
                ),
                _period(sentence_text, cues, published),
            )
        parties, period = about_sentence[sentence.start]
        claimant_label = claimant.label if claimant else None
        if answer is not None and answer.stance != "confirm" and claimant_label == answer.speaker:
            # "Peskov could not confirm reports of $7 billion": the figure is not the
            # speaker's; it is whoever the statement says it came from, if anyone
            claimant_label = answer.about_claimant
        claim = Claim(
            text=fig.text,
            value=fig.value,
            unit=fig.unit or "",
            value_usd=fig.value_usd,
            qualifier=fig.qualifier,
            kind=kind,
            claimant=claimant_label,
            # "a statement by Velayati that ..." relays no one but Velayati himself
            attributed_to=(
                attributed.label if attributed and attributed.label != claimant_label else None
            ),
            parties=parties,
            period=period,
            sentence=sentence_text,
            start=fig.start,
            end=fig.end,
            value_high=fig.value_high,
            modality=modality(ctx, sentence, fig, attributed or claimant),
        )
        found.append(_Found(claim, None if attributed else claimant, echo))
    kept, dropped = _settle(found)
    others.extend(dropped)
    sentence_of = {id(f): attributor.sentence_at(f.claim.start) for f in kept}
    statements += confirmations(
        [
            Assertion(f.speaker, value, s.start, s.end, f.claim.sentence)
            for f in kept
            if f.speaker is not None
            and f.echo is None
            and f.claim.modality == "asserted"
            and (s := sentence_of[id(f)]) is not None
            and s.start not in statement_at
            for value in (f.claim.value, f.claim.value_high)
            if value is not None
        ],
        cues,
    )
    claimants = sorted((f.claim.start, f.claim.claimant) for f in kept if f.claim.claimant)
    statements = need_claims(refer_back(statements, text, cues, claimants), len(kept))
    heading_starts = frozenset(s.start for s in seg.sentences if s.paragraph in headings)
    statements = drop_repeats(statements, heading_starts)
    statements.sort(key=lambda st: st.start)
    others.sort(key=lambda o: o.start)
    return Extraction(
        claims=[f.claim for f in kept], kremlin_statements=statements, other_figures=others
    )


def _in_original(result: Extraction, normalised: str, original: str) -> Extraction:
    """``result`` with its texts as ``original`` writes them (the offsets are shared)."""

    absent: set[str] = set()

    def quoted(phrase: str | None, near: int) -> str | None:
        """A phrase of the text (a role, a group) as the original writes it; names of the
        gazetteer are not in the text and stay as they are (looked for once: a search
        that fails reads the whole text)."""
        if not phrase or phrase in absent:
            return phrase
        at = normalised.rfind(phrase, 0, near)
        at = at if at >= 0 else normalised.find(phrase)
        if at < 0:
            absent.add(phrase)
            return phrase
        return original[at : at + len(phrase)]

    claims = []
    for c in result.claims:
        n = len(c.sentence)
        at = normalised.rfind(c.sentence, max(0, c.end - n), c.start + n)
        claims.append(
            replace(
                c,
                text=original[c.start : c.end],
                sentence=original[at : at + n] if at >= 0 else c.sentence,
                claimant=quoted(c.claimant, c.start),
                attributed_to=quoted(c.attributed_to, c.start),
                parties=tuple(quoted(p, at + n if at >= 0 else c.end) or p for p in c.parties),
            )
        )
    statements = [
        replace(
            k,
            sentence=original[k.start : k.end],
            speaker=quoted(k.speaker, k.end) or k.speaker,
            about_claimant=quoted(k.about_claimant, k.end),
        )
        for k in result.kremlin_statements
    ]
    return Extraction(
        claims=claims,
        kremlin_statements=statements,
        other_figures=[
            OtherFigure(original[o.start : o.end], o.value, o.unit, o.why, o.start, o.end)
            for o in result.other_figures
        ],
    )


def extract_claims(text: str, *, language: str = "en", published: date | None = None) -> Extraction:
    """Claims, Kremlin statements and other figures of a plain ``text``.

    The text is read in its language's normalised form (:mod:`extractors.normalise`), whose
    offsets are those of ``text``; the texts in the result are quoted from ``text`` itself.

    Args:
        text: the article text; offsets in the result index into it.
        language: which cue file to use (``extractors/data/cues/<language>.json``).
        published: the article's date, for relative periods ("last year") and for
            picking the holder of an office ("the Kremlin spokesman").

    Returns:
        An Extraction; empty lists for an empty or figure-free text. A text longer than
        MAX_TEXT is read up to a paragraph break before that length.
    """
    normalised = load_cues(language).normalise(text) if text and text.strip() else text
    result = _extract(normalised, language=language, published=published)
    return result if normalised == text else _in_original(result, normalised, text)


__all__ = ["Claim", "Extraction", "OtherFigure", "extract_claims"]
