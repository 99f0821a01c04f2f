"""What the command line's modules share: the consoles, the --config option, and the one place
a ClaimwatchError becomes a clear line."""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def clear_errors() -> Iterator[None]:
    """Print a ClaimwatchError as one line on stderr and exit with status 1."""
    try:
        yield
    except ClaimwatchError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
