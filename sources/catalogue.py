"""The source catalogue: ``[[sources]]`` of claimwatch.toml -> validated Sources, and polling.

A failing source is backed off exponentially (its interval doubles with every consecutive
failure, up to 64 times and at most a day), so a dead feed is asked about rarely, not
hammered, and a recovered one returns to its interval after the next success.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, get_args
from urllib.parse import urlsplit

from sources.exceptions import CatalogueError
from sources.gdelt import GDELT_DOC_API
from sources.models import Leaning, Source, SourceKind

KINDS = frozenset(get_args(SourceKind))
LEANINGS = frozenset(get_args(Leaning))
MAX_BACKOFF_DOUBLINGS = 6
MAX_POLL_INTERVAL = timedelta(hours=24)
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
_KEYS = frozenset(
    {"id", "name", "kind", "url", "query", "language", "leaning", "poll_minutes", "local", "topics"}
)


def _fail(entry: str, field: str, problem: str, fix: str) -> CatalogueError:
    return CatalogueError(
        f"claimwatch.toml [[sources]] {entry}: {field} {problem}; {fix}", entry=entry, field=field
    )


def _text(raw: Mapping[str, Any], key: str, entry: str, fix: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(entry, key, f"is {value!r}", fix)
    return value.strip()


def _http_url(value: str, entry: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _fail(entry, "url", f"is {value!r}", "give an absolute http:// or https:// URL")
    return value


def _source(raw: Mapping[str, Any], entry: str, topic_ids: frozenset[str] | None) -> Source:
    if unknown := sorted(set(raw) - _KEYS):
        raise _fail(entry, str(unknown[0]), "is not a known key", f"use only {sorted(_KEYS)}")
    kind = _text(raw, "kind", entry, f"use one of {sorted(KINDS)}")
    if kind not in KINDS:
        raise _fail(entry, "kind", f"is {kind!r}", f"use one of {sorted(KINDS)}")
    leaning = _text(raw, "leaning", entry, f"use one of {sorted(LEANINGS)}")
    if leaning not in LEANINGS:
        raise _fail(entry, "leaning", f"is {leaning!r}", f"use one of {sorted(LEANINGS)}")
    language = _text(raw, "language", entry, 'give an ISO 639-1 code such as "en"')
    if not _LANGUAGE_RE.match(language):
        raise _fail(entry, "language", f"is {language!r}", 'give an ISO 639-1 code such as "en"')
    query = ""
    if kind == "gdelt":
        query = _text(raw, "query", entry, "give the GDELT DOC 2.0 search, e.g. query = ...")
        url = _http_url(str(raw.get("url") or GDELT_DOC_API), entry)
    else:
        if "query" in raw:
            raise _fail(entry, "query", "is only for kind = gdelt", "put the search in the url")
        url = _http_url(_text(raw, "url", entry, "give the feed or sitemap URL"), entry)
    poll = raw.get("poll_minutes", 30)
    if not isinstance(poll, int) or isinstance(poll, bool) or poll < 1:
        raise _fail(entry, "poll_minutes", f"is {poll!r}", "give a whole number of minutes >= 1")
    local = raw.get("local", False)
    if not isinstance(local, bool):
        raise _fail(entry, "local", f"is {local!r}", "write local = true or leave it out")
    topics = raw.get("topics", [])
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise _fail(entry, "topics", f"is {topics!r}", 'write topics = ["topic-id", ...]')
    if topic_ids is not None and (missing := sorted(set(topics) - topic_ids)):
        raise _fail(
            entry, "topics", f"names unknown topics {missing}", f"use one of {sorted(topic_ids)}"
        )
    return Source(
        id=str(raw["id"]),
        name=_text(raw, "name", entry, "give the outlet's name"),
        kind=kind,  # type: ignore[arg-type]  # checked against KINDS above
        url=url,
        query=query,
        language=language,
        leaning=leaning,
        poll_minutes=poll,
        local=local,
        topics=tuple(topics),
    )


def parse_sources(data: Mapping[str, Any]) -> list[Source]:
    """The validated sources of a parsed claimwatch.toml, in file order.

    Args:
        data: the whole parsed file (``tomllib.load``); ``[[topics]]``, when present, is
            used to check each source's ``topics``.

    Raises:
        CatalogueError: naming the entry and the field, and saying how to fix it.
    """
    entries = data.get("sources", [])
    if not isinstance(entries, list):
        raise _fail("(all)", "sources", "is not an array of tables", "write [[sources]] entries")
    topic_ids = None
    if isinstance(data.get("topics"), list):
        topic_ids = frozenset(str(t.get("id")) for t in data["topics"] if isinstance(t, Mapping))
    sources: list[Source] = []
    seen: set[str] = set()
    for index, raw in enumerate(entries, start=1):
        entry = f"#{index}"
        if not isinstance(raw, Mapping):
            raise _fail(entry, "(entry)", "is not a table", "write [[sources]] then key = value")
        source_id = raw.get("id")
        if not isinstance(source_id, str) or not _ID_RE.match(source_id):
            raise _fail(
                entry, "id", f"is {source_id!r}", "use lowercase letters, digits, '.', '_', '-'"
            )
        entry = f"#{index} ({source_id})"
        if source_id in seen:
            raise _fail(entry, "id", "is used twice", "give every source its own id")
        seen.add(source_id)
        sources.append(_source(raw, entry, topic_ids))
    return sources


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def poll_interval(source: Source, consecutive_failures: int) -> timedelta:
    """The wait before the next poll: doubled per consecutive failure, at most a day."""
    doublings = min(max(consecutive_failures, 0), MAX_BACKOFF_DOUBLINGS)
    backed_off = timedelta(minutes=source.poll_minutes * (1 << doublings))
    return min(backed_off, MAX_POLL_INTERVAL)


def is_due(
    source: Source, *, last_polled: datetime | None, consecutive_failures: int, now: datetime
) -> bool:
    """Whether ``source`` should be polled at ``now`` (naive datetimes are taken as UTC)."""
    if last_polled is None:
        return True
    return _aware(now) - _aware(last_polled) >= poll_interval(source, consecutive_failures)
