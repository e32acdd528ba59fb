-- Live online inquiry (网络问政): sessions, their staff, questions, votes, answers and mutes.
-- Names and titles shown publicly are copied onto questions and answers when they are written:
-- the archive shows who spoke as they were then, and inquiry does not read account tables.
CREATE TABLE inquiry_session (
    id            BIGSERIAL     PRIMARY KEY,
    title         VARCHAR(100)  NOT NULL,
    description   VARCHAR(2000) NOT NULL DEFAULT '',
    department_id BIGINT        NOT NULL REFERENCES department (id),
    status        VARCHAR(16)   NOT NULL CHECK (status IN ('scheduled', 'live', 'ended')),
    starts_at     TIMESTAMPTZ   NOT NULL,
    ends_at       TIMESTAMPTZ   NOT NULL,
    created_by    BIGINT        NOT NULL REFERENCES app_user (id),
    created_at    TIMESTAMPTZ   NOT NULL,
    started_at    TIMESTAMPTZ,
    ended_at      TIMESTAMPTZ,
    peak_viewers  BIGINT        NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX inquiry_session_starts_idx ON inquiry_session (starts_at DESC, id DESC);
CREATE INDEX inquiry_session_department_idx ON inquiry_session (department_id, starts_at DESC);
CREATE INDEX inquiry_session_status_idx ON inquiry_session (status, starts_at DESC);

CREATE TABLE inquiry_session_staff (
    session_id   BIGINT      NOT NULL REFERENCES inquiry_session (id) ON DELETE CASCADE,
    user_id      BIGINT      NOT NULL REFERENCES app_user (id),
    role         VARCHAR(16) NOT NULL CHECK (role IN ('official', 'moderator')),
    display_name VARCHAR(50) NOT NULL,
    job_title    VARCHAR(50),
    department   VARCHAR(100),
    PRIMARY KEY (session_id, user_id, role)
);
CREATE INDEX inquiry_session_staff_user_idx ON inquiry_session_staff (user_id);

CREATE TABLE inquiry_question (
    id                 BIGSERIAL    PRIMARY KEY,
    session_id         BIGINT       NOT NULL REFERENCES inquiry_session (id),
    asker_id           BIGINT       NOT NULL REFERENCES app_user (id),
    asker_name         VARCHAR(50)  NOT NULL,
    anonymous          BOOLEAN      NOT NULL,
    original_text      VARCHAR(500) NOT NULL,
    text               VARCHAR(500) NOT NULL,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'merged', 'hidden')),
    flags              TEXT[]       NOT NULL DEFAULT '{}',
    reason             VARCHAR(500),
    merged_into        BIGINT       REFERENCES inquiry_question (id),
    pinned             BOOLEAN      NOT NULL DEFAULT FALSE,
    followup_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    votes              INT          NOT NULL DEFAULT 0,
    submitted_at       TIMESTAMPTZ  NOT NULL,
    published_at       TIMESTAMPTZ,
    reviewed_by        BIGINT       REFERENCES app_user (id),
    reviewed_at        TIMESTAMPTZ
);
CREATE INDEX inquiry_question_session_idx ON inquiry_question (session_id, status, submitted_at);
CREATE INDEX inquiry_question_asker_idx ON inquiry_question (asker_id, session_id);

CREATE TABLE inquiry_vote (
    question_id BIGINT      NOT NULL REFERENCES inquiry_question (id),
    user_id     BIGINT      NOT NULL REFERENCES app_user (id),
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (question_id, user_id)
);
CREATE INDEX inquiry_vote_user_idx ON inquiry_vote (user_id);

CREATE TABLE inquiry_answer (
    id            BIGSERIAL     PRIMARY KEY,
    question_id   BIGINT        NOT NULL REFERENCES inquiry_question (id),
    official_id   BIGINT        NOT NULL REFERENCES app_user (id),
    official_name VARCHAR(50)   NOT NULL,
    official_title VARCHAR(50),
    department    VARCHAR(100),
    text          VARCHAR(4000) NOT NULL,
    posted_at     TIMESTAMPTZ   NOT NULL,
    edited_at     TIMESTAMPTZ
);
CREATE INDEX inquiry_answer_question_idx ON inquiry_answer (question_id, posted_at);

-- Every earlier wording of an edited answer.
CREATE TABLE inquiry_answer_revision (
    id          BIGSERIAL     PRIMARY KEY,
    answer_id   BIGINT        NOT NULL REFERENCES inquiry_answer (id),
    text        VARCHAR(4000) NOT NULL,
    replaced_at TIMESTAMPTZ   NOT NULL,
    replaced_by BIGINT        NOT NULL REFERENCES app_user (id)
);

CREATE TABLE inquiry_mute (
    session_id BIGINT      NOT NULL REFERENCES inquiry_session (id),
    user_id    BIGINT      NOT NULL REFERENCES app_user (id),
    muted_by   BIGINT      NOT NULL REFERENCES app_user (id),
    muted_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

-- Signed-in viewers, for the participant count of the archive.
CREATE TABLE inquiry_viewer (
    session_id BIGINT NOT NULL REFERENCES inquiry_session (id),
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (session_id, user_id)
);
