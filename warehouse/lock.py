"""An OS file lock that serialises writers across processes.

The kernel releases it when the holder dies, even on SIGKILL, which is what makes it the
guard that survives crashes (Prefect's global concurrency slot on the temporary API does not).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from warehouse.exceptions import WarehouseLocked


@contextlib.contextmanager
def writer_lock(database: str | Path, *, timeout: float = 600.0) -> Iterator[None]:
    """Hold ``<database>.lock`` exclusively; wait up to ``timeout`` seconds for it."""
    lock_path = Path(f"{database}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseLocked(
                        f"{database}: another run has held the writer lock for over "
                        f"{timeout:.0f}s; is a flow stuck? (lock file {lock_path})",
                        path=str(database),
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
