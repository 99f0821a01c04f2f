"""Errors of the sources stage: discovery, feeds and fetching.

::

    ClaimwatchError
     └── SourceError
          ├── FetchError                 (url)
          │    ├── HTTPStatusError       (status; Transient for 429/5xx, else Permanent)
          │    ├── FetchTimeout          Transient
          │    ├── NetworkError          Transient (refused, reset, DNS failure, truncated body)
          │    ├── BodyTooLarge          Permanent
          │    ├── TooManyRedirects      Permanent
          │    ├── BlockedAddress        Permanent (private / loopback / link-local target)
          │    ├── RobotsDisallowed      Permanent
          │    ├── RobotsUnavailable     Transient (robots.txt 5xx/unreachable: RFC 9309 says
          │    │                          assume full disallow; a later run may read it)
          │    └── UnexpectedContentType Permanent (a PDF or image where HTML was expected)
          ├── FeedParseError             Permanent (source_id, url)
          └── CatalogueError                Permanent (entry, field: a bad [[sources]] entry)
"""

from __future__ import annotations

from claimwatch.errors import ClaimwatchError, Permanent, Transient


class SourceError(ClaimwatchError):
    """Something went wrong while discovering or fetching."""


class FetchError(SourceError):
    """Fetching ``url`` failed."""

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(
        self, message: str, *, url: str, status: int, retry_after: float | None = None
    ) -> None:
        super().__init__(message, url=url)
        self.status = status
        self.retry_after = retry_after


class TransientHTTPStatusError(HTTPStatusError, Transient):
    """429 or 5xx: the server may answer later."""


class PermanentHTTPStatusError(HTTPStatusError, Permanent):
    """Any other 4xx: asking again will not change the answer."""


class FetchTimeout(FetchError, Transient):
    """Connecting, reading or the whole request took longer than allowed."""


class NetworkError(FetchError, Transient):
    """The connection failed, was reset, or the body arrived truncated."""


class BodyTooLarge(FetchError, Permanent):
    """The body is larger than the configured cap."""


class TooManyRedirects(FetchError, Permanent):
    """Redirects went on past the limit (or looped)."""


class BlockedAddress(FetchError, Permanent):
    """The target resolves to a private, loopback or link-local address."""


class RobotsDisallowed(FetchError, Permanent):
    """robots.txt of the host does not allow our user agent to fetch the URL."""


class RobotsUnavailable(FetchError, Transient):
    """robots.txt could not be read (5xx, timeout): nothing of the host is fetched this run."""


class UnexpectedContentType(FetchError, Permanent):
    """The response is not the kind of document asked for."""


class FeedParseError(SourceError, Permanent):
    """A feed, sitemap or API answer could not be read."""

    def __init__(self, message: str, *, source_id: str, url: str) -> None:
        super().__init__(message)
        self.source_id = source_id
        self.url = url


class CatalogueError(SourceError, Permanent):
    """An entry of the source catalogue (``[[sources]]`` in claimwatch.toml) is invalid."""

    def __init__(self, message: str, *, entry: str, field: str) -> None:
        super().__init__(message)
        self.entry = entry
        self.field = field
