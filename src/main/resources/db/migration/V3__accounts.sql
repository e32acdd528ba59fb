-- Accounts of citizens, enterprises and staff, their roles, and the audit trail of official actions.
CREATE TABLE app_user (
    id              BIGSERIAL    PRIMARY KEY,
    username        VARCHAR(32)  NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    display_name    VARCHAR(50)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('citizen', 'enterprise', 'staff')),
    real_name       VARCHAR(50),
    id_number       VARCHAR(18),
    mobile          VARCHAR(11),
    enterprise_name VARCHAR(100),
    credit_code     VARCHAR(18),
    department_id   BIGINT       REFERENCES department (id),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT citizen_identity CHECK (kind <> 'citizen' OR (id_number IS NOT NULL AND real_name IS NOT NULL)),
    CONSTRAINT enterprise_identity CHECK (kind <> 'enterprise' OR (credit_code IS NOT NULL AND enterprise_name IS NOT NULL))
);
-- Usernames are unique whatever their case, so "ZhangSan" cannot impersonate "zhangsan".
CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username));
-- One portal account per real person and per enterprise.
CREATE UNIQUE INDEX app_user_id_number_key ON app_user (id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX app_user_credit_code_key ON app_user (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX app_user_department_idx ON app_user (department_id) WHERE department_id IS NOT NULL;

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(16) NOT NULL CHECK (role IN ('citizen', 'enterprise', 'official', 'moderator', 'admin')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE audit_log (
    id          BIGSERIAL    PRIMARY KEY,
    actor_id    BIGINT       REFERENCES app_user (id),
    action      VARCHAR(64)  NOT NULL,
    target_type VARCHAR(32)  NOT NULL,
    target_id   VARCHAR(64)  NOT NULL,
    detail      JSONB        NOT NULL DEFAULT '{}'::jsonb,
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
