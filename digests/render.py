"""Digests and alerts as an email reads them: a subject that says what changed, an HTML part
(jinja2 with autoescape, CSS inlined by css-inline) and a plain-text part.

Everything here is pure: content in, strings out. Text from articles is hostile until shown
otherwise: it is made one-line and clipped here, and escaped by the HTML templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import css_inline
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from claimwatch.formatting import figure
from digests.recipients import Recipient
from digests.select import (
    STATUS_RANK,
    Claim,
    DigestContent,
    Drift,
    MoreOutlets,
    NewClaim,
    StatusChange,
    Unconfirmed,
)

MAX_SENTENCE = 320
MAX_NAME = 80
MAX_SUBJECT = 150
SHORT_ID = 8

STATUS_LABELS = {
    "unverified": "unverified",
    "not_confirmed": "not confirmed",
    "confirmed": "confirmed",
    "denied": "denied",
}
KIND_NOUNS = {
    "contract_signed": "contract",
    "negotiation": "deal under negotiation",
    "investment_pledge": "investment pledge",
    "trade_growth": "trade growth",
    "trade_volume": "trade",
    "supply_volume": "supply",
    "other": "deal",
}
SUPPLY_NOUNS = {"bcm": "gas supply", "bbl/d": "oil supply", "t": "supply"}
# Control characters (C0 except tab, C1, line and paragraph separators) end up as spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"\s+")
# A sentence that already opens or closes with one of these is shown with its own marks.
QUOTE_MARKS = '"“”„‟«»'


# -- pure helpers -------------------------------------------------------------------------


def one_line(text: str | None) -> str:
    """Any text as one line: control characters and runs of whitespace become one space."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", text or "")).strip()


def clip(text: str | None, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word and marked with an ellipsis."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def quoted(text: str, opening: str = "“", closing: str = "”") -> str:
    """``text`` between quotation marks, unless it starts or ends with one already (an
    evidence sentence that is itself a quotation): then as it is, never doubled."""
    if not text or text[0] in QUOTE_MARKS or text[-1] in QUOTE_MARKS:
        return text
    return f"{opening}{text}{closing}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are made clickable; anything else (javascript:, data:) is dropped."""
    if not url:
        return None
    url = one_line(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        return None
    return url


def noun(kind: str, unit: str) -> str:
    if kind == "supply_volume":
        return SUPPLY_NOUNS.get(unit, "supply")
    return KIND_NOUNS.get(kind, kind.replace("_", " "))


def claim_name(claim: Claim) -> str:
    """'up to $50 billion investment pledge', '55 bcm gas supply'."""
    return f"{claim.figure} {noun(claim.kind, claim.unit)}"


def status_verb(status: str, stance: str | None) -> str:
    if status == "confirmed":
        return "confirms"
    if status == "denied":
        return "denies"
    if stance == "no_comment":
        return "declines to comment on"
    return "cannot confirm"


def leaning_label(leaning: str | None) -> str:
    return (leaning or "").replace("_", " ")


def _outlet(name: str | None, leaning: str | None) -> str:
    label = clip(name, MAX_NAME) or "an outlet"
    return f"{label} ({leaning_label(leaning)})" if leaning else label


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _sql_time(moment: datetime) -> str:
    return moment.isoformat(sep=" ")


# -- what each item says ----------------------------------------------------------------


def headline_status(change: StatusChange) -> str:
    return f"Kremlin {status_verb(change.status, change.stance)} {claim_name(change.claim)}"


def headline_new(item: NewClaim) -> str:
    who = clip(item.claimant, MAX_NAME)
    return f"New claim: {claim_name(item.claim)}" + (f" ({who})" if who else "")


def headline_drift(item: Drift) -> str:
    claim = item.claim
    if item.field == "qualifier":
        old = figure(
            claim.value, claim.unit, value_high=claim.value_high, qualifier=item.from_value
        )
        new = figure(claim.value, claim.unit, value_high=claim.value_high, qualifier=item.to_value)
        if old == new:  # 'exact' and 'range' carry no word: say it
            new += f" ({item.to_value.replace('_', ' ')})"
        return f"{old} {noun(claim.kind, claim.unit)} now reported as {new}"
    return (
        f"{claim.figure} {noun(item.from_value, claim.unit)} now reported as "
        f"a {noun(item.to_value, claim.unit)}"
    )


def headline_outlets(item: MoreOutlets) -> str:
    total = item.outlets_before + len(item.new_outlets)
    return f"{claim_name(item.claim)} now reported by {total} outlets"


def headline_unconfirmed(item: Unconfirmed) -> str:
    return f"{claim_name(item.claim)} still unconfirmed after {item.days} days"


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One item of a section, as both templates show it."""

    figure: str
    what: str
    status: str
    status_label: str
    headline: str
    lines: tuple[str, ...] = ()
    quote: str = ""
    link: str | None = None
    link_label: str = ""
    claim_ref: str = ""


def _claim_row(claim: Claim, headline: str, **extra: Any) -> Row:
    status = extra.pop("status", claim.kremlin_status)
    return Row(
        figure=claim.figure,
        what=f"{noun(claim.kind, claim.unit)} · {clip(claim.topic, MAX_NAME)}",
        status=status,
        status_label=STATUS_LABELS.get(status, status),
        headline=headline,
        claim_ref=claim.claim_id[:SHORT_ID],
        **extra,
    )


def _claimants(claim: Claim) -> str:
    names = [clip(c, MAX_NAME) for c in claim.claimants[:3]]
    more = len(claim.claimants) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "") if names else "unnamed"


def row_status(change: StatusChange) -> Row:
    speaker = clip(change.speaker, MAX_NAME) or "the Kremlin"
    role = (change.role or "").replace("_", " ")
    return _claim_row(
        change.claim,
        headline_status(change),
        status=change.status,
        lines=(
            f"{STATUS_LABELS.get(change.previous_status, change.previous_status)} → "
            f"{STATUS_LABELS.get(change.status, change.status)} on {change.effective_on}, "
            f"on the word of {speaker}" + (f" ({role})" if role else ""),
            f"Claimed by {_claimants(change.claim)}",
        ),
        quote=clip(change.evidence.sentence, MAX_SENTENCE),
        link=safe_url(change.evidence.url),
        link_label=_outlet(change.evidence.outlet, change.evidence.leaning),
    )


def row_new(item: NewClaim) -> Row:
    claim = item.claim
    return _claim_row(
        claim,
        headline_new(item),
        lines=(
            f"{claim.kind.replace('_', ' ')}, {claim.qualifier.replace('_', ' ')}; "
            f"claimed by {_claimants(claim)}",
            f"First reported {item.first_reported} by "
            f"{_outlet(item.first.outlet, item.first.leaning)}; "
            f"{_plural(claim.sources, 'outlet')} so far",
        ),
        quote=clip(item.first.sentence, MAX_SENTENCE),
        link=safe_url(item.first.url),
        link_label=_outlet(item.first.outlet, item.first.leaning),
    )


def row_outlets(item: MoreOutlets) -> Row:
    shown = [_outlet(name, leaning) for name, leaning in item.new_outlets[:5]]
    more = len(item.new_outlets) - len(shown)
    return _claim_row(
        item.claim,
        headline_outlets(item),
        lines=(
            f"New: {', '.join(shown)}" + (f" and {more} more" if more > 0 else ""),
            f"Before: {_plural(item.outlets_before, 'outlet')}",
        ),
    )


def row_drift(item: Drift) -> Row:
    return _claim_row(
        item.claim,
        headline_drift(item),
        lines=(
            f"{item.field}: {item.from_value.replace('_', ' ')} → "
            f"{item.to_value.replace('_', ' ')}, reported {item.effective_on} as "
            f"{quoted(clip(item.text, MAX_NAME))}",
        ),
        quote=clip(item.evidence.sentence, MAX_SENTENCE),
        link=safe_url(item.evidence.url),
        link_label=_outlet(item.evidence.outlet, item.evidence.leaning),
    )


def row_unconfirmed(item: Unconfirmed) -> Row:
    return _claim_row(
        item.claim,
        headline_unconfirmed(item),
        lines=(
            f"First seen by claimwatch on {item.first_loaded}; Kremlin status: "
            f"{STATUS_LABELS.get(item.claim.kremlin_status, item.claim.kremlin_status)}",
            f"Claimed by {_claimants(item.claim)}; {_plural(item.claim.sources, 'outlet')}",
        ),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    title: str
    rows: list[Row]
    total: int
    query: str

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def _section(
    title: str, items: Sequence[Any], to_row: Callable[[Any], Row], query: str, limit: int
) -> Section:
    return Section(
        title=title, rows=[to_row(i) for i in items[:limit]], total=len(items), query=query
    )


def digest_sections(content: DigestContent, *, max_items: int) -> list[Section]:
    """The non-empty sections, each capped at ``max_items`` rows with the query for the rest."""
    start, end = _sql_time(content.period.start), _sql_time(content.period.end)

    recorded = f"recorded_at >= '{start}' AND recorded_at < '{end}'"
    loaded = f"loaded_at >= '{start}' AND loaded_at < '{end}'"
    first = f"min(loaded_at) >= '{start}' AND min(loaded_at) < '{end}'"
    sections = [
        _section(
            "Kremlin status changes",
            content.status_changes,
            row_status,
            f'claimwatch sql "SELECT * FROM claim_status_history WHERE {recorded}"',
            max_items,
        ),
        _section(
            "New tracked claims",
            content.new_claims,
            row_new,
            'claimwatch sql "SELECT * FROM claims_current WHERE claim_id IN (SELECT claim_id '
            f'FROM claim_mentions_v GROUP BY claim_id HAVING {first})"',
            max_items,
        ),
        _section(
            "Reported by more outlets",
            content.more_outlets,
            row_outlets,
            'claimwatch sql "SELECT claim_id, source_name, leaning, url FROM claim_mentions_v '
            f'WHERE {loaded}"',
            max_items,
        ),
        _section(
            "Figure drift",
            content.drift,
            row_drift,
            f'claimwatch sql "SELECT * FROM claim_drift_v WHERE {recorded}"',
            max_items,
        ),
        _section(
            "Still unconfirmed",
            content.unconfirmed,
            row_unconfirmed,
            "claimwatch claims --status not_confirmed; claimwatch claims --status unverified",
            max_items,
        ),
    ]
    return [s for s in sections if s.total]


def _headlines(content: DigestContent) -> list[str]:
    """Every item's headline, the most important first."""
    return (
        [headline_status(c) for c in content.status_changes]
        + [headline_drift(d) for d in content.drift]
        + [headline_new(n) for n in content.new_claims]
        + [headline_outlets(m) for m in content.more_outlets]
        + [headline_unconfirmed(u) for u in content.unconfirmed]
    )


def subject_line(headline: str, others: int, other_word: str) -> str:
    """One line, at most MAX_SUBJECT characters: the headline and how much else there is."""
    tail = f", and {_plural(others, other_word)}" if others > 0 else ""
    return clip(headline, MAX_SUBJECT - len(tail)) + tail


# -- templates ------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("digests", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["quoted"] = quoted
    return env


@cache
def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendered:
    subject: str
    text: str
    html: str
    items: int = 0


def _render(kind: str, context: dict[str, Any]) -> tuple[str, str]:
    env = _environment()
    css = env.get_template("style.css").render()
    html = env.get_template(f"{kind}.html.j2").render(css=css, **context)
    text = env.get_template(f"{kind}.txt.j2").render(**context)
    return _inliner().inline(html), text


def render_digest(content: DigestContent, recipient: Recipient, *, max_items: int = 20) -> Rendered:
    """The digest for one recipient (``content`` already filtered to their topics)."""
    headlines = _headlines(content)
    subject = subject_line(headlines[0], content.total - 1, "more update")
    sections = digest_sections(content, max_items=max_items)
    html, text = _render(
        "digest",
        {
            "subject": subject,
            "recipient": recipient,
            "start": _stamp(content.period.start),
            "end": _stamp(content.period.end),
            "total": content.total,
            "sections": sections,
        },
    )
    return Rendered(subject=subject, text=text, html=html, items=content.total)


def render_alert(
    changes: Sequence[StatusChange], recipient: Recipient, *, max_items: int = 20
) -> Rendered:
    """An immediate alert: the status changes one Kremlin statement made."""
    ordered = sorted(
        changes, key=lambda c: (STATUS_RANK.get(c.status, 9), -c.claim.weight, c.event_id)
    )
    subject = subject_line(headline_status(ordered[0]), len(ordered) - 1, "more claim")
    section = _section(
        "What changed",
        ordered,
        row_status,
        'claimwatch sql "SELECT * FROM claim_status_history WHERE statement_id = '
        f"'{ordered[0].statement_id}'\"",
        max_items,
    )
    html, text = _render(
        "alert", {"subject": subject, "recipient": recipient, "sections": [section]}
    )
    return Rendered(subject=subject, text=text, html=html, items=len(ordered))
