"""One monitor run on Prefect's test harness, for the tests that serve their own sources."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def run_monitor(tmp_path: Path, catalogue: str, **overrides: Any) -> dict[str, Any]:
    """Run ``monitor`` over ``catalogue`` into ``tmp_path/w.duckdb``, without delays."""
    from flows.monitor import monitor

    path = tmp_path / "catalogue.toml"
    path.write_text(catalogue, encoding="utf-8")
    return asyncio.run(
        monitor(
            config=str(REPO / "claimwatch.toml"),
            catalogue=str(path),
            database=str(tmp_path / "w.duckdb"),
            force=True,
            overrides={
                "per_host_delay": 0,
                "batch_size": 10,
                "snapshot": str(tmp_path / "read.duckdb"),
                "read_timeout": 1.0,
                "retries": 1,
                **overrides,
            },
        )
    )
