"""Two ``claimwatch run`` processes started at once against one warehouse (used by the
temporary-API test and the Prefect-server test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from flows.demo.synthetic import SyntheticSite
from warehouse.texts import read_text

REPO = Path(__file__).resolve().parent.parent
CLAIMWATCH = str(Path(sys.executable).parent / "claimwatch")


def run_env(tmp_path: Path, site: SyntheticSite, base: dict[str, str]) -> dict[str, str]:
    """The real config pointed at a throw-away warehouse through CLAIMWATCH_* variables."""
    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text(site.catalogue(), encoding="utf-8")
    return {
        **base,
        "CLAIMWATCH_CONFIG": str(REPO / "claimwatch.toml"),
        "CLAIMWATCH_CATALOGUE": str(catalogue),
        "CLAIMWATCH_DATABASE": str(tmp_path / "w.duckdb"),
        "CLAIMWATCH_SNAPSHOT": str(tmp_path / "read.duckdb"),
        "CLAIMWATCH_BATCH_SIZE": "10",
        "CLAIMWATCH_PER_HOST_DELAY": "0",
    }


def run_two_at_once(env: dict[str, str]) -> list[str]:
    """Start two monitor runs together; wait for both; return their outputs."""
    procs = [
        subprocess.Popen(
            [CLAIMWATCH, "run", "--force"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=400)[0] for p in procs]
    for proc, output in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, output[-3000:]
    return outputs


def assert_stored_once(database: Path, *, articles: int) -> None:
    """Both runs completed, one stored everything, nothing is duplicated or half-written."""
    conn = duckdb.connect(str(database), read_only=True)
    try:
        assert conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone() == (
            articles,
            articles,
        )
        runs = conn.execute("SELECT status, articles_new FROM runs ORDER BY started_at").fetchall()
        assert [r[0] for r in runs] == ["completed", "completed"]
        assert sorted(r[1] for r in runs)[0] == 0  # the run that waited found nothing new
        assert_ledger_whole(conn)
    finally:
        conn.close()


def base_env(prefect_home: Path) -> dict[str, str]:
    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    env.pop("PREFECT_API_URL", None)
    return env


def assert_texts_in_packs(conn: duckdb.DuckDBPyConnection, folder: Path) -> int:
    """Every article's text is whole in the pack its row names, beside the warehouse in
    ``folder``; returns how many articles there are."""
    rows = conn.execute("SELECT article_id, text_file, text_chars FROM articles").fetchall()
    for article_id, text_file, text_chars in rows:
        text = read_text([folder], text_file, article_id)
        assert text is not None and len(text) == text_chars > 0
    return len(rows)


def assert_ledger_whole(conn: duckdb.DuckDBPyConnection) -> None:
    """Every mention has its claim and article, every claim its mentions and state, and no
    mention or listing is stored twice: no batch was half written."""
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0  # type: ignore[index]
    for orphan in (
        "SELECT count(*) FROM mentions WHERE claim_id NOT IN (SELECT claim_id FROM claims)",
        "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT article_id FROM articles)",
        "SELECT count(*) FROM claims WHERE claim_id NOT IN (SELECT claim_id FROM claim_state)",
        "SELECT count(*) FROM claims WHERE claim_id NOT IN (SELECT claim_id FROM mentions)",
        "SELECT count(*) FROM (SELECT article_id, char_start, char_end FROM mentions "
        "GROUP BY ALL HAVING count(*) > 1)",
        "SELECT count(*) FROM (SELECT article_id, source_id FROM article_sources "
        "GROUP BY ALL HAVING count(*) > 1)",
    ):
        assert conn.execute(orphan).fetchone() == (0,), orphan
