"""GDELT DOC 2.0 article lists (``mode=ArtList&format=json``) -> Candidates.

GDELT answers a good query with ``{"articles": [...]}``, a query with no match with ``{}``,
and a bad or too frequent query with a plain-text message and status 200, so the body has
to be looked at before it is trusted. It asks for at most one request every 5 seconds
(:data:`GDELT_MIN_INTERVAL_SECONDS`, for the fetcher's per-host delay) and searches only a
rolling window of about three months: it finds new coverage, not the 2018 archive.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from sources.exceptions import FeedParseError
from sources.models import Candidate, Source
from sources.urls import canonical_url

log = logging.getLogger(__name__)

GDELT_DOC_API = "https://api.gdeltproject.org/api/v2/doc/doc"
GDELT_MIN_INTERVAL_SECONDS = 5.0
MAX_RECORDS_LIMIT = 250
_SEENDATE_FORMAT = "%Y%m%dT%H%M%SZ"
# GDELT names languages in English; these are the ones our sources and topics care about
# plus the largest others. An unknown name is passed on lowercased rather than dropped.
_LANGUAGE_CODES = {
    "english": "en",
    "russian": "ru",
    "persian": "fa",
    "farsi": "fa",
    "arabic": "ar",
    "chinese": "zh",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "turkish": "tr",
    "azerbaijani": "az",
    "ukrainian": "uk",
    "armenian": "hy",
    "kazakh": "kk",
    "hindi": "hi",
    "urdu": "ur",
    "italian": "it",
    "portuguese": "pt",
    "japanese": "ja",
    "korean": "ko",
    "hebrew": "he",
    "dutch": "nl",
    "polish": "pl",
}
# ISO code -> the name ``sourcelang:`` expects, for the languages a catalogue entry may use.
GDELT_LANGUAGE_NAMES = {"en": "english", "ru": "russian", "fa": "persian", "ar": "arabic"}
_ERROR_EXCERPT = 200


def gdelt_query_url(
    query: str,
    *,
    timespan: str = "1d",
    max_records: int = MAX_RECORDS_LIMIT,
    source_lang: str | None = None,
    endpoint: str = GDELT_DOC_API,
) -> str:
    """The DOC 2.0 API URL listing articles that match ``query``, newest first.

    Args:
        query: GDELT query syntax; OR'd terms must be in parentheses, e.g.
            ``(Gazprom OR NIOC) Iran Russia``.
        timespan: how far back to search, e.g. ``"90min"``, ``"6h"``, ``"1d"``, ``"1w"``.
        max_records: 1..250 (GDELT's ceiling).
        source_lang: restrict to articles in this language (an English name such as
            ``"russian"`` or an ISO code such as ``"ru"``), added as ``sourcelang:``.
        endpoint: the API base URL; a test or mirror may replace it.
    """
    if not 1 <= max_records <= MAX_RECORDS_LIMIT:
        raise ValueError(f"max_records must be within 1..{MAX_RECORDS_LIMIT}, not {max_records}")
    if source_lang:
        query = f"{query} sourcelang:{source_lang}"
    params = {
        "query": query,
        "mode": "ArtList",
        "format": "json",
        "maxrecords": str(max_records),
        "timespan": timespan,
        "sort": "DateDesc",
    }
    return f"{endpoint}?{urlencode(params)}"


def _seen(value: Any) -> datetime | None:
    try:
        return datetime.strptime(str(value), _SEENDATE_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def _language(name: Any) -> str | None:
    if not name:
        return None
    return _LANGUAGE_CODES.get(str(name).strip().lower(), str(name).strip().lower())


def _error(source: Source, message: str) -> FeedParseError:
    return FeedParseError(
        f"source {source.id!r}: GDELT did not return an article list: {message!r}; "
        "fix the query in claimwatch.toml (OR'd terms in parentheses, no very short or "
        "common words) or poll less often (one request per 5 s at most)",
        source_id=source.id,
        url=source.url,
    )


def parse_gdelt(
    content: bytes, *, source: Source, aliases: Mapping[str, str] | None = None
) -> list[Candidate]:
    """Parse a DOC 2.0 ArtList JSON answer into candidates.

    Returns:
        One candidate per article with an http(s) URL; ``{}`` (no match) gives ``[]``.

    Raises:
        FeedParseError: GDELT answered with its plain-text error (query too short, rate
            limit, ...) or with something that is not the expected JSON.
    """
    text = content.decode("utf-8-sig", errors="replace").strip()
    try:
        # strict=False: GDELT titles sometimes carry raw control characters.
        data = json.loads(text, strict=False) if text else {}
    except json.JSONDecodeError:
        raise _error(source, text[:_ERROR_EXCERPT]) from None
    if not isinstance(data, dict) or not isinstance(data.get("articles", []), list):
        raise _error(source, text[:_ERROR_EXCERPT])
    candidates: list[Candidate] = []
    for article in data.get("articles", []):
        url = str(article.get("url") or "").strip() if isinstance(article, dict) else ""
        try:
            canonical = canonical_url(url, aliases=aliases)
        except ValueError:
            log.info("source %s: GDELT article without a usable URL skipped: %r", source.id, url)
            continue
        extra = {
            key: str(article[field])
            for key, field in (
                ("domain", "domain"),
                ("source_country", "sourcecountry"),
                ("image", "socialimage"),
            )
            if article.get(field)
        }
        candidates.append(
            Candidate(
                url=canonical,
                fetch_url=url,
                source_id=source.id,
                title=" ".join(str(article.get("title") or "").split()),
                # When GDELT first saw the article: usually minutes after publication.
                published=_seen(article.get("seendate")),
                language=_language(article.get("language")) or source.language,
                extra=extra,
            )
        )
    return candidates
