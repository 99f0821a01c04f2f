"""News sitemaps and sitemap indexes, plain and gzipped, parsed safely."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sources.exceptions import FeedParseError
from sources.models import Source
from sources.sitemaps import MAX_INFLATED_BYTES, parse_sitemap

FEEDS = Path(__file__).parent / "data" / "feeds"
SOURCE = Source(
    id="tass-sitemap",
    name="TASS news sitemap",
    kind="sitemap",
    url="https://tass.com/sitemap_news.xml",
    language="en",
    leaning="russia_state",
)
NEWS_SITEMAP = (FEEDS / "news_sitemap.xml").read_bytes()


@pytest.mark.parametrize("content", [NEWS_SITEMAP, gzip.compress(NEWS_SITEMAP)])
def test_news_sitemap_entries_become_candidates(content: bytes) -> None:
    page = parse_sitemap(content, source=SOURCE)
    assert page.child_sitemaps == []
    assert [c.url for c in page.candidates] == [
        "https://tass.com/economy/1890001",
        "https://tass.com/politics/1890050",
        "https://tass.com/world/1890060",
    ]


@pytest.mark.parametrize(
    ("index", "title", "published"),
    [
        (
            0,
            "Gazprom and Iran agree on first gas volumes via Azerbaijan",
            datetime(2025, 1, 17, 14, 12, tzinfo=UTC),
        ),
        (1, "Putin & Pezeshkian sign 20-year treaty", datetime(2025, 1, 17, tzinfo=UTC)),
        # An unreadable publication_date falls back on lastmod.
        (2, "Iran's oil exports to China hold steady", datetime(2025, 1, 16, 21, 5, tzinfo=UTC)),
    ],
)
def test_news_fields_are_read(index: int, title: str, published: datetime) -> None:
    candidate = parse_sitemap(NEWS_SITEMAP, source=SOURCE).candidates[index]
    assert (candidate.title, candidate.published, candidate.language) == (title, published, "en")
    assert candidate.extra["outlet"] == "TASS"


def test_keywords_are_kept() -> None:
    first = parse_sitemap(NEWS_SITEMAP, source=SOURCE).candidates[0]
    assert first.extra["keywords"] == "Gazprom, Iran, gas, Azerbaijan"


def test_sitemap_index_lists_child_sitemaps() -> None:
    page = parse_sitemap((FEEDS / "sitemap_index.xml").read_bytes(), source=SOURCE)
    assert page.candidates == []
    assert page.child_sitemaps == [
        "https://tass.com/sitemap/news-1.xml",
        "https://tass.com/sitemap/news-2.xml.gz",
    ]


def test_aliases_apply_to_sitemap_urls() -> None:
    content = NEWS_SITEMAP.replace(b"https://tass.com/", b"http://127.0.0.1:54321/")
    page = parse_sitemap(
        content, source=SOURCE, aliases={"http://127.0.0.1:54321": "https://demo.invalid"}
    )
    first = page.candidates[0]
    assert (first.url, first.fetch_url) == (
        "https://demo.invalid/economy/1890001",
        "http://127.0.0.1:54321/economy/1890001",
    )


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    content = (
        f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        "<loc>https://tass.com/a</loc><news:news><news:title>&x;</news:title></news:news>"
        "</url></urlset>"
    ).encode()
    [candidate] = parse_sitemap(content, source=SOURCE).candidates
    assert "TOP-SECRET" not in candidate.title


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (NEWS_SITEMAP[:300], "not well-formed XML"),
        ((FEEDS / "rss20_tass_en.xml").read_bytes(), "has a <rss> root"),
        (b"\x1f\x8b\x08\x00garbage", "corrupt"),
    ],
)
def test_unreadable_sitemaps_raise(content: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=message) as caught:
        parse_sitemap(content, source=SOURCE)
    assert caught.value.source_id == "tass-sitemap"


def test_gzip_bombs_are_refused() -> None:
    bomb = gzip.compress(b"<" + b" " * (MAX_INFLATED_BYTES + 10))
    with pytest.raises(FeedParseError, match="inflates past"):
        parse_sitemap(bomb, source=SOURCE)
