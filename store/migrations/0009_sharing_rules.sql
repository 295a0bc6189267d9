-- Sharing rules (issue 14): a confirmation reaches partners only once a second analyst agrees,
-- and only partners in the sharing groups the item was confirmed for.

-- Sharing groups; partners belong to zero or more. Existing partners go into 'default' (the
-- default of ADWATCH_SHARING_DEFAULT_GROUPS), so upgrading changes nobody's feed.
CREATE TABLE sharing_groups (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner_groups (
    partner_id  bigint NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    group_id    bigint NOT NULL REFERENCES sharing_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (partner_id, group_id)
);
CREATE INDEX partner_groups_group ON partner_groups (group_id);

INSERT INTO sharing_groups (name) VALUES ('default');
INSERT INTO partner_groups (partner_id, group_id)
SELECT p.id, g.id FROM partners p CROSS JOIN sharing_groups g WHERE g.name = 'default';

-- Each feed event carries the groups it goes to (its TLP column already exists). Events
-- written before groups existed went to everyone, which 'default' now stands for.
ALTER TABLE feed_events ADD COLUMN group_ids bigint[] NOT NULL DEFAULT '{}';
UPDATE feed_events SET group_ids = ARRAY(SELECT id FROM sharing_groups WHERE name = 'default');

-- A confirmation waiting for a second analyst. At most one awaits per advert; the row stays
-- as the record of who proposed, who agreed or disagreed, and when.
CREATE TABLE share_proposals (
    id            bigserial PRIMARY KEY,
    advert_id     bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    decision_id   bigint NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    proposed_by   bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    group_ids     bigint[] NOT NULL,
    tlp           text NOT NULL CHECK (tlp IN ('clear', 'green', 'amber', 'red')),
    state         text NOT NULL DEFAULT 'awaiting'
                  CHECK (state IN ('awaiting', 'shared', 'withdrawn', 'disagreed')),
    resolved_by   bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    resolution_note text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    resolved_at   timestamptz
);
CREATE UNIQUE INDEX share_proposals_one_awaiting ON share_proposals (advert_id)
    WHERE state = 'awaiting';
