"""The claim ledger on a real DuckDB file: resolution, statement links, status and drift
events, idempotency, as-of queries, and work limited to the claims a batch touched."""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from extractors.kinds import family_of
from extractors.kremlin import KREMLIN_ROLES
from warehouse.db import transaction
from warehouse.exceptions import WarehouseError
from warehouse.ledger import LedgerChanges, load_ledger
from warehouse.migrations import migrate
from warehouse.records import MentionRecord, StatementRecord, stable_id

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
TOPIC = "velayati-moscow-2018"


def mention(
    article: str,
    value: float,
    *,
    on: date = date(2018, 7, 13),
    kind: str = "contract_signed",
    qualifier: str = "exact",
    unit: str = "USD",
    claimant: str | None = "Ali Akbar Velayati",
    start: int = 0,
    modality: str = "asserted",
    topic: str = TOPIC,
    source: str = "tehran-courier",
    leaning: str = "iran_state",
    value_high: float | None = None,
) -> MentionRecord:
    return MentionRecord(
        mention_id=stable_id("m", article, start, start + 10),
        article_id=article,
        topic=topic,
        family=family_of(kind),
        text=f"{value:g}",
        value=value,
        value_high=value_high,
        unit=unit,
        value_usd=value if unit == "USD" else None,
        qualifier=qualifier,
        kind=kind,
        modality=modality,
        claimant=claimant,
        attributed_to=None,
        parties=[],
        period=None,
        sentence=f"A sentence with the figure {value:g}.",
        char_start=start,
        char_end=start + 10,
        reported_on=on,
        source_id=source,
        leaning=leaning,
        language="en",
    )


def statement(
    article: str,
    stance: str,
    *,
    on: date = date(2018, 7, 13),
    speaker: str = "Dmitry Peskov",
    role: str = "kremlin_spokesman",
    about_claimant: str | None = None,
    about_values: tuple[float, ...] = (),
    start: int = 100,
    topics: tuple[str, ...] = (TOPIC,),
) -> StatementRecord:
    return StatementRecord(
        statement_id=stable_id("s", article, start, start + 50, speaker),
        article_id=article,
        speaker=speaker,
        role=role,
        is_kremlin=role in KREMLIN_ROLES,
        stance=stance,
        about_claimant=about_claimant,
        about_values=list(about_values),
        topics=list(topics),
        sentence=f"{speaker} spoke ({stance}).",
        char_start=start,
        char_end=start + 50,
        reported_on=on,
        source_id="rusinform",
    )


def load(
    db: duckdb.DuckDBPyConnection,
    mentions: list[MentionRecord] = [],  # noqa: B006 - never mutated
    statements: list[StatementRecord] = [],  # noqa: B006
    *,
    run_id: str = "run-1",
) -> LedgerChanges:
    with transaction(db, path="test"):
        return load_ledger(db, mentions, statements, run_id=run_id, now=NOW)


def rows(db: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return db.execute(sql, list(params)).fetchall()


def claims(db: duckdb.DuckDBPyConnection) -> dict[float, tuple[Any, ...]]:
    found = rows(
        db,
        "SELECT value, claim_id, kind, qualifier, mentions, sources, kremlin_status, "
        "kremlin_status_since, family FROM claims_current",
    )
    return {row[0]: row[1:] for row in found}


def test_mentions_within_one_percent_are_one_claim(db: duckdb.DuckDBPyConnection) -> None:
    changes = load(
        db,
        [
            mention("a1", 4e9),
            mention("a2", 4.03e9, source="rusinform", leaning="russia_state"),
            mention("a3", 4.2e9, start=30),
        ],
    )
    assert len(changes.new_claims) == 2
    found = claims(db)
    assert set(found) == {4e9, 4.2e9}
    assert found[4e9][3:5] == (2, 2)  # two mentions from two outlets
    assert rows(db, "SELECT leanings FROM claims_current WHERE value = 4e9") == [
        (["iran_state", "russia_state"],)
    ]


@pytest.mark.parametrize(
    ("first", "later", "unit", "same"),
    [
        # near the tolerance's edges, at small, large and zero values: stored claims are found
        # through buckets of log(value), and these cross them
        (4e9, 4e9 * 1.0099, "USD", True),
        (4e9, 4e9 / 1.0099, "USD", True),
        (4e9, 4e9 * 1.012, "USD", False),
        (0.05, 0.0505, "%", True),
        (7.3e13, 7.31e13, "USD", True),
        (-3.0, 3.0, "%", False),
        (0.0, 0.0, "%", True),
    ],
)
def test_a_later_mention_joins_a_stored_claim_within_tolerance(
    db: duckdb.DuckDBPyConnection, first: float, later: float, unit: str, same: bool
) -> None:
    kind = "contract_signed" if unit == "USD" else "trade_growth"
    load(db, [mention("a1", first, unit=unit, kind=kind)])
    changes = load(db, [mention("a2", later, unit=unit, kind=kind)])
    assert (changes.new_claims == []) is same
    assert rows(db, "SELECT count(*) FROM claims") == [(1 if same else 2,)]


def test_a_deal_figure_and_a_trade_figure_of_equal_value_stay_apart(
    db: duckdb.DuckDBPyConnection,
) -> None:
    load(db, [mention("a1", 4e9), mention("a2", 4e9, kind="trade_volume")])
    assert rows(db, "SELECT family FROM claims ORDER BY family") == [("deal",), ("trade",)]


def test_units_and_topics_keep_claims_apart(db: duckdb.DuckDBPyConnection) -> None:
    load(
        db,
        [
            mention("a1", 55, unit="bcm", kind="supply_volume"),
            mention("a2", 55, unit="%", kind="supply_volume"),
            mention("a3", 55, unit="bcm", kind="supply_volume", topic="iran-russia-oil-deals"),
        ],
    )
    assert rows(db, "SELECT count(*) FROM claims") == [(3,)]


def test_ranges_join_only_the_same_range(db: duckdb.DuckDBPyConnection) -> None:
    load(
        db,
        [
            mention("a1", 4e9, value_high=5e9, qualifier="range"),
            mention("a2", 4e9, value_high=5e9, qualifier="range"),
            mention("a3", 4e9),
        ],
    )
    assert rows(db, "SELECT value_high, mentions FROM claims_current ORDER BY 1") == [
        (5e9, 2),
        (None, 1),
    ]


def test_loading_the_same_batch_again_changes_nothing(db: duckdb.DuckDBPyConnection) -> None:
    batch = [mention("a1", 4e9), mention("a2", 4e9, qualifier="up_to", on=date(2018, 7, 14))]
    said = [statement("a9", "cannot_confirm", about_claimant="Ali Akbar Velayati")]
    first = load(db, batch, said)
    assert first.status_events and first.drift_events
    tables = ("mentions", "statements", "claims", "statement_links", "claim_status_events")
    before = {t: rows(db, f"SELECT count(*) FROM {t}") for t in tables}
    again = load(db, batch, said, run_id="run-2")
    assert again == LedgerChanges()
    assert {t: rows(db, f"SELECT count(*) FROM {t}") for t in tables} == before


def test_a_spokesman_who_cannot_confirm_a_claimants_claims(
    db: duckdb.DuckDBPyConnection,
) -> None:
    load(
        db,
        [
            mention("a1", 4e9),
            mention("a1", 10e9, kind="negotiation", qualifier="up_to", start=20),
            mention("a1", 50e9, kind="investment_pledge", qualifier="up_to", start=40),
            mention("a2", 36, unit="%", kind="trade_growth", on=date(2018, 7, 14)),
        ],
    )
    assert {row[5] for row in claims(db).values()} == {"unverified"}
    # Peskov's answer, in an article about the investment figures
    load(
        db,
        [mention("a3", 50e9, kind="investment_pledge", qualifier="up_to", on=date(2018, 7, 14))],
        [
            statement(
                "a3", "cannot_confirm", on=date(2018, 7, 14), about_claimant="Ali Akbar Velayati"
            )
        ],
    )
    found = claims(db)
    for value in (4e9, 10e9, 50e9):
        assert found[value][5:7] == ("not_confirmed", date(2018, 7, 14))
    # the trade figure is of a family the answer's article did not discuss
    assert found[36][5] == "unverified"
    evidence = rows(
        db,
        "SELECT kremlin_evidence_speaker, kremlin_evidence_sentence FROM claims_current "
        "WHERE value = 4e9",
    )
    assert evidence == [("Dmitry Peskov", "Dmitry Peskov spoke (cannot_confirm).")]


def test_the_latest_statement_wins_and_history_is_kept(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [mention("a1", 55, unit="bcm", kind="supply_volume")])
    load(db, [], [statement("a2", "no_comment", on=date(2019, 1, 1), about_values=(55,))])
    load(
        db,
        [],
        [
            statement(
                "a3",
                "confirm",
                on=date(2020, 3, 1),
                speaker="Vladimir Putin",
                role="president",
                about_values=(55,),
            )
        ],
    )
    history = rows(
        db,
        "SELECT previous_status, status, effective_on, speaker FROM claim_status_history "
        "ORDER BY effective_on",
    )
    assert history == [
        ("unverified", "not_confirmed", date(2019, 1, 1), "Dmitry Peskov"),
        ("not_confirmed", "confirmed", date(2020, 3, 1), "Vladimir Putin"),
    ]

    def status_on(day: str) -> list[tuple[Any, ...]]:
        return rows(db, "SELECT kremlin_status FROM claim_status_as_of(CAST($1 AS DATE))", day)

    assert status_on("2018-06-01") == []  # not reported yet
    assert status_on("2018-08-01") == [("unverified",)]
    assert status_on("2019-06-01") == [("not_confirmed",)]
    assert status_on("2021-01-01") == [("confirmed",)]


def test_a_statement_repeating_the_status_adds_no_event(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [mention("a1", 4e9)])
    load(db, [], [statement("a2", "cannot_confirm", about_values=(4e9,))])
    changes = load(
        db, [], [statement("a3", "no_comment", on=date(2018, 7, 20), about_values=(4e9,))]
    )
    assert changes.status_events == []
    assert rows(db, "SELECT count(*) FROM claim_status_events") == [(1,)]
    assert rows(db, "SELECT count(*) FROM statement_links") == [(2,)]


def test_a_claim_reported_after_the_answer_was_loaded_is_linked(
    db: duckdb.DuckDBPyConnection,
) -> None:
    """The Kremlin's answer may be fetched before the article with the claim."""
    load(db, [], [statement("a2", "deny", on=date(2018, 7, 15), about_values=(4e9,))])
    load(db, [mention("a1", 4e9, on=date(2018, 7, 13))])
    assert claims(db)[4e9][5] == "denied"


def test_an_answer_does_not_reach_a_claim_first_reported_later(
    db: duckdb.DuckDBPyConnection,
) -> None:
    load(db, [], [statement("a2", "deny", on=date(2018, 7, 15), about_values=(4e9,))])
    load(db, [mention("a1", 4e9, on=date(2018, 9, 1))])
    assert claims(db)[4e9][5] == "unverified"


def test_a_statement_naming_nothing_answers_its_own_articles_claims(
    db: duckdb.DuckDBPyConnection,
) -> None:
    load(
        db,
        [mention("a1", 4e9), mention("a2", 10e9, kind="negotiation")],
        [statement("a1", "cannot_confirm")],
    )
    found = claims(db)
    assert found[4e9][5] == "not_confirmed"
    assert found[10e9][5] == "unverified"
    assert rows(db, "SELECT link FROM statement_links") == [("subject",)]


VALUE_LINK_CASES = [
    # claim, stated value, unit, linked: near the tolerance's edges, at small, large, negative
    # and zero values (links are found through buckets of log(value); these cross them)
    (4e9, 4e9 * 1.0099, "USD", True),
    (4e9, 4e9 / 1.0099, "USD", True),
    (4e9, 4e9 * 1.012, "USD", False),
    (4e9, 4e9 / 1.012, "USD", False),
    (0.05, 0.0505, "%", True),
    (7.3e13, 7.31e13, "USD", True),
    (-3.0, -3.02, "%", True),
    (-3.0, 3.0, "%", False),
    (0.0, 0.0, "%", True),
    (0.0, 0.001, "%", False),
]


@pytest.mark.parametrize(("claimed", "stated", "unit", "linked"), VALUE_LINK_CASES)
@pytest.mark.parametrize("statement_first", [False, True])
def test_a_statement_naming_a_value_links_the_claims_within_tolerance(
    db: duckdb.DuckDBPyConnection,
    claimed: float,
    stated: float,
    unit: str,
    linked: bool,
    statement_first: bool,
) -> None:
    kind = "contract_signed" if unit == "USD" else "trade_growth"
    batches = [
        ([mention("a1", claimed, unit=unit, kind=kind)], []),
        ([], [statement("a2", "confirm", about_values=(stated,))]),
    ]
    for mentions, statements in reversed(batches) if statement_first else batches:
        load(db, mentions, statements)
    expected = [("value",)] if linked else []
    assert rows(db, "SELECT link FROM statement_links") == expected


def test_a_statement_on_another_topic_links_nothing(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [mention("a1", 4e9)])
    load(db, [], [statement("a2", "confirm", about_values=(4e9,), topics=("other-topic",))])
    assert claims(db)[4e9][5] == "unverified"


def test_ministers_are_other_russian_signals_not_the_status(
    db: duckdb.DuckDBPyConnection,
) -> None:
    load(
        db,
        [mention("a1", 55, unit="bcm", kind="supply_volume")],
        [
            statement(
                "a2",
                "confirm",
                speaker="Alexander Novak",
                role="russian_minister",
                about_values=(55,),
            )
        ],
    )
    assert rows(db, "SELECT kremlin_status, other_russian_signals FROM claims_current") == [
        (
            "unverified",
            [
                {
                    "speaker": "Alexander Novak",
                    "role": "russian_minister",
                    "stance": "confirm",
                    "reported_on": date(2018, 7, 13),
                    "statement_id": stable_id("s", "a2", 100, 150, "Alexander Novak"),
                }
            ],
        )
    ]


def test_figure_drift_is_recorded_once_per_new_form(db: duckdb.DuckDBPyConnection) -> None:
    first = mention("a1", 50e9, kind="investment_pledge", qualifier="up_to")
    load(db, [first])
    later = mention("a2", 50e9, kind="contract_signed", qualifier="exact", on=date(2018, 7, 20))
    changes = load(db, [later, replace(later, article_id="a3", mention_id="m-other")])
    assert len(changes.drift_events) == 2
    drift = rows(
        db, "SELECT field, from_value, to_value, effective_on FROM claim_drift_v ORDER BY field"
    )
    assert drift == [
        ("kind", "investment_pledge", "contract_signed", date(2018, 7, 20)),
        ("qualifier", "up_to", "exact", date(2018, 7, 20)),
    ]
    # kind and qualifier as first reported
    assert claims(db)[50e9][1:3] == ("investment_pledge", "up_to")
    hypothetical = mention("a4", 50e9, kind="negotiation", modality="hypothetical", start=5)
    assert load(db, [hypothetical]).drift_events == []


def test_a_batch_refreshes_only_the_claims_it_touched(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [mention("a1", 4e9), mention("a2", 10e9, kind="negotiation")])
    later = datetime(2026, 11, 24, tzinfo=UTC)
    with transaction(db, path="test"):
        changes = load_ledger(db, [mention("a3", 4e9)], [], run_id="run-2", now=later)
    assert len(changes.touched_claims) == 1
    updated = dict(rows(db, "SELECT value, updated_at FROM claims_current"))
    assert updated[4e9] == later
    assert updated[10e9] == NOW


def test_a_failed_load_leaves_no_half_written_claim(db: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(RuntimeError), transaction(db, path="test"):
        load_ledger(db, [mention("a1", 4e9)], [], run_id="run-1", now=NOW)
        raise RuntimeError("the process dies here")
    for table in ("mentions", "claims", "claim_state", "claim_status_events"):
        assert rows(db, f"SELECT count(*) FROM {table}") == [(0,)]


def test_a_load_leaves_the_garbage_collector_as_it_found_it(
    db: duckdb.DuckDBPyConnection,
) -> None:
    """The collector is paused while a batch loads: on again after a load, after a load that
    fails, and still off if the caller had turned it off."""
    assert gc.isenabled()
    load(db, [mention("a1", 4e9)])
    assert gc.isenabled()
    unstorable = replace(mention("a2", 5e9), sentence=None)  # type: ignore[arg-type]
    with pytest.raises(WarehouseError), transaction(db, path="test"):
        load_ledger(db, [unstorable], [], run_id="run-1", now=NOW)
    assert gc.isenabled()
    gc.disable()
    try:
        load(db, [mention("a3", 6e9)])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_rolled_back_load_leaves_no_claim_to_join(db: duckdb.DuckDBPyConnection) -> None:
    """Resolution keeps the claims in memory between loads: a load rolled back after its
    mentions were resolved must not leave a claim that a later load could join."""
    load(db, [mention("a0", 1e9)])
    with pytest.raises(RuntimeError), transaction(db, path="test"):
        assert load_ledger(db, [mention("a1", 4e9)], [], run_id="run-1", now=NOW).new_claims
        raise RuntimeError("the load fails after resolution")
    changes = load(db, [mention("a2", 4.03e9)], run_id="run-2")  # within 1% of the lost 4e9
    assert len(changes.new_claims) == 1
    assert set(claims(db)) == {1e9, 4.03e9}
    orphans = "SELECT count(*) FROM mentions WHERE claim_id NOT IN (SELECT claim_id FROM claims)"
    assert rows(db, orphans) == [(0,)]


def test_claims_stored_by_another_writer_are_matched(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [mention("a1", 4e9)])
    db.execute(
        "INSERT INTO claims VALUES ('c-elsewhere', $1, 'deal', 'USD', 10e9, NULL, $2, 'other')",
        [TOPIC, NOW],
    )
    changes = load(db, [mention("a2", 10.05e9, start=1)], run_id="run-2")
    assert changes.new_claims == []
    assert claims(db)[10e9][0] == "c-elsewhere"


def test_a_second_load_in_one_transaction_joins_the_first_ones_claims(
    db: duckdb.DuckDBPyConnection,
) -> None:
    with transaction(db, path="test"):
        first = load_ledger(db, [mention("a1", 4e9)], [], run_id="run-1", now=NOW)
        second = load_ledger(db, [mention("a2", 4.01e9)], [], run_id="run-1", now=NOW)
    assert second.new_claims == []
    assert second.touched_claims == first.new_claims


def test_each_warehouse_file_resolves_against_its_own_claims(
    db: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(db, [mention("a1", 4e9)])
    other_path = tmp_path / "other.duckdb"
    with duckdb.connect(str(other_path)) as other:
        migrate(other)
        assert len(load(other, [mention("a2", 4.01e9)]).new_claims) == 1
        assert set(claims(other)) == {4.01e9}
    assert load(db, [mention("a3", 4.01e9)]).new_claims == []


def test_same_day_statements_are_ordered_alike_everywhere(db: duckdb.DuckDBPyConnection) -> None:
    """claims_current, the history and the as-of macro agree on which statement came last."""
    load(db, [mention("a1", 4e9)])
    load(
        db,
        [],
        [
            statement("z9", "deny", on=date(2018, 7, 20), about_values=(4e9,)),
            statement("b2", "confirm", on=date(2018, 7, 20), about_values=(4e9,), start=5),
        ],
    )
    current = rows(db, "SELECT kremlin_status FROM claims_current")
    as_of = rows(db, "SELECT kremlin_status FROM claim_status_as_of(DATE '2018-07-21')")
    history = rows(db, "SELECT previous_status, status FROM claim_status_history")
    assert current == as_of
    # b2 (confirm) comes before z9 (deny) on the same day: article, then place in it
    assert current == [("denied",)]
    assert set(history) == {("unverified", "confirmed"), ("confirmed", "denied")}


def test_a_mention_joins_a_matching_claim_of_any_of_its_articles_topics(
    db: duckdb.DuckDBPyConnection,
) -> None:
    general = "iran-russia-oil-deals"
    # The Russian answer's article is on both topics; the Persian report only on the general one.
    for article, topics in (("fa-report", [general]), ("ru-answer", [TOPIC, general])):
        db.execute(
            "INSERT INTO articles (article_id, url, fetch_url, source_id, status, topics,"
            " discovered_at, run_id) VALUES (?, ?, ?, 'outlet', 'extracted', ?, ?, 'run-0')",
            [article, *[f"https://outlet.example/{article}"] * 2, topics, NOW],
        )
    load(db, [mention("fa-report", 7e9, topic=general, on=date(2019, 3, 10))])
    load(db, [mention("ru-answer", 7e9, topic=TOPIC, on=date(2019, 3, 11))], run_id="run-2")
    other = mention("ru-answer", 9e9, topic=TOPIC, on=date(2019, 3, 11), start=50)
    load(db, [other], run_id="run-3")
    assert rows(db, "SELECT topic, value, mentions FROM claims_current ORDER BY value") == [
        (general, 7e9, 2),
        (TOPIC, 9e9, 1),  # nothing to join: a new claim under the mention's own topic
    ]
    assert rows(db, "SELECT DISTINCT topic FROM mentions WHERE value = 7e9") == [(general,)]


def test_a_later_batch_folds_into_the_claims_state(db: duckdb.DuckDBPyConnection) -> None:
    """Counts, lists and first/last seen grow batch by batch; an article re-extracted with a
    new mention is still one article."""
    load(db, [mention("a1", 4e9, claimant="Ali Akbar Velayati", on=date(2018, 7, 14))])
    load(
        db,
        [
            mention("a1", 4e9, start=40, claimant=None),  # a1 again, another sentence
            mention(
                "a2", 4e9, claimant="Bijan Zanganeh", source="moscow-wire", leaning="russia_state"
            ),
        ],
        run_id="run-2",
    )
    state = rows(
        db,
        "SELECT mentions, articles, sources, claimants, outlets, leanings, first_seen, last_seen "
        "FROM claims_current",
    )
    assert state == [
        (
            3,
            2,
            2,
            ["Ali Akbar Velayati", "Bijan Zanganeh"],
            ["moscow-wire", "tehran-courier"],
            ["iran_state", "russia_state"],
            date(2018, 7, 13),
            date(2018, 7, 14),
        )
    ]


def test_an_earlier_report_loaded_later_becomes_the_first(db: duckdb.DuckDBPyConnection) -> None:
    """A backfilled report older than the claim's first sets its kind and qualifier, and the
    stored reports are compared with it again for drift."""
    load(db, [mention("a2", 50e9, kind="contract_signed", on=date(2018, 7, 20))])
    assert rows(db, "SELECT count(*) FROM claim_drift_events") == [(0,)]
    older = mention("a1", 50e9, kind="investment_pledge", qualifier="up_to", on=date(2018, 7, 13))
    load(db, [older], run_id="run-2")
    assert claims(db)[50e9][1:3] == ("investment_pledge", "up_to")
    drift = rows(
        db, "SELECT field, from_value, to_value, effective_on FROM claim_drift_v ORDER BY 1"
    )
    assert drift == [
        ("kind", "investment_pledge", "contract_signed", date(2018, 7, 20)),
        ("qualifier", "up_to", "exact", date(2018, 7, 20)),
    ]
