"""GDELT DOC 2.0 ArtList answers -> Candidates; its plain-text errors -> FeedParseError."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from sources.exceptions import FeedParseError
from sources.gdelt import gdelt_query_url, parse_gdelt
from sources.models import Source

FEEDS = Path(__file__).parent / "data" / "feeds"
SOURCE = Source(
    id="gdelt-test",
    name="GDELT test",
    kind="gdelt",
    url="https://api.gdeltproject.org/api/v2/doc/doc",
    query="(Gazprom OR NIOC) Iran Russia",
    language="en",
    leaning="aggregator",
)


def _articles() -> list:
    return parse_gdelt((FEEDS / "gdelt_artlist.json").read_bytes(), source=SOURCE)


def test_query_url_asks_for_a_json_article_list() -> None:
    url = gdelt_query_url(
        "(Gazprom OR NIOC) Iran Russia", timespan="6h", max_records=100, source_lang="russian"
    )
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://api.gdeltproject.org/api/v2/doc/doc"
    )
    assert parse_qs(parts.query) == {
        "query": ["(Gazprom OR NIOC) Iran Russia sourcelang:russian"],
        "mode": ["ArtList"],
        "format": ["json"],
        "maxrecords": ["100"],
        "timespan": ["6h"],
        "sort": ["DateDesc"],
    }


@pytest.mark.parametrize("max_records", [0, 251])
def test_query_url_refuses_record_counts_gdelt_refuses(max_records: int) -> None:
    with pytest.raises(ValueError, match="max_records"):
        gdelt_query_url("Iran Russia gas", max_records=max_records)


def test_articles_with_a_url_become_candidates() -> None:
    assert [c.url for c in _articles()] == [
        "https://www.tehrantimes.com/news/508321/Iran-Russia-gas-deal-volumes-set",
        "https://ria.ru/20250117/iran-1994512345.html",
        "https://www.radiofarda.com/a/iran-russia-gas/33281234.html",
    ]


@pytest.mark.parametrize(
    ("index", "language", "published"),
    [
        (0, "en", datetime(2025, 1, 17, 9, 30, tzinfo=UTC)),
        (1, "ru", datetime(2025, 1, 17, 12, 15, tzinfo=UTC)),
        (2, "fa", datetime(2025, 1, 16, 20, 15, tzinfo=UTC)),
    ],
)
def test_seendate_and_language_name_are_decoded(
    index: int, language: str, published: datetime
) -> None:
    candidate = _articles()[index]
    assert (candidate.language, candidate.published) == (language, published)


def test_title_whitespace_and_metadata() -> None:
    first = _articles()[0]
    assert first.title == "Iran , Russia gas deal : first volumes set for 2025"
    assert first.fetch_url.endswith("?utm_source=gdelt")
    assert first.extra == {
        "domain": "tehrantimes.com",
        "source_country": "Iran",
        "image": "https://media.tehrantimes.com/d/t/2025/01/17/4/5123456.jpg",
    }


def test_no_results_is_an_empty_list() -> None:
    assert parse_gdelt((FEEDS / "gdelt_empty.json").read_bytes(), source=SOURCE) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("gdelt_rate_limited.txt", "one every 5 seconds"),
        ("gdelt_phrase_too_short.txt", "phrase is too short"),
    ],
)
def test_plain_text_errors_raise_with_gdelts_message(name: str, message: str) -> None:
    with pytest.raises(FeedParseError, match=message) as caught:
        parse_gdelt((FEEDS / name).read_bytes(), source=SOURCE)
    assert caught.value.source_id == "gdelt-test"


@pytest.mark.parametrize("content", [b"[1, 2]", b'{"articles": "none"}', b"<html></html>"])
def test_unexpected_shapes_raise(content: bytes) -> None:
    with pytest.raises(FeedParseError, match="did not return an article list"):
        parse_gdelt(content, source=SOURCE)


def test_raw_control_characters_in_titles_are_tolerated() -> None:
    content = b'{"articles": [{"url": "https://x.org/a", "title": "tab\there", "seendate": "x"}]}'
    [candidate] = parse_gdelt(content, source=SOURCE)
    assert (candidate.title, candidate.published, candidate.language) == ("tab here", None, "en")
