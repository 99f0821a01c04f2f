"""The claim ledger: mentions resolved into tracked claims, Kremlin statements linked to them,
status and drift events appended, and per-claim state refreshed, all inside the caller's
transaction (the one that stores the articles).

Rules (DESIGN.md, "Tracking rules"; docs/warehouse.md explains them for analysts):

- A mention joins the tracked claim of its family and unit whose value is within 1% (ranges:
  both ends), in the first of its article's topics that has one (its own topic first);
  otherwise it starts a new claim under its own topic. Families keep a deal figure and a
  trade figure of equal value apart.
- A statement refers to a claim of one of its article's topics, first reported no later than
  the day after the statement, by *value* (a value it names), by *claimant* (whose claims it
  answers, among the claim families its own article discusses, over the year before it), or by
  *subject* (it names neither: the claims its own article reports).
- The Kremlin status walks the linked Kremlin statements in the order they were reported; the
  latest wins, and every change is an event keyed by claim and statement, so the same evidence
  never adds an event twice. Events are only ever appended.
- Drift: the first asserted report fixes a claim's kind and qualifier; each later asserted
  report with a kind or qualifier not seen before is one event.

Work is limited to the claims a batch touched: its new mentions' claims and the claims its new
statements link to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pyarrow as pa

from warehouse.bulk import (
    collector_paused,
    existing_keys,
    insert_records,
    record_columns,
    registered,
)
from warehouse.claim_index import VALUE_TOLERANCE
from warehouse.records import MentionRecord, StatementRecord
from warehouse.resolution import BATCH_VIEW, no_mentions, resolve
from warehouse.state import record_drift, refresh_state, summarise_batch

CLAIMANT_WINDOW_DAYS = 365
"""A statement about someone's claims answers claims reported in the year before it."""


def _log_bucket(value: str, window: str) -> str:
    """SQL for the bucket of log|value| that statement links join on.

    A bucket is twice as wide as the window (value / window to value × window), so a value's
    window lies within its own bucket and the two beside it: an equality join on those three
    finds every candidate, where a range join would compare every value with every claim.
    """
    return f"floor(ln(greatest(abs({value}), 1e-300)) / (2 * ln({window})))"


@dataclass(slots=True)
class LedgerChanges:
    """What one load did to the ledger, for run counts and alerts."""

    mentions: int = 0
    statements: int = 0
    new_claims: list[str] = field(default_factory=list)
    touched_claims: list[str] = field(default_factory=list)
    status_events: list[str] = field(default_factory=list)
    drift_events: list[str] = field(default_factory=list)


_LINKS = f"""
WITH touched AS (SELECT UNNEST($1::VARCHAR[]) AS claim_id),
-- The statements to link against every claim: the new ones, and those in an article this
-- batch added mentions to (what their article is about, the scope below, may have grown).
fresh AS (
    SELECT * FROM statements
    WHERE statement_id IN (SELECT UNNEST($2::VARCHAR[]))
       OR article_id IN (SELECT article_id FROM ledger_resolved)
),
-- Claims this batch reported earlier than before: a statement their stored mentions once
-- came too early for may reach them now.
moved AS (SELECT claim_id FROM ledger_batch_summary WHERE moved),
-- Every mention a link or its checks can need: the batch's own (as resolved, not looked
-- up among all mentions), and in one filtered scan the moved claims' (all of them), those in
-- any statement's own article (subject links, scope), and those of the claimants the fresh
-- statements name, reported in the window a fresh statement answers (the claimant links of
-- the statements stored before need none of them). A stored mention of a touched claim was
-- paired with every statement when it or the statement was loaded; only a moved first
-- report or a grown scope can make such a pair link now. The joins below run on this, not
-- on all mentions; a mention found both ways is there twice, which no use of it counts.
rel AS MATERIALIZED (
    SELECT article_id, claim_id, claimant, reported_on, family, unit FROM ledger_resolved
    UNION ALL
    SELECT article_id, claim_id, claimant, reported_on, family, unit FROM mentions
    WHERE claim_id IN (SELECT claim_id FROM moved)
       OR article_id IN (SELECT article_id FROM statements)
       OR (claimant IN (SELECT about_claimant FROM fresh)
           AND reported_on BETWEEN (SELECT min(reported_on) FROM fresh) - $5::INTEGER
                               AND (SELECT max(reported_on) FROM fresh) + 1)
),
-- Value links join on buckets of log(value) (see _log_bucket).
stated_values AS (
    SELECT statement_id, value, sign(value) AS sign,
           {_log_bucket("value", "(1 + $4)")} + UNNEST([-1, 0, 1]) AS bucket,
           least(value / (1 + $4), value * (1 + $4)) AS lo,
           greatest(value / (1 + $4), value * (1 + $4)) AS hi
    FROM (SELECT statement_id, UNNEST(about_values) AS value FROM statements)
),
claim_buckets AS (
    SELECT claim_id, value, sign(value) AS sign,
           {_log_bucket("value", "(1 + $4)")} AS bucket
    FROM claims
),
candidates AS (
    -- by subject: a statement naming neither value nor claimant, and its own article's claims
    SELECT st.statement_id, r.claim_id, 'subject' AS link
    FROM statements st JOIN rel r ON r.article_id = st.article_id
    WHERE st.about_claimant IS NULL AND len(st.about_values) = 0
      AND (st.statement_id IN (SELECT statement_id FROM fresh)
           OR r.claim_id IN (SELECT claim_id FROM touched))
    UNION ALL
    -- by claimant: the claims that person made in the year before the statement
    SELECT st.statement_id, r.claim_id, 'claimant'
    FROM statements st JOIN rel r ON r.claimant = st.about_claimant
    WHERE r.reported_on BETWEEN st.reported_on - $5::INTEGER AND st.reported_on + 1
      AND (st.statement_id IN (SELECT statement_id FROM fresh)
           OR r.claim_id IN (SELECT claim_id FROM touched))
    UNION ALL
    -- by value: a value the statement names, within the tolerance; new statements against
    -- every claim, every statement against the touched claims
    SELECT v.statement_id, c.claim_id, 'value'
    FROM (SELECT * FROM stated_values WHERE statement_id IN (SELECT statement_id FROM fresh)) v
    JOIN claim_buckets c ON c.sign = v.sign AND c.bucket = v.bucket
    WHERE c.value BETWEEN v.lo AND v.hi
    UNION ALL
    SELECT v.statement_id, c.claim_id, 'value'
    FROM stated_values v
    JOIN (SELECT * FROM claim_buckets WHERE claim_id IN (SELECT claim_id FROM touched)) c
      ON c.sign = v.sign AND c.bucket = v.bucket
    WHERE c.value BETWEEN v.lo AND v.hi
),
first_seen AS (
    -- claim_state holds the first report before this batch, rel the batch's mentions
    SELECT claim_id, min(day) AS first_seen FROM (
        SELECT claim_id, reported_on AS day FROM rel
        WHERE claim_id IN (SELECT claim_id FROM candidates)
        UNION ALL
        SELECT claim_id, first_seen FROM claim_state
        WHERE claim_id IN (SELECT claim_id FROM candidates)
    ) GROUP BY claim_id
),
scope AS (
    -- what the statement's own article is about: the families and units of its claims
    SELECT article_id, list(DISTINCT family) AS families, list(DISTINCT unit) AS units
    FROM rel
    WHERE article_id IN (
        SELECT st.article_id FROM candidates JOIN statements st USING (statement_id)
    )
    GROUP BY article_id
),
linked AS (
    SELECT DISTINCT x.statement_id, x.claim_id, x.link
    FROM candidates x
    JOIN statements st USING (statement_id)
    JOIN claims c ON c.claim_id = x.claim_id
    JOIN first_seen f ON f.claim_id = x.claim_id
    LEFT JOIN scope sc ON sc.article_id = st.article_id
    WHERE list_contains(st.topics, c.topic)
      AND f.first_seen <= st.reported_on + 1
      AND (x.link = 'subject'
           OR (x.link = 'claimant'
               AND (sc.families IS NULL OR list_contains(sc.families, c.family)))
           OR (x.link = 'value' AND (sc.units IS NULL OR list_contains(sc.units, c.unit))
               AND len(list_filter(st.about_values, lambda v:
                   abs(v - c.value) <= $4 * greatest(abs(v), abs(c.value)))) > 0))
)
INSERT INTO statement_links (statement_id, claim_id, link, linked_at)
SELECT statement_id, claim_id, min(link), $3 FROM linked GROUP BY statement_id, claim_id
ON CONFLICT DO NOTHING
RETURNING claim_id
"""


def link_statements(
    conn: duckdb.DuckDBPyConnection,
    touched: Sequence[str],
    fresh_statements: Sequence[str],
    *,
    now: datetime,
) -> set[str]:
    """Link statements to claims (new statements to every claim, every statement to the
    touched claims); returns the claims that gained a link."""
    if not touched and not fresh_statements:
        return set()
    rows = conn.execute(
        _LINKS,
        [list(touched), list(fresh_statements), now, VALUE_TOLERANCE, CLAIMANT_WINDOW_DAYS],
    ).fetchall()
    return {row[0] for row in rows}


_STATUS_EVENTS = """
WITH walk AS (
    SELECT l.claim_id, st.statement_id, st.reported_on, st.article_id, st.char_start,
           CASE st.stance WHEN 'confirm' THEN 'confirmed' WHEN 'deny' THEN 'denied'
                ELSE 'not_confirmed' END AS status
    FROM statement_links l JOIN statements st USING (statement_id)
    WHERE st.is_kremlin AND l.claim_id IN (SELECT UNNEST($1::VARCHAR[]))
),
changes AS (
    SELECT *, lag(status, 1, 'unverified') OVER (
        PARTITION BY claim_id ORDER BY reported_on, article_id, char_start, statement_id
    ) AS previous
    FROM walk
)
INSERT INTO claim_status_events
    (event_id, claim_id, status, effective_on, statement_id, recorded_at, run_id)
SELECT claim_id || ':' || statement_id, claim_id, status, reported_on, statement_id, $2, $3
FROM changes WHERE status <> previous
ON CONFLICT DO NOTHING
RETURNING event_id, claim_id
"""


def store_mentions(
    conn: duckdb.DuckDBPyConnection, names: Sequence[str], stamp: dict[str, object]
) -> None:
    """Insert the batch's mentions with the claims (and claim topics) resolution gave them."""
    selected = ", ".join("r.topic" if n == "topic" else f"b.{n}" for n in names)
    # Only ids not stored yet are in the batch: no conflict check needed.
    conn.execute(
        f"INSERT INTO mentions ({', '.join(names)}, claim_id, run_id, loaded_at) "
        f"SELECT {selected}, r.claim_id, $run_id, $loaded_at "
        f"FROM {BATCH_VIEW} b JOIN ledger_resolved r USING (ord)",
        stamp,
    )


@collector_paused()
def load_ledger(
    conn: duckdb.DuckDBPyConnection,
    mentions: Sequence[MentionRecord],
    statements: Sequence[StatementRecord],
    *,
    run_id: str,
    now: datetime,
) -> LedgerChanges:
    """Store a batch's mentions and statements and bring the tracked claims up to date.

    Mentions and statements already stored (same ids) are skipped, so a re-run, or the same
    article loaded again, changes nothing. Call inside the transaction that stores the articles.
    """
    changes = LedgerChanges()
    known_mentions = existing_keys(conn, "mentions", "mention_id", [m.mention_id for m in mentions])
    new_mentions = list(
        {m.mention_id: m for m in mentions if m.mention_id not in known_mentions}.values()
    )
    known_statements = existing_keys(
        conn, "statements", "statement_id", [s.statement_id for s in statements]
    )
    new_statements = list(
        {s.statement_id: s for s in statements if s.statement_id not in known_statements}.values()
    )
    if not new_mentions and not new_statements:
        return changes
    stamp = {"run_id": run_id, "loaded_at": now}
    columns = record_columns(new_mentions)
    columns["ord"] = list(range(len(new_mentions)))
    by_mentions: list[str] = []
    batch = pa.table(columns)
    with registered(conn, BATCH_VIEW, batch):
        if new_mentions:
            changes.new_claims = resolve(conn, columns, batch, run_id=run_id, now=now)
        else:
            no_mentions(conn)
        summarise_batch(conn, mentions=bool(new_mentions))
        if new_mentions:
            store_mentions(conn, [name for name in columns if name != "ord"], stamp)
            by_mentions = [
                row[0]
                for row in conn.execute(
                    "SELECT DISTINCT claim_id FROM ledger_resolved ORDER BY claim_id"
                ).fetchall()
            ]
        # Only ids not stored yet are left: no conflict check needed.
        insert_records(conn, "statements", new_statements, constants=stamp, on_conflict="")
        fresh = [s.statement_id for s in new_statements]
        linked = link_statements(conn, by_mentions, fresh, now=now)
        touched = sorted(set(by_mentions) | linked)
        # A claim's events follow from its linked statements: only new links can add some.
        status_rows = (
            conn.execute(_STATUS_EVENTS, [sorted(linked), now, run_id]).fetchall() if linked else []
        )
        drift_rows = record_drift(conn, now=now, run_id=run_id) if new_mentions else []
        refresh_state(
            conn,
            touched,
            restated={row[1] for row in status_rows},
            relinked=linked,
            redrifted={row[1] for row in drift_rows},
            now=now,
        )
        conn.execute("DROP TABLE temp.ledger_resolved")
        conn.execute("DROP TABLE temp.ledger_batch_summary")
    changes.mentions = len(new_mentions)
    changes.statements = len(new_statements)
    changes.touched_claims = touched
    changes.status_events = [row[0] for row in status_rows]
    changes.drift_events = [row[0] for row in drift_rows]
    return changes
