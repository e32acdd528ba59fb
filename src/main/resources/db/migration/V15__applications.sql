-- Online applications (网上申报): versioned form definitions per service, applications with their
-- data, uploaded materials and timeline, and the colleagues an enterprise account lets in.

-- A service's application form. Versions are never changed once written: an application names the
-- version it was filled in, so a later definition cannot make it invalid or unreadable.
CREATE TABLE application_form (
    service_code VARCHAR(40) NOT NULL REFERENCES service_item (code) ON DELETE CASCADE,
    version      INT         NOT NULL CHECK (version >= 1),
    definition   JSONB       NOT NULL,
    created_by   BIGINT      REFERENCES app_user (id),
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (service_code, version)
);

-- Application numbers (SQ + date + six digits) take their last part from here.
CREATE SEQUENCE application_number_seq;

CREATE TABLE application (
    id            BIGSERIAL    PRIMARY KEY,
    -- Given at first submission and kept through 补正; null while a draft.
    number        VARCHAR(20)  UNIQUE,
    service_code  VARCHAR(40)  NOT NULL,
    form_version  INT          NOT NULL,
    -- The names as they were when the application was made: the record of what was applied for.
    service_name  VARCHAR(200) NOT NULL,
    department_name VARCHAR(100) NOT NULL,
    department_id BIGINT       NOT NULL REFERENCES department (id),
    applicant_id  BIGINT       NOT NULL REFERENCES app_user (id),
    -- The enterprise account the application is filed for (its own, or one the applicant was let into).
    enterprise_id BIGINT       REFERENCES app_user (id),
    status        VARCHAR(24)  NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'supplement_requested',
                                                          'approved', 'rejected', 'completed')),
    data          JSONB        NOT NULL DEFAULT '{}',
    -- What the department asked to be supplied: [{"kind": "material"|"field", "code", "note"}].
    missing       JSONB        NOT NULL DEFAULT '[]',
    due_date      DATE,
    -- The issued result document (决定书), as rendered at issue time; never re-rendered.
    result_html   TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    submitted_at  TIMESTAMPTZ,
    FOREIGN KEY (service_code, form_version) REFERENCES application_form (service_code, version),
    CHECK (status = 'draft' OR number IS NOT NULL)
);
CREATE INDEX application_applicant_idx ON application (applicant_id, updated_at DESC);
CREATE INDEX application_enterprise_idx ON application (enterprise_id, updated_at DESC) WHERE enterprise_id IS NOT NULL;
CREATE INDEX application_queue_idx ON application (department_id, status, due_date) WHERE status <> 'draft';

CREATE TABLE application_material (
    id             BIGSERIAL    PRIMARY KEY,
    application_id BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    material_code  VARCHAR(40)  NOT NULL,
    storage_key    VARCHAR(64)  NOT NULL UNIQUE,
    file_name      VARCHAR(120) NOT NULL,
    content_type   VARCHAR(64)  NOT NULL,
    size_bytes     BIGINT       NOT NULL CHECK (size_bytes >= 0),
    uploaded_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX application_material_application_idx ON application_material (application_id, material_code);

-- The timeline: one row per status change, with who made it and why.
CREATE TABLE application_step (
    id             BIGSERIAL   PRIMARY KEY,
    application_id BIGINT      NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    status         VARCHAR(24) NOT NULL,
    actor_id       BIGINT      REFERENCES app_user (id),
    actor_name     VARCHAR(50) NOT NULL,
    note           TEXT,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_step_application_idx ON application_step (application_id, at, id);

-- Colleagues an enterprise account (its administrator) has let see and file its applications.
CREATE TABLE enterprise_member (
    enterprise_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    member_id     BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    granted_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (enterprise_id, member_id),
    CHECK (enterprise_id <> member_id)
);
CREATE INDEX enterprise_member_member_idx ON enterprise_member (member_id);
