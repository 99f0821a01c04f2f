"""Recipients and what they subscribe to, from the ``[[recipients]]`` of claimwatch.toml."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from digests.exceptions import RecipientError

WANTS = ("digest", "alerts", "both")
ALERT_STATUSES = ("not_confirmed", "confirmed", "denied")
# One address, no display name, nothing a header could be split on.
_ADDRESS = re.compile(r"^[^@\s<>,;\"']+@[^@\s<>,;\"']+\.[^@\s<>,;\"']+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Recipient:
    """One reader: the topics they follow (empty: all) and what they want sent."""

    email: str
    name: str = ""
    topics: tuple[str, ...] = ()
    wants: str = "both"
    alert_on: tuple[str, ...] = ALERT_STATUSES

    @property
    def wants_digest(self) -> bool:
        return self.wants in ("digest", "both")

    @property
    def wants_alerts(self) -> bool:
        return self.wants in ("alerts", "both")

    def follows(self, topic: str) -> bool:
        return not self.topics or topic in self.topics


def _strings(
    entry: Mapping[str, Any], key: str, default: Sequence[str], where: str
) -> tuple[str, ...]:
    value = entry.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecipientError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def parse_recipient(entry: Mapping[str, Any], where: str) -> Recipient:
    email = entry.get("email")
    if not isinstance(email, str) or not _ADDRESS.match(email.strip()):
        raise RecipientError(f"{where}: email must be one plain address like desk@example.org")
    name = entry.get("name", "")
    if not isinstance(name, str) or any(c in name for c in "\r\n"):
        raise RecipientError(f"{where}: name must be a one-line string")
    wants = entry.get("wants", "both")
    if wants not in WANTS:
        raise RecipientError(f"{where}: wants must be one of {', '.join(WANTS)}, not {wants!r}")
    alert_on = _strings(entry, "alert_on", ALERT_STATUSES, where)
    unknown = sorted(set(alert_on) - set(ALERT_STATUSES))
    if unknown:
        raise RecipientError(
            f"{where}: alert_on accepts {', '.join(ALERT_STATUSES)}; not {', '.join(unknown)}"
        )
    extra = sorted(set(entry) - {"email", "name", "topics", "wants", "alert_on"})
    if extra:
        raise RecipientError(f"{where}: unknown keys {', '.join(extra)}")
    return Recipient(
        email=email.strip(),
        name=name.strip(),
        topics=_strings(entry, "topics", (), where),
        wants=wants,
        alert_on=alert_on,
    )


def parse_recipients(data: Mapping[str, Any]) -> list[Recipient]:
    """Every ``[[recipients]]`` entry of a parsed TOML document; addresses must be unique."""
    entries = data.get("recipients", [])
    if not isinstance(entries, list):
        raise RecipientError("recipients must be an array of tables: [[recipients]]")
    recipients = [parse_recipient(e, f"recipients[{i}]") for i, e in enumerate(entries)]
    seen: set[str] = set()
    for r in recipients:
        if r.email.lower() in seen:
            raise RecipientError(f"recipient {r.email} is listed twice")
        seen.add(r.email.lower())
    return recipients
