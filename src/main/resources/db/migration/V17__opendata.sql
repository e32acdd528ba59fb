-- Open data platform (政府数据开放): datasets published by departments, their resources (files and
-- APIs), update history, API keys with usage, and dataset requests. Tabular resources are also
-- loaded into tables of their own in the opendata_store schema (one per resource, generated
-- names), so the datastore API can query them.
CREATE SCHEMA IF NOT EXISTS opendata_store;

CREATE TABLE opendata_dataset (
    id                BIGSERIAL PRIMARY KEY,
    -- The URL-safe name CKAN clients use as the dataset's id.
    name              VARCHAR(100) NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,99}$'),
    title             VARCHAR(200) NOT NULL,
    description       TEXT         NOT NULL,
    theme             VARCHAR(32)  NOT NULL CHECK (theme IN ('economy', 'health', 'public-services', 'transport',
                          'education-culture', 'environment', 'social', 'urban', 'organisations')),
    department_id     BIGINT       NOT NULL REFERENCES department (id),
    keywords          TEXT[]       NOT NULL DEFAULT '{}',
    licence           VARCHAR(32)  NOT NULL CHECK (licence IN ('cc-by-4.0', 'cc0-1.0', 'odc-odbl')),
    update_frequency  VARCHAR(16)  NOT NULL CHECK (update_frequency IN ('daily', 'weekly', 'monthly', 'quarterly',
                          'annual', 'irregular')),
    temporal_start    DATE,
    temporal_end      DATE,
    spatial           VARCHAR(200) NOT NULL,
    contact_name      VARCHAR(100) NOT NULL,
    contact_email     VARCHAR(200) NOT NULL,
    contact_phone     VARCHAR(40),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    -- Kept by batched flushes of in-memory counters, not one write per download.
    downloads         BIGINT       NOT NULL DEFAULT 0,
    CHECK (temporal_start IS NULL OR temporal_end IS NULL OR temporal_start <= temporal_end)
);
CREATE INDEX opendata_dataset_department ON opendata_dataset (department_id);
CREATE INDEX opendata_dataset_theme ON opendata_dataset (theme);

CREATE TABLE opendata_resource (
    id                BIGSERIAL PRIMARY KEY,
    dataset_id        BIGINT       NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
    position          INT          NOT NULL,
    name              VARCHAR(200) NOT NULL,
    description       TEXT         NOT NULL DEFAULT '',
    format            VARCHAR(16)  NOT NULL CHECK (format IN ('CSV', 'JSON', 'XLSX', 'GEOJSON', 'API')),
    storage_key       VARCHAR(64),
    byte_size         BIGINT,
    -- SHA-256 of the stored file: its strong ETag.
    digest            VARCHAR(64),
    -- API resources: a path on this portal or an absolute URL.
    api_url           VARCHAR(500),
    datastore_table   VARCHAR(63) UNIQUE CHECK (datastore_table ~ '^ds_[0-9a-f]{16}$'),
    -- The datastore columns, [{"id", "type", "label"}], against which every query identifier is checked.
    datastore_fields  JSONB,
    row_count         BIGINT,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    downloads         BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (dataset_id, position),
    CHECK ((format = 'API') = (api_url IS NOT NULL)),
    CHECK (format = 'API' OR (storage_key IS NOT NULL AND byte_size IS NOT NULL AND digest IS NOT NULL)),
    CHECK ((datastore_table IS NULL) = (datastore_fields IS NULL))
);
CREATE INDEX opendata_resource_dataset ON opendata_resource (dataset_id);

CREATE TABLE opendata_update (
    id          BIGSERIAL PRIMARY KEY,
    dataset_id  BIGINT       NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
    at          TIMESTAMPTZ  NOT NULL,
    summary     VARCHAR(500) NOT NULL,
    actor_id    BIGINT REFERENCES app_user (id)
);
CREATE INDEX opendata_update_dataset ON opendata_update (dataset_id, at DESC);

CREATE TABLE opendata_api_key (
    id            BIGSERIAL PRIMARY KEY,
    user_id       BIGINT       NOT NULL REFERENCES app_user (id),
    name          VARCHAR(100) NOT NULL,
    -- The key is shown once; only its SHA-256 is kept. The prefix lets the owner recognise it.
    prefix        VARCHAR(16)  NOT NULL UNIQUE,
    secret_hash   VARCHAR(64)  NOT NULL UNIQUE,
    per_minute    INT          NOT NULL CHECK (per_minute > 0),
    created_at    TIMESTAMPTZ  NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX opendata_api_key_user ON opendata_api_key (user_id);

CREATE TABLE opendata_key_usage (
    key_id    BIGINT NOT NULL REFERENCES opendata_api_key (id) ON DELETE CASCADE,
    day       DATE   NOT NULL,
    calls     BIGINT NOT NULL,
    refused   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (key_id, day)
);

CREATE TABLE opendata_request (
    id             BIGSERIAL PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES app_user (id),
    department_id  BIGINT       NOT NULL REFERENCES department (id),
    title          VARCHAR(200) NOT NULL,
    description    TEXT         NOT NULL,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('open', 'fulfilled', 'declined')),
    answer         TEXT,
    dataset_id     BIGINT REFERENCES opendata_dataset (id),
    created_at     TIMESTAMPTZ  NOT NULL,
    answered_at    TIMESTAMPTZ,
    CHECK ((status = 'open') = (answered_at IS NULL)),
    CHECK (status <> 'declined' OR answer IS NOT NULL)
);
CREATE INDEX opendata_request_department ON opendata_request (department_id, status);
