package org.onestop.servicehall;

import io.r2dbc.spi.Readable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the service catalogue. */
@Repository
class CatalogueStore {

    /** A listed service. */
    record Summary(String code, String nameZh, String nameEn, long departmentId, String departmentCode,
            String departmentZh, String departmentEn, String areaCode, String itemType, String audience,
            int onlineDepth, boolean fullyOnline, int promisedDays, int onSiteVisits, List<String> concepts) {
    }

    /** A service with everything its guide shows; the repeating parts are still JSON text. */
    record Full(Summary summary, String descriptionZh, String descriptionEn, String legalBasis, String legalBasisUrl,
            int statutoryDays, List<String> channels, String resultName, String conditions, String materials,
            String fees, String steps) {
    }

    record Concept(String code, String scheme, String nameZh, String nameEn) {
    }

    record Stats(long total, long fullyOnline) {
    }

    private static final String SUMMARY = """
            SELECT s.code, s.name_zh, s.name_en, s.department_id, d.code AS department_code, d.name_zh AS department_zh,
                   d.name_en AS department_en, s.area_code, s.item_type, s.audience, s.online_depth, s.fully_online,
                   s.promised_days, s.on_site_visits,
                   ARRAY(SELECT c.concept_code FROM service_item_concept c WHERE c.service_id = s.id ORDER BY c.concept_code) AS concepts
            """;
    private static final String FULL = SUMMARY + """
                   , s.description_zh, s.description_en, s.legal_basis, s.legal_basis_url, s.statutory_days, s.channels,
                   s.result_name, s.conditions::text AS conditions, s.materials::text AS materials, s.fees::text AS fees,
                   s.steps::text AS steps
            FROM service_item s JOIN department d ON d.id = s.department_id
            """;
    /**
     * Every filter but the keywords, by name, each switched off by binding null (2,400 rows: plans
     * need no help). The listing needs them all; each facet needs all but its own.
     */
    static final Map<String, String> FILTERS = filters();
    static final String WHERE = "\nWHERE " + String.join("\n  AND ", FILTERS.values()) + "\n";

    private static Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("department", "(CAST(:department AS bigint) IS NULL OR s.department_id = :department)");
        filters.put("audience", "(CAST(:audience AS varchar) IS NULL OR s.audience = :audience OR (s.audience = 'both' AND :audience <> 'both'))");
        filters.put("event", "(CAST(:event AS varchar) IS NULL OR EXISTS (SELECT 1 FROM service_item_concept f "
                + "WHERE f.service_id = s.id AND f.concept_code = :event))");
        filters.put("depth", "(CAST(:depth AS smallint) IS NULL OR s.online_depth = :depth)");
        filters.put("online", "(CAST(:online AS boolean) IS NULL OR s.fully_online = :online)");
        return java.util.Collections.unmodifiableMap(filters);
    }

    private final DatabaseClient db;

    CatalogueStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> size() {
        return db.sql("SELECT count(*) FROM service_item").map(r -> r.get(0, Long.class)).one();
    }

    /**
     * Stores services in one statement: the rows travel as parallel arrays, departments are found
     * by code, and each service's concepts go into the child table from the ids the insert returned.
     * Codes already present are skipped, so two nodes seeding at once do not fail each other.
     *
     * @return how many services were stored
     */
    Mono<Long> insertAll(List<ServiceDraft> drafts, JsonMapper json) {
        return db.sql("""
                WITH input AS (
                    SELECT * FROM unnest(CAST(:codes AS varchar[]), CAST(:namesZh AS varchar[]), CAST(:namesEn AS varchar[]),
                            CAST(:descriptionsZh AS text[]), CAST(:descriptionsEn AS text[]), CAST(:departments AS varchar[]),
                            CAST(:areas AS varchar[]), CAST(:types AS varchar[]), CAST(:audiences AS varchar[]),
                            CAST(:concepts AS text[]), CAST(:laws AS text[]), CAST(:lawUrls AS varchar[]),
                            CAST(:statutory AS int[]), CAST(:promised AS int[]), CAST(:channels AS text[]),
                            CAST(:depths AS int[]), CAST(:visits AS int[]), CAST(:results AS varchar[]),
                            CAST(:conditions AS text[]), CAST(:materials AS text[]), CAST(:fees AS text[]), CAST(:steps AS text[]))
                        AS i (code, name_zh, name_en, description_zh, description_en, department, area_code, item_type,
                              audience, concepts, legal_basis, legal_basis_url, statutory_days, promised_days, channels,
                              online_depth, on_site_visits, result_name, conditions, materials, fees, steps)),
                stored AS (
                    INSERT INTO service_item (code, name_zh, name_en, description_zh, description_en, department_id,
                            area_code, item_type, audience, legal_basis, legal_basis_url, statutory_days, promised_days,
                            channels, online_depth, on_site_visits, result_name, conditions, materials, fees, steps)
                    SELECT i.code, i.name_zh, i.name_en, i.description_zh, i.description_en, d.id, i.area_code, i.item_type,
                           i.audience, i.legal_basis, i.legal_basis_url, i.statutory_days, i.promised_days,
                           CAST(string_to_array(i.channels, ',') AS varchar(8)[]), i.online_depth, i.on_site_visits,
                           i.result_name, CAST(i.conditions AS jsonb), CAST(i.materials AS jsonb), CAST(i.fees AS jsonb),
                           CAST(i.steps AS jsonb)
                    FROM input i JOIN department d ON d.code = i.department
                    ON CONFLICT (code) DO NOTHING
                    RETURNING id, code),
                concepts AS (
                    INSERT INTO service_item_concept (service_id, concept_code)
                    SELECT s.id, c.code FROM stored s JOIN input i ON i.code = s.code
                         CROSS JOIN LATERAL unnest(string_to_array(i.concepts, ',')) AS c (code))
                SELECT count(*) FROM stored""")
                .bind("codes", strings(drafts, ServiceDraft::code))
                .bind("namesZh", strings(drafts, ServiceDraft::nameZh))
                .bind("namesEn", strings(drafts, ServiceDraft::nameEn))
                .bind("descriptionsZh", strings(drafts, ServiceDraft::descriptionZh))
                .bind("descriptionsEn", strings(drafts, ServiceDraft::descriptionEn))
                .bind("departments", strings(drafts, ServiceDraft::departmentCode))
                .bind("areas", strings(drafts, ServiceDraft::areaCode))
                .bind("types", strings(drafts, ServiceDraft::itemType))
                .bind("audiences", strings(drafts, ServiceDraft::audience))
                .bind("concepts", strings(drafts, d -> String.join(",", d.concepts())))
                .bind("laws", strings(drafts, ServiceDraft::legalBasis))
                .bind("lawUrls", strings(drafts, ServiceDraft::legalBasisUrl))
                .bind("statutory", drafts.stream().map(ServiceDraft::statutoryDays).toArray(Integer[]::new))
                .bind("promised", drafts.stream().map(ServiceDraft::promisedDays).toArray(Integer[]::new))
                .bind("channels", strings(drafts, d -> String.join(",", d.channels())))
                .bind("depths", drafts.stream().map(ServiceDraft::onlineDepth).toArray(Integer[]::new))
                .bind("visits", drafts.stream().map(ServiceDraft::onSiteVisits).toArray(Integer[]::new))
                .bind("results", strings(drafts, ServiceDraft::resultName))
                .bind("conditions", strings(drafts, d -> json.writeValueAsString(d.conditions())))
                .bind("materials", strings(drafts, d -> json.writeValueAsString(d.materials())))
                .bind("fees", strings(drafts, d -> json.writeValueAsString(d.fees())))
                .bind("steps", strings(drafts, d -> json.writeValueAsString(d.steps())))
                .map(r -> r.get(0, Long.class))
                .one();
    }

    private static String[] strings(List<ServiceDraft> drafts, java.util.function.Function<ServiceDraft, String> field) {
        return drafts.stream().map(field).toArray(String[]::new);
    }

    /** Catalogue order; with keywords, best match first (names over descriptions), fully online first among equals. */
    Flux<Summary> page(ServiceFilter filter, long offset, int limit) {
        String order = filter.text() == null ? " ORDER BY d.sort_order, s.code"
                : " ORDER BY ts_rank(s.search, " + query(filter.text()) + ") DESC, s.fully_online DESC, d.sort_order, s.code";
        var spec = db.sql(SUMMARY + " FROM service_item s JOIN department d ON d.id = s.department_id " + where(filter)
                + order + " LIMIT :limit OFFSET :offset");
        return bind(spec, filter).bind("limit", limit).bind("offset", offset).map(CatalogueStore::summary).all();
    }

    Mono<Long> count(ServiceFilter filter) {
        return bind(db.sql("SELECT count(*) FROM service_item s " + where(filter)), filter).map(r -> r.get(0, Long.class)).one();
    }

    /** The filters, and the keyword match when there is one. */
    static String where(ServiceFilter f) {
        return f.text() == null ? WHERE : WHERE + " AND s.search @@ " + query(f.text()) + "\n";
    }

    /** The tsquery of the keywords: the CJK bigrams as given, the Latin words stemmed as English. */
    static String query(ServiceFilter.Text t) {
        if (t.words() == null) {
            return "CAST(:ideographs AS tsquery)";
        }
        return t.ideographs() == null ? "plainto_tsquery('english', :words)"
                : "(CAST(:ideographs AS tsquery) && plainto_tsquery('english', :words))";
    }

    Mono<Full> find(String code) {
        return db.sql(FULL + " WHERE s.code = :code").bind("code", code).map(CatalogueStore::full).one();
    }

    /** Full services in catalogue order, for the export. */
    Flux<Full> fullPage(long offset, int limit) {
        return db.sql(FULL + " ORDER BY d.sort_order, s.code LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(CatalogueStore::full).all();
    }

    Flux<Concept> concepts() {
        return db.sql("SELECT code, scheme, name_zh, name_en FROM service_concept ORDER BY sort_order")
                .map(r -> new Concept(r.get("code", String.class), r.get("scheme", String.class),
                        r.get("name_zh", String.class), r.get("name_en", String.class)))
                .all();
    }

    Mono<Stats> stats() {
        return db.sql("SELECT count(*) AS total, count(*) FILTER (WHERE fully_online) AS online FROM service_item")
                .map(r -> new Stats(r.get("total", Long.class), r.get("online", Long.class))).one();
    }

    static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ServiceFilter f) {
        spec = f.departmentId() == null ? spec.bindNull("department", Long.class) : spec.bind("department", f.departmentId());
        spec = f.audience() == null ? spec.bindNull("audience", String.class) : spec.bind("audience", f.audience());
        spec = f.lifeEvent() == null ? spec.bindNull("event", String.class) : spec.bind("event", f.lifeEvent());
        spec = f.depth() == null ? spec.bindNull("depth", Integer.class) : spec.bind("depth", f.depth());
        spec = f.online() == null ? spec.bindNull("online", Boolean.class) : spec.bind("online", f.online());
        if (f.text() != null && f.text().ideographs() != null) {
            spec = spec.bind("ideographs", f.text().ideographs());
        }
        return f.text() != null && f.text().words() != null ? spec.bind("words", f.text().words()) : spec;
    }

    private static Summary summary(Readable r) {
        String[] concepts = r.get("concepts", String[].class);
        return new Summary(r.get("code", String.class), r.get("name_zh", String.class), r.get("name_en", String.class),
                r.get("department_id", Long.class), r.get("department_code", String.class),
                r.get("department_zh", String.class), r.get("department_en", String.class),
                r.get("area_code", String.class), r.get("item_type", String.class), r.get("audience", String.class),
                r.get("online_depth", Integer.class), r.get("fully_online", Boolean.class),
                r.get("promised_days", Integer.class), r.get("on_site_visits", Integer.class),
                concepts == null ? List.of() : List.of(concepts));
    }

    private static Full full(Readable r) {
        String[] channels = r.get("channels", String[].class);
        return new Full(summary(r), r.get("description_zh", String.class), r.get("description_en", String.class),
                r.get("legal_basis", String.class), r.get("legal_basis_url", String.class),
                r.get("statutory_days", Integer.class), channels == null ? List.of() : List.of(channels),
                r.get("result_name", String.class), r.get("conditions", String.class), r.get("materials", String.class),
                r.get("fees", String.class), r.get("steps", String.class));
    }
}
