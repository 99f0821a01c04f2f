"""extractors.article.page_metadata: trafilatura's metadata without the fields no row keeps.

It follows trafilatura's own ``extract_metadata`` step for step; these tests compare the two
on every page of the demo corpus and on pages that take the rarer branches, so that a change
inside trafilatura shows here rather than as a silently different article row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from extractors.article import extract_article, page_metadata
from flows.demo import CORPUS_DIR
from flows.demo.synthetic import page_html

BASE = "http://127.0.0.1:8000"
FIELDS = ("title", "author", "date", "sitename", "hostname", "description", "url")
PAGES = sorted(CORPUS_DIR.rglob("*.html"))

BODY = "<p>" + "The two ministries met again to discuss fuel swaps and payment channels. " * 4
JSON_LD = f"""<html><head><title>Fuel swap talks resume | energy desk</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Fuel swap talks resume", "datePublished": "2023-05-04",
"author": {{"@type": "Person", "name": "Mina Karimi"}},
"publisher": {{"@type": "Organization", "name": "energy desk"}}}}</script>
</head><body><article>{BODY}</p></article></body></html>"""
HANDLE = f"""<html><head><meta name="author" content="deskbot">
<meta name="twitter:site" content="@gulfwire"><meta property="og:title" content="Swap talks">
</head><body><article><p class="byline">By Omid Rahimi</p>{BODY}</p></article></body></html>"""
CANONICAL_ONLY = f"""<html><head><link rel="canonical" href="https://news.example.ir/a/77">
</head><body><article>{BODY}</p></article></body></html>"""


def _page(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace").replace("{base}", BASE)


def _trafilatura(html: str, url: str | None) -> dict[str, object]:
    found = extract_metadata(load_html(html), url, set_date_params(True))
    return {field: getattr(found, field) for field in FIELDS}


def _ours(html: str, url: str | None) -> dict[str, object]:
    found = page_metadata(load_html(html), url)
    return {field: getattr(found, field) for field in FIELDS}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(CORPUS_DIR)))
@pytest.mark.parametrize("url", [None, f"{BASE}/some/page.html"])
def test_demo_pages_get_trafilaturas_metadata(path: Path, url: str | None) -> None:
    html = _page(path)
    assert _ours(html, url) == _trafilatura(html, url)


@pytest.mark.parametrize(
    "html",
    [JSON_LD, HANDLE, CANONICAL_ONLY, page_html(3, base=BASE), page_html(4, base=BASE)],
    ids=["json-ld", "handle", "canonical-only", "synthetic-3", "synthetic-4"],
)
def test_rarer_branches_get_trafilaturas_metadata(html: str) -> None:
    """JSON-LD, a one-word author meta (a handle, dropped), a Twitter site name, a
    canonical link as the only URL, and the benchmark's generated pages."""
    assert _ours(html, None) == _trafilatura(html, None)


def test_an_article_row_keeps_the_metadata_and_the_text_is_untouched() -> None:
    article = extract_article(JSON_LD, url="https://desk.example.org/fuel")
    assert (article.title, article.author, article.published.isoformat()) == (
        "Fuel swap talks resume",
        "Mina Karimi",
        "2023-05-04",
    )
    assert article.text.startswith("The two ministries met again")


def test_the_tree_is_read_not_changed_beyond_what_trafilatura_does() -> None:
    """Metadata runs on the tree the text is then extracted from, as in trafilatura."""
    ours, theirs = load_html(HANDLE), load_html(HANDLE)
    page_metadata(ours, None)
    extract_metadata(theirs, None, set_date_params(True))
    assert [el.tag for el in ours.iter()] == [el.tag for el in theirs.iter()]
