-- My Government (我的政府): a person's subscriptions, what was found for them and when it was
-- told, the digests that summed it up, the read position of their notification centre, and the
-- scanner's position in each source of updates.

CREATE TABLE mygov_subscription (
    id         BIGSERIAL   PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind       VARCHAR(24) NOT NULL CHECK (kind IN ('record', 'disclosure_department', 'disclosure_category', 'dataset', 'live_sessions')),
    -- A record type code, a department id, a disclosure category code or a dataset id, as text.
    target     VARCHAR(64) NOT NULL,
    frequency  VARCHAR(9)  NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly')),
    created_at TIMESTAMPTZ NOT NULL,
    -- Record subscriptions are polled in turn: the oldest poll first, never polled before all.
    polled_at  TIMESTAMPTZ,
    UNIQUE (user_id, kind, target)
);
CREATE INDEX mygov_subscription_match_idx ON mygov_subscription (kind, target);
CREATE INDEX mygov_subscription_poll_idx ON mygov_subscription (polled_at NULLS FIRST) WHERE kind = 'record';

CREATE TABLE mygov_digest (
    id         BIGSERIAL   PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    frequency  VARCHAR(8)  NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    -- The period summed up: a city date (2026-11-26) or an ISO week (2026-W48).
    period     VARCHAR(10) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, frequency, period)
);

-- One row per thing found for a person; the unique key makes a rerun of the scanner find nothing
-- new. Immediate ones are notified in the transaction that inserts them; daily and weekly ones
-- wait, undigested, until their period has ended.
CREATE TABLE mygov_delivery (
    id         BIGSERIAL    PRIMARY KEY,
    user_id    BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    source     VARCHAR(24)  NOT NULL,
    item_key   VARCHAR(80)  NOT NULL,
    title      VARCHAR(300) NOT NULL,
    link       VARCHAR(300) NOT NULL,
    frequency  VARCHAR(9)   NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly')),
    period     VARCHAR(10),
    period_end TIMESTAMPTZ,
    found_at   TIMESTAMPTZ  NOT NULL,
    digest_id  BIGINT       REFERENCES mygov_digest (id) ON DELETE SET NULL,
    UNIQUE (user_id, source, item_key),
    CHECK ((frequency = 'immediate') = (period IS NULL))
);
CREATE INDEX mygov_delivery_pending_idx ON mygov_delivery (period_end) WHERE frequency <> 'immediate' AND digest_id IS NULL;
CREATE INDEX mygov_delivery_digest_idx ON mygov_delivery (digest_id) WHERE digest_id IS NOT NULL;

CREATE TABLE mygov_scan_cursor (
    source     VARCHAR(24) PRIMARY KEY,
    position   BIGINT      NOT NULL,
    scanned_at TIMESTAMPTZ NOT NULL
);

-- The newest seq of the user's topic the person has marked read.
CREATE TABLE mygov_notification_read (
    user_id    BIGINT      PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    read_seq   BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
