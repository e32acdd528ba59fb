package org.onestop.mygov.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * New published disclosure documents, in id order; each matches its department and its category
 * and that category's parent (a subscription to 通知公告 hears of 通知 and 公告公示). Disclosure has
 * no public "published since" method yet, so this reads its tables, read-only.
 */
@Component
class DisclosureSource implements UpdateSource {

    private final DatabaseClient db;

    DisclosureSource(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "disclosure";
    }

    @Override
    public Set<TargetKind> kinds() {
        return Set.of(TargetKind.DISCLOSURE_DEPARTMENT, TargetKind.DISCLOSURE_CATEGORY);
    }

    @Override
    public Mono<Boolean> knows(TargetKind kind, String target) {
        if (kind == TargetKind.DISCLOSURE_DEPARTMENT) {
            return Targets.departmentExists(db, target);
        }
        return db.sql("SELECT EXISTS (SELECT 1 FROM disclosure_category WHERE code = :code)").bind("code", target)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    @Override
    public Mono<Long> latest() {
        return db.sql("SELECT coalesce(max(id), 0) FROM disclosure_document").map(row -> row.get(0, Long.class)).one();
    }

    @Override
    public Mono<Batch> after(long position, int limit) {
        return db.sql("""
                SELECT d.id, d.title, d.department_id, c.code, p.code AS parent_code
                FROM disclosure_document d
                JOIN disclosure_category c ON c.id = d.category_id
                LEFT JOIN disclosure_category p ON p.id = c.parent_id
                WHERE d.id > :after AND d.status = 'published' ORDER BY d.id LIMIT :limit""")
                .bind("after", position).bind("limit", limit)
                .map(row -> {
                    long id = row.get("id", Long.class);
                    List<Target> targets = new ArrayList<>();
                    targets.add(new Target(TargetKind.DISCLOSURE_DEPARTMENT, String.valueOf(row.get("department_id", Long.class))));
                    targets.add(new Target(TargetKind.DISCLOSURE_CATEGORY, row.get("code", String.class)));
                    String parent = row.get("parent_code", String.class);
                    if (parent != null) {
                        targets.add(new Target(TargetKind.DISCLOSURE_CATEGORY, parent));
                    }
                    return Targets.entry(id, new Found("document:" + id, row.get("title", String.class),
                            "/disclosure/document.html?id=" + id, targets));
                })
                .all()
                .collectList()
                .map(entries -> Targets.batch(entries, position));
    }
}
