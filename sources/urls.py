"""Canonical URLs: one identity per article, whatever feed or mirror it came from.

The canonical form is what ``articles`` are keyed by, so it must be stable: the same article
linked from two feeds with different tracking parameters, or served by a local mirror on a
port that changes at every run, gets one canonical URL and one :func:`url_key`.

Decisions, each with its reason:

- scheme and host are lowercased, the default port dropped, punycode decoded (courlan);
- the fragment is dropped: it never selects a different article;
- tracking parameters are dropped (courlan's list plus a few it misses), meaningful ones such
  as ``?id=123`` are kept, and the remaining ones are sorted;
- a final ``index.html`` / ``index.htm`` is dropped: static sites serve the same page at the
  directory URL. ``index.php`` is kept, since with a query string it is often the router;
- the scheme is kept: http and https may in principle serve different things, and feeds of
  one outlet are consistent in practice;
- ``aliases`` map an origin (scheme://host[:port]) onto another, e.g. the demo's loopback
  mirror onto a stable ``.invalid`` host.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url, scrub_url

# courlan strips utm_*, fbclid, gclid, yclid, mc_*, *_medium, *_campaign, ref, source... but
# not these, which outlets and newsletters still append.
_EXTRA_TRACKERS_RE = re.compile(
    r"^(?:cmpid|ocid|icid|smid|cmp|cmpgn|_ga|_gl|_hsenc|_hsmi|mkt_tok|s_cid|sr_share|"
    r"ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|at_\w+|wt\.\w+|"
    r"rss|spm|share|traffic_source)$",
    re.IGNORECASE,
)
# "?from=rss" (Kommersant, many Russian outlets) says how the reader came, not what to show;
# other values of "from" may select content, so only these are dropped.
_FROM_FEED_VALUES = frozenset({"rss", "feed", "atom", "newsletter"})
# Google News article links carry the reader's edition; the article id is in the path.
_EDITION_PARAMS = frozenset({"hl", "gl", "ceid", "oc"})
_EDITION_HOSTS = frozenset({"news.google.com"})
_INDEX_PAGE_RE = re.compile(r"/index\.html?$", re.IGNORECASE)
_ESCAPE_RE = re.compile(r"%[0-9a-fA-F]{2}")
_KEY_LENGTH = 32


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL, normalised the same way as canonical URLs."""
    parts = urlsplit(normalize_url(url.strip()))
    return f"{parts.scheme}://{parts.netloc}"


def _keep_param(name: str, value: str, host: str) -> bool:
    if _EXTRA_TRACKERS_RE.match(name):
        return False
    if name.lower() == "from" and value.lower() in _FROM_FEED_VALUES:
        return False
    return not (host in _EDITION_HOSTS and name.lower() in _EDITION_PARAMS)


def canonical_url(url: str, *, aliases: Mapping[str, str] | None = None) -> str:
    """The canonical form of an absolute http(s) URL (see the module docstring).

    Args:
        url: an absolute URL as found in a feed.
        aliases: origin -> origin, e.g. ``{"http://127.0.0.1:54321": "https://demo.invalid"}``.

    Raises:
        ValueError: ``url`` is not an absolute http(s) URL.
    """
    cleaned = scrub_url(url)
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    normal = urlsplit(normalize_url(cleaned, strict=False, trailing_slash=True))
    host = (normal.hostname or "").lower()
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(normal.query) if _keep_param(k, v, host)),
    )
    # %d0 and %D0 are the same byte: RFC 3986 prefers upper case.
    path = _ESCAPE_RE.sub(lambda m: m[0].upper(), _INDEX_PAGE_RE.sub("/", normal.path)) or "/"
    scheme, netloc = normal.scheme, normal.netloc
    if aliases:
        origin = f"{scheme}://{netloc}"
        for source, target in aliases.items():
            if _origin(source) == origin:
                mapped = urlsplit(_origin(target))
                scheme, netloc = mapped.scheme, mapped.netloc
                break
    return urlunsplit((scheme, netloc, path, query, ""))


def url_key(canonical: str) -> str:
    """A stable 32-hex-digit id for a canonical URL (the article id)."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:_KEY_LENGTH]


def host_of(url: str) -> str:
    """The lowercased host name of ``url``, without port or credentials ('' if none)."""
    return (urlsplit(url.strip()).hostname or "").lower()
