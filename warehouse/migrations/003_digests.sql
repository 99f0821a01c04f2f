-- The sent-ledger of email digests and alerts. A message is rendered once, stored with its
-- idempotency key and Message-ID, and then delivered; a run that fails or is killed leaves it
-- pending and the next run delivers the same bytes. See digests/ledger.py.

-- One row per message claimwatch decided to send (or, for a digest period with nothing new,
-- decided not to). message_key is the idempotency key:
--   digest/<recipient>/<period start>/<period end>   one per recipient and period
--   alert/<recipient>/<statement>/<events hash>      one per recipient and Kremlin statement
-- status: empty (nothing new in the period, nothing sent), pending, sent, failed (refused
-- for good by the server; last_error says why).
CREATE TABLE digest_messages (
    message_key   VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL,      -- digest or alert
    recipient     VARCHAR NOT NULL,
    period_start  TIMESTAMPTZ,
    period_end    TIMESTAMPTZ,
    status        VARCHAR NOT NULL,
    subject       VARCHAR,
    message_id    VARCHAR,
    message       BLOB,                  -- the rendered message, delivered byte for byte
    items         INTEGER NOT NULL DEFAULT 0,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    VARCHAR,
    transport     VARCHAR,               -- smtp or outbox, once delivered
    claimed_by    VARCHAR,               -- the run delivering it now (a lease, see claimed_at)
    claimed_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ,
    run_id        VARCHAR NOT NULL
);

-- Which status events an alert covered: each (recipient, event) is alerted at most once.
CREATE TABLE digest_alert_events (
    recipient    VARCHAR NOT NULL,
    event_id     VARCHAR NOT NULL,
    message_key  VARCHAR NOT NULL,
    PRIMARY KEY (recipient, event_id)
);

CREATE VIEW digest_sends_v AS
SELECT m.message_key, m.kind, m.recipient, m.period_start, m.period_end, m.status, m.subject,
       m.message_id, m.items, octet_length(m.message) AS bytes, m.attempts, m.last_error,
       m.transport, m.created_at, m.sent_at, m.run_id,
       coalesce((SELECT list(e.event_id ORDER BY e.event_id) FROM digest_alert_events e
                 WHERE e.message_key = m.message_key), []) AS status_events
FROM digest_messages m;
COMMENT ON VIEW digest_sends_v IS 'Every digest and alert claimwatch rendered for a recipient: its idempotency key, period (digests) or status events (alerts), subject, Message-ID, size, and what became of it (empty: nothing new, nothing sent; pending: waiting for delivery, with attempts and the last error; sent, with the time and transport; failed: refused by the server).';
