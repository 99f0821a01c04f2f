"""Polling sources and fetching article pages concurrently, one outcome per item.

A failure of one source or one page becomes an outcome with its error, never an exception
that stops the others: the run goes on and the failure is recorded.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from claimwatch.errors import ClaimwatchError, is_transient
from sources.discovery import parse_source_document, source_request_url
from sources.exceptions import HTTPStatusError
from sources.fetcher import Accept, Fetcher, FetchResult
from sources.models import Candidate, Source
from sources.urls import host_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Attempt:
    """What one request did, for the fetch log."""

    url: str
    polled_at: datetime
    status: int | None = None
    error: str | None = None
    transient: bool = False
    bytes: int = 0
    elapsed: float = 0.0
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True, kw_only=True)
class PollOutcome:
    source: Source
    attempt: Attempt
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageOutcome:
    candidate: Candidate
    attempt: Attempt
    html: str | None = None
    final_url: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _attempt(url: str, started: datetime, result: FetchResult) -> Attempt:
    return Attempt(
        url=url,
        polled_at=started,
        status=result.status,
        bytes=len(result.content),
        elapsed=result.elapsed,
        attempts=result.attempts,
    )


def _failed(url: str, started: datetime, exc: Exception) -> Attempt:
    status = exc.status if isinstance(exc, HTTPStatusError) else None
    if not isinstance(exc, ClaimwatchError):
        logger.error("unexpected error for %s", url, exc_info=exc)
    message = str(exc) if isinstance(exc, ClaimwatchError) else f"{type(exc).__name__}: {exc}"
    return Attempt(
        url=url, polled_at=started, status=status, error=message, transient=is_transient(exc)
    )


async def poll_source(
    fetcher: Fetcher,
    source: Source,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> PollOutcome:
    """GET a source conditionally and parse what it lists."""
    url = source_request_url(source)
    started = _now()
    try:
        accept: Accept = "json" if source.kind == "gdelt" else "feed"
        result = await fetcher.get(
            url, local_ok=source.local, etag=etag, last_modified=last_modified, accept=accept
        )
        if result.not_modified:
            return PollOutcome(
                source=source,
                attempt=_attempt(url, started, result),
                etag=result.etag or etag,
                last_modified=result.last_modified or last_modified,
                not_modified=True,
            )
        candidates = parse_source_document(
            source, result.content, base_url=result.final_url, aliases=aliases
        )
    except Exception as exc:  # one source's failure must not stop the others
        logger.warning("source %s failed: %s", source.id, exc)
        return PollOutcome(source=source, attempt=_failed(url, started, exc))
    logger.info("source %s listed %s entries", source.id, len(candidates))
    return PollOutcome(
        source=source,
        attempt=_attempt(url, started, result),
        etag=result.etag,
        last_modified=result.last_modified,
        candidates=candidates,
    )


async def fetch_page(fetcher: Fetcher, candidate: Candidate, *, local_ok: bool) -> PageOutcome:
    """GET one article page and decode it."""
    started = _now()
    try:
        result = await fetcher.get(candidate.fetch_url, local_ok=local_ok, accept="html")
        html = result.text()
    except Exception as exc:  # one page's failure must not stop the batch
        logger.warning("page %s failed: %s", candidate.fetch_url, exc)
        return PageOutcome(candidate=candidate, attempt=_failed(candidate.fetch_url, started, exc))
    return PageOutcome(
        candidate=candidate,
        attempt=_attempt(candidate.fetch_url, started, result),
        html=html,
        final_url=result.final_url,
    )


async def poll_sources(
    fetcher: Fetcher,
    sources: Sequence[Source],
    validators: Mapping[str, tuple[str | None, str | None]],
    *,
    aliases: Mapping[str, str] | None = None,
) -> list[PollOutcome]:
    """Poll every source concurrently (the fetcher enforces the politeness limits)."""
    polls = []
    for source in sources:
        etag, last_modified = validators.get(source.id, (None, None))
        polls.append(
            poll_source(fetcher, source, etag=etag, last_modified=last_modified, aliases=aliases)
        )
    return list(await asyncio.gather(*polls))


def private_hosts(sources: Mapping[str, Source]) -> dict[str, str]:
    """Source id → the one private host it may reach: its own, if it is marked local.

    A feed on a trusted intranet host that links to 10.0.0.1 or 127.0.0.1 elsewhere is refused
    like any public source's would be.
    """
    return {s.id: host_of(source_request_url(s)) for s in sources.values() if s.local}


async def fetch_pages(
    fetcher: Fetcher, candidates: Sequence[Candidate], sources: Mapping[str, Source]
) -> list[PageOutcome]:
    """Fetch every candidate's page concurrently."""
    allowed = private_hosts(sources)
    return list(
        await asyncio.gather(
            *(
                fetch_page(fetcher, c, local_ok=host_of(c.fetch_url) == allowed.get(c.source_id))
                for c in candidates
            )
        )
    )
