"""The three steps of a send, as plain functions over an open connection and a transport:
prepare (select, render, record as pending), deliver (no database held), record outcomes.
``flows/digest.py`` adds settings, locks and Prefect around them."""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

import duckdb

from digests import ledger
from digests.deliver import Transport
from digests.exceptions import DeliveryError, MessageRefused, OutcomeUnknown
from digests.message import compose, message_id_for
from digests.recipients import Recipient
from digests.render import Rendered, render_alert, render_digest
from digests.select import (
    DigestContent,
    Period,
    StatusChange,
    select_digest,
    status_changes_by_id,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestOptions:
    sender: str
    unconfirmed_after_days: int = 14
    max_items: int = 20
    first_days: int = 1
    """How far back a recipient's first digest looks."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Planned:
    """A message decided on by ``prepare_*``: what the CLI's --dry-run prints."""

    key: str
    kind: str
    recipient: str
    subject: str | None
    items: int
    period: Period | None = None
    rendered: Rendered | None = None


@dataclass(slots=True)
class DeliveryReport:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    """Outcome unknown (see digests.ledger): not resent until someone requeues them."""
    errors: list[str] = field(default_factory=list)
    problem: DeliveryError | None = None


def digest_key(recipient: str, period: Period) -> str:
    return f"digest/{recipient}/{period.start.isoformat()}/{period.end.isoformat()}"


def alert_key(recipient: str, statement_id: str, event_ids: Sequence[str]) -> str:
    events = hashlib.sha256("|".join(sorted(event_ids)).encode("utf-8")).hexdigest()[:12]
    return f"alert/{recipient}/{statement_id}/{events}"


def digest_period(
    conn: duckdb.DuckDBPyConnection,
    recipient: str,
    *,
    until: datetime,
    since: datetime | None,
    first_days: int,
) -> Period | None:
    """``since`` when given; else from where the recipient's last digest ended (or
    ``first_days`` back for a new recipient). None when that is not before ``until``."""
    start = since or ledger.last_digest_end(conn, recipient) or until - timedelta(days=first_days)
    return Period(start, until) if start < until else None


def prepare_digests(
    conn: duckdb.DuckDBPyConnection,
    recipients: Sequence[Recipient],
    options: DigestOptions,
    *,
    until: datetime,
    since: datetime | None = None,
    now: datetime,
    run_id: str,
    dry_run: bool = False,
) -> list[Planned]:
    """Decide each digest recipient's message for their next period and record it (pending,
    or empty when nothing is new) unless ``dry_run``. A period already recorded is skipped."""
    planned: list[Planned] = []
    selected: dict[Period, DigestContent] = {}
    for recipient in (r for r in recipients if r.wants_digest):
        period = digest_period(
            conn, recipient.email, until=until, since=since, first_days=options.first_days
        )
        if period is None:
            continue
        key = digest_key(recipient.email, period)
        if ledger.has_message(conn, key):
            continue
        if period not in selected:
            selected[period] = select_digest(
                conn, period, unconfirmed_after_days=options.unconfirmed_after_days
            )
        content = selected[period].for_topics(recipient.topics)
        if content.is_empty:
            planned.append(
                Planned(
                    key=key,
                    kind="digest",
                    recipient=recipient.email,
                    subject=None,
                    items=0,
                    period=period,
                )
            )
            if not dry_run:
                ledger.record_empty(
                    conn,
                    key=key,
                    recipient=recipient.email,
                    start=period.start,
                    end=period.end,
                    now=now,
                    run_id=run_id,
                )
            continue
        rendered = render_digest(content, recipient, max_items=options.max_items)
        planned.append(
            Planned(
                key=key,
                kind="digest",
                recipient=recipient.email,
                subject=rendered.subject,
                items=rendered.items,
                period=period,
                rendered=rendered,
            )
        )
        if not dry_run:
            _record(
                conn,
                rendered,
                recipient,
                options,
                key=key,
                kind="digest",
                now=now,
                run_id=run_id,
                start=period.start,
                end=period.end,
            )
    return planned


def _record(
    conn: duckdb.DuckDBPyConnection,
    rendered: Rendered,
    recipient: Recipient,
    options: DigestOptions,
    *,
    key: str,
    kind: str,
    now: datetime,
    run_id: str,
    start: datetime | None = None,
    end: datetime | None = None,
    event_ids: Sequence[str] = (),
) -> None:
    message = compose(
        rendered,
        sender=options.sender,
        to=recipient.email,
        to_name=recipient.name,
        key=key,
        date=now,
    )
    ledger.record_pending(
        conn,
        key=key,
        kind=kind,
        recipient=recipient.email,
        subject=rendered.subject,
        message_id=message_id_for(key, options.sender),
        message=message.as_bytes(),
        items=rendered.items,
        now=now,
        run_id=run_id,
        start=start,
        end=end,
        event_ids=event_ids,
    )


def prepare_alerts(
    conn: duckdb.DuckDBPyConnection,
    recipients: Sequence[Recipient],
    options: DigestOptions,
    event_ids: Sequence[str],
    *,
    now: datetime,
    run_id: str,
) -> list[Planned]:
    """One alert per recipient and Kremlin statement, for the events on their topics and
    statuses that they have not been alerted to; recorded as pending."""
    changes = status_changes_by_id(conn, event_ids)
    planned: list[Planned] = []
    for recipient in (r for r in recipients if r.wants_alerts):
        wanted = [
            c
            for c in changes
            if recipient.follows(c.claim.topic) and c.status in recipient.alert_on
        ]
        done = ledger.alerted_events(conn, recipient.email, [c.event_id for c in wanted])
        by_statement: dict[str, list[StatusChange]] = defaultdict(list)
        for change in wanted:
            if change.event_id not in done:
                by_statement[change.statement_id].append(change)
        for statement_id, group in sorted(by_statement.items()):
            ids = [c.event_id for c in group]
            key = alert_key(recipient.email, statement_id, ids)
            rendered = render_alert(group, recipient, max_items=options.max_items)
            _record(
                conn,
                rendered,
                recipient,
                options,
                key=key,
                kind="alert",
                now=now,
                run_id=run_id,
                event_ids=ids,
            )
            planned.append(
                Planned(
                    key=key,
                    kind="alert",
                    recipient=recipient.email,
                    subject=rendered.subject,
                    items=rendered.items,
                    rendered=rendered,
                )
            )
    return planned


class Journal(Protocol):
    """Where delivery records each message's state the moment it changes (the ledger)."""

    def sending(self, key: str) -> bool:
        """Commit the message as in flight; False if this run no longer holds it."""

    def sent(self, key: str, transport: str) -> None:
        """Commit the message as sent."""


class _Taken(Exception):
    """Another run took the message after this run's lease ran out: do not send it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    key: str
    status: str
    """sent (already in the journal), pending, failed, unknown or taken."""
    error: str | None = None


def deliver(
    transport: Transport, outgoing: Sequence[ledger.Outgoing], *, sender: str, journal: Journal
) -> tuple[list[Outcome], list[str], DeliveryError | None]:
    """Send each message, recording it in the journal as in flight just before the server
    could accept it and as sent right after it did. Stops at the first error that is not
    about one message (server down, login refused, connection lost after DATA). Returns the
    outcomes, the keys not tried, and that error."""
    outcomes: list[Outcome] = []
    try:
        for number, item in enumerate(outgoing):

            def before_data(key: str = item.key) -> None:
                if not journal.sending(key):
                    raise _Taken(key)

            try:
                transport.send(
                    item.message,
                    sender=sender,
                    recipient=item.recipient,
                    key=item.key,
                    before_data=before_data,
                )
            except _Taken:
                logger.warning("%s was taken over by another run; not sent by this one", item.key)
                outcomes.append(Outcome(key=item.key, status="taken"))
            except MessageRefused as exc:
                logger.warning("%s refused: %s", item.key, exc)
                outcomes.append(Outcome(key=item.key, status="failed", error=str(exc)))
            except DeliveryError as exc:
                unknown = isinstance(exc, OutcomeUnknown)
                logger.warning(
                    "%s %s: %s",
                    item.key,
                    "outcome unknown, not resent" if unknown else "not sent, kept for the next run",
                    exc,
                )
                status = "unknown" if unknown else "pending"
                outcomes.append(Outcome(key=item.key, status=status, error=str(exc)))
                return outcomes, [o.key for o in outgoing[number + 1 :]], exc
            else:
                journal.sent(item.key, transport.name)
                logger.info("sent %s (%s) via %s", item.key, item.message_id, transport.name)
                outcomes.append(Outcome(key=item.key, status="sent"))
    finally:
        transport.close()
    return outcomes, [], None


def record_outcomes(
    conn: duckdb.DuckDBPyConnection, outcomes: Sequence[Outcome], untried: Sequence[str]
) -> DeliveryReport:
    """Record the failed attempts (sent ones are in the ledger already) and free the rest."""
    report = DeliveryReport()
    for o in outcomes:
        if o.status == "sent":
            report.sent.append(o.key)
        elif o.status != "taken":
            ledger.mark_attempt(conn, o.key, error=o.error or "", status=o.status)
            {"failed": report.failed, "unknown": report.unknown, "pending": report.pending}[
                o.status
            ].append(o.key)
            report.errors.append(o.error or "")
    ledger.release(conn, untried)
    report.pending.extend(untried)
    return report
