"""The public entry point: one document (HTML or plain text, str or bytes) → the extraction
contract of DESIGN.md as a dict.

Offsets (``start``/``end`` of claims, statements and other figures) index into the
*article text*: for HTML, the text trafilatura extracted (``Article.text``); for plain text,
the input text itself, after decoding.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from extractors.article import extract_article
from extractors.claims import Extraction, extract_claims
from extractors.cues import UnknownLanguage
from extractors.exceptions import UnreadableInput
from extractors.language import guess_language

if TYPE_CHECKING:
    from extractors.topics import Topic

logger = logging.getLogger(__name__)

_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p)[\s>]", re.I)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_SNIFF = 4096
MAX_CONTROL_SHARE = 0.05
"""More control characters than this share of the first bytes: binary, not text."""
TITLE_MAX = 200


def _decode(raw: str | bytes, url: str | None) -> str:
    if isinstance(raw, str):
        text = raw
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            match = _CHARSET.search(raw[:_SNIFF])
            encoding = match.group(1).decode("ascii") if match else "cp1252"
            try:
                text = raw.decode(encoding, errors="replace")
            except LookupError:
                text = raw.decode("cp1252", errors="replace")
    sample = text[:_SNIFF]
    if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise UnreadableInput(
            f"{url or 'input'}: binary data, not text or HTML; pass the article's page or text"
        )
    return text.lstrip("\ufeff")


def _looks_like_html(text: str) -> bool:
    return _HTML.search(text[:_SNIFF].encode("utf-8", errors="ignore")) is not None


def _plain_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip() if len(line.strip()) <= TITLE_MAX else None
    return None


def extract_document(
    raw: str | bytes,
    *,
    url: str | None = None,
    is_html: bool | None = None,
    language: str | None = None,
    topics: Sequence[Topic] = (),
) -> dict[str, Any]:
    """Extract claims and Kremlin statements from one document.

    Args:
        raw: an HTML page or a plain text, as str or bytes (UTF-8, else the declared
            charset, else cp1252).
        url: where it came from (error messages, trafilatura metadata).
        is_html: force HTML or plain-text handling; detected from the markup when None.
        language: force the language; else the page's or the text's own.
        topics: watched topics; when given, ``topics`` lists the ids the article is
            about and ``relevant`` says whether there is any. Without topics,
            ``relevant`` says whether any claim was found.

    Returns:
        The contract dict: language, title, published, relevant, topics, claims,
        kremlin_statements, other_figures. Offsets index into the article text (the
        input itself for plain text; trafilatura's text for HTML). For plain text the
        title is the first line (when short) and published is null.

    Raises:
        UnreadableInput: binary data, or an HTML page with nothing in it.
        NotAnArticle: an HTML page in which trafilatura finds no article.
    """
    text = _decode(raw, url)
    title: str | None
    published: date | None
    if is_html is None:
        is_html = _looks_like_html(text)
    if is_html:
        article = extract_article(text, url=url)
        body, title, published = article.text, article.title, article.published
        lang = language or article.language or "en"
    else:
        body, title, published = text, _plain_title(text), None
        lang = language or guess_language(body) or "en"
    try:
        extraction = extract_claims(body, language=lang, published=published)
    except UnknownLanguage:
        logger.warning("%s: no cue data for language %s; no claims extracted", url, lang)
        extraction = Extraction()
    if topics:
        from extractors.topics import relevance

        topic_ids = relevance(body, title or "", topics, published=published)
        relevant = bool(topic_ids)
    else:
        topic_ids, relevant = [], bool(extraction.claims)
    return {
        "language": lang,
        "title": title,
        "published": published.isoformat() if published else None,
        "relevant": relevant,
        "topics": topic_ids,
        **extraction.to_dict(),
    }
