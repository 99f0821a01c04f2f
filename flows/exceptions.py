"""Errors of the wiring layer (configuration)."""

from __future__ import annotations

from claimwatch.errors import ClaimwatchError, Permanent


class ConfigError(ClaimwatchError, Permanent):
    """The configuration file or an environment variable is wrong."""
