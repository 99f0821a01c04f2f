"""Helpers for the digest tests: a real aiosmtpd server on loopback (which can also stall,
or SIGKILL its client at a chosen step), and a self-signed certificate made on the spot."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import os
import signal
import socket
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import duckdb
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from digests import ledger
from digests.message import compose
from digests.render import Rendered

USER, PASSWORD = "claimwatch", "s3cret-Pa55word"
SENDER = "claimwatch <claimwatch@example.org>"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@dataclass
class Mailbox:
    """The handler: keeps what it accepts; can refuse an address, stall in RCPT or DATA, or
    kill the client process ``kill_pid`` at one step of its ``kill_at``-th message:
    ``rcpt`` (before answering RCPT), ``data`` (message kept, before answering DATA) or
    ``after_250`` (message kept and 250 written, then the kill)."""

    refuse: set[str] = field(default_factory=set)
    stall_seconds: float = 0.0
    stall_rcpt_seconds: float = 0.0
    user: str = USER
    password: str = PASSWORD
    kill_pid: int | None = None
    kill_on: str | None = None
    kill_at: int = 1
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    _rcpts: int = 0

    def _kill(self, step: str, number: int) -> None:
        if self.kill_on == step and number == self.kill_at and self.kill_pid:
            os.kill(self.kill_pid, signal.SIGKILL)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        self._rcpts += 1
        self._kill("rcpt", self._rcpts)
        if self.stall_rcpt_seconds:
            await asyncio.sleep(self.stall_rcpt_seconds)
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.stall_seconds:
            await asyncio.sleep(self.stall_seconds)
            return "451 4.3.0 took too long"
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        number = len(self.messages)
        self._kill("data", number)
        if self.kill_on == "after_250" and number == self.kill_at:
            await server.push("250 OK queued")
            self._kill("after_250", number)
        return "250 OK queued"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        ok = login == self.user and password == self.password
        if ok:
            self.logins.append((login, password))
        return AuthResult(success=ok, handled=False)

    def message_ids(self) -> list[str]:
        return [_message_id(content) for _, _, content in self.messages]


def _message_id(content: bytes) -> str:
    return str(message_from_bytes(content, policy=policy.default)["Message-ID"])


def server(mailbox: Mailbox, port: int, **kwargs: Any) -> Controller:
    return Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=mailbox.authenticate,
        **kwargs,
    )


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def queue(db_path: Path, *recipients: str) -> list[str]:
    """Record one pending alert per recipient, as prepare_alerts would."""
    keys = []
    now = datetime.now(UTC)
    conn = duckdb.connect(str(db_path))
    try:
        for number, to in enumerate(recipients):
            key = f"alert/{to}/statement-{number}/events"
            rendered = Rendered(subject=f"Kremlin denies claim {number}", text="t", html="<p>h</p>")
            message = compose(rendered, sender=SENDER, to=to, key=key, date=now)
            ledger.record_pending(
                conn,
                key=key,
                kind="alert",
                recipient=to,
                subject=rendered.subject,
                message_id=message["Message-ID"],
                message=message.as_bytes(),
                items=1,
                now=now,
                run_id="test",
                event_ids=[f"event-{number}"],
            )
            keys.append(key)
    finally:
        conn.close()
    return keys


def statuses(db_path: Path) -> dict[str, tuple[str, int, str | None]]:
    conn = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = conn.execute(
            "SELECT message_key, status, attempts, last_error FROM digest_sends_v"
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}
