"""Per-claim state and figure drift, folded forward from each batch's own mentions.

A claim's row in ``claim_state`` is a summary of all its mentions that can be updated from a
batch alone: counts add up, first and last seen take the extremes, the lists of claimants,
outlets, leanings and languages merge, and kind, qualifier and value_usd come from the
earliest report (asserted reports first), which the row keeps the place of (``first_report``,
``value_usd_report``) so that only an earlier report replaces them. The article count adds
the batch's articles that had no mention of the claim yet. So a batch costs in proportion to
its own mentions, not to every mention of the claims it touched (which grows without end).

Drift is folded the same way. Each later asserted report with a kind or qualifier that
differs from the first report's gets its event when it is loaded, so a batch only compares
its own reports with the first report on record. Only when a batch brings a claim an earlier
first report (a backfill of older articles) are that claim's reports all compared again.

The Kremlin status with its evidence, the other Russian signals and the drift count are
recomputed from a claim's events and links when the batch added to them, and carried over
otherwise (events and links are only ever appended).

All of this reads the batch from the view ``_ledger_batch`` and its claims from
``ledger_resolved`` (warehouse.resolution), inside the load's transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

import duckdb

from warehouse.resolution import BATCH_VIEW


def _report_key(prefix: str = "") -> str:
    """SQL: a mention's place in reporting order, asserted reports first."""
    return (
        f"{{'not_asserted': {prefix}modality <> 'asserted', "
        f"'reported_on': {prefix}reported_on::DATE, 'article_id': {prefix}article_id::VARCHAR, "
        f"'char_start': {prefix}char_start::INTEGER}}"
    )


_REPORT = "STRUCT(not_asserted BOOLEAN, reported_on DATE, article_id VARCHAR, char_start INTEGER)"
_SUMMARY_TABLE = f"""
CREATE OR REPLACE TEMP TABLE ledger_batch_summary (
    claim_id VARCHAR, first_report {_REPORT}, kind VARCHAR, qualifier VARCHAR,
    value_usd_report {_REPORT}, value_usd DOUBLE, claimants VARCHAR[], first_seen DATE,
    last_seen DATE, mentions BIGINT, new_articles BIGINT, outlets VARCHAR[],
    leanings VARCHAR[], languages VARCHAR[], moved BOOLEAN, rewound BOOLEAN
)
"""
# Beside each claim's summary, how the batch moves its stored row (read once here, for the
# statement links and the drift check): ``moved``, an earlier first report date; ``rewound``,
# an earlier first report. claim_state is not written until the refresh, the load's last step.
_BATCH_SUMMARY = f"""
INSERT INTO ledger_batch_summary
WITH batch AS (
    SELECT r.claim_id, b.article_id, b.reported_on, b.kind, b.qualifier,
           b.value_usd::DOUBLE AS value_usd, b.claimant::VARCHAR AS claimant, b.source_id,
           b.leaning::VARCHAR AS leaning, b.language::VARCHAR AS language,
           {_report_key("b.")} AS report
    FROM {BATCH_VIEW} b JOIN ledger_resolved r USING (ord)
),
seen AS (
    -- the batch's articles that already had mentions of a claim (a re-extraction)
    SELECT DISTINCT claim_id, article_id FROM mentions
    WHERE article_id IN (SELECT article_id FROM batch)
),
summary AS (
SELECT b.claim_id, min(report) AS first_report, arg_min(kind, report) AS kind,
       arg_min(qualifier, report) AS qualifier,
       min(report) FILTER (WHERE value_usd IS NOT NULL) AS value_usd_report,
       arg_min(value_usd, report) AS value_usd,
       list_distinct(list(claimant)) AS claimants,
       min(reported_on) AS first_seen, max(reported_on) AS last_seen, count(*) AS mentions,
       len(list_distinct(list(b.article_id) FILTER (WHERE seen.article_id IS NULL)))
           AS new_articles,
       list_distinct(list(source_id)) AS outlets,
       list_distinct(list(leaning)) AS leanings,
       list_distinct(list(language)) AS languages
FROM batch b
LEFT JOIN seen ON seen.claim_id = b.claim_id AND seen.article_id = b.article_id
GROUP BY b.claim_id
)
SELECT a.*, coalesce(a.first_seen < s.first_seen, false) AS moved,
       coalesce(a.first_report < s.first_report, false) AS rewound
FROM summary a LEFT JOIN claim_state s USING (claim_id)
"""

_REWOUND_REPORTS = f"""
    UNION ALL
    SELECT claim_id, mention_id, kind, qualifier, reported_on, {_report_key()}
    FROM mentions
    WHERE modality = 'asserted' AND claim_id IN (SELECT claim_id FROM rewound)
"""
"""The stored reports of the claims the batch rewound, compared again; left out of the query
when there are none (it would scan every mention to find nothing)."""


def _drift_events(rewound_reports: str) -> str:
    return f"""
WITH rewound AS (
    -- claims this batch gave an earlier first report: all their reports are compared again
    SELECT claim_id FROM ledger_batch_summary WHERE rewound
),
reports AS (
    SELECT r.claim_id, b.mention_id, b.kind, b.qualifier, b.reported_on::DATE AS reported_on,
           {_report_key("b.")} AS report
    FROM {BATCH_VIEW} b JOIN ledger_resolved r USING (ord)
    WHERE b.modality = 'asserted' AND r.claim_id NOT IN (SELECT claim_id FROM rewound)
    UNION ALL
    -- the first report on record stands for the stored ones: each stored report that differs
    -- from it got its event when it was loaded
    SELECT claim_id, NULL, kind, qualifier, first_report.reported_on, first_report
    FROM claim_state
    WHERE claim_id IN (SELECT claim_id FROM ledger_batch_summary)
      AND claim_id NOT IN (SELECT claim_id FROM rewound)
      AND NOT first_report.not_asserted
    {rewound_reports}
),
ranked AS (
    SELECT *, row_number() OVER w AS n,
           first_value(kind) OVER w AS first_kind,
           first_value(qualifier) OVER w AS first_qualifier
    FROM reports
    WINDOW w AS (PARTITION BY claim_id ORDER BY report)
),
changed AS (
    SELECT claim_id, 'kind' AS field, first_kind AS from_value, kind AS to_value,
           arg_min(mention_id, n) AS mention_id, min(reported_on) AS effective_on
    FROM ranked WHERE kind <> first_kind AND kind <> 'other'
    GROUP BY ALL
    UNION ALL
    SELECT claim_id, 'qualifier', first_qualifier, qualifier,
           arg_min(mention_id, n), min(reported_on)
    FROM ranked WHERE qualifier <> first_qualifier
    GROUP BY ALL
)
INSERT INTO claim_drift_events
    (event_id, claim_id, field, from_value, to_value, effective_on, mention_id, recorded_at,
     run_id)
SELECT claim_id || ':' || field || ':' || to_value, claim_id, field, from_value, to_value,
       effective_on, mention_id, $now, $run_id
FROM changed
ON CONFLICT DO NOTHING
RETURNING event_id, claim_id
"""


_DRIFT_EVENTS = {False: _drift_events(""), True: _drift_events(_REWOUND_REPORTS)}
"""The drift query, without and with the rewound claims' stored reports."""


def _merged(column: str) -> str:
    """SQL: the stored list ``column`` and the batch's, as one sorted list without repeats
    (the stored one as it is when the batch adds nothing to it, as it mostly does not)."""
    stored, batch = f"coalesce(s.{column}, [])", f"coalesce(a.{column}, [])"
    return (
        f"CASE WHEN list_has_all({stored}, {batch}) THEN {stored} "
        f"ELSE list_sort(list_distinct(list_concat({stored}, {batch}))) END AS {column}"
    )


_NEXT_STATE = f"""
CREATE OR REPLACE TEMP TABLE ledger_next_state AS
WITH touched AS (SELECT UNNEST($claims::VARCHAR[]) AS claim_id),
folded AS (
    -- the stored row folded with the batch's summary (either may be missing: a claim born in
    -- this batch, or one touched only by a statement)
    SELECT t.claim_id,
           a.claim_id IS NOT NULL
               AND (s.claim_id IS NULL OR a.first_report < s.first_report) AS batch_first,
           a.value_usd_report IS NOT NULL
               AND (s.value_usd_report IS NULL OR a.value_usd_report < s.value_usd_report)
               AS batch_usd,
           CASE WHEN batch_first THEN a.first_report ELSE s.first_report END AS first_report,
           CASE WHEN batch_first THEN a.kind ELSE s.kind END AS kind,
           CASE WHEN batch_first THEN a.qualifier ELSE s.qualifier END AS qualifier,
           CASE WHEN batch_usd THEN a.value_usd_report ELSE s.value_usd_report END
               AS value_usd_report,
           CASE WHEN batch_usd THEN a.value_usd ELSE s.value_usd END AS value_usd,
           {_merged("claimants")},
           least(s.first_seen, a.first_seen) AS first_seen,
           greatest(s.last_seen, a.last_seen) AS last_seen,
           coalesce(s.mentions, 0) + coalesce(a.mentions, 0) AS mentions,
           coalesce(s.articles, 0) + coalesce(a.new_articles, 0) AS articles,
           {_merged("outlets")},
           {_merged("leanings")},
           {_merged("languages")},
           s.kremlin_status, s.kremlin_status_since, s.status_event_id,
           s.kremlin_evidence_url, s.kremlin_evidence_sentence, s.kremlin_evidence_speaker,
           s.drift_events, s.other_russian_signals
    FROM touched t
    LEFT JOIN ledger_batch_summary a USING (claim_id)
    LEFT JOIN claim_state s USING (claim_id)
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
    WHERE e.claim_id IN (SELECT UNNEST($restated::VARCHAR[]))
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
           list({{'speaker': st.speaker, 'role': st.role, 'stance': st.stance,
                 'reported_on': st.reported_on, 'statement_id': st.statement_id}}
                ORDER BY st.reported_on, st.statement_id) AS signals
    FROM statement_links l JOIN statements st USING (statement_id)
    WHERE NOT st.is_kremlin AND l.claim_id IN (SELECT UNNEST($relinked::VARCHAR[]))
    GROUP BY l.claim_id
),
drift AS (
    SELECT claim_id, count(*) AS n FROM claim_drift_events
    WHERE claim_id IN (SELECT UNNEST($redrifted::VARCHAR[])) GROUP BY claim_id
)
SELECT f.claim_id, c.topic, c.family, c.unit, c.value, c.value_high, f.kind, f.qualifier,
       f.value_usd, f.claimants, f.first_seen, f.last_seen, f.mentions, f.articles,
       len(f.outlets) AS sources,
       f.outlets, f.leanings, f.languages,
       -- what no new event or link changed is carried over from the stored row
       coalesce(latest.status, f.kremlin_status, 'unverified') AS kremlin_status,
       CASE WHEN latest.claim_id IS NULL THEN f.kremlin_status_since ELSE latest.since END
           AS kremlin_status_since,
       CASE WHEN latest.claim_id IS NULL THEN f.status_event_id ELSE latest.event_id END
           AS status_event_id,
       CASE WHEN latest.claim_id IS NULL THEN f.kremlin_evidence_url ELSE evidence.url END
           AS kremlin_evidence_url,
       CASE WHEN latest.claim_id IS NULL THEN f.kremlin_evidence_sentence
            ELSE evidence.sentence END AS kremlin_evidence_sentence,
       CASE WHEN latest.claim_id IS NULL THEN f.kremlin_evidence_speaker
            ELSE evidence.speaker END AS kremlin_evidence_speaker,
       coalesce(drift.n, f.drift_events, 0) AS drift_events,
       coalesce(signals.signals, f.other_russian_signals, []) AS other_russian_signals,
       $now AS updated_at,
       f.first_report, f.value_usd_report
FROM folded f
JOIN claims c USING (claim_id)
LEFT JOIN latest USING (claim_id)
LEFT JOIN evidence USING (claim_id)
LEFT JOIN signals USING (claim_id)
LEFT JOIN drift USING (claim_id)
"""


def summarise_batch(conn: duckdb.DuckDBPyConnection, *, mentions: bool) -> None:
    """Summarise the batch's mentions per claim (if it has ``mentions``) in the temporary
    table ``ledger_batch_summary``; call before they are stored, drop it after the refresh."""
    conn.execute(_SUMMARY_TABLE)
    if mentions:
        conn.execute(_BATCH_SUMMARY)


def record_drift(
    conn: duckdb.DuckDBPyConnection, *, now: datetime, run_id: str
) -> list[tuple[str, str]]:
    """Append the drift events of the batch's claims; returns their (event_id, claim_id).

    Call after the mentions are stored and before the state is refreshed.
    """
    rewound = conn.execute("SELECT bool_or(rewound) FROM ledger_batch_summary").fetchone()
    sql = _DRIFT_EVENTS[bool(rewound and rewound[0])]
    rows = conn.execute(sql, {"now": now, "run_id": run_id}).fetchall()
    return [(row[0], row[1]) for row in rows]


def refresh_state(
    conn: duckdb.DuckDBPyConnection,
    claims: Sequence[str],
    *,
    restated: Collection[str],
    relinked: Collection[str],
    redrifted: Collection[str],
    now: datetime,
) -> None:
    """Rewrite the claim_state rows of ``claims`` (and only those).

    Their Kremlin status and evidence are recomputed for the claims in ``restated`` (new
    status events), their other Russian signals for ``relinked`` (new statement links), their
    drift count for ``redrifted`` (new drift events); the rest is carried over.
    """
    if claims:
        params = {
            "claims": list(claims),
            "restated": list(restated),
            "relinked": list(relinked),
            "redrifted": list(redrifted),
            "now": now,
        }
        conn.execute(_NEXT_STATE, params)
        conn.execute(
            "DELETE FROM claim_state WHERE claim_id IN (SELECT claim_id FROM ledger_next_state)"
        )
        conn.execute("INSERT INTO claim_state BY NAME SELECT * FROM ledger_next_state")
        conn.execute("DROP TABLE temp.ledger_next_state")
