"""Digests and alerts end to end on the demo warehouse, delivered to the outbox."""

from __future__ import annotations

import shutil
from email import message_from_bytes, policy
from pathlib import Path

import duckdb
import pytest

from digests.recipients import Recipient
from flows.digest import run_digest, send_alerts
from flows.settings import Settings, load_settings

# Not the recipients of claimwatch.toml: the demo run has already alerted those.
DESK = Recipient(email="newsroom@example.org")
GAS = Recipient(
    email="gas@example.org",
    topics=("iran-russia-oil-deals",),
    wants="alerts",
    alert_on=("confirmed", "denied"),
)


@pytest.fixture
def settings(demo_warehouse: Path, tmp_path: Path) -> Settings:
    database = tmp_path / "claimwatch.duckdb"
    shutil.copyfile(demo_warehouse, database)
    return load_settings(
        tmp_path / "absent.toml", database=str(database), outbox=str(tmp_path / "outbox")
    )


def outbox(settings: Settings) -> list[Path]:
    return sorted(settings.outbox_dir.glob("*.eml")) if settings.outbox_dir.exists() else []


def test_digest_once_then_nothing_new_sends_nothing(settings: Settings) -> None:
    first = run_digest(settings, recipients=[DESK, GAS])
    assert first.as_dict() == {
        "digests": 1,
        "nothing_new": 0,
        "sent": 1,
        "pending": 0,
        "failed": 0,
        "unknown": 0,
    }
    [path] = outbox(settings)
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Kremlin confirms up to 55 bcm gas supply, and 20 more updates"
    assert message["To"] == "newsroom@example.org"
    body = message.get_body(("html",))
    assert body is not None
    html = body.get_content()
    assert "Kremlin cannot confirm up to $50 billion investment pledge" in html
    assert "Dmitry Peskov" in html and "badge-not_confirmed" in html
    second = run_digest(settings, recipients=[DESK, GAS])
    assert second.as_dict()["nothing_new"] == 1 and second.as_dict()["sent"] == 0
    assert len(outbox(settings)) == 1


def test_dry_run_records_and_sends_nothing(settings: Settings) -> None:
    dry = run_digest(settings, recipients=[DESK], dry_run=True)
    assert [p.subject for p in dry.planned] == [
        "Kremlin confirms up to 55 bcm gas supply, and 20 more updates"
    ]
    assert outbox(settings) == []
    assert run_digest(settings, recipients=[DESK]).as_dict()["sent"] == 1


def test_alerts_follow_topics_and_statuses_and_go_once(settings: Settings) -> None:
    report = send_alerts(settings, settings.database, None, recipients=[DESK, GAS])
    assert len(report.sent) == 3  # desk: Putin's and Peskov's statements; gas: Putin's only
    subjects = sorted(
        message_from_bytes(p.read_bytes(), policy=policy.default)["Subject"]
        for p in outbox(settings)
    )
    assert subjects == [
        "Kremlin cannot confirm up to $50 billion investment pledge, and 2 more claims",
        "Kremlin confirms up to 55 bcm gas supply, and 2 more claims",
        "Kremlin confirms up to 55 bcm gas supply, and 2 more claims",
    ]
    again = send_alerts(settings, settings.database, None, recipients=[DESK, GAS])
    assert again.sent == [] and len(outbox(settings)) == 3


def test_the_monitor_run_alerted_the_configured_recipients(demo_warehouse: Path) -> None:
    conn = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        sent = conn.execute(
            "SELECT DISTINCT recipient FROM digest_alert_events ORDER BY 1"
        ).fetchall()
    finally:
        conn.close()
    assert sent == [("desk@example.org",), ("gas-analyst@example.org",)]
    assert len(list((demo_warehouse.parent / "outbox").glob("alert_*.eml"))) == 3


def _config(tmp_path: Path, demo_warehouse: Path) -> Path:
    database = tmp_path / "w.duckdb"
    shutil.copyfile(demo_warehouse, database)
    config = tmp_path / "claimwatch.toml"
    config.write_text(
        f'[settings]\ndatabase = "{database}"\n\n'
        '[[recipients]]\nemail = "editor@example.org"\nwants = "digest"\n',
        encoding="utf-8",
    )
    return config


def test_the_digest_command_dry_run_then_send(demo_warehouse: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    runner = CliRunner()
    config = str(_config(tmp_path, demo_warehouse))
    dry = runner.invoke(app, ["digest", "--dry-run", "-c", config])
    assert dry.exit_code == 0, dry.output
    assert "editor@example.org" in dry.output and "Kremlin confirms" in dry.output
    assert not (tmp_path / "outbox").exists()
    sent = runner.invoke(app, ["digest", "-c", config])
    assert sent.exit_code == 0, sent.output
    assert "sent 1" in sent.output
    assert len(list((tmp_path / "outbox").glob("digest_*.eml"))) == 1
    again = runner.invoke(app, ["digest", "-c", config])
    assert again.exit_code == 0 and "sent 0" in again.output


def test_the_digest_flow_on_prefect(demo_warehouse: Path, tmp_path: Path) -> None:
    from flows.digest import digest

    config = _config(tmp_path, demo_warehouse)
    result = digest(config=str(config))
    assert result["sent"] == 1, result
    assert len(list((tmp_path / "outbox").glob("digest_*.eml"))) == 1
