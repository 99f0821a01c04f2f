-- The sent-ledger's two new message states (digests/ledger.py): 'sending', the write-ahead
-- record committed just before the SMTP DATA command, and 'unknown', a message whose run died
-- (or lost its connection) between DATA and the record of the server's reply. Neither needs
-- a new column; the view's comment says what they mean.
COMMENT ON VIEW digest_sends_v IS 'Every digest and alert claimwatch rendered for a recipient: its idempotency key, period (digests) or status events (alerts), subject, Message-ID, size, and what became of it (empty: nothing new, nothing sent; pending: waiting for delivery, with attempts and the last error; sending: being delivered now (after the DATA command); sent, with the time and transport; failed: refused by the server; unknown: the run sending it died or lost its connection after the DATA command, so the server may have it: never resent automatically, claimwatch digest --resend KEY requeues it).';
