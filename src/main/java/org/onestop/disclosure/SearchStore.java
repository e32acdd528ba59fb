package org.onestop.disclosure;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SQL of search, facets and catalogues. The WHERE clause is assembled from fixed fragments,
 * one per filter present, with every value bound as a parameter: a clause such as
 * {@code (:x IS NULL OR col = :x)} would make PostgreSQL's cached generic plan unable to use the
 * GIN and date indexes, and these queries must stay in milliseconds at 100,000 documents.
 */
@Repository
class SearchStore {

    record HitRow(long id, String indexNumber, String title, long departmentId, long categoryId, String docNumber,
            LocalDate publishedOn, String validity, String bodyText, boolean exactNumber) {
    }

    /** One line of the facet query: which facet (department, category, year, validity or total), which value, how many. */
    record FacetRow(String facet, String value, long count) {
    }

    record CatalogueRow(long id, String indexNumber, String title, long departmentId, long categoryId,
            String docNumber, LocalDate publishedOn, String validity) {
    }

    /** How many of the cheaply ordered candidates ts_rank reorders; 10 pages of 20. */
    static final int RANKED = 200;

    private final DatabaseClient db;

    SearchStore(DatabaseClient db) {
        this.db = db;
    }

    /** How search results are ordered: by relevance (the default with words), or by date. */
    enum Order {
        RELEVANCE, NEWEST, OLDEST
    }

    Flux<HitRow> search(SearchFilter f, Order order, long offset, int limit) {
        boolean ranked = order == Order.RELEVANCE && (f.tsquery() != null || f.numberKey() != null);
        String sql = ranked ? ranked(f) : dated(f, order == Order.OLDEST ? "ASC" : "DESC");
        var spec = bind(db.sql(sql), f).bind("limit", limit).bind("offset", offset);
        if (ranked) {
            spec = spec.bind("end", offset + limit).bind("ranked", RANKED);
        }
        return spec.map(r -> new HitRow(r.get("id", Long.class), r.get("index_number", String.class), r.get("title", String.class),
                        r.get("department_id", Long.class), r.get("category_id", Long.class), r.get("doc_number", String.class),
                        r.get("published_on", LocalDate.class), r.get("validity", String.class), r.get("body_text", String.class),
                        Boolean.TRUE.equals(r.get("exact", Boolean.class))))
                .all();
    }

    /**
     * Two passes. The cheap order (exact number, all terms in the title, newest) needs only the
     * narrow rows; ts_rank, which must read each candidate's full vector, then reorders just the
     * best RANKED candidates. Rows past them keep the cheap order, so pages never overlap.
     */
    private static String ranked(SearchFilter f) {
        String exact = f.numberKey() == null ? "false" : "(s.doc_number_key IS NOT DISTINCT FROM :key)";
        String inTitle = f.tsquery() == null ? "false" : "(s.title_terms @@ CAST(:q AS tsquery))";
        String rank = f.tsquery() == null ? "0" : "ts_rank(s.terms, CAST(:q AS tsquery))";
        return """
                WITH cheap AS (
                    SELECT s.document_id AS id, s.published_on, %1$s AS exact,
                           row_number() OVER (ORDER BY %1$s DESC, %2$s DESC, s.published_on DESC, s.document_id DESC) AS pos
                    FROM disclosure_search s WHERE %3$s
                    ORDER BY pos LIMIT :end),
                page AS (
                    SELECT cheap.*, CASE WHEN cheap.pos <= :ranked THEN %4$s END AS score
                    FROM cheap JOIN disclosure_search s ON s.document_id = cheap.id
                    ORDER BY cheap.pos > :ranked, cheap.exact DESC, score DESC NULLS LAST, cheap.pos
                    LIMIT :limit OFFSET :offset)
                SELECT d.id, d.index_number, d.title, d.department_id, d.category_id, d.doc_number, d.published_on,
                       d.validity, d.body_text, page.exact
                FROM page JOIN disclosure_document d ON d.id = page.id
                ORDER BY page.pos > :ranked, page.exact DESC, page.score DESC NULLS LAST, page.pos"""
                .formatted(exact, inTitle, where(f, "s"), rank);
    }

    /** By date alone: the date index of the narrow table walks straight to the page. */
    private static String dated(SearchFilter f, String direction) {
        return """
                WITH page AS (
                    SELECT s.document_id AS id FROM disclosure_search s WHERE %1$s
                    ORDER BY s.published_on %2$s, s.document_id %2$s LIMIT :limit OFFSET :offset)
                SELECT d.id, d.index_number, d.title, d.department_id, d.category_id, d.doc_number, d.published_on,
                       d.validity, d.body_text, false AS exact
                FROM page JOIN disclosure_document d ON d.id = page.id
                ORDER BY d.published_on %2$s, d.id %2$s"""
                .formatted(where(f, "s"), direction);
    }

    /** The change counter of what search sees (V20): equal values mean equal results. */
    Mono<Long> version() {
        return db.sql("SELECT version FROM disclosure_search_state WHERE id = 1").map(r -> r.get(0, Long.class)).one();
    }

    /** Counts per department, category, year and validity, and the total, in one pass over the matches. */
    Flux<FacetRow> facets(SearchFilter f) {
        String sql = """
                SELECT CASE WHEN GROUPING(s.department_id) = 0 THEN 'department'
                            WHEN GROUPING(s.category_id) = 0 THEN 'category'
                            WHEN GROUPING(EXTRACT(YEAR FROM s.published_on)) = 0 THEN 'year'
                            WHEN GROUPING(s.validity) = 0 THEN 'validity' ELSE 'total' END AS facet,
                       COALESCE(CAST(s.department_id AS text), CAST(s.category_id AS text),
                                CAST(CAST(EXTRACT(YEAR FROM s.published_on) AS int) AS text), s.validity) AS value,
                       count(*) AS n
                FROM disclosure_search s WHERE %s
                GROUP BY GROUPING SETS ((s.department_id), (s.category_id), (EXTRACT(YEAR FROM s.published_on)), (s.validity), ())"""
                .formatted(where(f, "s"));
        return bind(db.sql(sql), f)
                .map(r -> new FacetRow(r.get("facet", String.class), r.get("value", String.class), r.get("n", Long.class)))
                .all();
    }

    /** A catalogue page newest first, strictly after the cursor's (date, id) when there is one. */
    Flux<CatalogueRow> catalogue(SearchFilter f, CatalogueCursor after, int limit) {
        String sql = """
                SELECT d.id, d.index_number, d.title, d.department_id, d.category_id, d.doc_number, d.published_on, d.validity
                FROM disclosure_document d WHERE d.status = 'published' AND %s%s
                ORDER BY d.published_on DESC, d.id DESC LIMIT :limit"""
                .formatted(where(f, "d"), after == null ? "" : " AND (d.published_on, d.id) < (:afterDate, :afterId)");
        var spec = bind(db.sql(sql), f).bind("limit", limit);
        if (after != null) {
            spec = spec.bind("afterDate", after.publishedOn()).bind("afterId", after.id());
        }
        return spec.map(SearchStore::catalogueRow).all();
    }

    /**
     * The filters on {@code alias}: the search table ({@code s}, published documents only, with
     * their terms) or the document table ({@code d}) for catalogues, which have no text.
     */
    private static String where(SearchFilter f, String alias) {
        List<String> clauses = new ArrayList<>(List.of("true"));
        String c = alias + ".";
        if (f.tsquery() != null && f.numberKey() != null) {
            clauses.add("(" + c + "terms @@ CAST(:q AS tsquery) OR " + c + "doc_number_key = :key)");
        } else if (f.tsquery() != null) {
            clauses.add(c + "terms @@ CAST(:q AS tsquery)");
        } else if (f.numberKey() != null) {
            clauses.add(c + "doc_number_key = :key");
        }
        if (f.departmentId() != null) {
            clauses.add(c + "department_id = :department");
        }
        if (f.categoryIds() != null) {
            clauses.add(f.categoryIds().size() == 1 ? c + "category_id = :category" : c + "category_id = ANY(CAST(:categories AS bigint[]))");
        }
        if (f.validity() != null) {
            clauses.add(c + "validity = :validity");
        }
        if (f.from() != null) {
            clauses.add(c + "published_on >= :from");
        }
        if (f.to() != null) {
            clauses.add(c + "published_on <= :to");
        }
        return String.join(" AND ", clauses);
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, SearchFilter f) {
        if (f.tsquery() != null) {
            spec = spec.bind("q", f.tsquery());
        }
        if (f.numberKey() != null) {
            spec = spec.bind("key", f.numberKey());
        }
        if (f.departmentId() != null) {
            spec = spec.bind("department", f.departmentId());
        }
        if (f.categoryIds() != null) {
            spec = f.categoryIds().size() == 1 ? spec.bind("category", f.categoryIds().getFirst())
                    : spec.bind("categories", f.categoryIds().toArray(Long[]::new));
        }
        if (f.validity() != null) {
            spec = spec.bind("validity", f.validity());
        }
        if (f.from() != null) {
            spec = spec.bind("from", f.from());
        }
        if (f.to() != null) {
            spec = spec.bind("to", f.to());
        }
        return spec;
    }

    private static CatalogueRow catalogueRow(Readable r) {
        return new CatalogueRow(r.get("id", Long.class), r.get("index_number", String.class), r.get("title", String.class),
                r.get("department_id", Long.class), r.get("category_id", Long.class), r.get("doc_number", String.class),
                r.get("published_on", LocalDate.class), r.get("validity", String.class));
    }
}
