"""py3langid's identifier, kept ready on disk between processes.

py3langid ships its model as an xz archive: unpacking it costs ~0.45 s of CPU in every process
that classifies a text (the extraction workers' fork server at the start of each run, each
``claimwatch extract``), where reading the identifier back from a pickle costs ~0.07 s. The
pickle lives in the user's cache directory (``CLAIMWATCH_CACHE_DIR``, else
``$XDG_CACHE_HOME/claimwatch``, else ``~/.cache/claimwatch``), under a name that changes with
the model file's content and the versions of py3langid, numpy and Python, and is written
atomically. A cache that cannot be read or written costs only the time it would have saved.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from py3langid.langid import LanguageIdentifier

logger = logging.getLogger(__name__)

CACHE_ENV = "CLAIMWATCH_CACHE_DIR"
PREFIX = "py3langid-"


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimwatch"


def cache_path(model_file: Path, variant: str) -> Path:
    """Where the identifier built from ``model_file`` (with options ``variant``) is kept.

    Keyed by the model's content (~10 ms to hash), not its path: every virtualenv with the
    same py3langid shares one cache instead of each evicting the others'."""
    with model_file.open("rb") as file:
        model = hashlib.file_digest(file, "sha256").hexdigest()
    key = "|".join((model, version("py3langid"), version("numpy"), sys.version, variant))
    return cache_dir() / f"{PREFIX}{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def _read(path: Path) -> LanguageIdentifier | None:
    try:
        with path.open("rb") as file:
            identifier = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a torn or foreign file: rebuild it
        logger.debug("language model cache %s unreadable (%s); rebuilding it", path, exc)
        return None
    return identifier if isinstance(identifier, LanguageIdentifier) else None


def _write(identifier: LanguageIdentifier, path: Path) -> None:
    """Replace ``path`` atomically, and drop the caches of other model versions."""
    written: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as file:
            written = Path(file.name)
            pickle.dump(identifier, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written, path)
        for stale in path.parent.glob(f"{PREFIX}*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        if written is not None:
            written.unlink(missing_ok=True)
        logger.debug("language model cache %s not written (%s)", path, exc)


def cached_identifier(
    model_file: Path, variant: str, build: Callable[[], LanguageIdentifier]
) -> LanguageIdentifier:
    """The identifier from the cache, else ``build()``'s, stored for the next process."""
    try:
        path = cache_path(model_file, variant)
    except (OSError, RuntimeError, PackageNotFoundError) as exc:  # no home, no metadata
        logger.debug("language model cache unavailable (%s)", exc)
        return build()
    identifier = _read(path)
    if identifier is None:
        identifier = build()
        _write(identifier, path)
    return identifier
