-- Sources, their polling state, articles, the fetch log and runs.

CREATE TABLE sources (
    source_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    language      VARCHAR,
    leaning       VARCHAR NOT NULL,
    poll_minutes  INTEGER NOT NULL,
    is_local      BOOLEAN NOT NULL DEFAULT false,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE source_state (
    source_id             VARCHAR PRIMARY KEY,
    etag                  VARCHAR,
    last_modified         VARCHAR,
    last_polled_at        TIMESTAMPTZ,
    last_success_at       TIMESTAMPTZ,
    last_status           INTEGER,
    last_error            VARCHAR,
    last_error_at         TIMESTAMPTZ,
    consecutive_failures  INTEGER NOT NULL DEFAULT 0,
    entries_last_poll     INTEGER NOT NULL DEFAULT 0
);

-- One row per canonical URL. status: 'extracted' or 'failed' (a permanent failure, with
-- its reason). Transient failures stay out of this table so that the next run retries them.
CREATE TABLE articles (
    article_id      VARCHAR PRIMARY KEY,
    url             VARCHAR NOT NULL UNIQUE,
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

-- The same article listed by several sources: every (article, source) pair once.
CREATE TABLE article_sources (
    article_id     VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    first_seen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, source_id)
);

CREATE TABLE fetch_log (
    run_id      VARCHAR NOT NULL,
    url         VARCHAR NOT NULL,
    source_id   VARCHAR,
    purpose     VARCHAR NOT NULL,      -- 'source' or 'article'
    status      INTEGER,               -- HTTP status, null when no response
    outcome     VARCHAR NOT NULL,      -- ok, not_modified, error
    error       VARCHAR,
    bytes       BIGINT,
    elapsed_ms  DOUBLE,
    attempts    INTEGER,
    fetched_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE runs (
    run_id                VARCHAR PRIMARY KEY,
    flow                  VARCHAR NOT NULL,
    started_at            TIMESTAMPTZ NOT NULL,
    finished_at           TIMESTAMPTZ,
    status                VARCHAR NOT NULL,   -- running, completed, failed
    sources_polled        INTEGER NOT NULL DEFAULT 0,
    sources_not_modified  INTEGER NOT NULL DEFAULT 0,
    sources_failed        INTEGER NOT NULL DEFAULT 0,
    candidates            INTEGER NOT NULL DEFAULT 0,
    articles_new          INTEGER NOT NULL DEFAULT 0,
    articles_known        INTEGER NOT NULL DEFAULT 0,
    articles_irrelevant   INTEGER NOT NULL DEFAULT 0,
    articles_failed       INTEGER NOT NULL DEFAULT 0,
    message               VARCHAR
);

CREATE VIEW articles_v AS
SELECT a.article_id, a.url, a.source_id, s.name AS source_name, a.leaning, a.status,
       a.failure_reason, a.title, a.author, a.published, a.site_name, a.language,
       a.relevant, a.topics, a.content_hash, length(a.text) AS text_chars,
       a.discovered_at, a.fetched_at, a.run_id,
       (SELECT count(*) FROM article_sources x WHERE x.article_id = a.article_id) AS listed_by
FROM articles a LEFT JOIN sources s USING (source_id);
COMMENT ON VIEW articles_v IS 'One row per article (canonical URL): status extracted or failed (with reason), metadata from trafilatura, relevance and topics, the outlet and its leaning; listed_by counts the sources that listed it.';

CREATE VIEW sources_health AS
SELECT s.source_id, s.name, s.kind, s.leaning, s.language, s.url, s.poll_minutes,
       st.last_polled_at AS last_poll, st.last_success_at AS last_success, st.last_status,
       st.last_error, st.last_error_at,
       coalesce(st.consecutive_failures, 0) AS consecutive_failures,
       coalesce(st.consecutive_failures, 0) > 0 AS backing_off,
       st.entries_last_poll,
       (SELECT count(*) FROM article_sources x WHERE x.source_id = s.source_id) AS articles
FROM sources s LEFT JOIN source_state st USING (source_id);
COMMENT ON VIEW sources_health IS 'Per source: last poll, last success, last error, consecutive failures (a failing source is polled at exponentially longer intervals while backing_off), and how many articles it listed.';

CREATE VIEW runs_v AS
SELECT *, date_diff('millisecond', started_at, finished_at) / 1000.0 AS duration_s
FROM runs;
COMMENT ON VIEW runs_v IS 'One row per flow run with its counts (sources polled / not modified / failed, candidates, articles new / known / irrelevant / failed), status and duration.';
