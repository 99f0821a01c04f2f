-- Two indexes the bulk load paid for on every batch without needing them (issue 4, scale):
--
-- - articles.url UNIQUE: article_id, the primary key, is a hash of the canonical URL, so the
--   key already keeps one row per URL, and load_articles skips known URLs before inserting.
-- - mentions.mention_id PRIMARY KEY: load_ledger inserts only ids it has checked are not
--   stored yet. This was the largest index in the file (one entry per mention), and every
--   write transaction's checkpoint rewrote it.
--
-- DuckDB cannot drop a constraint, so both tables are rebuilt with the same columns, in the
-- same order, and their rows copied. Views name these tables and are bound when queried, so
-- they keep working.

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
    text            VARCHAR,
    content_hash    VARCHAR,
    relevant        BOOLEAN,
    topics          VARCHAR[],
    feed_title      VARCHAR,
    discovered_at   TIMESTAMPTZ NOT NULL,
    fetched_at      TIMESTAMPTZ,
    run_id          VARCHAR NOT NULL
);
INSERT INTO articles_rebuilt SELECT * FROM articles;
DROP TABLE articles;
ALTER TABLE articles_rebuilt RENAME TO articles;

CREATE TABLE mentions_rebuilt (
    mention_id     VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    claim_id       VARCHAR NOT NULL,
    topic          VARCHAR NOT NULL,
    family         VARCHAR NOT NULL,
    text           VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    value_high     DOUBLE,
    unit           VARCHAR NOT NULL,
    value_usd      DOUBLE,
    qualifier      VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    modality       VARCHAR NOT NULL,
    claimant       VARCHAR,
    attributed_to  VARCHAR,
    parties        VARCHAR[],
    period         VARCHAR,
    sentence       VARCHAR NOT NULL,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    reported_on    DATE NOT NULL,
    source_id      VARCHAR NOT NULL,
    leaning        VARCHAR,
    language       VARCHAR,
    run_id         VARCHAR NOT NULL,
    loaded_at      TIMESTAMPTZ NOT NULL
);
INSERT INTO mentions_rebuilt SELECT * FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_rebuilt RENAME TO mentions;
