-- The claim ledger: mentions and Russian statements found in articles, the tracked claims
-- they resolve to, the links between statements and claims, and the append-only events
-- (Kremlin status changes, figure drift). See docs/warehouse.md.

-- Every figure claim found in a relevant article. mention_id is derived from the article and
-- the figure's offsets, so loading the same article twice adds nothing.
CREATE TABLE mentions (
    mention_id     VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    claim_id       VARCHAR NOT NULL,
    topic          VARCHAR NOT NULL,
    family         VARCHAR NOT NULL,   -- deal, trade or supply: equal values of two families stay apart
    text           VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    value_high     DOUBLE,
    unit           VARCHAR NOT NULL,
    value_usd      DOUBLE,
    qualifier      VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    modality       VARCHAR NOT NULL,   -- asserted, denied or hypothetical
    claimant       VARCHAR,
    attributed_to  VARCHAR,
    parties        VARCHAR[],
    period         VARCHAR,
    sentence       VARCHAR NOT NULL,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    reported_on    DATE NOT NULL,      -- the article's publication date, else its discovery date
    source_id      VARCHAR NOT NULL,
    leaning        VARCHAR,
    language       VARCHAR,
    run_id         VARCHAR NOT NULL,
    loaded_at      TIMESTAMPTZ NOT NULL
);

-- Every statement by a Russian voice: the Kremlin (is_kremlin: the status follows these) and
-- ministers, unnamed officials and state companies (other Russian signals).
CREATE TABLE statements (
    statement_id    VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    speaker         VARCHAR,
    role            VARCHAR NOT NULL,
    is_kremlin      BOOLEAN NOT NULL,
    stance          VARCHAR NOT NULL,
    about_claimant  VARCHAR,
    about_values    DOUBLE[],
    topics          VARCHAR[],
    sentence        VARCHAR NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL,
    reported_on     DATE NOT NULL,
    source_id       VARCHAR NOT NULL,
    run_id          VARCHAR NOT NULL,
    loaded_at       TIMESTAMPTZ NOT NULL
);

-- A tracked claim: one topic + family + unit + value (within 1%). The identity never changes;
-- value is the first mention's.
CREATE TABLE claims (
    claim_id    VARCHAR PRIMARY KEY,
    topic       VARCHAR NOT NULL,
    family      VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    value_high  DOUBLE,
    created_at  TIMESTAMPTZ NOT NULL,
    run_id      VARCHAR NOT NULL
);

-- Which statements refer to which claims, and how: by value, by claimant or by subject.
CREATE TABLE statement_links (
    statement_id  VARCHAR NOT NULL,
    claim_id      VARCHAR NOT NULL,
    link          VARCHAR NOT NULL,
    linked_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (statement_id, claim_id)
);

-- Append-only: a Kremlin status change of a claim, with the statement that made it.
-- effective_on is when the statement was reported (as-of queries use it), recorded_at when
-- claimwatch learnt it. event_id = claim + statement: the same evidence never adds twice.
CREATE TABLE claim_status_events (
    event_id      VARCHAR PRIMARY KEY,
    claim_id      VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,
    effective_on  DATE NOT NULL,
    statement_id  VARCHAR NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    run_id        VARCHAR NOT NULL
);

-- Append-only: a later mention that reports a claim with a qualifier or kind not seen before
-- ("up to $50 billion" reported as a $50 billion deal).
CREATE TABLE claim_drift_events (
    event_id      VARCHAR PRIMARY KEY,
    claim_id      VARCHAR NOT NULL,
    field         VARCHAR NOT NULL,    -- qualifier or kind
    from_value    VARCHAR NOT NULL,
    to_value      VARCHAR NOT NULL,
    effective_on  DATE NOT NULL,
    mention_id    VARCHAR NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    run_id        VARCHAR NOT NULL
);

-- Per-claim figures kept up to date for the claims a batch touched (rows are replaced, the
-- events above never are). claims_current reads this table, so it costs one scan.
CREATE TABLE claim_state (
    claim_id              VARCHAR PRIMARY KEY,
    kind                  VARCHAR NOT NULL,
    qualifier             VARCHAR NOT NULL,
    value_usd             DOUBLE,
    claimants             VARCHAR[] NOT NULL,
    first_seen            DATE NOT NULL,
    last_seen             DATE NOT NULL,
    mentions              INTEGER NOT NULL,
    articles              INTEGER NOT NULL,
    sources               INTEGER NOT NULL,
    outlets               VARCHAR[] NOT NULL,
    leanings              VARCHAR[] NOT NULL,
    kremlin_status        VARCHAR NOT NULL,
    kremlin_status_since  DATE,
    status_event_id       VARCHAR,
    drift_events          INTEGER NOT NULL,
    other_russian_signals STRUCT(speaker VARCHAR, role VARCHAR, stance VARCHAR, reported_on DATE, statement_id VARCHAR)[] NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

CREATE VIEW claim_mentions_v AS
SELECT m.mention_id, m.claim_id, m.topic, m.text, m.value, m.value_high, m.unit, m.value_usd,
       m.qualifier, m.kind, m.modality, m.claimant, m.attributed_to, m.parties, m.period,
       m.sentence, m.char_start, m.char_end, m.reported_on, a.published, a.url, a.title,
       m.article_id, m.source_id, s.name AS source_name, m.leaning, m.language, m.run_id,
       m.loaded_at
FROM mentions m LEFT JOIN articles a ON a.article_id = m.article_id
LEFT JOIN sources s ON s.source_id = m.source_id;
COMMENT ON VIEW claim_mentions_v IS 'Every figure claim found in an article, with the tracked claim it resolved to, its qualifier, kind, modality (asserted, denied, hypothetical), claimant, sentence and offsets in the article text, and the article (url, outlet, leaning, published, language).';

CREATE VIEW kremlin_statements_v AS
SELECT st.statement_id, st.speaker, st.role, st.is_kremlin, st.stance, st.about_claimant,
       st.about_values, st.topics, st.sentence, st.char_start, st.char_end, st.reported_on,
       a.published, a.url, a.title, st.article_id, st.source_id, s.name AS source_name,
       a.leaning,
       coalesce((SELECT list(l.claim_id ORDER BY l.claim_id) FROM statement_links l
                 WHERE l.statement_id = st.statement_id), []) AS linked_claims,
       coalesce((SELECT list(DISTINCT l.link ORDER BY l.link) FROM statement_links l
                 WHERE l.statement_id = st.statement_id), []) AS linked_by,
       st.run_id, st.loaded_at
FROM statements st LEFT JOIN articles a ON a.article_id = st.article_id
LEFT JOIN sources s ON s.source_id = st.source_id;
COMMENT ON VIEW kremlin_statements_v IS 'Every statement by a Russian voice about the watched claims: speaker, role, stance, what it refers to, the evidence sentence and article, and the tracked claims it was linked to (by value, claimant or subject). is_kremlin marks the president, spokesman, presidential aides and press service, whose statements set the Kremlin status; the others are other Russian signals.';

CREATE VIEW claim_status_history AS
SELECT e.event_id, e.claim_id, c.topic, c.value, c.unit,
       lag(e.status, 1, 'unverified') OVER (
           PARTITION BY e.claim_id
           ORDER BY e.effective_on, st.article_id, st.char_start, e.statement_id
       ) AS previous_status,
       e.status, e.effective_on, e.recorded_at, st.speaker, st.role, st.stance,
       st.sentence AS evidence_sentence, a.url AS evidence_url, st.source_id AS evidence_source,
       e.statement_id, e.run_id
FROM claim_status_events e
JOIN claims c USING (claim_id)
JOIN statements st USING (statement_id)
LEFT JOIN articles a ON a.article_id = st.article_id;
COMMENT ON VIEW claim_status_history IS 'Every Kremlin status change of every claim, in the order the statements were reported (effective_on), with the statement that made it (speaker, stance, sentence, article url) and when claimwatch recorded it. Append-only: history is never rewritten.';

CREATE VIEW claim_drift_v AS
SELECT d.event_id, d.claim_id, c.topic, c.value, c.unit, d.field, d.from_value, d.to_value,
       d.effective_on, d.recorded_at, m.text, m.sentence, a.url, m.source_id, m.leaning,
       d.mention_id, d.run_id
FROM claim_drift_events d
JOIN claims c USING (claim_id)
JOIN mentions m USING (mention_id)
LEFT JOIN articles a ON a.article_id = m.article_id;
COMMENT ON VIEW claim_drift_v IS 'Figure drift: a later report gave a claim a qualifier or kind not seen before (e.g. up_to reported as exact, or investment_pledge as contract_signed), with the mention and article that did so.';

CREATE VIEW claims_current AS
SELECT c.claim_id, c.topic, cs.kind, c.value, c.value_high, c.unit, cs.value_usd, cs.qualifier,
       cs.claimants, cs.first_seen, cs.last_seen, cs.mentions, cs.sources, cs.articles,
       cs.outlets, cs.leanings, cs.kremlin_status, cs.kremlin_status_since,
       a.url AS kremlin_evidence_url, st.sentence AS kremlin_evidence_sentence,
       st.speaker AS kremlin_evidence_speaker, cs.other_russian_signals, cs.drift_events,
       c.family, cs.updated_at
FROM claims c
JOIN claim_state cs USING (claim_id)
LEFT JOIN claim_status_events e ON e.event_id = cs.status_event_id
LEFT JOIN statements st ON st.statement_id = e.statement_id
LEFT JOIN articles a ON a.article_id = st.article_id;
COMMENT ON VIEW claims_current IS 'One row per tracked claim (topic + family + unit + value within 1%): kind and qualifier as first reported, claimants, first and last seen, mention / article / outlet counts with the outlets and their leanings, the Kremlin status now (unverified, not_confirmed, confirmed, denied) with the date and evidence of the statement that set it, other Russian signals, and how many drift events it has.';

CREATE MACRO claim_status_as_of(day) AS TABLE
SELECT c.claim_id, c.topic, c.value, c.unit, cs.kind, cs.qualifier,
       coalesce(last_event.status, 'unverified') AS kremlin_status,
       last_event.effective_on AS kremlin_status_since,
       last_event.statement_id
FROM claims c
JOIN claim_state cs USING (claim_id)
LEFT JOIN (
    -- the same order as the status walk: reported day, then article and place in it
    SELECT e.claim_id,
           arg_max(e.status, (e.effective_on, st.article_id, st.char_start, e.statement_id))
               AS status,
           max(e.effective_on) AS effective_on,
           arg_max(e.statement_id, (e.effective_on, st.article_id, st.char_start, e.statement_id))
               AS statement_id
    FROM claim_status_events e JOIN statements st USING (statement_id)
    WHERE e.effective_on <= CAST(day AS DATE)
    GROUP BY e.claim_id
) last_event USING (claim_id)
WHERE cs.first_seen <= CAST(day AS DATE);
COMMENT ON MACRO TABLE claim_status_as_of IS 'claim_status_as_of(DATE): every claim already reported on that day, with the Kremlin status it had then (the latest status event reported on or before the day), its date and statement.';

-- What each run did to the ledger.
ALTER TABLE runs ADD COLUMN mentions_new INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN claims_new INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN status_changes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN drift_events INTEGER NOT NULL DEFAULT 0;
