package org.onestop.servicehall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The four facet counts of a listing in one statement. Each facet counts over every active filter
 * but its own (so each count says what choosing it would give): the services matching the
 * keywords are read once, with one flag per filter, and each facet keeps the rows whose other
 * flags hold. One round trip instead of four matters more than the scan, which is small.
 */
@Repository
class CatalogueFacets {

    /** One facet value: which facet, its value and labels, how many, and its place in the list. */
    record Row(String facet, String value, String labelZh, String labelEn, long count) {
    }

    private final DatabaseClient db;

    CatalogueFacets(DatabaseClient db) {
        this.db = db;
    }

    Flux<Row> count(ServiceFilter f) {
        String flags = CatalogueStore.FILTERS.entrySet().stream().map(e -> e.getValue() + " AS f_" + e.getKey())
                .collect(Collectors.joining(",\n       "));
        String text = f.text() == null ? "" : "WHERE s.search @@ " + CatalogueStore.query(f.text());
        String sql = """
                WITH m AS MATERIALIZED (
                    SELECT s.id, s.department_id, s.audience, s.online_depth,
                           %s
                    FROM service_item s %s)
                SELECT 'department' AS facet, d.code AS value, d.name_zh, d.name_en, count(*) AS n, d.sort_order AS pos
                FROM m JOIN department d ON d.id = m.department_id
                WHERE %s GROUP BY d.code, d.name_zh, d.name_en, d.sort_order
                UNION ALL
                SELECT 'audience', a.value, NULL, NULL, count(*), a.pos
                FROM m CROSS JOIN LATERAL (VALUES ('citizen', m.audience IN ('citizen', 'both'), 1),
                        ('enterprise', m.audience IN ('enterprise', 'both'), 2), ('both', m.audience = 'both', 3))
                     AS a (value, hit, pos)
                WHERE a.hit AND %s GROUP BY a.value, a.pos
                UNION ALL
                SELECT 'lifeEvent', k.code, k.name_zh, k.name_en, count(*), k.sort_order
                FROM m JOIN service_item_concept c ON c.service_id = m.id
                       JOIN service_concept k ON k.code = c.concept_code AND k.scheme <> 'theme'
                WHERE %s GROUP BY k.code, k.name_zh, k.name_en, k.sort_order
                UNION ALL
                SELECT 'depth', CAST(m.online_depth AS text), NULL, NULL, count(*), m.online_depth
                FROM m WHERE %s GROUP BY m.online_depth
                ORDER BY facet, pos""".formatted(flags, text, allBut("department"), allBut("audience"), allBut("event"),
                allBut("depth"));
        return CatalogueStore.bind(db.sql(sql), f)
                .map(r -> new Row(r.get("facet", String.class), r.get("value", String.class), r.get("name_zh", String.class),
                        r.get("name_en", String.class), r.get("n", Long.class)))
                .all();
    }

    private static String allBut(String own) {
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, String> e : CatalogueStore.FILTERS.entrySet()) {
            if (!e.getKey().equals(own)) {
                others.add("m.f_" + e.getKey());
            }
        }
        return String.join(" AND ", others);
    }
}
