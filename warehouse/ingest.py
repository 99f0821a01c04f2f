"""Loading what the ingest stage produced: sources, their poll state, articles, the fetch log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from sources.models import Source
from warehouse.bulk import (
    collector_paused,
    existing_keys,
    insert_columns,
    insert_records,
    record_columns,
)
from warehouse.records import ArticleRecord


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceState:
    source_id: str
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None
    consecutive_failures: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SourcePoll:
    """The outcome of polling one source once."""

    source_id: str
    polled_at: datetime
    ok: bool
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    entries: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchLogRecord:
    run_id: str
    url: str
    source_id: str | None
    purpose: str
    status: int | None
    outcome: str
    error: str | None
    bytes: int | None
    elapsed_ms: float | None
    attempts: int | None
    fetched_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing:
    """An article listed by a source (the same article may be listed by several)."""

    article_id: str
    source_id: str
    first_seen_at: datetime


_SOURCE_COLUMNS = (
    "source_id",
    "name",
    "kind",
    "url",
    "language",
    "leaning",
    "poll_minutes",
    "is_local",
)


def _source_row(source: Source) -> tuple[object, ...]:
    """A catalogue entry as the ``sources`` table holds it (in ``_SOURCE_COLUMNS`` order)."""
    return (
        source.id,
        source.name,
        source.kind,
        source.url,
        source.language,
        source.leaning,
        source.poll_minutes,
        source.local,
    )


def sync_sources(
    conn: duckdb.DuckDBPyConnection, sources: Iterable[Source], *, now: datetime
) -> None:
    """Make the ``sources`` table match the catalogue (insert new, update changed; a source
    as it was stays untouched, with its ``updated_at``: most runs change nothing)."""
    columns = ", ".join(_SOURCE_COLUMNS)
    stored = {row[0]: row for row in conn.execute(f"SELECT {columns} FROM sources").fetchall()}
    changed = [row for row in map(_source_row, sources) if stored.get(row[0]) != row]
    if not changed:
        return
    updates = ", ".join(f"{c} = excluded.{c}" for c in (*_SOURCE_COLUMNS[1:], "updated_at"))
    insert_columns(
        conn,
        "sources",
        {name: [row[i] for row in changed] for i, name in enumerate(_SOURCE_COLUMNS)},
        constants={"updated_at": now},
        on_conflict=f"(source_id) DO UPDATE SET {updates}",
    )


def source_states(conn: duckdb.DuckDBPyConnection) -> dict[str, SourceState]:
    rows = conn.execute(
        "SELECT source_id, etag, last_modified, last_polled_at, consecutive_failures "
        "FROM source_state"
    ).fetchall()
    return {
        row[0]: SourceState(
            source_id=row[0],
            etag=row[1],
            last_modified=row[2],
            last_polled_at=row[3],
            consecutive_failures=row[4],
        )
        for row in rows
    }


def record_polls(conn: duckdb.DuckDBPyConnection, polls: Sequence[SourcePoll]) -> None:
    """Update each polled source's state: validators and health counters."""
    for poll in polls:
        if poll.ok:
            conn.execute(
                """
                INSERT INTO source_state AS s (source_id, etag, last_modified, last_polled_at,
                    last_success_at, last_status, consecutive_failures, entries_last_poll)
                VALUES ($1, $2, $3, $4, $4, $5, 0, $6)
                ON CONFLICT (source_id) DO UPDATE SET
                    etag = excluded.etag,
                    last_modified = excluded.last_modified,
                    last_polled_at = excluded.last_polled_at,
                    last_success_at = excluded.last_success_at,
                    last_status = excluded.last_status,
                    consecutive_failures = 0,
                    entries_last_poll = excluded.entries_last_poll
                """,
                [
                    poll.source_id,
                    poll.etag,
                    poll.last_modified,
                    poll.polled_at,
                    poll.status,
                    poll.entries,
                ],
            )
        else:
            conn.execute(
                """
                INSERT INTO source_state AS s (source_id, last_polled_at, last_status, last_error,
                    last_error_at, consecutive_failures, entries_last_poll)
                VALUES ($1, $2, $3, $4, $2, 1, 0)
                ON CONFLICT (source_id) DO UPDATE SET
                    last_polled_at = excluded.last_polled_at,
                    last_status = excluded.last_status,
                    last_error = excluded.last_error,
                    last_error_at = excluded.last_error_at,
                    consecutive_failures = s.consecutive_failures + 1,
                    entries_last_poll = 0
                """,
                [poll.source_id, poll.polled_at, poll.status, poll.error],
            )


def known_urls(conn: duckdb.DuckDBPyConnection, urls: Sequence[str]) -> set[str]:
    """The subset of ``urls`` (canonical) already stored as articles."""
    return existing_keys(conn, "articles", "url", urls)


@collector_paused()
def load_articles(
    conn: duckdb.DuckDBPyConnection,
    articles: Sequence[ArticleRecord],
    listings: Sequence[Listing],
    fetch_log: Sequence[FetchLogRecord],
    *,
    text_files: Mapping[str, str] | None = None,
) -> set[str]:
    """Insert a batch; an article already stored (same canonical URL) is left as it was.

    ``text_files``: article id → the pack holding its text (``TextStore.store``), for the rows
    whose ``text_file`` it gives.

    Returns the URLs of the articles stored now. Known ones are filtered out first: a plain
    insert is about 5x faster than ``ON CONFLICT DO NOTHING`` on the indexed table.
    """
    unique = list({a.url: a for a in articles}.values())
    stored_before = known_urls(conn, [a.url for a in unique])
    new = [a for a in unique if a.url not in stored_before]
    columns = record_columns(new)
    if text_files and columns:
        columns["text_file"] = [
            text_files.get(article_id, pack)
            for article_id, pack in zip(columns["article_id"], columns["text_file"], strict=True)
        ]
    insert_columns(conn, "articles", columns, on_conflict="")
    insert_records(conn, "article_sources", listings)
    log_fetches(conn, fetch_log)
    return {a.url for a in new}


def log_fetches(conn: duckdb.DuckDBPyConnection, fetch_log: Sequence[FetchLogRecord]) -> None:
    insert_records(conn, "fetch_log", fetch_log, on_conflict="")
