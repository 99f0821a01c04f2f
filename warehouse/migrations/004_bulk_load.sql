-- Loading and reading the ledger at scale (issue 4: 1M mentions, 100k claims).
--
-- Two indexes the bulk load paid for on every batch without needing them:
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

-- claims_current read claim_state and joined claims, the status event, its statement and the
-- statement's article (all 200k articles, to find a few thousand URLs) on every query. The
-- claim's identity and its Kremlin evidence now sit in its claim_state row, written when the
-- row is refreshed, so the view reads one table. The evidence cannot go stale: the status
-- event it follows changes only in a batch that touches the claim, which refreshes the row,
-- and statements and articles are never rewritten.
CREATE TABLE claim_state_rebuilt (
    claim_id                   VARCHAR PRIMARY KEY,
    topic                      VARCHAR NOT NULL,
    family                     VARCHAR NOT NULL,
    unit                       VARCHAR NOT NULL,
    value                      DOUBLE NOT NULL,
    value_high                 DOUBLE,
    kind                       VARCHAR NOT NULL,
    qualifier                  VARCHAR NOT NULL,
    value_usd                  DOUBLE,
    claimants                  VARCHAR[] NOT NULL,
    first_seen                 DATE NOT NULL,
    last_seen                  DATE NOT NULL,
    mentions                   INTEGER NOT NULL,
    articles                   INTEGER NOT NULL,
    sources                    INTEGER NOT NULL,
    outlets                    VARCHAR[] NOT NULL,
    leanings                   VARCHAR[] NOT NULL,
    kremlin_status             VARCHAR NOT NULL,
    kremlin_status_since       DATE,
    status_event_id            VARCHAR,
    kremlin_evidence_url       VARCHAR,
    kremlin_evidence_sentence  VARCHAR,
    kremlin_evidence_speaker   VARCHAR,
    drift_events               INTEGER NOT NULL,
    other_russian_signals      STRUCT(speaker VARCHAR, role VARCHAR, stance VARCHAR, reported_on DATE, statement_id VARCHAR)[] NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL
);
INSERT INTO claim_state_rebuilt
SELECT cs.claim_id, c.topic, c.family, c.unit, c.value, c.value_high, cs.kind, cs.qualifier,
       cs.value_usd, cs.claimants, cs.first_seen, cs.last_seen, cs.mentions, cs.articles,
       cs.sources, cs.outlets, cs.leanings, cs.kremlin_status, cs.kremlin_status_since,
       cs.status_event_id, a.url, st.sentence, st.speaker, cs.drift_events,
       cs.other_russian_signals, cs.updated_at
FROM claim_state cs
JOIN claims c USING (claim_id)
LEFT JOIN claim_status_events e ON e.event_id = cs.status_event_id
LEFT JOIN statements st ON st.statement_id = e.statement_id
LEFT JOIN articles a ON a.article_id = st.article_id;
DROP TABLE claim_state;
ALTER TABLE claim_state_rebuilt RENAME TO claim_state;

CREATE OR REPLACE VIEW claims_current AS
SELECT claim_id, topic, kind, value, value_high, unit, value_usd, qualifier, claimants,
       first_seen, last_seen, mentions, sources, articles, outlets, leanings, kremlin_status,
       kremlin_status_since, kremlin_evidence_url, kremlin_evidence_sentence,
       kremlin_evidence_speaker, other_russian_signals, drift_events, family, updated_at
FROM claim_state;
COMMENT ON VIEW claims_current IS 'One row per tracked claim (topic + family + unit + value within 1%): kind and qualifier as first reported, claimants, first and last seen, mention / article / outlet counts with the outlets and their leanings, the Kremlin status now (unverified, not_confirmed, confirmed, denied) with the date and evidence of the statement that set it, other Russian signals, and how many drift events it has.';
