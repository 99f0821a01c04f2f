-- Article texts leave the warehouse for Parquet packs beside it (warehouse/texts.py says why).
--
-- articles keeps the text's length and the pack that holds it. The texts stored so far wait
-- in article_texts_pending, which warehouse.texts.move_pending_texts writes into packs and
-- drops, in the same transaction that names the packs in their rows.
--
-- DuckDB cannot drop a column of a table with an index, so the table is rebuilt (as in 004).

CREATE TABLE article_texts_pending AS
SELECT article_id, text FROM articles WHERE text IS NOT NULL;

CREATE TABLE articles_rebuilt (
    article_id      VARCHAR PRIMARY KEY,
    url             VARCHAR NOT NULL,
    fetch_url       VARCHAR NOT NULL,
    source_id       VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    failure_reason  VARCHAR,
    title           VARCHAR,
    author          VARCHAR,
    published       DATE,
    site_name       VARCHAR,
    language        VARCHAR,
    leaning         VARCHAR,
    text_chars      INTEGER,
    text_file       VARCHAR,
    content_hash    VARCHAR,
    relevant        BOOLEAN,
    topics          VARCHAR[],
    feed_title      VARCHAR,
    discovered_at   TIMESTAMPTZ NOT NULL,
    fetched_at      TIMESTAMPTZ,
    run_id          VARCHAR NOT NULL
);
INSERT INTO articles_rebuilt
SELECT article_id, url, fetch_url, source_id, status, failure_reason, title, author, published,
       site_name, language, leaning, length(text), NULL, content_hash, relevant, topics,
       feed_title, discovered_at, fetched_at, run_id
FROM articles;
DROP VIEW articles_v;
DROP TABLE articles;
ALTER TABLE articles_rebuilt RENAME TO articles;

CREATE VIEW articles_v AS
SELECT a.article_id, a.url, a.source_id, s.name AS source_name, a.leaning, a.status,
       a.failure_reason, a.title, a.author, a.published, a.site_name, a.language,
       a.relevant, a.topics, a.content_hash, a.text_chars, a.text_file,
       a.discovered_at, a.fetched_at, a.run_id,
       (SELECT count(*) FROM article_sources x WHERE x.article_id = a.article_id) AS listed_by
FROM articles a LEFT JOIN sources s USING (source_id);
COMMENT ON VIEW articles_v IS 'One row per article (canonical URL): status extracted or failed (with reason), metadata from trafilatura, relevance and topics, the outlet and its leaning; listed_by counts the sources that listed it. The text itself is in the Parquet pack text_file, in the <warehouse>.texts folder beside the database (claimwatch article ID prints it).';
