-- The service catalogue (网上便民服务大厅), shaped after CPSV-AP 3.2.0.
--
-- What a filter or a facet counts over is a column or a child table with an index; what is only
-- ever read with its own service (the guide's conditions, materials, fees and steps) is JSONB on
-- the service row, so one row read gives the whole guide and a bulk load is one statement.

-- Themes, life events and business events: a small controlled vocabulary with English labels,
-- exported as skos:Concept / cv:LifeEvent / cv:BusinessEvent.
CREATE TABLE service_concept (
    code        VARCHAR(32)  PRIMARY KEY,
    scheme      VARCHAR(16)  NOT NULL CHECK (scheme IN ('theme', 'life-event', 'business-event')),
    name_zh     VARCHAR(50)  NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    sort_order  INT          NOT NULL
);

INSERT INTO service_concept (code, scheme, name_zh, name_en, sort_order) VALUES
    ('birth', 'life-event', '出生', 'Birth', 10),
    ('school', 'life-event', '入学', 'Going to school', 20),
    ('employment', 'life-event', '就业', 'Employment', 30),
    ('marriage', 'life-event', '婚育', 'Marriage and childbearing', 40),
    ('housing', 'life-event', '住房', 'Housing', 50),
    ('medical', 'life-event', '就医', 'Medical care', 60),
    ('travel', 'life-event', '出行', 'Travel and driving', 70),
    ('residence', 'life-event', '户籍', 'Household registration', 80),
    ('social-security', 'life-event', '社保', 'Social insurance', 90),
    ('retirement', 'life-event', '退休', 'Retirement', 100),
    ('disability', 'life-event', '助残', 'Disability support', 110),
    ('assistance', 'life-event', '救助', 'Social assistance', 120),
    ('military', 'life-event', '兵役', 'Military service and veterans', 130),
    ('legal', 'life-event', '法律服务', 'Legal services', 140),
    ('culture', 'life-event', '文体', 'Culture and sport', 150),
    ('death', 'life-event', '身后', 'Death and bereavement', 160),
    ('tax', 'life-event', '纳税', 'Paying taxes', 170),
    ('start-business', 'business-event', '开办企业', 'Starting a business', 210),
    ('operating-permits', 'business-event', '经营许可', 'Operating permits', 220),
    ('construction', 'business-event', '工程建设', 'Construction projects', 230),
    ('trade', 'business-event', '投资贸易', 'Investment and trade', 240),
    ('business-tax', 'business-event', '企业纳税', 'Business taxation', 250),
    ('hiring', 'business-event', '用工', 'Hiring staff', 260),
    ('innovation', 'business-event', '科技创新', 'Innovation and intellectual property', 270),
    ('safety', 'business-event', '安全生产', 'Work safety', 280),
    ('environment', 'business-event', '环境保护', 'Environmental protection', 290),
    ('change-closure', 'business-event', '变更注销', 'Changing or closing a business', 300),
    ('agriculture', 'business-event', '农业渔业', 'Farming and fishing', 310),
    ('t-public-security', 'theme', '公安', 'Public security', 510),
    ('t-education', 'theme', '教育', 'Education', 520),
    ('t-labour', 'theme', '人社', 'Labour and social security', 530),
    ('t-health', 'theme', '卫生健康', 'Health', 540),
    ('t-housing', 'theme', '住房城建', 'Housing and construction', 550),
    ('t-transport', 'theme', '交通', 'Transport', 560),
    ('t-civil', 'theme', '民政', 'Civil affairs', 570),
    ('t-market', 'theme', '市场监管', 'Market regulation', 580),
    ('t-tax', 'theme', '财税', 'Finance and tax', 590),
    ('t-resources', 'theme', '资源环境', 'Natural resources and environment', 600),
    ('t-agriculture', 'theme', '农业海洋', 'Agriculture and ocean', 610),
    ('t-culture', 'theme', '文化旅游', 'Culture and tourism', 620),
    ('t-justice', 'theme', '司法', 'Justice', 630),
    ('t-science', 'theme', '科技', 'Science and technology', 640),
    ('t-safety', 'theme', '应急安全', 'Emergency and safety', 650),
    ('t-other', 'theme', '综合', 'General', 660);

CREATE TABLE service_item (
    id              BIGSERIAL    PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL UNIQUE,
    name_zh         VARCHAR(200) NOT NULL,
    name_en         VARCHAR(300),
    description_zh  TEXT         NOT NULL,
    description_en  TEXT,
    department_id   BIGINT       NOT NULL REFERENCES department (id),
    -- Administrative division (GB/T 2260) where it is carried out: the city or one district.
    area_code       VARCHAR(12)  NOT NULL,
    -- 行政许可, 行政确认, 行政给付, 公共服务 ... (see ServiceViews for the codes).
    item_type       VARCHAR(24)  NOT NULL,
    audience        VARCHAR(16)  NOT NULL CHECK (audience IN ('citizen', 'enterprise', 'both')),
    legal_basis     TEXT         NOT NULL,
    legal_basis_url VARCHAR(500),
    statutory_days  INT          NOT NULL CHECK (statutory_days >= 0),
    promised_days   INT          NOT NULL CHECK (promised_days >= 0),
    channels        VARCHAR(8)[] NOT NULL
        CHECK (cardinality(channels) > 0 AND channels <@ ARRAY['online', 'window', 'mobile', 'post']::VARCHAR(8)[]),
    online_depth    SMALLINT     NOT NULL CHECK (online_depth BETWEEN 1 AND 4),
    -- Visits to a service window the applicant still needs (跑动次数).
    on_site_visits  SMALLINT     NOT NULL CHECK (on_site_visits BETWEEN 0 AND 5),
    -- 全程网办: depth 4 (online application, review, decision and delivery) and no visit at all.
    -- Derived so that it can never disagree with the two figures it summarises.
    fully_online    BOOLEAN      NOT NULL GENERATED ALWAYS AS (online_depth = 4 AND on_site_visits = 0) STORED,
    result_name     VARCHAR(200),
    -- Ordered lists owned by the service and only read with it: [{"text": ...}], [{"key", "name",
    -- "form", "copies", "required", "template"}], [{"item", "amount", "basis"}], [{"title", "detail"}].
    conditions      JSONB        NOT NULL DEFAULT '[]',
    materials       JSONB        NOT NULL DEFAULT '[]',
    fees            JSONB        NOT NULL DEFAULT '[]',
    steps           JSONB        NOT NULL DEFAULT '[]',
    CHECK (promised_days <= statutory_days OR statutory_days = 0)
);

CREATE INDEX service_item_department_idx ON service_item (department_id);
CREATE INDEX service_item_depth_idx ON service_item (online_depth);

-- Life events, business events and themes of a service: many to many, filtered and counted.
CREATE TABLE service_item_concept (
    service_id   BIGINT      NOT NULL REFERENCES service_item (id) ON DELETE CASCADE,
    concept_code VARCHAR(32) NOT NULL REFERENCES service_concept (code),
    PRIMARY KEY (service_id, concept_code)
);

CREATE INDEX service_item_concept_code_idx ON service_item_concept (concept_code, service_id);
