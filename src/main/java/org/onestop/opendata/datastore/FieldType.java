package org.onestop.opendata.datastore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The column types of the datastore, named as CKAN names them, with the PostgreSQL type and the
 * parser that turns a filter value into a typed bind parameter (or refuses it).
 */
public enum FieldType {
    TEXT("text", "text"),
    INT("int", "bigint"),
    NUMERIC("numeric", "numeric"),
    DATE("date", "date"),
    TIMESTAMP("timestamp", "timestamp");

    private final String ckan;
    private final String sql;

    FieldType(String ckan, String sql) {
        this.ckan = ckan;
        this.sql = sql;
    }

    public String ckan() {
        return ckan;
    }

    public String sql() {
        return sql;
    }

    /** The value as a bind parameter of this type, or null when it cannot be one. */
    public Object parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (this) {
                case TEXT -> value;
                case INT -> Long.valueOf(value.trim());
                case NUMERIC -> new BigDecimal(value.trim());
                case DATE -> LocalDate.parse(value.trim());
                case TIMESTAMP -> LocalDateTime.parse(value.trim().replace(' ', 'T'));
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    public static FieldType fromCkan(String name) {
        for (FieldType t : values()) {
            if (t.ckan.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
