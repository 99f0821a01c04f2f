"""extract_document: text or HTML, str or bytes → exactly the contract of DESIGN.md."""

from __future__ import annotations

import json

import pytest

from extractors.document import extract_document
from extractors.topics import parse_topics

TEXT = (
    "Russia to invest in Iran's oil fields\n\n"
    "Ali Akbar Velayati said on Friday that a Russian oil company had signed a $4 billion "
    "contract with Iran's oil ministry. Kremlin spokesman Dmitry Peskov said he could not "
    "confirm Velayati's claims.\n"
)
HTML = (
    "<html lang='en'><head><title>Russia to invest in Iran's oil fields</title>"
    "<meta property='article:published_time' content='2018-07-16'></head><body>"
    "<nav>Home | World | 728 x 90</nav><article><h1>Russia to invest in Iran's oil fields</h1>"
    + "".join(f"<p>{p}</p>" for p in TEXT.split("\n")[2:] if p)
    + "<p>The adviser met President Vladimir Putin in Moscow and discussed energy at length.</p>"
    "</article><footer>Contact us</footer></body></html>"
)
CONTRACT_KEYS = {
    "language",
    "title",
    "published",
    "relevant",
    "topics",
    "claims",
    "kremlin_statements",
    "other_figures",
}
CLAIM_KEYS = {
    "text",
    "value",
    "unit",
    "value_usd",
    "qualifier",
    "kind",
    "claimant",
    "attributed_to",
    "parties",
    "period",
    "sentence",
    "start",
    "end",
}


def test_plain_text_contract() -> None:
    result = extract_document(TEXT)
    assert set(result) == CONTRACT_KEYS
    (claim,) = result["claims"]
    assert set(claim) >= CLAIM_KEYS
    assert TEXT[claim["start"] : claim["end"]] == "$4 billion"
    assert (result["title"], result["relevant"], result["topics"]) == (
        "Russia to invest in Iran's oil fields",
        True,
        [],
    )
    assert result["kremlin_statements"][0]["stance"] == "cannot_confirm"
    json.dumps(result)


def test_html_is_detected_and_extracted() -> None:
    result = extract_document(HTML.encode("utf-8"), url="https://example.org/a")
    assert result["title"] == "Russia to invest in Iran's oil fields"
    assert [c["value"] for c in result["claims"]] == [4000000000]


def test_topics_decide_relevance() -> None:
    topics = parse_topics(
        {
            "keywords": {"iran": {"en": ["Iran*"]}, "russia": {"en": ["Russia*", "Kremlin"]}},
            "topics": [
                {
                    "id": "iran-russia",
                    "title": "t",
                    "relevant_if": [["iran", "russia"]],
                    "prefilter_if": [["iran", "russia"]],
                }
            ],
        }
    )
    result = extract_document(TEXT, topics=topics)
    assert (result["relevant"], result["topics"]) == (True, ["iran-russia"])


def test_bytes_in_a_declared_charset() -> None:
    raw = TEXT.replace("Iran's", "Iran’s").encode("cp1252")
    assert extract_document(raw, is_html=False)["claims"][0]["value"] == 4000000000


@pytest.mark.parametrize("raw", ["", "   \n  "])
def test_empty_text_gives_empty_lists(raw: str) -> None:
    result = extract_document(raw)
    assert (result["claims"], result["kremlin_statements"], result["relevant"]) == ([], [], False)


def test_persian_zero_width_non_joiners_survive_trafilatura() -> None:
    from extractors.article import ZWNJ_STAND_IN, extract_article
    from extractors.normalise import ZWNJ

    sentence = "شرکت‌های روسی برای سرمایه‌گذاری در میدان‌های نفتی ایران آماده‌اند."
    others = [
        "وزیر نفت گفت گفت‌وگوها درباره قراردادهای تازه ادامه دارد.",
        "هیئت روسی هفته آینده به تهران می‌آید.",
        "کارشناسان می‌گویند تحریم‌ها راه سرمایه‌گذاری خارجی را بسته‌اند.",
    ]
    page = (
        '<html lang="fa"><head><title>سرمایه&zwnj;گذاری روسیه</title></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in (sentence, *others))
        + "</article></body></html>"
    )
    article = extract_article(page)
    assert sentence in article.text and ZWNJ in (article.title or "")
    # A page that already holds the stand-in keeps it, and loses its ZWNJ as trafilatura would.
    odd = page.replace("</article>", f"<p>{ZWNJ_STAND_IN} {sentence}</p></article>")
    text = extract_article(odd).text
    assert ZWNJ_STAND_IN in text and ZWNJ not in text


def test_a_page_reads_the_same_however_often_the_process_has_seen_it() -> None:
    """Extraction keeps no memory between pages: a worker that has read a page (or pages
    sharing its paragraphs) several times still gets the same text, so its hash holds."""
    from extractors.article import extract_article

    texts = {extract_article(HTML, url="https://example.org/a").text for _ in range(6)}
    assert len(texts) == 1
