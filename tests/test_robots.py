"""robots.txt handling (RFC 9309) through the real fetcher and a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from claimwatch.errors import is_transient
from sources.exceptions import (
    FetchError,
    FetchTimeout,
    PermanentHTTPStatusError,
    RobotsDisallowed,
    RobotsUnavailable,
    TooManyRedirects,
)
from sources.fetcher import FetchConfig, Fetcher
from sources.robots import RobotsCache, origin_of, parse_rules, robots_url, rules_after_error

pytestmark = pytest.mark.anyio

HTML = b"<html><body><p>An article about oil.</p></body></html>"
ROBOTS = b"""# Crawlers welcome, except in the archive and the admin pages.
User-agent: *
Disallow: /admin/

User-agent: claimwatch
Disallow: /archive/
Allow: /archive/public/
"""


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    httpd = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpd.start()
    yield httpd
    httpd.clear()
    httpd.stop()


@pytest.fixture
def httpd(server: HTTPServer) -> Iterator[HTTPServer]:
    server.clear()
    yield server
    server.clear()


def config(**overrides: object) -> FetchConfig:
    settings: dict[str, object] = {
        "per_host_delay": 0.0,
        "retries": 1,
        "backoff_base": 0.01,
        "backoff_max": 0.02,
        "respect_robots": True,
    }
    settings.update(overrides)
    return FetchConfig(**settings)  # type: ignore[arg-type]


def paths(httpd: HTTPServer) -> list[str]:
    return [request.path for request, _ in httpd.log]


def serve_pages(httpd: HTTPServer) -> None:
    for path in ("/news/1", "/news/2", "/news/3", "/archive/2018/x", "/archive/public/y"):
        httpd.expect_request(path).respond_with_data(HTML, content_type="text/html")


async def test_disallowed_url_is_refused_without_requesting_it(httpd: HTTPServer) -> None:
    httpd.expect_request("/robots.txt").respond_with_data(ROBOTS, content_type="text/plain")
    serve_pages(httpd)
    async with Fetcher(config()) as fetcher:
        with pytest.raises(RobotsDisallowed) as caught:
            await fetcher.get(httpd.url_for("/archive/2018/x"), local_ok=True)
    assert not is_transient(caught.value)
    assert paths(httpd) == ["/robots.txt"]


@pytest.mark.parametrize("path", ["/news/1", "/archive/public/y", "/admin/panel"])
async def test_allowed_urls_are_fetched(httpd: HTTPServer, path: str) -> None:
    """Only the group for our token applies: /admin/ is closed to others, not to us."""
    httpd.expect_request("/robots.txt").respond_with_data(ROBOTS, content_type="text/plain")
    httpd.expect_request(path).respond_with_data(HTML, content_type="text/html")
    async with Fetcher(config()) as fetcher:
        result = await fetcher.get(httpd.url_for(path), local_ok=True)
    assert result.content == HTML


async def test_robots_is_read_once_for_many_pages(httpd: HTTPServer) -> None:
    httpd.expect_request("/robots.txt").respond_with_data(ROBOTS, content_type="text/plain")
    serve_pages(httpd)
    urls = [httpd.url_for(f"/news/{n}") for n in (1, 2, 3, 1, 2, 3)]
    async with Fetcher(config(per_host_concurrency=4)) as fetcher:
        await asyncio.gather(*(fetcher.get(url, local_ok=True) for url in urls))
        await fetcher.get(httpd.url_for("/news/1"), local_ok=True)
    assert paths(httpd).count("/robots.txt") == 1
    assert len(paths(httpd)) == 8


@pytest.mark.parametrize("status", [404, 410, 403])
async def test_missing_robots_allows_everything(httpd: HTTPServer, status: int) -> None:
    httpd.expect_request("/robots.txt").respond_with_data("", status=status)
    serve_pages(httpd)
    async with Fetcher(config()) as fetcher:
        result = await fetcher.get(httpd.url_for("/archive/2018/x"), local_ok=True)
    assert result.status == 200


async def test_failing_robots_blocks_the_host_for_the_run(httpd: HTTPServer) -> None:
    """5xx (after the usual retries): nothing fetched, Transient, and not asked again."""
    httpd.expect_request("/robots.txt").respond_with_data("", status=503)
    serve_pages(httpd)
    async with Fetcher(config(retries=1)) as fetcher:
        for path in ("/news/1", "/news/2"):
            with pytest.raises(RobotsUnavailable) as caught:
                await fetcher.get(httpd.url_for(path), local_ok=True)
            assert is_transient(caught.value)
    assert paths(httpd) == ["/robots.txt", "/robots.txt"]  # one try plus one retry, once


async def test_robots_redirect_is_followed(httpd: HTTPServer) -> None:
    httpd.expect_request("/robots.txt").respond_with_data("", 301, {"Location": "/r/robots.txt"})
    httpd.expect_request("/r/robots.txt").respond_with_data(ROBOTS, content_type="text/plain")
    serve_pages(httpd)
    async with Fetcher(config()) as fetcher:
        with pytest.raises(RobotsDisallowed):
            await fetcher.get(httpd.url_for("/archive/2018/x"), local_ok=True)


async def test_robots_can_be_switched_off(httpd: HTTPServer) -> None:
    serve_pages(httpd)
    async with Fetcher(config(respect_robots=False)) as fetcher:
        await fetcher.get(httpd.url_for("/archive/2018/x"), local_ok=True)
    assert paths(httpd) == ["/archive/2018/x"]


# --- pure parts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "origin", "location"),
    [
        ("http://Example.org/a/b?c=1#d", "http://example.org:80", "http://example.org/robots.txt"),
        ("https://example.org:8443/x", "https://example.org:8443", "https://example.org:8443/robots.txt"),
    ],
)  # fmt: skip
def test_origin_and_robots_location(url: str, origin: str, location: str) -> None:
    assert (origin_of(url), robots_url(url)) == (origin, location)


@pytest.mark.parametrize(
    ("error", "unreachable"),
    [
        (FetchTimeout("slow", url="u"), True),
        (PermanentHTTPStatusError("gone", url="u", status=404), False),
        (TooManyRedirects("loop", url="u"), False),  # RFC 9309: may treat as unavailable
    ],
)
def test_rules_after_error_follow_rfc_9309(error: FetchError, unreachable: bool) -> None:
    rules = rules_after_error(error)
    assert rules.parser is None
    assert (rules.unreachable is not None) is unreachable


def test_rules_read_only_the_first_500_kib() -> None:
    body = b"User-agent: claimwatch\n" + b"#" * (600 * 1024) + b"\nDisallow: /\n"
    rules = parse_rules(body)
    assert rules.parser is not None
    assert rules.parser.can_fetch("http://example.org/x", "claimwatch")


async def test_cache_passes_local_ok_to_its_fetch() -> None:
    calls: list[tuple[str, bool]] = []

    async def fetch(url: str, local_ok: bool) -> bytes:
        calls.append((url, local_ok))
        return b"User-agent: *\nDisallow: /private/\n"

    cache = RobotsCache(fetch)
    await cache.check("http://site.example/public", local_ok=True)
    with pytest.raises(RobotsDisallowed):
        await cache.check("http://site.example/private/1", local_ok=True)
    assert calls == [("http://site.example/robots.txt", True)]
