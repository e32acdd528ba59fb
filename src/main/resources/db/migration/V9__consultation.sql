-- Opinion solicitation (意见征集): draft policies open for comment, the comments, and the feedback.
-- A consultation's status is not stored: it follows from the clock and the window (upcoming, open,
-- closed), from feedback_published_at (concluded) and from withdrawn_at, so it never goes stale.
CREATE TABLE consultation (
    id                    BIGSERIAL    PRIMARY KEY,
    department_id         BIGINT       NOT NULL REFERENCES department (id),
    title                 VARCHAR(100) NOT NULL,
    summary               VARCHAR(500) NOT NULL,
    body                  TEXT         NOT NULL CHECK (char_length(body) <= 20000),
    opens_at              TIMESTAMPTZ  NOT NULL,
    closes_at             TIMESTAMPTZ  NOT NULL,
    created_by            BIGINT       NOT NULL REFERENCES app_user (id),
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    withdrawn_at          TIMESTAMPTZ,
    withdrawn_by          BIGINT       REFERENCES app_user (id),
    withdrawal_reason     VARCHAR(200),
    feedback              TEXT         CHECK (char_length(feedback) <= 5000),
    feedback_published_at TIMESTAMPTZ,
    feedback_published_by BIGINT       REFERENCES app_user (id),
    CHECK (closes_at > opens_at),
    -- Feedback comes after the window; a withdrawn draft gets none.
    CHECK (feedback_published_at IS NULL OR (feedback_published_at >= closes_at AND withdrawn_at IS NULL))
);
CREATE INDEX consultation_opens_idx ON consultation (opens_at DESC, id DESC) WHERE withdrawn_at IS NULL;
CREATE INDEX consultation_department_idx ON consultation (department_id, opens_at DESC);

-- Comments keep the author's display name as it was when they wrote (as inquiry questions do).
-- decision and decision_reason are the department's answer in the feedback, on approved comments.
CREATE TABLE consultation_comment (
    id              BIGSERIAL     PRIMARY KEY,
    consultation_id BIGINT        NOT NULL REFERENCES consultation (id),
    author_id       BIGINT        NOT NULL REFERENCES app_user (id),
    author_name     VARCHAR(50)   NOT NULL,
    anonymous       BOOLEAN       NOT NULL,
    text            VARCHAR(1000) NOT NULL,
    flags           TEXT[]        NOT NULL DEFAULT '{}',
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    reason          VARCHAR(200),
    submitted_at    TIMESTAMPTZ   NOT NULL,
    reviewed_by     BIGINT        REFERENCES app_user (id),
    reviewed_at     TIMESTAMPTZ,
    decision        VARCHAR(16)   CHECK (decision IN ('adopted', 'partly_adopted', 'not_adopted')),
    decision_reason VARCHAR(500),
    CHECK (decision IS NULL OR status = 'approved'),
    CHECK (decision NOT IN ('partly_adopted', 'not_adopted') OR decision_reason IS NOT NULL)
);
CREATE INDEX consultation_comment_list_idx ON consultation_comment (consultation_id, status, submitted_at, id);
CREATE INDEX consultation_comment_author_idx ON consultation_comment (author_id, consultation_id);
