package org.onestop.disclosure.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.onestop.account.Departments;
import org.onestop.disclosure.DisclosureCategories;
import org.onestop.mygov.subscriptions.TargetKind;
import org.onestop.mygov.subscriptions.UpdateSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * New published disclosure documents, in id order, for "My Government" subscriptions; each
 * matches its department and its category and that category's parent (a subscription to 通知公告
 * hears of 通知 and 公告公示).
 */
@Component("disclosureFeedUpdateSource")
class DocumentUpdateSource implements UpdateSource {

    private record Row(long id, Found found) {
    }

    private final DatabaseClient db;
    private final Departments departments;
    private final DisclosureCategories categories;

    DocumentUpdateSource(DatabaseClient db, Departments departments, DisclosureCategories categories) {
        this.db = db;
        this.departments = departments;
        this.categories = categories;
    }

    @Override
    public String name() {
        return "disclosure";
    }

    @Override
    public Set<TargetKind> kinds() {
        return Set.of(TargetKind.DISCLOSURE_DEPARTMENT, TargetKind.DISCLOSURE_CATEGORY);
    }

    /** A department target is a department id (non-numbers name none); a category target is a category code. */
    @Override
    public Mono<Boolean> knows(TargetKind kind, String target) {
        if (kind != TargetKind.DISCLOSURE_DEPARTMENT) {
            return categories.exists(target);
        }
        if (!target.matches("[1-9][0-9]{0,17}")) {
            return Mono.just(false);
        }
        return departments.byId(Long.parseLong(target)).hasElement();
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
                    return new Row(id, new Found("document:" + id, row.get("title", String.class),
                            "/disclosure/document.html?id=" + id, targets));
                })
                .all()
                .collectList()
                .map(rows -> new Batch(rows.stream().map(Row::found).toList(), rows.isEmpty() ? position : rows.getLast().id()));
    }
}
