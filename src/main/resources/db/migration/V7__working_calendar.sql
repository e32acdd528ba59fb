-- The working-day calendar. Mainland China works Monday to Friday; each year the State Council
-- publishes which weekdays are public holidays and which weekend days are worked instead (调休上班).
-- Only those exceptions are stored, so every row changes the answer for its date. A year without a
-- calendar_year row has no published schedule and falls back to plain Monday to Friday.
CREATE TABLE calendar_year (
    year        INT          PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    note        VARCHAR(100) NOT NULL DEFAULT '',
    -- No foreign key to app_user: the calendar is reference data that must outlive any account;
    -- the audit log keeps who changed what.
    updated_by  BIGINT,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE calendar_day (
    day   DATE        PRIMARY KEY,
    year  INT         NOT NULL REFERENCES calendar_year (year) ON DELETE CASCADE,
    kind  VARCHAR(16) NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name  VARCHAR(20) NOT NULL,
    CONSTRAINT calendar_day_in_year CHECK (EXTRACT(YEAR FROM day) = year),
    -- A holiday on a weekend or a workday on a weekday would change nothing and only mislead.
    CONSTRAINT calendar_day_is_exception CHECK ((kind = 'holiday') = (EXTRACT(ISODOW FROM day) < 6))
);
CREATE INDEX calendar_day_year_idx ON calendar_day (year);

-- 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）.
INSERT INTO calendar_year (year, note, updated_by, updated_at)
VALUES (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', NULL, now());
INSERT INTO calendar_day (day, year, kind, name) VALUES
    ('2025-01-01', 2025, 'holiday', '元旦'),
    ('2025-01-26', 2025, 'workday', '春节'),
    ('2025-01-28', 2025, 'holiday', '春节'),
    ('2025-01-29', 2025, 'holiday', '春节'),
    ('2025-01-30', 2025, 'holiday', '春节'),
    ('2025-01-31', 2025, 'holiday', '春节'),
    ('2025-02-03', 2025, 'holiday', '春节'),
    ('2025-02-04', 2025, 'holiday', '春节'),
    ('2025-02-08', 2025, 'workday', '春节'),
    ('2025-04-04', 2025, 'holiday', '清明节'),
    ('2025-04-27', 2025, 'workday', '劳动节'),
    ('2025-05-01', 2025, 'holiday', '劳动节'),
    ('2025-05-02', 2025, 'holiday', '劳动节'),
    ('2025-05-05', 2025, 'holiday', '劳动节'),
    ('2025-06-02', 2025, 'holiday', '端午节'),
    ('2025-09-28', 2025, 'workday', '国庆节、中秋节'),
    ('2025-10-01', 2025, 'holiday', '国庆节、中秋节'),
    ('2025-10-02', 2025, 'holiday', '国庆节、中秋节'),
    ('2025-10-03', 2025, 'holiday', '国庆节、中秋节'),
    ('2025-10-06', 2025, 'holiday', '国庆节、中秋节'),
    ('2025-10-07', 2025, 'holiday', '国庆节、中秋节'),
    ('2025-10-08', 2025, 'holiday', '国庆节、中秋节'),
    ('2025-10-11', 2025, 'workday', '国庆节、中秋节');

-- 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）.
INSERT INTO calendar_year (year, note, updated_by, updated_at)
VALUES (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', NULL, now());
INSERT INTO calendar_day (day, year, kind, name) VALUES
    ('2026-01-01', 2026, 'holiday', '元旦'),
    ('2026-01-02', 2026, 'holiday', '元旦'),
    ('2026-01-04', 2026, 'workday', '元旦'),
    ('2026-02-14', 2026, 'workday', '春节'),
    ('2026-02-16', 2026, 'holiday', '春节'),
    ('2026-02-17', 2026, 'holiday', '春节'),
    ('2026-02-18', 2026, 'holiday', '春节'),
    ('2026-02-19', 2026, 'holiday', '春节'),
    ('2026-02-20', 2026, 'holiday', '春节'),
    ('2026-02-23', 2026, 'holiday', '春节'),
    ('2026-02-28', 2026, 'workday', '春节'),
    ('2026-04-06', 2026, 'holiday', '清明节'),
    ('2026-05-01', 2026, 'holiday', '劳动节'),
    ('2026-05-04', 2026, 'holiday', '劳动节'),
    ('2026-05-05', 2026, 'holiday', '劳动节'),
    ('2026-05-09', 2026, 'workday', '劳动节'),
    ('2026-06-19', 2026, 'holiday', '端午节'),
    ('2026-09-20', 2026, 'workday', '国庆节'),
    ('2026-09-25', 2026, 'holiday', '中秋节'),
    ('2026-10-01', 2026, 'holiday', '国庆节'),
    ('2026-10-02', 2026, 'holiday', '国庆节'),
    ('2026-10-05', 2026, 'holiday', '国庆节'),
    ('2026-10-06', 2026, 'holiday', '国庆节'),
    ('2026-10-07', 2026, 'holiday', '国庆节'),
    ('2026-10-10', 2026, 'workday', '国庆节');
