-- Municipal departments and districts: the owners of services, documents, datasets and letters.
CREATE TABLE department (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL UNIQUE,
    name_zh     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('municipal', 'district')),
    sort_order  INT          NOT NULL
);
