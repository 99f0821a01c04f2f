"""Two monitor runs started at once on Prefect's temporary local API: the file lock makes one
wait for the other; both complete and nothing is stored twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from concurrent_runs import assert_stored_once, base_env, run_env, run_two_at_once

from flows.demo.synthetic import SyntheticSite

pytestmark = pytest.mark.slow


def test_two_runs_at_once_one_waits_and_nothing_is_duplicated(tmp_path: Path) -> None:
    with SyntheticSite(pages=40, relevant_every=1) as site:
        env = run_env(tmp_path, site, base_env(tmp_path / "prefect"))
        run_two_at_once(env)
        assert site.article_requests() == 40  # each page downloaded once, by the first run
    assert_stored_once(tmp_path / "w.duckdb", articles=40)
