"""Resolution: each new mention joins the tracked claim it reports, or starts one.

The rule (warehouse.ledger's docstring; DESIGN.md "Tracking rules"): a mention joins the
closest claim of its family and unit whose value is within 1% (ranges: both ends), in the
first of its article's topics that has one (its own topic first); otherwise it starts a new
claim under its own topic. Mentions are taken in the order they were reported, so a claim
started by one mention of a batch can be joined by the next.

Matching against the stored claims is one set-based query over the batch, staged as an Arrow
table. Only what depends on the order inside the batch is left to Python: the mentions that
match no stored claim start claims, and the mentions within tolerance of such a figure
may join those instead. Every other mention takes its stored match as it is.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from warehouse.bulk import insert_columns, registered
from warehouse.records import stable_id

if TYPE_CHECKING:
    from warehouse.records import MentionRecord

VALUE_TOLERANCE = 0.01
"""Two figures within 1% of the larger are the same figure (rounding, 'about', conversions)."""
WINDOW = 1 + 2 * VALUE_TOLERANCE
"""Candidate windows are twice the tolerance wide, so the exact test sees every match."""
BATCH_VIEW = "_ledger_batch"
"""The batch's mentions as registered by the caller: ``ord`` (place in the batch) and the
columns of MentionRecord."""
_DECIDED_VIEW = "_ledger_decided"

Group = tuple[str, str, str]
Best = tuple[float, float, str]
"""(distance, claim value, claim_id): the smaller tuple is the better match."""
Match = tuple[int, float, float, str, str]
"""A stored match: (rank of the topic tried, distance, claim value, claim_id, topic)."""


def log_bucket(value: str, window: str) -> str:
    """SQL for the bucket of log|value| that candidate matching joins on.

    A bucket is twice as wide as the window (value / window to value × window), so a value's
    window lies within its own bucket and the two beside it: an equality join on those three
    finds every candidate, where a range join would compare every value with every claim.
    """
    return f"floor(ln(greatest(abs({value}), 1e-300)) / (2 * ln({window})))"


def window_buckets(value: str, window: str) -> str:
    """SQL for the buckets (one or two) that the window around ``value`` overlaps: those of
    its two ends, the window being as wide as a bucket."""
    log, width = f"ln(greatest(abs({value}), 1e-300))", f"ln({window})"
    return (
        f"list_distinct([floor(({log} - {width}) / (2 * {width})), "
        f"floor(({log} + {width}) / (2 * {width}))])"
    )


def _same_figure_sql(a: str, b: str) -> str:
    """SQL: the figures ``a`` and ``b`` (each with .value and .value_high) are the same."""

    def same(x: str, y: str) -> str:
        return f"abs({x} - {y}) <= $tolerance * greatest(abs({x}), abs({y}))"

    return (
        f"{same(f'{a}.value', f'{b}.value')} AND CASE "
        f"WHEN {a}.value_high IS NULL OR {b}.value_high IS NULL "
        f"THEN {a}.value_high IS NULL AND {b}.value_high IS NULL "
        f"ELSE {same(f'{a}.value_high', f'{b}.value_high')} END"
    )


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


def _same_figure(value: float, value_high: float | None, other: tuple[float, float | None]) -> bool:
    if not _same_value(value, other[0]):
        return False
    if value_high is None or other[1] is None:
        return value_high is None and other[1] is None
    return _same_value(value_high, other[1])


# Each mention's topics in the order it tries them (its own, then its article's others),
# each with the three buckets its window spans.
_PROBES = f"""
CREATE OR REPLACE TEMP TABLE ledger_probes AS
WITH tried AS (
    SELECT ord, family, unit, value, value_high, rank, tries[rank + 1] AS topic
    FROM (
        SELECT ord, family, unit, value, value_high, tries,
               UNNEST(range(len(tries))) AS rank
        FROM (
            SELECT b.ord, b.family, b.unit, b.value::DOUBLE AS value,
                   b.value_high::DOUBLE AS value_high,
                   list_concat([b.topic],
                               list_filter(coalesce(a.topics, []), lambda t: t <> b.topic)) AS tries
            FROM {BATCH_VIEW} b LEFT JOIN articles a USING (article_id)
        )
    )
)
SELECT *, sign(value) AS sign, UNNEST({window_buckets("value", "$window")}) AS bucket
FROM tried
"""

_STORED_MATCHES = f"""
CREATE OR REPLACE TEMP TABLE ledger_stored_match AS
WITH claim_buckets AS (
    SELECT claim_id, topic, family, unit, value, value_high, sign(value) AS sign,
           {log_bucket("value", "$window")} AS bucket
    FROM claims
    WHERE (topic, family, unit) IN (SELECT DISTINCT (topic, family, unit) FROM ledger_probes)
)
-- the first topic with a match, then the closest value, then the lower value and id
SELECT p.ord, min((p.rank, abs(c.value - p.value), c.value, c.claim_id, p.topic)) AS best
FROM ledger_probes p JOIN claim_buckets c
  ON c.topic = p.topic AND c.family = p.family AND c.unit = p.unit
 AND c.sign = p.sign AND c.bucket = p.bucket
WHERE {_same_figure_sql("c", "p")}
GROUP BY p.ord
"""

# The mentions whose claim depends on the order inside the batch: those no stored claim
# matches (their figure starts a claim, unless an earlier one of the batch started it), and
# those within tolerance of such a figure, under a topic they try no later than their stored
# match. Every other mention takes its stored match.
_IN_ORDER = f"""
WITH starters AS (
    SELECT b.* FROM (
        SELECT ord, topic, family, unit, value::DOUBLE AS value,
               value_high::DOUBLE AS value_high
        FROM {BATCH_VIEW}
    ) b
    ANTI JOIN ledger_stored_match s USING (ord)
),
figures AS (
    -- each starting figure once: a claim's mentions share one
    SELECT DISTINCT topic, family, unit, value, value_high, sign(value) AS sign,
           {log_bucket("value", "$window")} AS bucket
    FROM starters
),
near AS (
    SELECT DISTINCT p.ord
    FROM ledger_probes p JOIN figures o
      ON o.topic = p.topic AND o.family = p.family AND o.unit = p.unit
     AND o.sign = p.sign AND o.bucket = p.bucket
    LEFT JOIN ledger_stored_match s ON s.ord = p.ord
    WHERE (s.best IS NULL OR p.rank <= s.best[1]) AND {_same_figure_sql("o", "p")}
)
SELECT x.ord, s.best
FROM (SELECT ord FROM starters UNION SELECT ord FROM near) x
JOIN {BATCH_VIEW} b USING (ord)
LEFT JOIN ledger_stored_match s USING (ord)
ORDER BY b.reported_on, b.article_id, b.char_start, x.ord  -- the order they were reported in
"""

_RESOLVED = f"""
CREATE OR REPLACE TEMP TABLE ledger_resolved AS
SELECT b.ord, b.mention_id, b.article_id, coalesce(d.claim_id, s.best[4]) AS claim_id,
       coalesce(d.topic, s.best[5]) AS topic, b.family::VARCHAR AS family,
       b.unit::VARCHAR AS unit, b.claimant::VARCHAR AS claimant,
       b.reported_on::DATE AS reported_on
FROM {BATCH_VIEW} b
LEFT JOIN {_DECIDED_VIEW} d USING (ord)
LEFT JOIN ledger_stored_match s USING (ord)
"""
_DECIDED_SCHEMA = pa.schema(
    [("ord", pa.int64()), ("claim_id", pa.string()), ("topic", pa.string())]
)


def no_mentions(conn: duckdb.DuckDBPyConnection) -> None:
    """An empty ``ledger_resolved``, for a batch of statements alone."""
    conn.execute(
        "CREATE OR REPLACE TEMP TABLE ledger_resolved (ord BIGINT, mention_id VARCHAR, "
        "article_id VARCHAR, claim_id VARCHAR, topic VARCHAR, family VARCHAR, unit VARCHAR, "
        "claimant VARCHAR, reported_on DATE)"
    )


def _article_topics(conn: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The stored topics of the batch's articles (stored earlier in the same transaction).

    Read by joining the staged batch: binding the article ids as a list parameter cost more
    than the query, and fetching each pending mention's topics instead converts a list per
    mention (up to every mention of a batch) rather than one per article.
    """
    rows = conn.execute(
        f"SELECT article_id, topics FROM articles "
        f"WHERE article_id IN (SELECT article_id FROM {BATCH_VIEW})"
    ).fetchall()
    return {article_id: topics or [] for article_id, topics in rows}


def _closest_new(
    candidates: list[tuple[float, str, float | None]], value: float, value_high: float | None
) -> Best | None:
    """The closest of ``candidates`` (claims started in this batch, sorted) within tolerance."""
    low, high = (value / WINDOW, value * WINDOW) if value >= 0 else (value * WINDOW, value / WINDOW)
    best: Best | None = None
    for k in range(bisect_left(candidates, (low,)), len(candidates)):
        claim_value, claim_id, claim_high = candidates[k]
        if claim_value > high:
            break
        if _same_figure(value, value_high, (claim_value, claim_high)):
            found = (abs(claim_value - value), claim_value, claim_id)
            if best is None or found < best:
                best = found
    return best


def _in_order(conn: duckdb.DuckDBPyConnection) -> list[tuple[int, Match | None]]:
    """The mentions whose claim depends on the order inside the batch, in the order they
    were reported, each with its stored match (None: no stored claim matches it, so it
    starts a claim or joins one started)."""
    conn.execute(_PROBES, {"window": WINDOW})
    params = {"tolerance": VALUE_TOLERANCE, "window": WINDOW}
    conn.execute(_STORED_MATCHES, params)
    pending: list[tuple[int, Match | None]] = conn.execute(_IN_ORDER, params).fetchall()
    conn.execute("DROP TABLE temp.ledger_probes")
    return pending


def resolve(
    conn: duckdb.DuckDBPyConnection,
    mentions: Sequence[MentionRecord],
    *,
    run_id: str,
    now: datetime,
) -> list[str]:
    """Assign each mention of the batch a claim, creating claims as needed (earliest report
    first); returns the claims created.

    The batch is read from the view ``_ledger_batch`` (``ord``: the mention's place in
    ``mentions``); the result is left in the temporary table ``ledger_resolved`` (ord,
    mention_id, article_id, claim_id, topic, and the family, unit, claimant and reported_on
    that statement links read), which the caller drops.
    """
    pending = _in_order(conn)
    article_topics = _article_topics(conn) if pending else {}
    started: dict[Group, list[tuple[float, str, float | None]]] = {}
    resolved: dict[str, list[Any]] = {"ord": [], "claim_id": [], "topic": []}
    created: list[MentionRecord] = []
    created_ids: list[str] = []
    for i, match in pending:
        m = mentions[i]
        tries = [m.topic]
        if match is None or match[0] > 0:
            tries += [t for t in article_topics.get(m.article_id, ()) if t != m.topic]
        for rank, topic in enumerate(tries):
            candidates = started.get((topic, m.family, m.unit))
            best = _closest_new(candidates, m.value, m.value_high) if candidates else None
            if match is not None and match[0] == rank:
                stored: Best = (match[1], match[2], match[3])
                best = stored if best is None or stored < best else best
            if best is not None:
                claim_id = best[2]
                break
        else:
            topic = m.topic
            claim_id = stable_id("c", topic, m.family, m.unit, m.value, m.value_high)
            group = started.setdefault((topic, m.family, m.unit), [])
            insort(group, (m.value, claim_id, m.value_high))
            created.append(m)
            created_ids.append(claim_id)
        resolved["ord"].append(i)
        resolved["claim_id"].append(claim_id)
        resolved["topic"].append(topic)
    with registered(conn, _DECIDED_VIEW, pa.table(resolved, schema=_DECIDED_SCHEMA)):
        conn.execute(_RESOLVED)
    conn.execute("DROP TABLE temp.ledger_stored_match")
    insert_columns(
        conn,
        "claims",
        {
            "claim_id": created_ids,
            **{
                name: [getattr(m, name) for m in created]
                for name in ("topic", "family", "unit", "value", "value_high")
            },
        },
        constants={"created_at": now, "run_id": run_id},
    )
    return created_ids
