"""What the command line's modules share: the consoles, the --config option, and the one place
a ClaimwatchError becomes a clear line."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from claimwatch.errors import ClaimwatchError

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="claimwatch.toml to read.", show_default=False)
]

out = Console()
err = Console(stderr=True)


RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs")
"""Where Prefect logs the exception that ended a flow or task run."""


class _WithoutTraceback(logging.Filter):
    """Prefect logs the exception that ended a run with its traceback. For a ClaimwatchError
    (a bad config, a warehouse that is locked or is not one) the message says it all, and
    the command ends with it; any other exception keeps its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], ClaimwatchError):
            record.exc_info = None
            record.exc_text = None
        return True


@contextlib.contextmanager
def clear_errors() -> Iterator[None]:
    """Print a ClaimwatchError as one line on stderr and exit with status 1."""
    quiet = _WithoutTraceback()
    for name in RUN_LOGGERS:
        logging.getLogger(name).addFilter(quiet)
    try:
        yield
    except ClaimwatchError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    finally:
        for name in RUN_LOGGERS:
            logging.getLogger(name).removeFilter(quiet)
