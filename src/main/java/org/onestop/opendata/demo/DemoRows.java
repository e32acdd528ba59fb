package org.onestop.opendata.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.onestop.opendata.datastore.DatastoreField;
import org.onestop.opendata.datastore.FieldType;
import reactor.core.publisher.Flux;

/**
 * The rows of one demo dataset, encoded as CSV, JSON, GeoJSON or XLSX. Text formats come as a
 * stream of chunks of a few thousand rows, made on demand, so a million-row file is never whole
 * in memory; the same seed always gives the same bytes.
 */
final class DemoRows {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int ROWS_PER_CHUNK = 2_000;

    enum Encoding { CSV, JSON, GEOJSON }

    private final Template template;
    private final Scope scope;
    private final long seed;

    DemoRows(Template template, Scope scope, long seed) {
        this.template = template;
        this.scope = scope;
        this.seed = seed;
    }

    Flux<byte[]> chunks(Encoding encoding) {
        List<DatastoreField> fields = template.fields();
        // Each subscription starts from the seed, so the file and the COPY pass see the same rows.
        return Flux.<byte[], Cursor>generate(() -> new Cursor(new SplittableRandom(seed)), (state, sink) -> {
            SplittableRandom random = state.random;
            long from = state.next;
            if (from > scope.rows()) {
                sink.complete();
                return state;
            }
            StringBuilder b = new StringBuilder(256 * ROWS_PER_CHUNK);
            if (from == 0) {
                b.append(prefix(encoding, fields));
            }
            long to = Math.min(scope.rows(), from + ROWS_PER_CHUNK);
            for (long i = from; i < to; i++) {
                Object[] row = template.rows().row(random, i, scope);
                switch (encoding) {
                    case CSV -> csv(b, row);
                    case JSON -> json(b.append(i == 0 ? "\n" : ",\n"), fields, row);
                    case GEOJSON -> geo(b.append(i == 0 ? "\n" : ",\n"), fields, row);
                }
            }
            if (to == scope.rows()) {
                b.append(encoding == Encoding.CSV ? "" : encoding == Encoding.JSON ? "\n]\n" : "\n]}\n");
                state.next = to + 1;
            } else {
                state.next = to;
            }
            sink.next(b.toString().getBytes(StandardCharsets.UTF_8));
            return state;
        });
    }

    /** The rows as one XLSX workbook (for the smaller datasets only: the workbook is built in memory). */
    byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "OneStop", "1.0");
            Worksheet sheet = workbook.newWorksheet("data");
            List<DatastoreField> fields = template.fields();
            for (int c = 0; c < fields.size(); c++) {
                sheet.value(0, c, fields.get(c).id());
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (long i = 0; i < scope.rows(); i++) {
                Object[] row = template.rows().row(random, i, scope);
                for (int c = 0; c < row.length; c++) {
                    Object v = row[c];
                    int r = (int) i + 1;
                    if (v instanceof Long n) {
                        sheet.value(r, c, n);
                    } else if (v instanceof BigDecimal d) {
                        sheet.value(r, c, d);
                    } else {
                        sheet.value(r, c, text(v));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first and last value of the first date or time column: the dataset's temporal coverage. */
    LocalDate[] coverage() {
        int column = -1;
        for (int c = 0; c < template.fields().size() && column < 0; c++) {
            FieldType t = template.fields().get(c).type();
            column = t == FieldType.DATE || t == FieldType.TIMESTAMP ? c : -1;
        }
        if (column < 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate min = null;
        LocalDate max = null;
        // Rows are in time order for every template that has a date column first; scanning the
        // first and last thousand covers the generators that shuffle within a period.
        for (long i = 0; i < scope.rows(); i++) {
            Object[] row = template.rows().row(random, i, scope);
            if (i > 1_000 && i < scope.rows() - 1_000) {
                continue;
            }
            LocalDate d = row[column] instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) row[column];
            min = min == null || d.isBefore(min) ? d : min;
            max = max == null || d.isAfter(max) ? d : max;
        }
        return new LocalDate[] {min, max};
    }

    private static final class Cursor {
        final SplittableRandom random;
        long next;

        Cursor(SplittableRandom random) {
            this.random = random;
        }
    }

    private static String prefix(Encoding encoding, List<DatastoreField> fields) {
        return switch (encoding) {
            case CSV -> String.join(",", fields.stream().map(DatastoreField::id).toList()) + "\n";
            case JSON -> "[";
            case GEOJSON -> "{\"type\":\"FeatureCollection\",\"features\":[";
        };
    }

    private static void csv(StringBuilder b, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                b.append(',');
            }
            String s = text(row[c]);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        b.append('\n');
    }

    private static void json(StringBuilder b, List<DatastoreField> fields, Object[] row) {
        b.append('{');
        for (int c = 0; c < row.length; c++) {
            b.append(c == 0 ? "\"" : ",\"").append(fields.get(c).id()).append("\":");
            value(b, row[c]);
        }
        b.append('}');
    }

    private static void geo(StringBuilder b, List<DatastoreField> fields, Object[] row) {
        b.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
        int lon = index(fields, "longitude");
        int lat = index(fields, "latitude");
        b.append(text(row[lon])).append(',').append(text(row[lat])).append("]},\"properties\":{");
        boolean first = true;
        for (int c = 0; c < row.length; c++) {
            if (c == lon || c == lat) {
                continue;
            }
            b.append(first ? "\"" : ",\"").append(fields.get(c).id()).append("\":");
            value(b, row[c]);
            first = false;
        }
        b.append("}}");
    }

    private static int index(List<DatastoreField> fields, String id) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static void value(StringBuilder b, Object v) {
        if (v instanceof Long || v instanceof BigDecimal) {
            b.append(text(v));
            return;
        }
        b.append('"');
        for (char ch : text(v).toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }

    static String text(Object v) {
        return switch (v) {
            case BigDecimal d -> d.toPlainString();
            case LocalDateTime t -> TIMESTAMP.format(t);
            default -> String.valueOf(v);
        };
    }
}
