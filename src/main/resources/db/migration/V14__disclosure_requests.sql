-- Disclosure on request (依申请公开, 政府信息公开条例 chapter IV): applications from citizens and
-- enterprises to one department, the statutory reply clock, one extension, the reply and the
-- files delivered with it. As in the mailbox, the applicant's name is copied onto the row when
-- the application is made, so handling and the yearly figures never read account tables.

CREATE TABLE disclosure_request (
    id                BIGSERIAL     PRIMARY KEY,
    -- 申请编号: YSQ<year>-<six-digit serial>, unique across the portal.
    number            VARCHAR(20)   NOT NULL UNIQUE,
    applicant_id      BIGINT        NOT NULL REFERENCES app_user (id),
    applicant_kind    VARCHAR(12)   NOT NULL CHECK (applicant_kind IN ('citizen', 'enterprise')),
    applicant_name    VARCHAR(100)  NOT NULL,
    department_id     BIGINT        NOT NULL REFERENCES department (id),
    description       VARCHAR(2000) NOT NULL,
    document_title    VARCHAR(300),
    document_number   VARCHAR(64),
    purpose           VARCHAR(500)  NOT NULL,
    delivery          VARCHAR(12)   NOT NULL CHECK (delivery IN ('electronic', 'paper', 'pickup')),
    contact_phone     VARCHAR(20)   NOT NULL,
    contact_email     VARCHAR(100),
    contact_address   VARCHAR(200),
    received_at       TIMESTAMPTZ   NOT NULL,
    -- The city date of receipt, and the day the application counts as received (the first working
    -- day from it): the 20 working days run from the day after counted_from.
    received_on       DATE          NOT NULL,
    counted_from      DATE          NOT NULL,
    due_on            DATE          NOT NULL,
    extended_due_on   DATE,
    extension_reason  VARCHAR(500),
    extended_on       DATE,
    extended_by       BIGINT        REFERENCES app_user (id),
    -- The due date in force, for the staff queue's order.
    effective_due_on  DATE          GENERATED ALWAYS AS (coalesce(extended_due_on, due_on)) STORED,
    status            VARCHAR(12)   NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'extended', 'replied')),
    outcome           VARCHAR(20)   CHECK (outcome IN ('disclosed', 'partially_disclosed', 'not_held', 'refused')),
    legal_ground      VARCHAR(32),
    reply_text        VARCHAR(4000),
    replied_at        TIMESTAMPTZ,
    replied_on        DATE,
    replied_by        BIGINT        REFERENCES app_user (id),
    CONSTRAINT disclosure_request_reply CHECK ((status = 'replied') = (outcome IS NOT NULL AND replied_on IS NOT NULL)),
    CONSTRAINT disclosure_request_extension CHECK ((extended_due_on IS NULL) = (extension_reason IS NULL)),
    CONSTRAINT disclosure_request_ground CHECK ((outcome IN ('partially_disclosed', 'refused')) = (legal_ground IS NOT NULL))
);
-- The staff queue: a department's open requests, soonest due first.
CREATE INDEX disclosure_request_queue_idx ON disclosure_request (department_id, effective_due_on, id) WHERE status <> 'replied';
CREATE INDEX disclosure_request_applicant_idx ON disclosure_request (applicant_id, received_at DESC, id DESC);
-- The yearly figures select by date of receipt and of reply.
CREATE INDEX disclosure_request_received_idx ON disclosure_request (received_on);
CREATE INDEX disclosure_request_replied_idx ON disclosure_request (replied_on) WHERE replied_on IS NOT NULL;

-- Files delivered with a reply; the files themselves are in the file store under their keys.
CREATE TABLE disclosure_request_file (
    id           BIGSERIAL    PRIMARY KEY,
    request_id   BIGINT       NOT NULL REFERENCES disclosure_request (id) ON DELETE CASCADE,
    storage_key  VARCHAR(100) NOT NULL UNIQUE,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    uploaded_by  BIGINT       NOT NULL REFERENCES app_user (id),
    uploaded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX disclosure_request_file_request_idx ON disclosure_request_file (request_id, id);

-- The last serial of request numbers per year, taken atomically.
CREATE TABLE disclosure_request_counter (
    year        INT PRIMARY KEY,
    last_serial INT NOT NULL
);
