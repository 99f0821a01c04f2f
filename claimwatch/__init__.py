"""claimwatch: Iran–Russia energy-deal claims and the Kremlin's answers, tracked."""

from __future__ import annotations

from claimwatch.errors import ClaimwatchError, Permanent, Transient

__all__ = ["ClaimwatchError", "Permanent", "Transient", "__version__"]

__version__ = "0.1.0"
