"""The monitor run's steps as plain functions; ``flows/monitor.py`` wraps them in Prefect tasks.

Crash safety: a source's validators (ETag / Last-Modified) are committed only at the end
of the run, and only when every new article it listed was stored or failed for good. A run
killed half-way therefore re-reads its feeds next time and finishes the work; articles
already committed are recognised by their canonical URL and skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from extractors.topics import Topic, prefilter
from flows.processing import PageJob, ProcessedPage, failed_record
from flows.settings import Catalogue, Settings
from sources.catalogue import is_due
from sources.fetcher import Fetcher
from sources.harvest import Attempt, PageOutcome, PollOutcome, fetch_pages, poll_sources
from sources.models import Candidate, Source
from sources.urls import url_key
from warehouse.db import connect, transaction, write_transaction
from warehouse.ingest import (
    FetchLogRecord,
    Listing,
    SourcePoll,
    known_urls,
    load_articles,
    record_polls,
    source_states,
    sync_sources,
)
from warehouse.ledger import LedgerChanges, load_ledger
from warehouse.migrations import migrate_file
from warehouse.records import ArticleRecord
from warehouse.runs import RunCounts, finish_run, mark_abandoned_runs, start_run
from warehouse.texts import TextStore

logger = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True, kw_only=True)
class Plan:
    """What this run will poll, decided at its start."""

    run_id: str
    due: list[Source]
    validators: dict[str, tuple[str | None, str | None]]
    sources: dict[str, Source]


@dataclass(slots=True, kw_only=True)
class Selection:
    """Candidates sorted into what to fetch and what to leave."""

    listed_by: dict[str, list[str]] = field(default_factory=dict)
    new: list[Candidate] = field(default_factory=list)
    known_listings: list[Listing] = field(default_factory=list)
    known: int = 0
    prefiltered: int = 0


def open_run(
    settings: Settings, catalogue: Catalogue, *, run_id: str, flow: str, force: bool = False
) -> Plan:
    """Migrate, record the catalogue, open the run row, and pick the sources that are due."""
    now = utcnow()
    path = str(settings.database)
    with connect(settings.database, lock_timeout=settings.lock_timeout) as conn:
        migrate_file(conn, settings.database)
        with transaction(conn, path=path):
            crashed = mark_abandoned_runs(conn, now=now)
            sync_sources(conn, catalogue.sources, now=now)
            start_run(conn, run_id, flow, now)
        states = source_states(conn)
    if crashed:
        logger.warning("%s earlier run(s) had been killed; their work is redone now", crashed)
    due = []
    for source in catalogue.sources:
        state = states.get(source.id)
        if force or is_due(
            source,
            last_polled=state.last_polled_at if state else None,
            consecutive_failures=state.consecutive_failures if state else 0,
            now=now,
        ):
            due.append(source)
    return Plan(
        run_id=run_id,
        due=due,
        validators={s: (st.etag, st.last_modified) for s, st in states.items()},
        sources={s.id: s for s in catalogue.sources},
    )


async def discover(settings: Settings, fetcher: Fetcher, plan: Plan) -> list[PollOutcome]:
    """Poll the due sources with conditional GETs."""
    return await poll_sources(fetcher, plan.due, plan.validators, aliases=settings.origin_aliases)


def _passes_prefilter(candidate: Candidate, source: Source, topics: Sequence[Topic]) -> bool:
    if not candidate.title and not candidate.summary:
        return True  # nothing to judge by: fetch it and decide on the text
    wanted = [t for t in topics if not source.topics or t.id in source.topics]
    return bool(prefilter(candidate.title, candidate.summary, wanted))


def select_candidates(
    settings: Settings, plan: Plan, polls: Sequence[PollOutcome], topics: Sequence[Topic]
) -> Selection:
    """Deduplicate by canonical URL, drop what is already stored, prefilter the rest."""
    first: dict[str, Candidate] = {}
    for poll in polls:
        for candidate in poll.candidates:
            first.setdefault(candidate.url, candidate)
    listed_by = listed_by_map(polls)
    with connect(settings.database, lock_timeout=settings.lock_timeout) as conn:
        known = known_urls(conn, list(first))
    selection = Selection(listed_by=listed_by, known=len(known))
    now = utcnow()
    for url, candidate in first.items():
        if url in known:
            selection.known_listings.extend(
                Listing(article_id=url_key(url), source_id=s, first_seen_at=now)
                for s in listed_by[url]
            )
        elif _passes_prefilter(candidate, plan.sources[candidate.source_id], topics):
            selection.new.append(candidate)
        else:
            selection.prefiltered += 1
    return selection


async def fetch_batch(
    fetcher: Fetcher, plan: Plan, candidates: Sequence[Candidate]
) -> list[PageOutcome]:
    return await fetch_pages(fetcher, candidates, plan.sources)


def _job(plan: Plan, page: PageOutcome) -> PageJob:
    candidate = page.candidate
    return PageJob(
        url=candidate.url,
        fetch_url=candidate.fetch_url,
        source_id=candidate.source_id,
        leaning=plan.sources[candidate.source_id].leaning,
        html=page.html or "",
        feed_title=candidate.title,
        language=candidate.language,
        discovered_at=page.attempt.polled_at,
        fetched_at=page.attempt.polled_at,
        run_id=plan.run_id,
    )


def page_jobs(plan: Plan, pages: Sequence[PageOutcome]) -> list[PageJob]:
    """Extraction jobs for the pages that were fetched."""
    return [_job(plan, page) for page in pages if page.html is not None]


def _log_record(
    run_id: str, attempt: Attempt, source_id: str | None, purpose: str
) -> FetchLogRecord:
    if attempt.ok:
        outcome = "not_modified" if attempt.status == 304 else "ok"
    else:
        outcome = "transient_error" if attempt.transient else "error"
    return FetchLogRecord(
        run_id=run_id,
        url=attempt.url,
        source_id=source_id,
        purpose=purpose,
        status=attempt.status,
        outcome=outcome,
        error=attempt.error,
        bytes=attempt.bytes,
        elapsed_ms=attempt.elapsed * 1000,
        attempts=attempt.attempts,
        fetched_at=attempt.polled_at,
    )


@dataclass(slots=True, kw_only=True)
class BatchResult:
    stored: list[ArticleRecord]
    transient_failures: list[PageOutcome]
    ledger: LedgerChanges


def load_batch(
    settings: Settings,
    plan: Plan,
    pages: Sequence[PageOutcome],
    processed: Sequence[ProcessedPage],
    listed_by: dict[str, list[str]],
) -> BatchResult:
    """Store a batch in one transaction: articles, their listings, the fetch log, and the
    claim mentions and statements of the articles stored now (resolved into tracked claims).
    """
    # The texts go to their pack first: a run killed before the commit leaves a pack no row
    # names, never a row whose pack is missing (warehouse.texts).
    text_files = TextStore(settings.database).store([(p.record, p.text) for p in processed])
    stored = [p.record for p in processed]
    transient = []
    for page in pages:
        if page.html is not None:
            continue
        if page.attempt.transient:
            transient.append(page)
            continue
        stored.append(failed_record(_job(plan, page), page.attempt.error or "fetch failed"))
    now = utcnow()
    listings = [
        Listing(article_id=r.article_id, source_id=s, first_seen_at=now)
        for r in stored
        for s in listed_by.get(r.url, [r.source_id])
    ]
    log = [_log_record(plan.run_id, p.attempt, p.candidate.source_id, "article") for p in pages]
    with write_transaction(settings.database, lock_timeout=settings.lock_timeout) as conn:
        # An article stored before (a retried load) keeps its rows: its claims are not re-added.
        stored_now = load_articles(conn, stored, listings, log, text_files=text_files)
        fresh = [p for p in processed if p.record.url in stored_now]
        ledger = load_ledger(
            conn,
            [m for p in fresh for m in p.mentions],
            [s for p in fresh for s in p.statements],
            run_id=plan.run_id,
            now=now,
        )
    return BatchResult(stored=stored, transient_failures=transient, ledger=ledger)


def close_run(
    settings: Settings,
    plan: Plan,
    polls: Sequence[PollOutcome],
    selection: Selection,
    counts: RunCounts,
    incomplete_sources: set[str],
    *,
    status: str = "completed",
    message: str | None = None,
) -> None:
    """Record source health and validators, the known listings and the run's counts, together."""
    source_polls = []
    for poll in polls:
        keep = poll.source.id not in incomplete_sources
        source_polls.append(
            SourcePoll(
                source_id=poll.source.id,
                polled_at=poll.attempt.polled_at,
                ok=poll.attempt.ok,
                status=poll.attempt.status,
                etag=poll.etag if keep else None,
                last_modified=poll.last_modified if keep else None,
                error=poll.attempt.error,
                entries=len(poll.candidates),
            )
        )
    log = [_log_record(plan.run_id, p.attempt, p.source.id, "source") for p in polls]
    with write_transaction(settings.database, lock_timeout=settings.lock_timeout) as conn:
        record_polls(conn, source_polls)
        load_articles(conn, [], selection.known_listings, log)
        finish_run(conn, plan.run_id, counts, status=status, now=utcnow(), message=message)


def listed_by_map(polls: Sequence[PollOutcome]) -> dict[str, list[str]]:
    """Canonical URL → every source that listed it."""
    mapping: dict[str, list[str]] = {}
    for poll in polls:
        for candidate in poll.candidates:
            sources = mapping.setdefault(candidate.url, [])
            if candidate.source_id not in sources:
                sources.append(candidate.source_id)
    return mapping
