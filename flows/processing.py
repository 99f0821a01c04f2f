"""Fetched page → article row (trafilatura, relevance) and, for a relevant article, its claim
mentions and Russian statements; run in worker processes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from courlan import extract_domain

from claimwatch.errors import ClaimwatchError
from extractors.article import extract_article
from extractors.claims import Extraction, extract_claims
from extractors.cues import UnknownLanguage, available_languages, load_cues
from extractors.kinds import family_of
from extractors.kremlin import KREMLIN_ROLES
from extractors.language import load_model
from extractors.people import load_gazetteer
from extractors.topics import Topic, relevance
from sources.urls import url_key
from warehouse.records import ArticleRecord, MentionRecord, StatementRecord, stable_id

CHUNK = 8
"""Pages per worker hand-off: enough to amortise pickling, few enough to balance the cores."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PageJob:
    """A fetched page, ready for extraction."""

    url: str
    fetch_url: str
    source_id: str
    leaning: str
    html: str
    feed_title: str
    language: str | None
    """The feed entry's language, else the source's: evidence for a text too short to tell."""
    discovered_at: datetime
    fetched_at: datetime
    run_id: str


def content_hash(text: str) -> str:
    """Identifies the article's text whatever page furniture surrounds it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _from_job(job: PageJob) -> dict[str, Any]:
    """The fields of an article row that come from the page job, whatever extraction gave."""
    return {
        "article_id": url_key(job.url),
        "url": job.url,
        "fetch_url": job.fetch_url,
        "source_id": job.source_id,
        "leaning": job.leaning,
        "feed_title": job.feed_title or None,
        "discovered_at": job.discovered_at,
        "fetched_at": job.fetched_at,
        "run_id": job.run_id,
    }


def failed_record(job: PageJob, reason: str) -> ArticleRecord:
    return ArticleRecord(
        **_from_job(job),
        status="failed",
        failure_reason=reason,
        title=job.feed_title or None,
        author=None,
        published=None,
        site_name=None,
        language=None,
        text_chars=None,
        text_file=None,
        content_hash=None,
        relevant=None,
        topics=[],
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcessedPage:
    """An article row, its text, and what the claim engine found in it (nothing unless
    relevant)."""

    record: ArticleRecord
    text: str | None = None
    mentions: list[MentionRecord] = field(default_factory=list)
    statements: list[StatementRecord] = field(default_factory=list)


def ledger_rows(
    record: ArticleRecord, extraction: Extraction
) -> tuple[list[MentionRecord], list[StatementRecord]]:
    """The article's claims and statements as ledger rows.

    A mention starts under the article's first topic (topics are listed specific first in the
    catalogue) and may join a claim of any of its topics (see warehouse.resolution.resolve); a
    statement may answer claims of any of the article's topics.
    """
    reported_on = record.published or record.discovered_at.date()
    topic = record.topics[0]
    mentions = [
        MentionRecord(
            mention_id=stable_id("m", record.article_id, claim.start, claim.end),
            article_id=record.article_id,
            topic=topic,
            family=family_of(claim.kind),
            text=claim.text,
            value=claim.value,
            value_high=claim.value_high,
            unit=claim.unit,
            value_usd=claim.value_usd,
            qualifier=claim.qualifier,
            kind=claim.kind,
            modality=claim.modality,
            claimant=claim.claimant,
            attributed_to=claim.attributed_to,
            parties=list(claim.parties),
            period=claim.period,
            sentence=claim.sentence,
            char_start=claim.start,
            char_end=claim.end,
            reported_on=reported_on,
            source_id=record.source_id,
            leaning=record.leaning,
            language=record.language,
        )
        for claim in extraction.claims
    ]
    statements = [
        StatementRecord(
            statement_id=stable_id("s", record.article_id, found.start, found.end, found.speaker),
            article_id=record.article_id,
            speaker=found.speaker,
            role=found.role,
            is_kremlin=found.role in KREMLIN_ROLES,
            stance=found.stance,
            about_claimant=found.about_claimant,
            about_values=list(found.about_values),
            topics=list(record.topics),
            sentence=found.sentence,
            char_start=found.start,
            char_end=found.end,
            reported_on=reported_on,
            source_id=record.source_id,
        )
        for found in extraction.kremlin_statements
    ]
    return mentions, statements


def _claims_of(record: ArticleRecord, text: str) -> Extraction:
    try:
        return extract_claims(text, language=record.language or "en", published=record.published)
    except UnknownLanguage:
        return Extraction()


def process_page(job: PageJob, topics: Sequence[Topic]) -> ProcessedPage:
    """Extract one page; a page that cannot be extracted becomes a failed row with its reason."""
    try:
        article = extract_article(job.html, url=job.fetch_url, language_hint=job.language)
    except ClaimwatchError as exc:
        return ProcessedPage(record=failed_record(job, str(exc)))
    matched = relevance(
        article.text, article.title or job.feed_title, topics, published=article.published
    )
    record = ArticleRecord(
        **_from_job(job),
        status="extracted",
        failure_reason=None,
        title=article.title or job.feed_title or None,
        author=article.author,
        published=article.published,
        site_name=article.site_name,
        language=article.language,
        text_chars=len(article.text),
        text_file=None,
        content_hash=content_hash(article.text),
        relevant=bool(matched),
        topics=matched,
    )
    if not matched:
        return ProcessedPage(record=record, text=article.text)
    mentions, statements = ledger_rows(record, _claims_of(record, article.text))
    return ProcessedPage(record=record, text=article.text, mentions=mentions, statements=statements)


FORKSERVER_MAIN = "CLAIMWATCH_FORKSERVER_MAIN"
"""Environment variable that gives the fork server the parent's main module, as JSON with
one of MAIN_KEYS (flows.monitor, flows.worker_preload)."""
MAIN_KEYS = ("init_main_from_name", "init_main_from_path")
"""The keys by which multiprocessing's preparation data names a parent's main module."""


def warm_up() -> None:
    """Load what the first page would otherwise wait for (~0.8 s in all): the language model,
    every language's cue tables and the gazetteer, and the public-suffix list trafilatura
    reads on the first URL it meets. Importing this module has already loaded trafilatura and
    lxml."""
    load_model()
    for language in available_languages():
        load_cues(language)
    load_gazetteer()
    extract_domain("https://example.org/")


def _process_chunk(jobs: Sequence[PageJob], topics: Sequence[Topic]) -> list[ProcessedPage]:
    return [process_page(job, topics) for job in jobs]


def process_pages(
    jobs: Sequence[PageJob], topics: Sequence[Topic], executor: Executor | None
) -> list[ProcessedPage]:
    """Extract a batch, across the executor's workers when one is given."""
    if executor is None or len(jobs) <= CHUNK:
        return _process_chunk(jobs, topics)
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    futures = [executor.submit(_process_chunk, chunk, topics) for chunk in chunks]
    return [record for future in futures for record in future.result()]
