package org.onestop.mygov.subscriptions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.onestop.platform.CityTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Newly scheduled live inquiry sessions, in id order, each matching its department. Inquiry has
 * no public "scheduled since" method yet, so this reads its session table, read-only.
 */
@Component
class SessionSource implements UpdateSource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CityTime.ZONE);
    private final DatabaseClient db;

    SessionSource(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "live-sessions";
    }

    @Override
    public Set<TargetKind> kinds() {
        return Set.of(TargetKind.LIVE_SESSIONS);
    }

    @Override
    public Mono<Boolean> knows(TargetKind kind, String target) {
        return Targets.departmentExists(db, target);
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
                    return Targets.entry(id, new Found("session:" + id, title, "/inquiry/session.html?id=" + id,
                            List.of(new Target(TargetKind.LIVE_SESSIONS, String.valueOf(row.get("department_id", Long.class))))));
                })
                .all()
                .collectList()
                .map(entries -> Targets.batch(entries, position));
    }
}
