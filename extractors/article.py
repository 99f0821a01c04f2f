"""HTML page → article text and metadata, with trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from unicodedata import normalize

import trafilatura
from courlan import extract_domain
from htmldate import find_date
from lxml import html as lxml_html
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params
from trafilatura.utils import load_html

from extractors.exceptions import NotAnArticle, UnreadableInput
from extractors.language import guess_language
from extractors.normalise import ZWNJ

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 80
"""Less text than this is a stub, a paywall or an index page, not an article."""
FAST = True
"""trafilatura without its fallback extractors (readability, jusText): on the 181 real news
pages of the article-extraction benchmark it is 23 % faster and as accurate (mean token F1
against their ground truth 0.961 against 0.959; 176 texts identical, of the 5 others 3
better and 2 worse); see benchmarks/bench_article_modes.py."""
ZWNJ_STAND_IN = "\u2e3f"
"""Printable stand-in for the zero-width non-joiner while trafilatura works: it drops every
non-printable character, and Persian spells words with ZWNJ ("سرمایه‌گذاری")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """What trafilatura found in one page."""

    title: str | None
    text: str
    author: str | None
    published: date | None
    site_name: str | None
    language: str | None
    description: str | None


def _declared_language(root: lxml_html.HtmlElement) -> str | None:
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        return str(lang)
    locale = root.xpath("//meta[@property='og:locale']/@content")
    return str(locale[0]) if locale else None


def _shield_zwnj(root: lxml_html.HtmlElement) -> bool:
    """Put the stand-in for every ZWNJ in the page's text; False when the page already
    holds the stand-in (then ZWNJ is left to be dropped rather than invented)."""
    texts = [t for node in root.iter() for t in (node.text, node.tail) if t]
    if not any(ZWNJ in t for t in texts) or any(ZWNJ_STAND_IN in t for t in texts):
        return False
    for node in root.iter():
        if node.text and ZWNJ in node.text:
            node.text = node.text.replace(ZWNJ, ZWNJ_STAND_IN)
        if node.tail and ZWNJ in node.tail:
            node.tail = node.tail.replace(ZWNJ, ZWNJ_STAND_IN)
    return True


def page_metadata(root: lxml_html.HtmlElement, url: str | None) -> Document:
    """The metadata trafilatura's ``extract_metadata`` gives, step for step, without the
    steps whose fields no article row keeps: categories, tags and licence (~40 % of its
    time on real news pages: each walks the tree with its own XPath expressions).

    Runs on the tree the text is then extracted from, as in ``bare_extraction``
    (htmldate may prune it). tests/test_article.py checks that the fields agree with
    ``extract_metadata`` on the demo corpus, so that a change in trafilatura shows.
    """
    metadata = examine_meta(root)
    if metadata.author and " " not in metadata.author:
        metadata.author = None  # a single word is a handle, not a name (as trafilatura does)
    try:
        metadata = extract_meta_json(root, metadata)
    except Exception as exc:  # trafilatura guards its JSON-LD reader the same way
        logger.warning("%s: unreadable JSON-LD metadata: %s", url or "input", exc)
    metadata.title = metadata.title or extract_title(root)
    metadata.author = metadata.author or extract_author(root)
    metadata.url = metadata.url or extract_url(root, url)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    dates = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    metadata.date = find_date(root, **{**dates, "url": metadata.url})
    metadata.sitename = metadata.sitename or extract_sitename(root)
    if metadata.sitename:
        name = metadata.sitename.lstrip("@")  # a Twitter handle
        lower_first = bool(name) and "." not in name and not name[0].isupper()
        metadata.sitename = name.title() if lower_first else name
    elif metadata.url and (from_url := META_URL.match(metadata.url)):
        metadata.sitename = from_url[1]
    metadata.filedate = dates["max_date"]
    metadata.clean_and_trim()
    return metadata


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_article(
    html: str, *, url: str | None = None, language_hint: str | None = None
) -> Article:
    """Extract the article in ``html``.

    Args:
        html: the decoded page.
        url: where it came from (helps trafilatura with relative metadata).
        language_hint: the feed entry's or the source's language, weighed with the page's own
            evidence (it decides only for a text too short to tell).

    Returns:
        The article's text and metadata.

    Raises:
        UnreadableInput: the page is empty or binary.
        NotAnArticle: trafilatura finds no article text in it.
    """
    if not html.strip() or "\x00" in html[:2048]:
        raise UnreadableInput(f"{url or 'input'}: empty or binary page, nothing to extract")
    # One parse serves both: the declared language is read first, since trafilatura prunes
    # the tree it is given.
    root = load_html(html)
    if root is None:
        raise NotAnArticle(f"{url or 'input'}: not an HTML document")
    declared = _declared_language(root)
    shielded = _shield_zwnj(root)
    metadata = page_metadata(root, url)
    document = trafilatura.bare_extraction(
        root,
        url=url or metadata.url,
        fast=FAST,
        include_comments=False,
        include_tables=True,
        # No deduplicate: its cache lives for the whole process, so a page's text would
        # depend on which pages the same worker had read before.
    )
    if not isinstance(document, Document):
        raise NotAnArticle(f"{url or 'input'}: trafilatura found no article text in the page")

    def cleaned(value: str | None) -> str | None:
        """As trafilatura's own output gives it: NFC, and ZWNJ put back."""
        if not value:
            return None
        value = normalize("NFC", value)
        return value.replace(ZWNJ_STAND_IN, ZWNJ) if shielded else value

    text = (cleaned(document.text) or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        raise NotAnArticle(
            f"{url or 'input'}: only {len(text)} characters of text (under {MIN_TEXT_CHARS}); "
            "an index page, a stub or a paywall"
        )
    return Article(
        title=cleaned(metadata.title),
        text=text,
        author=cleaned(metadata.author),
        published=_parse_date(metadata.date),
        site_name=cleaned(metadata.sitename) or cleaned(metadata.hostname),
        language=guess_language(text, declared, language_hint),
        description=cleaned(metadata.description),
    )
