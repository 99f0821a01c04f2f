"""The ``digest`` flow (daily), and ``send_alerts`` for the monitor flow to call after a run.

Both use the three steps of ``digests.service``: prepare (select, render, record as pending,
in one short transaction), deliver (no database held while talking to the mail server),
record outcomes. Over SMTP each message is also recorded as in flight just before DATA and
as sent right after the server's 250 (the exactly-once rule is in ``digests.ledger`` and
docs/digests.md). The digest flow takes the writer lock for each database step only, so a
monitor run is never held up by a slow mail server; ``send_alerts`` runs inside the
monitor's own lock.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import httpx
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from claimwatch.errors import is_transient
from digests import ledger, service
from digests.deliver import OutboxTransport, SmtpConfig, SmtpTransport, Transport
from digests.exceptions import DeliveryError, TransportMisconfigured, TransportUnavailable
from digests.recipients import Recipient
from digests.select import status_events_recorded_since
from flows.settings import Settings, load_recipients, load_settings
from warehouse.db import connect, transaction
from warehouse.lock import writer_lock
from warehouse.migrations import migrate_file

logger = logging.getLogger(__name__)

ALERT_CATCH_UP = timedelta(hours=24)
"""send_alerts without event ids alerts on every status event recorded this recently."""

Database = str | Path | duckdb.DuckDBPyConnection


def utcnow() -> datetime:
    return datetime.now(UTC)


def smtp_password(settings: Settings) -> str | None:
    """CLAIMWATCH_SMTP_PASSWORD, else the Prefect Secret block named by password_secret."""
    if settings.smtp_password is not None:
        return settings.smtp_password.get_secret_value()
    name = settings.smtp_password_secret
    if not name:
        return None
    from prefect.blocks.system import Secret
    from prefect.exceptions import PrefectException

    try:
        # _sync: called from a worker thread of an async task (the monitor's alerts), Prefect
        # would otherwise see the task's async context and hand back a coroutine.
        block: Any = Secret.load(name, _sync=True)  # type: ignore[call-arg]
    except ValueError as exc:  # Prefect's "Unable to find block document named ..."
        raise TransportMisconfigured(
            f"smtp password_secret names the Prefect Secret block {name!r}, which does not "
            f"exist on this Prefect API; create it (prefect block create secret) or fix the name"
        ) from exc
    except (PrefectException, httpx.HTTPError, OSError) as exc:
        raise TransportUnavailable(
            f"cannot read the Prefect Secret block {name!r} ({type(exc).__name__})"
        ) from exc
    return str(block.get())


def make_transport(settings: Settings) -> Transport:
    """SMTP when a host is configured, else the outbox folder."""
    if not settings.smtp_host:
        return OutboxTransport(settings.outbox_dir)
    return SmtpTransport(
        SmtpConfig(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password=smtp_password(settings),
            timeout=settings.smtp_timeout,
            ca_file=settings.smtp_ca_file,
        )
    )


def digest_options(settings: Settings) -> service.DigestOptions:
    return service.DigestOptions(
        sender=settings.smtp_sender,
        unconfirmed_after_days=settings.unconfirmed_after_days,
        max_items=settings.digest_max_items,
        first_days=settings.digest_first_days,
    )


@contextlib.contextmanager
def _database(
    settings: Settings, database: Database, *, lock: bool
) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction on ``database`` (an open connection is used as it is); with ``lock``,
    under the writer lock, which a caller that already holds it must not ask for."""
    if isinstance(database, duckdb.DuckDBPyConnection):
        with transaction(database, path="warehouse"):
            yield database
        return
    guard = (
        writer_lock(database, timeout=settings.lock_timeout) if lock else contextlib.nullcontext()
    )
    with (
        guard,
        connect(database, lock_timeout=settings.lock_timeout) as conn,
    ):
        migrate_file(conn, database)
        with transaction(conn, path=str(database)):
            yield conn


@dataclass(frozen=True, slots=True)
class _LedgerJournal:
    """Each state change of a message in its own short transaction, as it happens."""

    settings: Settings
    database: Database
    run_id: str
    lock: bool

    def sending(self, key: str) -> bool:
        with _database(self.settings, self.database, lock=self.lock) as conn:
            return ledger.mark_sending(conn, key, run_id=self.run_id, now=utcnow())

    def sent(self, key: str, transport: str) -> None:
        with _database(self.settings, self.database, lock=self.lock) as conn:
            ledger.mark_sent(conn, key, transport=transport, now=utcnow())


def deliver_pending(
    settings: Settings,
    database: Database,
    *,
    run_id: str,
    lock: bool = True,
    transport: Transport | None = None,
) -> service.DeliveryReport:
    """Send every pending message (this run's and any an earlier run could not send).

    Messages a dead run left in flight are marked unknown first and not sent (see
    ``digests.ledger``). A transport that cannot be set up (no such Secret block) leaves
    every message pending, with the reason in the report.
    """
    with _database(settings, database, lock=lock) as conn:
        now = utcnow()
        expired = ledger.expire_in_flight(conn, now=now)
        outgoing = ledger.claim_pending(conn, run_id=run_id, now=now)
    for key in expired:
        logger.warning("%s: %s", key, ledger.UNKNOWN_AFTER_KILL)
    if not outgoing:
        return service.DeliveryReport(unknown=expired)
    try:
        transport = transport or make_transport(settings)
    except DeliveryError as exc:
        with _database(settings, database, lock=lock) as conn:
            ledger.release(conn, [o.key for o in outgoing])
        return service.DeliveryReport(
            pending=[o.key for o in outgoing], unknown=expired, problem=exc
        )
    journal = _LedgerJournal(settings, database, run_id, lock)
    outcomes, untried, problem = service.deliver(
        transport, outgoing, sender=settings.smtp_sender, journal=journal
    )
    with _database(settings, database, lock=lock) as conn:
        report = service.record_outcomes(conn, outcomes, untried)
    report.unknown[:0] = expired
    report.problem = problem
    return report


def resend(settings: Settings, keys: Sequence[str]) -> list[str]:
    """Put messages whose outcome is unknown (or that were refused) back to pending."""
    with _database(settings, settings.database, lock=True) as conn:
        return ledger.requeue(conn, keys)


def send_alerts(
    settings: Settings,
    database: Database,
    event_ids: Sequence[str] | None = None,
    *,
    run_id: str | None = None,
    recipients: Sequence[Recipient] | None = None,
    transport: Transport | None = None,
) -> service.DeliveryReport:
    """Alert the subscribed recipients to these Kremlin status events, then deliver whatever
    is pending. Without ``event_ids``, every event of the last 24 hours not yet alerted.

    The caller holds the writer lock (the monitor flow does); nothing here takes it. Never
    raises for a mail server that is down: the messages stay pending for the next run, and
    the report says why.
    """
    run_id = run_id or str(uuid.uuid4())
    recipients = load_recipients(settings) if recipients is None else recipients
    planned: list[service.Planned] = []
    # an empty list of events (a run that changed no status) has nothing to plan
    if any(r.wants_alerts for r in recipients) and (event_ids is None or event_ids):
        with _database(settings, database, lock=False) as conn:
            ids = (
                list(event_ids)
                if event_ids is not None
                else status_events_recorded_since(conn, utcnow() - ALERT_CATCH_UP)
            )
            planned = service.prepare_alerts(
                conn, recipients, digest_options(settings), ids, now=utcnow(), run_id=run_id
            )
    for p in planned:
        logger.info("alert for %s: %s", p.recipient, p.subject)
    report = deliver_pending(settings, database, run_id=run_id, lock=False, transport=transport)
    if report.problem is not None:
        logger.warning("alerts kept for the next run: %s", report.problem)
    return report


@dataclass(frozen=True, slots=True)
class DigestRun:
    planned: list[service.Planned]
    report: service.DeliveryReport

    def as_dict(self) -> dict[str, Any]:
        return {
            "digests": sum(1 for p in self.planned if p.subject),
            "nothing_new": sum(1 for p in self.planned if not p.subject),
            "sent": len(self.report.sent),
            "pending": len(self.report.pending),
            "failed": len(self.report.failed),
            "unknown": len(self.report.unknown),
        }


def prepare_digests(
    settings: Settings,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    dry_run: bool = False,
    run_id: str,
    recipients: Sequence[Recipient] | None = None,
) -> list[service.Planned]:
    """Select, render and record each recipient's digest, under the writer lock.

    ``until`` defaults to the moment the lock is held: every run that loaded before it has
    committed, and every later one records later times, so no event falls between periods.
    """
    recipients = load_recipients(settings) if recipients is None else recipients
    with _database(settings, settings.database, lock=True) as conn:
        now = utcnow()
        return service.prepare_digests(
            conn,
            recipients,
            digest_options(settings),
            until=until or now,
            since=since,
            now=now,
            run_id=run_id,
            dry_run=dry_run,
        )


def run_digest(
    settings: Settings,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    dry_run: bool = False,
    run_id: str | None = None,
    recipients: Sequence[Recipient] | None = None,
    transport: Transport | None = None,
) -> DigestRun:
    """Prepare every recipient's digest and deliver what is pending (the CLI and the demo
    call this directly; the flow runs the same two steps as tasks)."""
    run_id = run_id or str(uuid.uuid4())
    planned = prepare_digests(
        settings, since=since, until=until, dry_run=dry_run, run_id=run_id, recipients=recipients
    )
    if dry_run:
        return DigestRun(planned, service.DeliveryReport())
    report = deliver_pending(settings, settings.database, run_id=run_id, transport=transport)
    return DigestRun(planned, report)


def _retry_if_transient(task: Any, task_run: Any, state: Any) -> bool:
    return isinstance(state.data, BaseException) and is_transient(state.data)


@task(
    name="prepare-digests",
    cache_policy=NO_CACHE,
    persist_result=False,
    retries=3,
    retry_delay_seconds=[5, 30, 120],
    retry_condition_fn=_retry_if_transient,
)
def prepare_task(
    settings: Settings, since: datetime | None, until: datetime | None, run_id: str
) -> list[service.Planned]:
    return prepare_digests(settings, since=since, until=until, run_id=run_id)


@task(name="deliver", cache_policy=NO_CACHE, persist_result=False)
def deliver_task(settings: Settings, run_id: str) -> service.DeliveryReport:
    return deliver_pending(settings, settings.database, run_id=run_id)


def summary_markdown(run: DigestRun) -> str:
    lines = ["## Digest run", "", "| recipient | period | subject |", "| --- | --- | --- |"]
    for p in run.planned:
        period = (
            f"{p.period.start:%Y-%m-%d %H:%M} → {p.period.end:%Y-%m-%d %H:%M}" if p.period else ""
        )
        subject = (p.subject or "*nothing new, nothing sent*").replace("|", "\\|")
        lines.append(f"| {p.recipient} | {period} | {subject} |")
    counts = run.as_dict()
    lines += ["", ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counts.items())]
    if run.report.problem is not None:
        lines += ["", f"**Not sent:** {run.report.problem}"]
    if run.report.unknown:
        keys = ", ".join(f"`{k}`" for k in run.report.unknown)
        lines += [
            "",
            f"**Outcome unknown, not resent:** {keys}. Check the mail server's log; "
            "`claimwatch digest --resend KEY` sends one again.",
        ]
    return "\n".join(lines) + "\n"


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@flow(name="digest", retries=1, retry_delay_seconds=900, log_prints=False)
def digest(
    config: str | None = None,
    since: str | None = None,
    to: str | None = None,
    database: str | None = None,
) -> dict[str, Any]:
    """Send each recipient the digest of what claimwatch learnt since their last one.

    Args:
        config: claimwatch.toml to read (recipients, [smtp]).
        since: ISO date or time; cover from here instead of from the last digest.
        to: ISO date or time; cover up to here instead of now.
        database: the DuckDB file (default: the config's).

    A mail server that is down fails the run after recording every message as pending:
    Prefect retries once, and any later run (or the monitor's alerts) sends them. Messages
    whose outcome is unknown are listed in the summary, never resent (docs/digests.md).
    """
    settings = load_settings(config, database=database)
    run_id = str(uuid.uuid4())
    planned = prepare_task(settings, _when(since), _when(to), run_id)
    report = deliver_task(settings, run_id)
    run = DigestRun(planned, report)
    create_markdown_artifact(
        key="digest-summary", markdown=summary_markdown(run), description="What the digest sent"
    )
    get_run_logger().info("digest run: %s", run.as_dict())
    if report.problem is not None and report.pending:
        raise report.problem
    return run.as_dict()
