"""The ``runs`` table: one row per flow run, opened at the start and closed with its counts."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

import duckdb


@dataclass(slots=True, kw_only=True)
class RunCounts:
    """What a monitor run did, for the ``runs`` row, the CLI summary and the Prefect artifact."""

    sources_polled: int = 0
    sources_not_modified: int = 0
    sources_failed: int = 0
    candidates: int = 0
    articles_new: int = 0
    articles_known: int = 0
    articles_irrelevant: int = 0
    articles_failed: int = 0
    mentions_new: int = 0
    claims_new: int = 0
    status_changes: int = 0
    drift_events: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def start_run(conn: duckdb.DuckDBPyConnection, run_id: str, flow: str, now: datetime) -> None:
    conn.execute(
        "INSERT INTO runs (run_id, flow, started_at, status) VALUES (?, ?, ?, 'running') "
        "ON CONFLICT (run_id) DO NOTHING",
        [run_id, flow, now],
    )


def finish_run(
    conn: duckdb.DuckDBPyConnection,
    run_id: str,
    counts: RunCounts,
    *,
    status: str,
    now: datetime,
    message: str | None = None,
) -> None:
    values = counts.as_dict()
    assignments = ", ".join(f"{name} = ${i + 1}" for i, name in enumerate(values))
    n = len(values)
    conn.execute(
        f"UPDATE runs SET {assignments}, status = ${n + 1}, finished_at = ${n + 2}, "
        f"message = ${n + 3} WHERE run_id = ${n + 4}",
        [*values.values(), status, now, message, run_id],
    )


def mark_abandoned_runs(conn: duckdb.DuckDBPyConnection, *, now: datetime) -> int:
    """Close runs left 'running' by a process that died; call only while holding the writer lock."""
    rows = conn.execute(
        "UPDATE runs SET status = 'crashed', finished_at = ?, "
        "message = 'the process ended before the run finished' "
        "WHERE status = 'running' RETURNING run_id",
        [now],
    ).fetchall()
    return len(rows)
