from __future__ import annotations

import json
import subprocess
from pathlib import Path

import duckdb
import pytest
from concurrent_runs import CLAIMWATCH, base_env, run_env
from typer.main import get_command
from typer.testing import CliRunner

from flows.cli import app
from flows.demo.synthetic import SyntheticSite

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert get_command(app).commands[command].help  # type: ignore[attr-defined]


def test_a_bad_config_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "claimwatch.toml"
    bad.write_text("[settings]\nbatch_size = 'many'\n", encoding="utf-8")
    result = runner.invoke(app, ["sources", "--config", str(bad)])
    assert result.exit_code == 1
    assert "invalid settings (batch_size" in result.output
    assert "Traceback" not in result.output


def test_a_missing_config_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", "--config", str(tmp_path / "nope.toml")])
    assert result.exit_code == 1
    assert "configuration file not found" in result.output


def test_sources_lists_the_catalogue() -> None:
    result = runner.invoke(app, ["sources"], terminal_width=200)
    assert result.exit_code == 0, result.output
    for source_id in ("kremlin-en", "tehran-times"):
        assert source_id in result.output


@pytest.mark.usefixtures("prefect_harness")
def test_demo_twice_finds_nothing_new_the_second_time(tmp_path: Path) -> None:
    database = tmp_path / "demo.duckdb"
    first = runner.invoke(app, ["demo", "--database", str(database)], terminal_width=120)
    assert first.exit_code == 0, first.output
    conn = duckdb.connect(str(database), read_only=True)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()
    relevant = conn.execute("SELECT count(*) FROM articles WHERE relevant").fetchone()
    conn.close()
    assert articles is not None and articles[0] >= 20
    assert relevant is not None and relevant[0] >= 15

    second = runner.invoke(app, ["demo", "--database", str(database)], terminal_width=120)
    assert second.exit_code == 0, second.output
    assert "Nothing new" in second.output
    conn = duckdb.connect(str(database), read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == articles
        polls = conn.execute(
            "SELECT count(*) FROM fetch_log f JOIN runs r USING (run_id) "
            "WHERE f.purpose = 'source' AND f.status = 304"
        ).fetchone()
        downloads = conn.execute(
            "SELECT count(*) FROM fetch_log WHERE purpose = 'article' AND run_id = "
            "(SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)"
        ).fetchone()
    finally:
        conn.close()
    assert polls is not None and polls[0] >= 6  # every listing answered 304 Not Modified
    assert downloads == (0,)


def test_extract_prints_the_contract(tmp_path: Path) -> None:
    page = tmp_path / "note.txt"
    page.write_text(
        "Iran's oil minister said on Tuesday that a Russian company had signed a $2 billion "
        "contract to develop an oil field in Iran.",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"language", "title", "published", "relevant", "topics", "claims"} <= set(data)
    assert [c["value"] for c in data["claims"]] == [2_000_000_000]


def test_extract_of_a_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "absent.html")])
    assert result.exit_code == 1
    assert "cannot read" in result.output


@pytest.mark.slow
def test_a_warehouse_that_is_no_duckdb_file_is_one_clear_line_and_kept(tmp_path: Path) -> None:
    """The run stops at the file with the reason, no traceback from Prefect's run logs, and
    the file (someone's notes saved under the warehouse's name) is left as it was."""
    database = tmp_path / "w.duckdb"
    notes = "figures to check on Monday, not a warehouse\n"
    database.write_text(notes, encoding="utf-8")
    with SyntheticSite(pages=4) as site:
        env = run_env(tmp_path, site, base_env(tmp_path / "prefect"))
        env["CLAIMWATCH_DATABASE"] = str(database)
        done = subprocess.run(
            [CLAIMWATCH, "run", "--force"], env=env, capture_output=True, text=True, timeout=300
        )
        assert site.article_requests() == 0
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]
    assert f"error: {database}" in output
    assert "not a valid DuckDB database" in output
    assert "Traceback" not in output
    assert database.read_text(encoding="utf-8") == notes
