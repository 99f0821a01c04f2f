"""Language identification: accuracy on short texts and time per article.

    .venv/bin/python benchmarks/bench_language.py

Accuracy: ``tests/data/language/short_texts.json`` (headlines and one-line leads in en, ru, fa,
ar, uk), by ``extractors.language.guess_language`` with no hint, with a wrong site-wide
declaration, and by py3langid alone (its top answer). Speed: every page of the demo corpus,
extracted once with trafilatura, then ``guess_language`` on each text (median of 5 rounds).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from extractors.article import extract_article
from extractors.language import _identifier, guess_language
from flows.demo import CORPUS_DIR, load_manifest

SHORT_TEXTS = Path(__file__).resolve().parent.parent / "tests/data/language/short_texts.json"
ROUNDS = 5


def _accuracy(items: list[dict[str, str]], guess: Callable[[dict[str, str]], str | None]) -> str:
    right = sum(guess(item) == item["language"] for item in items)
    return f"{right}/{len(items)} ({right / len(items):.1%})"


def main() -> None:
    started = time.perf_counter()
    identifier = _identifier()
    print(f"py3langid model load: {time.perf_counter() - started:.2f} s (once per process)")

    items = json.loads(SHORT_TEXTS.read_text(encoding="utf-8"))["texts"]
    mean_length = statistics.mean(len(item["text"]) for item in items)
    print(f"short texts ({len(items)}, mean {mean_length:.0f} chars):")
    print(
        "  guess_language, no hint:        ", _accuracy(items, lambda i: guess_language(i["text"]))
    )
    print(
        "  guess_language, wrong declared: ",
        _accuracy(
            items, lambda i: guess_language(i["text"], "fa" if i["language"] == "en" else "en")
        ),
    )
    print(
        "  py3langid alone:                ",
        _accuracy(items, lambda i: identifier.classify(i["text"])[0]),
    )

    pages = load_manifest()["pages"]
    texts = []
    for page in pages:
        html = (CORPUS_DIR / page["path"]).read_bytes().decode(page["charset"])
        texts.append((page["language"], extract_article(html).text))
    wrong = [(lang, guess_language(text)) for lang, text in texts if guess_language(text) != lang]
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _lang, text in texts:
            guess_language(text)
        rounds.append((time.perf_counter() - started) / len(texts))
    mean_chars = statistics.mean(len(text) for _lang, text in texts)
    print(
        f"demo corpus: {len(texts)} articles (mean {mean_chars:.0f} chars), "
        f"{len(texts) - len(wrong)} right; {statistics.median(rounds) * 1000:.2f} ms per article"
    )
    for lang in sorted({lang for lang, _text in texts}):
        own = [text for code, text in texts if code == lang]
        started = time.perf_counter()
        for text in own:
            guess_language(text)
        each = (time.perf_counter() - started) / len(own)
        print(f"  {lang}: {len(own)} articles, {each * 1000:.2f} ms each")


if __name__ == "__main__":
    main()
