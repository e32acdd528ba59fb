-- Consultations may be prepared unpublished (a draft only the department's officials see, so files
-- can be attached before anyone reads it), and carry attachments: the draft policy as PDF, images.
-- Consultations published before this change count as published when they were created.
ALTER TABLE consultation ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE consultation ADD COLUMN published_by BIGINT REFERENCES app_user (id);
UPDATE consultation SET published_at = created_at, published_by = created_by;
-- Comments and feedback need an audience: only a published consultation gets them.
ALTER TABLE consultation ADD CONSTRAINT consultation_feedback_published
    CHECK (feedback_published_at IS NULL OR published_at IS NOT NULL);
DROP INDEX consultation_opens_idx;
CREATE INDEX consultation_opens_idx ON consultation (opens_at DESC, id DESC)
    WHERE withdrawn_at IS NULL AND published_at IS NOT NULL;

-- The files are in the FileStore under storage_key; the type is the one checked from the content.
CREATE TABLE consultation_attachment (
    id              BIGSERIAL    PRIMARY KEY,
    consultation_id BIGINT       NOT NULL REFERENCES consultation (id),
    storage_key     VARCHAR(64)  NOT NULL UNIQUE,
    file_name       VARCHAR(200) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL CHECK (size_bytes >= 0),
    uploaded_by     BIGINT       NOT NULL REFERENCES app_user (id),
    uploaded_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX consultation_attachment_idx ON consultation_attachment (consultation_id, id);
