from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
import time
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from sources.models import Source
from warehouse.db import connect, held_for_run, write_transaction
from warehouse.exceptions import MigrationError, WarehouseError, WarehouseLocked
from warehouse.ingest import (
    FetchLogRecord,
    Listing,
    SourcePoll,
    known_urls,
    load_articles,
    record_polls,
    source_states,
    sync_sources,
)
from warehouse.lock import writer_lock
from warehouse.migrations import available_migrations, migrate, migrate_file
from warehouse.records import ArticleRecord
from warehouse.snapshot import publish_snapshot
from warehouse.texts import TextStore, move_pending_texts, read_text

NOW = datetime(2025, 1, 18, 9, 0, tzinfo=UTC)
VIEWS = ("articles_v", "sources_health", "runs_v")


def article(n: int, *, status: str = "extracted") -> ArticleRecord:
    return ArticleRecord(
        article_id=f"id{n}",
        url=f"https://outlet.example/a/{n}",
        fetch_url=f"https://outlet.example/a/{n}?utm_source=rss",
        source_id="outlet",
        status=status,
        failure_reason=None if status == "extracted" else "no article text",
        title=f"Story {n}",
        author=None,
        published=date(2018, 7, 14),
        site_name="Outlet",
        language="en",
        leaning="independent",
        text_chars=10,
        text_file=None,
        content_hash="h",
        relevant=True,
        topics=["iran-russia-oil-deals"],
        feed_title=f"Story {n}",
        discovered_at=NOW,
        fetched_at=NOW,
        run_id="run-1",
    )


def fetch_row(n: int) -> FetchLogRecord:
    return FetchLogRecord(
        run_id="run-1",
        url=f"https://outlet.example/a/{n}",
        source_id="outlet",
        purpose="article",
        status=200,
        outcome="ok",
        error=None,
        bytes=100,
        elapsed_ms=1.0,
        attempts=1,
        fetched_at=NOW,
    )


def test_migrations_are_recorded_and_run_once(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert migrate(conn) == [m.version for m in available_migrations()]
    assert migrate(conn) == []
    recorded = conn.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
    assert [r[0] for r in recorded] == [m.version for m in available_migrations()]
    conn.close()


def test_the_bulk_load_migration_keeps_an_existing_warehouses_rows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    conn = old_warehouse(monkeypatch, tmp_path / "w.duckdb", migrations_before=3, articles=2)
    conn.execute(
        "INSERT INTO mentions SELECT 'm1', 'id1', 'c1', 't', 'deal', '$4 billion', 4e9, NULL, "
        "'USD', 4e9, 'exact', 'contract_signed', 'asserted', NULL, NULL, [], NULL, 'A sentence.', "
        "0, 10, DATE '2018-07-14', 'outlet', 'independent', 'en', 'run-1', ?",
        [NOW],
    )
    before = conn.execute("SELECT * FROM articles_v ORDER BY article_id").fetchall()
    monkeypatch.undo()
    assert migrate(conn) == [m.version for m in available_migrations()[3:]]  # 004 and later
    # every column as it was; 008 adds text_file, the pack a row's text is in
    after = conn.execute(
        "SELECT * EXCLUDE (text_file) FROM articles_v ORDER BY article_id"
    ).fetchall()
    assert after == before
    assert conn.execute("SELECT mention_id, url FROM claim_mentions_v").fetchall() == [
        ("m1", "https://outlet.example/a/1")
    ]
    assert load_articles(conn, [article(1), article(3)], [], []) == {"https://outlet.example/a/3"}
    conn.close()


def old_warehouse(
    monkeypatch: pytest.MonkeyPatch, path: Path, *, migrations_before: int, articles: int
) -> duckdb.DuckDBPyConnection:
    """A warehouse at ``path`` with only the first migrations applied (``monkeypatch.undo()``
    ships the rest), holding ``articles`` articles as the schema before 008 held them: with
    their text."""
    from warehouse import migrations

    shipped = available_migrations()
    monkeypatch.setattr(migrations, "available_migrations", lambda: shipped[:migrations_before])
    conn = duckdb.connect(str(path))
    migrate(conn)
    for n in range(1, articles + 1):
        conn.execute(
            "INSERT INTO articles (article_id, url, fetch_url, source_id, status, title, "
            "published, text, topics, discovered_at, run_id) "
            "VALUES (?, ?, ?, 'outlet', 'extracted', ?, DATE '2018-07-14', ?, ?, ?, 'run-1')",
            [
                f"id{n}",
                f"https://outlet.example/a/{n}",
                f"https://outlet.example/a/{n}",
                f"Story {n}",
                f"Text of story {n}.",
                ["iran-russia-oil-deals"],
                NOW,
            ],
        )
    return conn


def test_texts_stored_in_the_warehouse_move_to_packs_and_read_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "w.duckdb"
    conn = old_warehouse(monkeypatch, path, migrations_before=7, articles=3)
    conn.execute("UPDATE articles SET text = NULL, status = 'failed' WHERE article_id = 'id3'")
    monkeypatch.undo()
    assert migrate_file(conn, path) == [8]
    store = TextStore(path)
    assert move_pending_texts(conn, store) == 0  # the pending table is gone
    rows = conn.execute(
        "SELECT article_id, text_chars, text_file FROM articles ORDER BY 1"
    ).fetchall()
    assert [r[1] for r in rows] == [len("Text of story 1."), len("Text of story 2."), None]
    assert rows[2][2] is None
    assert read_text([tmp_path], rows[0][2], "id1") == "Text of story 1."
    assert read_text([tmp_path], rows[1][2], "id2") == "Text of story 2."
    assert read_text([tmp_path], rows[1][2], "id3") is None
    # one pack, named from the warehouse's folder, and nothing left aside
    assert [f"{store.root.name}/{p.name}" for p in store.root.iterdir()] == [rows[0][2]]
    conn.close()


def test_failed_migration_is_rolled_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from warehouse import migrations

    broken = [migrations.Migration(1, "broken", "CREATE TABLE t (x INTEGER); SELECT nonsense;")]
    monkeypatch.setattr(migrations, "available_migrations", lambda: broken)
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    with pytest.raises(MigrationError, match="001_broken failed and was rolled back"):
        migrate(conn)
    rows = conn.execute("SELECT table_name FROM information_schema.tables").fetchall()
    tables = {r[0] for r in rows}
    assert "t" not in tables
    conn.close()


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_is_documented(db: duckdb.DuckDBPyConnection, view: str) -> None:
    comment = db.execute(
        "SELECT comment FROM duckdb_views() WHERE view_name = ?", [view]
    ).fetchone()
    assert comment is not None and len(comment[0]) > 40


def test_loading_the_same_batch_twice_adds_nothing(db: duckdb.DuckDBPyConnection) -> None:
    batch = [article(1), article(2, status="failed")]
    listings = [Listing(article_id="id1", source_id="outlet", first_seen_at=NOW)]
    for _ in range(2):
        load_articles(db, batch, listings, [])
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert db.execute("SELECT count(*) FROM article_sources").fetchone() == (1,)
    assert known_urls(db, ["https://outlet.example/a/1", "https://other.example/x"]) == {
        "https://outlet.example/a/1"
    }
    row = db.execute("SELECT status, listed_by FROM articles_v WHERE article_id='id1'").fetchone()
    assert row == ("extracted", 1)


def test_a_failed_transaction_leaves_nothing(db_path: Path) -> None:
    with pytest.raises(RuntimeError), write_transaction(db_path) as conn:
        load_articles(conn, [article(1)], [], [fetch_row(1)])
        raise RuntimeError("crash in the middle of a load")
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM fetch_log").fetchone() == (0,)


def test_source_health_counts_consecutive_failures(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(
        "INSERT INTO sources VALUES ('outlet', 'Outlet', 'feed', 'https://o.example/rss', 'en',"
        " 'independent', 30, false, now())"
    )
    fail = SourcePoll(source_id="outlet", polled_at=NOW, ok=False, status=503, error="503")
    record_polls(db, [fail, fail])
    assert source_states(db)["outlet"].consecutive_failures == 2
    row = db.execute(
        "SELECT consecutive_failures, backing_off, last_error FROM sources_health"
    ).fetchone()
    assert row == (2, True, "503")
    ok = SourcePoll(source_id="outlet", polled_at=NOW, ok=True, status=200, etag='"v2"')
    record_polls(db, [ok])
    state = source_states(db)["outlet"]
    assert (state.consecutive_failures, state.etag) == (0, '"v2"')


HOLDER = textwrap.dedent(
    """
    import sys, time, duckdb
    conn = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.close()
    """
)


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_locked_database_gives_a_clear_transient_error(db_path: Path) -> None:
    proc = _hold(db_path, 5)
    try:
        started = time.monotonic()
        with (
            pytest.raises(WarehouseLocked, match="in use by another process"),
            connect(db_path, lock_timeout=0.5),
        ):
            pass
        assert time.monotonic() - started < 4
    finally:
        proc.kill()
        proc.wait()


def test_a_writer_waits_for_the_lock_to_be_released(db_path: Path) -> None:
    proc = _hold(db_path, 1.0)
    try:
        with connect(db_path, lock_timeout=20) as conn:
            assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        proc.wait()


def _wal_mb(path: Path) -> float:
    wal = Path(f"{path}.wal")
    return wal.stat().st_size / 2**20 if wal.exists() else 0.0


def _cached_kb(path: Path) -> int:
    """What the run's DuckDB instance holds in memory (its buffer manager's count)."""
    with connect(path) as conn:
        row = conn.execute("SELECT sum(memory_usage_bytes) // 1024 FROM duckdb_memory()")
        return int(row.fetchone()[0])


def _run(path: Path, checkpoint_mb: int) -> tuple[list[float], list[int]]:
    """Load six batches of ~1.1 MB of log in one run, reading the table after each; the
    log's size and the instance's memory after each commit, the memory at the start first."""
    with connect(path) as conn:
        conn.execute("CREATE TABLE pages (id INTEGER, body VARCHAR)")
    sizes = []
    with held_for_run(path, checkpoint_mb=checkpoint_mb, memory_mb=512):
        memory = [_cached_kb(path)]
        for batch in range(6):
            with write_transaction(path) as conn:
                conn.execute(
                    "INSERT INTO pages SELECT i, md5(i::VARCHAR) || repeat('x', 200) "
                    "FROM range($1, $1 + 5000) t(i)",
                    [batch * 5000],
                )
                conn.execute("SELECT count(*), max(body) FROM pages").fetchall()
            sizes.append(_wal_mb(path))
            memory.append(_cached_kb(path))
    assert _wal_mb(path) == 0.0
    with connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM pages").fetchone() == (30000,)
    return sizes, memory


def test_a_run_checkpoints_when_its_log_passes_the_threshold(tmp_path: Path) -> None:
    """The log (whose rows DuckDB keeps in memory) never holds more than the threshold and
    one batch, however many batches the run loads."""
    sizes, _ = _run(tmp_path / "w.duckdb", checkpoint_mb=1)
    assert 0.0 in sizes
    assert max(sizes) < 1 + 1.5


def test_a_checkpoint_during_a_run_gives_back_what_duckdb_cached(tmp_path: Path) -> None:
    """The file is reopened at each checkpoint, so the blocks the checkpoint wrote and read do
    not stay in memory for the rest of the run (a checkpoint alone kept 1-2.7 MB here)."""
    sizes, memory = _run(tmp_path / "w.duckdb", checkpoint_mb=1)
    opening = memory[0]
    assert all(kb == opening for kb, mb in zip(memory[1:], sizes, strict=True) if mb == 0.0)


def test_a_load_past_the_memory_limit_names_the_setting_and_keeps_the_last_commit(
    tmp_path: Path,
) -> None:
    path = tmp_path / "w.duckdb"
    with connect(path) as conn:
        conn.execute("CREATE TABLE pages (id INTEGER, body VARCHAR)")
    with held_for_run(path, checkpoint_mb=8, memory_mb=2):
        with write_transaction(path) as conn:
            conn.execute("INSERT INTO pages VALUES (1, 'kept')")
        with (
            pytest.raises(WarehouseError, match="CLAIMWATCH_DUCKDB_MEMORY_MB") as raised,
            write_transaction(path) as conn,
        ):
            conn.execute(
                "INSERT INTO pages SELECT i, repeat('x', 100) || i "
                "FROM range(2000000) t(i) ORDER BY random()"
            )
    assert "ran out of the memory" in str(raised.value)
    with connect(path) as conn:
        assert conn.execute("SELECT id, body FROM pages").fetchall() == [(1, "kept")]


def test_a_run_that_fails_reports_its_own_error_and_keeps_its_commits(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with connect(path) as conn:
        conn.execute("CREATE TABLE pages (id INTEGER, body VARCHAR)")
    with (
        pytest.raises(RuntimeError, match="the feed broke"),
        held_for_run(path, checkpoint_mb=8, memory_mb=512),
    ):
        with write_transaction(path) as conn:
            conn.execute("INSERT INTO pages VALUES (1, 'kept')")
        raise RuntimeError("the feed broke")
    with connect(path) as conn:
        assert conn.execute("SELECT id, body FROM pages").fetchall() == [(1, "kept")]


def test_below_the_threshold_a_run_only_appends_to_its_log(tmp_path: Path) -> None:
    sizes, memory = _run(tmp_path / "w.duckdb", checkpoint_mb=64)
    assert sizes[0] > 0
    assert all(a < b for a, b in itertools.pairwise(sizes))
    assert memory[-1] > memory[0]  # the instance was kept: its cache grew


def test_writer_lock_excludes_a_second_holder(tmp_path: Path) -> None:
    database = tmp_path / "w.duckdb"
    code = textwrap.dedent(
        f"""
        import time
        from warehouse.lock import writer_lock
        with writer_lock({str(database)!r}):
            print("locked", flush=True)
            time.sleep(5)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with (
            pytest.raises(WarehouseLocked, match="writer lock"),
            writer_lock(database, timeout=0.3),
        ):
            pass
        proc.kill()  # the kernel frees the lock of a killed holder
        proc.wait()
        with writer_lock(database, timeout=5):
            pass
    finally:
        proc.kill()
        proc.wait()


def test_snapshot_survives_an_open_analyst_connection(db_path: Path, tmp_path: Path) -> None:
    snapshot = tmp_path / "read.duckdb"
    with write_transaction(db_path) as conn:
        load_articles(conn, [article(1)], [], [])
    publish_snapshot(db_path, snapshot)
    analyst = textwrap.dedent(
        """
        import sys, duckdb
        conn = duckdb.connect(sys.argv[1], read_only=True)
        print(conn.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
        sys.stdin.readline()
        print(conn.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", analyst, str(snapshot)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "1"
        with write_transaction(db_path) as conn:  # the writer is not blocked by the analyst
            load_articles(conn, [article(2)], [], [])
        publish_snapshot(db_path, snapshot)
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "1"  # the analyst's view is not broken
    finally:
        proc.kill()
        proc.wait()
    with connect(snapshot, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_syncing_the_catalogue_touches_only_new_and_changed_sources(
    db: duckdb.DuckDBPyConnection,
) -> None:
    def feed(n: int, minutes: int = 30) -> Source:
        url = f"https://outlet{n}.example/rss"
        return Source(
            id=f"s{n}",
            name=f"Outlet {n}",
            kind="feed",
            url=url,
            language="en",
            leaning="independent",
            poll_minutes=minutes,
        )

    def updated() -> dict[str, datetime]:
        rows = db.execute("SELECT source_id, updated_at FROM sources").fetchall()
        return dict(rows)

    later = datetime(2025, 1, 19, 9, 0, tzinfo=UTC)
    sync_sources(db, [feed(1), feed(2)], now=NOW)
    sync_sources(db, [feed(1), feed(2)], now=later)
    assert updated() == {"s1": NOW, "s2": NOW}  # nothing changed: nothing written
    sync_sources(db, [feed(1), feed(2, minutes=60), feed(3)], now=later)
    assert updated() == {"s1": NOW, "s2": later, "s3": later}
    assert db.execute("SELECT poll_minutes FROM sources WHERE source_id = 's2'").fetchone() == (60,)


def test_texts_are_read_from_the_first_folder_holding_their_pack(tmp_path: Path) -> None:
    store = TextStore(tmp_path / "main" / "w.duckdb")
    name = store.write({"id2": "second", "id1": "first"})
    assert name is not None and name.startswith("w.texts/")
    assert store.write({"id1": "first", "id2": "second"}) == name  # same articles, same pack
    assert read_text([tmp_path / "elsewhere", tmp_path / "main"], name, "id2") == "second"
    with pytest.raises(WarehouseError, match="in none of"):
        read_text([tmp_path / "elsewhere"], name, "id2")
    (tmp_path / "main" / name).write_bytes(b"PAR1 cut short")
    with pytest.raises(WarehouseError, match="cannot read the article's text"):
        read_text([tmp_path / "main"], name, "id2")


def test_a_text_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "w.texts").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(WarehouseError, match="cannot write article texts"):
        TextStore(tmp_path / "w.duckdb").write({"id1": "text"})
    assert TextStore(tmp_path / "w.duckdb").write({}) is None


def test_stored_rows_name_the_pack_of_their_text(tmp_path: Path) -> None:
    """load_batch's order: the texts to a pack, then the rows, each naming its pack."""
    path = tmp_path / "w.duckdb"
    store = TextStore(path)
    failed = article(2, status="failed")
    text_files = store.store([(article(1), "Text of story 1."), (failed, None)])
    with connect(path) as conn:
        migrate_file(conn, path)
        load_articles(conn, [article(1), failed], [], [], text_files=text_files)
        rows = conn.execute("SELECT article_id, text_file FROM articles ORDER BY 1").fetchall()
    assert rows[1] == ("id2", None)
    assert rows[0][1] == text_files["id1"]
    assert read_text([tmp_path], rows[0][1], "id1") == "Text of story 1."
