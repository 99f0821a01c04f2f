"""Opening the DuckDB file, and the one place where duckdb's errors are translated."""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.exceptions import (
    QueryError,
    ReadOnlyViolation,
    WarehouseError,
    WarehouseLocked,
)

logger = logging.getLogger(__name__)

LOCK_MARKERS = ("Could not set lock on file", "Conflicting lock is held")
READ_ONLY_MARKERS = ("read-only mode", "read only mode", "Cannot execute statement of type")
NO_FILES_MARKERS = ("file system operations are disabled", "Cannot enable external access")


def translate_error(exc: duckdb.Error, *, path: str) -> WarehouseError:
    """Map a duckdb error onto the warehouse's exception tree."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if any(marker in str(exc) for marker in LOCK_MARKERS):
        return WarehouseLocked(
            f"{path}: the database is in use by another process ({message}); "
            "wait for the running flow to finish, or read the snapshot instead",
            path=path,
        )
    if any(marker in str(exc) for marker in NO_FILES_MARKERS):
        return ReadOnlyViolation(
            f"{path}: this connection only queries the warehouse; reading or writing other "
            f"files is refused (use `claimwatch export` for Parquet) ({message})",
            path=path,
        )
    if any(marker in str(exc) for marker in READ_ONLY_MARKERS):
        return ReadOnlyViolation(
            f"{path}: this connection is read-only; only queries are allowed ({message})",
            path=path,
        )
    if isinstance(exc, duckdb.OutOfMemoryException):
        return WarehouseError(
            f"{path}: DuckDB ran out of the memory it may use ({message}); raise the limit "
            "with duckdb_memory_mb in [settings] or CLAIMWATCH_DUCKDB_MEMORY_MB",
            path=path,
        )
    if isinstance(exc, duckdb.ParserException | duckdb.CatalogException | duckdb.BinderException):
        return QueryError(f"{path}: {message}", path=path)
    return WarehouseError(f"{path}: {message}", path=path)


@contextlib.contextmanager
def translated_errors(path: str) -> Iterator[None]:
    """Re-raise duckdb errors as warehouse errors, chained from the original."""
    try:
        yield
    except duckdb.Error as exc:
        raise translate_error(exc, path=path) from exc


def _open(path: Path, *, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """Open ``path``, waiting up to ``lock_timeout`` seconds while another process holds it."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + lock_timeout
    delay = 0.05
    while True:
        try:
            with translated_errors(str(path)):
                return duckdb.connect(str(path), read_only=read_only)
        except WarehouseLocked:
            if time.monotonic() >= deadline:
                raise
            logger.info("%s is locked by another process; retrying in %.2fs", path, delay)
            time.sleep(delay + random.uniform(0, delay))
            delay = min(delay * 2, 1.0)


@contextlib.contextmanager
def connect(
    path: str | Path, *, read_only: bool = False, lock_timeout: float = 30.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open ``path``, waiting up to ``lock_timeout`` seconds while another process holds it.

    The connection is closed on exit: writers hold the file only while they load.
    """
    conn = _open(Path(path), read_only=read_only, lock_timeout=lock_timeout)
    try:
        yield conn
    finally:
        conn.close()


class _HeldFile:
    """A run's open database, closed and reopened whenever its write-ahead log reaches the
    threshold.

    Closing the last connection checkpoints the log into the file and ends DuckDB's instance.
    That gives back what a checkpoint alone keeps: the blocks it wrote stay cached, and the
    instance keeps memory it has freed (closing after a 16,000-article load returned 159 MB).
    """

    def __init__(
        self, path: Path, *, checkpoint_mb: int, memory_mb: int, lock_timeout: float
    ) -> None:
        self.path = path
        self.log = Path(f"{path}.wal")
        self.checkpoint_bytes = checkpoint_mb * 2**20
        self.memory_mb = memory_mb
        self.lock_timeout = lock_timeout
        self.conn = self._connect()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        conn = _open(self.path, read_only=False, lock_timeout=self.lock_timeout)
        with translated_errors(str(self.path)):
            # The run checkpoints by reopening (settle); DuckDB's own trigger stays out of it.
            conn.execute("SET checkpoint_threshold = '1TB'")
            conn.execute(f"SET memory_limit = '{int(self.memory_mb)}MB'")
        return conn

    def settle(self) -> None:
        """After a commit: checkpoint and reopen once the log has reached the threshold."""
        if self.log.exists() and self.log.stat().st_size >= self.checkpoint_bytes:
            self.close()
            self.conn = self._connect()

    def close(self) -> None:
        with translated_errors(str(self.path)):
            self.conn.execute("CHECKPOINT")
            self.conn.close()


_held: dict[Path, _HeldFile] = {}


@contextlib.contextmanager
def held_for_run(
    path: str | Path, *, checkpoint_mb: int, memory_mb: int, lock_timeout: float = 30.0
) -> Iterator[None]:
    """Keep ``path`` open for a whole run, checkpointing when ``checkpoint_mb`` of write-ahead
    log has built up, and once when the run is done.

    DuckDB keeps one database instance per file in a process, so every ``connect(path)`` made
    meanwhile (each batch's ``write_transaction``) shares this one: the file is not reopened
    per batch (which dropped the cache and checkpointed on every close), and a commit below
    the threshold only appends to the log. The log's rows stay in memory until a checkpoint,
    so the threshold bounds what a long run holds. At the threshold the file is closed (which
    checkpoints) and reopened, so that what the instance cached and kept goes too (_HeldFile).
    A checkpoint rewrites the changed tables, indexes and metadata, which costs more the
    larger the warehouse. Crash safety is the log's: a commit is durable when it returns, a
    run killed mid-load left its open transaction out of the log, and the next open replays
    what was committed.

    Hold the writer lock around it: the file stays locked for the run.
    """
    # Arrow's default pool (mimalloc) kept memory the batches' Arrow tables and text packs
    # had freed: a 12,000-page first run peaked at 441 MB on it, 422 MB on the system
    # allocator, which glibc shares with DuckDB (docs/history.md, twelfth session).
    pa.set_memory_pool(pa.system_memory_pool())
    key = Path(path).absolute()
    held = _HeldFile(
        key, checkpoint_mb=checkpoint_mb, memory_mb=memory_mb, lock_timeout=lock_timeout
    )
    _held[key] = held
    try:
        yield
        held.close()
    finally:
        # A run that failed closes without its own checkpoint, so the error it raised is the
        # one reported (DuckDB still checkpoints what was committed, on close or next open).
        del _held[key]
        with contextlib.suppress(duckdb.Error):
            held.conn.close()


@contextlib.contextmanager
def transaction(conn: duckdb.DuckDBPyConnection, *, path: str) -> Iterator[None]:
    """One transaction: everything inside commits together or not at all."""
    with translated_errors(path):
        conn.execute("BEGIN TRANSACTION")
    try:
        with translated_errors(path):
            yield
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            conn.execute("ROLLBACK")
        raise
    with translated_errors(path):
        conn.execute("COMMIT")


@contextlib.contextmanager
def write_transaction(
    path: str | Path, *, lock_timeout: float = 30.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the file, run one transaction, close: the way every load holds the writer's lock."""
    with connect(path, lock_timeout=lock_timeout) as conn, transaction(conn, path=str(path)):
        yield conn
    held = _held.get(Path(path).absolute())
    if held is not None:
        held.settle()


def rows_as_dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed query, each as {column: value}."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
