package org.onestop.opendata.upload;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first worksheet of an XLSX workbook as text rows, streaming its XML. Numbers are
 * written plainly (no exponent); cells formatted as dates, which XLSX stores as day numbers, are
 * written as ISO dates (or date-times when they carry a time), so they load as the dates they show.
 * Empty rows are skipped; missing cells are empty.
 */
final class XlsxRowReader implements RowReader {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private long position;

    XlsxRowReader(File file) throws IOException {
        // Cell formats are read so that day numbers formatted as dates can be told from plain numbers.
        this.workbook = new ReadableWorkbook(file, new ReadingOptions(true, false));
        try {
            this.rows = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
        this.iterator = rows.iterator();
    }

    @Override
    public List<String> next() throws IOException {
        try {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                boolean blank = true;
                for (int i = 0; i < row.getCellCount(); i++) {
                    String text = text(row.hasCell(i) ? row.getCell(i) : null);
                    blank &= text.isEmpty();
                    cells.add(text);
                }
                if (!blank) {
                    position = row.getRowNum();
                    while (!cells.isEmpty() && cells.getLast().isEmpty()) {
                        cells.removeLast();
                    }
                    return cells;
                }
            }
            return null;
        } catch (RuntimeException e) {
            // The reader reports broken XML and zip entries as unchecked exceptions.
            throw new IOException("not a readable XLSX worksheet: " + e.getMessage(), e);
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDate(cell.getDataFormatString()) ? date(cell.asDate()) : plain(cell.asNumber());
            case STRING -> cell.asString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case ERROR, EMPTY -> "";
        };
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.scale() > 0 ? n.stripTrailingZeros().toPlainString() : n.toPlainString();
    }

    private static String date(LocalDateTime t) {
        if (t == null) {
            return "";
        }
        return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
    }

    /** Whether a number format shows a date or time: it has y, d, h or s outside quotes and brackets. */
    static boolean isDate(String format) {
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(java.util.Locale.ROOT);
        return bare.matches(".*[ydhs].*");
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }
}
