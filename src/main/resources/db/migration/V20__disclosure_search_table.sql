-- Search moves from the document row to a narrow table of its own, kept in step by triggers.
--
-- Why: a document row carries its HTML, its text and its search vector, so it fills a heap page
-- by itself; a broad query ("部门预算": ~5,000 matches of 100,000) then visits ~5,000 pages to
-- count facets, and its bigram phrases had to be rechecked against each detoasted vector. Here
-- a row holds only what filters, facets and the first ranking signal need (~100 bytes, with the
-- full vector moved out of line by toast_tuple_target), so the same query touches a few hundred
-- pages. Queries use AND of bigrams rather than phrases (DisclosureQuery), which the GIN index
-- answers without a recheck; ts_rank reads full vectors only for the best candidates.
-- Only published documents are here: withdrawing a document removes it from search at once.

CREATE TABLE disclosure_search (
    document_id    BIGINT      PRIMARY KEY REFERENCES disclosure_document (id) ON DELETE CASCADE,
    department_id  BIGINT      NOT NULL,
    category_id    BIGINT      NOT NULL,
    published_on   DATE        NOT NULL,
    validity       VARCHAR(8)  NOT NULL,
    doc_number_key VARCHAR(64),
    -- Title and document number only: small enough to stay in the row, the cheap first signal.
    title_terms    TSVECTOR    NOT NULL,
    -- Title (weight A) and body (D) with positions, for matching and for ts_rank of candidates.
    terms          TSVECTOR    NOT NULL
) WITH (toast_tuple_target = 128);
-- Out of line, uncompressed (ts_rank reads a few hundred at most); the small title vector stays
-- in the row (MAIN is moved out only when a row would not fit a page), as the cheap order reads
-- it for every match.
ALTER TABLE disclosure_search ALTER COLUMN terms SET STORAGE EXTERNAL,
                              ALTER COLUMN title_terms SET STORAGE MAIN;

CREATE INDEX disclosure_search_terms_idx ON disclosure_search USING gin (terms);
CREATE INDEX disclosure_search_number_idx ON disclosure_search (doc_number_key) WHERE doc_number_key IS NOT NULL;
-- Results by date (no words, or sorted newest/oldest first).
CREATE INDEX disclosure_search_date_idx ON disclosure_search (published_on DESC, document_id DESC);

-- A counter of changes to what search sees, so the counts over every document (the home page's
-- facets, a pass over all rows) are recomputed only when something was published, revised or
-- withdrawn, on whichever node it happened.
CREATE TABLE disclosure_search_state (
    id      INT    PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO disclosure_search_state (id, version) VALUES (1, 0);

CREATE FUNCTION disclosure_title_vector(title text, doc_number text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT setweight(to_tsvector('simple'::regconfig, disclosure_tokens(title || ' ' || coalesce(doc_number, ''))), 'A')
$$;

-- Statement-level triggers with transition tables: a bulk load of thousands of rows costs one
-- INSERT ... SELECT here, not one trigger call per row.
CREATE FUNCTION disclosure_search_upsert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM disclosure_search s USING changed c WHERE s.document_id = c.id AND c.status <> 'published';
    INSERT INTO disclosure_search (document_id, department_id, category_id, published_on, validity, doc_number_key,
                                   title_terms, terms)
    SELECT c.id, c.department_id, c.category_id, c.published_on, c.validity, c.doc_number_key,
           disclosure_title_vector(c.title, c.doc_number), disclosure_vector(c.title, c.doc_number, c.body_text)
    FROM changed c WHERE c.status = 'published'
    ON CONFLICT (document_id) DO UPDATE SET department_id = EXCLUDED.department_id, category_id = EXCLUDED.category_id,
        published_on = EXCLUDED.published_on, validity = EXCLUDED.validity, doc_number_key = EXCLUDED.doc_number_key,
        title_terms = EXCLUDED.title_terms, terms = EXCLUDED.terms;
    UPDATE disclosure_search_state SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER disclosure_search_after_insert AFTER INSERT ON disclosure_document
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION disclosure_search_upsert();
CREATE TRIGGER disclosure_search_after_update AFTER UPDATE ON disclosure_document
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION disclosure_search_upsert();

-- Emptying the table (tests, or an operator) is a change too.
CREATE FUNCTION disclosure_search_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE disclosure_search_state SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER disclosure_search_after_truncate AFTER TRUNCATE ON disclosure_search
    FOR EACH STATEMENT EXECUTE FUNCTION disclosure_search_truncated();

INSERT INTO disclosure_search (document_id, department_id, category_id, published_on, validity, doc_number_key,
                               title_terms, terms)
SELECT id, department_id, category_id, published_on, validity, doc_number_key,
       disclosure_title_vector(title, doc_number), search
FROM disclosure_document WHERE status = 'published';

-- The document row's own vector (and its index) is no longer read: computing it once, here in
-- the trigger, keeps the bulk load as fast as before.
ALTER TABLE disclosure_document DROP COLUMN search;
