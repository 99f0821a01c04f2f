"""The root of claimwatch's exceptions.

Every error the project raises derives from ``ClaimwatchError`` and is also marked with one
of two mixins, so that callers (and Prefect retries) can tell whether trying again may help::

    ClaimwatchError
     ├── sources.exceptions.SourceError ...
     ├── extractors.exceptions.ExtractionError ...
     ├── warehouse.exceptions.WarehouseError ...
     └── flows.exceptions.ConfigError ...

    Transient  - a later attempt may succeed (timeouts, 5xx, 429, a locked database)
    Permanent  - the input itself is wrong (404, not HTML, malformed feed)
"""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Root of every error claimwatch raises on purpose."""


class Transient:
    """Mixin: the same operation may succeed later; retry it."""


class Permanent:
    """Mixin: retrying will not help; fix the input or the configuration."""


def is_transient(exc: BaseException) -> bool:
    """True when ``exc`` is marked as worth retrying."""
    return isinstance(exc, Transient)
