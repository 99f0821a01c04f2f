"""A rendered digest as an RFC 5322 message: multipart/alternative with Date and Message-ID."""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr

from digests.exceptions import RecipientError
from digests.render import Rendered, one_line

# Subjects are at most 150 characters: unfolded, they stay one line (the limit is 998);
# folding at 78 makes the email package break right after "Subject:".
POLICY = SMTP.clone(max_line_length=998)


def sender_domain(sender: str) -> str:
    address = parseaddr(sender)[1]
    return address.rpartition("@")[2] or "claimwatch.invalid"


def message_id_for(key: str, sender: str) -> str:
    """Derived from the idempotency key: a resent message keeps its Message-ID, so mail
    clients that see the same message twice show it once."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"<{digest}.claimwatch@{sender_domain(sender)}>"


def compose(
    rendered: Rendered,
    *,
    sender: str,
    to: str,
    to_name: str = "",
    key: str,
    date: datetime,
) -> EmailMessage:
    """The message to send. Header values are one line by construction (``one_line``), and
    the email package refuses any header that would still contain a line break."""
    name, address = parseaddr(sender)
    if not address or "@" not in address:
        raise RecipientError(f"sender {sender!r} is not an address like claimwatch@example.org")
    message = EmailMessage(policy=POLICY)
    message["From"] = Address(display_name=one_line(name), addr_spec=address)
    message["To"] = Address(display_name=one_line(to_name), addr_spec=to)
    message["Subject"] = one_line(rendered.subject)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id_for(key, sender)
    message["Auto-Submitted"] = "auto-generated"
    message["X-Claimwatch-Key"] = one_line(key)
    message.set_content(rendered.text, cte="quoted-printable")
    message.add_alternative(rendered.html, subtype="html", cte="quoted-printable")
    return message
