"""Small text helpers shared by the discovery parsers."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

_SPACE_RE = re.compile(r"\s+")
# Elements whose end separates words: "<p>one</p><p>two</p>" is "one two", not "onetwo".
_BLOCK_TAGS = frozenset(
    {
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
    }
)
_SKIPPED_TAGS = frozenset({"script", "style"})


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed."""
    if not fragment:
        return ""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return _SPACE_RE.sub(" ", "".join(collector.parts)).strip()


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime; a naive value is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def language_code(value: str | None) -> str | None:
    """'en-US' -> 'en', 'ru' -> 'ru'; None or '' -> None."""
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return code or None
