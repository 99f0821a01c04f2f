"""Speed of claim extraction against trafilatura on the same pages, and its growth with length.

Run: `.venv/bin/python benchmarks/bench_extraction.py [--quick]`. Generates synthetic article
texts of about 5 KB from a bank of sentence templates (with figures), wraps each in an HTML
page, and times in the same run `trafilatura.extract` on the pages and `extract_claims` on
the texts. Target (issue 3): extraction costs at most 0.1 of trafilatura. Then checks that
time per KB stays flat from 5 KB to 500 KB (linear growth).

With `--real-pages`, times the same two steps on the real news pages of
`../shared/corpora/article-extraction-benchmark/` instead: `trafilatura.extract` on each page's
HTML against `extract_claims` on the text trafilatura gives. Few of those pages name both Iran
and Russia, so the engine stops early on most of them, as it does on most of a news stream.

With `--real-shells`, the real pages serve as shells instead: the paragraphs of each page's
article body are replaced by a synthetic Iran–Russia article of about 5 KB, so that
trafilatura works through a real page's markup (navigation, scripts, related links: a median
of ~115 KB) and the engine does its full work on every text. Two sets of texts: the dense
synthetic ones above, and texts joined from the labelled English documents (as dense in
figures as a written article). A page whose body trafilatura does not give back is skipped.

With `--languages en ru fa`, compares languages instead (issue 6): for each, the labelled
documents of tests/data/claims/<lang>/ are joined and repeated into texts of equal length
(about 5,000 and 50,000 characters), and extraction time is reported as a ratio to English
in the same run. Target: at most 1.5. A language without labelled documents is skipped.
"""

from __future__ import annotations

import argparse
import gzip
import random
import time
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import TypeVar

import lxml.html
import trafilatura

from extractors.claims import extract_claims
from extractors.cues import available_languages, load_cues
from extractors.figures import find_figures
from extractors.language import guess_language

T = TypeVar("T")
TARGET_RATIO = 0.1
TARGET_LANGUAGE_RATIO = 1.5
REPO = Path(__file__).resolve().parent.parent
LABELLED = REPO / "tests" / "data" / "claims"
REAL_PAGES = REPO.parent / "shared" / "corpora" / "article-extraction-benchmark" / "html"
LANGUAGE_SIZES = (5_000, 50_000)
TEMPLATES = (
    "{person} said on {day} that a Russian oil company had signed a ${n} billion contract "
    "with Iran's oil ministry.",
    "Two Russian energy firms are negotiating projects in Iran worth up to ${n} billion, "
    "{person} added.",
    "Trade between Iran and Russia grew {p} percent in the first {m} months of 2019, "
    "officials said.",
    "Gazprom could deliver as much as {n} bcm of gas a year to Iran through Azerbaijan.",
    "Kremlin spokesman Dmitry Peskov said he could not confirm the figures.",
    "The rial fell to {k},000 to the dollar on the open market in Tehran on {day}.",
    "China pledged ${n}0 billion for Iranian infrastructure over 25 years.",
    "Analysts in Moscow were sceptical, noting that sanctions had scared off most lenders.",
    "The talks also covered a railway link, grain deliveries and flights between the two capitals.",
    "Brent crude traded at ${k}0 a barrel, while Iranian exports stayed near "
    "{p}0,000 barrels a day.",
    '"We are ready to invest about ${n} billion in Iran\'s gas fields," {person} told reporters.',
    "The meeting on {day} lasted three hours and ended without a joint statement.",
)
PEOPLE = ("Ali Akbar Velayati", "Javad Owji", "Alexander Novak", "an Iranian official", "the envoy")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def make_text(rng: random.Random, size: int) -> str:
    """A synthetic article of about ``size`` characters, in paragraphs of three sentences."""
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < size:
        sentences.append(
            rng.choice(TEMPLATES).format(
                person=rng.choice(PEOPLE),
                day=rng.choice(DAYS),
                n=rng.randint(1, 60),
                p=rng.randint(2, 40),
                m=rng.randint(2, 9),
                k=rng.randint(3, 9),
            )
        )
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "Iran and Russia discuss oil and gas investment\n\n" + "\n\n".join(paragraphs)


def make_html(text: str) -> str:
    """The text as a news page with navigation, an ad slot and a footer."""
    title, _, body = text.partition("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a>"
        " <a href='/energy'>Energy</a>"
        "</nav><div class='ad'>728 x 90</div></header>"
        f"<main><article><h1>{title}</h1><p class='byline'>By Staff</p>{paragraphs}"
        "</article></main>"
        "<aside><h2>Most read</h2><ul><li><a href='/a'>Another story</a></li></ul></aside>"
        "<footer>© News site. All rights reserved.</footer></body></html>"
    )


def clock(fn: Callable[[T], object], items: list[T]) -> float:
    """Seconds to run ``fn`` over ``items``."""
    started = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - started


@cache
def labelled_docs(language: str) -> tuple[str, ...]:
    """The texts of the labelled documents of ``language`` (tests/data/claims/), in name order."""
    files = sorted((LABELLED / language).glob("*.txt"))
    return tuple(f.read_text(encoding="utf-8").strip() for f in files)


def language_text(language: str, size: int) -> str | None:
    """The labelled documents of ``language`` joined and repeated to ``size`` characters,
    cut at a paragraph break; None when the language has none."""
    docs = labelled_docs(language)
    if not docs:
        return None
    corpus = "\n\n".join(docs)
    text = (corpus + "\n\n") * (size // len(corpus) + 2)
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > size // 2 else size]


def compare_languages(languages: list[str], repeats: int) -> None:
    """Extraction time per language on texts of equal length, as a ratio to English."""
    head = ("lang", "chars", "figures", "ms/text", "vs en", "ms/figure", "vs en")
    print("{:<6}{:>8}{:>8}{:>10}{:>8}{:>11}{:>8}".format(*head))
    for size in LANGUAGE_SIZES:
        base: tuple[float, float] | None = None
        for language in ["en", *(lang for lang in languages if lang != "en")]:
            text = language_text(language, size)
            if text is None:
                print(f"{language:<6}{size:>8}  skipped: no labelled documents in {language}/")
                continue
            extract_claims(text, language=language)  # cue regexes and gazetteer built once
            # distinct texts, so that no memoised step is reused between runs
            variants = [text + " " * r for r in range(1, repeats + 1)]
            seconds = min(clock(partial(extract_claims, language=language), [v]) for v in variants)
            figures = sum(1 for f in find_figures(text, load_cues(language)) if f.unit)
            per_figure = seconds / max(figures, 1)
            if language == "en":
                base = (seconds, per_figure)
            if base is None:
                print(f"{language:<6}{size:>8}  skipped: no English text to compare with")
                continue
            ratio, ratio_figure = seconds / base[0], per_figure / base[1]
            verdict = (
                "" if language == "en" else "PASS" if ratio <= TARGET_LANGUAGE_RATIO else "FAIL"
            )
            print(
                f"{language:<6}{len(text):>8}{figures:>8}{seconds * 1000:>10.1f}{ratio:>8.2f}"
                f"{per_figure * 1000:>11.2f}{ratio_figure:>8.2f} {verdict}"
            )
    print(
        f"(target: each language within {TARGET_LANGUAGE_RATIO}x of English per text; the work is"
        " per figure, so ms/figure shows the cost apart from how dense in figures each set is)"
    )


def compare_real_pages(folder: Path, repeats: int) -> None:
    """The ratio to trafilatura on real news pages (best of ``repeats`` timings of each step)."""
    pages = [
        gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        for p in sorted(folder.glob("*.html.gz"))
    ]
    texts = [trafilatura.extract(page) or "" for page in pages]
    languages = [guess_language(text) or "en" for text in texts]
    known = set(available_languages())
    jobs = [(t, lang if lang in known else "en") for t, lang in zip(texts, languages, strict=True)]

    def claims(job: tuple[str, str]) -> object:
        return extract_claims(job[0], language=job[1])

    t_traf = min(clock(lambda page: trafilatura.extract(page), pages) for _ in range(repeats))
    t_claims = min(clock(claims, jobs) for _ in range(repeats))
    ratio = t_claims / t_traf
    n, kb = len(pages), sum(map(len, texts)) / max(len(texts), 1) / 1000
    print(f"{n} real pages (mean text {kb:.1f} KB), best of {repeats}:")
    print(f"  trafilatura.extract (HTML): {t_traf / n * 1000:.2f} ms per page")
    print(f"  extract_claims (its text):  {t_claims / n * 1000:.2f} ms per page")
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(f"ratio extract_claims / trafilatura: {ratio:.3f} (target <= {TARGET_RATIO}) {verdict}")


def _article_body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element whose own paragraphs hold the most text: a page's article body."""
    best, most = None, 0
    for element in root.iter():
        size = sum(len(c.text_content()) for c in element if c.tag == "p")
        if size > most:
            best, most = element, size
    return best


def into_shell(page: str, text: str) -> str | None:
    """``page`` with its article body's paragraphs replaced by those of ``text`` (its first
    paragraph is the title and is left out); None when the page has no paragraphs."""
    root = lxml.html.fromstring(page)
    body = _article_body(root)
    if body is None:
        return None
    old = [c for c in body if c.tag == "p"]
    at = list(body).index(old[0])
    for child in old:
        body.remove(child)
    for k, paragraph in enumerate(text.split("\n\n")[1:]):
        element = lxml.html.Element("p")
        element.text = paragraph
        body.insert(at + k, element)
    return str(lxml.html.tostring(root, encoding="unicode"))


def labelled_text(rng: random.Random, size: int) -> str:
    """About ``size`` characters of the labelled English documents, in a random order."""
    docs = list(labelled_docs("en"))
    rng.shuffle(docs)
    chosen: list[str] = []
    while sum(len(d) + 2 for d in chosen) < size:
        chosen.append(docs[len(chosen) % len(docs)])
    return "Iran and Russia: the week's energy news\n\n" + "\n\n".join(chosen)


def compare_in_shells(folder: Path, repeats: int) -> None:
    """The ratio to trafilatura on real page shells holding Iran–Russia articles of ~5 KB."""
    shells = [
        gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        for p in sorted(folder.glob("*.html.gz"))
    ]
    rng = random.Random(7)
    print(f"{len(shells)} real page shells, best of {repeats}:")
    for label, make in (("dense synthetic", make_text), ("labelled-like", labelled_text)):
        pages, texts = [], []
        for shell in shells:
            text = make(rng, 5000)
            page = into_shell(shell, text)
            got = (trafilatura.extract(page) or "") if page else ""
            paragraphs = text.split("\n\n")[1:]
            if page and sum(p in got for p in paragraphs) >= 0.8 * len(paragraphs):
                pages.append(page)
                texts.append(got)
        t_traf = min(clock(lambda page: trafilatura.extract(page), pages) for _ in range(repeats))
        t_claims = min(clock(extract_claims, texts) for _ in range(repeats))
        n, kb = len(pages), sum(map(len, texts)) / max(len(texts), 1) / 1000
        ratio = t_claims / t_traf
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        print(
            f"  {label:<16} {n} pages (text {kb:.1f} KB): trafilatura {t_traf / n * 1000:.1f} ms,"
            f" extract_claims {t_claims / n * 1000:.2f} ms, ratio {ratio:.3f}"
            f" (target <= {TARGET_RATIO}) {verdict}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100 articles instead of 1,000")
    ap.add_argument("-n", type=int, default=None, help="number of articles")
    ap.add_argument(
        "--languages",
        nargs="+",
        default=None,
        help="compare these languages' extraction time with English instead (e.g. en ru fa)",
    )
    ap.add_argument(
        "--real-pages",
        type=Path,
        nargs="?",
        const=REAL_PAGES,
        default=None,
        help=f"time real news pages instead (default folder: {REAL_PAGES})",
    )
    ap.add_argument(
        "--real-shells",
        type=Path,
        nargs="?",
        const=REAL_PAGES,
        default=None,
        help="time synthetic articles inside the real pages' markup instead",
    )
    args = ap.parse_args()
    if args.real_shells:
        if not args.real_shells.is_dir():
            raise SystemExit(f"no folder of pages at {args.real_shells}")
        compare_in_shells(args.real_shells, repeats=1 if args.quick else 3)
        return
    if args.real_pages:
        if not args.real_pages.is_dir():
            raise SystemExit(f"no folder of pages at {args.real_pages}")
        compare_real_pages(args.real_pages, repeats=1 if args.quick else 3)
        return
    if args.languages:
        compare_languages(args.languages, repeats=5 if args.quick else 20)
        return
    n = args.n or (100 if args.quick else 1000)
    rng = random.Random(7)
    texts = [make_text(rng, 5000) for _ in range(n)]
    pages = [make_html(t) for t in texts]
    extract_claims(texts[0])  # build the cue regexes and gazetteer index once
    t_traf = clock(lambda page: trafilatura.extract(page), pages)
    t_claims = clock(extract_claims, texts)
    ratio = t_claims / t_traf
    print(f"{'step':<28}{'articles':>9}{'seconds':>10}{'articles/s':>12}")
    print(f"{'trafilatura.extract (HTML)':<28}{n:>9}{t_traf:>10.2f}{n / t_traf:>12.1f}")
    print(f"{'extract_claims (text)':<28}{n:>9}{t_claims:>10.2f}{n / t_claims:>12.1f}")
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(f"ratio extract_claims / trafilatura: {ratio:.3f} (target <= {TARGET_RATIO}) {verdict}")
    print(f"\n{'size':>8}{'seconds':>10}{'ms per KB':>11}")
    per_kb = {}
    for size in (5_000, 50_000, 500_000):
        reps = max(1, 500_000 // size // (10 if args.quick else 1))
        batch = [make_text(rng, size) for _ in range(reps)]
        seconds = clock(extract_claims, batch) / reps
        per_kb[size] = seconds * 1000 / (size / 1000)
        print(f"{size:>8}{seconds:>10.3f}{per_kb[size]:>11.3f}")
    growth = per_kb[500_000] / per_kb[5_000]
    print(f"time per KB, 500 KB vs 5 KB: {growth:.2f}x (linear growth keeps this near 1)")


if __name__ == "__main__":
    main()
