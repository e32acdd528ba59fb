-- Open311 GeoReport v2: partner systems post service requests on behalf of citizens with an api_key.
-- Only a SHA-256 of each key is stored, so a copy of the database does not give keys away; a key
-- is shown once when created. Letters posted with a key are written as the account it is bound
-- to: an existing citizen or enterprise account of the partner (the partner is the writer of
-- record and answers for what it posts; the citizen's contact details travel with the request).
CREATE TABLE open311_api_key (
    id          BIGSERIAL    PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    key_hash    CHAR(64)     NOT NULL UNIQUE,
    -- The first characters of the key, so admins can tell keys apart without the key.
    key_prefix  VARCHAR(12)  NOT NULL,
    account_id  BIGINT       NOT NULL REFERENCES app_user (id),
    revoked     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_by  BIGINT       REFERENCES app_user (id),
    created_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ
);

-- What an Open311 request carried beyond the letter itself: where, who to contact, media, the
-- service's attributes, and the token a client may resolve later. One row per letter.
CREATE TABLE open311_request (
    letter_id      BIGINT        PRIMARY KEY REFERENCES mailbox_letter (id) ON DELETE CASCADE,
    api_key_id     BIGINT        NOT NULL REFERENCES open311_api_key (id),
    token          VARCHAR(40)   NOT NULL UNIQUE,
    description    VARCHAR(4000),
    address_string VARCHAR(250),
    address_id     VARCHAR(64),
    lat            DOUBLE PRECISION,
    long           DOUBLE PRECISION,
    email          VARCHAR(100),
    phone          VARCHAR(30),
    first_name     VARCHAR(50),
    last_name      VARCHAR(50),
    device_id      VARCHAR(100),
    account_id     VARCHAR(100),
    media_url      VARCHAR(1000),
    attributes     JSONB         NOT NULL DEFAULT '{}'
);

-- GET requests: Open311 letters newest first within a date range.
CREATE INDEX mailbox_letter_open311_idx ON mailbox_letter (received_at DESC, id DESC) WHERE source = 'open311';
