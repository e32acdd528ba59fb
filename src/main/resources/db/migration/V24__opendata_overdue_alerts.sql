-- Alerts sent to a publishing department when one of its datasets is overdue for an update.
-- A lapse is identified by the instant the dataset became overdue (last update + period + half a
-- period of grace): the unique key lets one lapse alert once, even when two nodes scan at the same
-- moment, while a new lapse after a later update has a new due instant and alerts again.
CREATE TABLE opendata_overdue_alert (
    id          BIGSERIAL   PRIMARY KEY,
    dataset_id  BIGINT      NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
    due_at      TIMESTAMPTZ NOT NULL,
    alerted_at  TIMESTAMPTZ NOT NULL,
    -- How many officials of the department were told (zero when it had none enabled).
    recipients  INT         NOT NULL CHECK (recipients >= 0),
    UNIQUE (dataset_id, due_at)
);
