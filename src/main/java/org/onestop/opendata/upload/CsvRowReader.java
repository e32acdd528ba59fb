package org.onestop.opendata.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas,
 * line breaks and doubled quotes), lines ending in CRLF or LF. The text must be UTF-8: a byte
 * sequence that is not fails with {@link java.nio.charset.MalformedInputException} instead of
 * being turned into replacement characters, so a GBK file is refused rather than garbled. A
 * leading byte-order mark is skipped; blank lines are skipped.
 */
final class CsvRowReader implements RowReader {

    /** A quote opened inside a field, or text after a closing quote: the file is not CSV. */
    static class Malformed extends IOException {
        final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** A field longer than the reader allows: refused before it can fill memory. */
    static final class TooLong extends Malformed {
        TooLong(long line) {
            super(line, "a field is too long");
        }
    }

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int length;
    private int at;
    private long line = 1;
    private long rowLine;
    private boolean started;
    private final int maxCell;

    CsvRowReader(InputStream bytes, int maxCell) {
        this.in = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxCell = maxCell;
    }

    @Override
    public List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                at++;
            }
        }
        while (true) {
            int c = peek();
            if (c < 0) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine();
                continue;
            }
            rowLine = line;
            return row();
        }
    }

    @Override
    public long position() {
        return rowLine;
    }

    private List<String> row() throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (true) {
            int c = peek();
            if (c == '"' && cell.isEmpty()) {
                at++;
                quoted(cell);
                c = peek();
                if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    throw new Malformed(line, "text after a closing quote");
                }
            } else if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                if (c == '"') {
                    throw new Malformed(line, "a quote inside an unquoted field");
                }
                at++;
                append(cell, (char) c);
                continue;
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (c == ',') {
                at++;
                continue;
            }
            if (c >= 0) {
                endOfLine();
            }
            return cells;
        }
    }

    private void quoted(StringBuilder cell) throws IOException {
        long opened = line;
        while (true) {
            int c = peek();
            if (c < 0) {
                throw new Malformed(opened, "a quoted field is never closed");
            }
            at++;
            if (c == '"') {
                if (peek() == '"') {
                    at++;
                    append(cell, '"');
                } else {
                    return;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                append(cell, (char) c);
            }
        }
    }

    private void append(StringBuilder cell, char c) throws Malformed {
        if (cell.length() >= maxCell) {
            throw new TooLong(line);
        }
        cell.append(c);
    }

    private void endOfLine() throws IOException {
        if (peek() == '\r') {
            at++;
        }
        if (peek() == '\n') {
            at++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (at == length) {
            length = in.read(buffer);
            at = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[at];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
