"""Fetched page → article row: extraction and relevance, run in worker processes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from claimwatch.errors import ClaimwatchError
from extractors.article import extract_article
from extractors.topics import Topic, relevance
from sources.urls import url_key
from warehouse.ingest import ArticleRecord

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
        text=None,
        content_hash=None,
        relevant=None,
        topics=[],
    )


def process_page(job: PageJob, topics: Sequence[Topic]) -> ArticleRecord:
    """Extract one page; a page that cannot be extracted becomes a failed row with its reason."""
    try:
        article = extract_article(job.html, url=job.fetch_url)
    except ClaimwatchError as exc:
        return failed_record(job, str(exc))
    matched = relevance(
        article.text, article.title or job.feed_title, topics, published=article.published
    )
    return ArticleRecord(
        **_from_job(job),
        status="extracted",
        failure_reason=None,
        title=article.title or job.feed_title or None,
        author=article.author,
        published=article.published,
        site_name=article.site_name,
        language=article.language,
        text=article.text,
        content_hash=content_hash(article.text),
        relevant=bool(matched),
        topics=matched,
    )


def warm_up() -> None:
    """Run in each new worker: importing this module already loaded trafilatura and lxml."""


def _process_chunk(jobs: Sequence[PageJob], topics: Sequence[Topic]) -> list[ArticleRecord]:
    return [process_page(job, topics) for job in jobs]


def process_pages(
    jobs: Sequence[PageJob], topics: Sequence[Topic], executor: Executor | None
) -> list[ArticleRecord]:
    """Extract a batch, across the executor's workers when one is given."""
    if executor is None or len(jobs) <= CHUNK:
        return _process_chunk(jobs, topics)
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    futures = [executor.submit(_process_chunk, chunk, topics) for chunk in chunks]
    return [record for future in futures for record in future.result()]
