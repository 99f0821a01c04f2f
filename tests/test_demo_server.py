"""The demo server (real sockets on loopback) and the consistency of the shipped demo corpus."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path

import httpx
import protego
import pytest

from flows.demo import DemoServer

# --- a tiny corpus for the server's behaviour ------------------------------------------------

TINY_PAGE = (
    '<html lang="en"><head><link rel="canonical" href="{base}/news/a.html"></head>'
    "<body>A page.</body></html>"
)
TINY_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    "<item><link>{base}/news/a.html</link></item></channel></rss>"
)


@pytest.fixture
def tiny_root(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.html").write_text(TINY_PAGE, encoding="utf-8")
    (root / "news" / "feed.rss").write_text(TINY_FEED, encoding="utf-8")
    (root / "news" / "feed.atom").write_text("<feed/>", encoding="utf-8")
    (root / "news" / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (root / "news" / "doc.json").write_text('{"articles": []}', encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside the corpus", encoding="utf-8")
    return root


@pytest.fixture
def tiny(tiny_root: Path) -> Iterator[DemoServer]:
    with DemoServer(tiny_root) as server:
        yield server


def raw_get(server: DemoServer, path: str) -> int:
    """GET ``path`` byte for byte (httpx would normalise dot segments away)."""
    conn = http.client.HTTPConnection(server.host, int(server.base_url.rsplit(":", 1)[1]))
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def test_base_url_is_an_ephemeral_loopback_port(tiny: DemoServer) -> None:
    assert tiny.base_url.startswith("http://127.0.0.1:")
    assert not tiny.base_url.endswith(":0")


def test_placeholder_is_replaced_by_the_server_origin(tiny: DemoServer) -> None:
    text = httpx.get(f"{tiny.base_url}/news/feed.rss").text
    assert "{base}" not in text
    assert f"<link>{tiny.base_url}/news/a.html</link>" in text


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/news/a.html", "text/html; charset=utf-8"),
        ("/news/feed.rss", "application/rss+xml; charset=utf-8"),
        ("/news/feed.atom", "application/atom+xml; charset=utf-8"),
        ("/news/sitemap.xml", "application/xml; charset=utf-8"),
        ("/news/doc.json", "application/json"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ],
)
def test_content_type_follows_the_file_kind(tiny: DemoServer, path: str, content_type: str) -> None:
    response = httpx.get(tiny.base_url + path)
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type


def test_responses_carry_a_strong_etag_of_the_served_bytes(tiny: DemoServer) -> None:
    response = httpx.get(f"{tiny.base_url}/news/a.html")
    etag = response.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert httpx.get(f"{tiny.base_url}/news/a.html").headers["etag"] == etag
    assert "last-modified" in response.headers


@pytest.mark.parametrize("weak", [False, True])
def test_if_none_match_with_the_current_etag_gets_304(tiny: DemoServer, weak: bool) -> None:
    url = f"{tiny.base_url}/news/feed.rss"
    etag = httpx.get(url).headers["etag"]
    response = httpx.get(url, headers={"If-None-Match": ("W/" if weak else "") + etag})
    assert response.status_code == 304
    assert response.content == b""


def test_if_none_match_with_a_stale_etag_gets_the_body(tiny: DemoServer) -> None:
    response = httpx.get(f"{tiny.base_url}/news/feed.rss", headers={"If-None-Match": '"old"'})
    assert response.status_code == 200
    assert b"<rss" in response.content


@pytest.mark.parametrize(
    ("since_offset", "status"),
    [("same", 304), ("Mon, 01 Jan 2001 00:00:00 GMT", 200)],
)
def test_if_modified_since(tiny: DemoServer, since_offset: str, status: int) -> None:
    url = f"{tiny.base_url}/news/feed.atom"
    last_modified = httpx.get(url).headers["last-modified"]
    since = last_modified if since_offset == "same" else since_offset
    assert httpx.get(url, headers={"If-Modified-Since": since}).status_code == status


@pytest.mark.parametrize("path", ["/nope.html", "/news/", "/news", "/", "/admin/"])
def test_unknown_paths_and_directories_get_404(tiny: DemoServer, path: str) -> None:
    response = httpx.get(tiny.base_url + path)
    assert response.status_code == 404
    assert "a.html" not in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/news/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/news/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
    ],
)
def test_paths_outside_the_corpus_are_refused(tiny: DemoServer, path: str) -> None:
    assert raw_get(tiny, path) == 404


def test_requests_are_recorded_without_query_strings(tiny: DemoServer) -> None:
    httpx.get(f"{tiny.base_url}/news/a.html?utm_source=rss&utm_medium=feed")
    httpx.get(f"{tiny.base_url}/news/feed.rss")
    httpx.get(f"{tiny.base_url}/missing.html")
    assert tiny.requests == ["/news/a.html", "/news/feed.rss", "/missing.html"]


def test_head_sends_headers_only(tiny: DemoServer) -> None:
    response = httpx.head(f"{tiny.base_url}/news/a.html")
    assert response.status_code == 200
    assert int(response.headers["content-length"]) > 0
    assert response.content == b""


def test_robots_txt_allows_everything_but_admin(tiny: DemoServer) -> None:
    robots = protego.Protego.parse(httpx.get(f"{tiny.base_url}/robots.txt").text)
    assert robots.can_fetch(f"{tiny.base_url}/news/a.html", "claimwatch")
    assert not robots.can_fetch(f"{tiny.base_url}/admin/login", "claimwatch")


def test_stop_closes_the_socket(tiny_root: Path) -> None:
    server = DemoServer(tiny_root)
    server.start()
    base = server.base_url
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base}/news/a.html")


def test_base_url_before_start_says_how_to_fix(tiny_root: Path) -> None:
    with pytest.raises(RuntimeError, match="start"):
        _ = DemoServer(tiny_root).base_url
