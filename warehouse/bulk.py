"""Column-wise bulk inserts: one statement per batch, never row by row.

The columns are handed to DuckDB as an Arrow table, which it scans without converting value by
value: a 23-column mention row loads ~5x faster than from ``UNNEST($1), UNNEST($2), ...`` of
Python lists (~20k rows/s), and ~100x faster than ``executemany`` (STACK.md). Values that are
the same for the whole batch (a run id, a load time) are bound once, not repeated per row.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any

import duckdb
import pyarrow as pa

_BATCH_VIEW = "_bulk_batch"


def insert_columns(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    columns: Mapping[str, Sequence[Any]],
    *,
    constants: Mapping[str, Any] | None = None,
    on_conflict: str = "DO NOTHING",
) -> None:
    """Insert one row per position of ``columns`` (name → values, all of one length) into
    ``table`` with one statement; ``constants`` fill a column with one value for every row."""
    if not columns or not len(next(iter(columns.values()))):
        return
    constants = constants or {}
    names = [*columns, *constants]
    selected = [f'"{name}"' for name in columns]
    selected += [f"${i + 1}" for i in range(len(constants))]
    conflict = f" ON CONFLICT {on_conflict}" if on_conflict else ""
    batch = pa.table({name: pa.array(v) for name, v in columns.items()})
    with registered(conn, _BATCH_VIEW, batch):
        conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) "
            f"SELECT {', '.join(selected)} FROM {_BATCH_VIEW}{conflict}",
            list(constants.values()),
        )


@contextlib.contextmanager
def registered(conn: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """``table`` queryable as the view ``name`` inside the block."""
    conn.register(name, table)
    try:
        yield
    finally:
        # In a transaction a failed statement aborted, this fails too; the next register
        # replaces the view, and the statement's own error is the one to see.
        with contextlib.suppress(duckdb.Error):
            conn.unregister(name)


def insert_records(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    records: Sequence[Any],
    *,
    constants: Mapping[str, Any] | None = None,
    on_conflict: str = "DO NOTHING",
) -> None:
    """Insert dataclass ``records`` (all of one type), each field into the column it names."""
    if records:
        insert_columns(
            conn, table, record_columns(records), constants=constants, on_conflict=on_conflict
        )


def record_columns(records: Sequence[Any]) -> dict[str, list[Any]]:
    """Dataclass ``records`` (all of one type) as column name → values."""
    if not records:
        return {}
    return {name: list(map(attrgetter(name), records)) for name in column_names(type(records[0]))}


def column_names(record_type: type) -> list[str]:
    """A record dataclass's fields, which name the columns it is loaded into."""
    return [f.name for f in fields(record_type)]


def existing_keys(
    conn: duckdb.DuckDBPyConnection, table: str, column: str, keys: Sequence[str]
) -> set[str]:
    """The subset of ``keys`` already stored in ``table.column``."""
    if not keys:
        return set()
    rows = conn.execute(
        f"SELECT {column} FROM {table} WHERE {column} IN (SELECT UNNEST($1))", [list(keys)]
    ).fetchall()
    return {row[0] for row in rows}


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (back on after, if it was on).

    A batch creates hundreds of thousands of objects that live until it ends and form no
    cycles (columns, fetched rows, article topics, the claim index's new entries); the
    collections their allocation set off walked them again and again, and every object the
    batch holds with them: 1.4 s of a 1M-mention load in 50,000-article batches in the
    ledger alone (docs/history.md, fourteenth session). The switch is process-wide: cycles
    other threads leave meanwhile are collected after the batch.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
