"""Which figures are claims, of what kind, and in what modality.

A figure is a claim when (1) the document is about both Iran and Russia, (2) its clause or
sentence says what kind of figure it is (signed, talks, invest, trade grew, supply ...),
(3) the sentence, or failing that its surroundings, is about energy (or it is a trade or
volume figure), and (4) nothing marks it as something else: a price, a deal of a third
country, a sector outside energy (a railway loan). Everything else with a unit goes to
``other_figures`` with the reason.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from extractors.attribution import Attributor
from extractors.cues import Cues, norm_key
from extractors.figures import MONEY_UNITS, Figure
from extractors.lexicon import TokenIndex
from extractors.people import Mention
from extractors.sentences import Sentence, clause

VOLUME_UNITS = frozenset({"bbl/d", "bbl", "bcm", "t"})
SIDE_OF_COUNTRY = {"IR": "iran", "RU": "russia"}
"""Gazetteer country codes → the context cue group naming that side."""
SIDE_COUNTRY = {side: code for code, side in SIDE_OF_COUNTRY.items()}
NOT_BILATERAL = "not about Iran–Russia"
_SIDES = frozenset({"iran", "russia", "bilateral"})
_BOTH_SIDES = frozenset({"iran", "russia"})
_NOT_DEALS = (
    ("financials", "a company's financial result"),  # "revenue exceeded 100 bn roubles"
    ("aggregates", "a total over all partners"),  # "foreign direct investment ... $5 billion"
    ("withdrawn", "a figure a correction withdraws"),  # "misstated the value as $2.5 billion"
)
"""Context cues that, shortly before a figure in its clause, say what else it measures."""
_RESERVES_REACH = 30
"""How far after a volume a word of reserves may stand ("... of proven gas reserves")."""
_NEEDS_REACH = 80
"""How far after an amount, in its clause, the words saying it is needed may end (a
verb-final clause puts the sector between: "... ۲۰۰ میلیارد دلار سرمایه‌گذاری در بخش
بالادستی نیاز است")."""
_NOT_DEAL_REACH = 60
"""How far before the figure a cue of :data:`_NOT_DEALS` may stand."""
_TRANSPORT_MEANS = "transport_means"
"""Phrases saying how goods travel ("by rail"): another sector's word inside one is the route,
not what a figure counts ("shipments of fuel by rail")."""
_STAKE_REACH = 50
"""How far before a percentage a stake or discount cue may stand ("a discount on Russian
gas for Iran of 30%")."""
_STAKE_AFTER = 20
"""How far after a percentage a stake or discount cue may end ("a 60% stake", "80 percent of
the project")."""
_STAKE_VERB_REACH = 16
"""How far before a percentage a verb of holding may start ("will hold 80%")."""
_PERCENT_KINDS = frozenset({"trade_growth", "trade_volume", "other"})
"""What a percentage can claim: trade's growth or level, or a share of trade or payments
(the kinds cue ``trade_share``, whose kind is ``other``; no other cue gives ``%`` that kind)."""
MIN_DEAL = 1_000_000
"""Money under this (in its own currency) is a price, a fee or a wage, not a deal."""
_CONTEXT_WINDOW = 600
_PRICE_LOOKBACK = 40
_PRICE_MOVE_REACH = 35
"""How far after a percentage the price it moves to may end ("percent to $77.80 a barrel")."""
_FAR = 1 << 30
_OPENER = 12
"""How far before a clause's start the complementizer that opens it may begin."""


def _first_kind(words: TokenIndex, lo: int, hi: int, unit: str, cues: Cues) -> str | None:
    """The first kind (in cue-file order) whose cues all occur in [lo, hi)."""
    for cue in cues.kinds:
        if cue.units is not None and unit not in cue.units:
            continue
        if all(words.has(name, lo, hi) for name in cue.lists):
            return cue.kind
    return None


class DocContext:
    """Document-level facts the per-figure decisions need, memoised per span."""

    def __init__(
        self, text: str, cues: Cues, mentions: Sequence[Mention], figures: Sequence[Figure]
    ) -> None:
        self.text = text
        self.cues = cues
        self.words = cues.lexicon.index(text)
        self.tokens = self.words.tokens
        self.fig_starts = [f.start for f in figures]
        # gazetteer names stand for their country ("Pezeshkian" is Iran's side)
        self._named: dict[str, list[tuple[int, int]]] = {"iran": [], "russia": []}
        for m in mentions:
            side = SIDE_OF_COUNTRY.get(m.entity.country if m.entity else "")
            if side and m.kind in ("person", "org"):
                self._named[side].append((m.start, m.end))
        self._named_starts = {k: [a for a, _ in v] for k, v in self._named.items()}
        self.bilateral = (
            bool(self._named["iran"]) or bool(self.words.spans("context:iran")[0])
        ) and (bool(self._named["russia"]) or bool(self.words.spans("context:russia")[0]))
        self._context: dict[str, tuple[list[int], list[int]]] = {}
        self._clauses: dict[int, tuple[int, int]] = {}
        self._kinds: dict[tuple[int, int, str], str | None] = {}
        self._kind_openers = tuple(kind.lists[0] for kind in cues.kinds)
        """Each kind's first phrase list, in the cue file's order."""
        self._countries: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self._supply_topic: int | None = None

    def clause_of(self, sentence: Sentence, fig: Figure) -> tuple[int, int]:
        """The clause of ``sentence`` holding ``fig`` (memoised: judging a figure and
        telling its modality both ask)."""
        found = self._clauses.get(fig.start)
        if found is None:
            found = self._clauses[fig.start] = clause(self.text, sentence, fig.start, self.cues)
        return found

    def has(self, key: str, lo: int, hi: int) -> bool:
        """Whether context cue ``key`` (or, for a side, a name of that side) is in [lo, hi).

        Each cue is matched once over the whole text; a span is then a bisection."""
        spans = self._context.get(key)
        if spans is None:
            spans = self._context[key] = self.words.spans(f"context:{key}")
        starts, ends = spans
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] < hi:
            if ends[i] <= hi:
                return True
            i += 1
        named = self._named_starts.get(key)
        if named is None:
            return False
        j = bisect.bisect_left(named, lo)
        return j < len(named) and named[j] < hi

    def cues_in(self, key: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of context cue ``key`` in [lo, hi)."""
        return self.words.within(f"context:{key}", lo, hi)

    def first_kind(self, lo: int, hi: int, unit: str) -> str | None:
        """Memoised :func:`_first_kind`."""
        memo = (lo, hi, unit)
        if memo not in self._kinds:
            self._kinds[memo] = _first_kind(self.words, lo, hi, unit, self.cues)
        return self._kinds[memo]

    def _nearer_next_figure(self, fig: Figure, start: int, end: int) -> bool:
        """Whether a cue at [start, end) after ``fig`` belongs rather to a later figure:
        one lies between them, or the next one is closer to the cue."""
        i = bisect.bisect_left(self.fig_starts, fig.end)
        if i >= len(self.fig_starts):
            return False
        nxt = self.fig_starts[i]
        return nxt < start or nxt - end < start - fig.end

    def kind_near(self, lo: int, hi: int, fig: Figure) -> str | None:
        """Kind of ``fig`` from the cues of its clause [lo, hi).

        The predicate that governs a figure stands before it ("signed a $4bn contract",
        "talks on another $10bn"): the nearest strong cue before the figure wins; else the
        nearest after it with no other figure in between; else a weak cue ("deal", "worth")."""
        unit = fig.unit or ""
        before: tuple[int, int, str] | None = None
        after: tuple[int, int, str] | None = None
        weak: str | None = None
        within = self.words.within
        kinds = self.cues.kinds
        for order in self._opening_kinds(unit, lo, hi):
            cue = kinds[order]
            groups = [within(name, lo, hi) for name in cue.lists]
            if not all(groups):
                continue
            if cue.weak:
                weak = weak or cue.kind
                continue
            worst, worst_before = -1, True
            for spans in groups:
                best, best_before = _FAR, True
                for start, end in spans:
                    if end <= fig.start:
                        d, is_before = fig.start - end, True
                    elif start >= fig.end:
                        if self._nearer_next_figure(fig, start, end):
                            continue
                        d, is_before = start - fig.end, False
                    else:
                        d, is_before = 0, True
                    if d < best:
                        best, best_before = d, is_before
                if best > worst:
                    worst, worst_before = best, best_before
            if worst >= _FAR:
                continue
            candidate = (worst, order, cue.kind)
            if worst_before:
                before = min(before, candidate) if before else candidate
            else:
                after = min(after, candidate) if after else candidate
        if self.cues.kind_side == "after":
            before, after = after, before  # a verb-final clause: its verb follows the figure
        if before:
            return before[2]
        if after:
            return after[2]
        return weak

    def _opening_kinds(self, unit: str, lo: int, hi: int) -> list[int]:
        """The kinds (their order in the cue file) for ``unit`` whose first phrase set has a
        match in [lo, hi), found together: most find nothing for most figures."""
        found = self.words.within_lists(self._kind_openers, lo, hi)
        return [
            order
            for order, cue in enumerate(self.cues.kinds)
            if found[order] and (cue.units is None or unit in cue.units)
        ]

    def countries(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """(start, end, side) of every country name (and named person of a side) in [lo, hi)."""
        if (lo, hi) not in self._countries:
            found = [
                (start, end, side)
                for side in ("iran", "russia", "bilateral", "third_country")
                for start, end in self.cues_in(side, lo, hi)
                if side != "third_country" or not (self._route(start) or self._border(start, end))
            ]
            for side, spans in self._named.items():
                starts = self._named_starts[side]
                i = bisect.bisect_left(starts, lo)
                while i < len(spans) and spans[i][0] < hi:
                    found.append((*spans[i], side))
                    i += 1
            self._countries[(lo, hi)] = sorted(found)
        return self._countries[(lo, hi)]

    def routed(self, lo: int, hi: int) -> bool:
        """Whether [lo, hi) names a country as a transit route ("via Azerbaijan")."""
        return any(self._route(start) for start, _ in self.cues_in("third_country", lo, hi))

    def _route(self, pos: int) -> bool:
        """A country after "through", "via" (the territory of) is a transit route, not a
        party."""
        return self.cues.route_before_re.search(self.text, max(0, pos - 40), pos) is not None

    def _border(self, start: int, end: int) -> bool:
        """A country named for its border or its sea ("fields near the Iraqi border", "near
        the border with Iraq", "на побережье Оманского залива") is a place, not a party."""
        return (
            self.cues.border_after_re.match(self.text, end) is not None
            or self.cues.border_before_re.search(self.text, max(0, start - 40), start) is not None
        )

    def window(self, sentence: Sentence) -> tuple[int, int]:
        """A window of text around the sentence (across paragraph breaks)."""
        return max(0, sentence.start - _CONTEXT_WINDOW), sentence.end + _CONTEXT_WINDOW

    def supply_topic_at(self, sentences: Sequence[Sentence]) -> int:
        """The first paragraph that speaks of supplies between the two sides (a transfer
        word, and both sides or the bilateral pair named); a large number if none does."""
        if self._supply_topic is None:
            self._supply_topic = _FAR
            spans: dict[int, tuple[int, int]] = {}
            for s in sentences:
                lo, _ = spans.get(s.paragraph, (s.start, s.end))
                spans[s.paragraph] = (lo, s.end)
            for paragraph, (lo, hi) in sorted(spans.items()):
                if self.has("transfer", lo, hi) and (
                    self.has("bilateral", lo, hi)
                    or (self.has("iran", lo, hi) and self.has("russia", lo, hi))
                ):
                    self._supply_topic = paragraph
                    break
        return self._supply_topic


def _nearest_country(ctx: DocContext, lo: int, hi: int, fig: Figure) -> str | None:
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


_PARTNER_REACH = 40
"""How far after a figure the country it is traded with may be named ("$245bn of commerce
with China")."""


def _tied_to_another_country_before(ctx: DocContext, fig: Figure, lo: int, hi: int) -> bool:
    """Whether the country named last before the figure in its clause [lo, hi) is another
    country, with a word that ties a figure to its partner ("with", "با", "с") right before
    it: "Iran's trade with China passed $14 billion"."""
    if not ctx.has("third_country", lo, fig.start):
        return False  # a cheap test first: only another country's tie matters
    # the clause's countries, memoised for the other tests of the figure
    found = [c for c in ctx.countries(lo, hi) if c[1] <= fig.start]
    if not found:
        return False
    start, _, side = max(found)
    tie = ctx.cues.partner_before_re.search(ctx.text, max(lo, start - 12), start)
    return side == "third_country" and tie is not None


def _moves_a_price(ctx: DocContext, sentence: Sentence, fig: Figure) -> bool:
    """Whether a percentage is the change of a price named right after it, in its clause:
    "rose 2.4 percent to $77.80 a barrel"."""
    hi = min(ctx.clause_of(sentence, fig)[1], fig.end + _PRICE_MOVE_REACH)
    return ctx.cues.price_unit_re.search(ctx.text, fig.end, hi) is not None


def _partner_after(ctx: DocContext, fig: Figure, lo: int, hi: int) -> str | None:
    """The side of the first country named right after the figure in its clause [lo, hi),
    when the words between end with a word that ties a figure to its partner ("with")."""
    reach = min(hi, fig.end + _PARTNER_REACH)
    if ctx.cues.partner_re.search(ctx.text, fig.end, reach) is None:
        return None
    # the clause's countries, memoised for the other tests of the figure
    found = [c for c in ctx.countries(lo, hi) if fig.end <= c[0] < reach]
    if not found:
        return None
    start, _, side = min(found)
    # the tie ends right before the country: the pattern is anchored at the search's end
    tie = ctx.cues.partner_before_re.search(ctx.text, fig.end, start)
    return side if tie is not None else None


def _nearest(
    ctx: DocContext, key: str, lo: int, hi: int, fig: Figure, *, unless: str | None = None
) -> int:
    """Distance from the figure to the nearest match of context cue ``key`` in [lo, hi),
    leaving out the matches that lie inside a match of cue ``unless``."""
    inside_of = ctx.cues_in(unless, lo, hi) if unless is not None else []
    best = _FAR
    for start, end in ctx.cues_in(key, lo, hi):
        if any(a <= start and end <= b for a, b in inside_of):
            continue
        d = fig.start - end if end <= fig.start else max(0, start - fig.end)
        best = min(best, d)
    return best


def _growth_of_trade_before(
    ctx: DocContext,
    lo: int,
    hi: int,
    previous: Sentence | None,
    asked: tuple[int, int] | None,
) -> str | None:
    """``trade_growth`` for a growth that names no trade ("In the first eight months we saw
    growth of more than 10%", "Это рост порядка 20%"), right after a sentence or a question
    about trade: it is that trade's."""
    growth = ctx.cues.trade_growth
    if growth is None or not ctx.words.has(growth.lists[1], lo, hi):
        return None
    spans = [s for s in ((previous.start, previous.end) if previous else None, asked) if s]
    if any(ctx.words.has(growth.lists[0], a, b) for a, b in spans):
        return "trade_growth"
    return None


def _near_percentage(ctx: DocContext, key: str, fig: Figure, lo: int, hi: int) -> bool:
    """Whether context cue ``key`` stands just before the percentage ``fig`` in [lo, hi), or
    right after it ("a discount of 30%", "a 60% stake")."""
    return (
        _nearest(ctx, key, lo, fig.start, fig) <= _STAKE_REACH
        or _nearest(ctx, key, fig.end, min(hi, fig.end + _STAKE_AFTER), fig) < _FAR
    )


def _stake(ctx: DocContext, fig: Figure, lo: int, hi: int) -> bool:
    """Whether the percentage ``fig`` is a partner's stake: a stake word near it ("an 80%
    stake", "the remaining 20%"), or a verb of holding right before it ("holds 80 percent")."""
    verb_lo = max(lo, fig.start - _STAKE_VERB_REACH)
    return (
        _near_percentage(ctx, "stakes", fig, lo, hi)
        or _nearest(ctx, "stake_verbs", verb_lo, fig.start, fig) <= 1
    )


def _one_side_with_another_country(ctx: DocContext, lo: int, hi: int) -> bool:
    """A clause that names one side and another country (not as a route) is about their
    dealings: "a pipeline to carry 50 bcm of Russian gas a year to China"."""
    sides = {side for _, _, side in ctx.countries(lo, hi)}
    return "third_country" in sides and len(sides & _SIDES) == 1


def _dealings_of_another_country(
    ctx: DocContext, lo: int, hi: int, sides_of: frozenset[str] = _SIDES
) -> bool:
    """Whether [lo, hi) names another country and at most one side (of ``sides_of``): that
    country's own dealings, or one side's dealings with it."""
    if not ctx.has("third_country", lo, hi):
        return False  # a cheap test before listing the span's countries
    sides = {side for _, _, side in ctx.countries(lo, hi)}
    return "third_country" in sides and len(sides & sides_of) <= 1


def _third_country_before(
    ctx: DocContext, sentence: Sentence, previous: Sentence | None, lo: int
) -> bool:
    """A clause naming no side, after a clause of its sentence or a sentence that names
    other countries, alone or with one side dealing with them, goes on about those
    dealings ("French major Total ... Its share was put at $1 billion"; "Power of Siberia
    will carry 38 bcm to China, and a second line would add 50 bcm more")."""
    if any(ctx.has(k, lo, sentence.end) for k in _SIDES):
        return False
    if lo > sentence.start and ctx.has("third_country", sentence.start, lo):
        return _dealings_of_another_country(ctx, sentence.start, lo)
    if previous is None or any(ctx.has(k, sentence.start, lo) for k in _SIDES):
        return False
    return _dealings_of_another_country(ctx, previous.start, previous.end)


def _another_pair(ctx: DocContext, lo: int, hi: int, since: int) -> bool:
    """Whether the clause's only word for a pair of countries ("the two countries",
    "bilateral") means another pair: the countries named from ``since`` (the sentence
    before) up to that word include another country and at most one side ("a $25 billion
    Russian loan for El Dabaa that the two countries agreed", in Egypt)."""
    anaphora = ctx.cues_in("pair_anaphora", lo, hi)
    if not anaphora or any(span not in anaphora for span in ctx.cues_in("bilateral", lo, hi)):
        return False  # no word that points back, or the pair is named ("Iran–Russia trade")
    return _dealings_of_another_country(ctx, since, anaphora[0][0], _BOTH_SIDES)


def judge(
    fig: Figure, sentence: Sentence, ctx: DocContext, attributor: Attributor
) -> tuple[str | None, str]:
    """(kind, why-not): kind None means the figure is not a claim, for the reason given."""
    text, cues = ctx.text, ctx.cues
    unit = fig.unit or ""
    if fig.why_not:
        return None, fig.why_not
    if not ctx.bilateral:
        return None, NOT_BILATERAL
    left = max(sentence.start, fig.start - _PRICE_LOOKBACK)
    before = ctx.tokens.words_between(left, fig.start)
    if cues.price_after_re.match(text, fig.end) or (
        not cues.price_before_firsts.isdisjoint(before)
        and cues.price_before_re.search(text, left, fig.start)
    ):
        return None, "price"
    if unit == "%" and _moves_a_price(ctx, sentence, fig):
        return None, "price"  # "Brent rose 2.4 percent to $77.80 a barrel in early trade"
    if (
        not fig.scaled
        and not cues.cost_before_firsts.isdisjoint(before)
        and cues.cost_before_re.search(text, left, fig.start)
    ):
        return None, "price"  # "bread costs 50,000 rials"; a field that costs $4bn is a project
    lo, hi = ctx.clause_of(sentence, fig)
    previous = attributor.previous_sentence(sentence)
    iran, russia, pair = (ctx.has(side, lo, hi) for side in ("iran", "russia", "bilateral"))
    if pair and _another_pair(ctx, lo, hi, previous.start if previous else sentence.start):
        return None, "deal of another country"
    if _partner_after(ctx, fig, lo, hi) == "third_country" or _tied_to_another_country_before(
        ctx, fig, lo, hi
    ):
        # "... compared with $18 billion with China"; "تجارت ایران با چین ... از ۱۴ میلیارد
        # دلار فراتر رفت" (Iran's trade with China passed $14 billion)
        return None, "deal of another country"
    sides = iran or russia or pair
    both_in_clause = pair or (iran and russia)
    # what the figure is set against ("well below Iran's trade with China") is no party
    compared = ctx.words.first("context:comparison", fig.end, hi)
    own_hi = hi if compared is None else compared
    if not both_in_clause and (
        (
            ctx.has("third_country", lo, own_hi)
            and (
                _nearest_country(ctx, lo, own_hi, fig) == "third_country"
                or _one_side_with_another_country(ctx, lo, own_hi)
            )
        )
        or _third_country_before(ctx, sentence, previous, lo)
    ):
        return None, "deal of another country"
    if unit in MONEY_UNITS and fig.value < MIN_DEAL:
        return None, "too small for a deal (a price or a fee)"
    kind = (
        ctx.kind_near(lo, hi, fig)
        or ctx.first_kind(sentence.start, sentence.end, unit)
        or (previous and ctx.first_kind(previous.start, previous.end, unit))
        or None
    )
    if kind == "investment_pledge" and unit in VOLUME_UNITS:
        # what is invested is money: barrels or cubic metres someone is "ready to" take are
        # a supply (no label in ~1,000 volumes calls one a pledge)
        kind = "supply_volume"
    asked = attributor.question_before(sentence) if kind is None else None
    if asked is not None:
        kind = ctx.first_kind(*asked, unit)  # an answer is about what was asked
    if kind is None and unit == "%":
        kind = _growth_of_trade_before(ctx, lo, hi, previous, asked)
    if unit == "%" and _near_percentage(ctx, "price_shares", fig, lo, hi):
        return None, "a price discount or a share price, not a deal figure"
    if unit == "%" and _near_percentage(ctx, "world_shares", fig, lo, hi):
        return None, "a share of a world market, not a deal figure"
    if unit == "%":
        proceeds = _nearest(ctx, "proceeds_shares", fig.end, min(hi, fig.end + _STAKE_AFTER), fig)
        if norm_key(fig.text) in ctx.cues.fractions and proceeds > 1:
            # "more than half of the region's foreign trade", "nearly half of all oil
            # revenue": a share in words is a deal's term only as a share of its proceeds
            return None, "a share told in words, not of a deal's proceeds"
        if proceeds < _FAR or _stake(ctx, fig, lo, hi):
            if _dealings_of_another_country(ctx, sentence.start, sentence.end):
                return None, "a stake in another country's project"
            kind = "other"  # a partner's stake or a share of the proceeds: a term of the deal
    if unit == "%" and kind not in _PERCENT_KINDS:
        return None, "a share or change, not a deal figure"
    # the sector named nearest to the figure is what the money is for
    if (
        ctx.has("off_sector", lo, hi)
        and not (kind or "").startswith("trade")
        and _nearest(ctx, "off_sector", lo, hi, fig, unless=_TRANSPORT_MEANS)
        < _nearest(ctx, "energy", lo, hi, fig)
    ):
        return None, "outside energy"
    if (
        not (kind or "").startswith("trade")
        and unit != "%"  # a share of settlements is of all trade, whatever was asked
        and not (ctx.has("energy", lo, hi) or ctx.has("off_sector", lo, hi))
        and _sector_before_is_another(
            ctx, sentence, previous, fig, lo, attributor.question_before(sentence)
        )
    ):
        return None, "outside energy"
    if (kind or "").startswith("trade") and _goods_of_another_sector(ctx, lo, fig):
        return None, "outside energy"
    for key, why in _NOT_DEALS:
        if _nearest(ctx, key, lo, fig.start, fig) <= _NOT_DEAL_REACH:
            return None, why
    if unit in VOLUME_UNITS and ctx.cues_in("reserves_after", fig.end, fig.end + _RESERVES_REACH):
        return None, "a country's own consumption, needs, deficit or reserves"
    if (
        unit in MONEY_UNITS
        and ctx.cues_in("needs_after", fig.end, min(hi, fig.end + _NEEDS_REACH))
        and not ctx.has("production_sites", lo, fig.start)
    ):
        # what a country or a sector needs; what a field or a project needs is its cost
        return None, "a country's own consumption, needs, deficit or reserves"
    # "Iran's winter gas deficit reaches 260 mcm a day": what a country uses or lacks, said
    # before the figure with no word of trade or supply nearer to it
    domestic = _nearest(ctx, "domestic", lo, fig.start, fig)
    if domestic <= _NOT_DEAL_REACH and domestic < _nearest(ctx, "transfer", lo, fig.start, fig):
        return None, "a country's own consumption, needs, deficit or reserves"
    if (
        unit in VOLUME_UNITS
        and _nearest(ctx, "production", lo, hi, fig) < _nearest(ctx, "transfer", lo, hi, fig)
        and not ctx.has("production_sites", lo, hi)
    ):
        # "ایران روزانه ۳.۸ میلیون بشکه نفت تولید کرده": one side's own output (a field a
        # contract develops produces the deal's barrels)
        return None, "a country's own output"
    p_lo, p_hi = ctx.window(sentence)
    linked = (
        sides
        or ctx.has("iran", p_lo, p_hi)
        or ctx.has("russia", p_lo, p_hi)
        or ctx.has("bilateral", p_lo, p_hi)
    )
    if kind == "supply_volume" and not (
        _both_near(ctx, sentence, previous) or _continues_supply(ctx, sentence, fig, attributor)
    ):
        return None, "not an Iran–Russia supply figure"
    if not linked:
        return None, NOT_BILATERAL
    if kind is None:
        both = ctx.has("iran", sentence.start, sentence.end) and ctx.has(
            "russia", sentence.start, sentence.end
        )
        if unit in MONEY_UNITS and both and _energy(ctx, lo, hi, sentence):
            return "other", ""
        return None, "not a deal figure"
    if (
        kind.startswith("trade")
        or unit in VOLUME_UNITS
        or unit == "%"  # a share of trade or payments: the percentage kinds' ``other``
        or _energy(ctx, lo, hi, sentence)
    ):
        return kind, ""
    return None, "outside energy"


def _sector_before_is_another(
    ctx: DocContext,
    sentence: Sentence,
    previous: Sentence | None,
    fig: Figure,
    lo: int,
    asked: tuple[int, int] | None,
) -> bool:
    """A clause that names no sector is about the one named before it, in its sentence or
    the one before: "...؛ خطی که روسیه ۱.۳ میلیارد یورو وام برای آن داده" (a railway line
    Russia lends €1.3 billion for), "Железная дорога ... Россия выделила на нее кредит";
    in an answer, about the one its question names ("And transport? The Rasht-Astara
    railway ..." / "Russia is providing a state loan of 1.3 billion euros")."""
    spans = [(sentence.start, lo)]
    if previous is not None:
        spans.append((previous.start, lo))
    if asked is not None:
        spans.append(asked)
    for start, end in spans:
        if start >= end:
            continue
        energy = ctx.has("energy", start, end)
        other = _nearest(ctx, "off_sector", start, end, fig, unless=_TRANSPORT_MEANS) < _FAR
        if energy or other:
            return other and not energy
    return False


def _goods_of_another_sector(ctx: DocContext, lo: int, fig: Figure) -> bool:
    """Trade in goods of another sector, named between the trade word and the figure:
    "exports of Russian wheat to Iran reached $700 million" (but not "trade reached $4
    billion, mostly grain", where the goods follow the total)."""
    goods = _nearest(ctx, "off_sector", lo, fig.start, fig, unless=_TRANSPORT_MEANS)
    return goods < _FAR and goods < _nearest(ctx, "trade", lo, fig.start, fig)


def _energy(ctx: DocContext, lo: int, hi: int, sentence: Sentence) -> bool:
    """Whether the clause [lo, hi), its sentence or the text around it is about energy."""
    p_lo, p_hi = ctx.window(sentence)
    return (
        ctx.has("energy", lo, hi)
        or ctx.has("energy", sentence.start, sentence.end)
        or ctx.has("energy", p_lo, p_hi)
    )


def _both_near(ctx: DocContext, sentence: Sentence, previous: Sentence | None) -> bool:
    """Whether the sentence, with the one before it, names both sides (or the pair)."""
    lo = previous.start if previous is not None else sentence.start
    return ctx.has("bilateral", lo, sentence.end) or (
        ctx.has("iran", lo, sentence.end) and ctx.has("russia", lo, sentence.end)
    )


_NOT_CONTINUING = (*_SIDES, "production", "production_sites", "domestic")
"""Cues that keep a sentence without a word of transfer from going on about the supplies."""
_RATES = frozenset({"bcm", "bbl/d"})
"""Volumes by the year or the day, as supplies are given (tonnes and barrels may be totals)."""


def _continues_supply(
    ctx: DocContext, sentence: Sentence, fig: Figure, attributor: Attributor
) -> bool:
    """A volume in a sentence about a transfer (supplies, deliveries), once the document has
    spoken of supplies between Iran and Russia, goes on about them: "Supplies could start at
    up to 2 bcm a year, he said." Not when what is reported names one side only: that is
    the side's own trade ("Iran's own exports fell to 1 million barrels a day"), unless it
    names the route the supplies take to the other side."""
    if ctx.supply_topic_at(attributor.seg.sentences) > sentence.paragraph:
        return False
    if not ctx.has("transfer", sentence.start, sentence.end):
        # "In the first phase, about 2 bcm a year": a rate of oil or gas with no word of
        # transfer goes on about the supplies only where nothing in its sentence names a
        # side or another country (a transit route is none), or says what is produced or
        # used at home
        return (
            fig.unit in _RATES
            and not any(ctx.has(k, sentence.start, sentence.end) for k in _NOT_CONTINUING)
            and all(
                side != "third_country" for *_, side in ctx.countries(sentence.start, sentence.end)
            )
        )
    lo = sentence.start
    for _, end in ctx.cues_in("complementizer", sentence.start, fig.start):
        lo = max(lo, end)
    for _, end in ctx.words.within("saying", sentence.start, fig.start):
        lo = max(lo, end)
    for frame in attributor.frames(sentence.start, fig.start):
        if frame.speaker.end <= fig.start:
            lo = max(lo, frame.speaker.end)  # "به گفته تسیویلف، ...": the speaker is no side
    hi = ctx.clause_of(sentence, fig)[1]
    comma = ctx.text.find(",", fig.end, hi)
    hi = comma if comma >= 0 else hi  # "..., Putin told reporters" is the frame, not the content
    if ctx.routed(lo, hi):
        return True  # "Russia would start with up to 2 bcm a year via Azerbaijan": to the other
    return ctx.has("iran", lo, hi) == ctx.has("russia", lo, hi)


def side_of(mention: Mention | None) -> str | None:
    """The side (``iran`` / ``russia``) a speaker belongs to, if known."""
    if mention is None:
        return None
    return SIDE_OF_COUNTRY.get(mention.nationality or "")


def put_to_speaker(ctx: DocContext, sentence: Sentence, pos: int) -> bool:
    """Whether the figure at ``pos`` is in a question put to the speaker ("Asked whether
    Russia could supply 55 bcm, Putin said ..."): a question cue before it, and no verb of
    saying between the cue and the figure."""
    if not ctx.has("question", sentence.start, pos):
        return False
    last = ctx.cues_in("question", sentence.start, pos)
    if not last:
        return False
    return not ctx.words.has("saying", last[-1][1], pos)


def _denied_content(ctx: DocContext, sentence: Sentence, lo: int) -> bool:
    """Whether the clause starting at ``lo`` is the content of a denial before it: opened by
    a complementizer ("Песков опроверг, что ...", "تکذیب کرد، که ...") whose governing
    clause holds a denial cue."""
    if lo <= sentence.start:
        return False
    opener = ctx.cues_in("complementizer", max(sentence.start, lo - _OPENER), lo)
    if not opener:
        return False
    governing = clause(ctx.text, sentence, max(sentence.start, opener[-1][0] - 3), ctx.cues)
    return ctx.has("denial", governing[0], opener[-1][0])


def modality(ctx: DocContext, sentence: Sentence, fig: Figure, speaker: Mention | None) -> str:
    """asserted, denied or hypothetical.

    A condition ("if", "unless") or a question put to the speaker makes a figure
    hypothetical. A modal of possibility ("could") does too, unless a speaker states it about
    their own side or without naming another: "Russia could supply up to 55 bcm", said by
    Putin, is an offer he makes, not a supposition; said by an Iranian official about Russia,
    or written by the reporter without a source, it is a supposition. The side is the last
    country named before the modal that no preposition governs."""
    lo, hi = ctx.clause_of(sentence, fig)
    if ctx.has("denial", lo, hi) or _denied_content(ctx, sentence, lo):
        return "denied"
    if ctx.has("conditional", lo, hi) or put_to_speaker(ctx, sentence, fig.start):
        return "hypothetical"
    if not ctx.has("possibility", lo, fig.start):
        return "asserted"
    modals = ctx.cues_in("possibility", lo, fig.start)
    if not modals:
        return "asserted"
    own = side_of(speaker)
    if own is None:
        return "hypothetical"
    # a country a preposition governs is where or whom to, not what could ("Russian gas
    # deliveries through Azerbaijan could reach ...", "صادرات گاز روسیه به ایران ... می‌تواند")
    named = [
        c
        for c in ctx.countries(lo, modals[-1][0])
        if ctx.tokens.word_before(c[0]) not in ctx.cues.non_subject_before
    ]
    subject = named[-1][2] if named else own
    return "asserted" if subject in (own, "bilateral") else "hypothetical"
