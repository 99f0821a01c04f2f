"""Resolution: each new mention joins the tracked claim it reports, or starts one.

The rule (warehouse.ledger's docstring; DESIGN.md "Tracking rules"): a mention joins the
closest claim of its family and unit whose value is within 1% (ranges: both ends), in the
first of its article's topics that has one (its own topic first); otherwise it starts a new
claim under its own topic. Mentions are taken in the order they were reported, so a claim
started by one mention of a batch can be joined by the next.

Mentions are matched in Python against an in-memory index of every stored claim
(warehouse.claim_index), which the claims a batch starts join as they are started; the result
goes back to DuckDB as one Arrow table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from warehouse.bulk import insert_columns, registered
from warehouse.claim_index import Best, claim_index
from warehouse.records import stable_id

BATCH_VIEW = "_ledger_batch"
"""The batch's mentions as registered by the caller: ``ord`` (place in the batch) and the
columns of MentionRecord."""
_DECIDED_VIEW = "_ledger_decided"
_REPORTING_ORDER = [
    ("reported_on", "ascending"),
    ("article_id", "ascending"),
    ("char_start", "ascending"),
    ("ord", "ascending"),
]


_RESOLVED = f"""
CREATE OR REPLACE TEMP TABLE ledger_resolved AS
SELECT ord, mention_id, article_id, claim_id, topic, family::VARCHAR AS family,
       unit::VARCHAR AS unit, claimant::VARCHAR AS claimant, reported_on::DATE AS reported_on
FROM {_DECIDED_VIEW}
"""


def no_mentions(conn: duckdb.DuckDBPyConnection) -> None:
    """An empty ``ledger_resolved``, for a batch of statements alone."""
    conn.execute(
        "CREATE OR REPLACE TEMP TABLE ledger_resolved (ord BIGINT, mention_id VARCHAR, "
        "article_id VARCHAR, claim_id VARCHAR, topic VARCHAR, family VARCHAR, unit VARCHAR, "
        "claimant VARCHAR, reported_on DATE)"
    )


def _article_topics(conn: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The stored topics of the batch's articles (stored earlier in the same transaction),
    fetched as Arrow (half the time of Python rows for a list column)."""
    found = conn.sql(
        f"SELECT article_id, coalesce(topics, []) AS topics FROM articles "
        f"WHERE article_id IN (SELECT article_id FROM {BATCH_VIEW})"
    ).to_arrow_table()
    return dict(zip(found["article_id"].to_pylist(), found["topics"].to_pylist(), strict=True))


def resolve(
    conn: duckdb.DuckDBPyConnection,
    columns: Mapping[str, Sequence[Any]],
    batch: pa.Table,
    *,
    run_id: str,
    now: datetime,
) -> list[str]:
    """Assign each mention of the batch a claim, creating claims as needed (earliest report
    first); returns the claims created.

    ``columns`` are the batch's mentions as column name → values and ``batch`` the same as
    the Arrow table registered as ``_ledger_batch`` (``ord``: the mention's place). The result
    is left in the temporary table ``ledger_resolved`` (ord, mention_id, article_id, claim_id,
    topic, and the family, unit, claimant and reported_on that statement links read), which
    the caller drops.
    """
    article_topics = _article_topics(conn)
    topic, family, unit = columns["topic"], columns["family"], columns["unit"]
    value, value_high, article = columns["value"], columns["value_high"], columns["article_id"]
    claim_of: list[str | None] = [None] * len(topic)
    topic_of: list[str | None] = [None] * len(topic)
    with claim_index(conn) as index, index.adding() as added:
        for i in pc.sort_indices(batch, sort_keys=_REPORTING_ORDER).to_pylist():
            own, v, vh = topic[i], value[i], value_high[i]
            best: Best | None = index.closest((own, family[i], unit[i]), v, vh)
            chosen = own
            if best is None:
                for other in article_topics.get(article[i], ()):
                    if other != own:
                        best = index.closest((other, family[i], unit[i]), v, vh)
                        if best is not None:
                            chosen = other
                            break
            if best is None:
                group = (own, family[i], unit[i])
                claim_id = stable_id("c", own, family[i], unit[i], v, vh)
                index.add(group, v, vh, claim_id)
                added.append((group, v, vh, claim_id))
            else:
                claim_id = best[2]
            claim_of[i] = claim_id
            topic_of[i] = chosen
        insert_columns(
            conn,
            "claims",
            {
                "claim_id": [claim_id for *_, claim_id in added],
                "topic": [group[0] for group, *_ in added],
                "family": [group[1] for group, *_ in added],
                "unit": [group[2] for group, *_ in added],
                "value": [v for _, v, _, _ in added],
                "value_high": [vh for _, _, vh, _ in added],
            },
            constants={"created_at": now, "run_id": run_id},
            # A stored claim of the same figure would have matched: no conflict check. A plain
            # insert also keeps the rows in order, so the last added is the last stored (the
            # index's mark).
            on_conflict="",
        )
    decided = batch.select(
        ["ord", "mention_id", "article_id", "family", "unit", "claimant", "reported_on"]
    )
    decided = decided.append_column("claim_id", pa.array(claim_of, pa.string()))
    decided = decided.append_column("topic", pa.array(topic_of, pa.string()))
    with registered(conn, _DECIDED_VIEW, decided):
        conn.execute(_RESOLVED)
    return [claim_id for *_, claim_id in added]
