package org.onestop.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of publishing or revising a document. The issuing department is the official's own;
 * {@code category} is a category code; {@code body} is HTML, sanitised before it is stored.
 */
record DocumentRequest(String title, String category, String docNumber, String topic, LocalDate publishedOn,
        String validity, String body, List<Long> relatedIds) {
}
