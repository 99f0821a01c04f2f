"""The demo server (real sockets on loopback) and the consistency of the shipped demo corpus."""

from __future__ import annotations

import email.utils
import html
import http.client
import json
import re
import tomllib
import typing
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import httpx
import protego
import pytest

from flows.demo import CORPUS_DIR, DemoServer, demo_catalogue, load_manifest
from sources.models import Leaning

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


# --- the shipped demo corpus -------------------------------------------------------------------

MANIFEST = load_manifest()
PAGES: list[dict[str, Any]] = MANIFEST["pages"]
PAGE_IDS = [page["path"] for page in PAGES]
LISTING_URL = re.compile(r"\{base\}/([^\s<\"?]+)")
UNITS = {"USD", "EUR", "RUB", "IRR", "%", "bbl/d", "bcm", "t"}
QUALIFIERS = {"exact", "up_to", "at_least", "about", "range"}
KINDS = {
    "contract_signed",
    "negotiation",
    "investment_pledge",
    "trade_growth",
    "trade_volume",
    "supply_volume",
    "other",
}
ROLES = {
    "president",
    "kremlin_spokesman",
    "presidential_aide",
    "kremlin_press_service",
    "russian_minister",
    "russian_official",
    "other",
}
STANCES = {"confirm", "deny", "cannot_confirm", "no_comment"}
TOPICS = {"velayati-moscow-2018", "iran-russia-oil-deals", None}


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


def page_text(page: dict[str, Any]) -> str:
    raw = (CORPUS_DIR / page["path"]).read_bytes().decode(page["charset"])
    return html.unescape(raw)


def listed_paths(listing: str) -> set[str]:
    return set(LISTING_URL.findall((CORPUS_DIR / listing).read_text(encoding="utf-8")))


def test_corpus_has_enough_pages_and_outlets() -> None:
    outlets = {page["outlet"] for page in PAGES}
    assert len(PAGES) >= 24
    assert len(outlets) >= 6
    assert sum(not page["relevant"] for page in PAGES) >= 6


def test_every_html_file_is_in_the_manifest() -> None:
    on_disk = {p.relative_to(CORPUS_DIR).as_posix() for p in CORPUS_DIR.rglob("*.html")}
    assert on_disk == set(PAGE_IDS)


@pytest.mark.parametrize("listing", [item["path"] for item in MANIFEST["listings"]])
def test_listings_match_the_manifest(listing: str) -> None:
    declared = next(item for item in MANIFEST["listings"] if item["path"] == listing)
    assert listed_paths(listing) >= set(declared["items"])
    assert all((CORPUS_DIR / path).is_file() for path in declared["items"])


def test_every_page_is_discoverable_from_some_listing() -> None:
    discoverable = set().union(*(listed_paths(item["path"]) for item in MANIFEST["listings"]))
    assert set(PAGE_IDS) <= discoverable


def test_listing_kinds_cover_rss_atom_sitemap_and_gdelt() -> None:
    kinds = [item["kind"] for item in MANIFEST["listings"]]
    assert kinds.count("rss") >= 2
    assert kinds.count("atom") >= 2
    assert {"sitemap", "gdelt"} <= set(kinds)


def test_syndicated_story_is_in_two_feeds() -> None:
    path = MANIFEST["syndicated"]["path"]
    feeds = [item["path"] for item in MANIFEST["listings"] if item["kind"] in {"rss", "atom"}]
    assert sum(path in listed_paths(feed) for feed in feeds) >= 2


@pytest.mark.parametrize("outlet", MANIFEST["outlets"], ids=lambda outlet: outlet["id"])
def test_each_feed_parses_and_links_to_the_server(demo: DemoServer, outlet: dict[str, Any]) -> None:
    response = httpx.get(f"{demo.base_url}/{outlet['feed']}")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version.startswith(outlet["feed_format"])
    own = [page for page in PAGES if page["outlet"] == outlet["id"]]
    assert len(parsed.entries) >= len(own)
    assert all(entry.link.startswith(demo.base_url + "/") for entry in parsed.entries)


def test_opposition_feed_carries_tracking_parameters(demo: DemoServer) -> None:
    parsed = feedparser.parse(httpx.get(f"{demo.base_url}/free-iran-monitor/feed.rss").content)
    assert all("utm_source=rss&utm_medium=feed" in entry.link for entry in parsed.entries)
    page = httpx.get(parsed.entries[0].link)
    assert page.status_code == 200


def test_gdelt_answer_has_the_doc_api_shape(demo: DemoServer) -> None:
    response = httpx.get(f"{demo.base_url}/gdelt/api/v2/doc/doc.json?query=velayati&format=json")
    assert response.headers["content-type"] == "application/json"
    articles = response.json()["articles"]
    assert len(articles) >= 3
    for article in articles:
        assert set(article) == {
            "url",
            "url_mobile",
            "title",
            "seendate",
            "socialimage",
            "domain",
            "language",
            "sourcecountry",
        }
        assert re.fullmatch(r"\d{8}T\d{6}Z", article["seendate"])
        assert httpx.get(article["url"]).status_code == 200


def test_news_sitemap_uses_the_news_namespace(demo: DemoServer) -> None:
    response = httpx.get(f"{demo.base_url}/caspian-ledger/news-sitemap.xml")
    assert response.headers["content-type"].startswith("application/xml")
    assert 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' in response.text
    assert "<news:publication_date>" in response.text


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_carries_the_metadata_real_pages_have(page: dict[str, Any]) -> None:
    text = page_text(page)
    size = (CORPUS_DIR / page["path"]).stat().st_size
    assert 5_000 <= size <= 25_000
    declared = page.get("declared_language", page["language"])
    assert re.search(rf'<html lang="{declared}[^"]*"', text)
    assert f"<title>{page['title']}" in text
    assert f'<meta property="og:title" content="{page["title"]}">' in text
    assert f'<link rel="canonical" href="{{base}}/{page["path"]}">' in text
    assert '<meta property="article:published_time" content="' in text
    assert page["author"] in text
    assert 250 <= page["body_words"] <= 900


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_states_the_claims_the_manifest_lists(page: dict[str, Any]) -> None:
    text = page_text(page)
    for claim in page["claims"]:
        assert text.count(claim["text"]) >= claim.get("occurrence", 1), claim["text"]
        assert claim["unit"] in UNITS
        assert claim["qualifier"] in QUALIFIERS
        assert claim["kind"] in KINDS
        assert claim.get("mood", "asserted") in {"asserted", "denied", "hypothetical"}
    for statement in page["kremlin_statements"]:
        assert statement["role"] in ROLES and statement["stance"] in STANCES
        assert statement.get("speaker_text", statement["speaker"].split()[-1]) in text
    assert page["topic"] in TOPICS
    assert page["relevant"] == (page["topic"] is not None)
    assert not page["claims"] or page["relevant"]


def test_languages_each_have_relevant_and_irrelevant_pages() -> None:
    for language in ("en", "ru", "fa"):
        own = [page for page in PAGES if page["language"] == language]
        assert len(own) >= 4
        assert any(page["relevant"] for page in own) and not all(page["relevant"] for page in own)


def test_velayati_claim_and_kremlin_answer_are_told_in_three_languages() -> None:
    fifty = [
        page["language"]
        for page in PAGES
        if any(claim["value"] == 50_000_000_000 for claim in page["claims"])
    ]
    answers = {
        page["language"]
        for page in PAGES
        for statement in page["kremlin_statements"]
        if statement["stance"] == "cannot_confirm"
    }
    assert set(fifty) == answers == {"en", "ru", "fa"}


def test_velayati_story_is_told_by_every_leaning() -> None:
    leanings = {page["leaning"] for page in PAGES if page["topic"] == "velayati-moscow-2018"}
    assert leanings >= {"iran_state", "iran_semi_official", "iran_opposition", "russia_state"}
    assert leanings >= {"western", "independent"}
    stances = {
        (statement["speaker"], statement["stance"])
        for page in PAGES
        for statement in page["kremlin_statements"]
        if page["topic"] == "velayati-moscow-2018"
    }
    assert stances == {("Dmitry Peskov", "cannot_confirm")}


def test_older_page_is_served_without_a_header_charset(demo: DemoServer) -> None:
    page = next(page for page in PAGES if page["charset"] != "utf-8")
    response = httpx.get(f"{demo.base_url}/{page['path']}")
    assert response.headers["content-type"] == "text/html"
    assert f"charset={page['charset']}" in response.content.decode(page["charset"])
    assert "Русская версия" in response.content.decode(page["charset"])
    assert f'href="{demo.base_url}/{page["path"]}"' in response.content.decode(page["charset"])


@pytest.mark.parametrize("page", PAGES[:3] + PAGES[-3:], ids=PAGE_IDS[:3] + PAGE_IDS[-3:])
def test_last_modified_is_the_publication_time(demo: DemoServer, page: dict[str, Any]) -> None:
    response = httpx.get(f"{demo.base_url}/{page['path']}")
    served = email.utils.parsedate_to_datetime(response.headers["last-modified"])
    assert served == datetime.fromisoformat(page["published"])


def test_demo_catalogue_points_every_source_at_the_server(demo: DemoServer) -> None:
    sources = tomllib.loads(demo_catalogue(demo.base_url))["sources"]
    assert {source["kind"] for source in sources} == {"feed", "gdelt", "sitemap"}
    for source in sources:
        assert source["local"] is True
        assert source["leaning"] in typing.get_args(Leaning)
        assert httpx.get(source["url"]).status_code == 200, source["id"]


def test_fetching_a_feed_and_its_pages_is_counted() -> None:
    with DemoServer() as server:
        parsed = feedparser.parse(httpx.get(f"{server.base_url}/rusinform/en/feed.atom").content)
        for entry in parsed.entries:
            httpx.get(entry.link)
        articles = [path for path in server.requests if path.endswith(".html")]
    assert server.requests[0] == "/rusinform/en/feed.atom"
    assert len(articles) == len(parsed.entries) == 6


def test_manifest_is_not_served(demo: DemoServer) -> None:
    assert httpx.get(f"{demo.base_url}/manifest.json").status_code == 404
    assert json.loads((CORPUS_DIR / "manifest.json").read_text(encoding="utf-8"))["pages"]


def test_server_writes_nothing_to_stderr(
    tiny_root: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with DemoServer(tiny_root) as server:
        httpx.get(f"{server.base_url}/news/a.html")
        httpx.get(f"{server.base_url}/missing")
        raw_get(server, "/../secret.txt")
    assert capfd.readouterr().err == ""
