package org.onestop.disclosure;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Departments and the category tree as every search and page needs them: a hundred rows that
 * change a few times a year, so they are read once a minute rather than joined into each query.
 */
@Component
class ReferenceData {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    record Category(long id, Long parentId, String code, String nameZh, String nameEn) {
    }

    /** Both lists, with look-ups by id and code. */
    record Snapshot(Map<Long, Department> departments, Map<Long, Category> categories) {

        Category category(String code) {
            return categories.values().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }

        /** The category and all its descendants, for filters on a node of the tree. */
        List<Long> subtree(long id) {
            List<Long> ids = new ArrayList<>(List.of(id));
            for (int i = 0; i < ids.size(); i++) {
                long parent = ids.get(i);
                categories.values().stream().filter(c -> c.parentId() != null && c.parentId() == parent)
                        .forEach(c -> ids.add(c.id()));
            }
            return ids;
        }

        DisclosureViews.Named department(long id) {
            Department d = departments.get(id);
            return d == null ? new DisclosureViews.Named(id, null, null, null)
                    : new DisclosureViews.Named(d.id(), d.code(), d.nameZh(), d.nameEn());
        }

        DisclosureViews.Named category(long id) {
            Category c = categories.get(id);
            return c == null ? new DisclosureViews.Named(id, null, null, null)
                    : new DisclosureViews.Named(c.id(), c.code(), c.nameZh(), c.nameEn());
        }

        List<DisclosureViews.CategoryNode> tree() {
            return children(null);
        }

        private List<DisclosureViews.CategoryNode> children(Long parent) {
            return categories.values().stream()
                    .filter(c -> parent == null ? c.parentId() == null : parent.equals(c.parentId()))
                    .map(c -> new DisclosureViews.CategoryNode(c.id(), c.code(), c.nameZh(), c.nameEn(), children(c.id())))
                    .toList();
        }
    }

    private final Mono<Snapshot> snapshot;

    ReferenceData(Departments departments, DatabaseClient db) {
        Mono<Map<Long, Category>> categories = db.sql("""
                SELECT id, parent_id, code, name_zh, name_en FROM disclosure_category ORDER BY sort_order, id""")
                .map(ReferenceData::category).all()
                .collect(LinkedHashMap<Long, Category>::new, (map, c) -> map.put(c.id(), c));
        Mono<Map<Long, Department>> departmentMap = departments.all(null)
                .collect(LinkedHashMap<Long, Department>::new, (map, d) -> map.put(d.id(), d));
        // Errors are not cached: a failed read is retried by the next request.
        this.snapshot = Mono.zip(departmentMap, categories)
                .map(t -> new Snapshot(Map.copyOf(t.getT1()), unmodifiableOrdered(t.getT2())))
                .cache(value -> FRESH_FOR, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<Snapshot> get() {
        return snapshot;
    }

    private static <K, V> Map<K, V> unmodifiableOrdered(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Category category(Readable r) {
        return new Category(r.get("id", Long.class), r.get("parent_id", Long.class), r.get("code", String.class),
                r.get("name_zh", String.class), r.get("name_en", String.class));
    }
}
