"""Cheap language identification: the page's own declaration, else the dominant script."""

from __future__ import annotations

import re

_DECLARED = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_PERSIAN_ONLY = re.compile(r"[پچژگکی۰-۹]")
_LATIN = re.compile(r"[A-Za-z]")
_SAMPLE = 4000


def normalise_declared(value: str | None) -> str | None:
    """``en-US`` → ``en``; anything that is not a language tag → None."""
    if not value:
        return None
    match = _DECLARED.match(value)
    return match.group(1).lower() if match else None


def guess_language(text: str, declared: str | None = None) -> str | None:
    """Language of ``text``: by script when it settles the question, else the declaration.

    Script counts come first because pages often declare a site-wide ``lang`` that is wrong
    for the article (an English page template around a Russian wire story).
    """
    sample = text[:_SAMPLE]
    counts = {
        "ru": len(_CYRILLIC.findall(sample)),
        "ar": len(_ARABIC_SCRIPT.findall(sample)),
        "latin": len(_LATIN.findall(sample)),
    }
    script, count = max(counts.items(), key=lambda item: item[1])
    declared_code = normalise_declared(declared)
    if count == 0:
        return declared_code
    if script == "ru":
        return "ru" if declared_code in (None, "ru", "en") else declared_code
    if script == "ar":
        if declared_code in ("fa", "ar", "ur", "ps"):
            return declared_code
        return "fa" if _PERSIAN_ONLY.search(sample) else "ar"
    return declared_code if declared_code not in (None, "ru", "fa", "ar") else "en"
