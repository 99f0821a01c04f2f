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

import hashlib
from bisect import bisect_left, insort
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb

from warehouse.bulk import existing_keys, insert_columns, insert_records, record_columns

KREMLIN_ROLES = frozenset(
    {"president", "kremlin_spokesman", "presidential_aide", "kremlin_press_service"}
)
FAMILY_OF_KIND = {
    "contract_signed": "deal",
    "negotiation": "deal",
    "investment_pledge": "deal",
    "other": "deal",
    "trade_growth": "trade",
    "trade_volume": "trade",
    "supply_volume": "supply",
}
VALUE_TOLERANCE = 0.01
"""Two figures within 1% of the larger are the same figure (rounding, 'about', conversions)."""
CLAIMANT_WINDOW_DAYS = 365
"""A statement about someone's claims answers claims reported in the year before it."""


def family_of(kind: str) -> str:
    return FAMILY_OF_KIND.get(kind, "deal")


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionRecord:
    """One figure claim in one article (``claim_id`` is filled in by resolution)."""

    mention_id: str
    article_id: str
    topic: str
    family: str
    text: str
    value: float
    value_high: float | None
    unit: str
    value_usd: float | None
    qualifier: str
    kind: str
    modality: str
    claimant: str | None
    attributed_to: str | None
    parties: list[str]
    period: str | None
    sentence: str
    char_start: int
    char_end: int
    reported_on: date
    source_id: str
    leaning: str | None
    language: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementRecord:
    """One statement by a Russian voice in one article."""

    statement_id: str
    article_id: str
    speaker: str | None
    role: str
    is_kremlin: bool
    stance: str
    about_claimant: str | None
    about_values: list[float]
    topics: list[str]
    sentence: str
    char_start: int
    char_end: int
    reported_on: date
    source_id: str


@dataclass(slots=True)
class LedgerChanges:
    """What one load did to the ledger, for run counts and alerts."""

    mentions: int = 0
    statements: int = 0
    new_claims: list[str] = field(default_factory=list)
    touched_claims: list[str] = field(default_factory=list)
    status_events: list[str] = field(default_factory=list)
    drift_events: list[str] = field(default_factory=list)


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


def _same_figure(mention: MentionRecord, value: float, value_high: float | None) -> bool:
    if not _same_value(mention.value, value):
        return False
    if mention.value_high is None or value_high is None:
        return mention.value_high is None and value_high is None
    return _same_value(mention.value_high, value_high)


def _log_bucket(value: str, window: str) -> str:
    """SQL for the bucket of log|value| that candidate matching joins on.

    A bucket is twice as wide as the window (value / window to value × window), so a value's
    window lies within its own bucket and the two beside it: an equality join on those three
    finds every candidate, where a range join would compare every value with every claim.
    """
    return f"floor(ln(greatest(abs({value}), 1e-300)) / (2 * ln({window})))"


Group = tuple[str, str, str]
Candidate = tuple[float, str, float | None]
"""(value, claim_id, value_high): sorted by value, ties by id."""


def _article_topics(
    conn: duckdb.DuckDBPyConnection, mentions: Sequence[MentionRecord]
) -> dict[str, list[str]]:
    """Each mention's topics, in the order it tries them: its own, then its article's others.

    The articles are stored earlier in the same transaction, so their topics are there.
    """
    stored = dict(
        conn.execute(
            "SELECT article_id, topics FROM articles WHERE article_id IN (SELECT UNNEST($1))",
            [sorted({m.article_id for m in mentions})],
        ).fetchall()
    )
    return {
        m.mention_id: [m.topic, *(t for t in stored.get(m.article_id) or () if t != m.topic)]
        for m in mentions
    }


def _claims_near(
    conn: duckdb.DuckDBPyConnection,
    mentions: Sequence[MentionRecord],
    topics: Mapping[str, Sequence[str]],
) -> dict[Group, list[Candidate]]:
    """Stored claims that a mention of the batch could join, by (topic, family, unit)."""
    tried = [(topic, m) for m in mentions for topic in topics[m.mention_id]]
    rows = conn.execute(
        f"""
        WITH batch AS (
            SELECT DISTINCT topic, family, unit, value, sign(value) AS sign,
                   least(value / $5, value * $5) AS lo, greatest(value / $5, value * $5) AS hi,
                   {_log_bucket("value", "$5")} + UNNEST([-1, 0, 1]) AS bucket
            FROM (SELECT UNNEST($1) AS topic, UNNEST($2) AS family, UNNEST($3) AS unit,
                         UNNEST($4) AS value)
        )
        SELECT DISTINCT c.topic, c.family, c.unit, c.value, c.value_high, c.claim_id
        FROM claims c JOIN batch b
          ON c.topic = b.topic AND c.family = b.family AND c.unit = b.unit
         AND sign(c.value) = b.sign AND {_log_bucket("c.value", "$5")} = b.bucket
        WHERE c.value BETWEEN b.lo AND b.hi
        """,
        [
            [topic for topic, _ in tried],
            [m.family for _, m in tried],
            [m.unit for _, m in tried],
            [m.value for _, m in tried],
            1 + 2 * VALUE_TOLERANCE,  # the same window _match scans, from the same tolerance
        ],
    ).fetchall()
    groups: dict[Group, list[Candidate]] = {}
    for topic, family, unit, value, value_high, claim_id in rows:
        groups.setdefault((topic, family, unit), []).append((value, claim_id, value_high))
    for candidates in groups.values():
        candidates.sort()
    return groups


def _match(candidates: list[Candidate], mention: MentionRecord) -> str | None:
    """The closest stored claim within tolerance, scanning outward from the mention's value."""
    lo = bisect_left(candidates, (mention.value * (1 - 2 * VALUE_TOLERANCE),))
    best: tuple[float, str] | None = None
    for value, claim_id, value_high in candidates[lo:]:
        if value > mention.value * (1 + 2 * VALUE_TOLERANCE) and value > 0:
            break
        if _same_figure(mention, value, value_high):
            distance = abs(value - mention.value)
            if best is None or distance < best[0]:
                best = (distance, claim_id)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class Resolution:
    """Which claim each mention joined, under which topic, and the claims created."""

    claim_of: dict[str, str]
    """mention_id → claim_id."""
    topic_of: dict[str, str]
    """mention_id → the topic of its claim (one of its article's topics)."""
    created: list[str]


def resolve(
    conn: duckdb.DuckDBPyConnection,
    mentions: Sequence[MentionRecord],
    *,
    run_id: str,
    now: datetime,
) -> Resolution:
    """Assign each mention a claim, creating claims as needed (earliest report first).

    A mention may join a claim of any of its article's topics, its own first: a Russian
    answer that matches both a 2018 topic and the general one still joins the general
    topic's claim first reported in Persian. Only when no topic has a matching claim is
    one created, under the mention's own topic.
    """
    ordered = sorted(mentions, key=lambda m: (m.reported_on, m.article_id, m.char_start))
    topics = _article_topics(conn, ordered) if ordered else {}
    groups = _claims_near(conn, ordered, topics) if ordered else {}
    claim_of: dict[str, str] = {}
    topic_of: dict[str, str] = {}
    created: list[MentionRecord] = []
    for mention in ordered:
        for topic in topics[mention.mention_id]:
            claim_id = _match(groups.get((topic, mention.family, mention.unit), []), mention)
            if claim_id is not None:
                break
        else:
            topic = mention.topic
            claim_id = stable_id(
                "c", topic, mention.family, mention.unit, mention.value, mention.value_high
            )
            candidates = groups.setdefault((topic, mention.family, mention.unit), [])
            insort(candidates, (mention.value, claim_id, mention.value_high))
            created.append(mention)
        claim_of[mention.mention_id] = claim_id
        topic_of[mention.mention_id] = topic
    columns = {
        name: [getattr(m, name) for m in created]
        for name in ("topic", "family", "unit", "value", "value_high")
    }
    new_ids = [claim_of[m.mention_id] for m in created]
    insert_columns(
        conn,
        "claims",
        {"claim_id": new_ids, **columns},
        constants={"created_at": now, "run_id": run_id},
    )
    return Resolution(claim_of=claim_of, topic_of=topic_of, created=new_ids)


_LINKS = f"""
WITH touched AS (SELECT UNNEST($1::VARCHAR[]) AS claim_id),
fresh AS (SELECT * FROM statements WHERE statement_id IN (SELECT UNNEST($2::VARCHAR[]))),
-- Every mention a link or its checks can need, in one filtered scan: the touched claims' (all
-- of them), those in any statement's own article (subject links, scope), and those of the
-- claimants the fresh statements name. The joins below run on this, not on all mentions.
rel AS MATERIALIZED (
    SELECT article_id, claim_id, claimant, reported_on, family, unit FROM mentions
    WHERE claim_id IN (SELECT claim_id FROM touched)
       OR article_id IN (SELECT article_id FROM statements)
       OR claimant IN (SELECT about_claimant FROM fresh)
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
    -- claim_state is current for every claim this batch did not add mentions to, and rel
    -- holds every mention of the claims it did
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
RETURNING event_id
"""

_DRIFT_EVENTS = """
WITH reports AS (
    SELECT claim_id, mention_id, kind, qualifier, reported_on,
           row_number() OVER w AS n,
           first_value(kind) OVER w AS first_kind,
           first_value(qualifier) OVER w AS first_qualifier
    FROM ledger_claim_mentions
    WHERE modality = 'asserted' AND claim_id IN (SELECT UNNEST($1::VARCHAR[]))
    WINDOW w AS (PARTITION BY claim_id ORDER BY reported_on, article_id, char_start)
),
changed AS (
    SELECT claim_id, 'kind' AS field, first_kind AS from_value, kind AS to_value,
           arg_min(mention_id, n) AS mention_id, min(reported_on) AS effective_on
    FROM reports WHERE kind <> first_kind AND kind <> 'other'
    GROUP BY ALL
    UNION ALL
    SELECT claim_id, 'qualifier', first_qualifier, qualifier,
           arg_min(mention_id, n), min(reported_on)
    FROM reports WHERE qualifier <> first_qualifier
    GROUP BY ALL
)
INSERT INTO claim_drift_events
    (event_id, claim_id, field, from_value, to_value, effective_on, mention_id, recorded_at,
     run_id)
SELECT claim_id || ':' || field || ':' || to_value, claim_id, field, from_value, to_value,
       effective_on, mention_id, $2, $3
FROM changed
ON CONFLICT DO NOTHING
RETURNING event_id
"""

_REFRESH_STATE = """
WITH touched AS (SELECT UNNEST($1::VARCHAR[]) AS claim_id),
agg AS (
    SELECT claim_id,
           arg_min(kind, (modality <> 'asserted', reported_on, article_id, char_start)) AS kind,
           arg_min(qualifier, (modality <> 'asserted', reported_on, article_id, char_start))
               AS qualifier,
           arg_min(value_usd, (modality <> 'asserted', reported_on, article_id, char_start))
               AS value_usd,
           -- distinct values as list_distinct (which also drops NULLs) of a plain list: one
           -- pass, where each DISTINCT aggregate costs a grouping of its own
           list_sort(list_distinct(list(claimant))) AS claimants,
           min(reported_on) AS first_seen, max(reported_on) AS last_seen,
           count(*) AS mentions, len(list_distinct(list(article_id))) AS articles,
           list_sort(list_distinct(list(source_id))) AS outlets,
           len(outlets) AS sources,
           list_sort(list_distinct(list(leaning))) AS leanings,
           list_sort(list_distinct(list(language))) AS languages
    FROM ledger_claim_mentions WHERE claim_id IN (SELECT claim_id FROM touched)
    GROUP BY claim_id
),
latest AS (
    SELECT e.claim_id,
           arg_max(e.status, (e.effective_on, st.article_id, st.char_start, e.statement_id))
               AS status,
           arg_max(e.effective_on, (e.effective_on, st.article_id, st.char_start, e.statement_id))
               AS since,
           arg_max(e.event_id, (e.effective_on, st.article_id, st.char_start, e.statement_id))
               AS event_id,
           arg_max(st.statement_id,
                   (e.effective_on, st.article_id, st.char_start, e.statement_id))
               AS statement_id
    FROM claim_status_events e JOIN statements st USING (statement_id)
    WHERE e.claim_id IN (SELECT claim_id FROM touched)
    GROUP BY e.claim_id
),
evidence AS (
    -- the statement that set the status now: its article, sentence and speaker
    SELECT latest.claim_id, a.url, st.sentence, st.speaker
    FROM latest JOIN statements st USING (statement_id)
    LEFT JOIN articles a ON a.article_id = st.article_id
),
signals AS (
    SELECT l.claim_id,
           list({'speaker': st.speaker, 'role': st.role, 'stance': st.stance,
                 'reported_on': st.reported_on, 'statement_id': st.statement_id}
                ORDER BY st.reported_on, st.statement_id) AS signals
    FROM statement_links l JOIN statements st USING (statement_id)
    WHERE NOT st.is_kremlin AND l.claim_id IN (SELECT claim_id FROM touched)
    GROUP BY l.claim_id
),
drift AS (
    SELECT claim_id, count(*) AS n FROM claim_drift_events
    WHERE claim_id IN (SELECT claim_id FROM touched) GROUP BY claim_id
)
INSERT INTO claim_state BY NAME
SELECT agg.claim_id, c.topic, c.family, c.unit, c.value, c.value_high, agg.kind,
       agg.qualifier, agg.value_usd, agg.claimants, agg.first_seen, agg.last_seen, agg.mentions,
       agg.articles, agg.sources, agg.outlets, agg.leanings, agg.languages,
       coalesce(latest.status, 'unverified') AS kremlin_status,
       latest.since AS kremlin_status_since, latest.event_id AS status_event_id,
       evidence.url AS kremlin_evidence_url, evidence.sentence AS kremlin_evidence_sentence,
       evidence.speaker AS kremlin_evidence_speaker, coalesce(drift.n, 0) AS drift_events,
       coalesce(signals.signals, []) AS other_russian_signals, $2 AS updated_at
FROM agg
JOIN claims c USING (claim_id)
LEFT JOIN latest USING (claim_id)
LEFT JOIN evidence USING (claim_id)
LEFT JOIN signals USING (claim_id)
LEFT JOIN drift USING (claim_id)
"""


_STAGE_MENTIONS = """
CREATE OR REPLACE TEMP TABLE ledger_claim_mentions AS
SELECT claim_id, mention_id, article_id, char_start, reported_on, modality, kind, qualifier,
       value_usd, claimant, source_id, leaning, language
FROM mentions WHERE claim_id IN (SELECT UNNEST($1::VARCHAR[]))
"""


def stage_mentions(conn: duckdb.DuckDBPyConnection, claims: Sequence[str]) -> None:
    """Copy every mention of ``claims`` into a temporary table, so that drift and the state
    refresh read them with one scan of ``mentions`` between them (it grows without end)."""
    conn.execute(_STAGE_MENTIONS, [list(claims)])


def refresh_state(conn: duckdb.DuckDBPyConnection, claims: Sequence[str], *, now: datetime) -> None:
    """Recompute the claim_state rows of ``claims`` (and only those) from their staged mentions."""
    if not claims:
        return
    conn.execute("DELETE FROM claim_state WHERE claim_id IN (SELECT UNNEST($1))", [list(claims)])
    conn.execute(_REFRESH_STATE, [list(claims), now])


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
    resolution = resolve(conn, new_mentions, run_id=run_id, now=now)
    changes.new_claims = resolution.created
    stamp = {"run_id": run_id, "loaded_at": now}
    columns = record_columns(new_mentions)
    if new_mentions:
        columns["claim_id"] = [resolution.claim_of[m.mention_id] for m in new_mentions]
        columns["topic"] = [resolution.topic_of[m.mention_id] for m in new_mentions]
    # Only ids not stored yet are left: no conflict check needed.
    insert_columns(conn, "mentions", columns, constants=stamp, on_conflict="")
    insert_records(conn, "statements", new_statements, constants=stamp, on_conflict="")
    by_mentions = sorted(set(resolution.claim_of.values()))
    linked = link_statements(conn, by_mentions, [s.statement_id for s in new_statements], now=now)
    touched = sorted(set(by_mentions) | linked)
    stage_mentions(conn, touched)
    status_rows = conn.execute(_STATUS_EVENTS, [touched, now, run_id]).fetchall()
    drift_rows = conn.execute(_DRIFT_EVENTS, [by_mentions, now, run_id]).fetchall()
    refresh_state(conn, touched, now=now)
    conn.execute("DROP TABLE temp.ledger_claim_mentions")
    changes.mentions = len(new_mentions)
    changes.statements = len(new_statements)
    changes.touched_claims = touched
    changes.status_events = [row[0] for row in status_rows]
    changes.drift_events = [row[0] for row in drift_rows]
    return changes
