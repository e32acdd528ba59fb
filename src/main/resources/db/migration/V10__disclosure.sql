-- Government information disclosure (政府信息公开): the category tree, documents with their
-- superseded versions and related links, the per-department disclosure guides, and the
-- in-database Chinese/English full-text search over documents.

-- Search tokens of a text, as words separated by spaces for the 'simple' configuration.
-- Chinese has no spaces and the default parser (and, under the C locale of the embedded
-- cluster, pg_trgm, which then yields no trigrams at all) cannot split it, so every run of
-- CJK ideographs becomes overlapping character bigrams: each ideograph is written twice with
-- a space between ("ABC" -> "A AB BC C"), which yields the run's bigrams in order, plus a
-- unigram at each end of the run. Bigram phrases then find any word of two or more
-- characters wherever it sits inside longer words; a one-character query matches the prefix
-- of a bigram or the run-final unigram. Latin letters and digits form words of their own
-- (lower-cased by the dictionary); everything else separates tokens. Text with full-width
-- forms (ＷＴＯ, ２０１４) or compatibility ideographs is NFKC-normalised first; the check spares
-- the cost of normalising ordinary text (full-width punctuation such as ，needs no folding).
-- DisclosureQuery.java builds queries with exactly these character classes: change both.
CREATE FUNCTION disclosure_tokens(doc text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT regexp_replace(
           regexp_replace(
               CASE WHEN doc ~ '[\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]' THEN normalize(doc, NFKC) ELSE doc END,
               '[^\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134fA-Za-z0-9]+|([A-Za-z0-9]+)', ' \1 ', 'g'),
           '([\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f])', '\1 \1', 'g')
$$;

-- The search vector of a document: title and document number weigh A, the body D, so a title
-- match ranks above the same words in a body.
CREATE FUNCTION disclosure_vector(title text, doc_number text, body_text text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT setweight(to_tsvector('simple'::regconfig, disclosure_tokens(title || ' ' || coalesce(doc_number, ''))), 'A')
           || to_tsvector('simple'::regconfig, disclosure_tokens(body_text))
$$;

-- A configurable tree of disclosure categories; documents are filed under any node, and a
-- filter on a node includes its descendants.
CREATE TABLE disclosure_category (
    id         BIGSERIAL    PRIMARY KEY,
    parent_id  BIGINT       REFERENCES disclosure_category (id),
    code       VARCHAR(32)  NOT NULL UNIQUE,
    name_zh    VARCHAR(50)  NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    sort_order INT          NOT NULL
);

INSERT INTO disclosure_category (code, name_zh, name_en, sort_order) VALUES
    ('regulation', '规章', 'Government regulations', 10),
    ('normative', '规范性文件', 'Normative documents', 20),
    ('bulletin', '公报', 'Government bulletins', 30),
    ('notice', '通知公告', 'Notices and announcements', 40),
    ('interpretation', '政策解读', 'Policy interpretations', 50),
    ('functions', '机构职能', 'Organisation and functions', 60),
    ('plan', '规划计划', 'Plans and programmes', 70),
    ('budget', '财政预决算', 'Budgets and final accounts', 80),
    ('personnel', '人事任免', 'Appointments and removals', 90);

INSERT INTO disclosure_category (parent_id, code, name_zh, name_en, sort_order)
SELECT p.id, c.code, c.name_zh, c.name_en, c.sort_order
FROM (VALUES
    ('normative', 'normative-gov', '市政府规范性文件', 'Municipal government normative documents', 21),
    ('normative', 'normative-dept', '部门规范性文件', 'Departmental normative documents', 22),
    ('notice', 'notice-notice', '通知', 'Notices', 41),
    ('notice', 'notice-announcement', '公告公示', 'Announcements and public notices', 42),
    ('plan', 'plan-development', '发展规划', 'Development plans', 71),
    ('plan', 'plan-annual', '年度工作计划', 'Annual work plans', 72),
    ('budget', 'budget-budget', '部门预算', 'Departmental budgets', 81),
    ('budget', 'budget-final', '部门决算', 'Departmental final accounts', 82),
    ('budget', 'budget-three', '三公经费', 'Official travel, vehicle and hospitality spending', 83)
) AS c (parent, code, name_zh, name_en, sort_order)
JOIN disclosure_category p ON p.code = c.parent;

CREATE TABLE disclosure_document (
    id              BIGSERIAL    PRIMARY KEY,
    -- 索引号: <department code>/<year>-<six-digit serial>, unique across the portal.
    index_number    VARCHAR(48)  NOT NULL UNIQUE,
    department_id   BIGINT       NOT NULL REFERENCES department (id),
    category_id     BIGINT       NOT NULL REFERENCES disclosure_category (id),
    title           VARCHAR(300) NOT NULL,
    -- 文号 as written, and its normalised form for exact look-up (brackets unified, no spaces).
    doc_number      VARCHAR(64),
    doc_number_key  VARCHAR(64),
    topic           VARCHAR(100),
    published_on    DATE         NOT NULL,
    validity        VARCHAR(8)   NOT NULL CHECK (validity IN ('valid', 'expired', 'repealed')),
    -- Sanitised HTML, and its text (for search vectors and snippets).
    body            TEXT         NOT NULL,
    body_text       TEXT         NOT NULL,
    version         INT          NOT NULL DEFAULT 1,
    status          VARCHAR(12)  NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
    withdraw_reason VARCHAR(500),
    created_by      BIGINT       REFERENCES app_user (id),
    updated_by      BIGINT       REFERENCES app_user (id),
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    withdrawn_at    TIMESTAMPTZ,
    search          TSVECTOR     GENERATED ALWAYS AS (disclosure_vector(title, doc_number, body_text)) STORED
);
CREATE INDEX disclosure_document_search_idx ON disclosure_document USING gin (search);
-- Catalogues are read newest first with a stable tiebreak on id (keyset pagination).
CREATE INDEX disclosure_document_date_idx ON disclosure_document (published_on DESC, id DESC) WHERE status = 'published';
CREATE INDEX disclosure_document_department_idx ON disclosure_document (department_id, published_on DESC, id DESC) WHERE status = 'published';
CREATE INDEX disclosure_document_category_idx ON disclosure_document (category_id, published_on DESC, id DESC) WHERE status = 'published';
CREATE INDEX disclosure_document_number_idx ON disclosure_document (doc_number_key) WHERE doc_number_key IS NOT NULL;

-- Superseded versions of a document; the current version is the document row itself.
CREATE TABLE disclosure_document_version (
    document_id  BIGINT       NOT NULL REFERENCES disclosure_document (id) ON DELETE CASCADE,
    version      INT          NOT NULL,
    category_id  BIGINT       NOT NULL REFERENCES disclosure_category (id),
    title        VARCHAR(300) NOT NULL,
    doc_number   VARCHAR(64),
    topic        VARCHAR(100),
    published_on DATE         NOT NULL,
    validity     VARCHAR(8)   NOT NULL,
    body         TEXT         NOT NULL,
    saved_by     BIGINT       REFERENCES app_user (id),
    saved_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (document_id, version)
);

CREATE TABLE disclosure_related (
    document_id BIGINT NOT NULL REFERENCES disclosure_document (id) ON DELETE CASCADE,
    related_id  BIGINT NOT NULL REFERENCES disclosure_document (id) ON DELETE CASCADE,
    position    INT    NOT NULL,
    PRIMARY KEY (document_id, related_id),
    CHECK (document_id <> related_id)
);

-- The last serial handed out per department and year, so index numbers are unique without a
-- scan and without races between officials publishing at the same time.
CREATE TABLE disclosure_index_counter (
    department_id BIGINT NOT NULL REFERENCES department (id),
    year          INT    NOT NULL,
    last_serial   INT    NOT NULL,
    PRIMARY KEY (department_id, year)
);

-- 政府信息公开指南: one rich-text page per department, updated in place (the audit log keeps who and when).
CREATE TABLE disclosure_guide (
    department_id BIGINT      PRIMARY KEY REFERENCES department (id),
    body          TEXT        NOT NULL,
    updated_by    BIGINT      REFERENCES app_user (id),
    updated_at    TIMESTAMPTZ NOT NULL
);
