"""``claimwatch claims``, ``claim``, ``article``, ``sql`` and ``export`` against the demo
warehouse."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse.analyst import EXPORTED_VIEWS

runner = CliRunner()
pytestmark = pytest.mark.flow
WIDE = 250


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich sizes its console once; make it wide so that table cells are not folded."""
    from flows.console import out

    monkeypatch.setattr(out, "_width", WIDE)


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), terminal_width=WIDE)
    return result.exit_code, result.output


def velayati_4bn(demo_warehouse: Path) -> str:
    conn = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        row = conn.execute(
            "SELECT claim_id FROM claims_current WHERE topic = 'velayati-moscow-2018' "
            "AND unit = 'USD' AND value = 4e9 AND family = 'deal'"
        ).fetchone()
    finally:
        conn.close()
    assert row is not None
    return str(row[0])


def test_claims_lists_the_velayati_figures_as_not_confirmed(demo_warehouse: Path) -> None:
    code, output = invoke("claims", "-d", str(demo_warehouse), "--topic", "velayati-moscow-2018")
    assert code == 0, output
    for line_start in ("$4 billion", "up to $10 billion", "up to $50 billion"):
        line = next(x for x in output.splitlines() if f"│ {line_start} " in x)
        assert "not_confirmed" in line
    assert "iran-russia-oil-deals" not in output


def test_claims_filters_by_status_and_date(demo_warehouse: Path) -> None:
    code, output = invoke("claims", "-d", str(demo_warehouse), "--status", "not_confirmed")
    assert code == 0, output
    assert "unverified" not in output
    code, output = invoke("claims", "-d", str(demo_warehouse), "--since", "2030-01-01")
    assert code == 0 and "0 tracked claims" in output


def test_claims_with_an_unknown_status_is_one_clear_line(demo_warehouse: Path) -> None:
    code, output = invoke("claims", "-d", str(demo_warehouse), "--status", "maybe")
    assert code == 1
    assert "unknown status 'maybe'" in output and "Traceback" not in output


def test_claim_shows_the_timeline_with_its_evidence(demo_warehouse: Path) -> None:
    claim_id = velayati_4bn(demo_warehouse)
    code, output = invoke("claim", claim_id[:7], "-d", str(demo_warehouse))
    assert code == 0, output
    assert claim_id in output
    assert "not_confirmed since 2018-07" in output
    assert "unverified → not_confirmed" in output
    assert "Peskov" in output
    assert "https://demo.claimwatch.invalid/" in output


def test_claim_with_an_unknown_or_ambiguous_id_is_one_clear_line(demo_warehouse: Path) -> None:
    code, output = invoke("claim", "zzz", "-d", str(demo_warehouse))
    assert code == 1 and "no tracked claim with id 'zzz'" in output
    code, output = invoke("claim", "c", "-d", str(demo_warehouse))
    assert code == 1 and "give more of it" in output


def test_article_prints_the_text_a_claim_was_found_in(demo_warehouse: Path) -> None:
    conn = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        row = conn.execute(
            "SELECT url, article_id, sentence FROM claim_mentions_v "
            "WHERE claim_id = ? ORDER BY url LIMIT 1",
            [velayati_4bn(demo_warehouse)],
        ).fetchone()
    finally:
        conn.close()
    assert row is not None
    url, article_id, sentence = row
    snapshot = demo_warehouse.with_name("claimwatch-read.duckdb")
    for key in (url, article_id):
        code, output = invoke("article", key, "-d", str(snapshot))
        assert code == 0, output
        assert url in output and article_id in output
        assert " ".join(sentence.split()) in " ".join(output.split())


def test_article_with_an_unknown_key_is_one_clear_line(demo_warehouse: Path) -> None:
    code, output = invoke("article", "https://nowhere.example/x", "-d", str(demo_warehouse))
    assert code == 1 and "no article with id or URL" in output and "Traceback" not in output


def test_sql_answers_a_query_as_json(demo_warehouse: Path) -> None:
    code, output = invoke(
        "sql",
        "SELECT kremlin_status, count(*) AS n FROM claims_current GROUP BY 1 ORDER BY 1",
        "--format",
        "json",
        "-d",
        str(demo_warehouse),
    )
    assert code == 0, output
    rows = json.loads(output)
    assert {"kremlin_status": "not_confirmed", "n": rows[0]["n"]} in rows or any(
        r["kremlin_status"] == "not_confirmed" for r in rows
    )


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("DELETE FROM claims", "read-only"),
        ("CREATE TABLE mine AS SELECT 1", "read-only"),
        ("COPY claims TO '/tmp/claimwatch-stolen.csv'", "reading or writing other files"),
        ("ATTACH '/tmp/claimwatch-other.duckdb' AS other", "reading or writing other files"),
        ("SELEC 1", "syntax error"),
        ("SELECT * FROM no_such_view", "no_such_view"),
    ],
)
def test_sql_refuses_writes_and_reports_bad_queries(
    demo_warehouse: Path, query: str, says: str
) -> None:
    code, output = invoke("sql", query, "-d", str(demo_warehouse))
    assert code == 1, output
    assert says in output.lower() or says in output
    assert "Traceback" not in output
    assert not Path("/tmp/claimwatch-stolen.csv").exists()


def test_export_writes_one_parquet_file_per_view(demo_warehouse: Path, tmp_path: Path) -> None:
    code, output = invoke("export", "--parquet", str(tmp_path / "out"), "-d", str(demo_warehouse))
    assert code == 0, output
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(f"{view}.parquet" for view in EXPORTED_VIEWS)
    conn = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        for view in EXPORTED_VIEWS:
            exported = conn.execute(
                f"SELECT count(*) FROM read_parquet('{tmp_path / 'out' / view}.parquet')"
            ).fetchone()
            assert exported == conn.execute(f"SELECT count(*) FROM {view}").fetchone(), view
    finally:
        conn.close()


def test_a_missing_snapshot_is_one_clear_line(tmp_path: Path) -> None:
    code, output = invoke("claims", "-d", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert "no warehouse snapshot yet" in output
