"""Article texts, kept in Parquet files beside the warehouse instead of inside it.

DuckDB merges a table's small row groups when it checkpoints, reading and rewriting them whole.
With every article's text in ``articles``, each checkpoint of a run merged more text than the
last, and a run's peak memory grew with the number of pages it loaded (issue 2; docs/history.md,
twelfth session). Texts are written once, read rarely (one article for an analyst, all of
them for a re-extraction), and never filtered on, so each batch's texts go to one Parquet file,
a *pack*, and the article row names its pack (``articles.text_file``).

A pack is written, under a name derived from the articles it holds, before the transaction
that stores their rows: a run killed in between leaves a pack no row names (killed while
writing, a ``.writing-`` file), which costs disk and nothing else, and a retried batch of the
same articles writes the same file again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.exceptions import WarehouseError
from warehouse.records import ArticleRecord

PENDING_TABLE = "article_texts_pending"
"""Where migration 008 left the texts of a warehouse that held them in ``articles``."""

_MOVE_CHUNK = 5_000


class TextStore:
    """The packs of one warehouse: ``<name>.texts/`` beside ``<name>.duckdb``.

    A row names its pack relative to the warehouse's folder (``claimwatch.texts/….parquet``),
    so a copy of the file in the same folder, such as the analysts' snapshot, finds it too.
    """

    def __init__(self, database: str | Path) -> None:
        path = Path(database)
        self.folder = path.parent
        self.root = self.folder / f"{path.stem}.texts"

    def store(self, articles: Sequence[tuple[ArticleRecord, str | None]]) -> dict[str, str]:
        """Write the texts of ``articles`` (each row with its text, None for a failed page) to
        one pack; returns article id → the pack's name, for the rows to name
        (``warehouse.ingest.load_articles``' ``text_files``: a copy of each row cost ~5 µs, a
        quarter of a second per 50,000 articles)."""
        texts = {row.article_id: text for row, text in articles if text is not None}
        pack = self.write(texts)
        return dict.fromkeys(texts, pack) if pack is not None else {}

    def write(self, texts: Mapping[str, str]) -> str | None:
        """Store ``texts`` (article id → text) as one pack; returns the name its rows give it
        (None if there is nothing to store).

        The file appears whole or not at all (written aside, then renamed into place).
        """
        if not texts:
            return None
        ids = sorted(texts)
        name = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:32] + ".parquet"
        table = pa.table({"article_id": ids, "text": [texts[i] for i in ids]})
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle, aside = tempfile.mkstemp(dir=self.root, prefix=".writing-", suffix=".parquet")
            os.close(handle)
            try:
                pq.write_table(table, aside, compression="zstd")
                os.replace(aside, self.root / name)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(aside)
        except OSError as exc:
            raise WarehouseError(
                f"{self.root}: cannot write article texts ({exc.strerror or exc}); "
                "the batch was not stored",
                path=str(self.root),
            ) from exc
        return f"{self.root.name}/{name}"


def read_text(folders: Sequence[Path], text_file: str, article_id: str) -> str | None:
    """The text of ``article_id`` in the pack ``text_file``, looked for in the first of
    ``folders`` that has it (None if the pack does not hold that article)."""
    candidates = [folder / text_file for folder in folders]
    path = next((p for p in candidates if p.exists()), None)
    if path is None:
        raise WarehouseError(
            f"{text_file}: the article's text pack is in none of "
            f"{', '.join(str(f) for f in folders)}; keep each warehouse's .texts folder beside it",
            path=text_file,
        )
    try:
        table = pq.read_table(path, columns=["text"], filters=[("article_id", "=", article_id)])
    except (OSError, pa.ArrowInvalid) as exc:
        raise WarehouseError(
            f"{path}: cannot read the article's text ({exc})", path=str(path)
        ) from exc
    return str(table.column("text")[0]) if table.num_rows else None


def move_pending_texts(conn: duckdb.DuckDBPyConnection, store: TextStore) -> int:
    """Write the texts migration 008 took out of ``articles`` into packs, name the packs in
    their rows, and drop the pending table; returns how many texts moved.

    Call inside a transaction, after migrating (``warehouse.migrations.migrate_file`` does):
    until it has run, those texts stay where the migration left them.
    """
    exists = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
        [PENDING_TABLE],
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    rows = conn.execute(f"SELECT article_id, text FROM {PENDING_TABLE} ORDER BY article_id")
    packs: dict[str, list[str]] = {}
    moved = 0
    while chunk := rows.fetchmany(_MOVE_CHUNK):
        name = store.write(dict(chunk))
        if name is not None:
            packs[name] = [article_id for article_id, _ in chunk]
        moved += len(chunk)
    for name, ids in packs.items():
        conn.execute(
            "UPDATE articles SET text_file = ? WHERE article_id IN (SELECT UNNEST(?))", [name, ids]
        )
    conn.execute(f"DROP TABLE {PENDING_TABLE}")
    return moved
