"""Sniff what a fetched body is: the kind of document, and its character encoding.

Kind: the Content-Type header decides, except that binary signatures (PDF, images, archives)
always lose, and vague types (none, octet-stream, text/plain; text/html for feeds and JSON,
which many CMSs get wrong) are settled by the first bytes.

Encoding: decode without ever failing. Order of trust, as browsers do it (WHATWG "encoding
sniffing"), plus repairs for pages whose declaration is wrong, as Persian and Russian news
sites' often are:

1. a byte-order mark;
2. the declared charset (HTTP header, else ``<meta charset>`` or the XML declaration), kept
   only if the bytes decode under it strictly;
3. a single-byte declaration (windows-1251, latin-1, ...) over bytes that are valid UTF-8 with
   non-ASCII characters: the page is really UTF-8 (valid multi-byte sequences do not occur by
   chance in single-byte text);
4. otherwise: the in-document declaration, UTF-8, then charset_normalizer's best guess, and
   last UTF-8 with replacement characters.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

import charset_normalizer

from sources.exceptions import UnexpectedContentType

Accept = Literal["html", "feed", "json", "xml", "any"]

ACCEPT_HEADERS: dict[Accept, str] = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
    "*/*;q=0.1",
    "json": "application/json,*/*;q=0.1",
    "xml": "application/xml,text/xml;q=0.9,*/*;q=0.1",
    "any": "*/*",
}
_XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml",
                        "application/atom+xml", "application/rdf+xml"})  # fmt: skip
WANTED_TYPES: dict[Accept, frozenset[str]] = {
    "html": frozenset({"text/html", "application/xhtml+xml"}),
    "feed": _XML_TYPES,
    "xml": _XML_TYPES,
    "json": frozenset({"application/json", "text/json"}),
}
# Types servers send when they do not know better: look at the first bytes instead.
_VAGUE = frozenset({"", "application/octet-stream", "binary/octet-stream", "text/plain"})
SNIFFED_TYPES: dict[Accept, frozenset[str]] = {
    "html": _VAGUE,
    "feed": _VAGUE | {"text/html"},  # many CMSs serve RSS as text/html
    "xml": _VAGUE | {"text/html"},
    "json": _VAGUE | {"text/html", "text/javascript"},
}
_XML_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")
SNIFF_STARTS: dict[Accept, tuple[bytes, ...]] = {
    "html": (b"<!doctype html", b"<html", b"<head"),
    "feed": _XML_STARTS,
    "xml": _XML_STARTS,
    "json": (b"{", b"["),
}
# PDF, PNG, JPEG, GIF, ZIP/OOXML, WebP/RIFF, gzip: never a page, whatever the header says.
BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"RIFF", b"\x1f\x8b")

SNIFF_BYTES = 4096
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG decodes these labels as windows-1252, a superset that maps 0x80-0x9F to characters.
WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}

CHARSET_PARAM_RE = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)


def mime_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def check_content(url: str, accept: Accept, mime: str, body: bytes) -> None:
    """Raise UnexpectedContentType unless ``body`` is the kind of document asked for."""
    if accept == "any":
        return
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    binary = head.startswith(BINARY_MAGIC)
    if not binary and (
        mime in WANTED_TYPES[accept]
        or (accept in ("feed", "xml") and mime.endswith("+xml"))
        or (accept == "json" and mime.endswith("+json"))
        or (mime in SNIFFED_TYPES[accept] and head.lower().startswith(SNIFF_STARTS[accept]))
    ):
        return
    raise UnexpectedContentType(
        f"expected {accept}, got {mime or 'no content type'}"
        f"{' (binary body)' if binary else ''}; the link does not point to a page to read",
        url=url,
    )


def codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return WHATWG_ALIASES.get(name, name)


def charset_from_content_type(value: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, lowercased."""
    match = CHARSET_PARAM_RE.search(value or "")
    return match.group(1).lower() if match else None


def bom_charset(body: bytes) -> str | None:
    """The encoding announced by a byte-order mark at the start of ``body``."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return name
    return None


def declared_in_document(body: bytes) -> str | None:
    """The charset named by ``<meta charset>``/``http-equiv`` or an XML declaration."""
    head = body[:SNIFF_BYTES]
    match = XML_DECL_RE.search(head) or META_CHARSET_RE.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def sniff_charset(body: bytes) -> str | None:
    """The charset the body announces itself: BOM, then in-document declaration."""
    return bom_charset(body) or declared_in_document(body)


def _strict(body: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_single_byte(codec: str) -> bool:
    return codecs.getincrementaldecoder(codec)().decode(b"\xc3") != ""


def decode(body: bytes, declared: str | None) -> str:
    """Decode ``body``; ``declared`` is the header's charset. Never raises."""
    bom = bom_charset(body)
    if bom is not None:
        return body.decode(bom, errors="replace").lstrip("\ufeff")
    in_document = declared_in_document(body)
    codec = codec_name(declared) or codec_name(in_document)
    text = _strict(body, codec)
    if text is not None and codec is not None:
        if _is_single_byte(codec) and not body.isascii():
            as_utf8 = _strict(body, "utf-8")
            if as_utf8 is not None:
                return as_utf8
        return text
    for fallback in (codec_name(in_document), "utf-8"):
        if fallback != codec and (text := _strict(body, fallback)) is not None:
            return text
    best = charset_normalizer.from_bytes(body).best()
    if best is not None:
        return str(best)
    return body.decode("utf-8", errors="replace")
