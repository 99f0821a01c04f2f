"""The sent-ledger (tables ``digest_messages`` and ``digest_alert_events``, migration 003).

Each message is recorded *before* it is sent, with its idempotency key, Message-ID and bytes,
so a retried or killed run never builds a second copy. Delivery then moves it through:

    pending ──claim (a lease)──▶ sending ──250──▶ sent
       ▲                            │
       └── refused for now (4xx,    ├── refused for good (5xx) ─▶ failed
           server down) before      └── connection lost after DATA, or run killed ─▶ unknown
           DATA, or never tried

``sending`` is committed just before the SMTP DATA command (after the server accepted MAIL
and RCPT), and ``sent`` just after the server's 250, one message at a time. The rule for a
message whose outcome is unknown: **it is never sent again automatically.** A later run that
finds a message still ``sending`` after ``CLAIM_LEASE`` (its run died) marks it ``unknown``;
so does a run whose connection drops after DATA. ``claimwatch digest --resend KEY`` puts an
``unknown`` message back to ``pending`` once someone has checked that the server does not
have it. So each message goes out at most once, and exactly once unless the run dies (or the
connection drops) between the DATA command and the commit of its 250: only a message that
lost its final "." in that window is then missing, and it is listed, never silently lost.
Messages still ``pending`` (server down, login refused, a run killed before DATA) are sent by
the next run. The outbox transport needs no ``sending`` step: its file name is the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

CLAIM_LEASE = timedelta(minutes=15)
"""A run killed while delivering frees its pending messages for the next run after this
long, and its in-flight ones are then marked unknown."""
UNKNOWN_AFTER_KILL = (
    "outcome unknown: the run sending it stopped after the DATA command and before recording "
    "the server's reply; not resent (check the server's log, then claimwatch digest --resend)"
)


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


def expire_in_flight(
    conn: duckdb.DuckDBPyConnection, *, now: datetime, lease: timedelta = CLAIM_LEASE
) -> list[str]:
    """Mark ``unknown`` every message left ``sending`` by a run gone for longer than ``lease``."""
    rows = conn.execute(
        "UPDATE digest_messages SET status = 'unknown', attempts = attempts + 1, "
        "last_error = ?, claimed_by = NULL "
        "WHERE status = 'sending' AND claimed_at < ? RETURNING message_key",
        [UNKNOWN_AFTER_KILL, now - lease],
    ).fetchall()
    return sorted(r[0] for r in rows)


def claim_pending(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    now: datetime,
    lease: timedelta = CLAIM_LEASE,
) -> list[Outgoing]:
    """Take every pending message no other live run is delivering; oldest first."""
    rows = conn.execute(
        "UPDATE digest_messages SET claimed_by = ?, claimed_at = ? "
        "WHERE status = 'pending' AND (claimed_by IS NULL OR claimed_by = ? OR claimed_at < ?) "
        "RETURNING message_key, kind, recipient, subject, message_id, message, attempts, "
        "created_at",
        [run_id, now, run_id, now - lease],
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


def mark_sending(conn: duckdb.DuckDBPyConnection, key: str, *, run_id: str, now: datetime) -> bool:
    """The write-ahead record before DATA. False when this run no longer holds the message
    (its lease ran out and another run took it): then it must not be sent."""
    row = conn.execute(
        "UPDATE digest_messages SET status = 'sending', claimed_at = ? "
        "WHERE message_key = ? AND status = 'pending' AND claimed_by = ? RETURNING 1",
        [now, key, run_id],
    ).fetchone()
    return row is not None


def mark_sent(conn: duckdb.DuckDBPyConnection, key: str, *, transport: str, now: datetime) -> None:
    """The server said 250 (or the outbox file is in place). From ``unknown`` too: a run
    that outlived its lease still knows best."""
    conn.execute(
        "UPDATE digest_messages SET status = 'sent', sent_at = ?, transport = ?, "
        "attempts = attempts + 1, last_error = NULL, claimed_by = NULL, claimed_at = NULL "
        "WHERE message_key = ? AND status IN ('pending', 'sending', 'unknown')",
        [now, transport, key],
    )


def mark_attempt(
    conn: duckdb.DuckDBPyConnection, key: str, *, error: str, status: str = "pending"
) -> None:
    """A failed attempt: ``pending`` again (the next run tries), ``failed`` (refused for good)
    or ``unknown`` (the connection dropped after DATA)."""
    conn.execute(
        "UPDATE digest_messages SET status = ?, attempts = attempts + 1, last_error = ?, "
        "claimed_by = NULL, claimed_at = NULL "
        "WHERE message_key = ? AND status IN ('pending', 'sending')",
        [status, error, key],
    )


def release(conn: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> None:
    """Give back messages this run claimed but did not try (the server went away)."""
    if keys:
        conn.execute(
            "UPDATE digest_messages SET claimed_by = NULL, claimed_at = NULL "
            "WHERE list_contains(?, message_key) AND status = 'pending'",
            [list(keys)],
        )


def requeue(conn: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> list[str]:
    """Put ``unknown`` or ``failed`` messages back to ``pending`` (an operator's decision,
    after checking the server's log); returns the keys that were requeued."""
    rows = conn.execute(
        "UPDATE digest_messages SET status = 'pending', claimed_by = NULL, claimed_at = NULL "
        "WHERE list_contains(?, message_key) AND status IN ('unknown', 'failed') "
        "RETURNING message_key",
        [list(keys)],
    ).fetchall()
    return sorted(r[0] for r in rows)
