"""Every SQL block in docs/warehouse.md runs against the demo warehouse, so the doc cannot rot.

Answers are checked only where the demo corpus fixes them (the Velayati claims the Kremlin
declined to confirm); the rest must merely run, since extraction keeps improving.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "warehouse.md"
HEADING_RE = re.compile(r"^#{2,4} (.+)$", re.MULTILINE)
SQL_BLOCK_RE = re.compile(r"^```sql\n(.*?)^```", re.DOTALL | re.MULTILINE)
KREMLIN_ROLES = {"president", "kremlin_spokesman", "presidential_aide", "kremlin_press_service"}
VELAYATI_USD = {4e9, 10e9, 50e9}

Rows = list[dict[str, Any]]


def slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower().replace("$", "")).strip("-")


def doc_queries(text: str) -> list[tuple[str, str]]:
    """(slug of the nearest heading above, SQL) for each ```sql block, in order."""
    headings = [(m.start(), m.group(1)) for m in HEADING_RE.finditer(text)]
    queries = []
    for block in SQL_BLOCK_RE.finditer(text):
        above = [title for start, title in headings if start < block.start()]
        queries.append((slug(above[-1]) if above else "preamble", block.group(1)))
    return queries


QUERIES = doc_queries(DOC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def warehouse(demo_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    conn = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        yield conn
    finally:
        conn.close()


def run(conn: duckdb.DuckDBPyConnection, sql: str) -> Rows:
    cursor = conn.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def velayati_rows(rows: Rows) -> Rows:
    return [r for r in rows if r["unit"] == "USD" and r["value"] in VELAYATI_USD]


def check_never_addressed(rows: Rows) -> None:
    assert rows
    assert not velayati_rows(rows), "the Kremlin answered the Velayati figures"


def check_fifty_billion(rows: Rows) -> None:
    assert rows
    assert {r["leaning"] for r in rows} <= {"iran_state", "iran_semi_official", "iran_opposition"}


def check_status_on_2018_08_01(rows: Rows) -> None:
    velayati = velayati_rows(rows)
    assert {r["value"] for r in velayati} == VELAYATI_USD
    for row in velayati:
        assert row["kremlin_status"] == "not_confirmed"
        assert row["role"] in {"kremlin_spokesman", "kremlin_press_service"}
        assert row["evidence_url"]


def check_velayati(rows: Rows) -> None:
    velayati = velayati_rows(rows)
    assert {r["value"] for r in velayati} == VELAYATI_USD
    for row in velayati:
        assert row["kremlin_status"] == "not_confirmed"
        assert row["kremlin_evidence_speaker"] in {"Dmitry Peskov", "Kremlin"}
        assert row["kremlin_evidence_sentence"]


def check_status_changes(rows: Rows) -> None:
    assert {r["value"] for r in velayati_rows(rows)} == VELAYATI_USD
    assert all(r["role"] in KREMLIN_ROLES and r["speaker"] for r in rows)


def check_both_sides(rows: Rows) -> None:
    assert all(r["iranian_mentions"] > 0 and r["russian_mentions"] > 0 for r in rows)


def check_waits(rows: Rows) -> None:
    answered = {r["value"]: r for r in velayati_rows(rows)}
    assert set(answered) == VELAYATI_USD
    assert all(not r["still_waiting"] and r["days_waited"] <= 1 for r in answered.values())


def check_runs(rows: Rows) -> None:
    assert rows and rows[0]["status"] == "completed"


KNOWN_ANSWERS: dict[str, Callable[[Rows], None]] = {
    "which-claims-has-the-kremlin-never-addressed": check_never_addressed,
    "how-did-iranian-state-and-opposition-outlets-report-the-50-billion-figure": (
        check_fifty_billion
    ),
    "what-was-the-status-of-every-claim-on-2018-08-01": check_status_on_2018_08_01,
    "what-are-velayati-s-claims-and-what-did-the-kremlin-say-about-them": check_velayati,
    "which-claims-changed-status-when-and-on-whose-word": check_status_changes,
    "which-claims-did-both-iranian-and-russian-outlets-report": check_both_sides,
    "how-long-did-claims-wait-for-a-kremlin-answer": check_waits,
    "what-did-the-recent-runs-do": check_runs,
}


def test_doc_has_enough_questions() -> None:
    assert len(QUERIES) >= 10
    ids = [query_id for query_id, _ in QUERIES]
    assert len(ids) == len(set(ids)), "one SQL block per question"


def test_known_answers_name_questions_in_the_doc() -> None:
    assert set(KNOWN_ANSWERS) <= {query_id for query_id, _ in QUERIES}


@pytest.mark.flow
@pytest.mark.parametrize("query_id, sql", QUERIES, ids=[query_id for query_id, _ in QUERIES])
def test_doc_query_runs_on_demo(
    warehouse: duckdb.DuckDBPyConnection, query_id: str, sql: str
) -> None:
    rows = run(warehouse, sql)
    check = KNOWN_ANSWERS.get(query_id)
    if check is not None:
        check(rows)
