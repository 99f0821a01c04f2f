"""RSS 2.0, RSS 1.0/RDF and Atom fixtures -> Candidates, and the feeds that must be refused."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sources.exceptions import FeedParseError
from sources.feeds import parse_feed
from sources.models import Candidate, Source

FEEDS = Path(__file__).parent / "data" / "feeds"
SOURCE = Source(
    id="test-feed",
    name="Test feed",
    kind="feed",
    url="https://example.org/feed",
    language="en",
    leaning="independent",
)
GOOGLE_NEWS_URL = (
    "https://news.google.com/rss/search?q=Iran+Russia+oil+gas+deal&hl=en-US&gl=US&ceid=US:en"
)


def _parse(name: str, base_url: str = "https://tass.com/rss/v2.xml") -> list[Candidate]:
    return parse_feed((FEEDS / name).read_bytes(), source=SOURCE, base_url=base_url)


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("rss20_kremlin_en.xml", 3),
        ("rss20_tass_en.xml", 3),
        ("rss20_windows1251.xml", 2),
        ("google_news_en.xml", 3),
        ("google_news_fa.xml", 3),
        ("atom_xml_base.xml", 3),
        ("rdf_rss10.xml", 2),
        ("empty_channel.xml", 0),
    ],
)
def test_every_linked_entry_becomes_a_candidate(name: str, count: int) -> None:
    candidates = _parse(name)
    assert len(candidates) == count
    assert all(c.source_id == "test-feed" for c in candidates)


@pytest.mark.parametrize(
    ("name", "index", "published"),
    [
        ("rss20_kremlin_en.xml", 0, datetime(2025, 1, 17, 12, 40, tzinfo=UTC)),
        ("rss20_tass_en.xml", 0, datetime(2025, 1, 17, 14, 12, tzinfo=UTC)),
        ("atom_xml_base.xml", 0, datetime(2025, 1, 16, 4, 45, tzinfo=UTC)),
        ("atom_xml_base.xml", 1, datetime(2025, 1, 17, 12, 0, tzinfo=UTC)),
        ("rdf_rss10.xml", 0, datetime(2022, 7, 19, 14, 0, tzinfo=UTC)),
        ("rdf_rss10.xml", 1, datetime(2022, 7, 18, tzinfo=UTC)),
        ("google_news_en.xml", 1, datetime(2022, 7, 19, 16, 45, tzinfo=UTC)),
        ("rss20_windows1251.xml", 0, datetime(2025, 1, 17, 15, 45, tzinfo=UTC)),
    ],
)
def test_published_is_aware_utc(name: str, index: int, published: datetime) -> None:
    assert _parse(name)[index].published == published


@pytest.mark.parametrize(
    ("name", "index", "url", "fetch_url"),
    [
        # Atom: xml:base on the feed, then on the entry, resolves relative links.
        (
            "atom_xml_base.xml",
            0,
            "https://energy-wire.example.org/eurasia/2025/01/zarubezhneft-aban-west-paydar",
            "https://energy-wire.example.org/eurasia/2025/01/zarubezhneft-aban-west-paydar",
        ),
        (
            "atom_xml_base.xml",
            1,
            "https://energy-wire.example.org/eurasia/2025/01/gas-via-azerbaijan",
            "https://energy-wire.example.org/eurasia/2025/01/gas-via-azerbaijan"
            "?utm_source=atom&utm_medium=feed",
        ),
        # RSS 2.0: a root-relative link resolves against the URL the feed came from.
        (
            "rss20_tass_en.xml",
            2,
            "https://tass.com/sports/1890222",
            "https://tass.com/sports/1890222",
        ),
        (
            "rss20_kremlin_en.xml",
            2,
            "http://en.kremlin.ru/events/president/letters/76080",
            "http://en.kremlin.ru/events/president/letters/76080",
        ),
        (
            "rdf_rss10.xml",
            0,
            "https://caspian-desk.example.net/news/2022/07/19/gazprom-nioc-memorandum",
            "https://caspian-desk.example.net/news/2022/07/19/gazprom-nioc-memorandum"
            "?mc_cid=8a1b2c&mc_eid=77de",
        ),
    ],
)
def test_links_are_resolved_and_canonicalised(
    name: str, index: int, url: str, fetch_url: str
) -> None:
    candidate = _parse(name)[index]
    assert (candidate.url, candidate.fetch_url) == (url, fetch_url)


def test_same_article_in_two_feeds_has_one_identity() -> None:
    from_tass = _parse("rss20_tass_en.xml")[0]
    relayed = _parse("atom_xml_base.xml")[2]
    assert from_tass.fetch_url != relayed.fetch_url
    assert from_tass.url == relayed.url == "https://tass.com/economy/1890001"


def test_entries_without_link_are_skipped() -> None:
    titles = [c.title for c in _parse("rss20_kremlin_en.xml")]
    assert "An item without a link is skipped" not in titles


@pytest.mark.parametrize(
    ("name", "index", "title", "summary_start"),
    [
        (
            "rss20_kremlin_en.xml",
            0,
            "Russian-Iranian talks",
            "Vladimir Putin and Masoud Pezeshkian, President",
        ),
        (
            "rss20_tass_en.xml",
            0,
            "Gazprom and Iran agree on first gas volumes via Azerbaijan",
            "Russia\u2019s gas exports to Iran are to start at 2 bcm a year and could grow to "
            "55 bcm, the Russian side said after the Moscow talks.",
        ),
        (
            "atom_xml_base.xml",
            0,
            "Zarubezhneft\u2019s Aban and West Paydar fields: output update",
            "The Russian state company began work on the two Iranian fields under a 2018 "
            "contract worth about $742 million.",
        ),
        (
            "rss20_windows1251.xml",
            0,
            "«Газпром» и Иран договорились о первых объемах поставок газа",
            "Поставки через Азербайджан",
        ),
    ],
)
def test_titles_and_summaries_are_plain_text(
    name: str, index: int, title: str, summary_start: str
) -> None:
    candidate = _parse(name)[index]
    assert candidate.title == title
    assert candidate.summary.startswith(summary_start)
    assert "<" not in candidate.summary


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("rss20_windows1251.xml", "ru"),
        ("google_news_en.xml", "en"),
        ("google_news_fa.xml", "fa"),
        ("rdf_rss10.xml", "en"),
    ],
)
def test_language_comes_from_the_feed(name: str, language: str) -> None:
    assert {c.language for c in _parse(name)} == {language}


@pytest.mark.parametrize(
    ("index", "title", "outlet", "outlet_url"),
    [
        (
            0,
            "Iran and Russia sign 20-year partnership treaty with energy chapter",
            "Reuters",
            "https://www.reuters.com",
        ),
        (
            1,
            "Gazprom, NIOC memorandum worth $40 billion: what was actually signed",
            "Tehran Times",
            "https://www.tehrantimes.com",
        ),
        # A dash inside the headline stays; only the " - Outlet" suffix goes.
        (
            2,
            "Analysis - Russia's oil-for-goods offer to Iran - a deal on paper",
            "Iran International",
            "https://www.iranintl.com",
        ),
    ],
)
def test_google_news_outlet_is_split_from_the_title(
    index: int, title: str, outlet: str, outlet_url: str
) -> None:
    candidate = _parse("google_news_en.xml", GOOGLE_NEWS_URL)[index]
    assert candidate.title == title
    assert candidate.extra == {"outlet": outlet, "outlet_url": outlet_url}


def test_persian_google_news_outlet_is_split_from_the_title() -> None:
    url = "https://news.google.com/rss/search?q=%D9%86%D9%81%D8%AA&hl=fa&gl=IR&ceid=IR:fa"
    candidates = _parse("google_news_fa.xml", url)
    # A Persian outlet name with a ZWNJ, and a headline that has its own " - ".
    assert candidates[1].title == "پسکوف: از سرمایه‌گذاری ۵۰ میلیارد دلاری اطلاعی نداریم"
    assert candidates[1].extra == {"outlet": "بی‌بی‌سی فارسی", "outlet_url": "https://www.bbc.com"}
    assert candidates[2].title == "گاز روسیه از مسیر آذربایجان به ایران می‌رسد؟ - تحلیل"
    assert candidates[2].extra["outlet"] == "ایران اینترنشنال"


def test_google_news_link_is_kept_as_fetch_url_and_identity() -> None:
    candidate = _parse("google_news_en.xml", GOOGLE_NEWS_URL)[1]
    assert candidate.fetch_url.startswith("https://news.google.com/rss/articles/CBMikwF")
    # The reader's edition (hl, gl, ceid, oc) is not part of the article's identity.
    assert candidate.url == (
        "https://news.google.com/rss/articles/CBMikwFBVV95cUxQR2F6cHJvbU5JT0NNZW1vcmFuZHVtMjAyMg"
    )


def test_aliases_give_a_local_mirror_a_stable_identity() -> None:
    content = (FEEDS / "rss20_tass_en.xml").read_bytes()
    candidates = parse_feed(
        content,
        source=SOURCE,
        base_url="http://127.0.0.1:54321/tass/rss.xml",
        aliases={"http://127.0.0.1:54321": "https://demo.claimwatch.invalid"},
    )
    assert candidates[2].fetch_url == "http://127.0.0.1:54321/sports/1890222"
    assert candidates[2].url == "https://demo.claimwatch.invalid/sports/1890222"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("truncated.xml", "unclosed token"), ("html_page.html", "mismatched tag")],
)
def test_unreadable_documents_raise_with_source_and_reason(name: str, reason: str) -> None:
    url = "https://www.tehrantimes.com/rss"
    with pytest.raises(FeedParseError, match=reason) as caught:
        parse_feed((FEEDS / name).read_bytes(), source=SOURCE, base_url=url)
    assert (caught.value.source_id, caught.value.url) == ("test-feed", url)


@pytest.mark.parametrize("content", [b"", b"just some text", b'{"articles": []}'])
def test_non_feed_bodies_raise(content: bytes) -> None:
    with pytest.raises(FeedParseError, match="not a readable feed"):
        parse_feed(content, source=SOURCE, base_url="https://example.org/feed")


def test_truncated_feed_keeps_entries_read_before_the_break() -> None:
    whole = (FEEDS / "rss20_tass_en.xml").read_bytes()
    cut = whole[: whole.index(b"<item>", whole.index(b"</item>"))] + b"<item><title>Half"
    candidates = parse_feed(cut, source=SOURCE, base_url="https://tass.com/rss/v2.xml")
    assert [c.url for c in candidates][:1] == ["https://tass.com/economy/1890001"]
