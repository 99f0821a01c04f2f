-- claim_state is folded forward batch by batch (warehouse/state.py) instead of recomputed from
-- every mention of each claim a batch touched. To fold, a row keeps the place in reporting
-- order of the report its kind and qualifier come from (the first report, asserted ones
-- first) and of the one its value_usd comes from (the first with a USD value): a batch
-- replaces them only with an earlier report. Hidden from claims_current.

ALTER TABLE claim_state ADD COLUMN first_report
    STRUCT(not_asserted BOOLEAN, reported_on DATE, article_id VARCHAR, char_start INTEGER);
ALTER TABLE claim_state ADD COLUMN value_usd_report
    STRUCT(not_asserted BOOLEAN, reported_on DATE, article_id VARCHAR, char_start INTEGER);
UPDATE claim_state SET first_report = keys.first_report, value_usd_report = keys.value_usd_report
FROM (
    SELECT claim_id, min(report) AS first_report,
           min(report) FILTER (WHERE value_usd IS NOT NULL) AS value_usd_report
    FROM (
        SELECT claim_id, value_usd,
               {'not_asserted': modality <> 'asserted', 'reported_on': reported_on,
                'article_id': article_id, 'char_start': char_start} AS report
        FROM mentions
    )
    GROUP BY claim_id
) keys
WHERE keys.claim_id = claim_state.claim_id;
