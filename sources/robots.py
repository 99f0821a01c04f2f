"""robots.txt, fetched once per origin (scheme, host, port) and kept for the fetcher's life.

What an answer means follows RFC 9309 (section 2.3.1):

==========================================  =========================================
robots.txt answer                           effect on the origin's pages
==========================================  =========================================
2xx                                         its rules, for the token ``claimwatch``
4xx (other than 429), too many redirects,   no rules: everything may be fetched
redirect to a refused address
429, 5xx, timeout, network error            "unreachable": nothing may be fetched this
                                            run; each page raises ``RobotsUnavailable``
                                            (Transient), so the next run tries again
==========================================  =========================================

The fetch itself is passed in (the fetcher's own guarded, throttled, retrying path), so the
address guard, politeness and retries apply to robots.txt exactly as to pages. The RFC asks
crawlers to read at least 500 KiB; the fetch function stops there and the rest is ignored.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
from protego import Protego

from claimwatch.errors import Transient
from sources.exceptions import FetchError, RobotsDisallowed, RobotsUnavailable

logger = logging.getLogger(__name__)

USER_AGENT_TOKEN = "claimwatch"
MAX_ROBOTS_BYTES = 500 * 1024

RobotsFetch = Callable[[str, bool], Awaitable[bytes]]
"""``fetch(robots_url, local_ok)`` returns the body or raises a ``FetchError``."""


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What robots.txt of one origin says; ``parser`` None means no rules."""

    parser: Protego | None = None
    unreachable: str | None = None
    """Why robots.txt could not be read (then every page is refused for this run)."""


def origin_of(url: str) -> str:
    """``scheme://host:port`` of ``url``: robots.txt applies per origin."""
    parsed = httpx.URL(url)
    port = parsed.port or {"http": 80, "https": 443}.get(parsed.scheme, 0)
    return f"{parsed.scheme}://{parsed.host}:{port}"


def robots_url(url: str) -> str:
    """Where the robots.txt governing ``url`` lives."""
    return str(httpx.URL(url).copy_with(path="/robots.txt", query=None, fragment=None))


def parse_rules(body: bytes) -> RobotsRules:
    """Rules from a robots.txt body (bytes beyond the RFC's 500 KiB are ignored)."""
    text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
    return RobotsRules(parser=Protego.parse(text))


def rules_after_error(exc: FetchError) -> RobotsRules:
    """RFC 9309: transient failures mean "unreachable", anything else "unavailable"."""
    if isinstance(exc, Transient):
        return RobotsRules(unreachable=str(exc))
    return RobotsRules()


class RobotsCache:
    """Answers "may claimwatch fetch this URL?", reading each origin's robots.txt once."""

    def __init__(self, fetch: RobotsFetch, *, token: str = USER_AGENT_TOKEN) -> None:
        self._fetch = fetch
        self._token = token
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def _rules_for(self, url: str, local_ok: bool) -> RobotsRules:
        origin = origin_of(url)
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:  # many pages of one host arrive at once: read robots.txt only once
            if origin not in self._rules:
                location = robots_url(url)
                try:
                    rules = parse_rules(await self._fetch(location, local_ok))
                except FetchError as exc:
                    rules = rules_after_error(exc)
                    logger.info("robots.txt %s: %s", location, rules.unreachable or exc)
                self._rules[origin] = rules
            return self._rules[origin]

    async def check(self, url: str, *, local_ok: bool = False) -> None:
        """Return if ``url`` may be fetched (``local_ok`` is passed on to the fetch).

        Raises:
            RobotsDisallowed: a rule forbids the URL to our user agent.
            RobotsUnavailable: robots.txt could not be read this run (Transient).
        """
        rules = await self._rules_for(url, local_ok)
        if rules.unreachable is not None:
            raise RobotsUnavailable(
                f"robots.txt unreachable ({rules.unreachable}); the page is skipped until "
                "a later run can read it",
                url=url,
            )
        if rules.parser is not None and not rules.parser.can_fetch(url, self._token):
            raise RobotsDisallowed(
                f"robots.txt forbids {self._token!r} to fetch this URL; drop it from the "
                "catalogue or ask the site",
                url=url,
            )
