"""News sitemaps (and sitemap indexes) -> Candidates.

A news sitemap is a ``urlset`` whose ``url`` elements carry a ``news:news`` block
(publication name and language, publication date, title). A ``sitemapindex`` lists child
sitemaps instead; they are returned for the caller to fetch. The XML parser neither
resolves entities nor reaches the network, and a gzipped body is inflated with a cap, so a
hostile sitemap cannot make us read files, call out, or inflate a bomb.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from sources.exceptions import FeedParseError
from sources.models import Candidate, Source
from sources.parsing import as_utc, language_code
from sources.urls import canonical_url

log = logging.getLogger(__name__)

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# Sitemap elements are looked up in any namespace ("{*}"): some sites omit or misspell the
# sitemaps.org namespace, and the element names alone are unambiguous.
_NS = {"news": NEWS_NS}
_GZIP_MAGIC = b"\x1f\x8b"
# The sitemap protocol caps an uncompressed sitemap at 50 MB.
MAX_INFLATED_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SitemapPage:
    """What one sitemap document gives: articles, or (for an index) more sitemaps."""

    candidates: list[Candidate]
    child_sitemaps: list[str]


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _inflate(content: bytes, source: Source) -> bytes:
    """The body itself, or its gunzipped form if it is gzip, capped at 50 MB."""
    if not content.startswith(_GZIP_MAGIC):
        return content
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(content, MAX_INFLATED_BYTES)
    except zlib.error as exc:
        raise FeedParseError(
            f"source {source.id!r}: the gzipped sitemap at {source.url} is corrupt ({exc})",
            source_id=source.id,
            url=source.url,
        ) from exc
    if inflater.unconsumed_tail:
        raise FeedParseError(
            f"source {source.id!r}: the sitemap at {source.url} inflates past "
            f"{MAX_INFLATED_BYTES} bytes; point the catalogue at a smaller news sitemap",
            source_id=source.id,
            url=source.url,
        )
    if not inflater.eof:
        raise FeedParseError(
            f"source {source.id!r}: the gzipped sitemap at {source.url} is corrupt "
            "(the stream ends early)",
            source_id=source.id,
            url=source.url,
        )
    return data


def _w3c_datetime(value: str | None) -> datetime | None:
    """W3C datetime ('2025-01-17', '2025-01-17T09:30:00+03:30', '...Z') as aware UTC."""
    if not value or not value.strip():
        return None
    try:
        return as_utc(datetime.fromisoformat(value.strip()))
    except ValueError:
        return None


def _text(element: etree._Element, path: str) -> str:
    found = element.find(path, _NS)
    return " ".join((found.text or "").split()) if found is not None else ""


def _url_entry(
    element: etree._Element, source: Source, aliases: Mapping[str, str] | None
) -> Candidate | None:
    loc = _text(element, "{*}loc")
    try:
        canonical = canonical_url(loc, aliases=aliases)
    except ValueError:
        log.info("source %s: sitemap entry with unusable <loc> %r skipped", source.id, loc)
        return None
    published = _w3c_datetime(_text(element, "news:news/news:publication_date")) or (
        _w3c_datetime(_text(element, "{*}lastmod"))
    )
    extra = {}
    if outlet := _text(element, "news:news/news:publication/news:name"):
        extra["outlet"] = outlet
    if keywords := _text(element, "news:news/news:keywords"):
        extra["keywords"] = keywords
    return Candidate(
        url=canonical,
        fetch_url=loc,
        source_id=source.id,
        title=_text(element, "news:news/news:title"),
        published=published,
        language=language_code(_text(element, "news:news/news:publication/news:language"))
        or source.language,
        extra=extra,
    )


def parse_sitemap(
    content: bytes, *, source: Source, aliases: Mapping[str, str] | None = None
) -> SitemapPage:
    """Parse a (news) sitemap or a sitemap index, plain or gzipped.

    Raises:
        FeedParseError: not well-formed XML, or neither a ``urlset`` nor a ``sitemapindex``.
    """
    try:
        root = etree.fromstring(_inflate(content, source), parser=_safe_parser())
    except etree.XMLSyntaxError as exc:
        raise FeedParseError(
            f"source {source.id!r}: {source.url} is not well-formed XML ({exc}); "
            "check the sitemap URL in claimwatch.toml",
            source_id=source.id,
            url=source.url,
        ) from exc
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = [_text(node, "{*}loc") for node in root.iterfind("{*}sitemap", _NS)]
        return SitemapPage(candidates=[], child_sitemaps=[loc for loc in children if loc])
    if tag != "urlset":
        raise FeedParseError(
            f"source {source.id!r}: {source.url} has a <{tag}> root, not a sitemap "
            "(<urlset> or <sitemapindex>); check the URL in claimwatch.toml",
            source_id=source.id,
            url=source.url,
        )
    candidates = [
        candidate
        for node in root.iterfind("{*}url", _NS)
        if (candidate := _url_entry(node, source, aliases)) is not None
    ]
    return SitemapPage(candidates=candidates, child_sitemaps=[])
