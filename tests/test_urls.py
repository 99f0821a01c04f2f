"""Canonical URLs: one identity per article across feeds, trackers and mirror ports."""

from __future__ import annotations

import pytest

from sources.urls import canonical_url, host_of, url_key

DEMO_ALIASES = {"http://127.0.0.1:54321": "https://demo.claimwatch.invalid"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://WWW.Example.COM:80/a/b", "http://www.example.com/a/b"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/news/index.html", "https://example.com/news/"),
        ("https://example.com/index.php?id=7", "https://example.com/index.php?id=7"),
        ("https://example.com/a?id=123&utm_source=rss", "https://example.com/a?id=123"),
        ("https://example.com/a?b=2&a=1&page=3", "https://example.com/a?a=1&b=2&page=3"),
        (
            "https://tass.com/economy/1890001?utm_source=tass.com&utm_medium=rss&utm_campaign=x",
            "https://tass.com/economy/1890001",
        ),
        ("https://x.org/a?fbclid=1&gclid=2&yclid=3", "https://x.org/a"),
        ("https://x.org/a?mc_cid=4&mc_eid=5&ref=6", "https://x.org/a"),
        ("https://x.org/a?cmpid=7&ocid=8&_ga=9&at_medium=10&at_campaign=11", "https://x.org/a"),
        ("https://www.kommersant.ru/doc/7440001?from=rss", "https://www.kommersant.ru/doc/7440001"),
        ("https://x.ru/archive?from=2020-01-01", "https://x.ru/archive?from=2020-01-01"),
        (
            "https://news.google.com/rss/articles/CBMiXyz?oc=5&hl=en-US&gl=US&ceid=US:en",
            "https://news.google.com/rss/articles/CBMiXyz",
        ),
        ("https://ex.com/%d0%bf", "https://ex.com/%D0%BF"),
        ("https://ex.com/п", "https://ex.com/%D0%BF"),
        ("  https://ex.com/a  ", "https://ex.com/a"),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "http://127.0.0.1:54321/tt/a.html?utm_source=x",
            "https://demo.claimwatch.invalid/tt/a.html",
        ),
        ("HTTP://127.0.0.1:54321/", "https://demo.claimwatch.invalid/"),
        ("http://127.0.0.1:54322/tt/a.html", "http://127.0.0.1:54322/tt/a.html"),
        ("https://tass.com/a", "https://tass.com/a"),
    ],
)
def test_aliases_map_only_the_listed_origin(raw: str, expected: str) -> None:
    assert canonical_url(raw, aliases=DEMO_ALIASES) == expected


def test_a_changing_mirror_port_keeps_the_identity() -> None:
    first = canonical_url(
        "http://127.0.0.1:54321/a", aliases={"http://127.0.0.1:54321": "https://demo.invalid"}
    )
    second = canonical_url(
        "http://127.0.0.1:60001/a", aliases={"http://127.0.0.1:60001": "https://demo.invalid"}
    )
    assert first == second


@pytest.mark.parametrize("raw", ["mailto:news@example.org", "/relative/path", "ftp://x.org/f", ""])
def test_non_http_urls_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="http"):
        canonical_url(raw)


def test_url_key_is_stable_short_hex() -> None:
    key = url_key("https://tass.com/economy/1890001")
    assert key == url_key("https://tass.com/economy/1890001")
    assert len(key) == 32
    assert int(key, 16) >= 0
    assert key != url_key("https://tass.com/economy/1890002")


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://User:pw@WWW.Tass.com:8443/a", "www.tass.com"),
        ("http://127.0.0.1:54321/x", "127.0.0.1"),
        ("not a url", ""),
    ],
)
def test_host_of(url: str, host: str) -> None:
    assert host_of(url) == host
