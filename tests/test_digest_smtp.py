"""Delivery against a real aiosmtpd server on loopback: plain, login, STARTTLS, implicit TLS,
a refused recipient, a server that is down, a timeout in DATA, and retries without duplicates."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

import duckdb
import pytest
from digest_support import (
    PASSWORD,
    USER,
    Mailbox,
    free_port,
    queue,
    self_signed,
    server,
    statuses,
    tls_context,
)

from digests import ledger
from digests.deliver import SmtpConfig, SmtpTransport
from flows.digest import deliver_pending
from flows.settings import Settings, load_settings

pytestmark = pytest.mark.slow


@pytest.fixture
def settings(tmp_path: Path, db_path: Path) -> Settings:
    return load_settings(tmp_path / "absent.toml", database=str(db_path), lock_timeout=5.0)


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


@pytest.fixture
def plain_server(mailbox: Mailbox) -> Iterator[int]:
    port = free_port()
    controller = server(mailbox, port, auth_require_tls=False)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def smtp(port: int, **kwargs: object) -> SmtpTransport:
    config = {"host": "127.0.0.1", "port": port, "security": "plain", "timeout": 5.0, **kwargs}
    return SmtpTransport(SmtpConfig(**config))  # type: ignore[arg-type]


def test_delivers_multipart_alternative_with_date_and_message_id(
    settings: Settings, db_path: Path, plain_server: int, mailbox: Mailbox
) -> None:
    [key] = queue(db_path, "desk@example.org")
    report = deliver_pending(settings, db_path, run_id="r1", transport=smtp(plain_server))
    assert report.sent == [key] and report.problem is None
    [(mail_from, rcpt, content)] = mailbox.messages
    assert mail_from == "claimwatch@example.org" and rcpt == ["desk@example.org"]
    message = message_from_bytes(content, policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert message["Date"] and message["Message-ID"].endswith("@example.org>")
    assert statuses(db_path)[key][:2] == ("sent", 1)


def test_login_without_the_password_in_any_log(
    settings: Settings,
    db_path: Path,
    plain_server: int,
    mailbox: Mailbox,
    caplog: pytest.LogCaptureFixture,
) -> None:
    queue(db_path, "desk@example.org")
    caplog.set_level(logging.DEBUG)
    transport = smtp(plain_server, username=USER, password=PASSWORD)
    report = deliver_pending(settings, db_path, run_id="r1", transport=transport)
    assert len(report.sent) == 1 and mailbox.logins == [(USER, PASSWORD)]
    assert PASSWORD not in caplog.text and PASSWORD not in repr(transport.config)


def test_wrong_password_keeps_the_message_and_says_what_to_fix(
    settings: Settings, db_path: Path, plain_server: int, mailbox: Mailbox
) -> None:
    [key] = queue(db_path, "desk@example.org")
    report = deliver_pending(
        settings, db_path, run_id="r1", transport=smtp(plain_server, username=USER, password="no")
    )
    assert report.pending == [key] and mailbox.messages == []
    assert (
        "CLAIMWATCH_SMTP_PASSWORD" in str(report.problem)
        and "no" not in str(report.problem).split()
    )
    assert statuses(db_path)[key][0] == "pending"


def test_starttls_with_a_self_signed_certificate(
    settings: Settings, db_path: Path, tmp_path: Path, mailbox: Mailbox
) -> None:
    cert, key_file = self_signed(tmp_path)
    port = free_port()
    controller = server(
        mailbox, port, tls_context=tls_context(cert, key_file), require_starttls=True
    )
    controller.start()
    try:
        queue(db_path, "desk@example.org")
        transport = smtp(port, security="starttls", username=USER, password=PASSWORD, ca_file=cert)
        report = deliver_pending(settings, db_path, run_id="r1", transport=transport)
    finally:
        controller.stop()
    assert len(report.sent) == 1 and len(mailbox.messages) == 1
    assert mailbox.logins == [(USER, PASSWORD)]


def test_implicit_tls_refuses_an_untrusted_certificate(
    settings: Settings, db_path: Path, tmp_path: Path, mailbox: Mailbox
) -> None:
    cert, key_file = self_signed(tmp_path)
    port = free_port()
    controller = server(mailbox, port, ssl_context=tls_context(cert, key_file))
    controller.start()
    try:
        [key] = queue(db_path, "desk@example.org")
        untrusted = deliver_pending(
            settings, db_path, run_id="r1", transport=smtp(port, security="implicit_tls")
        )
        trusted = deliver_pending(
            settings,
            db_path,
            run_id="r2",
            transport=smtp(port, security="implicit_tls", ca_file=cert),
        )
    finally:
        controller.stop()
    assert untrusted.pending == [key] and "TLS" in str(untrusted.problem)
    assert trusted.sent == [key] and len(mailbox.messages) == 1


def test_a_refused_recipient_fails_alone(
    settings: Settings, db_path: Path, plain_server: int, mailbox: Mailbox
) -> None:
    mailbox.refuse.add("gone@example.org")
    gone, desk = queue(db_path, "gone@example.org", "desk@example.org")
    report = deliver_pending(settings, db_path, run_id="r1", transport=smtp(plain_server))
    assert report.failed == [gone] and report.sent == [desk]
    status, attempts, error = statuses(db_path)[gone]
    assert (status, attempts) == ("failed", 1) and "550" in (error or "")
    again = deliver_pending(settings, db_path, run_id="r2", transport=smtp(plain_server))
    assert again.sent == [] and len(mailbox.messages) == 1


def test_server_down_loses_nothing_and_the_next_run_sends_once(
    settings: Settings, db_path: Path, mailbox: Mailbox
) -> None:
    port = free_port()
    keys = queue(db_path, "a@example.org", "b@example.org")
    down = deliver_pending(settings, db_path, run_id="r1", transport=smtp(port))
    assert down.sent == [] and sorted(down.pending) == sorted(keys)
    assert "cannot connect" in str(down.problem)
    controller = server(mailbox, port, auth_require_tls=False)
    controller.start()
    try:
        up = deliver_pending(settings, db_path, run_id="r2", transport=smtp(port))
        again = deliver_pending(settings, db_path, run_id="r3", transport=smtp(port))
    finally:
        controller.stop()
    assert sorted(up.sent) == sorted(keys) and again.sent == []
    assert sorted(rcpt[0] for _, rcpt, _ in mailbox.messages) == ["a@example.org", "b@example.org"]


def test_timeout_before_data_keeps_the_message_for_a_retry_without_duplicate(
    settings: Settings, db_path: Path, plain_server: int, mailbox: Mailbox
) -> None:
    [key] = queue(db_path, "desk@example.org")
    mailbox.stall_rcpt_seconds = 3.0
    slow = deliver_pending(
        settings, db_path, run_id="r1", transport=smtp(plain_server, timeout=0.5)
    )
    assert slow.pending == [key] and "timed out" in str(slow.problem)
    mailbox.stall_rcpt_seconds = 0.0
    retry = deliver_pending(settings, db_path, run_id="r2", transport=smtp(plain_server))
    assert retry.sent == [key] and len(mailbox.messages) == 1
    assert statuses(db_path)[key][:2] == ("sent", 2)


def test_timeout_after_data_is_an_unknown_outcome_and_never_resent(
    settings: Settings, db_path: Path, plain_server: int, mailbox: Mailbox
) -> None:
    """Once the message data is out, a lost reply may hide a delivery: not sent again."""
    [key] = queue(db_path, "desk@example.org")
    mailbox.stall_seconds = 3.0
    slow = deliver_pending(
        settings, db_path, run_id="r1", transport=smtp(plain_server, timeout=0.5)
    )
    assert slow.unknown == [key] and slow.pending == [] and "may have accepted" in str(slow.problem)
    mailbox.stall_seconds = 0.0
    again = deliver_pending(settings, db_path, run_id="r2", transport=smtp(plain_server))
    assert again.sent == [] and mailbox.messages == []
    status, attempts, error = statuses(db_path)[key]
    assert (status, attempts) == ("unknown", 1) and "connection lost after DATA" in (error or "")


def test_a_server_answering_data_with_try_later_keeps_the_message_pending(
    settings: Settings, db_path: Path, tmp_path: Path
) -> None:
    """A 4xx reply to the message is an answer, not an unknown: the next run sends it."""
    [key] = queue(db_path, "desk@example.org")
    mailbox = Mailbox(stall_seconds=0.1)  # answers 451 after a short pause
    port = free_port()
    controller = server(mailbox, port, auth_require_tls=False)
    controller.start()
    try:
        refused = deliver_pending(settings, db_path, run_id="r1", transport=smtp(port))
        mailbox.stall_seconds = 0.0
        retry = deliver_pending(settings, db_path, run_id="r2", transport=smtp(port))
    finally:
        controller.stop()
    assert refused.pending == [key] and "451" in str(refused.problem)
    assert retry.sent == [key] and len(mailbox.messages) == 1


def test_a_message_claimed_by_a_live_run_is_left_to_it(
    settings: Settings, db_path: Path, plain_server: int, mailbox: Mailbox
) -> None:
    queue(db_path, "desk@example.org")
    conn = duckdb.connect(str(db_path))
    try:
        taken = ledger.claim_pending(conn, run_id="other", now=datetime.now(UTC))
    finally:
        conn.close()
    assert len(taken) == 1
    report = deliver_pending(settings, db_path, run_id="r1", transport=smtp(plain_server))
    assert report.sent == [] and mailbox.messages == []
