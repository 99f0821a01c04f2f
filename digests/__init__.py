"""Digests and alerts by email: select (queries over the warehouse views), render (jinja2,
HTML with inlined CSS and plain text), deliver (SMTP or an outbox of .eml files), and the
sent-ledger that makes each message go out once."""

from __future__ import annotations

from digests.deliver import OutboxTransport, SmtpConfig, SmtpTransport, Transport
from digests.exceptions import (
    DeliveryError,
    DigestError,
    MessageRefused,
    RecipientError,
    TransportMisconfigured,
    TransportUnavailable,
)
from digests.recipients import Recipient, parse_recipients
from digests.service import DeliveryReport, DigestOptions, Planned

__all__ = [
    "DeliveryError",
    "DeliveryReport",
    "DigestError",
    "DigestOptions",
    "MessageRefused",
    "OutboxTransport",
    "Planned",
    "Recipient",
    "RecipientError",
    "SmtpConfig",
    "SmtpTransport",
    "Transport",
    "TransportMisconfigured",
    "TransportUnavailable",
    "parse_recipients",
]
