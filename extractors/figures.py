"""Numbers in text: money, percentages and volumes with their qualifiers and ranges, and the
numbers that are not figures at all (dates, times, page furniture, ages, casualty counts).

Units follow DESIGN.md: ISO 4217 codes, ``%``, ``bbl/d``, ``bcm``, ``t``. One extension,
``bbl``, for a volume stated in barrels without a rate (a cargo, a swap), because folding it
into ``bbl/d`` would invent a rate the text does not state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.cues import Cues, norm_key
from extractors.lexicon import Tokens, matches_at, starts_of, tokenise

USD_RATES: dict[str, float | None] = {
    "USD": 1.0,
    "EUR": 1.10,
    "GBP": 1.27,
    "CNY": 0.14,
    # The ruble moved between 30 and 120 per dollar since 2014, and the rial has several
    # official and market rates at once (42,000 to over 900,000 per dollar): any constant
    # would mislead, so value_usd stays null for them.
    "RUB": None,
    "IRR": None,
}
"""Approximate dollars per unit, for a rough ``value_usd`` only (tracking uses value+unit)."""

MONEY_UNITS = frozenset(USD_RATES)
_RIGHT = 40
_LEFT = 60


@dataclass(frozen=True, slots=True)
class Figure:
    """One number found in the text (a range counts as one figure)."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    qualifier: str = "exact"
    value_high: float | None = None
    scaled: bool = False
    why_not: str | None = None

    @property
    def value_usd(self) -> float | None:
        """Rough value in US dollars; None for non-money or currencies without a rate."""
        rate = USD_RATES.get(self.unit or "")
        return None if rate is None else self.value * rate


@dataclass(frozen=True, slots=True)
class NotFigure:
    """A span holding numbers that are not claims (a date, a phone number ...)."""

    start: int
    end: int
    text: str
    value: float | None
    why: str


def parse_number(raw: str, cues: Cues) -> float:
    """``1,500.5`` → 1500.5 with the language's separators; any Unicode digits."""
    cleaned = raw.replace("\u00a0", "").replace("\u202f", "")
    for separator in cues.thousands:
        cleaned = cleaned.replace(separator, "")
    if cues.decimal != ".":
        cleaned = cleaned.replace(cues.decimal, ".")
    return float(cleaned)


def _measure(match: re.Match[str], base: float, cues: Cues, *, word: bool) -> Figure:
    groups = match.groupdict()
    unit: str | None = None
    factor = 1.0
    scaled = False
    if groups.get("uscale"):
        unit, factor = cues.units_with_scale[norm_key(groups["uscale"])]
        scaled = True
    abbr = groups.get("abbr")
    if abbr and groups.get("abbrsp") and not groups.get("pre"):
        abbr = None  # "4 m" without a currency is too ambiguous to scale
    scale_word = groups.get("scale") or abbr
    if scale_word:
        factor *= cues.scales[scale_word.lower()]
        scaled = True
    for key, table in (("pre", cues.currency_before), ("post", cues.currency_after)):
        if groups.get(key) and unit is None:
            unit, cur_factor = table[norm_key(groups[key])]
            factor *= cur_factor
    spelt = groups.get("unit") or groups.get("percent")
    if spelt and unit is None:
        unit, unit_factor = cues.units[norm_key(spelt)]
        factor *= unit_factor
    end = match.end()
    if abbr is None and groups.get("abbr"):
        end = match.start("abbrsp")
    start = match.start()
    return Figure(
        start=start,
        end=end,
        text=match.string[start:end],
        value=base * factor,
        unit=unit,
        scaled=scaled or word,
    )


def _qualify(fig: Figure, text: str, lo: int, cues: Cues, tokens: Tokens) -> Figure:
    right = text[fig.end : fig.end + _RIGHT]
    if tokens.word_before(fig.start) in cues.qualifier_last_words:
        left = text[max(lo, fig.start - _LEFT) : fig.start]
        # the longest phrase decides: "no less than" is at_least, "less than" up_to
        matches = [
            (found, qualifier)
            for qualifier, pattern in cues.qualifiers_before
            if (found := pattern.search(left)) is not None
        ]
        if matches:
            found, qualifier = min(matches, key=lambda match: match[0].start())
            if norm_key(found.group()) in cues.change_targets and cues.change_any_re.search(
                left, 0, found.start()
            ):
                return fig  # "вырос на 36%, до 1,7 млрд": the new level, not a ceiling
            if (
                cues.reached_after_re is not None
                and norm_key(found.group()) in cues.reached_targets
                and cues.reached_after_re.match(right)
            ):
                return fig  # "به ۳ میلیارد دلار رسید": the level reached, as "reached $3bn"
            return replace(fig, qualifier=qualifier)
    for qualifier, pattern in cues.qualifiers_after:
        if pattern.match(right):
            return replace(fig, qualifier=qualifier)
    return fig


def _inherit(low: Figure, high: Figure, cues: Cues) -> tuple[float, float, str | None]:
    """Values of a range whose ends share a unit or scale written once (``$4-5 billion``)."""
    lo_value, hi_value = low.value, high.value
    if low.unit is None and high.unit is not None and low.scaled and high.scaled:
        # "from 2 billion to 55 billion cubic metres": the unit, written once, rescales both
        scale = low.text.split()[-1].lower()
        if scale in high.text.lower():
            return _bare(low.text, cues) * high.value / _bare(high.text, cues), hi_value, high.unit
    if not low.scaled and high.scaled:
        ratio = high.value / max(_bare(high.text, cues), 1e-12)
        lo_value = low.value * ratio
    if not high.scaled and low.scaled:
        hi_value = high.value * (low.value / max(_bare(low.text, cues), 1e-12))
    return lo_value, hi_value, low.unit or high.unit


_OPENER_REACH = 30
"""How far before a figure the number word opening its range may start ("fourteen to ")."""
_DIGITS = re.compile(r"\d[\d,.\u00a0\u202f]*\d|\d")


def _bare(text: str, cues: Cues) -> float:
    """The number a figure's text writes, before its scale: digits, or a number word."""
    match = _DIGITS.search(text)
    if match:
        return parse_number(match.group().rstrip(cues.decimal), cues)
    words = text.split()
    return cues.number_words.get(norm_key(words[0]), 1.0) if words else 1.0


def _largest_scale(fig: Figure, cues: Cues) -> float:
    """The largest scale word written in a figure's text (1 if none)."""
    words = fig.text.lower().split()
    return max((cues.scales.get(w, 1.0) for w in words), default=1.0)


def _join_compounds(figs: list[Figure], text: str, cues: Cues) -> list[Figure]:
    """One figure for a number written in parts, larger scale first: "3 billion and 100
    million dollars" is 3.1 billion, not 100 million beside a bare 3 billion. The first part
    has a scale and no unit, the second a unit and a smaller scale; the unit, written once,
    applies to both."""
    joiner = cues.compound_joiner_re
    if joiner is None:
        return figs
    out: list[Figure] = []
    for fig in figs:
        low = out[-1] if out else None
        if (
            low is not None
            and low.unit is None
            and low.scaled
            and fig.unit is not None
            and fig.scaled
            and joiner.fullmatch(text, low.end, fig.start)
            and _largest_scale(fig, cues) < _largest_scale(low, cues)
        ):
            per_unit = fig.value / (_bare(fig.text, cues) * _largest_scale(fig, cues))
            out[-1] = replace(
                fig,
                start=low.start,
                text=text[low.start : fig.end],
                value=low.value * per_unit + fig.value,
            )
            continue
        out.append(fig)
    return out


def _change_after(low: Figure, high: Figure, text: str, cues: Cues) -> bool:
    """ "از ۲ به ۴ میلیارد دلار افزایش یافت": from X to Y, with the change verb after the pair
    (a verb-final language), is a change whose new level is Y; X is the superseded one."""
    if cues.change_joiner_re is None or not cues.change_joiner_re.fullmatch(
        text, low.end, high.start
    ):
        return False
    if not cues.from_re.search(text[max(0, low.start - _LEFT) : low.start]):
        return False
    return cues.change_any_re.search(text, high.end, high.end + _RIGHT) is not None


def _merge_ranges(
    figs: list[Figure], text: str, cues: Cues, settled: set[int] | None = None
) -> list[Figure]:
    """Ranges joined, changes split into their superseded and new value; the starts of new
    values whose qualifier is settled here go into ``settled``."""
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        low = figs[i]
        high = figs[i + 1] if i + 1 < len(figs) else None
        if high is None or (low.unit is None and high.unit is None):
            out.append(low)
            i += 1
            continue
        between = text[low.end : high.start]
        left = text[max(0, low.start - _LEFT) : low.start]
        dash = cues.joiner_re.fullmatch(between)
        both = cues.between_joiner_re.fullmatch(between) and cues.between_re.search(left)
        compatible = low.unit is None or high.unit is None or low.unit == high.unit
        if low.scaled and low.unit is not None and not high.scaled and high.unit is None:
            compatible = False  # "$2 billion to 2025", "2 млрд долларов до 2025 года"
        if compatible and _change_after(low, high, text, cues):
            lo_value, _, unit = _inherit(low, high, cues)
            out.append(replace(low, value=lo_value, unit=unit, why_not="earlier value"))
            out.append(high)  # its joiner ("به") is "to" the new level, not a ceiling
            if settled is not None:
                settled.add(high.start)
            i += 2
            continue
        if not ((dash or both) and compatible):
            out.append(low)
            i += 1
            continue
        start_of_from = cues.from_re.search(left)
        if dash and start_of_from is not None:
            before_from = text[max(0, low.start - _LEFT) : low.start - len(start_of_from.group())]
            if cues.change_re.search(before_from):
                # "rose from $2 billion to $3 billion": a change, not a range; the new level counts.
                lo_value, _, unit = _inherit(low, high, cues)
                out.append(replace(low, value=lo_value, unit=unit, why_not="earlier value"))
                out.append(high)
                i += 2
                continue
        lo_value, hi_value, unit = _inherit(low, high, cues)
        if not lo_value < hi_value:
            out.append(low)
            i += 1
            continue
        out.append(
            Figure(
                start=low.start,
                end=high.end,
                text=text[low.start : high.end],
                value=lo_value,
                unit=unit,
                qualifier="range",
                value_high=hi_value,
                scaled=True,
            )
        )
        i += 2
    return out


_DIGIT_RUN = re.compile(r"\d+")
_WINDOW_BEFORE, _WINDOW_AFTER = 60, 40


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Merged spans around every digit run: the only places a not-figure can match, so the
    patterns scan a fraction of the text instead of all of it."""
    windows: list[tuple[int, int]] = []
    for match in _DIGIT_RUN.finditer(text):
        lo = max(0, match.start() - _WINDOW_BEFORE)
        hi = min(len(text), match.end() + _WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def find_not_figures(text: str, cues: Cues) -> list[NotFigure]:
    """Spans of dates, times, page furniture, ages, casualty counts, phone numbers, ids."""
    taken = bytearray(len(text))  # marks claimed characters: linear, whatever the count
    out: list[NotFigure] = []
    windows = _digit_windows(text)
    tokens = tokenise(text)
    for rule in cues.not_figures:
        if rule.needs is not None and rule.needs.isdisjoint(tokens.vocabulary):
            continue
        pattern, why = rule.pattern, rule.why
        if rule.starts is not None:
            starts = starts_of(tokens, rule.starts, digits=rule.at_digits)
            matches: Iterable[re.Match[str]] = matches_at(pattern, text, starts)
        else:
            matches = (m for lo, hi in windows for m in pattern.finditer(text, lo, hi))
        for match in matches:
            a, b = match.span()
            if any(taken[a:b]):
                continue
            taken[a:b] = b"\x01" * (b - a)
            digits = _DIGITS.search(match.group())
            value = None
            if digits and why not in ("date", "time", "phone number"):
                try:
                    value = parse_number(digits.group(), cues)
                except ValueError:
                    value = None
            out.append(NotFigure(a, b, match.group(), value, why))
    out.sort(key=lambda n: n.start)
    return out


def _rate(fig: Figure, text: str, cues: Cues) -> Figure:
    """A volume after a rate word ("daily about 500,000 barrels"), or that a rate phrase
    follows a few words on ("500,000 barrels of Iranian crude per day"), is a rate."""
    unit = fig.unit or ""
    before, after = cues.rate_before_re, cues.rate_after_re
    if (
        unit in cues.rates
        and before is not None
        and before.search(text, max(0, fig.start - _LEFT // 2), fig.start)
    ):
        return replace(fig, unit=cues.rates[unit])
    if unit in cues.rates_after and after is not None and after.match(text, fig.end):
        return replace(fig, unit=cues.rates_after[unit])
    return fig


def _compound(first: float, second: float) -> bool:
    """Whether two number words joined by a hyphen make one number: tens and units
    ("twenty-five"); else they are a range ("два-три")."""
    return 20 <= first < 100 and first % 10 == 0 and 0 < second < 10


def _with_range_openers(found: list[Figure], text: str, cues: Cues) -> list[Figure]:
    """``found`` with the number words that open a range of the scaled figure right after them
    ("one to two billion cubic metres", "between four and five billion dollars"): alone such
    a word is no figure; the range shares the unit and scale written once."""
    openers = []
    for fig in found:
        if not fig.scaled:
            continue
        match = cues.range_opener_re.search(text, max(0, fig.start - _OPENER_REACH), fig.start)
        if match is None:
            continue
        if not cues.joiner_re.fullmatch(match.group("joiner")) and not cues.between_re.search(
            text, max(0, match.start() - _LEFT), match.start()
        ):
            continue  # "and" joins a range only after "between"
        value = cues.number_words[norm_key(match.group("wnum"))]
        openers.append(Figure(match.start(), match.end("wnum"), match.group("wnum"), value, None))
    return sorted([*found, *openers], key=lambda f: f.start) if openers else found


def find_figures(text: str, cues: Cues) -> list[Figure]:
    """Every money, percentage and volume figure in ``text`` (bare numbers have unit None).

    Linear in the text: two compiled regexes tried where a token can begin a figure (a digit,
    a currency sign or code, a number word), then local look-arounds.
    """
    found: list[Figure] = []
    tokens = tokenise(text)
    starts = starts_of(tokens, cues.figure_firsts, digits=True)
    for match in matches_at(cues.figure_re, text, starts):
        try:
            base = parse_number(match.group("num"), cues) + _half(match)
        except ValueError:
            continue
        found.append(_measure(match, base, cues, word=False))
    ends = {f.start: f.end for f in found}
    digit_starts = sorted(ends)
    for match in matches_at(cues.word_figure_re, text, starts_of(tokens, cues.word_figure_firsts)):
        if not any(match.group(g) for g in ("pre", "post", "unit", "uscale", "scale", "percent")):
            continue
        i = bisect.bisect_right(digit_starts, match.start()) - 1
        if i >= 0 and match.start() < ends[digit_starts[i]]:
            continue  # the half of "۱۲ و نیم میلیارد" (12 and a half billion), read with the 12
        base = cues.number_words[norm_key(match.group("wnum"))]
        second = cues.number_words[norm_key(match.group("wnum2"))] if match.group("wnum2") else 0
        if second and not _compound(base, second):
            # "два-три миллиарда": two numbers joined are a range, not a sum
            high = _measure(match, second, cues, word=True)
            low = high.value * base / second
            if low < high.value:
                found.append(replace(high, value=low, value_high=high.value, qualifier="range"))
                continue
        found.append(_measure(match, base + second + _half(match), cues, word=True))
    found.extend(_fractions(text, tokens, cues))
    found.sort(key=lambda f: f.start)
    found = _with_range_openers(found, text, cues)
    if cues.rate_before_re is not None or cues.rate_after_re is not None:
        found = [_rate(f, text, cues) for f in found]
    settled: set[int] = set()
    merged = _merge_ranges(
        _carry_unit(_join_compounds(found, text, cues), text, cues), text, cues, settled
    )
    return [
        f
        if f.qualifier == "range" or f.start in settled
        else _qualify(f, text, max(0, f.start - _LEFT), cues, tokens)
        for f in merged
    ]


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\u061b\u061f»”\")\]\u2013\u2014]|$)|\s+-\s")
_SENTENCE_END = re.compile(r"[.!?\u061f](?:\s|$)")
_CARRY_REACH = 200
"""How far a sum with no currency may stand from the sum whose currency it takes."""
_CARRY_FAR = 600
"""How far back, across sentences, a bare amount may find the amount whose unit it takes."""
_BILLION = 1e9
"""The least scale of a bare amount that takes a unit across sentences: bare millions are
head counts as often as not ("Iran, a country of 88 million"), bare billions are sums."""


def _carry_unit(figs: list[Figure], text: str, cues: Cues) -> list[Figure]:
    """An amount written with a scale word and no unit, that ends its clause, takes the unit
    understood from the amount before it. The unit is written once and left out after:
    - in one sentence, any sum: "reached $4 billion last year and will near 5 billion.",
      "перешагнули 4 миллиарда долларов ... приблизится к 5 миллиардам.";
    - across sentences, an amount in billions or more, of the same scale, of money or of a
      volume: "Gas exports reached 12.9 bcm. ... If they get to 10-15 billion, that is a
      real story."
    """
    out: list[Figure] = []
    money: Figure | None = None
    measured: Figure | None = None
    for fig in figs:
        if fig.unit is not None and fig.scaled:
            measured = fig
        if fig.unit in MONEY_UNITS:
            money = fig
        elif (
            fig.unit is None
            and fig.scaled
            and fig.text.split()[-1].lower() in cues.scales
            and (_CLAUSE_END.match(text, fig.end) or _set_against(fig, text, cues))
        ):
            fig = _understood_unit(fig, money, measured, text, cues)
        out.append(fig)
    return out


def _fractions(text: str, tokens: Tokens, cues: Cues) -> list[Figure]:
    """Shares told as fractions in words ("half of the proceeds"), as percentages; not a
    period after an ordinal ("the first half of 2017")."""
    out = []
    for start, end in zip(*cues.lexicon.index(text).spans("fractions"), strict=True):
        i = bisect.bisect_left(tokens.starts, start)
        if i > 0 and tokens.words[i - 1] in cues.fraction_not_after:
            continue
        phrase = text[start:end]
        out.append(Figure(start, end, phrase, cues.fractions[norm_key(phrase)], "%"))
    return out


def _half(match: re.Match[str]) -> float:
    """The half a number takes before its scale ("12 and a half billion")."""
    return 0.5 if match.group("half") else 0.0


def _set_against(fig: Figure, text: str, cues: Cues) -> bool:
    """Whether an amount is set against the one before it, perhaps with a qualifier of its
    own: "против 2,3 млрд", "против примерно 2,3 млрд"."""
    end = fig.start
    left = text[max(0, end - _LEFT) : end]
    for _, pattern in cues.qualifiers_before:
        if (found := pattern.search(left)) is not None:
            end -= len(left) - found.start()
            break
    return cues.compared_re.search(text, max(0, end - _LEFT), end) is not None


def _understood_unit(
    fig: Figure, money: Figure | None, measured: Figure | None, text: str, cues: Cues
) -> Figure:
    if (
        money is not None
        and fig.start - money.end <= _CARRY_REACH
        and not _SENTENCE_END.search(text, money.end, fig.start)
    ):
        return replace(fig, unit=money.unit)
    if (
        measured is None
        or fig.start - measured.end > _CARRY_FAR
        or _largest_scale(fig, cues) != _largest_scale(measured, cues)
        or _largest_scale(fig, cues) < _BILLION
        or _DIGITS.search(measured.text) is None
    ):
        return fig
    # the unit's own factor: "2 billion cubic metres" is 2 bcm, so "55 billion" is 55
    nominal = _bare(measured.text, cues) * _largest_scale(measured, cues)
    return replace(fig, unit=measured.unit, value=fig.value * measured.value / nominal)


_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:[^\W\d_][\w.]*\s+){0,2}")
"""Between a figure and the next: an opening parenthesis and at most two words ("(about")."""
_CONVERSION_CLOSE = re.compile(r"[^()\n]{0,40}\)")
CONVERSION = "a conversion of the figure before it"


def conversions(figures: Sequence[Figure], text: str) -> set[int]:
    """Starts of the money figures that restate the money figure just before them in another
    currency, in parentheses: "$742 million (about 42.5 billion roubles)". News converts a
    sum for its readers; the claim is the first figure."""
    out: set[int] = set()
    for before, fig in pairwise(figures):
        if (
            before.unit in MONEY_UNITS
            and fig.unit in MONEY_UNITS
            and fig.unit != before.unit
            and _CONVERSION_OPEN.fullmatch(text, before.end, fig.start)
            and _CONVERSION_CLOSE.match(text, fig.end)
        ):
            out.add(fig.start)
    return out
