package org.onestop.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the disclosure API. Bodies and snippets are HTML the portal made safe. */
final class DisclosureViews {

    private DisclosureViews() {
    }

    record Named(long id, String code, String name, String nameEn) {
    }

    record Related(long id, String indexNumber, String title) {
    }

    record VersionSummary(int version, String title, Instant savedAt, boolean current) {
    }

    /** A file attached to a document: {@code size} in bytes, {@code contentType} as checked from its content. */
    record Attachment(long id, String name, long size, String contentType, String href) {
    }

    /** A document with its related documents, its attachments and the list of its versions (the newest last). */
    record Document(long id, String indexNumber, String title, Named department, Named category, String docNumber,
            String topic, LocalDate publishedOn, String validity, String body, String status, String withdrawReason,
            int version, Instant updatedAt, List<Related> related, List<Attachment> attachments,
            List<VersionSummary> versions) {
    }

    /** One version as it was published, with the attachments it had; {@code current} when it is the document as it stands. */
    record Version(long documentId, int version, String title, Named category, String docNumber, String topic,
            LocalDate publishedOn, String validity, String body, Instant savedAt, boolean current,
            List<Attachment> attachments) {
    }

    /** A search hit: {@code titleHighlighted} and {@code snippet} are escaped HTML with {@code <mark>} around matches. */
    record Hit(long id, String indexNumber, String title, String titleHighlighted, String snippet, Named department,
            Named category, String docNumber, LocalDate publishedOn, String validity, boolean exactNumber) {
    }

    /**
     * A facet value with its count: {@code value} is what the filter takes back for years and
     * validity, and the id for departments and categories, whose filters also take {@code code}.
     */
    record FacetValue(String value, String code, String label, String labelEn, long count) {
    }

    record Facets(List<FacetValue> department, List<FacetValue> category, List<FacetValue> year,
            List<FacetValue> validity) {
    }

    record SearchResult(List<Hit> items, int page, int size, long total, Facets facets) {
    }

    record CatalogueItem(long id, String indexNumber, String title, Named department, Named category,
            String docNumber, LocalDate publishedOn, String validity) {
    }

    /** One page of a catalogue; {@code next} is the cursor of the following page, null on the last. */
    record CataloguePage(List<CatalogueItem> items, String next) {
    }

    record CategoryNode(long id, String code, String name, String nameEn, List<CategoryNode> children) {
    }

    record Guide(Named department, String body, Instant updatedAt) {
    }
}
