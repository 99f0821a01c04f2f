"""The sent-ledger (tables ``digest_messages`` and ``digest_alert_events``, migration 003).

Each message is recorded *before* it is sent, with its idempotency key, Message-ID and bytes;
a delivering run claims it for a lease, sends, and records the outcome. So a run that is
retried or killed never builds a second copy: what was pending is sent by the next run, byte
for byte, and what was recorded as sent is never sent again. The one window left, a kill
between the server's "250 OK" and the commit of 'sent', resends the same bytes with the same
Message-ID, which mail systems show once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

CLAIM_LEASE = timedelta(minutes=15)
"""A run killed while delivering frees its messages for the next run after this long."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outgoing:
    """A recorded message waiting for delivery."""

    key: str
    kind: str
    recipient: str
    subject: str
    message_id: str
    message: bytes
    attempts: int


def last_digest_end(conn: duckdb.DuckDBPyConnection, recipient: str) -> datetime | None:
    """Where the recipient's last recorded digest period ended (sent, pending or empty)."""
    row = conn.execute(
        "SELECT max(period_end) FROM digest_messages WHERE kind = 'digest' AND recipient = ?",
        [recipient],
    ).fetchone()
    return row[0] if row else None


def has_message(conn: duckdb.DuckDBPyConnection, key: str) -> bool:
    row = conn.execute("SELECT 1 FROM digest_messages WHERE message_key = ?", [key]).fetchone()
    return row is not None


def alerted_events(
    conn: duckdb.DuckDBPyConnection, recipient: str, event_ids: Sequence[str]
) -> set[str]:
    rows = conn.execute(
        "SELECT event_id FROM digest_alert_events "
        "WHERE recipient = ? AND list_contains(?, event_id)",
        [recipient, list(event_ids)],
    ).fetchall()
    return {r[0] for r in rows}


def record_empty(
    conn: duckdb.DuckDBPyConnection,
    *,
    key: str,
    recipient: str,
    start: datetime,
    end: datetime,
    now: datetime,
    run_id: str,
) -> None:
    """A digest period with nothing new: nothing is sent, but the period counts as covered."""
    conn.execute(
        "INSERT INTO digest_messages (message_key, kind, recipient, period_start, period_end, "
        "status, created_at, run_id) VALUES (?, 'digest', ?, ?, ?, 'empty', ?, ?) "
        "ON CONFLICT (message_key) DO NOTHING",
        [key, recipient, start, end, now, run_id],
    )


def record_pending(
    conn: duckdb.DuckDBPyConnection,
    *,
    key: str,
    kind: str,
    recipient: str,
    subject: str,
    message_id: str,
    message: bytes,
    items: int,
    now: datetime,
    run_id: str,
    start: datetime | None = None,
    end: datetime | None = None,
    event_ids: Sequence[str] = (),
) -> None:
    conn.execute(
        "INSERT INTO digest_messages (message_key, kind, recipient, period_start, period_end, "
        "status, subject, message_id, message, items, created_at, run_id) "
        "VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?) ON CONFLICT (message_key) DO NOTHING",
        [key, kind, recipient, start, end, subject, message_id, message, items, now, run_id],
    )
    if event_ids:
        conn.execute(
            "INSERT INTO digest_alert_events (recipient, event_id, message_key) "
            "SELECT ?, UNNEST(?), ? ON CONFLICT DO NOTHING",
            [recipient, list(event_ids), key],
        )


def claim_pending(conn: duckdb.DuckDBPyConnection, *, run_id: str, now: datetime) -> list[Outgoing]:
    """Take every pending message no other live run is delivering; oldest first."""
    rows = conn.execute(
        "UPDATE digest_messages SET claimed_by = ?, claimed_at = ? "
        "WHERE status = 'pending' AND (claimed_by IS NULL OR claimed_by = ? OR claimed_at < ?) "
        "RETURNING message_key, kind, recipient, subject, message_id, message, attempts, "
        "created_at",
        [run_id, now, run_id, now - CLAIM_LEASE],
    ).fetchall()
    rows.sort(key=lambda r: (r[7], r[0]))
    return [
        Outgoing(
            key=r[0],
            kind=r[1],
            recipient=r[2],
            subject=r[3],
            message_id=r[4],
            message=bytes(r[5]),
            attempts=r[6],
        )
        for r in rows
    ]


def mark_sent(conn: duckdb.DuckDBPyConnection, key: str, *, transport: str, now: datetime) -> None:
    conn.execute(
        "UPDATE digest_messages SET status = 'sent', sent_at = ?, transport = ?, "
        "attempts = attempts + 1, claimed_by = NULL, claimed_at = NULL "
        "WHERE message_key = ? AND status = 'pending'",
        [now, transport, key],
    )


def mark_attempt(conn: duckdb.DuckDBPyConnection, key: str, *, error: str, final: bool) -> None:
    """A failed attempt: the message stays pending for the next run unless ``final``."""
    conn.execute(
        "UPDATE digest_messages SET status = CASE WHEN ? THEN 'failed' ELSE status END, "
        "attempts = attempts + 1, last_error = ?, claimed_by = NULL, claimed_at = NULL "
        "WHERE message_key = ? AND status = 'pending'",
        [final, error, key],
    )


def release(conn: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> None:
    """Give back messages this run claimed but did not try (the server went away)."""
    if keys:
        conn.execute(
            "UPDATE digest_messages SET claimed_by = NULL, claimed_at = NULL "
            "WHERE list_contains(?, message_key) AND status = 'pending'",
            [list(keys)],
        )
