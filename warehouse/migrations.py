"""Versioned SQL migrations, applied in order, each in a transaction with its record."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb

from warehouse.db import transaction
from warehouse.exceptions import MigrationError, WarehouseError
from warehouse.texts import TextStore, move_pending_texts

logger = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def available_migrations() -> tuple[Migration, ...]:
    """Every migration shipped in ``warehouse/migrations/``, in version order (read once per
    process: every connection that writes checks them, several times a run)."""
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migrations share a version number: {versions}")
    return tuple(found)


def applied_versions(conn: duckdb.DuckDBPyConnection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(conn: duckdb.DuckDBPyConnection, *, path: str = "warehouse") -> list[int]:
    """Apply the migrations that have not run yet; return the versions applied now."""
    done = applied_versions(conn)
    applied = []
    for migration in available_migrations():
        if migration.version in done:
            continue
        try:
            with transaction(conn, path=path):
                conn.execute(migration.sql)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                    [migration.version, migration.name],
                )
        except WarehouseError as exc:
            raise MigrationError(
                f"{path}: migration {migration.version:03d}_{migration.name} failed and was "
                f"rolled back: {exc.__cause__ or exc}",
                path=path,
            ) from exc
        logger.info("applied migration %03d_%s", migration.version, migration.name)
        applied.append(migration.version)
    return applied


def migrate_file(conn: duckdb.DuckDBPyConnection, database: str | Path) -> list[int]:
    """``migrate`` the warehouse file ``database``, then finish what migration 008 leaves to
    Python: its texts, waiting in a table, go to packs beside the file (warehouse.texts)."""
    applied = migrate(conn, path=str(database))
    with transaction(conn, path=str(database)):
        moved = move_pending_texts(conn, TextStore(database))
    if moved:
        logger.info("moved %s article texts out of the warehouse into packs", moved)
    return applied
