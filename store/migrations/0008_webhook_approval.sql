-- Outbound webhooks that cannot be turned against the server (issue 14).
--
-- A partner's webhook URL is a request until an admin approves it: partners.webhook_url (and
-- webhook_secret) now hold the approved URL, the only one deliveries go to, and the partner's
-- request waits in webhook_pending_url / webhook_pending_secret. URLs set before this
-- migration were never reviewed, so they become pending requests.
ALTER TABLE partners
    ADD COLUMN webhook_pending_url    text,
    ADD COLUMN webhook_pending_secret text,
    ADD COLUMN webhook_requested_at   timestamptz,
    ADD COLUMN webhook_approved_by    bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    ADD COLUMN webhook_approved_at    timestamptz;

UPDATE partners
SET webhook_pending_url = webhook_url, webhook_pending_secret = webhook_secret,
    webhook_requested_at = now(), webhook_url = NULL, webhook_secret = NULL
WHERE webhook_url IS NOT NULL;

-- Deliveries of a deactivated partner (or one whose webhook is no longer approved) are
-- cancelled, not sent. Partners see last_partner_error, a message without addresses, ports
-- or exception text; the full last_error is for admins.
ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
    CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled'));
ALTER TABLE webhook_deliveries ADD COLUMN last_partner_error text;

UPDATE webhook_deliveries
SET last_partner_error = CASE
        WHEN last_http_status IS NOT NULL THEN 'HTTP ' || last_http_status || ' from your endpoint'
        ELSE 'delivery failed: connection error'
    END
WHERE last_error IS NOT NULL;

UPDATE webhook_deliveries w
SET status = 'cancelled',
    last_error = 'cancelled: the partner is inactive or its webhook is not approved',
    last_partner_error = 'cancelled'
FROM partners p
WHERE p.id = w.partner_id AND w.status = 'pending' AND (NOT p.active OR p.webhook_url IS NULL);
