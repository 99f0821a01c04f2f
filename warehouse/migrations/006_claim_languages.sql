-- The languages a tracked claim was reported in (issue 6): a figure first reported in Persian,
-- repeated in English and answered in Russian shows all three, so analysts can see at a glance
-- where a claim was born and where it travelled. Kept in claim_state like the other per-claim
-- lists, refreshed with them.

ALTER TABLE claim_state ADD COLUMN languages VARCHAR[];
UPDATE claim_state SET languages = per_claim.languages
FROM (
    SELECT claim_id, list_sort(list_distinct(list(language))) AS languages
    FROM mentions GROUP BY claim_id
) per_claim
WHERE per_claim.claim_id = claim_state.claim_id;

CREATE OR REPLACE VIEW claims_current AS
SELECT claim_id, topic, kind, value, value_high, unit, value_usd, qualifier, claimants,
       first_seen, last_seen, mentions, sources, articles, outlets, leanings, languages,
       kremlin_status, kremlin_status_since, kremlin_evidence_url, kremlin_evidence_sentence,
       kremlin_evidence_speaker, other_russian_signals, drift_events, family, updated_at
FROM claim_state;
COMMENT ON VIEW claims_current IS 'One row per tracked claim (topic + family + unit + value within 1%): kind and qualifier as first reported, claimants, first and last seen, mention / article / outlet counts with the outlets, their leanings and the languages they reported it in, the Kremlin status now (unverified, not_confirmed, confirmed, denied) with the date and evidence of the statement that set it, other Russian signals, and how many drift events it has.';
