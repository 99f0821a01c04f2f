"""What analysts read: the snapshot, opened read-only, and the queries behind
``claimwatch claims``, ``claim``, ``article``, ``sql`` and ``export``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import rows_as_dicts, translated_errors
from warehouse.exceptions import QueryError, WarehouseError
from warehouse.texts import read_text

EXPORTED_VIEWS = (
    "claims_current",
    "claim_mentions_v",
    "kremlin_statements_v",
    "claim_status_history",
    "claim_drift_v",
    "articles_v",
    "sources_health",
    "runs_v",
)
STATUSES = ("unverified", "not_confirmed", "confirmed", "denied")


@contextlib.contextmanager
def open_snapshot(path: str | Path, *, files: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the snapshot read-only. Unless ``files``, the connection may not touch any other
    file either (no COPY TO, ATTACH, read_csv): a query can only read the warehouse."""
    path = Path(path)
    if not path.exists():
        raise WarehouseError(
            f"{path}: no warehouse snapshot yet; run `claimwatch run` or `claimwatch demo` "
            "first, or pass the file to read",
            path=str(path),
        )
    config: dict[str, str | bool | int | float | list[str]] = (
        {} if files else {"enable_external_access": False}
    )
    with translated_errors(str(path)):
        conn = duckdb.connect(str(path), read_only=True, config=config)
    try:
        yield conn
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_query(conn: duckdb.DuckDBPyConnection, query: str, *, path: str) -> Result:
    """Run one analyst query; anything that would change the warehouse is refused."""
    with translated_errors(path):
        cursor = conn.execute(query)
        if cursor.description is None:
            return Result([], [])
        return Result([d[0] for d in cursor.description], cursor.fetchall())


def current_claims(
    conn: duckdb.DuckDBPyConnection,
    *,
    topic: str | None = None,
    status: str | None = None,
    since: date | None = None,
    limit: int | None = None,
) -> Result:
    """Tracked claims, most recently reported first; ``since`` keeps claims seen on or after."""
    if status is not None and status not in STATUSES:
        raise QueryError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    conditions: list[str] = []
    params: list[Any] = []
    if topic is not None:
        conditions.append("topic = ?")
        params.append(topic)
    if status is not None:
        conditions.append("kremlin_status = ?")
        params.append(status)
    if since is not None:
        conditions.append("last_seen >= ?")
        params.append(since)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    tail = f" LIMIT {int(limit)}" if limit else ""
    cursor = conn.execute(
        "SELECT claim_id, topic, kind, value, value_high, unit, qualifier, claimants, "
        "first_seen, last_seen, mentions, sources, leanings, languages, kremlin_status, "
        "kremlin_status_since, kremlin_evidence_speaker, kremlin_evidence_url, drift_events, "
        "len(other_russian_signals) AS other_signals "
        f"FROM claims_current {where} ORDER BY last_seen DESC, topic, value DESC{tail}",
        params,
    )
    return Result([d[0] for d in cursor.description], cursor.fetchall())


def article_with_text(
    conn: duckdb.DuckDBPyConnection, key: str, folders: Sequence[Path]
) -> tuple[dict[str, Any], str | None]:
    """The ``articles_v`` row whose id or canonical URL is ``key``, and its text from its pack
    (None for a failed page), looked for beside each of ``folders`` in turn."""
    rows = rows_as_dicts(
        conn.execute("SELECT * FROM articles_v WHERE article_id = $1 OR url = $1", [key])
    )
    if not rows:
        raise QueryError(
            f"no article with id or URL {key!r}; `claimwatch claim ID` lists a claim's articles"
        )
    row = rows[0]
    if row["text_file"] is None:
        return row, None
    return row, read_text(folders, row["text_file"], row["article_id"])


@dataclass(frozen=True, slots=True)
class Timeline:
    """One claim and everything known about it, in date order."""

    claim: dict[str, Any]
    events: list[dict[str, Any]]


def claim_timeline(conn: duckdb.DuckDBPyConnection, claim_id: str) -> Timeline:
    """The claim whose id is (or starts with) ``claim_id``: its mentions, statements linked
    to it, status changes and drift, as one list ordered by date."""
    ids = [
        row[0]
        for row in conn.execute(
            "SELECT claim_id FROM claims WHERE starts_with(claim_id, ?) ORDER BY claim_id",
            [claim_id],
        ).fetchall()
    ]
    if not ids:
        raise QueryError(f"no tracked claim with id {claim_id!r}; `claimwatch claims` lists them")
    if claim_id not in ids and len(ids) > 1:
        listed = ", ".join(ids[:5])
        raise QueryError(f"{claim_id!r} matches {len(ids)} claims ({listed}); give more of it")
    found = claim_id if claim_id in ids else ids[0]
    [claim] = rows_as_dicts(
        conn.execute("SELECT * FROM claims_current WHERE claim_id = ?", [found])
    )
    events = rows_as_dicts(
        conn.execute(
            """
            SELECT reported_on AS day, 'mention' AS event, source_id AS outlet, leaning,
                   coalesce(claimant, '?') || ': ' || text || ' (' || kind || ', '
                       || qualifier || ', ' || modality || ')' AS what,
                   sentence, url, char_start AS pos
            FROM claim_mentions_v WHERE claim_id = $1
            UNION ALL
            SELECT s.reported_on, CASE WHEN s.is_kremlin THEN 'kremlin' ELSE 'russian signal' END,
                   s.source_id, s.leaning,
                   coalesce(s.speaker, '?') || ' (' || s.role || '): ' || s.stance
                       || ' [linked by ' || l.link || ']',
                   s.sentence, s.url, s.char_start
            FROM kremlin_statements_v s JOIN statement_links l USING (statement_id)
            WHERE l.claim_id = $1
            UNION ALL
            SELECT effective_on, 'status', evidence_source, NULL,
                   previous_status || ' → ' || status || ' on the word of '
                       || coalesce(speaker, '?'),
                   evidence_sentence, evidence_url, 2147483647
            FROM claim_status_history WHERE claim_id = $1
            UNION ALL
            SELECT effective_on, 'drift', source_id, leaning,
                   field || ': ' || from_value || ' → ' || to_value, sentence, url, 2147483647
            FROM claim_drift_v WHERE claim_id = $1
            ORDER BY day, pos, event
            """,
            [found],
        )
    )
    return Timeline(claim=claim, events=events)


def export_parquet(conn: duckdb.DuckDBPyConnection, folder: str | Path) -> list[Path]:
    """Write one Parquet file per analyst view into ``folder``; each file appears whole."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for view in EXPORTED_VIEWS:
        target = folder / f"{view}.parquet"
        fd, tmp = tempfile.mkstemp(prefix=f".{view}.", suffix=".parquet", dir=folder)
        os.close(fd)
        try:
            with translated_errors(str(target)):
                conn.execute(
                    f"COPY (SELECT * FROM {view}) TO '{_sql_string(tmp)}' (FORMAT parquet)"
                )
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written


def _sql_string(text: str) -> str:
    return text.replace("'", "''")
