"""One monitor run over the demo corpus, served from loopback: used by ``claimwatch demo``
and by the tests that need the demo warehouse."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flows.demo.server import DemoServer, demo_catalogue

DEMO_ORIGIN = "https://demo.claimwatch.invalid"
"""The stable identity of the demo outlets, whatever port the demo server gets."""


def run_demo(
    database: Path,
    *,
    snapshot: Path | None = None,
    announce: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Serve the corpus, run the monitor flow on it once (every source polled), return counts."""
    from flows.monitor import monitor
    from flows.settings import load_catalogue, load_settings

    with DemoServer() as server:
        catalogue = database.parent / "demo-catalogue.toml"
        catalogue.parent.mkdir(parents=True, exist_ok=True)
        catalogue.write_text(demo_catalogue(server.base_url), encoding="utf-8")
        load_catalogue(load_settings(catalogue=catalogue))
        announce(f"demo outlets served at {server.base_url}")
        overrides: dict[str, Any] = {
            "origin_aliases": {server.base_url: DEMO_ORIGIN},
            # Our own server on loopback: no need to be polite to it.
            "per_host_delay": 0.0,
            "per_host_concurrency": 8,
        }
        if snapshot is not None:
            overrides["snapshot"] = str(snapshot)
        return asyncio.run(
            monitor(
                catalogue=str(catalogue),
                database=str(database),
                force=True,
                overrides=overrides,
            )
        )
