package org.onestop.disclosure;

import java.time.LocalDate;

/**
 * A document made by the demo generator or written by a test, ready for {@link BulkLoader}.
 * {@code ordinal} numbers the documents of one load from 0; {@code relatedOrdinal} (or -1) links
 * to an earlier document of the same load. {@code bodyText} is plain paragraphs, one per line.
 */
record GeneratedDocument(int ordinal, long departmentId, String departmentCode, String categoryCode, String title,
        String docNumber, String topic, LocalDate publishedOn, String validity, String bodyText, int relatedOrdinal) {
}
