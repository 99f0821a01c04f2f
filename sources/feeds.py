"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds -> Candidates, with feedparser.

Pure: the bytes come from the fetcher; nothing here touches the network or the disk
(feedparser is given a stream, never a string it could take for a URL or a file name).

Google News search feeds link every item to ``news.google.com/rss/articles/...``, a page
that redirects (through JavaScript) to the outlet. That link is kept as both identity and
fetch URL: resolving it to the outlet's own URL needs a request, which is the fetcher's job,
not a parser's. The outlet's name and home page are kept in ``extra``.
"""

from __future__ import annotations

import calendar
import io
import logging
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser

from sources.exceptions import FeedParseError
from sources.models import Candidate, Source
from sources.parsing import html_to_text, language_code
from sources.urls import canonical_url, host_of

log = logging.getLogger(__name__)

_GOOGLE_NEWS_HOSTS = frozenset({"news.google.com"})
# Google News appends " - Outlet" to every headline; the outlet is also in <source>.
_DASHES = ("-", "\u2013", "\u2014")
_OUTLET_SUFFIX_RE = re.compile(r"\s+[-\u2013\u2014]\s+(?P<outlet>[^-\u2013\u2014]+?)\s*$")
# Without a content type feedparser flags every document as bozo (NonXMLContentType);
# application/xml also tells it to trust the encoding in the XML prolog (RFC 3023).
_ASSUMED_CONTENT_TYPE = "application/xml"


def _published(entry: Mapping[str, Any]) -> datetime | None:
    """published, else updated, as an aware UTC datetime (feedparser gives UTC struct_time)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None


def _title(entry: Mapping[str, Any]) -> str:
    title = str(entry.get("title", ""))
    detail = entry.get("title_detail") or {}
    if "html" in str(detail.get("type", "")):
        return html_to_text(title)
    return " ".join(title.split())


def _outlet(
    entry: Mapping[str, Any], title: str, *, google_news: bool
) -> tuple[str, dict[str, str]]:
    """Split a "Headline - Outlet" title (Google News, RSS <source>); outlet goes to ``extra``."""
    extra: dict[str, str] = {}
    source = entry.get("source") or {}
    outlet = str(source.get("title", "")).strip()
    if source.get("href"):
        extra["outlet_url"] = str(source["href"])
    if outlet:
        # The <source> name is exact, even for outlets with a dash in their name.
        for dash in _DASHES:
            if title.endswith(f" {dash} {outlet}"):
                title = title[: -len(outlet) - 3].rstrip()
                break
    elif google_news and (match := _OUTLET_SUFFIX_RE.search(title)):
        outlet, title = match["outlet"], title[: match.start()]
    if outlet:
        extra["outlet"] = outlet
    return title, extra


def _link(entry: Mapping[str, Any], base_url: str) -> str | None:
    """The entry's absolute http(s) link without fragment, or None."""
    link = entry.get("link")
    if not link:
        # Atom entries may have only non-alternate links; RSS 1.0 may have only rdf:about.
        for candidate in entry.get("links", ()):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if not link:
        return None
    absolute = urldefrag(urljoin(base_url, str(link).strip())).url
    if urlsplit(absolute).scheme not in ("http", "https"):
        return None
    return absolute


def parse_feed(
    content: bytes,
    *,
    source: Source,
    base_url: str,
    aliases: Mapping[str, str] | None = None,
) -> list[Candidate]:
    """Parse a feed document into candidates, in document order.

    Args:
        content: the response body, undecoded (the XML prolog names its encoding).
        source: the catalogue entry the feed belongs to.
        base_url: the URL the feed was fetched from; relative links resolve against it.
        aliases: origin mapping for canonical URLs (see :func:`sources.urls.canonical_url`).

    Returns:
        One candidate per entry with an http(s) link; an empty, valid feed gives ``[]``.

    Raises:
        FeedParseError: the document is not a feed, or is malformed with no readable entry.
    """
    parsed = feedparser.parse(
        io.BytesIO(content),
        response_headers={"content-location": base_url, "content-type": _ASSUMED_CONTENT_TYPE},
    )
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        reason = parsed.get("bozo_exception") or "no RSS, RDF or Atom root element"
        raise FeedParseError(
            f"source {source.id!r}: {base_url} is not a readable feed ({reason}); "
            "check the URL in claimwatch.toml or whether the site moved its feed",
            source_id=source.id,
            url=base_url,
        )
    if parsed.get("bozo"):
        log.warning(
            "source %s: feed %s is malformed (%s); keeping %d readable entries",
            source.id,
            base_url,
            parsed.get("bozo_exception"),
            len(parsed.entries),
        )
    feed_language = language_code(parsed.feed.get("language")) or source.language
    is_google_news = host_of(base_url) in _GOOGLE_NEWS_HOSTS
    candidates: list[Candidate] = []
    for entry in parsed.entries:
        link = _link(entry, base_url)
        if link is None:
            log.info(
                "source %s: entry %r has no http(s) link, skipped",
                source.id,
                entry.get("id") or entry.get("title"),
            )
            continue
        title = _title(entry)
        extra: dict[str, str] = {}
        if is_google_news or entry.get("source"):
            title, extra = _outlet(entry, title, google_news=is_google_news)
        candidates.append(
            Candidate(
                url=canonical_url(link, aliases=aliases),
                fetch_url=link,
                source_id=source.id,
                title=title,
                summary=html_to_text(str(entry.get("summary", ""))),
                published=_published(entry),
                language=language_code(entry.get("language")) or feed_language,
                extra=extra,
            )
        )
    return candidates
