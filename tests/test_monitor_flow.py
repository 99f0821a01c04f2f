"""The monitor flow on Prefect's test harness, against real servers on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from concurrent_runs import assert_texts_in_packs
from monitor_support import run_monitor
from pytest_httpserver import HTTPServer
from werkzeug import Response

from flows.demo.synthetic import SyntheticSite, feed_xml
from warehouse.exceptions import WarehouseError

pytestmark = pytest.mark.usefixtures("prefect_harness")


def texts_in_packs(tmp_path: Path) -> int:
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        return assert_texts_in_packs(conn, tmp_path)
    finally:
        conn.close()


def query(tmp_path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def site() -> Iterator[SyntheticSite]:
    with SyntheticSite(pages=40) as s:
        yield s


def test_first_run_ingests_and_second_run_downloads_nothing(
    site: SyntheticSite, tmp_path: Path
) -> None:
    first = run_monitor(tmp_path, site.catalogue())
    assert first["candidates"] == 40
    assert first["articles_new"] == 20  # even pages are about Iran–Russia oil deals
    assert first["articles_new"] + first["articles_irrelevant"] == 40
    assert first["articles_failed"] == 0
    downloaded = site.article_requests()
    rows = query(tmp_path, "SELECT count(*), count(DISTINCT url) FROM articles")

    second = run_monitor(tmp_path, site.catalogue())
    assert second["sources_not_modified"] == 1
    assert second["articles_new"] == 0
    assert site.article_requests() == downloaded
    assert query(tmp_path, "SELECT count(*), count(DISTINCT url) FROM articles") == rows
    statuses = query(tmp_path, "SELECT status FROM runs_v ORDER BY started_at")
    assert statuses == [("completed",), ("completed",)]
    # Tracking parameters are gone from the article's identity.
    assert not query(tmp_path, "SELECT url FROM articles WHERE url LIKE '%utm_%'")
    assert texts_in_packs(tmp_path) == 20


def test_a_text_folder_that_cannot_be_written_fails_the_run_and_loses_nothing(
    site: SyntheticSite, tmp_path: Path
) -> None:
    blocker = tmp_path / "w.texts"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(WarehouseError, match="cannot write article texts"):
        run_monitor(tmp_path, site.catalogue())
    assert query(tmp_path, "SELECT count(*) FROM articles") == [(0,)]

    blocker.unlink()
    second = run_monitor(tmp_path, site.catalogue())
    assert second["articles_new"] == 20
    assert texts_in_packs(tmp_path) == 20


def test_each_run_publishes_its_summary_as_an_artifact(site: SyntheticSite, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    first = run_monitor(tmp_path, site.catalogue())
    second = run_monitor(tmp_path, site.catalogue())

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["monitor-summary"]))
        )
    by_run = {str(a.flow_run_id): str(a.data) for a in artifacts}
    assert "| new relevant articles | 20 |" in by_run[first["run_id"]]
    assert "| sources not modified (304) | 1 |" in by_run[second["run_id"]]
    assert "| new relevant articles | 0 |" in by_run[second["run_id"]]


def test_bad_sources_are_recorded_and_the_run_goes_on(
    site: SyntheticSite, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/missing.xml").respond_with_data("gone", status=404)
    httpserver.expect_request("/broken.xml").respond_with_data(
        "<rss><channel><title>cut off before any entry", content_type="application/rss+xml"
    )
    private = feed_xml(2, base="http://10.0.0.1").replace("Iran Russia", "Iran Russia oil")
    httpserver.expect_request("/private-links.xml").respond_with_data(
        private, content_type="application/rss+xml"
    )
    base = httpserver.url_for("")
    catalogue = site.catalogue() + "".join(
        f'\n[[sources]]\nid = "{name}"\nname = "{name}"\nkind = "feed"\n'
        f'url = "{base}{name}.xml"\nlanguage = "en"\nleaning = "independent"\n'
        f"poll_minutes = 30\nlocal = {local}\n"
        for name, local in (
            ("missing", "true"),
            ("broken", "true"),
            ("private-links", "true"),
            ("not-local", "false"),
        )
    )
    counts = run_monitor(tmp_path, catalogue)
    assert counts["sources_polled"] == 5
    assert counts["sources_failed"] == 3  # missing (404), broken (malformed), not-local (refused)
    assert counts["articles_new"] == 20
    health = dict(
        query(
            tmp_path,
            "SELECT source_id, last_error FROM sources_health WHERE last_error IS NOT NULL",
        )
    )
    assert set(health) == {"missing", "broken", "not-local"}
    assert "404" in health["missing"]
    assert "non-public address" in health["not-local"]
    # Links to 10.0.0.1 from a source on 127.0.0.1 are refused before any connection.
    refused = query(
        tmp_path,
        "SELECT failure_reason FROM articles WHERE url LIKE 'http://10.0.0.1/%'",
    )
    assert refused and all("10.0.0.1" in r[0] for r in refused)


def _feed_source(httpserver: HTTPServer, items: list[tuple[str, str]]) -> str:
    """A local RSS source on the test server listing ``items`` (path, title)."""
    entries = "".join(
        f"<item><title>{title}</title><link>{httpserver.url_for(path)}</link>"
        "<description>Iran and Russia discuss an oil contract</description></item>"
        for path, title in items
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{entries}'
        "</channel></rss>",
        content_type="application/rss+xml",
        headers={"ETag": '"feed-v1"'},
    )
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return (
        '[[sources]]\nid = "local"\nname = "Local"\nkind = "feed"\n'
        f'url = "{httpserver.url_for("/feed.xml")}"\nlanguage = "en"\n'
        'leaning = "independent"\npoll_minutes = 30\nlocal = true\n'
    )


def test_bad_pages_are_failed_rows_with_their_reason(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    from flows.demo.synthetic import page_html

    catalogue = _feed_source(
        httpserver,
        [
            ("/good.html", "Iran Russia oil deal"),
            ("/gone.html", "Iran Russia oil deal 2"),
            ("/report.pdf", "Iran Russia oil deal 3"),
            ("/empty.html", "Iran Russia oil deal 4"),
        ],
    )
    httpserver.expect_request("/good.html").respond_with_data(
        page_html(0, base=httpserver.url_for("")), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/gone.html").respond_with_data("no", status=404)
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.4 binary", content_type="application/pdf"
    )
    httpserver.expect_request("/empty.html").respond_with_data(
        "<html><body><nav>Home</nav></body></html>", content_type="text/html"
    )
    counts = run_monitor(tmp_path, catalogue)
    assert (counts["articles_new"], counts["articles_failed"]) == (1, 3)
    reasons = dict(
        query(
            tmp_path,
            "SELECT regexp_extract(url, '[a-z]+\\.[a-z]+$'), failure_reason "
            "FROM articles WHERE status = 'failed'",
        )
    )
    assert "404" in reasons["gone.html"]
    assert "pdf" in reasons["report.pdf"].lower()
    assert "text" in reasons["empty.html"]


def test_a_page_that_failed_for_now_is_fetched_again_next_run(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    from flows.demo.synthetic import page_html

    catalogue = _feed_source(httpserver, [("/flaky.html", "Iran Russia oil deal")])
    calls = {"n": 0}

    def flaky(request: object) -> Response:
        calls["n"] += 1
        if calls["n"] <= 2:  # the first run's two attempts
            return Response("busy", status=503)
        return Response(page_html(0, base="http://x"), content_type="text/html")

    httpserver.expect_request("/flaky.html").respond_with_handler(flaky)
    first = run_monitor(tmp_path, catalogue)
    assert (first["articles_new"], first["articles_failed"]) == (0, 1)
    assert query(tmp_path, "SELECT count(*) FROM articles") == [(0,)]
    # The feed's ETag was not kept, so the next run reads the feed again and retries the page.
    assert query(tmp_path, "SELECT etag FROM source_state") == [(None,)]
    second = run_monitor(tmp_path, catalogue)
    assert second["articles_new"] == 1
    assert query(tmp_path, "SELECT etag FROM source_state") == [('"feed-v1"',)]


def test_worker_processes_store_what_the_flows_own_process_stores(tmp_path: Path) -> None:
    """A big run extracts in worker processes, a small one in the flow's process; both give
    the same articles and mentions."""
    (tmp_path / "inline").mkdir()
    (tmp_path / "pooled").mkdir()
    with SyntheticSite(pages=40, relevant_every=1) as site:
        inline = run_monitor(tmp_path / "inline", site.catalogue())
        pooled = run_monitor(
            tmp_path / "pooled", site.catalogue(), extract_workers=2, pool_min_pages=0
        )
    assert inline["articles_new"] == pooled["articles_new"] == 40
    sql = "SELECT url, content_hash, topics FROM articles ORDER BY url"
    assert query(tmp_path / "inline", sql) == query(tmp_path / "pooled", sql)
    sql = "SELECT char_start, value, unit, claimant FROM mentions ORDER BY ALL"
    mentions = query(tmp_path / "pooled", sql)
    assert mentions and query(tmp_path / "inline", sql) == mentions
