"""One entry point for discovery: which URL to ask for a source, and how to read the answer."""

from __future__ import annotations

from collections.abc import Mapping

from sources.exceptions import FeedParseError
from sources.feeds import parse_feed
from sources.gdelt import GDELT_DOC_API, GDELT_LANGUAGE_NAMES, gdelt_query_url, parse_gdelt
from sources.models import Candidate, Source
from sources.sitemaps import parse_sitemap

# A GDELT poll looks back three poll intervals (at least an hour), so a missed or failed
# poll loses nothing; what was already seen is dropped later by its canonical URL.
_GDELT_LOOKBACK_INTERVALS = 3
_GDELT_MIN_LOOKBACK_MINUTES = 60


def source_request_url(source: Source) -> str:
    """The URL to GET for ``source``: its feed or sitemap URL, or a GDELT API query."""
    if source.kind != "gdelt" or not source.query:
        return source.url
    minutes = max(_GDELT_MIN_LOOKBACK_MINUTES, _GDELT_LOOKBACK_INTERVALS * source.poll_minutes)
    return gdelt_query_url(
        source.query,
        timespan=f"{minutes}min",
        source_lang=GDELT_LANGUAGE_NAMES.get(source.language),
        endpoint=source.url or GDELT_DOC_API,
    )


def parse_source_document(
    source: Source,
    content: bytes,
    *,
    base_url: str,
    aliases: Mapping[str, str] | None = None,
) -> list[Candidate]:
    """Read what ``source_request_url(source)`` answered, according to ``source.kind``.

    Raises:
        FeedParseError: the document cannot be read, or a sitemap source points at a sitemap
            index (the catalogue should name the news sitemap itself).
    """
    if source.kind == "feed":
        return parse_feed(content, source=source, base_url=base_url, aliases=aliases)
    if source.kind == "gdelt":
        return parse_gdelt(content, source=source, aliases=aliases)
    page = parse_sitemap(content, source=source, aliases=aliases)
    if page.child_sitemaps:
        raise FeedParseError(
            f"source {source.id!r}: {base_url} is a sitemap index listing "
            f"{len(page.child_sitemaps)} sitemaps (first: {page.child_sitemaps[0]}); "
            "set the source's url in claimwatch.toml to the news sitemap itself",
            source_id=source.id,
            url=base_url,
        )
    return page.candidates
