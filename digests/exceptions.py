"""Errors of the digests.

::

    ClaimwatchError
     └── DigestError
          ├── RecipientError        Permanent (a [[recipients]] entry is wrong)
          └── DeliveryError
               ├── MessageRefused         Permanent (the server refused this message for good)
               ├── TransportUnavailable   Transient (server down, timeout, 4xx: try next run)
               ├── TransportMisconfigured Permanent (login refused, TLS mismatch, no Secret block)
               └── OutcomeUnknown         Permanent (lost after DATA: the server may have it)
"""

from __future__ import annotations

from claimwatch.errors import ClaimwatchError, Permanent, Transient


class DigestError(ClaimwatchError):
    """A digest or alert could not be built or delivered."""


class RecipientError(DigestError, Permanent):
    """A recipient in claimwatch.toml is not valid."""


class DeliveryError(DigestError):
    """A message was not delivered; it stays in the ledger unless refused for good."""


class MessageRefused(DeliveryError, Permanent):
    """The server refused this message (e.g. an unknown recipient); retrying will not help."""


class TransportUnavailable(DeliveryError, Transient):
    """The server could not be reached or answered 'try later'; the next run sends it."""


class TransportMisconfigured(DeliveryError, Permanent):
    """The server refused our login or TLS settings; messages wait until they are fixed."""


class OutcomeUnknown(DeliveryError, Permanent):
    """The connection failed after the message data went out and before the server's reply:
    the server may have accepted it. Never resent automatically (see digests.ledger)."""
