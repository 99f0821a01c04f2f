"""Shared fixtures. Prefect's settings are fixed here, before anything imports prefect."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Every test session gets a Prefect home of its own, never the developer's or the demo's.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="claimwatch-prefect-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")

import duckdb
import pytest

from warehouse.migrations import migrate

atexit.register(shutil.rmtree, os.environ["PREFECT_HOME"], ignore_errors=True)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A migrated warehouse file under tmp_path, closed again."""
    path = tmp_path / "claimwatch.duckdb"
    conn = duckdb.connect(str(path))
    try:
        migrate(conn)
    finally:
        conn.close()
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection to a migrated warehouse file, closed after the test."""
    conn = duckdb.connect(str(db_path))
    try:
        yield conn
    finally:
        conn.close()


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """Prefect's temporary API, started once per test session (about 10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def demo_warehouse(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse one monitor run over the shipped demo corpus builds (once per session).

    Tests only read it: open it read-only, or copy it first.
    """
    from flows.demo.run import run_demo

    folder = tmp_path_factory.mktemp("demo")
    database = folder / "claimwatch.duckdb"
    run_demo(database, snapshot=folder / "claimwatch-read.duckdb")
    return database
