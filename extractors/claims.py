"""Figures → claims: which figures someone asserts about an Iran–Russia energy deal,
investment, trade or supply, of what kind, how qualified, by whom, between which parties.

A figure is a claim when (1) the document is about both Iran and Russia, (2) its clause or
sentence says what kind of figure it is (signed, talks, invest, trade grew, supply ...),
(3) the sentence, or failing that its paragraph, is about energy (or it is a trade or
volume figure), and (4) nothing marks it as something else: a price, a deal of a third
country, a sector outside energy (a railway loan). Everything else with a unit goes to
``other_figures`` with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from extractors.attribution import Attributor
from extractors.cues import Cues, load_cues, norm_key
from extractors.figures import MONEY_UNITS, Figure, find_figures, find_not_figures
from extractors.kremlin import KremlinStatement, find_statements
from extractors.people import Mention, find_mentions
from extractors.sentences import Sentence, segment

VOLUME_UNITS = frozenset({"bbl/d", "bbl", "bcm", "t"})
_CONTEXT_WINDOW = 600
MIN_DEAL = 1_000_000
"""Money under this (in its own currency) is a price, a fee or a wage, not a deal."""


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


def _clause(text: str, sentence: Sentence, pos: int, cues: Cues) -> tuple[int, int]:
    lo, hi = sentence.start, sentence.end
    for match in cues.clause_break_re.finditer(text, sentence.start, sentence.end):
        if match.end() <= pos:
            lo = match.end()
        elif match.start() >= pos:
            hi = match.start()
            break
    return lo, hi


def _kind(text: str, lo: int, hi: int, unit: str, cues: Cues) -> str | None:
    """The first kind (in cue-file order) whose cues all occur in [lo, hi)."""
    for cue in cues.kinds:
        if cue.units is not None and unit not in cue.units:
            continue
        if all(p.search(text, lo, hi) for p in cue.patterns):
            return cue.kind
    return None


def _nearest_country(ctx: _Context, lo: int, hi: int, fig: Figure) -> str | None:
    """Which side the country named nearest to the figure in its clause belongs to.

    Names to the right count double: the subject of a sentence stands before its figure."""
    best: tuple[int, str] | None = None
    for start, end, side in ctx.countries(lo, hi):
        if fig.start <= start < fig.end or ctx.text[end : end + 1] == "$":
            continue  # the "US" of "US$"
        gap = fig.start - end if end <= fig.start else 2 * (start - fig.end)
        if best is None or gap < best[0]:
            best = (gap, side)
    return best[1] if best else None


def _modality(text: str, lo: int, hi: int, pos: int, cues: Cues) -> str:
    if cues.context["denial"].search(text, lo, hi):
        return "denied"
    if cues.context["hypothetical"].search(text, lo, pos):
        return "hypothetical"
    return "asserted"


def _period(sentence_text: str, cues: Cues, published: date | None) -> str | None:
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
    if published is not None:
        if p["last_year"].search(sentence_text):
            return str(published.year - 1)
        if p["this_year"].search(sentence_text):
            return str(published.year)
    return None


def _parties(
    text: str, lo: int, hi: int, mentions: Sequence[Mention], cues: Cues
) -> tuple[str, ...]:
    found: list[tuple[int, str]] = []
    for match in cues.party_re.finditer(text, lo, hi):
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


class _Context:
    """Document-level facts the per-figure decisions need."""

    def __init__(self, text: str, cues: Cues) -> None:
        ctx = cues.context
        self.text = text
        self.cues = cues
        self.bilateral = bool(ctx["iran"].search(text) and ctx["russia"].search(text))
        self._found: dict[tuple[str, int, int], bool] = {}
        self._kinds: dict[tuple[int, int, str], str | None] = {}
        self._countries: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    def has(self, key: str, lo: int, hi: int) -> bool:
        """Whether context cue ``key`` occurs in [lo, hi) (memoised: many figures share a span)."""
        memo = (key, lo, hi)
        if memo not in self._found:
            self._found[memo] = self.cues.context[key].search(self.text, lo, hi) is not None
        return self._found[memo]

    def kind(self, lo: int, hi: int, unit: str) -> str | None:
        """Memoised :func:`_kind`."""
        memo = (lo, hi, unit)
        if memo not in self._kinds:
            self._kinds[memo] = _kind(self.text, lo, hi, unit, self.cues)
        return self._kinds[memo]

    def countries(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """(start, end, side) of every country name in [lo, hi), memoised."""
        if (lo, hi) not in self._countries:
            self._countries[(lo, hi)] = [
                (m.start(), m.end(), side)
                for side in ("iran", "russia", "bilateral", "third_country")
                for m in self.cues.context[side].finditer(self.text, lo, hi)
            ]
        return self._countries[(lo, hi)]

    def window(self, sentence: Sentence) -> tuple[int, int]:
        """A window of text around the sentence (across paragraph breaks)."""
        return max(0, sentence.start - _CONTEXT_WINDOW), sentence.end + _CONTEXT_WINDOW


def _judge(
    fig: Figure, sentence: Sentence, ctx: _Context, attributor: Attributor
) -> tuple[str | None, str]:
    """(kind, why-not): kind None means the figure is not a claim, for the reason given."""
    text, cues = ctx.text, ctx.cues
    unit = fig.unit or ""
    if fig.why_not:
        return None, fig.why_not
    if not ctx.bilateral:
        return None, "not about Iran–Russia"
    if cues.price_after_re.match(text, fig.end) or cues.price_before_re.search(
        text, max(sentence.start, fig.start - 40), fig.start
    ):
        return None, "price"
    lo, hi = _clause(text, sentence, fig.start, cues)
    sides = ctx.has("iran", lo, hi) or ctx.has("russia", lo, hi)
    sides = sides or ctx.has("bilateral", lo, hi)
    both_in_clause = ctx.has("bilateral", lo, hi) or (
        ctx.has("iran", lo, hi) and ctx.has("russia", lo, hi)
    )
    if not both_in_clause and _nearest_country(ctx, lo, hi, fig) == "third_country":
        return None, "deal of another country"
    if unit in MONEY_UNITS and fig.value < MIN_DEAL:
        return None, "too small for a deal (a price or a fee)"
    previous = attributor.previous_sentence(sentence)
    kind = (
        ctx.kind(lo, hi, unit)
        or ctx.kind(sentence.start, sentence.end, unit)
        or (previous and ctx.kind(previous.start, previous.end, unit))
        or None
    )
    if unit == "%" and kind not in ("trade_growth", "trade_volume"):
        return None, "a share or change, not a deal figure"
    energy = ctx.has("energy", lo, hi)
    off_sector = ctx.has("off_sector", lo, hi)
    if off_sector and not energy and not (kind or "").startswith("trade"):
        return None, "outside energy"
    p_lo, p_hi = ctx.window(sentence)
    energy = (
        energy or ctx.has("energy", sentence.start, sentence.end) or ctx.has("energy", p_lo, p_hi)
    )
    linked = sides or any(ctx.has(k, p_lo, p_hi) for k in ("iran", "russia", "bilateral"))
    both_in_sentence = ctx.has("iran", sentence.start, sentence.end) and ctx.has(
        "russia", sentence.start, sentence.end
    )
    if previous is not None and not both_in_sentence:
        both_in_sentence = ctx.has("iran", previous.start, sentence.end) and ctx.has(
            "russia", previous.start, sentence.end
        )
    if kind == "supply_volume" and not (ctx.has("bilateral", lo, hi) or both_in_sentence):
        return None, "not an Iran–Russia supply figure"
    if not linked:
        return None, "not about Iran–Russia"
    if kind is None:
        both = ctx.has("iran", sentence.start, sentence.end) and ctx.has(
            "russia", sentence.start, sentence.end
        )
        if unit in MONEY_UNITS and energy and both:
            return "other", ""
        return None, "not a deal figure"
    if kind.startswith("trade") or unit in VOLUME_UNITS or energy:
        return kind, ""
    return None, "outside energy"


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per figure, qualifier and kind in a document (a headline repeats the body);
    the mention that names a claimant wins."""
    best: dict[tuple[str, float, float | None, str, str], Claim] = {}
    for claim in claims:
        key = (claim.unit, claim.value, claim.value_high, claim.qualifier, claim.kind)
        if key not in best or (best[key].claimant is None and claim.claimant is not None):
            best[key] = claim
    return sorted(best.values(), key=lambda c: c.start)


def extract_claims(text: str, *, language: str = "en", published: date | None = None) -> Extraction:
    """Claims, Kremlin statements and other figures of a plain ``text``.

    Args:
        text: the article text; offsets in the result index into it.
        language: which cue file to use (``extractors/data/cues/<language>.json``).
        published: the article's date, for relative periods ("last year") and for
            picking the holder of an office ("the Kremlin spokesman").

    Returns:
        An Extraction; empty lists for an empty or figure-free text.
    """
    if not text or not text.strip():
        return Extraction()
    cues = load_cues(language)
    seg = segment(text, cues)
    figures = [f for f in find_figures(text, cues) if f.unit is not None]
    stance_hit = cues.any_stance_re.search(text) is not None
    others = [
        OtherFigure(n.text, n.value, None, n.why, n.start, n.end)
        for n in find_not_figures(text, cues)
    ]
    if not figures and not stance_hit:
        return Extraction(other_figures=others)
    mentions = find_mentions(text, seg, cues, published=published)
    attributor = Attributor(text, seg, mentions, cues)
    ctx = _Context(text, cues)
    claims: list[Claim] = []
    speakers: dict[int, tuple[Mention | None, Mention | None]] = {}
    for fig in figures:
        sentence = attributor.sentence_at(fig.start)
        if sentence is None:
            continue
        kind, why = _judge(fig, sentence, ctx, attributor)
        if kind is None:
            others.append(OtherFigure(fig.text, fig.value, fig.unit, why, fig.start, fig.end))
            continue
        claimant, attributed = attributor.claimant(fig.start, sentence)
        if claimant is None:
            # reported speech goes on without a new verb of saying
            claimant, attributed = speakers.get(sentence.paragraph, (None, None))
        else:
            speakers[sentence.paragraph] = (claimant, attributed)
        lo, hi = _clause(text, sentence, fig.start, cues)
        sentence_text = text[sentence.start : sentence.end]
        claims.append(
            Claim(
                text=fig.text,
                value=fig.value,
                unit=fig.unit or "",
                value_usd=fig.value_usd,
                qualifier=fig.qualifier,
                kind=kind,
                claimant=claimant.label if claimant else None,
                attributed_to=attributed.label if attributed else None,
                parties=_parties(
                    text,
                    sentence.start,
                    sentence.end,
                    attributor.between(sentence.start, sentence.end),
                    cues,
                ),
                period=_period(sentence_text, cues, published),
                sentence=sentence_text,
                start=fig.start,
                end=fig.end,
                value_high=fig.value_high,
                modality=_modality(text, lo, hi, fig.start, cues),
            )
        )
    claims = _dedupe(claims)
    statements = find_statements(text, attributor, cues, figures) if ctx.bilateral else []
    others.sort(key=lambda o: o.start)
    return Extraction(claims=claims, kremlin_statements=statements, other_figures=others)


__all__ = ["Claim", "Extraction", "OtherFigure", "extract_claims"]
