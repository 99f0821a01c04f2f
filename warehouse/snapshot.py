"""The read-only snapshot analysts query while flows write the main file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from warehouse.db import connect


def publish_snapshot(database: str | Path, snapshot: str | Path) -> Path:
    """Copy the checkpointed warehouse to ``snapshot`` atomically.

    An analyst with the old snapshot open keeps reading the old file (``os.replace`` swaps
    the name, not the open inode); the next connection sees the new one. Call it while
    holding the writer lock so that nothing writes during the copy.
    """
    database, snapshot = Path(database), Path(snapshot)
    with connect(database) as conn:
        conn.execute("CHECKPOINT")
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{snapshot.name}.", dir=snapshot.parent)
    os.close(fd)
    try:
        shutil.copyfile(database, tmp_name)
        os.replace(tmp_name, snapshot)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return snapshot
