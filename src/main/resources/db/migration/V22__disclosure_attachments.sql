-- Attachments (附件) of disclosure documents: files uploaded by the department's officials beside
-- the rich-text body. The files are in the FileStore under storage_key; the type is the one
-- checked from the content on upload, never the name or the declared type.
--
-- Versions: an attachment belongs to every version from added_in up to (not including)
-- removed_in. Removing a file that an earlier, superseded version carried only sets removed_in,
-- so that version still lists (and serves) it; a file added and removed within the current
-- version never belonged to any other version and is deleted outright.
CREATE TABLE disclosure_attachment (
    id           BIGSERIAL    PRIMARY KEY,
    document_id  BIGINT       NOT NULL REFERENCES disclosure_document (id) ON DELETE CASCADE,
    storage_key  VARCHAR(64)  NOT NULL UNIQUE,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL CHECK (size_bytes >= 0),
    added_in     INT          NOT NULL,
    removed_in   INT,
    uploaded_by  BIGINT       NOT NULL REFERENCES app_user (id),
    uploaded_at  TIMESTAMPTZ  NOT NULL,
    removed_by   BIGINT       REFERENCES app_user (id),
    removed_at   TIMESTAMPTZ,
    CHECK (removed_in IS NULL OR removed_in > added_in)
);
CREATE INDEX disclosure_attachment_document_idx ON disclosure_attachment (document_id, id);
