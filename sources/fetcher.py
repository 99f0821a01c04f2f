"""The polite async HTTP fetcher: every page and feed claimwatch reads goes through ``Fetcher``.

Per URL, in order: the address guard (``sources.netguard``), robots.txt (``sources.robots``),
then one GET under the global and per-host limits and the per-host delay, with connect/read
timeouts, a total timeout per attempt and a body cap counted while streaming. Redirects are
followed here, not by httpx, so that every hop passes the guard and robots.txt again.

Retry policy (data, not code paths):

- retried: ``RETRY_STATUSES`` (429, 500, 502, 503, 504) and every other 5xx, timeouts and
  network errors (all ``Transient`` errors of one HTTP request), at most ``retries`` times;
- wait: ``Retry-After`` (seconds or HTTP date) on ``RETRY_AFTER_STATUSES`` (429, 503), else
  exponential backoff with full jitter, ``uniform(0, min(backoff_max, backoff_base * 2**n))``;
  a ``Retry-After`` over ``retry_after_max`` is not waited for: the error is raised at once;
- never retried: other 4xx, blocked addresses, robots.txt refusals, oversized bodies, wrong
  content types, redirect loops (all ``Permanent``).

Retries apply per hop: a redirect target that fails is retried, not the whole chain, and
``FetchResult.attempts`` counts the tries of the last hop.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from types import MappingProxyType
from typing import Self

import httpx

from sources import charset
from sources.charset import ACCEPT_HEADERS, Accept, check_content, mime_type
from sources.exceptions import (
    BodyTooLarge,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NetworkError,
    PermanentHTTPStatusError,
    TooManyRedirects,
    TransientHTTPStatusError,
)
from sources.netguard import Resolver, check_url, system_resolver
from sources.robots import MAX_ROBOTS_BYTES, RobotsCache

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})  # and any other 5xx
RETRY_AFTER_STATUSES = frozenset({429, 503})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchConfig:
    """How politely and how patiently to fetch; built once from the settings."""

    user_agent: str = "claimwatch/0.1 (+https://github.com/claimwatch; contact: {contact})"
    contact: str = "ops@example.org"
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 45.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    global_concurrency: int = 16
    per_host_concurrency: int = 2
    per_host_delay: float = 0.5
    # Keys are hosts as httpx spells them: lowercase, IDNA-encoded, no port.
    host_delays: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType({"api.gdeltproject.org": 5.0})
    )
    retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    retry_after_max: float = 120.0
    respect_robots: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchResult:
    """One fetched document; ``headers`` is case-insensitive."""

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    elapsed: float
    attempts: int

    @property
    def not_modified(self) -> bool:
        """The server said the copy we hold is current (304)."""
        return self.status == 304

    def text(self) -> str:
        """The body as text; a wrong or missing charset is repaired (see sources.charset)."""
        return charset.decode(self.content, self.charset)


@dataclass(frozen=True, slots=True)
class _Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes


def is_retryable_status(status: int) -> bool:
    """True for statuses worth asking again: 429 and any 5xx."""
    return status in RETRY_STATUSES or 500 <= status <= 599


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Full-jitter exponential backoff before retry number ``attempt`` (1-based)."""
    return rng.uniform(0.0, min(cap, base * 2 ** (attempt - 1)))


def status_error(url: str, status: int, headers: httpx.Headers) -> HTTPStatusError | None:
    """The error a response status stands for; None for 2xx, 304 and followable redirects."""
    if status < 300 or status == 304 or (status in REDIRECT_STATUSES and "location" in headers):
        return None
    if not is_retryable_status(status):
        return PermanentHTTPStatusError(
            f"HTTP {status}; asking again will not help: fix or drop the link",
            url=url,
            status=status,
        )
    retry_after = None
    if status in RETRY_AFTER_STATUSES:
        retry_after = parse_retry_after(headers.get("retry-after"))
    return TransientHTTPStatusError(
        f"HTTP {status}; the server is failing or busy, a later run may succeed",
        url=url,
        status=status,
        retry_after=retry_after,
    )


@contextmanager
def translate_errors(url: str) -> Iterator[None]:
    """Re-raise httpx (and total-timeout) failures as claimwatch's fetch errors."""
    try:
        yield
    except (httpx.TimeoutException, TimeoutError) as exc:
        raise FetchTimeout(
            f"timed out ({type(exc).__name__}); the server is slow", url=url
        ) from exc
    except httpx.HTTPError as exc:  # refused, reset, truncated body, bad Location, broken gzip
        raise NetworkError(f"{type(exc).__name__}: {exc}", url=url) from exc


async def _read_body(response: httpx.Response, url: str, limit: int, truncate: bool) -> bytes:
    """Stream the body, refusing (or cutting, if ``truncate``) past ``limit`` bytes."""
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"Content-Length {declared} is over the {limit} byte cap", url=url)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():  # decoded bytes: a gzip bomb counts in full
        size += len(chunk)
        if size > limit:
            if truncate:
                chunks.append(chunk[: len(chunk) - (size - limit)])
                break
            raise BodyTooLarge(f"body passed the {limit} byte cap while streaming", url=url)
        chunks.append(chunk)
    return b"".join(chunks)


class _HostThrottle:
    """Global and per-host concurrency, and a minimum gap between starts to one host."""

    def __init__(self, config: FetchConfig) -> None:
        self._config = config
        self._global = asyncio.Semaphore(config.global_concurrency)
        self._hosts: dict[str, tuple[asyncio.Semaphore, asyncio.Lock]] = {}
        self._last_start: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold a request slot for ``host`` for the duration of the block."""
        semaphore, pacing = self._hosts.setdefault(
            host, (asyncio.Semaphore(self._config.per_host_concurrency), asyncio.Lock())
        )
        delay = self._config.host_delays.get(host, self._config.per_host_delay)
        loop = asyncio.get_running_loop()
        async with semaphore:
            # The global slot is taken while holding the pacing lock, after the sleep: starts
            # to one host stay `delay` apart, and no global slot is idle while we sleep.
            async with pacing:
                wait = self._last_start.get(host, -delay) + delay - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                await self._global.acquire()
                self._last_start[host] = loop.time()
            try:
                yield
            finally:
                self._global.release()


@cache
def _tls_context() -> ssl.SSLContext:
    """What httpx verifies servers with by default (certifi's CA bundle), built once per
    process: parsing the bundle costs ~25 ms, and every run makes a fetcher."""
    return httpx.create_ssl_context(trust_env=False)


class Fetcher:
    """Polite, guarded HTTP GETs; use as ``async with Fetcher(config) as fetcher``.

    Args:
        config: limits, timeouts and politeness.
        client: an httpx client to use (it is not closed here); redirects are always handled
            by the fetcher. By default one is created with ``trust_env=False``: a proxy from
            the environment would connect on our behalf and defeat the address guard.
        resolver: ``resolver(host, port) -> [ip, ...]`` for the address guard (tests inject one).
    """

    def __init__(
        self,
        config: FetchConfig,
        client: httpx.AsyncClient | None = None,
        *,
        resolver: Resolver | None = None,
    ) -> None:
        self.config = config
        self._own_client = client is None
        self._client = client or httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,
            verify=_tls_context(),
            limits=httpx.Limits(max_connections=max(100, config.global_concurrency)),
        )
        self._timeout = httpx.Timeout(
            connect=config.connect_timeout,
            read=config.read_timeout,
            write=config.read_timeout,
            pool=config.total_timeout,
        )
        self._resolver = resolver or system_resolver
        self._user_agent = config.user_agent.format(contact=config.contact)
        self._throttle = _HostThrottle(config)
        self._robots = RobotsCache(self._fetch_robots)
        self._rng = random.Random()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._own_client:
            await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        local_ok: bool = False,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: Accept = "any",
    ) -> FetchResult:
        """GET ``url`` politely; a 304 answer is a result, not an error.

        Args:
            url: absolute http(s) URL.
            local_ok: allow loopback/private targets (only for sources marked local).
            etag, last_modified: validators from the last fetch, for a conditional GET.
            accept: the kind of document wanted; anything else raises UnexpectedContentType.

        Raises:
            FetchError: a subclass saying what failed and whether a retry may help.
        """
        started = time.monotonic()
        headers = {"User-Agent": self._user_agent, "Accept": ACCEPT_HEADERS[accept]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response, attempts = await self._follow(
            url, headers, local_ok=local_ok, robots=self.config.respect_robots,
            limit=self.config.max_bytes, truncate=False,
        )  # fmt: skip
        mime = mime_type(response.headers.get("content-type"))
        if response.status != 304:
            check_content(response.url, accept, mime, response.body)
        return FetchResult(
            url=url,
            final_url=response.url,
            status=response.status,
            headers=response.headers,
            content=response.body,
            content_type=mime,
            charset=charset.charset_from_content_type(response.headers.get("content-type"))
            or charset.sniff_charset(response.body),
            etag=response.headers.get("etag") or (etag if response.status == 304 else None),
            last_modified=response.headers.get("last-modified")
            or (last_modified if response.status == 304 else None),
            elapsed=time.monotonic() - started,
            attempts=attempts,
        )

    async def _fetch_robots(self, url: str, local_ok: bool) -> bytes:
        """robots.txt through the same guarded, throttled, retrying path (see robots.py)."""
        headers = {"User-Agent": self._user_agent, "Accept": "text/plain,*/*;q=0.1"}
        response, _ = await self._follow(
            url, headers, local_ok=local_ok, robots=False, limit=MAX_ROBOTS_BYTES, truncate=True
        )
        return response.body

    async def _follow(
        self, url: str, headers: dict[str, str], *, local_ok: bool, robots: bool,
        limit: int, truncate: bool,
    ) -> tuple[_Response, int]:  # fmt: skip
        """GET ``url`` and its redirects, checking every hop; returns the last response."""
        seen = {url}
        current = url
        for _hop in range(self.config.max_redirects + 1):
            await check_url(current, resolver=self._resolver, local_ok=local_ok)
            if robots:
                await self._robots.check(current, local_ok=local_ok)
            response, attempts = await self._with_retries(current, headers, limit, truncate)
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response, attempts
            current = str(httpx.URL(current).join(location))
            if current in seen:
                raise TooManyRedirects(f"redirect loop back to {current}; fix the link", url=url)
            seen.add(current)
        raise TooManyRedirects(
            f"more than {self.config.max_redirects} redirects; fix the link", url=url
        )

    async def _with_retries(
        self, url: str, headers: dict[str, str], limit: int, truncate: bool
    ) -> tuple[_Response, int]:
        """One hop, retried on Transient failures as the module docstring says."""
        attempt = 0
        while True:
            attempt += 1
            try:
                return await self._attempt(url, headers, limit, truncate), attempt
            except (FetchTimeout, NetworkError, TransientHTTPStatusError) as exc:
                delay = self._retry_delay(exc, attempt)
                logger.warning(
                    "retry %s/%s of %s in %.2fs: %s", attempt, self.config.retries, url, delay, exc
                )
                await asyncio.sleep(delay)

    def _retry_delay(self, exc: FetchError, attempt: int) -> float:
        """Seconds to wait before the next try, or re-raise ``exc`` when not to retry."""
        retry_after = getattr(exc, "retry_after", None)
        if attempt > self.config.retries or (
            retry_after is not None and retry_after > self.config.retry_after_max
        ):
            raise exc
        if retry_after is not None:
            return float(retry_after)
        return backoff_delay(attempt, self.config.backoff_base, self.config.backoff_max, self._rng)

    async def _attempt(
        self, url: str, headers: dict[str, str], limit: int, truncate: bool
    ) -> _Response:
        """Exactly one HTTP request, under the throttle and the total timeout."""
        async with self._throttle.slot(httpx.URL(url).host):
            with translate_errors(url):
                async with asyncio.timeout(self.config.total_timeout):
                    request = self._client.build_request(
                        "GET", url, headers=headers, timeout=self._timeout
                    )
                    response = await self._client.send(request, stream=True, follow_redirects=False)
                    try:
                        body = b""
                        if 200 <= response.status_code < 300:
                            body = await _read_body(response, url, limit, truncate)
                    finally:
                        await response.aclose()
        logger.debug("GET %s -> %s (%s bytes)", url, response.status_code, len(body))
        error = status_error(url, response.status_code, response.headers)
        if error is not None:
            raise error
        return _Response(url=url, status=response.status_code, headers=response.headers, body=body)
