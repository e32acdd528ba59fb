package org.onestop.opendata.upload;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.onestop.opendata.datastore.FieldType;

/**
 * Infers a column's type from every value in it: the narrowest type that all non-empty values fit,
 * among int, numeric, date and timestamp, else text. Numbers with leading zeros (area codes,
 * postcodes, ID numbers) stay text, as do integers too long for a bigint, so nothing a department
 * published changes when it is loaded. A column with no values at all is text.
 */
final class ColumnTypes {

    private static final Pattern INT = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern NUMERIC = Pattern.compile("-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?");

    /** At most this many distinct values make a column a category worth an index. */
    static final int CATEGORY_LIMIT = 1000;
    /** A value longer than this is free text, not a category. */
    static final int CATEGORY_LENGTH = 64;

    private boolean integer = true;
    private boolean numeric = true;
    private boolean date = true;
    private boolean timestamp = true;
    private boolean seen;
    // Distinct values, counted only up to a small bound: enough to tell a category (区县, 行业) from an identifier.
    private final Set<String> distinct = new HashSet<>();
    private boolean overflow;

    void accept(String value) {
        if (value.isEmpty()) {
            return;
        }
        seen = true;
        if (!overflow) {
            count(value);
        }
        if (integer && !INT.matcher(value).matches()) {
            integer = false;
        }
        if (numeric && !NUMERIC.matcher(value).matches()) {
            numeric = false;
        }
        if ((date || timestamp) && !isDate(value)) {
            date = false;
            timestamp = timestamp && isTimestamp(value);
        }
    }

    /**
     * Counts a distinct value until the column proves to be no category: more than the limit of
     * values, or one long enough to be free text. Then the set is dropped, so memory stays bounded
     * (at most 1,000 short values a column).
     */
    private void count(String value) {
        if (value.length() > CATEGORY_LENGTH || distinct.size() >= CATEGORY_LIMIT && !distinct.contains(value)) {
            overflow = true;
            distinct.clear();
        } else {
            distinct.add(value);
        }
    }

    /** Whether the column has values and no more than {@link #CATEGORY_LIMIT} distinct ones. */
    boolean categorical() {
        return seen && !overflow;
    }

    FieldType type() {
        if (!seen) {
            return FieldType.TEXT;
        }
        if (integer) {
            return FieldType.INT;
        }
        if (numeric) {
            return FieldType.NUMERIC;
        }
        if (date) {
            return FieldType.DATE;
        }
        return timestamp ? FieldType.TIMESTAMP : FieldType.TEXT;
    }

    private static boolean isDate(String value) {
        if (!DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isTimestamp(String value) {
        if (!TIMESTAMP.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDateTime.parse(value.replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
