"""Every tracked claim of a warehouse in memory, for resolution to match mentions against.

Loaded from ``claims`` on first use and kept between batches, so a batch costs what its own
mentions cost rather than a join against every stored claim. The index must never disagree
with the file: it is kept for one database file only, and each batch first compares the
file's claims with the index's ``mark``: their count and the claim stored last (claims are
only ever appended, so claims added elsewhere change the count, and a different file with as
many claims almost surely has another last claim; both are read in ~1 ms whatever the size).
A batch's transaction rolled back leaves the index with claims the file does not have, hence a
count that differs: the next batch reloads. While a batch adds claims the mark is cleared, so
a batch that fails half way is never trusted. Claims stored earlier in the same transaction
have no place in the file yet, so two loads in one transaction reload the index for the
second: correct, but slower.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb

VALUE_TOLERANCE = 0.01
"""Two figures within 1% of the larger are the same figure (rounding, 'about', conversions)."""
WINDOW = 1.0102
"""Candidates are looked for between value / WINDOW and value × WINDOW: a figure within 1% of
the larger lies between value × 0.99 and value / 0.99 (= value × 1.0101...), so the exact test
sees every match."""

Group = tuple[str, str, str]
"""(topic, family, unit): a mention only ever matches claims of one group."""
_Key = tuple[str, str, str, bool]
"""A group and whether its figures are single values: a range only matches a range."""
Best = tuple[float, float, str]
"""(distance, claim value, claim_id): the smaller tuple is the better match."""
Mark = tuple[int, str | None]
"""(number of claims, the claim_id stored last): rows are only appended, so the last one's
rowid is the count less one."""

_MARK = """
SELECT (SELECT path FROM duckdb_databases() WHERE database_name = current_database()),
       (SELECT count(*) FROM claims),
       (SELECT claim_id FROM claims WHERE rowid = (SELECT count(*) - 1 FROM claims))
"""
_CLAIMS = """
SELECT topic, family, unit, value, value_high, claim_id FROM claims
ORDER BY topic, family, unit, value_high IS NULL, value
"""


def same_value(a: float, b: float) -> bool:
    """The tolerance test, with the same float operations as the SQL that links statements."""
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


@dataclass(slots=True)
class _Claims:
    """The single figures or the ranges of one group, sorted by value; ``entries[k]`` is
    (claim_id, value_high) of the claim whose value is ``values[k]``."""

    values: list[float] = field(default_factory=list)
    entries: list[tuple[str, float | None]] = field(default_factory=list)

    def closest(self, value: float, value_high: float | None) -> Best | None:
        """The closest claim within tolerance (ranges: both ends), by (distance, value,
        claim_id); ``value_high`` is None if and only if this list holds single figures.

        ``same_value`` is written out here: this runs for every mention of every batch.
        """
        values = self.values
        size = abs(value)
        low, high = (
            (value / WINDOW, value * WINDOW) if value >= 0 else (value * WINDOW, value / WINDOW)
        )
        best: Best | None = None
        k = bisect_left(values, low)
        end = len(values)
        while k < end:
            claim_value = values[k]
            if claim_value > high:
                break
            distance = abs(claim_value - value)
            claim_size = abs(claim_value)
            if distance <= VALUE_TOLERANCE * (claim_size if claim_size > size else size):
                claim_id, claim_high = self.entries[k]
                # a list holds single figures only or ranges only (ClaimIndex keys them apart)
                if value_high is None or same_value(value_high, claim_high):  # type: ignore[arg-type]
                    found = (distance, claim_value, claim_id)
                    if best is None or found < best:
                        best = found
            k += 1
        return best

    def add(self, value: float, claim_id: str, value_high: float | None) -> None:
        k = bisect_right(self.values, value)
        self.values.insert(k, value)
        self.entries.insert(k, (claim_id, value_high))


class ClaimIndex:
    """The claims of the database file at ``path``, by group, as of ``mark``."""

    def __init__(self, path: str | None, mark: Mark | None) -> None:
        self.path = path
        self.mark = mark
        self.groups: dict[_Key, _Claims] = {}

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection, path: str | None, mark: Mark) -> ClaimIndex:
        index = cls(path, mark)
        columns = conn.sql(_CLAIMS).to_arrow_table().to_pydict()
        groups = index.groups
        current: _Claims | None = None
        last: _Key | None = None
        rows = zip(
            columns["topic"],
            columns["family"],
            columns["unit"],
            columns["value"],
            columns["value_high"],
            columns["claim_id"],
            strict=True,
        )
        for topic, family, unit, value, value_high, claim_id in rows:
            key = (topic, family, unit, value_high is None)
            if key != last:
                current = groups[key] = _Claims()
                last = key
            assert current is not None
            current.values.append(value)
            current.entries.append((claim_id, value_high))
        return index

    def closest(self, group: Group, value: float, value_high: float | None) -> Best | None:
        claims = self.groups.get((*group, value_high is None))
        return claims.closest(value, value_high) if claims is not None else None

    @contextmanager
    def adding(self) -> Iterator[list[tuple[Group, float, float | None, str]]]:
        """Add claims as the block appends them to the yielded list; the block must also
        store them in the file. Until it returns, the index is marked as not matching any
        file, so a block that raises leaves it to be reloaded."""
        mark, self.mark = self.mark, None
        added: list[tuple[Group, float, float | None, str]] = []
        yield added
        if mark is not None and added:
            mark = (mark[0] + len(added), added[-1][3])  # stored in the order added
        self.mark = mark

    def add(self, group: Group, value: float, value_high: float | None, claim_id: str) -> None:
        """Add a claim (inside ``adding``): the later mentions of a batch may join it."""
        key = (*group, value_high is None)
        self.groups.setdefault(key, _Claims()).add(value, claim_id, value_high)


_cached: ClaimIndex | None = None
_lock = threading.Lock()


@contextmanager
def claim_index(conn: duckdb.DuckDBPyConnection) -> Iterator[ClaimIndex]:
    """The index of the claims ``conn`` sees, held for the block (one batch's resolution).

    The last index used is kept for the next batch and reused only if the file's claims still
    match its mark; an in-memory database is loaded afresh every time. The lock keeps two
    threads of one process from resolving against one index at once.
    """
    global _cached
    with _lock:
        ((path, count, last),) = conn.execute(_MARK).fetchall()
        mark: Mark = (count, last)
        index = _cached
        if index is None or path is None or index.path != path or index.mark != mark:
            index = ClaimIndex.load(conn, path, mark)
        _cached = index if path is not None else None
        yield index
