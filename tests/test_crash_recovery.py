"""A monitor run killed by SIGKILL leaves a consistent warehouse; the next run finishes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from concurrent_runs import assert_ledger_whole, assert_texts_in_packs, base_env, run_env

from flows.demo.synthetic import SyntheticSite

CLAIMWATCH = str(Path(sys.executable).parent / "claimwatch")

pytestmark = pytest.mark.slow
RELEVANT = 60  # of the 120 generated pages, the even ones pass the prefilter and are stored


def _run(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [CLAIMWATCH, "run", "--force"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def test_sigkill_during_the_load_loses_nothing_and_duplicates_nothing(
    tmp_path: Path,
) -> None:
    with SyntheticSite(pages=120) as site:
        env = run_env(tmp_path, site, base_env(tmp_path / "prefect"))
        victim = _run(env)
        assert victim.stdout is not None
        seen = []
        deadline = time.monotonic() + 240
        for line in victim.stdout:
            seen.append(line)
            if "batch 2/" in line:
                os.killpg(victim.pid, signal.SIGKILL)
                break
            if time.monotonic() > deadline:
                break
        victim.wait(timeout=30)
        assert victim.returncode == -signal.SIGKILL, "".join(seen[-30:])

        conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()
        assert_ledger_whole(conn)  # the killed batch left no half-written claim
        conn.close()
        assert partial is not None and 0 < partial[0] < RELEVANT

        survivor = _run(env)
        output, _ = survivor.communicate(timeout=300)
        assert survivor.returncode == 0, output[-3000:]

    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        totals = conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        assert totals == (RELEVANT, RELEVANT)
        statuses = conn.execute("SELECT status FROM runs ORDER BY started_at").fetchall()
        assert statuses == [("crashed",), ("completed",)]
        dupes = conn.execute(
            "SELECT count(*) FROM (SELECT article_id, source_id FROM article_sources "
            "GROUP BY ALL HAVING count(*) > 1)"
        ).fetchone()
        assert dupes == (0,)
        assert_ledger_whole(conn)
        # Every row's text is in its pack; the killed batch's pack, if written, is just unused.
        assert assert_texts_in_packs(conn, tmp_path) == RELEVANT
    finally:
        conn.close()
