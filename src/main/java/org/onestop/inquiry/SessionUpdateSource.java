package org.onestop.inquiry;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.onestop.account.Departments;
import org.onestop.mygov.subscriptions.TargetKind;
import org.onestop.mygov.subscriptions.UpdateSource;
import org.onestop.platform.CityTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Newly scheduled live inquiry sessions, in id order, each matching its department: what people
 * who follow a department's live sessions in "My Government" hear about.
 */
@Component
class SessionUpdateSource implements UpdateSource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CityTime.ZONE);

    private record Row(long id, Found found) {
    }

    private final DatabaseClient db;
    private final Departments departments;

    SessionUpdateSource(DatabaseClient db, Departments departments) {
        this.db = db;
        this.departments = departments;
    }

    @Override
    public String name() {
        return "live-sessions";
    }

    @Override
    public Set<TargetKind> kinds() {
        return Set.of(TargetKind.LIVE_SESSIONS);
    }

    /** Whether the target is the id of a department; non-numbers name none. */
    @Override
    public Mono<Boolean> knows(TargetKind kind, String target) {
        if (!target.matches("[1-9][0-9]{0,17}")) {
            return Mono.just(false);
        }
        return departments.byId(Long.parseLong(target)).hasElement();
    }

    @Override
    public Mono<Long> latest() {
        return db.sql("SELECT coalesce(max(id), 0) FROM inquiry_session").map(row -> row.get(0, Long.class)).one();
    }

    @Override
    public Mono<Batch> after(long position, int limit) {
        return db.sql("""
                SELECT id, title, department_id, starts_at FROM inquiry_session
                WHERE id > :after ORDER BY id LIMIT :limit""")
                .bind("after", position).bind("limit", limit)
                .map(row -> {
                    long id = row.get("id", Long.class);
                    String title = row.get("title", String.class) + "（" + WHEN.format(row.get("starts_at", Instant.class)) + "）";
                    return new Row(id, new Found("session:" + id, title, "/inquiry/session.html?id=" + id,
                            List.of(new Target(TargetKind.LIVE_SESSIONS, String.valueOf(row.get("department_id", Long.class))))));
                })
                .all()
                .collectList()
                .map(rows -> new Batch(rows.stream().map(Row::found).toList(), rows.isEmpty() ? position : rows.getLast().id()));
    }
}
