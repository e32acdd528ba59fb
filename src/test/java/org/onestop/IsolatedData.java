package org.onestop;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Keeps test classes' data apart while they share one application context: before each class,
 * every table that users write is emptied and Redis is flushed. Tables filled by migrations
 * (reference data) are kept.
 */
public class IsolatedData implements BeforeAllCallback {

    /** Reference tables seeded by Flyway; a feature that seeds one by migration adds it here. */
    static final Set<String> REFERENCE_TABLES = Set.of("flyway_schema_history", "department", "calendar_year", "calendar_day",
            "mailbox_reply_template", "service_concept", "disclosure_category", "disclosure_search_state");

    @Override
    public void beforeAll(ExtensionContext context) {
        var app = SpringExtension.getApplicationContext(context);
        DatabaseClient db = app.getBean(DatabaseClient.class);
        List<String> tables = db.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .map(row -> row.get(0, String.class)).all().collectList().block(Duration.ofSeconds(30));
        List<String> toEmpty = tables.stream().filter(t -> !REFERENCE_TABLES.contains(t)).toList();
        if (!toEmpty.isEmpty()) {
            db.sql("TRUNCATE " + String.join(", ", toEmpty) + " RESTART IDENTITY CASCADE").then()
                    .block(Duration.ofSeconds(30));
        }
        var redis = app.getBean(ReactiveRedisConnectionFactory.class).getReactiveConnection();
        try {
            redis.serverCommands().flushDb().block(Duration.ofSeconds(10));
        } finally {
            redis.close();
        }
    }
}
