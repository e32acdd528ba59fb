package org.onestop.opendata.datastore;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes a datastore result as it streams: rows are written in groups of a few hundred, so a
 * 32,000-row page never sits whole in memory. JSON follows CKAN's datastore_search result
 * (fields, records, total, limit, offset, _links); CSV has a header line of field ids.
 */
public final class DatastoreWriters {

    private static final int ROWS_PER_BUFFER = 250;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private DatastoreWriters() {
    }

    /**
     * The result object as JSON. {@code head} and {@code tail} wrap it (CKAN's envelope);
     * {@code next} makes the next-page link from the next offset.
     */
    public static Flux<DataBuffer> json(JsonMapper json, DatastoreResult result, Map<String, Object> extra, String head,
            String tail, String start, Function<Long, String> next) {
        List<DatastoreField> fields = result.fields();
        Map<String, Object> top = new LinkedHashMap<>(extra);
        top.put("fields", fields.stream().map(f -> Map.of("id", f.id(), "type", f.type().ckan())).toList());
        top.put("records_format", "objects");
        top.put("limit", result.limit());
        top.put("offset", result.offset());
        if (result.total() != null) {
            top.put("total", result.total());
            top.put("total_was_estimated", false);
        }
        String opening = head + json.writeValueAsString(top);
        int[] count = {0};
        Flux<String> records = result.rows().buffer(ROWS_PER_BUFFER).map(rows -> {
            StringBuilder b = new StringBuilder();
            for (Object[] row : rows) {
                b.append(count[0]++ == 0 ? "" : ",");
                Map<String, Object> record = new LinkedHashMap<>();
                for (int i = 0; i < row.length; i++) {
                    record.put(fields.get(i).id(), value(row[i]));
                }
                b.append(json.writeValueAsString(record));
            }
            return b.toString();
        });
        Flux<String> closing = Flux.defer(() -> {
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("start", start);
            if (result.hasMore(count[0])) {
                links.put("next", next.apply(result.offset() + result.limit()));
            }
            return Flux.just("],\"_links\":" + json.writeValueAsString(links) + "}" + tail);
        });
        // The opening object is closed early and reopened so "records" can stream after it.
        String open = opening.substring(0, opening.length() - 1) + ",\"records\":[";
        return Flux.concat(Flux.just(open), records, closing).map(DatastoreWriters::buffer);
    }

    public static Flux<DataBuffer> csv(DatastoreResult result) {
        String header = String.join(",", result.fields().stream().map(DatastoreField::id).toList()) + "\r\n";
        Flux<String> rows = result.rows().buffer(ROWS_PER_BUFFER).map(list -> {
            StringBuilder b = new StringBuilder();
            for (Object[] row : list) {
                for (int i = 0; i < row.length; i++) {
                    b.append(i == 0 ? "" : ",").append(csvCell(row[i]));
                }
                b.append("\r\n");
            }
            return b.toString();
        });
        return Flux.concat(Flux.just("\uFEFF" + header), rows).map(DatastoreWriters::buffer);
    }

    /** A value as JSON wants it: timestamps in ISO form, numbers as numbers. */
    static Object value(Object v) {
        return switch (v) {
            case LocalDateTime t -> ISO.format(t);
            case null -> null;
            default -> v instanceof BigDecimal || v instanceof Number ? v : v.toString();
        };
    }

    static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value(v));
        // A cell starting with = + - @ would be run as a formula by spreadsheet software.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
            s = "'" + s;
        }
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static DataBuffer buffer(String s) {
        return DefaultDataBufferFactory.sharedInstance.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
