"""Language identification of an article: the text decides; declarations break ties.

Three pieces of evidence, weighed in this order:

1. The body text, classified paragraph by paragraph with py3langid (the identifier trafilatura
   itself can use). The language with the most letters wins, so an English article that
   quotes the Kremlin in Russian stays English, and a Russian wire story inside an English
   page template is Russian.
2. The source's language (the feed entry's, else the catalogue's), for texts too short to
   classify reliably (a title, a one-line summary): py3langid calls "Иран" Serbian and
   "Iran deal" Scottish Gaelic.
3. The page's declared language (``<html lang>``), the weakest: many sites declare one
   language for every page. A declaration is only believed when the text is written in that
   language's script (a Persian page declaring ``lang="en"`` is not English).

When no hint fits a short text, py3langid decides if it is sure, else the script does
(Cyrillic → Russian, Arabic script → Persian when it has Persian-only letters).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from extractors.model_cache import cached_identifier

_DECLARED = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$")
_PERSIAN_ONLY = re.compile(r"[پچژگکی۰-۹]")
_SCRIPTS = {
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F]"),
    "cyrillic": re.compile(r"[\u0400-\u04FF\u0500-\u052F]"),
    # Arabic letters, supplement and presentation forms; not the digits (U+0660-U+06F9).
    "arabic": re.compile(
        r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"
    ),
}

SHORT_TEXT = 200
"""Fewer letters than this and the classifier alone is not trusted (a title, a summary)."""
SAMPLE_CHARS = 2500
"""The body's first characters are enough to know its language; classifying costs per byte."""
ONE_SCRIPT_CHARS = 1000
"""Of a text in one script, the characters classified: enough to tell English from German
or Russian from Ukrainian (same answer as 2,500 on all 511 texts of the labelled sets, the
demo corpus, the benchmark's generated pages and the 181 real news pages; 0.26 ms less
a page on 3 KB texts, more on longer ones). A mixed text keeps the whole sample: its
paragraphs vote."""
MIXED = 0.95
"""Below this share of letters in one script a text is mixed, and its paragraphs vote
(classified whole, Cyrillic and Arabic letters weigh double: two bytes each in UTF-8)."""
MIN_PARAGRAPH = 40
"""Letters a paragraph needs to get a vote of its own; shorter lines join the next one."""
SURE = 0.9
"""py3langid probability above which a short text's language is taken without a hint."""

_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "tt", "mn"})
_ARABIC_SCRIPT_LANGUAGES = frozenset({"fa", "ar", "ur", "ps", "ug", "sd", "ckb", "sdh", "prs"})
_OTHER_SCRIPT_LANGUAGES = frozenset(
    {"zh", "ja", "ko", "he", "el", "hy", "ka", "hi", "bn", "th", "am", "ta", "te"}
)
# What an unsure classifier's answer falls back to, per script: the languages claimwatch reads.
_SCRIPT_DEFAULT = {"latin": "en", "cyrillic": "ru"}


def normalise_declared(value: str | None) -> str | None:
    """``en-US`` → ``en``; anything that is not a language tag → None."""
    if not value:
        return None
    match = _DECLARED.match(value)
    return match.group(1).lower() if match else None


def _script_counts(text: str) -> Counter[str]:
    """Letters per script: latin, cyrillic, arabic (Persian included) and other."""
    counts = Counter({script: len(regex.findall(text)) for script, regex in _SCRIPTS.items()})
    counts["other"] = sum(map(str.isalpha, text)) - sum(counts.values())
    return +counts  # drops the scripts with no letters


def _script_of_language(code: str) -> str:
    if code in _CYRILLIC_LANGUAGES:
        return "cyrillic"
    if code in _ARABIC_SCRIPT_LANGUAGES:
        return "arabic"
    return "other" if code in _OTHER_SCRIPT_LANGUAGES else "latin"


@cache
def _identifier() -> LanguageIdentifier:
    """The py3langid model with probabilities, once per process (from the cache of
    extractors.model_cache: unpacking py3langid's archive costs ~0.45 s of CPU).

    Our own instance: py3langid's module-level one is shared with trafilatura.
    """
    return cached_identifier(
        MODEL_DIR / MODEL_FILE,
        "norm_probs",
        lambda: LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
    )


def load_model() -> None:
    """Load the model now rather than on the first text (worker processes start warm)."""
    _identifier()


def _paragraphs(text: str) -> list[str]:
    """The sample's paragraphs, short lines (datelines, captions) merged into the next."""
    merged: list[str] = []
    pending = ""
    for line in text[:SAMPLE_CHARS].splitlines():
        pending = f"{pending} {line}".strip()
        if sum(map(str.isalpha, pending)) >= MIN_PARAGRAPH:
            merged.append(pending)
            pending = ""
    if pending:
        merged.append(pending)
    return merged


def dominant_language(text: str) -> str | None:
    """The language most of ``text``'s letters are written in, paragraph by paragraph."""
    identifier = _identifier()
    letters: Counter[str] = Counter()
    for paragraph in _paragraphs(text):
        weight = sum(map(str.isalpha, paragraph))
        if weight:
            language, _ = identifier.classify(paragraph)
            letters[language] += weight
    return letters.most_common(1)[0][0] if letters else None


def _short_text_language(text: str, script: str) -> str | None:
    language, probability = _identifier().classify(text)
    if probability >= SURE and _script_of_language(language) == script:
        return str(language)
    if script == "arabic":
        return "fa" if _PERSIAN_ONLY.search(text) else "ar"
    return _SCRIPT_DEFAULT.get(script, str(language))


def guess_language(text: str, declared: str | None = None, source: str | None = None) -> str | None:
    """The language of an article's ``text`` (ISO 639-1, lowercase).

    Args:
        text: the body text (or, for a short document, all there is).
        declared: what the page says (``<html lang>``, ``og:locale``), as written.
        source: the language of the feed entry or of the catalogue's source.

    Returns:
        The detected language; None only when the text has no letters and nothing was
        declared.
    """
    hints = [code for code in map(normalise_declared, (source, declared)) if code]
    scripts = _script_counts(text[:SAMPLE_CHARS])
    if not scripts:
        return hints[0] if hints else None
    script, count = scripts.most_common(1)[0]
    total = sum(scripts.values())
    if total >= SHORT_TEXT:
        if count >= MIXED * total:
            return str(_identifier().classify(text[:ONE_SCRIPT_CHARS])[0])
        return dominant_language(text)
    fitting = [code for code in hints if _script_of_language(code) == script]
    return fitting[0] if fitting else _short_text_language(text, script)
