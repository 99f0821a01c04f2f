"""Errors of the warehouse.

::

    ClaimwatchError
     └── WarehouseError
          ├── WarehouseLocked     Transient (another process holds the DuckDB file)
          ├── MigrationError      Permanent (a migration failed; nothing of it was applied)
          ├── ReadOnlyViolation   Permanent (a write sent to the read-only snapshot)
          └── QueryError          Permanent (bad SQL from a user)
"""

from __future__ import annotations

from claimwatch.errors import ClaimwatchError, Permanent, Transient


class WarehouseError(ClaimwatchError):
    """The warehouse could not do what was asked."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class WarehouseLocked(WarehouseError, Transient):
    """Another process holds the database file."""


class MigrationError(WarehouseError, Permanent):
    """A schema migration failed and was rolled back."""


class ReadOnlyViolation(WarehouseError, Permanent):
    """A statement tried to change the read-only snapshot."""


class QueryError(WarehouseError, Permanent):
    """A query is not valid SQL for this schema."""
