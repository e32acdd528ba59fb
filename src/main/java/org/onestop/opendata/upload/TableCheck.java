package org.onestop.opendata.upload;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.onestop.opendata.datastore.DatastoreField;
import org.onestop.opendata.datastore.FieldType;
import org.onestop.web.ProblemException;

/**
 * The first pass over a tabular file: the header names the columns, every row must have as many
 * cells, no cell may hold a NUL (PostgreSQL text cannot), and the whole file is read to infer each
 * column's type. The first problem found is reported with its line, in the uploader's terms. In a
 * large table, the columns callers filter on (categories with few distinct values, and dates) are
 * marked for an index.
 *
 * <p>Column ids are the header lower-cased when it is already a plain identifier ({@code name},
 * {@code district_code}); otherwise ({@code 区县}, {@code 2024年}) {@code col_1}, {@code col_2}…,
 * with the header kept as the label. Ids therefore never carry the uploader's text into SQL.
 */
final class TableCheck {

    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final int MAX_LABEL = 100;
    /** Below this many rows a scan is as quick as an index, and loading stays quick. */
    static final long INDEXED_FROM_ROWS = 10_000;
    /** Each index costs a few seconds on a million rows: the first few categories and dates only. */
    static final int MAX_INDEXES = 4;

    private TableCheck() {
    }

    /**
     * Reads every row. {@code padShortRows}: XLSX omits trailing empty cells, so shorter rows are
     * padded there; in CSV a short row is an error.
     */
    static TableShape check(RowReader reader, int maxColumns, long maxRows, int maxCell, boolean padShortRows) throws IOException {
        List<String> header = read(reader, maxCell);
        if (header == null) {
            throw problem("opendata_table_empty");
        }
        List<DatastoreField> names = header(header, maxColumns);
        List<ColumnTypes> types = names.stream().map(f -> new ColumnTypes()).toList();
        long rows = 0;
        for (List<String> row = read(reader, maxCell); row != null; row = read(reader, maxCell)) {
            if (++rows > maxRows) {
                throw problem("opendata_table_rows", maxRows);
            }
            if (row.size() > names.size() || row.size() < names.size() && !padShortRows) {
                throw problem("opendata_table_width", reader.position(), names.size(), row.size());
            }
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                if (cell.indexOf('\0') >= 0) {
                    throw problem("opendata_table_nul", reader.position());
                }
                if (cell.length() > maxCell) {
                    throw problem("opendata_table_cell", reader.position(), maxCell);
                }
                types.get(i).accept(cell);
            }
        }
        List<DatastoreField> fields = new ArrayList<>();
        List<String> indexed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            FieldType type = types.get(i).type();
            fields.add(new DatastoreField(names.get(i).id(), type, names.get(i).label()));
            boolean filtered = types.get(i).categorical() || type == FieldType.DATE || type == FieldType.TIMESTAMP;
            if (rows >= INDEXED_FROM_ROWS && filtered && indexed.size() < MAX_INDEXES) {
                indexed.add(names.get(i).id());
            }
        }
        return new TableShape(List.copyOf(fields), rows, List.copyOf(indexed));
    }

    private static List<DatastoreField> header(List<String> header, int maxColumns) {
        if (header.size() > maxColumns) {
            throw problem("opendata_table_columns", maxColumns);
        }
        Set<String> labels = new HashSet<>();
        Set<String> ids = new HashSet<>();
        List<DatastoreField> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String label = header.get(i).strip();
            if (label.isEmpty() || label.length() > MAX_LABEL || label.indexOf('\0') >= 0) {
                throw problem("opendata_table_header", i + 1, MAX_LABEL);
            }
            if (!labels.add(label)) {
                throw problem("opendata_table_duplicate", label);
            }
            String plain = label.toLowerCase(Locale.ROOT);
            String id = PLAIN.matcher(plain).matches() && !plain.startsWith("col_") && ids.add(plain) ? plain : "col_" + (i + 1);
            ids.add(id);
            out.add(new DatastoreField(id, null, label));
        }
        return out;
    }

    private static List<String> read(RowReader reader, int maxCell) throws IOException {
        try {
            return reader.next();
        } catch (CsvRowReader.TooLong e) {
            throw problem("opendata_table_cell", e.line, maxCell);
        } catch (CsvRowReader.Malformed e) {
            throw problem("opendata_table_malformed", e.line, e.getMessage());
        } catch (CharacterCodingException e) {
            throw problem("opendata_table_encoding");
        }
    }

    static ProblemException problem(String code, Object... args) {
        return ProblemException.invalid("file", code, args);
    }
}
