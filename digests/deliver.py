"""Delivery: SMTP (implicit TLS, STARTTLS or plain, with login) or ``.eml`` files in an outbox.

smtplib's errors are translated in one place (``_smtp_errors``) into the delivery errors:
refused for good, try later, fix the settings, and (after the DATA command) outcome unknown.
The password is held in a ``SmtpConfig`` whose repr hides it and is never logged.

SMTP is sent step by step (MAIL, RCPT, then DATA) so that the caller's ``before_data`` can
record the message as in flight at the last moment before the server could accept it; see
``digests.ledger`` for what a later run does with a message left in flight.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import smtplib
import ssl
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from digests.exceptions import (
    DeliveryError,
    MessageRefused,
    OutcomeUnknown,
    TransportMisconfigured,
    TransportUnavailable,
)

logger = logging.getLogger(__name__)

SECURITY = ("implicit_tls", "starttls", "plain")
DEFAULT_PORTS = {"implicit_tls": 465, "starttls": 587, "plain": 25}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._@+-]+")


def _nothing() -> None:
    return None


class Transport(Protocol):
    name: str

    def send(
        self,
        message: bytes,
        *,
        sender: str,
        recipient: str,
        key: str,
        before_data: Callable[[], None] = _nothing,
    ) -> None:
        """Deliver one message or raise a DeliveryError. A transport that can deliver twice
        (SMTP) calls ``before_data`` just before the step after which it cannot tell."""

    def close(self) -> None:
        """Let go of any connection."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SmtpConfig:
    host: str
    port: int | None = None
    security: str = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    ca_file: Path | None = None
    """A CA bundle to trust instead of the system's (a private relay's own certificate)."""

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]


def _server_says(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
    return f"{exc.smtp_code} {' '.join(text.split())}".strip()


@contextlib.contextmanager
def _smtp_errors(config: SmtpConfig) -> Iterator[None]:
    """Translate smtplib, socket and ssl errors; the message never includes the password."""
    where = f"{config.host}:{config.effective_port}"
    try:
        yield
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        detail = "; ".join(
            f"{addr}: {code} {msg.decode('utf-8', 'replace')}"
            for addr, (code, msg) in exc.recipients.items()
        )
        if all(400 <= c < 500 for c in codes):
            raise TransportUnavailable(f"{where} deferred the recipient ({detail})") from exc
        raise MessageRefused(f"{where} refused the recipient ({detail})") from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise TransportMisconfigured(
            f"{where} refused the login of {config.username!r} ({_server_says(exc)}); "
            "check smtp username and CLAIMWATCH_SMTP_PASSWORD or the Secret block"
        ) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise TransportMisconfigured(
            f"{where} does not support what smtp security={config.security!r} needs ({exc}); "
            "try another security mode or port"
        ) from exc
    except ssl.SSLError as exc:
        raise TransportMisconfigured(
            f"{where}: TLS failed ({exc.reason or exc}); check smtp security, port and ca_file"
        ) from exc
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        if 400 <= exc.smtp_code < 500:
            raise TransportUnavailable(f"{where} said try later ({_server_says(exc)})") from exc
        raise MessageRefused(f"{where} refused the message ({_server_says(exc)})") from exc
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            raise TransportUnavailable(f"{where} said try later ({_server_says(exc)})") from exc
        raise TransportMisconfigured(f"{where} answered {_server_says(exc)}") from exc
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError) as exc:
        raise TransportUnavailable(f"{where}: connection lost ({exc})") from exc
    except TimeoutError as exc:
        raise TransportUnavailable(f"{where}: timed out after {config.timeout:g}s") from exc
    except OSError as exc:
        raise TransportUnavailable(f"{where}: cannot connect ({exc.strerror or exc})") from exc


@contextlib.contextmanager
def _outcome_unknown(config: SmtpConfig) -> Iterator[None]:
    """Inside ``_smtp_errors``: once DATA is sent, losing the connection is not 'try later'
    but 'the server may have it' (a refusal it answered with stays what it is)."""
    try:
        yield
    except smtplib.SMTPResponseException:
        raise  # the server answered: it did not take the message
    except OSError as exc:  # smtplib's disconnects, timeouts, resets
        raise OutcomeUnknown(
            f"{config.host}:{config.effective_port}: connection lost after DATA, before the "
            f"server's reply ({exc}); it may have accepted the message"
        ) from exc


class SmtpTransport:
    """One connection, opened on the first message and reused; close() ends it."""

    name = "smtp"

    def __init__(self, config: SmtpConfig) -> None:
        if config.security not in SECURITY:
            raise TransportMisconfigured(
                f"smtp security must be one of {', '.join(SECURITY)}, not {config.security!r}"
            )
        self.config = config
        self._client: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        cafile = str(self.config.ca_file) if self.config.ca_file else None
        return ssl.create_default_context(cafile=cafile)

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        client: smtplib.SMTP
        if c.security == "implicit_tls":
            client = smtplib.SMTP_SSL(
                c.host, c.effective_port, timeout=c.timeout, context=self._context()
            )
        else:
            client = smtplib.SMTP(c.host, c.effective_port, timeout=c.timeout)
        try:
            client.ehlo()
            if c.security == "starttls":
                client.starttls(context=self._context())
                client.ehlo()
            if c.username:
                client.login(c.username, c.password or "")
        except BaseException:
            with contextlib.suppress(Exception):
                client.close()
            raise
        logger.info("connected to %s:%s (%s)", c.host, c.effective_port, c.security)
        return client

    def send(
        self,
        message: bytes,
        *,
        sender: str,
        recipient: str,
        key: str,
        before_data: Callable[[], None] = _nothing,
    ) -> None:
        """MAIL and RCPT (any failure: not delivered), ``before_data()``, then DATA. A lost
        connection or a timeout once DATA is sent raises OutcomeUnknown."""
        try:
            with _smtp_errors(self.config):
                if self._client is None:
                    self._client = self._connect()
                client = self._client
                options = [f"SIZE={len(message)}"] if client.has_extn("size") else []
                code, reply = client.mail(sender, options)
                if code != 250:
                    raise smtplib.SMTPSenderRefused(code, reply, sender)
                code, reply = client.rcpt(recipient)
                if code not in (250, 251):
                    raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
            before_data()
            with _smtp_errors(self.config), _outcome_unknown(self.config):
                code, reply = client.data(message)
                if code != 250:
                    raise smtplib.SMTPDataError(code, reply)
        except DeliveryError as exc:
            if not isinstance(exc, MessageRefused):
                self.close()  # the connection is in an unknown state: start afresh next time
            elif self._client is not None:
                with contextlib.suppress(smtplib.SMTPException, OSError):
                    self._client.rset()  # ready for the next message on this connection
            raise
        except BaseException:
            self.close()  # before_data failed: no DATA was sent on this connection
            raise

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()


class OutboxTransport:
    """``.eml`` files, one per message, named by the idempotency key. A file appears whole
    (written aside, then renamed) and an existing one is never written again."""

    name = "outbox"

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_for(self, key: str) -> Path:
        return self.folder / (_UNSAFE_NAME.sub("_", key).strip("._")[:180] + ".eml")

    def send(
        self,
        message: bytes,
        *,
        sender: str,
        recipient: str,
        key: str,
        before_data: Callable[[], None] = _nothing,
    ) -> None:
        """Idempotent by itself (the file name is the key), so ``before_data`` is not needed."""
        target = self.path_for(key)
        if target.exists():
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".eml.tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(message)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except OSError as exc:
            raise TransportUnavailable(f"{target}: cannot write ({exc.strerror or exc})") from exc

    def close(self) -> None:
        return None
