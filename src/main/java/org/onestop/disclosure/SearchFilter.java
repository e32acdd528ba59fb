package org.onestop.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * Validated search and catalogue filters; a null field does not filter. {@code from} and
 * {@code to} already include the year filter. {@code tsquery} is built by {@link org.onestop.platform.search.TextQuery}.
 */
record SearchFilter(Long departmentId, List<Long> categoryIds, String validity, LocalDate from, LocalDate to,
        String tsquery, String numberKey) {
}
