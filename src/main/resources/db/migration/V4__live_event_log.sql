-- The durable event log of live topics: gap-free sequence numbers per topic, written in the
-- same transaction as the change each event records. JSON (not JSONB) keeps the encoded text
-- exactly as first written, so a replay sends the same bytes as the live delivery did.
CREATE TABLE live_topic (
    topic    VARCHAR(120) PRIMARY KEY,
    last_seq BIGINT       NOT NULL
);

CREATE TABLE live_event (
    topic VARCHAR(120) NOT NULL,
    seq   BIGINT       NOT NULL,
    type  VARCHAR(40)  NOT NULL,
    data  JSON         NOT NULL,
    ts    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (topic, seq)
);
