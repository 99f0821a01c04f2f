"""The rows the extraction workers hand to the warehouse: plain dataclasses, so that the
workers need neither DuckDB nor Arrow (warehouse.ingest and warehouse.ledger load them)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRecord:
    """One article row; ``status`` is 'extracted' or 'failed' (with ``failure_reason``)."""

    article_id: str
    url: str
    fetch_url: str
    source_id: str
    status: str
    failure_reason: str | None
    title: str | None
    author: str | None
    published: date | None
    site_name: str | None
    language: str | None
    leaning: str | None
    text_chars: int | None
    text_file: str | None
    """The pack holding the text (warehouse.texts), named by the load that stores the row."""
    content_hash: str | None
    relevant: bool | None
    topics: list[str]
    feed_title: str | None
    discovered_at: datetime
    fetched_at: datetime | None
    run_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionRecord:
    """One figure claim in one article (``claim_id`` is filled in by resolution)."""

    mention_id: str
    article_id: str
    topic: str
    family: str
    text: str
    value: float
    value_high: float | None
    unit: str
    value_usd: float | None
    qualifier: str
    kind: str
    modality: str
    claimant: str | None
    attributed_to: str | None
    parties: list[str]
    period: str | None
    sentence: str
    char_start: int
    char_end: int
    reported_on: date
    source_id: str
    leaning: str | None
    language: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementRecord:
    """One statement by a Russian voice in one article."""

    statement_id: str
    article_id: str
    speaker: str | None
    role: str
    is_kremlin: bool
    stance: str
    about_claimant: str | None
    about_values: list[float]
    topics: list[str]
    sentence: str
    char_start: int
    char_end: int
    reported_on: date
    source_id: str
