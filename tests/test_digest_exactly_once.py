"""Exactly once across a killed run: `claimwatch digest` runs as a real process against a
real aiosmtpd server on loopback, which SIGKILLs it at a chosen step of the SMTP exchange;
then later runs (in this process), and what the server received.

The kill is done by the server (its handler), so the sender runs its production code
unchanged: killed before answering RCPT (nothing can have been delivered), after receiving
the whole message but before answering DATA, or right after writing its 250.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from digest_support import Mailbox, free_port, queue, server, statuses
from typer.testing import CliRunner

from digests.service import DeliveryReport
from flows.cli import app
from flows.digest import deliver_pending
from flows.settings import load_settings

pytestmark = pytest.mark.slow
CLAIMWATCH = Path(sys.executable).parent / "claimwatch"


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


@pytest.fixture
def port(mailbox: Mailbox) -> Iterator[int]:
    number = free_port()
    controller = server(mailbox, number, auth_require_tls=False)
    controller.start()
    try:
        yield number
    finally:
        controller.stop()


@pytest.fixture
def config(tmp_path: Path, db_path: Path, port: int) -> Path:
    path = tmp_path / "claimwatch.toml"
    path.write_text(
        f'[settings]\ndatabase = "{db_path}"\nlock_timeout = 30\n\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "plain"\ntimeout = 20\n',
        encoding="utf-8",
    )
    return path


def run_sender(config: Path, mailbox: Mailbox) -> subprocess.CompletedProcess[str]:
    """One `claimwatch digest` process; the mailbox knows its pid, to kill it if told to."""
    with subprocess.Popen(
        [str(CLAIMWATCH), "digest", "-c", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        mailbox.kill_pid = process.pid
        out, err = process.communicate(timeout=120)
    mailbox.kill_pid = None
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def next_run(config: Path, run_id: str) -> DeliveryReport:
    settings = load_settings(config)
    return deliver_pending(settings, settings.database, run_id=run_id)


def let_the_lease_run_out(db_path: Path) -> None:
    """What the passing of CLAIM_LEASE (15 minutes) does to the dead run's claims."""
    conn = duckdb.connect(str(db_path))
    try:
        conn.execute(
            "UPDATE digest_messages SET claimed_at = claimed_at - INTERVAL 1 HOUR "
            "WHERE claimed_at IS NOT NULL"
        )
    finally:
        conn.close()


def message_ids(db_path: Path) -> dict[str, str]:
    conn = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = conn.execute("SELECT message_key, message_id FROM digest_messages").fetchall()
    finally:
        conn.close()
    return dict(rows)


@pytest.mark.parametrize("kill_on", ["data", "after_250"])
def test_a_run_killed_once_the_server_has_the_message_never_sends_it_again(
    kill_on: str, mailbox: Mailbox, config: Path, db_path: Path
) -> None:
    first_key, second_key = queue(db_path, "a@example.org", "b@example.org")
    mailbox.kill_on, mailbox.kill_at = kill_on, 2

    killed = run_sender(config, mailbox)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(mailbox.messages) == 2  # the server has both
    state = statuses(db_path)
    assert state[first_key][0] == "sent"  # committed right after its 250
    # The write-ahead record and nothing after it. (After a 250, the client may in principle
    # commit 'sent' before the kill lands; either way it must not be sent again.)
    assert state[second_key][0] == "sending" or kill_on == "after_250"
    in_flight = [second_key] if state[second_key][0] == "sending" else []

    again = next_run(config, "r2")  # at once: the dead run's lease still holds
    assert again.sent == [] and again.unknown == [] and len(mailbox.messages) == 2

    let_the_lease_run_out(db_path)
    later = next_run(config, "r3")
    assert later.sent == [] and later.unknown == in_flight
    assert len(mailbox.messages) == 2
    if in_flight:
        status, attempts, error = statuses(db_path)[second_key]
        assert (status, attempts) == ("unknown", 1) and "--resend" in (error or "")

    ids = message_ids(db_path)
    assert sorted(mailbox.message_ids()) == sorted([ids[first_key], ids[second_key]])


def test_a_run_killed_before_data_loses_nothing_and_the_next_run_sends_once(
    mailbox: Mailbox, config: Path, db_path: Path
) -> None:
    keys = queue(db_path, "a@example.org", "b@example.org")
    mailbox.kill_on, mailbox.kill_at = "rcpt", 1

    killed = run_sender(config, mailbox)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert mailbox.messages == []
    assert {statuses(db_path)[k][0] for k in keys} == {"pending"}

    assert next_run(config, "r2").sent == []  # the dead run's lease still holds
    let_the_lease_run_out(db_path)
    assert sorted(next_run(config, "r3").sent) == sorted(keys)
    assert next_run(config, "r4").sent == []

    ids = message_ids(db_path)
    assert sorted(mailbox.message_ids()) == sorted(ids[k] for k in keys)
    assert {statuses(db_path)[k][0] for k in keys} == {"sent"}


def test_resend_sends_a_message_whose_outcome_is_unknown_once_more(
    mailbox: Mailbox, config: Path, db_path: Path
) -> None:
    """The operator checked the server's log and found nothing: --resend requeues it."""
    [key] = queue(db_path, "a@example.org")
    mailbox.kill_on = "data"
    assert run_sender(config, mailbox).returncode == -signal.SIGKILL
    let_the_lease_run_out(db_path)
    runner = CliRunner()
    listed = runner.invoke(app, ["digest", "-c", str(config)])
    assert listed.exit_code == 0, listed.output
    assert "unknown 1" in listed.output and "outcome unknown, not resent" in listed.output

    resent = runner.invoke(
        app, ["digest", "--resend", key, "--resend", "digest/nobody", "-c", str(config)]
    )
    assert resent.exit_code == 0, resent.output
    assert "sent 1" in resent.output and "not requeued" in resent.output
    assert "digest/nobody" in resent.output
    assert len(mailbox.messages) == 2 and statuses(db_path)[key][0] == "sent"
