"""What a digest or an alert says: pure queries over the warehouse views.

Periods are about when claimwatch *learnt* something (``loaded_at``, ``recorded_at``), not when
the article was published: a 2018 article found today is news to the reader today.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import duckdb

from claimwatch.formatting import figure
from warehouse.db import rows_as_dicts

UNCONFIRMED = ("unverified", "not_confirmed")
STATUS_RANK = {"denied": 0, "confirmed": 1, "not_confirmed": 2, "unverified": 3}


@dataclass(frozen=True, slots=True)
class Period:
    """Half-open: ``start <= t < end``."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A tracked claim as a line of an email shows it."""

    claim_id: str
    topic: str
    kind: str
    value: float
    value_high: float | None
    unit: str
    value_usd: float | None
    qualifier: str
    claimants: tuple[str, ...]
    kremlin_status: str
    mentions: int
    sources: int
    first_seen: date

    @property
    def figure(self) -> str:
        return figure(self.value, self.unit, value_high=self.value_high, qualifier=self.qualifier)

    @property
    def weight(self) -> float:
        """Bigger claims first: dollars where known, then how widely reported."""
        return (self.value_usd or 0.0) + self.sources


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A sentence in an article, and where it was."""

    sentence: str
    url: str | None
    outlet: str | None
    leaning: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusChange:
    event_id: str
    claim: Claim
    previous_status: str
    status: str
    effective_on: date
    recorded_at: datetime
    speaker: str | None
    role: str | None
    stance: str | None
    statement_id: str
    evidence: Evidence


@dataclass(frozen=True, slots=True, kw_only=True)
class NewClaim:
    claim: Claim
    first_reported: date
    claimant: str | None
    first: Evidence


@dataclass(frozen=True, slots=True, kw_only=True)
class MoreOutlets:
    claim: Claim
    outlets_before: int
    new_outlets: tuple[tuple[str, str | None], ...]
    """(outlet name, leaning) of each outlet that reported the claim for the first time."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Drift:
    event_id: str
    claim: Claim
    field: str
    from_value: str
    to_value: str
    text: str
    effective_on: date
    evidence: Evidence


@dataclass(frozen=True, slots=True, kw_only=True)
class Unconfirmed:
    claim: Claim
    first_loaded: date
    days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestContent:
    """Everything that happened in a period, in the sections of the digest."""

    period: Period
    status_changes: list[StatusChange] = field(default_factory=list)
    new_claims: list[NewClaim] = field(default_factory=list)
    more_outlets: list[MoreOutlets] = field(default_factory=list)
    drift: list[Drift] = field(default_factory=list)
    unconfirmed: list[Unconfirmed] = field(default_factory=list)

    @property
    def total(self) -> int:
        return (
            len(self.status_changes)
            + len(self.new_claims)
            + len(self.more_outlets)
            + len(self.drift)
            + len(self.unconfirmed)
        )

    @property
    def is_empty(self) -> bool:
        return self.total == 0

    def for_topics(self, topics: Sequence[str]) -> DigestContent:
        """Only the items on these topics (all of them when ``topics`` is empty)."""
        if not topics:
            return self
        wanted = set(topics)

        def keep(items: Iterable[Any]) -> list[Any]:
            return [i for i in items if i.claim.topic in wanted]

        return replace(
            self,
            status_changes=keep(self.status_changes),
            new_claims=keep(self.new_claims),
            more_outlets=keep(self.more_outlets),
            drift=keep(self.drift),
            unconfirmed=keep(self.unconfirmed),
        )


def load_claims(conn: duckdb.DuckDBPyConnection, claim_ids: Iterable[str]) -> dict[str, Claim]:
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    rows = rows_as_dicts(
        conn.execute(
            "SELECT claim_id, topic, kind, value, value_high, unit, value_usd, qualifier, "
            "claimants, kremlin_status, mentions, sources, first_seen "
            "FROM claims_current WHERE list_contains($1, claim_id)",
            [ids],
        )
    )
    return {r["claim_id"]: Claim(**{**r, "claimants": tuple(r["claimants"] or ())}) for r in rows}


def _outlet_names(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(conn.execute("SELECT source_id, name FROM sources_health").fetchall())


_STATUS_SQL = """
SELECT h.event_id, h.claim_id, h.previous_status, h.status, h.effective_on, h.recorded_at,
       h.speaker, h.role, h.stance, h.statement_id, h.evidence_sentence, h.evidence_url,
       h.evidence_source, s.leaning
FROM claim_status_history h
LEFT JOIN kremlin_statements_v s USING (statement_id)
WHERE {where}
ORDER BY h.recorded_at, h.effective_on, h.event_id
"""


def _status_changes(
    conn: duckdb.DuckDBPyConnection, where: str, params: list[Any]
) -> list[StatusChange]:
    rows = rows_as_dicts(conn.execute(_STATUS_SQL.format(where=where), params))
    claims = load_claims(conn, (r["claim_id"] for r in rows))
    names = _outlet_names(conn)
    return [
        StatusChange(
            event_id=r["event_id"],
            claim=claims[r["claim_id"]],
            previous_status=r["previous_status"],
            status=r["status"],
            effective_on=r["effective_on"],
            recorded_at=r["recorded_at"],
            speaker=r["speaker"],
            role=r["role"],
            stance=r["stance"],
            statement_id=r["statement_id"],
            evidence=Evidence(
                sentence=r["evidence_sentence"] or "",
                url=r["evidence_url"],
                outlet=names.get(r["evidence_source"], r["evidence_source"]),
                leaning=r["leaning"],
            ),
        )
        for r in rows
        if r["claim_id"] in claims
    ]


def status_changes_by_id(
    conn: duckdb.DuckDBPyConnection, event_ids: Sequence[str]
) -> list[StatusChange]:
    """The status events with these ids (what an alert is about)."""
    if not event_ids:
        return []
    return _status_changes(conn, "list_contains($1, h.event_id)", [list(event_ids)])


def status_changes_recorded(conn: duckdb.DuckDBPyConnection, period: Period) -> list[StatusChange]:
    """Status events claimwatch recorded in ``period``."""
    return _status_changes(
        conn, "h.recorded_at >= $1 AND h.recorded_at < $2", [period.start, period.end]
    )


def _new_claims(conn: duckdb.DuckDBPyConnection, period: Period) -> list[NewClaim]:
    rows = rows_as_dicts(
        conn.execute(
            """
            SELECT claim_id,
                   arg_min({'reported_on': reported_on, 'claimant': claimant,
                            'sentence': sentence, 'url': url, 'outlet': source_name,
                            'leaning': leaning}, (reported_on, loaded_at, mention_id)) AS first
            FROM claim_mentions_v
            WHERE loaded_at < $2
            GROUP BY claim_id
            HAVING min(loaded_at) >= $1
            ORDER BY claim_id
            """,
            [period.start, period.end],
        )
    )
    claims = load_claims(conn, (r["claim_id"] for r in rows))
    found = [
        NewClaim(
            claim=claims[r["claim_id"]],
            first_reported=r["first"]["reported_on"],
            claimant=r["first"]["claimant"],
            first=Evidence(
                sentence=r["first"]["sentence"],
                url=r["first"]["url"],
                outlet=r["first"]["outlet"],
                leaning=r["first"]["leaning"],
            ),
        )
        for r in rows
        if r["claim_id"] in claims
    ]
    return sorted(found, key=lambda n: (-n.claim.weight, n.claim.claim_id))


def _more_outlets(conn: duckdb.DuckDBPyConnection, period: Period) -> list[MoreOutlets]:
    rows = rows_as_dicts(
        conn.execute(
            """
            WITH per_claim AS (
                SELECT claim_id,
                       list(DISTINCT source_id) FILTER (WHERE loaded_at < $1) AS before,
                       list(DISTINCT source_id) FILTER (WHERE loaded_at >= $1) AS during
                FROM claim_mentions_v
                WHERE loaded_at < $2
                GROUP BY claim_id
            )
            SELECT claim_id, len(before) AS outlets_before,
                   list_sort(list_filter(during, lambda s: NOT list_contains(before, s))) AS new
            FROM per_claim
            WHERE len(before) > 0
              AND len(list_filter(during, lambda s: NOT list_contains(before, s))) > 0
            """,
            [period.start, period.end],
        )
    )
    claims = load_claims(conn, (r["claim_id"] for r in rows))
    outlets = {
        r[0]: (r[1], r[2])
        for r in conn.execute("SELECT source_id, name, leaning FROM sources_health").fetchall()
    }
    found = [
        MoreOutlets(
            claim=claims[r["claim_id"]],
            outlets_before=r["outlets_before"],
            new_outlets=tuple(outlets.get(s, (s, None)) for s in r["new"]),
        )
        for r in rows
        if r["claim_id"] in claims
    ]
    return sorted(found, key=lambda m: (-len(m.new_outlets), -m.claim.weight, m.claim.claim_id))


def _drift(conn: duckdb.DuckDBPyConnection, period: Period) -> list[Drift]:
    rows = rows_as_dicts(
        conn.execute(
            """
            SELECT d.event_id, d.claim_id, d.field, d.from_value, d.to_value, d.text,
                   d.effective_on, d.sentence, d.url, d.leaning, s.name AS outlet
            FROM claim_drift_v d LEFT JOIN sources_health s USING (source_id)
            WHERE d.recorded_at >= $1 AND d.recorded_at < $2
            ORDER BY d.effective_on, d.event_id
            """,
            [period.start, period.end],
        )
    )
    claims = load_claims(conn, (r["claim_id"] for r in rows))
    return [
        Drift(
            event_id=r["event_id"],
            claim=claims[r["claim_id"]],
            field=r["field"],
            from_value=r["from_value"],
            to_value=r["to_value"],
            text=r["text"],
            effective_on=r["effective_on"],
            evidence=Evidence(
                sentence=r["sentence"], url=r["url"], outlet=r["outlet"], leaning=r["leaning"]
            ),
        )
        for r in rows
        if r["claim_id"] in claims
    ]


def _unconfirmed(conn: duckdb.DuckDBPyConnection, period: Period, days: int) -> list[Unconfirmed]:
    """Claims whose N-th day since claimwatch first saw them falls in the period, and that the
    Kremlin has still not confirmed or denied: each is reminded of once, not every day."""
    rows = conn.execute(
        """
        SELECT claim_id, min(loaded_at) AS first_loaded
        FROM claim_mentions_v
        GROUP BY claim_id
        HAVING min(loaded_at) + to_days(CAST($3 AS INTEGER)) >= $1
           AND min(loaded_at) + to_days(CAST($3 AS INTEGER)) < $2
        """,
        [period.start, period.end, days],
    ).fetchall()
    claims = load_claims(conn, (r[0] for r in rows))
    found = [
        Unconfirmed(claim=claims[cid], first_loaded=first.date(), days=days)
        for cid, first in rows
        if cid in claims and claims[cid].kremlin_status in UNCONFIRMED
    ]
    return sorted(found, key=lambda u: (-u.claim.weight, u.claim.claim_id))


def select_digest(
    conn: duckdb.DuckDBPyConnection, period: Period, *, unconfirmed_after_days: int
) -> DigestContent:
    """Everything claimwatch learnt in ``period``, for every topic (filter per recipient)."""
    changes = status_changes_recorded(conn, period)
    changes.sort(key=lambda c: (STATUS_RANK.get(c.status, 9), -c.claim.weight, c.event_id))
    return DigestContent(
        period=period,
        status_changes=changes,
        new_claims=_new_claims(conn, period),
        more_outlets=_more_outlets(conn, period),
        drift=_drift(conn, period),
        unconfirmed=_unconfirmed(conn, period, unconfirmed_after_days),
    )


def status_events_recorded_since(conn: duckdb.DuckDBPyConnection, since: datetime) -> list[str]:
    """Ids of the status events recorded at or after ``since`` (an alert run's catch-up)."""
    rows = conn.execute(
        "SELECT event_id FROM claim_status_history WHERE recorded_at >= ? ORDER BY event_id",
        [since],
    ).fetchall()
    return [r[0] for r in rows]
