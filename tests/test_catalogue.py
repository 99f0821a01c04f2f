"""The real catalogue parses; bad entries are refused with where and how; polling backs off."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from sources.catalogue import is_due, parse_sources, poll_interval
from sources.discovery import parse_source_document, source_request_url
from sources.exceptions import CatalogueError, FeedParseError
from sources.models import Source

CATALOGUE = Path(__file__).parent.parent / "claimwatch.toml"
FEEDS = Path(__file__).parent / "data" / "feeds"
NOW = datetime(2025, 1, 17, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def catalogue() -> dict[str, Any]:
    with CATALOGUE.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def sources(catalogue: dict[str, Any]) -> dict[str, Source]:
    return {s.id: s for s in parse_sources(catalogue)}


@pytest.mark.parametrize(
    ("source_id", "url", "leaning"),
    [
        ("kremlin-en", "http://en.kremlin.ru/events/all/feed", "russia_state"),
        ("kremlin-ru", "http://kremlin.ru/events/all/feed", "russia_state"),
        ("tass-en", "https://tass.com/rss/v2.xml", "russia_state"),
        ("tass-ru", "https://tass.ru/rss/v2.xml", "russia_state"),
        ("tehran-times", "https://www.tehrantimes.com/rss", "iran_state"),
        ("irna-en", "https://en.irna.ir/rss", "iran_state"),
        ("ria-ru", "https://ria.ru/export/rss2/archive/index.xml", "russia_state"),
        ("interfax-ru", "https://www.interfax.ru/rss.asp", "russia_private"),
        ("kommersant-ru", "https://www.kommersant.ru/RSS/news.xml", "russia_private"),
        ("irna-fa", "https://www.irna.ir/rss", "iran_state"),
        ("isna-fa", "https://www.isna.ir/rss", "iran_semi_official"),
        ("shana-fa", "https://www.shana.ir/rss", "iran_state"),
        ("bbc-persian", "https://feeds.bbci.co.uk/persian/rss.xml", "western"),
    ],
)
def test_required_outlets_are_in_the_catalogue(
    sources: dict[str, Source], source_id: str, url: str, leaning: str
) -> None:
    assert (sources[source_id].url, sources[source_id].leaning) == (url, leaning)


@pytest.mark.parametrize("source_id", ["radio-farda", "iranintl-en", "iranintl-fa"])
def test_opposition_and_exile_outlets_are_present(
    sources: dict[str, Source], source_id: str
) -> None:
    assert sources[source_id].kind == "feed"


@pytest.mark.parametrize("topic", ["velayati-moscow-2018", "iran-russia-oil-deals"])
@pytest.mark.parametrize(("kind", "languages"), [("feed", {"en", "ru", "fa"}), ("gdelt", {"en"})])
def test_every_topic_has_searches(
    sources: dict[str, Source], topic: str, kind: str, languages: set[str]
) -> None:
    searching = [s for s in sources.values() if topic in s.topics and s.kind == kind]
    assert languages <= {s.language for s in searching}


def test_google_news_searches_use_each_languages_edition(sources: dict[str, Source]) -> None:
    editions = set()
    for source in sources.values():
        if source.url.startswith("https://news.google.com/rss/search"):
            query = parse_qs(urlsplit(source.url).query)
            country, language = query["ceid"][0].split(":")
            assert query["gl"] == [country] and query["hl"][0].split("-")[0] == language
            assert language == source.language
            editions.add(f"{country}:{language}")
    assert editions == {"US:en", "RU:ru", "IR:fa"}


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_each_language_has_state_and_other_voices(
    sources: dict[str, Source], language: str
) -> None:
    leanings = {s.leaning for s in sources.values() if s.language == language}
    country = {"ru": "russia", "fa": "iran"}[language]
    assert f"{country}_state" in leanings
    assert len(leanings - {"aggregator"}) >= 3


def test_there_is_a_news_sitemap(sources: dict[str, Source]) -> None:
    assert any(s.kind == "sitemap" for s in sources.values())


def test_gdelt_request_url_is_built_from_the_query(sources: dict[str, Source]) -> None:
    source = sources["gdelt-deals-ru"]
    params = parse_qs(urlsplit(source_request_url(source)).query)
    assert params["query"] == [f"{source.query} sourcelang:russian"]
    assert (params["mode"], params["format"]) == (["ArtList"], ["json"])
    assert params["timespan"] == [f"{3 * source.poll_minutes}min"]


def test_feed_request_url_is_the_feed_url(sources: dict[str, Source]) -> None:
    assert source_request_url(sources["tass-en"]) == "https://tass.com/rss/v2.xml"


@pytest.mark.parametrize(
    ("source_id", "fixture", "count"),
    [
        ("tass-en", "rss20_tass_en.xml", 3),
        ("gdelt-deals-en", "gdelt_artlist.json", 3),
        ("tass-en-news-sitemap", "news_sitemap.xml", 3),
    ],
)
def test_documents_are_parsed_by_source_kind(
    sources: dict[str, Source], source_id: str, fixture: str, count: int
) -> None:
    source = sources[source_id]
    candidates = parse_source_document(
        source, (FEEDS / fixture).read_bytes(), base_url=source_request_url(source)
    )
    assert len(candidates) == count
    assert {c.source_id for c in candidates} == {source_id}


def test_a_sitemap_index_in_the_catalogue_is_reported(sources: dict[str, Source]) -> None:
    source = sources["tass-en-news-sitemap"]
    with pytest.raises(FeedParseError, match="sitemap index listing 2 sitemaps"):
        parse_source_document(
            source, (FEEDS / "sitemap_index.xml").read_bytes(), base_url=source.url
        )


VALID = {
    "id": "tass-en",
    "name": "TASS",
    "kind": "feed",
    "url": "https://tass.com/rss/v2.xml",
    "language": "en",
    "leaning": "russia_state",
    "poll_minutes": 15,
}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"kind": "rss"}, "kind", "use one of"),
        ({"leaning": "pro-kremlin"}, "leaning", "use one of"),
        ({"url": "tass.com/rss"}, "url", "absolute http"),
        ({"url": "ftp://tass.com/rss"}, "url", "absolute http"),
        ({"poll_minutes": 0}, "poll_minutes", ">= 1"),
        ({"poll_minutes": "15"}, "poll_minutes", ">= 1"),
        ({"language": "English"}, "language", "ISO 639-1"),
        ({"id": "TASS EN"}, "id", "lowercase"),
        ({"name": ""}, "name", "outlet's name"),
        ({"local": "yes"}, "local", "local = true"),
        ({"topics": "iran"}, "topics", "topics = "),
        ({"query": "Iran"}, "query", "only for kind = gdelt"),
        ({"kind": "gdelt"}, "query", "GDELT DOC 2.0"),
        ({"colour": "red"}, "colour", "not a known key"),
    ],
)
def test_invalid_entries_name_entry_field_and_fix(
    change: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(CatalogueError, match=message) as caught:
        parse_sources({"sources": [VALID | change]})
    assert (caught.value.field, caught.value.entry.startswith("#1")) == (field, True)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(CatalogueError, match="used twice") as caught:
        parse_sources({"sources": [VALID, VALID | {"url": "https://tass.com/other"}]})
    assert caught.value.entry == "#2 (tass-en)"


def test_source_topics_must_exist() -> None:
    data = {"topics": [{"id": "iran-russia-oil-deals"}], "sources": [VALID | {"topics": ["x"]}]}
    with pytest.raises(CatalogueError, match="unknown topics"):
        parse_sources(data)


def test_gdelt_url_defaults_to_the_public_api() -> None:
    entry = VALID | {"id": "g", "kind": "gdelt", "query": "Iran Russia gas", "url": ""}
    [source] = parse_sources({"sources": [entry]})
    assert source.url == "https://api.gdeltproject.org/api/v2/doc/doc"


SOURCE_30 = Source(
    id="s",
    name="s",
    kind="feed",
    url="https://x.org/f",
    language="en",
    leaning="western",
    poll_minutes=30,
)


@pytest.mark.parametrize(
    ("minutes_ago", "failures", "due"),
    [
        (None, 0, True),
        (None, 9, True),
        (29, 0, False),
        (30, 0, True),
        (59, 1, False),
        (60, 1, True),
        (119, 2, False),
        (120, 2, True),
        (959, 5, False),
        (960, 5, True),
        # 30 min * 2**6 = 32 h, capped at 24 h; more failures do not grow it further.
        (24 * 60 - 1, 6, False),
        (24 * 60, 6, True),
        (24 * 60, 40, True),
    ],
)
def test_is_due_backs_off_exponentially(minutes_ago: int | None, failures: int, due: bool) -> None:
    last = None if minutes_ago is None else NOW - timedelta(minutes=minutes_ago)
    assert is_due(SOURCE_30, last_polled=last, consecutive_failures=failures, now=NOW) is due


@pytest.mark.parametrize(("failures", "hours"), [(0, 0.5), (3, 4), (6, 24), (100, 24), (-1, 0.5)])
def test_poll_interval(failures: int, hours: float) -> None:
    assert poll_interval(SOURCE_30, failures) == timedelta(hours=hours)


def test_naive_times_are_taken_as_utc() -> None:
    naive_now = NOW.replace(tzinfo=None)
    assert is_due(
        SOURCE_30, last_polled=NOW - timedelta(minutes=31), consecutive_failures=0, now=naive_now
    )
