"""The ``claimwatch`` command line: thin commands over library code.

Every command turns a ``ClaimwatchError`` into one clear line on stderr and exit status 1.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from flows import analyst_cli, digest_cli
from flows.console import ConfigOption, clear_errors, err, out
from flows.report import LABELS

app = typer.Typer(
    help="Track figures officials claim about Iran–Russia energy deals and the Kremlin's answers.",
    no_args_is_help=True,
    add_completion=False,
)

for command in (
    analyst_cli.claims,
    analyst_cli.claim,
    analyst_cli.article,
    analyst_cli.sql,
    analyst_cli.export,
    digest_cli.digest,
):
    app.command()(command)


def _print_counts(title: str, counts: dict[str, Any]) -> None:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, label in LABELS.items():
        table.add_row(label, str(counts.get(key, 0)))
    out.print(table)


@app.command()
def run(
    config: ConfigOption = None,
    force: Annotated[bool, typer.Option(help="Poll every source now, due or not.")] = False,
) -> None:
    """Run the monitor flow once: poll due sources, fetch and store new articles."""
    from flows.monitor import monitor
    from flows.settings import load_catalogue, load_settings

    with clear_errors():
        load_catalogue(load_settings(config))  # a bad catalogue fails here, in one line
        counts = asyncio.run(monitor(config=str(config) if config else None, force=force))
    _print_counts("monitor run", counts)


@app.command()
def demo(
    database: Annotated[Path, typer.Option(help="DuckDB file to write.")] = Path(
        "data/claimwatch.duckdb"
    ),
) -> None:
    """Run the whole pipeline offline on the shipped demo corpus, served from 127.0.0.1."""
    from flows.demo.run import run_demo

    with clear_errors():
        counts = run_demo(database, announce=out.print)
    _print_counts("demo run", counts)
    if counts["articles_new"] == 0 and counts["articles_failed"] == 0:
        out.print("Nothing new: every article of the demo corpus is already in the warehouse.")
    from warehouse.analyst import current_claims, open_snapshot

    with clear_errors(), open_snapshot(database) as conn:
        tracked = current_claims(conn)
    out.print(analyst_cli.claims_table(tracked, title=f"{len(tracked.rows)} tracked claims"))
    from flows.digest import run_digest
    from flows.settings import load_settings

    with clear_errors():
        settings = load_settings(database=str(database))
        digest_run = run_digest(settings)
    out.print(f"digest: {digest_run.as_dict()} → {settings.outbox_dir}")
    out.print(f"warehouse: {database}; `claimwatch claims` and `claimwatch claim ID` read it")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="HTML or plain-text file; '-' reads stdin.")],
    config: ConfigOption = None,
) -> None:
    """Print the claims and Kremlin statements found in one document, as JSON."""
    from extractors.document import extract_document
    from flows.settings import load_catalogue, load_settings

    with clear_errors():
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            try:
                raw = Path(path).read_bytes()
            except OSError as exc:
                err.print(f"[bold red]error:[/] cannot read {escape(path)}: {exc.strerror}")
                raise typer.Exit(1) from None
        settings = load_settings(config)
        topics = load_catalogue(settings).topics if settings.config.exists() else []
        result = extract_document(raw, url=None if path == "-" else path, topics=topics)
    out.print_json(json.dumps(result, ensure_ascii=False))


@app.command()
def sources(config: ConfigOption = None) -> None:
    """List the catalogue's sources with their leaning and health."""
    from flows.settings import load_catalogue, load_settings
    from warehouse.db import connect

    with clear_errors():
        settings = load_settings(config)
        catalogue = load_catalogue(settings)
        health: dict[str, tuple[Any, ...]] = {}
        if settings.snapshot.exists():
            with connect(settings.snapshot, read_only=True) as conn:
                rows = conn.execute(
                    "SELECT source_id, last_poll, consecutive_failures, last_error "
                    "FROM sources_health"
                ).fetchall()
            health = {row[0]: row[1:] for row in rows}
    table = Table(title=f"{len(catalogue.sources)} sources")
    table.add_column("id", no_wrap=True)
    for column in ("kind", "lang", "leaning", "every", "last poll", "failures", "last error"):
        table.add_column(column)
    for s in catalogue.sources:
        last_poll, failures, last_error = health.get(s.id, (None, 0, None))
        table.add_row(
            s.id,
            s.kind,
            s.language,
            s.leaning,
            f"{s.poll_minutes} min",
            str(last_poll or "never"),
            str(failures),
            (last_error or "")[:60],
        )
    out.print(table)
