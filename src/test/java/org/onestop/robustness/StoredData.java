package org.onestop.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A fingerprint of everything the portal stores: for each application table its row count and the
 * sum of its rows' {@code xmin} (the transaction that wrote each row version, so a committed UPDATE
 * shows as well as an INSERT or DELETE, and a rolled-back one does not), and the number of files in
 * the storage directory. Taken before and after a rejected request, two equal fingerprints prove
 * it stored nothing.
 * <p>
 * Left out, on purpose: {@code audit_log} (it records who did what, and logging a refused staff
 * action is its job, not a leak of the refused data), and the tables that background work writes on
 * its own schedule whatever the requests do ({@code inquiry_viewer}: the viewer count each node
 * reports; {@code mygov_scan_cursor}, {@code mygov_digest} and {@code mygov_delivery}: the
 * notification scanner's progress and deliveries).
 */
final class StoredData {

    static final Set<String> NOT_COMPARED = Set.of("audit_log", "inquiry_viewer", "mygov_scan_cursor", "mygov_digest",
            "mygov_delivery", "flyway_schema_history");

    /** Per table "rows:hash", plus "files" for the storage directory. */
    record Fingerprint(Map<String, String> parts) {

        /** The names of the parts that differ, or an empty list. */
        List<String> changedFrom(Fingerprint before) {
            return parts.keySet().stream().filter(k -> !parts.get(k).equals(before.parts.get(k)))
                    .map(k -> k + " " + before.parts.get(k) + " -> " + parts.get(k)).toList();
        }
    }

    private final DatabaseClient db;
    private final Path files;
    private final String sql;

    StoredData(ApplicationContext app) {
        this.db = app.getBean(DatabaseClient.class);
        this.files = Path.of(app.getEnvironment().getProperty("onestop.storage.dir", "target/test-files"));
        List<String> tables = db.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(10));
        // Table names come from the catalogue, never from a request.
        this.sql = tables.stream().filter(t -> !NOT_COMPARED.contains(t))
                .map(t -> "SELECT '" + t + "' AS t, count(*) AS n, coalesce(sum(x.xmin::text::bigint), 0) AS h FROM " + t + " x")
                .collect(Collectors.joining(" UNION ALL "));
    }

    Fingerprint take() {
        Map<String, String> parts = new TreeMap<>(db.sql(sql)
                .map(r -> Map.entry(r.get("t", String.class), r.get("n", Long.class) + ":" + r.get("h", Number.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new).block(Duration.ofSeconds(10)));
        parts.put("files", String.valueOf(fileCount()));
        return new Fingerprint(parts);
    }

    long fileCount() {
        if (!Files.exists(files)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(files)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
