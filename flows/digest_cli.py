"""The ``claimwatch digest`` command: a thin wrapper over ``flows.digest.run_digest``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from flows.console import ConfigOption, clear_errors, err, out

TIME_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def digest(
    since: Annotated[
        datetime | None,
        typer.Option(
            help="Cover from this UTC date or time, not from each recipient's last digest.",
            formats=TIME_FORMATS,
        ),
    ] = None,
    to: Annotated[
        datetime | None,
        typer.Option(
            help="Cover up to this UTC date or time, not up to now.", formats=TIME_FORMATS
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be sent; record and send nothing.")
    ] = False,
    resend: Annotated[
        list[str] | None,
        typer.Option(
            "--resend",
            metavar="KEY",
            help="Send this message again though its outcome is unknown (or it was refused): "
            "check the mail server's log first. Repeatable; keys as in digest_sends_v.",
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Send each recipient the digest of what changed, then anything still pending."""
    from flows import digest as flow
    from flows.settings import load_settings

    with clear_errors():
        settings = load_settings(config)
        if resend and not dry_run:
            requeued = flow.resend(settings, resend)
            for key in sorted(set(resend) - set(requeued)):
                err.print(f"[yellow]not requeued[/] (no unknown or failed message): {escape(key)}")
        run = flow.run_digest(settings, since=_utc(since), until=_utc(to), dry_run=dry_run)
    table = Table(title="digest (dry run)" if dry_run else "digest", title_justify="left")
    for column in ("recipient", "period (UTC)", "subject", "items"):
        table.add_column(column)
    for p in run.planned:
        period = (
            f"{p.period.start:%Y-%m-%d %H:%M} → {p.period.end:%Y-%m-%d %H:%M}" if p.period else ""
        )
        table.add_row(
            escape(p.recipient),
            period,
            escape(p.subject or "nothing new: nothing sent"),
            str(p.items),
        )
    out.print(table)
    if dry_run:
        for p in run.planned:
            if p.rendered is not None:
                out.print(f"\n[bold]To: {escape(p.recipient)}[/]", highlight=False)
                out.print(escape(p.rendered.text), highlight=False, soft_wrap=True)
        return
    report = run.report
    where = settings.smtp_host or str(settings.outbox_dir)
    out.print(
        f"sent {len(report.sent)}, failed {len(report.failed)}, "
        f"pending {len(report.pending)}, unknown {len(report.unknown)} ({escape(where)})"
    )
    for key in report.unknown:
        err.print(
            f"[yellow]outcome unknown, not resent:[/] {escape(key)} (the server may have it; "
            "check its log, then --resend KEY)",
            highlight=False,
            soft_wrap=True,
        )
    if report.problem is not None:
        err.print(
            f"[bold red]error:[/] {escape(str(report.problem))}; "
            f"{len(report.pending)} message(s) kept for the next run",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
