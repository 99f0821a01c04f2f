"""The demo run over loopback stores each article in the language it is written in.

Fetch → trafilatura → language identification → articles.language, checked against the
manifest: Russian and Persian pages among English ones, and a Persian edition whose theme
declares ``lang="en-US"``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.demo import load_manifest
from flows.demo.run import DEMO_ORIGIN

pytestmark = pytest.mark.flow

PAGES = load_manifest()["pages"]


@pytest.fixture(scope="module")
def stored(demo_warehouse: Path) -> dict[str, tuple[str | None, bool | None]]:
    conn = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        rows = conn.execute("SELECT url, language, relevant FROM articles").fetchall()
    finally:
        conn.close()
    return {url: (language, relevant) for url, language, relevant in rows}


def test_every_fetched_page_is_stored_in_its_own_language(
    stored: dict[str, tuple[str | None, bool | None]],
) -> None:
    # Pages whose feed entry fails the prefilter are never fetched; every other one is.
    fetched = [page for page in PAGES if f"{DEMO_ORIGIN}/{page['path']}" in stored]
    assert len(fetched) >= len(PAGES) - 6
    assert {page["path"]: stored[f"{DEMO_ORIGIN}/{page['path']}"][0] for page in fetched} == {
        page["path"]: page["language"] for page in fetched
    }


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_russian_and_persian_pages_are_judged_for_relevance(
    stored: dict[str, tuple[str | None, bool | None]], language: str
) -> None:
    own = [page for page in PAGES if page["language"] == language]
    assert {page["path"]: stored[f"{DEMO_ORIGIN}/{page['path']}"][1] for page in own} == {
        page["path"]: page["relevant"] for page in own
    }


@pytest.mark.parametrize("value", [50e9, 40e9, 4e9])
def test_the_demo_tracks_figures_reported_in_three_languages_as_one_claim(
    demo_warehouse: Path, value: float
) -> None:
    conn = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        rows = conn.execute(
            "SELECT claim_id, list_sort(list(DISTINCT language)) FROM claim_mentions_v"
            " WHERE unit = 'USD' AND value = ? GROUP BY claim_id",
            [value],
        ).fetchall()
        languages = conn.execute(
            "SELECT languages FROM claims_current WHERE claim_id = ?", [rows[0][0]]
        ).fetchone()
    finally:
        conn.close()
    assert len(rows) == 1
    assert rows[0][1] == ["en", "fa", "ru"]
    assert languages == (["en", "fa", "ru"],)
