-- The government mailbox (政府信箱): letters, their timeline, attachments, co-handlers and reply templates.
-- Like inquiry, names shown to staff are copied onto rows when written, so the mailbox does not read
-- account tables; departments are reference data and referenced directly.

-- The city mailbox office (信箱办) triages the mayor's mailbox and dispatches; supervisors (督办)
-- follow overdue cases across departments.
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check
    CHECK (role IN ('citizen', 'enterprise', 'official', 'moderator', 'admin', 'mailbox_clerk', 'supervisor'));

CREATE TABLE mailbox_letter (
    id                     BIGSERIAL     PRIMARY KEY,
    tracking_number        VARCHAR(20)   NOT NULL UNIQUE,
    query_code_hash        VARCHAR(100)  NOT NULL,
    -- Online petitions (网上信访) will be a channel of their own with their own statutory clock.
    channel                VARCHAR(16)   NOT NULL DEFAULT 'mailbox' CHECK (channel IN ('mailbox', 'petition')),
    -- Where the letter came from; Open311 requests carry their service code.
    source                 VARCHAR(16)   NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'open311', 'live_followup')),
    service_code           VARCHAR(64),
    -- A live question followed up as a letter. No foreign key: inquiry owns its tables and links
    -- through its public service, not through the schema.
    inquiry_question_id    BIGINT,
    -- The mailbox written to: the mayor's, or a department's or district's.
    mailbox                VARCHAR(16)   NOT NULL CHECK (mailbox IN ('mayor', 'department')),
    mailbox_department_id  BIGINT        REFERENCES department (id),
    kind                   VARCHAR(16)   NOT NULL
                           CHECK (kind IN ('consultation', 'help', 'suggestion', 'criticism', 'complaint')),
    title                  VARCHAR(50)   NOT NULL,
    body                   VARCHAR(4000) NOT NULL,
    location               VARCHAR(100),
    consent_to_publish     BOOLEAN       NOT NULL,
    contact_preference     VARCHAR(8)    NOT NULL CHECK (contact_preference IN ('phone', 'sms', 'email', 'none')),
    writer_id              BIGINT        NOT NULL REFERENCES app_user (id),
    writer_name            VARCHAR(50)   NOT NULL,
    status                 VARCHAR(16)   NOT NULL
                           CHECK (status IN ('received', 'accepted', 'handling', 'awaiting_writer', 'replied',
                                             'not_accepted', 'closed')),
    -- Who triages a received letter: a department for its own mailbox, NULL for the city office.
    triage_department_id   BIGINT        REFERENCES department (id),
    lead_department_id     BIGINT        REFERENCES department (id),
    -- The current step's clock: which step, its due date (city date, last day counted in full),
    -- and while the writer is asked for more, the working days the reply step had left.
    step                   VARCHAR(16)   CHECK (step IN ('accept', 'dispatch', 'reply')),
    due_on                 DATE,
    paused_days_left       INT,
    reopened               BOOLEAN       NOT NULL DEFAULT FALSE,
    not_accepted_reason    VARCHAR(500),
    reply_text             VARCHAR(4000),
    reply_department_id    BIGINT        REFERENCES department (id),
    -- The reply step's due date when the reply was given, so on-time rates need no replay.
    reply_due_on           DATE,
    rating_due_at          TIMESTAMPTZ,
    satisfaction           SMALLINT      CHECK (satisfaction BETWEEN 1 AND 5),
    rating_comment         VARCHAR(500),
    received_at            TIMESTAMPTZ   NOT NULL,
    accepted_at            TIMESTAMPTZ,
    dispatched_at          TIMESTAMPTZ,
    replied_at             TIMESTAMPTZ,
    rated_at               TIMESTAMPTZ,
    closed_at              TIMESTAMPTZ,
    -- Publication (writer consented, personal data masked); the original columns stay for staff.
    published              BOOLEAN       NOT NULL DEFAULT FALSE,
    published_at           TIMESTAMPTZ,
    masked_title           TEXT,
    masked_body            TEXT,
    masked_reply           TEXT,
    CONSTRAINT mailbox_letter_mailbox CHECK ((mailbox = 'mayor') = (mailbox_department_id IS NULL)),
    CONSTRAINT mailbox_letter_source CHECK (source <> 'live_followup' OR inquiry_question_id IS NOT NULL)
);
CREATE UNIQUE INDEX mailbox_letter_question_key ON mailbox_letter (inquiry_question_id) WHERE inquiry_question_id IS NOT NULL;
-- My letters, newest first.
CREATE INDEX mailbox_letter_writer_idx ON mailbox_letter (writer_id, received_at DESC, id DESC);
-- Queues: the triage office's received letters, the clerks' dispatch queue, a department's cases by due date.
CREATE INDEX mailbox_letter_triage_idx ON mailbox_letter (triage_department_id, due_on) WHERE status = 'received';
CREATE INDEX mailbox_letter_dispatch_idx ON mailbox_letter (due_on) WHERE status = 'accepted';
CREATE INDEX mailbox_letter_lead_idx ON mailbox_letter (lead_department_id, status, due_on);
-- Supervision: open cases past their due date.
CREATE INDEX mailbox_letter_due_idx ON mailbox_letter (due_on) WHERE status IN ('received', 'accepted', 'handling');
-- Lazy closing of replies whose rating window ran out.
CREATE INDEX mailbox_letter_rating_due_idx ON mailbox_letter (rating_due_at) WHERE status = 'replied';
-- Statistics by month, department and kind, per channel; and the published list.
CREATE INDEX mailbox_letter_stats_idx ON mailbox_letter (channel, received_at, kind);
CREATE INDEX mailbox_letter_stats_department_idx ON mailbox_letter (channel, reply_department_id, received_at);
CREATE INDEX mailbox_letter_published_idx ON mailbox_letter (published_at DESC, id DESC) WHERE published;

-- Co-handling departments (协办) of a dispatched case; the lead (主办) is on the letter.
CREATE TABLE mailbox_cohandler (
    letter_id     BIGINT      NOT NULL REFERENCES mailbox_letter (id) ON DELETE CASCADE,
    department_id BIGINT      NOT NULL REFERENCES department (id),
    assigned_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (letter_id, department_id)
);
CREATE INDEX mailbox_cohandler_department_idx ON mailbox_cohandler (department_id, letter_id);

-- The timeline of a letter. Public entries are shown to the writer and through tracking, with
-- public_text; note is for staff only, as are whole entries that are not public.
CREATE TABLE mailbox_event (
    id            BIGSERIAL     PRIMARY KEY,
    letter_id     BIGINT        NOT NULL REFERENCES mailbox_letter (id) ON DELETE CASCADE,
    type          VARCHAR(24)   NOT NULL,
    public        BOOLEAN       NOT NULL,
    public_text   VARCHAR(4000),
    note          VARCHAR(4000),
    department_id BIGINT        REFERENCES department (id),
    actor_id      BIGINT        REFERENCES app_user (id),
    actor_name    VARCHAR(50),
    at            TIMESTAMPTZ   NOT NULL
);
CREATE INDEX mailbox_event_letter_idx ON mailbox_event (letter_id, at, id);
CREATE INDEX mailbox_event_supervised_idx ON mailbox_event (letter_id, at DESC) WHERE type = 'supervised';

-- Files sent with a letter (or later with an answer to a request for more information).
CREATE TABLE mailbox_attachment (
    id           BIGSERIAL    PRIMARY KEY,
    letter_id    BIGINT       NOT NULL REFERENCES mailbox_letter (id) ON DELETE CASCADE,
    event_id     BIGINT       REFERENCES mailbox_event (id),
    storage_key  VARCHAR(100) NOT NULL UNIQUE,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX mailbox_attachment_letter_idx ON mailbox_attachment (letter_id, id);

-- Reply templates per kind, from which officials draft replies. Placeholders: {title}, {number},
-- {receivedOn}, {department}.
CREATE TABLE mailbox_reply_template (
    id         BIGSERIAL     PRIMARY KEY,
    kind       VARCHAR(16)   NOT NULL
               CHECK (kind IN ('consultation', 'help', 'suggestion', 'criticism', 'complaint')),
    name       VARCHAR(50)   NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    sort_order INT           NOT NULL
);
CREATE INDEX mailbox_reply_template_kind_idx ON mailbox_reply_template (kind, sort_order);

INSERT INTO mailbox_reply_template (kind, name, body, sort_order) VALUES
    ('consultation', '政策解答', '您好！您于{receivedOn}来信（编号{number}）咨询“{title}”的问题已收悉。经{department}研究，现答复如下：' || chr(10) || chr(10) || '如有疑问，欢迎再次来信。感谢您的关注！', 10),
    ('consultation', '转告办理渠道', '您好！您于{receivedOn}来信（编号{number}）咨询的“{title}”，可通过以下渠道办理：' || chr(10) || chr(10) || '感谢您的来信！', 20),
    ('help', '已协调解决', '您好！您于{receivedOn}来信（编号{number}）反映的“{title}”已收悉。{department}高度重视，经调查核实并协调，处理情况如下：' || chr(10) || chr(10) || '感谢您的来信！', 10),
    ('help', '说明暂难解决原因', '您好！您于{receivedOn}来信（编号{number}）反映的“{title}”已收悉。经{department}核实，该问题暂时难以解决，原因如下：' || chr(10) || chr(10) || '我们将持续关注，感谢您的理解！', 20),
    ('suggestion', '采纳建议', '您好！感谢您于{receivedOn}来信（编号{number}）就“{title}”提出的宝贵建议。经{department}研究，您的建议将予以采纳，具体如下：' || chr(10) || chr(10) || '欢迎继续为城市发展建言献策！', 10),
    ('suggestion', '留作参考', '您好！感谢您于{receivedOn}来信（编号{number}）就“{title}”提出的建议。经{department}研究，您的建议将在今后工作中研究参考，说明如下：' || chr(10) || chr(10) || '感谢您的关心与支持！', 20),
    ('criticism', '接受批评并整改', '您好！您于{receivedOn}来信（编号{number}）提出的批评“{title}”已收悉。{department}诚恳接受批评，整改措施如下：' || chr(10) || chr(10) || '欢迎继续监督！', 10),
    ('complaint', '投诉属实', '您好！您于{receivedOn}来信（编号{number}）投诉的“{title}”已收悉。经{department}调查，投诉情况属实，处理结果如下：' || chr(10) || chr(10) || '感谢您的监督！', 10),
    ('complaint', '投诉不属实', '您好！您于{receivedOn}来信（编号{number}）投诉的“{title}”已收悉。经{department}调查核实，情况如下：' || chr(10) || chr(10) || '如有新的情况，欢迎再次来信。', 20);
