"""The SMTP password from a Prefect Secret block, end to end on Prefect's test harness and a
real aiosmtpd server that requires AUTH: the login uses it, and it shows up in no log record,
no Prefect run log, no message and no ledger row. A block that does not exist is a clear
error that loses nothing."""

from __future__ import annotations

import asyncio
import base64
import logging
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from digest_support import (
    USER,
    Mailbox,
    free_port,
    queue,
    self_signed,
    server,
    statuses,
    tls_context,
)
from prefect import flow, task
from prefect.blocks.system import Secret
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
from prefect.logging.handlers import APILogHandler
from pydantic import SecretStr
from typer.testing import CliRunner

from digests.service import DeliveryReport
from flows.cli import app
from flows.digest import digest, send_alerts
from flows.settings import Settings, load_settings

pytestmark = [pytest.mark.slow, pytest.mark.flow]


@pytest.fixture
def password(prefect_harness: None) -> Iterator[str]:
    """A fresh password, saved in a Secret block of its own."""
    value = "pw-" + secrets.token_urlsafe(18)
    name = "claimwatch-smtp-" + secrets.token_hex(4)
    Secret(value=SecretStr(value)).save(name)
    try:
        yield value
    finally:
        Secret.delete(name)  # type: ignore[call-arg]


def block_name(password: str) -> str:
    """The block the ``password`` fixture saved (looked up by its value)."""
    with get_client(sync_client=True) as client:
        for document in client.read_block_documents():
            if document.data.get("value") == password:
                return str(document.name)
    raise AssertionError("no Secret block holds the password")


@pytest.fixture
def mailbox(password: str) -> Mailbox:
    return Mailbox(user=USER, password=password)


@pytest.fixture
def cert(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "tls"
    folder.mkdir()
    yield self_signed(folder)[0]


@pytest.fixture
def port(mailbox: Mailbox, cert: Path) -> Iterator[int]:
    """STARTTLS required, then AUTH required."""
    number = free_port()
    context = tls_context(cert, cert.with_name("key.pem"))
    controller = server(
        mailbox, number, tls_context=context, require_starttls=True, auth_required=True
    )
    controller.start()
    try:
        yield number
    finally:
        controller.stop()


def write_config(
    tmp_path: Path, database: Path, port: int, secret: str, recipients: str = ""
) -> Path:
    config = tmp_path / "claimwatch.toml"
    config.write_text(
        f'[settings]\ndatabase = "{database}"\nlock_timeout = 30\n\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "starttls"\ntimeout = 10\n'
        f'ca_file = "{tmp_path / "tls" / "cert.pem"}"\n'
        f'username = "{USER}"\npassword_secret = "{secret}"\n\n{recipients}',
        encoding="utf-8",
    )
    return config


def forms_of(password: str) -> list[str]:
    """The password as it could leak: plain, and inside AUTH PLAIN's base64."""
    plain = f"\0{USER}\0{password}".encode()
    return [password, base64.b64encode(plain).decode()]


def ledger_blobs(database: Path) -> bytes:
    conn = duckdb.connect(str(database), read_only=True)
    try:
        rows = conn.execute("SELECT message FROM digest_messages WHERE message IS NOT NULL")
        return b"".join(bytes(r[0]) for r in rows.fetchall())
    finally:
        conn.close()


def run_logs(flow_run_id: Any) -> list[str]:
    APILogHandler().flush()  # logs reach the API in batches: send them now
    with get_client(sync_client=True) as client:
        logs = client.read_logs(
            log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id]))
        )
    return [log.message for log in logs]


def test_the_digest_flow_logs_in_with_the_secret_block_and_never_shows_it(
    demo_warehouse: Path,
    tmp_path: Path,
    password: str,
    mailbox: Mailbox,
    port: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    database = tmp_path / "w.duckdb"
    shutil.copyfile(demo_warehouse, database)
    recipients = '[[recipients]]\nemail = "editor@example.org"\nwants = "digest"\n'
    config = write_config(tmp_path, database, port, block_name(password), recipients)
    caplog.set_level(logging.DEBUG)

    state = digest(config=str(config), return_state=True)

    assert state.is_completed(), state.message
    assert state.result()["sent"] == 1
    assert mailbox.logins == [(USER, password)]
    [(_, rcpt, content)] = mailbox.messages
    assert rcpt == ["editor@example.org"]
    logs = run_logs(state.state_details.flow_run_id)
    assert any("digest run" in line for line in logs)  # the run's logs were read
    haystacks = {
        "log records": caplog.text,
        "Prefect run logs": "\n".join(logs),
        "message": content.decode("utf-8", "replace"),
        "ledger": ledger_blobs(database).decode("utf-8", "replace"),
    }
    for where, text in haystacks.items():
        for form in forms_of(password):
            assert form not in text, f"the password shows in the {where}"


def test_a_missing_block_is_a_clear_error_and_the_next_run_sends_once(
    db_path: Path, tmp_path: Path, password: str, mailbox: Mailbox, port: int
) -> None:
    [key] = queue(db_path, "desk@example.org")
    missing = write_config(tmp_path, db_path, port, "no-such-smtp-secret")
    runner = CliRunner()

    failed = runner.invoke(app, ["digest", "-c", str(missing)])

    assert failed.exit_code == 1
    assert "Prefect Secret block 'no-such-smtp-secret'" in failed.output
    assert "does not exist" in failed.output and "pending 1" in failed.output
    assert mailbox.messages == [] and statuses(db_path)[key][0] == "pending"

    fixed = write_config(tmp_path, db_path, port, block_name(password))
    sent = runner.invoke(app, ["digest", "-c", str(fixed)])
    assert sent.exit_code == 0, sent.output
    assert "sent 1" in sent.output and len(mailbox.messages) == 1
    assert runner.invoke(app, ["digest", "-c", str(fixed)]).output.count("sent 0") == 1
    assert len(mailbox.messages) == 1 and statuses(db_path)[key][0] == "sent"


@task(cache_policy=NO_CACHE)
async def _alerts_from_a_thread(settings: Settings) -> DeliveryReport:
    """As the monitor's alerts task calls send_alerts: from a worker thread of an async task."""
    return await asyncio.to_thread(send_alerts, settings, settings.database, [], recipients=[])


@flow
async def _async_flow(settings: Settings) -> DeliveryReport:
    return await _alerts_from_a_thread(settings)


def test_the_monitors_async_alerts_read_the_secret_block_too(
    db_path: Path, tmp_path: Path, password: str, mailbox: Mailbox, port: int
) -> None:
    [key] = queue(db_path, "desk@example.org")
    settings = load_settings(write_config(tmp_path, db_path, port, block_name(password)))
    report = asyncio.run(_async_flow(settings))
    assert report.sent == [key], report.problem
    assert mailbox.logins == [(USER, password)]
