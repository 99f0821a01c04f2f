"""Analyst commands: ``claims``, ``claim``, ``sql`` and ``export``, all over the read-only
snapshot, so that they never block a running flow."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Group
from rich.markup import escape
from rich.table import Table

from claimwatch.formatting import figure
from flows.console import ConfigOption, clear_errors, out
from warehouse.analyst import (
    STATUSES,
    Result,
    article_with_text,
    claim_timeline,
    current_claims,
    export_parquet,
    open_snapshot,
    run_query,
)

STATUS_STYLES = {
    "unverified": "dim",
    "not_confirmed": "yellow",
    "confirmed": "green",
    "denied": "red",
}

SnapshotOption = Annotated[
    Path | None,
    typer.Option(
        "--database",
        "-d",
        help="Warehouse file to read (default: the snapshot named in claimwatch.toml).",
        show_default=False,
    ),
]


def _snapshot(config: Path | None, database: Path | None) -> Path:
    if database is not None:
        return database
    from flows.settings import load_settings

    return load_settings(config).snapshot


def _status(status: str) -> str:
    return f"[{STATUS_STYLES.get(status, '')}]{status}[/]"


SHORT_ID = 8
"""Characters of a claim id shown in tables; ``claimwatch claim`` accepts any unique prefix."""


def _topic_table(topic: str, rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"[bold]{escape(topic)}[/]", title_justify="left")
    table.add_column("claim", no_wrap=True)
    table.add_column("figure", no_wrap=True)
    table.add_column("kind")
    table.add_column("claimed by")
    table.add_column("first seen", no_wrap=True)
    table.add_column("outlets (languages)", justify="right")
    table.add_column("Kremlin")
    for c in rows:
        claimants = c["claimants"] or []
        shown = claimants[0] if claimants else ""
        if len(claimants) > 1:
            shown += f" +{len(claimants) - 1}"
        kremlin = _status(c["kremlin_status"])
        if c["kremlin_status_since"]:
            kremlin += f" {c['kremlin_status_since']}"
        table.add_row(
            c["claim_id"][:SHORT_ID],
            figure(c["value"], c["unit"], value_high=c["value_high"], qualifier=c["qualifier"]),
            c["kind"].replace("_", " ") + (" (drift)" if c["drift_events"] else ""),
            escape(shown),
            str(c["first_seen"]),
            f"{c['sources']} ({' '.join(c['languages'] or ())})",
            kremlin,
        )
    return table


def claims_table(result: Result, *, title: str) -> Group:
    """The tracked claims as rich tables, one per topic (also printed by the demo)."""
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    rows.sort(key=lambda c: (c["topic"], c["first_seen"], -c["value"]))
    topics: dict[str, list[dict[str, Any]]] = {}
    for c in rows:
        topics.setdefault(c["topic"], []).append(c)
    return Group(f"[bold]{escape(title)}[/]", *(_topic_table(t, r) for t, r in topics.items()))


def claims(
    topic: Annotated[str | None, typer.Option(help="Only this topic id.")] = None,
    status: Annotated[
        str | None, typer.Option(help=f"Only this Kremlin status: {', '.join(STATUSES)}.")
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(help="Only claims reported on or after this date.", formats=["%Y-%m-%d"]),
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 200,
    config: ConfigOption = None,
    database: SnapshotOption = None,
) -> None:
    """List tracked claims with their Kremlin status, most recently reported first."""
    with clear_errors():
        path = _snapshot(config, database)
        with open_snapshot(path) as conn:
            result = current_claims(
                conn,
                topic=topic,
                status=status,
                since=since.date() if since else None,
                limit=limit,
            )
    out.print(claims_table(result, title=f"{len(result.rows)} tracked claims ({path})"))


def claim(
    claim_id: Annotated[str, typer.Argument(help="A claim id, or its first characters.")],
    config: ConfigOption = None,
    database: SnapshotOption = None,
) -> None:
    """Show one claim's timeline: every mention, Kremlin statement, status change and drift."""
    with clear_errors(), open_snapshot(_snapshot(config, database)) as conn:
        timeline = claim_timeline(conn, claim_id)
    c = timeline.claim
    out.print(
        f"[bold]{c['claim_id']}[/] {escape(c['topic'])}: "
        f"[bold]{figure(c['value'], c['unit'], value_high=c['value_high'])}[/] "
        f"({c['kind']}, {c['qualifier']}), claimed by {escape(', '.join(c['claimants']) or '?')}"
    )
    out.print(
        f"Kremlin status: {_status(c['kremlin_status'])}"
        + (f" since {c['kremlin_status_since']}" if c["kremlin_status_since"] else "")
        + f"; {c['mentions']} mentions in {c['sources']} outlets "
        f"({escape(', '.join(c['leanings']))}; languages: {' '.join(c['languages'] or ())}), "
        f"{c['first_seen']} → {c['last_seen']}"
    )
    table = Table(show_lines=True)
    for column in ("date", "event", "outlet", "what", "evidence"):
        table.add_column(column, overflow="fold")
    for event in timeline.events:
        table.add_row(
            str(event["day"]),
            event["event"],
            escape(f"{event['outlet'] or ''}\n{event['leaning'] or ''}".strip()),
            escape(event["what"] or ""),
            escape(f"{event['sentence'] or ''}\n{event['url'] or ''}".strip()),
        )
    out.print(table)


def article(
    key: Annotated[str, typer.Argument(help="An article id, or the article's URL.")],
    config: ConfigOption = None,
    database: SnapshotOption = None,
) -> None:
    """Print one article: where and when it appeared, and its text as extracted.

    The text comes from the pack beside the file read (or beside the warehouse named in
    claimwatch.toml).
    """
    from flows.settings import load_settings
    from sources.urls import canonical_url

    with clear_errors():
        settings = load_settings(config)
        with contextlib.suppress(ValueError):  # not a URL: an article id
            key = canonical_url(key)
        path = database or settings.snapshot
        with open_snapshot(path) as conn:
            row, text = article_with_text(conn, key, [path.parent, settings.database.parent])
    out.print(
        f"[bold]{escape(row['title'] or row['url'])}[/]\n{escape(row['url'])}\n"
        f"{escape(row['source_name'] or row['source_id'])} ({row['leaning']}), "
        f"{row['published'] or 'undated'}, {row['language'] or '?'}; id {row['article_id']}"
    )
    if text is None:
        out.print(f"[red]{row['status']}[/]: {escape(row['failure_reason'] or 'no text')}")
        return
    out.print()
    out.print(escape(text), highlight=False, soft_wrap=True)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def sql(
    query: Annotated[str, typer.Argument(help="One SQL query (read-only).")],
    output: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    config: ConfigOption = None,
    database: SnapshotOption = None,
) -> None:
    """Run a read-only SQL query against the snapshot; writes and file access are refused."""
    if output not in ("table", "csv", "json"):
        raise typer.BadParameter("use table, csv or json", param_hint="--format")
    path = _snapshot(config, database)
    with clear_errors(), open_snapshot(path) as conn:
        result = run_query(conn, query, path=str(path))
    if output == "json":
        rows = [_plain(dict(zip(result.columns, row, strict=True))) for row in result.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif output == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    else:
        table = Table(*result.columns, title=f"{len(result.rows)} rows", title_justify="left")
        for row in result.rows:
            table.add_row(*(escape("" if v is None else str(v)) for v in row))
        out.print(table)


def export(
    parquet: Annotated[Path, typer.Option("--parquet", help="Folder for the Parquet files.")],
    config: ConfigOption = None,
    database: SnapshotOption = None,
) -> None:
    """Export every analyst view to Parquet, one file per view."""
    with clear_errors(), open_snapshot(_snapshot(config, database), files=True) as conn:
        written = export_parquet(conn, parquet)
    for path in written:
        out.print(f"wrote {path}")
