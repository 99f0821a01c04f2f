"""Ledger benchmark: synthetic articles, claim mentions and Russian statements loaded through the
monitor's code path (``write_transaction`` → ``load_articles`` → ``load_ledger``), batch by
batch, into a DuckDB file, against bare bulk inserts of the same rows in the same invocation.

The data: ~8 years of articles in date order; claims spread over 3 topics, 3 families and
their units, on a value grid wider than the 1% tolerance (so resolution is unambiguous), born
through the years and mentioned again and again (most mentions resolve to a stored claim,
some with a slightly different value, kind or qualifier); claimants from a pool of ~500; one
Russian statement per 20 articles, naming values, a claimant, or neither.

Reported: mentions/s overall and for the first and last 10% of batches, the ratio to bare
inserts, mentions per CPU-second of the process (steadier than wall time on a shared machine),
``claims_current`` and ``claim_status_as_of`` query times (median of several runs; run inside
DuckDB, fetched as Arrow, fetched as Python rows), and per batch the claims touched against the
``claim_state`` rows rewritten.

    .venv/bin/python benchmarks/bench_ledger.py                 # 200k articles, 1M mentions
    .venv/bin/python benchmarks/bench_ledger.py --quick         # 20k articles, 100k mentions
    .venv/bin/python benchmarks/bench_ledger.py --batch 100 1000

A load this size is a bulk backfill, so the run checkpoints at 1024 MB of log
(``checkpoint_mb`` in the settings, 8 MB by default for monitor runs); ``--checkpoint-mb 8``
loads it as a default monitor run would.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import itertools
import json
import random
import statistics
import tempfile
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from extractors.kinds import FAMILY_OF_KIND
from extractors.kremlin import KREMLIN_ROLES
from flows.settings import Settings
from warehouse.bulk import insert_columns, insert_records, record_columns
from warehouse.db import connect, held_for_run, write_transaction
from warehouse.ingest import FetchLogRecord, Listing, load_articles
from warehouse.ledger import load_ledger
from warehouse.migrations import migrate_file
from warehouse.records import (
    ArticleRecord,
    MentionRecord,
    StatementRecord,
    stable_id,
)
from warehouse.texts import TextStore

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "ledger.json"
MONITOR_BATCH: int = Settings.model_fields["batch_size"].default
"""The articles a monitor run loads per transaction."""
BACKFILL_CHECKPOINT_MB = 1024
"""A bulk backfill checkpoints rarely; the monitor's default ``checkpoint_mb`` is 8."""
BACKFILL_MEMORY_MB = 4096
"""A bulk backfill gives DuckDB more memory than a monitor run's ``duckdb_memory_mb``."""

START = date(2018, 1, 1)
DAYS = 8 * 365
TOPICS = ("iran-russia-oil-deals", "iran-russia-gas", "iran-russia-trade")
GRID = 1.015
"""Claims of one topic, family and unit sit at least 1.5% apart: a mention within 1% of one
claim can only be that claim."""
GROUPS = (
    # family, unit, lowest value, decades of values
    ("deal", "USD", 1e5, 8),
    ("deal", "EUR", 1e5, 8),
    ("deal", "RUB", 1e7, 7),
    ("deal", "CNY", 1e6, 7),
    ("trade", "USD", 1e6, 7),
    ("trade", "EUR", 1e6, 6),
    ("trade", "%", 0.1, 4),
    ("supply", "bcm", 0.01, 6),
    ("supply", "bbl/d", 100, 6),
    ("supply", "t", 1, 9),
)
RANGE_SPANS = (None, 1.5, 2.0, 3.0, 5.0)
"""Each value of the grid is one exact claim and up to four ranges (value to value × span);
half the claims are exact while the grid has room (at 100k claims, about a third)."""
KINDS = {
    family: [k for k, f in FAMILY_OF_KIND.items() if f == family and k != "other"]
    for family in ("deal", "trade", "supply")
}
QUALIFIERS = ("exact", "up_to", "about", "at_least")
FIRST = ("Ali", "Mohammad", "Hossein", "Reza", "Mehdi", "Javad", "Abbas", "Hassan", "Bijan",
         "Rostam", "Masoud", "Kazem", "Ahmad", "Hamid", "Saeed", "Farhad", "Omid", "Majid",
         "Parviz", "Kamal")  # fmt: skip
LAST = ("Velayati", "Zanganeh", "Owji", "Jalali", "Rouhani", "Zarif", "Araghchi", "Larijani",
        "Ghalibaf", "Rezaei", "Safari", "Mousavi", "Karimi", "Hosseini", "Tehrani", "Shirazi",
        "Kazemi", "Rahimi", "Nouri", "Ebrahimi", "Sadeghi", "Amini", "Bagheri", "Soltani",
        "Azizi")  # fmt: skip
CLAIMANTS = [f"{first} {last}" for first in FIRST for last in LAST]  # 500 names
LEANINGS = ("iran_state", "iran_semi_official", "iran_opposition", "iran_reformist", "russia_state",
            "russia_independent", "western", "independent", "aggregator")  # fmt: skip
SOURCES = [
    (f"outlet-{i:02d}", LEANINGS[i % len(LEANINGS)], ("en", "fa", "ru")[i % 3]) for i in range(60)
]
KREMLIN = (("Dmitry Peskov", "kremlin_spokesman", 6), ("Vladimir Putin", "president", 2),
           ("Yuri Ushakov", "presidential_aide", 1),
           (None, "kremlin_press_service", 1))  # fmt: skip
OTHERS = (("Alexander Novak", "russian_minister", 3), (None, "russian_official", 2),
          ("Gazprom", "other", 1))  # fmt: skip
STANCES = (("confirm", 15), ("deny", 15), ("cannot_confirm", 40), ("no_comment", 30))
RUN_ID = "bench"
TEXT = "Synthetic article body about an Iran-Russia energy deal. " * 6


@dataclass(frozen=True, slots=True)
class Claim:
    topic: str
    family: str
    unit: str
    value: float
    value_high: float | None
    kind: str
    qualifier: str
    claimant: str


@dataclass(slots=True)
class Batch:
    articles: list[ArticleRecord]
    listings: list[Listing]
    fetch_log: list[FetchLogRecord]
    mentions: list[MentionRecord]
    statements: list[StatementRecord]


def rounded(value: float) -> float:
    """Four significant digits, as a reporter would write the figure."""
    return float(f"{value:.4g}")


def make_claims(rng: random.Random, count: int) -> tuple[list[Claim], list[int]]:
    """``count`` distinct claims and the day each is first reported (sorted)."""
    slots = [
        (topic, family, unit, low, round(decades * 2.302585 / 0.0148886))
        for topic in TOPICS
        for family, unit, low, decades in GROUPS
    ]
    width = len(RANGE_SPANS)
    total = sum(s[4] * width for s in slots)
    exact = range(0, total, width)
    exact_count = min(count // 2, len(exact))
    ranges = [i for i in range(total) if i % width]
    picked = sorted(rng.sample(exact, exact_count) + rng.sample(ranges, count - exact_count))
    claims = []
    offset = 0
    cursor = 0
    for topic, family, unit, low, steps in slots:
        while cursor < len(picked) and picked[cursor] < offset + steps * width:
            step, variant = divmod(picked[cursor] - offset, width)
            value = rounded(low * GRID**step)
            span = RANGE_SPANS[variant]
            kind = rng.choice(KINDS[family])
            claims.append(
                Claim(
                    topic=topic,
                    family=family,
                    unit=unit,
                    value=value,
                    value_high=rounded(value * span) if span else None,
                    kind=kind,
                    qualifier="range" if span else rng.choice(QUALIFIERS),
                    claimant=rng.choice(CLAIMANTS),
                )
            )
            cursor += 1
        offset += steps * width
    rng.shuffle(claims)
    births = sorted([0] + [rng.randrange(DAYS) for _ in range(count - 1)])
    return claims, births


def spread(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` split over ``parts`` unevenly (1 to ~2× the mean each), summing exactly."""
    counts = [total // parts + (1 if i < total % parts else 0) for i in range(parts)]
    for i in range(parts):
        moved = rng.randint(0, max(counts[i] - 1, 0))
        counts[i] -= moved
        counts[rng.randrange(parts)] += moved
    return counts


def weighted(rng: random.Random, table: tuple[tuple[Any, ...], ...]) -> tuple[Any, ...]:
    return rng.choices(table, weights=[row[-1] for row in table])[0]


class Generator:
    """Yields the batches of one synthetic corpus; the same seed gives the same rows."""

    def __init__(self, articles: int, mentions: int, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.articles = articles
        self.claims, self.births = make_claims(self.rng, max(mentions // 10, 1))
        self.per_article = spread(self.rng, mentions, articles)
        self.days = sorted(self.rng.randrange(DAYS) for _ in range(articles))
        self.next_new = 0
        self.now = datetime(2026, 1, 1, tzinfo=UTC)
        self._cache: tuple[Batch, list[int], list[int]] | None = None

    def _pick(self, day: int) -> tuple[int, bool]:
        """A claim reported by day ``day``: a claim due to appear first, else a recent one."""
        born = bisect_right(self.births, day)
        if self.next_new < born:
            self.next_new += 1
            return self.next_new - 1, True
        if self.rng.random() < 0.85:
            back = int(self.rng.expovariate(50 / len(self.claims)))
            return max(self.next_new - 1 - back, 0), False
        return self.rng.randrange(self.next_new), False

    def _mention(
        self, article_id: str, day: date, n: int, source: tuple[str, str, str]
    ) -> MentionRecord:
        index, first = self._pick((day - START).days)
        claim = self.claims[index]
        rng = self.rng
        value, value_high, kind, qualifier = (
            claim.value,
            claim.value_high,
            claim.kind,
            claim.qualifier,
        )
        if not first:
            if rng.random() < 0.3:
                value = rounded(value * (1 + rng.uniform(-0.004, 0.004)))
            if rng.random() < 0.1:
                kind = rng.choice(KINDS[claim.family])
            if rng.random() < 0.1 and qualifier != "range":
                qualifier = rng.choice(QUALIFIERS)
        roll = rng.random()
        modality = (
            "asserted" if first or roll < 0.95 else ("hypothetical" if roll < 0.98 else "denied")
        )
        roll = rng.random()
        claimant = claim.claimant if roll < 0.7 else (None if roll < 0.9 else rng.choice(CLAIMANTS))
        start = 40 + 180 * n
        return MentionRecord(
            mention_id=stable_id("m", article_id, start, start + 12),
            article_id=article_id,
            topic=claim.topic,
            family=claim.family,
            text=f"{value:g} {claim.unit}",
            value=value,
            value_high=value_high,
            unit=claim.unit,
            value_usd=value if claim.unit == "USD" else None,
            qualifier=qualifier,
            kind=kind,
            modality=modality,
            claimant=claimant,
            attributed_to=None,
            parties=["Gazprom", "NIOC"] if claim.family == "deal" else [],
            period=None,
            sentence=f"{claimant or 'Officials'} said the figure was {value:g} {claim.unit}, "
            "a number the outlet repeated in its report on the talks.",
            char_start=start,
            char_end=start + 12,
            reported_on=day,
            source_id=source[0],
            leaning=source[1],
            language=source[2],
        )

    def _statement(
        self, article_id: str, day: date, mentions: list[MentionRecord]
    ) -> StatementRecord:
        rng = self.rng
        kremlin = rng.random() < 0.7
        speaker, role, _ = weighted(rng, KREMLIN if kremlin else OTHERS)
        roll = rng.random()
        about_values: list[float] = []
        about_claimant = None
        if roll < 0.4 and mentions:
            about_values = sorted({m.value for m in rng.sample(mentions, min(2, len(mentions)))})
        elif roll < 0.7:
            named = [m.claimant for m in mentions if m.claimant]
            about_claimant = rng.choice(named) if named else rng.choice(CLAIMANTS)
        start = 40 + 180 * len(mentions)
        return StatementRecord(
            statement_id=stable_id("s", article_id, start, start + 80, speaker),
            article_id=article_id,
            speaker=speaker,
            role=role,
            is_kremlin=role in KREMLIN_ROLES,
            stance=weighted(rng, STANCES)[0],
            about_claimant=about_claimant,
            about_values=about_values,
            topics=sorted({m.topic for m in mentions}) or [rng.choice(TOPICS)],
            sentence=f"{speaker or 'The Kremlin'} was asked about the figures and answered.",
            char_start=start,
            char_end=start + 80,
            reported_on=day,
            source_id="outlet-04",
        )

    def batches(self, size: int) -> Iterator[Batch]:
        """The corpus in batches of ``size`` articles (generated once, then sliced)."""
        corpus, mention_ends, statement_ends = self._corpus()
        for first in range(0, self.articles, size):
            last = min(first + size, self.articles)
            m0, s0 = (mention_ends[first - 1], statement_ends[first - 1]) if first else (0, 0)
            yield Batch(
                corpus.articles[first:last],
                corpus.listings[first:last],
                corpus.fetch_log[first:last],
                corpus.mentions[m0 : mention_ends[last - 1]],
                corpus.statements[s0 : statement_ends[last - 1]],
            )

    def _corpus(self) -> tuple[Batch, list[int], list[int]]:
        """Every article's rows, and where each article's mentions and statements end."""
        if self._cache is None:
            batch = Batch([], [], [], [], [])
            mention_ends, statement_ends = [], []
            for k in range(self.articles):
                day = START + timedelta(days=self.days[k])
                source = SOURCES[self.rng.randrange(len(SOURCES))]
                url = f"https://{source[0]}.example/news/{k}"
                article_id = hashlib.sha256(url.encode()).hexdigest()[:32]
                mentions = [
                    self._mention(article_id, day, n, source) for n in range(self.per_article[k])
                ]
                statements = [self._statement(article_id, day, mentions)] if k % 20 == 10 else []
                batch.articles.append(
                    ArticleRecord(
                        article_id=article_id,
                        url=url,
                        fetch_url=url,
                        source_id=source[0],
                        status="extracted",
                        failure_reason=None,
                        title=f"Story {k}",
                        author=None,
                        published=day,
                        site_name=source[0],
                        language=source[2],
                        leaning=source[1],
                        text_chars=len(TEXT),
                        text_file=None,
                        content_hash=article_id[:16],
                        relevant=True,
                        topics=sorted({m.topic for m in mentions}),
                        feed_title=f"Story {k}",
                        discovered_at=self.now,
                        fetched_at=self.now,
                        run_id=RUN_ID,
                    )
                )
                batch.listings.append(
                    Listing(article_id=article_id, source_id=source[0], first_seen_at=self.now)
                )
                batch.fetch_log.append(
                    FetchLogRecord(
                        run_id=RUN_ID,
                        url=url,
                        source_id=source[0],
                        purpose="article",
                        status=200,
                        outcome="ok",
                        error=None,
                        bytes=len(TEXT),
                        elapsed_ms=50.0,
                        attempts=1,
                        fetched_at=self.now,
                    )
                )
                batch.mentions.extend(mentions)
                batch.statements.extend(statements)
                mention_ends.append(len(batch.mentions))
                statement_ends.append(len(batch.statements))
            self._cache = (batch, mention_ends, statement_ends)
        return self._cache


def fresh_db(folder: Path, name: str) -> Path:
    path = folder / f"{name}.duckdb"
    with connect(path) as conn:
        migrate_file(conn, path)
    return path


def with_texts(path: Path, batch: Batch) -> dict[str, str]:
    """The batch's texts in a pack, as load_batch stores them: article id → pack."""
    return TextStore(path).store([(a, TEXT) for a in batch.articles])


def load_with_ledger(path: Path, batch: Batch, now: datetime) -> tuple[int, float]:
    """The monitor's load_batch, minus what is not about storage.

    Returns the claims touched and the seconds spent in ``load_ledger`` alone.
    """
    text_files = with_texts(path, batch)
    with write_transaction(path) as conn:
        load_articles(conn, batch.articles, batch.listings, batch.fetch_log, text_files=text_files)
        started = time.perf_counter()
        changes = load_ledger(conn, batch.mentions, batch.statements, run_id=RUN_ID, now=now)
        ledger = time.perf_counter() - started
    return len(changes.touched_claims), ledger


def load_bare(path: Path, batch: Batch, now: datetime) -> tuple[int, float]:
    """The same rows with no resolution: articles, then mentions and statements as they are."""
    text_files = with_texts(path, batch)
    with write_transaction(path) as conn:
        load_articles(conn, batch.articles, batch.listings, batch.fetch_log, text_files=text_files)
        started = time.perf_counter()
        stamp = {"run_id": RUN_ID, "loaded_at": now}
        columns = record_columns(batch.mentions)
        columns["claim_id"] = [""] * len(batch.mentions)
        insert_columns(conn, "mentions", columns, constants=stamp, on_conflict="")
        insert_records(conn, "statements", batch.statements, constants=stamp)
        inserted = time.perf_counter() - started
    return 0, inserted


def run_load(
    path: Path,
    generator: Generator,
    size: int,
    loader: Callable[[Path, Batch, datetime], tuple[int, float]],
    *,
    checkpoint_mb: int,
    memory_mb: int,
    check_every: int = 0,
) -> dict[str, Any]:
    """Load every batch, timing only the write transactions (not the data generation) and
    the opening and closing of the run (its one checkpoint), counted in the first and last
    batch. Like a monitor run, the batches share one open database (``held_for_run``).
    """
    per_batch: list[dict[str, Any]] = []
    batches = generator.batches(size)
    first = next(batches)  # the corpus is generated here, outside the timed load
    # The corpus (a million records) stays alive for the whole load, and Python's full
    # collections walked it: timed with gc.callbacks, the collector took 2.8 s of a 1M-mention
    # load, 0.9 s with the corpus frozen (a monitor run holds one batch, not the corpus).
    gc.freeze()
    mark = (time.perf_counter(), time.process_time())
    with held_for_run(path, checkpoint_mb=checkpoint_mb, memory_mb=memory_mb):
        for n, batch in enumerate(itertools.chain([first], batches)):
            now = generator.now + timedelta(seconds=n + 1)  # a distinct stamp per batch
            if n:
                mark = (time.perf_counter(), time.process_time())
            touched, ledger = loader(path, batch, now)
            row = {
                "batch": n,
                "mentions": len(batch.mentions),
                "seconds": time.perf_counter() - mark[0],
                "cpu_seconds": time.process_time() - mark[1],
                "ledger_seconds": ledger,
                "touched": touched,
            }
            if check_every and (n % check_every == 0):
                row.update(scope_check(path, batch, now))
            per_batch.append(row)
        mark = (time.perf_counter(), time.process_time())
    closing = time.perf_counter() - mark[0]
    per_batch[-1]["seconds"] += closing
    per_batch[-1]["cpu_seconds"] += time.process_time() - mark[1]
    return {**summarise(per_batch), "closing_checkpoint_seconds": closing}


def scope_check(path: Path, batch: Batch, now: datetime) -> dict[str, int]:
    """How many claim_state rows the batch rewrote, next to the claims its mentions resolved to.

    Read through the run's open database (a read-only connection would conflict with it).
    """
    with connect(path) as conn:
        rewritten, total = conn.execute(
            "SELECT count(*) FILTER (WHERE updated_at = $1), count(*) FROM claim_state", [now]
        ).fetchone() or (0, 0)
        by_mentions = conn.execute(
            "SELECT count(DISTINCT claim_id) FROM mentions WHERE mention_id IN (SELECT UNNEST($1))",
            [[m.mention_id for m in batch.mentions]],
        ).fetchone()
    return {
        "state_rows_rewritten": int(rewritten),
        "claims_of_batch_mentions": int(by_mentions[0]) if by_mentions else 0,
        "claims_total": int(total),
    }


def summarise(per_batch: list[dict[str, Any]]) -> dict[str, Any]:
    def rate(rows: list[dict[str, Any]], key: str = "seconds") -> float:
        return sum(r["mentions"] for r in rows) / sum(r[key] for r in rows)

    tenth = max(len(per_batch) // 10, 1)
    checked = [r for r in per_batch if "state_rows_rewritten" in r]
    return {
        "batches": len(per_batch),
        "mentions": sum(r["mentions"] for r in per_batch),
        "seconds": sum(r["seconds"] for r in per_batch),
        "mentions_per_s": rate(per_batch),
        "cpu_seconds": sum(r["cpu_seconds"] for r in per_batch),
        "mentions_per_cpu_s": rate(per_batch, "cpu_seconds"),
        "first_10pct_mentions_per_s": rate(per_batch[:tenth]),
        "last_10pct_mentions_per_s": rate(per_batch[-tenth:]),
        "ledger_seconds": sum(r["ledger_seconds"] for r in per_batch),
        "ledger_only_mentions_per_s": rate(per_batch, "ledger_seconds"),
        "ledger_only_first_10pct_mentions_per_s": rate(per_batch[:tenth], "ledger_seconds"),
        "ledger_only_last_10pct_mentions_per_s": rate(per_batch[-tenth:], "ledger_seconds"),
        "median_batch_ms": statistics.median(r["seconds"] for r in per_batch) * 1000,
        "first_10pct_median_batch_ms": statistics.median(r["seconds"] for r in per_batch[:tenth])
        * 1000,
        "last_10pct_median_batch_ms": statistics.median(r["seconds"] for r in per_batch[-tenth:])
        * 1000,
        "scope_checks": checked,
    }


def in_engine(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int | None:
    """Every column of every row computed inside DuckDB and reduced there; nothing converted."""
    conn.execute(f"SELECT count(*), sum(hash(COLUMNS(*))) FROM ({sql})", params).fetchall()
    return None


def as_arrow(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int | None:
    """The result handed over as an Arrow table (what .pl() and .df() start from)."""
    return len(conn.sql(sql, params=params).to_arrow_table() or ())


def as_python(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int | None:
    """Every row built as Python tuples (fetchall, or a rich table of all rows)."""
    return len(conn.execute(sql, params).fetchall())


FETCHES = {"engine": in_engine, "arrow": as_arrow, "python": as_python}


def timed(
    conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any], runs: int
) -> dict[str, float]:
    """Median and best wall time of ``runs`` executions, for each way of taking the result."""
    report: dict[str, float] = {}
    for how, fetch in FETCHES.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            count = fetch(conn, sql, params)
            times.append(time.perf_counter() - started)
        if count is not None:
            report["rows"] = count
        report[f"{how}_median_ms"] = statistics.median(times) * 1000
        report[f"{how}_best_ms"] = min(times) * 1000
    return report


def query_times(path: Path, runs: int) -> dict[str, dict[str, float]]:
    with connect(path, read_only=True) as conn:
        conn.execute("SELECT * FROM claims_current LIMIT 1").fetchall()  # warm the catalogue
        queries = {
            "claims_current_all": ("SELECT * FROM claims_current", []),
            "claims_current_topic_status": (
                "SELECT * FROM claims_current WHERE topic = $1 AND kremlin_status = $2",
                [TOPICS[0], "not_confirmed"],
            ),
            "status_as_of_2021_06_30": (
                "SELECT * FROM claim_status_as_of(DATE '2021-06-30')",
                [],
            ),
            "status_as_of_2025_12_31": (
                "SELECT * FROM claim_status_as_of(DATE '2025-12-31')",
                [],
            ),
        }
        return {name: timed(conn, sql, params, runs) for name, (sql, params) in queries.items()}


def table_counts(path: Path) -> dict[str, int]:
    tables = ("articles", "mentions", "claims", "statements", "statement_links",
              "claim_status_events", "claim_drift_events", "claim_state")  # fmt: skip
    with connect(path, read_only=True) as conn:
        return {
            t: int((conn.execute(f"SELECT count(*) FROM {t}").fetchone() or (0,))[0])
            for t in tables
        }


def bench(
    generator: Generator, size: int, runs: int, folder: Path, checkpoint_mb: int, memory_mb: int
) -> dict[str, Any]:
    articles = generator.articles
    batches = -(-articles // size)
    check_every = max(batches // 50, 1)
    bare = run_load(
        fresh_db(folder, f"bare-{size}"),
        generator,
        size,
        load_bare,
        checkpoint_mb=checkpoint_mb,
        memory_mb=memory_mb,
    )
    path = fresh_db(folder, f"ledger-{size}")
    ledger = run_load(
        path,
        generator,
        size,
        load_with_ledger,
        checkpoint_mb=checkpoint_mb,
        memory_mb=memory_mb,
        check_every=check_every,
    )
    checks = ledger["scope_checks"]
    return {
        "articles": articles,
        "mentions": ledger["mentions"],
        "batch_articles": size,
        "ledger": ledger,
        "bare": bare,
        "ledger_to_bare_time": ledger["seconds"] / bare["seconds"],
        "tables": table_counts(path),
        "queries": query_times(path, runs),
        "scope": {
            "checked_batches": len(checks),
            "max_rows_rewritten_over_touched": max(
                (c["state_rows_rewritten"] / max(c["touched"], 1) for c in checks), default=0
            ),
            "rows_rewritten_equal_touched": all(
                c["state_rows_rewritten"] == c["touched"] for c in checks
            ),
            "mean_touched": statistics.mean(c["touched"] for c in checks) if checks else 0,
            "mean_claims_of_batch_mentions": statistics.mean(
                c["claims_of_batch_mentions"] for c in checks
            )
            if checks
            else 0,
            "mean_claims_total": statistics.mean(c["claims_total"] for c in checks)
            if checks
            else 0,
        },
    }


def print_table(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'batch':>6} {'mentions/s':>11} {'first 10%':>10} {'last 10%':>9} {'bare/s':>9} "
        f"{'ledger/bare':>11} {'per CPU-s':>10} {'bare CPU-s':>10} {'claims':>8} "
        f"{'touched/batch':>13} {'rewritten=touched':>17}"
    )
    for r in rows:
        led, bare, scope = r["ledger"], r["bare"], r["scope"]
        print(
            f"{r['batch_articles']:>6} {led['mentions_per_s']:>11,.0f} "
            f"{led['first_10pct_mentions_per_s']:>10,.0f} "
            f"{led['last_10pct_mentions_per_s']:>9,.0f} "
            f"{bare['mentions_per_s']:>9,.0f} {r['ledger_to_bare_time']:>10.1f}x "
            f"{led['mentions_per_cpu_s']:>10,.0f} {bare['mentions_per_cpu_s']:>10,.0f} "
            f"{r['tables']['claims']:>8,} {scope['mean_touched']:>13,.0f} "
            f"{scope['rows_rewritten_equal_touched']!s:>17}"
        )
    print()
    print("where the ledger run's time went (wall seconds)")
    for r in rows:
        led = r["ledger"]
        rest = led["seconds"] - led["ledger_seconds"] - led["closing_checkpoint_seconds"]
        print(
            f"{r['batch_articles']:>6} load_ledger {led['ledger_seconds']:.1f} "
            f"({led['ledger_only_mentions_per_s']:,.0f} mentions/s), articles and commits "
            f"{rest:.1f}, closing checkpoint {led['closing_checkpoint_seconds']:.1f}; "
            f"bare load {r['bare']['seconds']:.1f}"
        )
    print()
    print(
        "query times, median (best) ms: run in DuckDB / fetched as Arrow / fetched as Python rows"
    )
    print(f"{'batch':>6} {'query':<28} {'rows':>8} {'engine':>16} {'arrow':>16} {'python':>16}")
    for r in rows:
        for name, q in r["queries"].items():
            cells = " ".join(
                f"{q[f'{how}_median_ms']:>8.1f} ({q[f'{how}_best_ms']:>5.1f})" for how in FETCHES
            )
            print(f"{r['batch_articles']:>6} {name:<28} {q['rows']:>8,} {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, nargs="+", default=[MONITOR_BATCH, 1000])
    parser.add_argument("--runs", type=int, default=7, help="runs per query (median reported)")
    parser.add_argument("--checkpoint-mb", type=int, default=BACKFILL_CHECKPOINT_MB)
    parser.add_argument("--memory-mb", type=int, default=BACKFILL_MEMORY_MB)
    parser.add_argument("--quick", action="store_true", help="20k articles, 100k mentions")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.mentions = 20_000, 100_000
    rows = []
    generator = Generator(args.articles, args.mentions)
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-ledger-") as folder:
        for size in args.batch:
            rows.append(
                bench(generator, size, args.runs, Path(folder), args.checkpoint_mb, args.memory_mb)
            )
    print_table(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
