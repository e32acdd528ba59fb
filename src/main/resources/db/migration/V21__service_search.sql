-- Keyword search over the service catalogue, in Chinese and English.
-- Chinese goes through the same bigram tokens as disclosure documents (disclosure_tokens, V10),
-- so "转学" finds 普通高中转学 and 初中转学; the 'english' configuration then stems the Latin words
-- ("transfers" finds "Transfer") and leaves the CJK tokens as they are. Names weigh A and
-- descriptions C, so a service named by the query ranks above one that only mentions it.
ALTER TABLE service_item ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, disclosure_tokens(name_zh || ' ' || coalesce(name_en, ''))), 'A')
    || setweight(to_tsvector('english'::regconfig,
           disclosure_tokens(description_zh || ' ' || coalesce(description_en, '') || ' ' || coalesce(result_name, ''))), 'C')
) STORED;

CREATE INDEX service_item_search_idx ON service_item USING gin (search);
