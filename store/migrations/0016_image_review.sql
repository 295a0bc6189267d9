-- Reviewer settings for advert photos (issue 16). Photos are shown blurred and greyscale until
-- a reviewer reveals one; a reviewer may choose, for their own key, to see them unblurred.
-- Stored server-side per API key, so the choice follows the reviewer, not the browser.
CREATE TABLE reviewer_settings (
    key_id           bigint PRIMARY KEY REFERENCES api_keys (id) ON DELETE CASCADE,
    images_unblurred boolean NOT NULL DEFAULT false,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
