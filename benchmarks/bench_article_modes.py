"""trafilatura with and without its fallback extractors, on real news pages.

Run: `.venv/bin/python benchmarks/bench_article_modes.py`. For each of the 181 pages of
`../shared/corpora/article-extraction-benchmark/`, extracts the text as
`extractors.article` does, once in trafilatura's default mode (its own algorithm, then
readability and jusText when its result looks short) and once with ``fast=True`` (its own
algorithm alone), and reports time per page and the mean token F1 of each against the
corpus's ground truth, plus the pages where the two modes disagree. This is the measurement
behind ``extractors.article.FAST``.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
PAGES = CORPUS / "article-extraction-benchmark"


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 of ``predicted`` against ``gold``."""
    pred, ref = (
        Counter(re.findall(r"\w+", predicted.lower())),
        Counter(re.findall(r"\w+", gold.lower())),
    )
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def extract_all(pages: list[str], *, fast: bool) -> tuple[list[str], float]:
    """Texts of ``pages`` and seconds per page (the tree is parsed outside the clock)."""
    roots = [load_html(page) for page in pages]
    started = time.perf_counter()
    texts = []
    for root in roots:
        document = trafilatura.bare_extraction(
            root, fast=fast, with_metadata=True, include_comments=False, include_tables=True
        )
        texts.append((document.text if isinstance(document, Document) else None) or "")
    return texts, (time.perf_counter() - started) / len(pages)


def main() -> None:
    if not PAGES.is_dir():
        raise SystemExit(f"no corpus at {PAGES}")
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    files = sorted((PAGES / "html").glob("*.html.gz"))
    ids = [f.name.split(".")[0] for f in files]
    pages = [gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in files]
    gold = [truth[i]["articleBody"] for i in ids]
    runs = {}
    for fast in (False, True, False, True):  # twice each: the first pass warms caches
        runs[fast] = extract_all(pages, fast=fast)
    print(f"{len(pages)} real news pages")
    print(f"{'mode':<10}{'ms/page':>9}{'mean F1':>9}")
    for fast, (texts, seconds) in runs.items():
        f1 = sum(map(token_f1, texts, gold)) / len(gold)
        print(f"{'fast' if fast else 'default':<10}{seconds * 1000:>9.1f}{f1:>9.4f}")
    slow, quick = runs[False][0], runs[True][0]
    differ = [i for i in range(len(pages)) if slow[i] != quick[i]]
    print(f"texts identical: {len(pages) - len(differ)}/{len(pages)}")
    for i in differ:
        print(
            f"  {ids[i][:12]}  F1 default {token_f1(slow[i], gold[i]):.3f}"
            f"  fast {token_f1(quick[i], gold[i]):.3f}"
        )


if __name__ == "__main__":
    main()
