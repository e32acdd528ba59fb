package org.onestop.disclosure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Publishing, revising and withdrawing documents, and reading them. Officials act only on their
 * own department's documents; a withdrawn document is gone for the public but stays readable by
 * that department's officials.
 */
@Service
class Documents {

    static final Set<String> VALIDITIES = Set.of("valid", "expired", "repealed");

    private final DocumentStore store;
    private final DocumentAttachmentStore attachments;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    Documents(DocumentStore store, DocumentAttachmentStore attachments, ReferenceData reference, AuditTrail audit,
            TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.attachments = attachments;
        this.reference = reference;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<DisclosureViews.Document> publish(DocumentRequest request, PortalUser user) {
        if (!user.has(Role.OFFICIAL) || user.departmentId() == null) {
            return Mono.error(ProblemException.forbidden());
        }
        long department = user.departmentId();
        return content(request, null).flatMap(c -> reference.get().flatMap(ref -> store
                .nextSerial(department, c.publishedOn().getYear())
                .map(serial -> "%s/%d-%06d".formatted(ref.departments().get(department).code(), c.publishedOn().getYear(), serial))
                .flatMap(index -> store.insert(index, department, c, user.id(), clock.instant()))
                .flatMap(id -> store.replaceRelated(id, related(request))
                        .then(audit.record(user.id(), "disclosure.document.published", "disclosure_document", id,
                                Map.of("title", c.title())))
                        .thenReturn(id))
                .as(tx::transactional)))
                .flatMap(id -> view(id, user));
    }

    Mono<DisclosureViews.Document> revise(long id, DocumentRequest request, PortalUser user) {
        return owned(id, user)
                .then(content(request, id))
                .flatMap(c -> store.lock(id)
                        .flatMap(row -> !row.status().equals("published") ? Mono.error(ProblemException.state("document_status"))
                                : store.keepCurrentVersion(id)
                                        .then(store.revise(id, c, user.id(), clock.instant()))
                                        .then(store.replaceRelated(id, related(request)))
                                        .then(audit.record(user.id(), "disclosure.document.revised", "disclosure_document", id,
                                                Map.of("version", row.version() + 1, "title", c.title()))))
                        .as(tx::transactional))
                .then(Mono.defer(() -> view(id, user)));
    }

    Mono<DisclosureViews.Document> withdraw(long id, String reason, PortalUser user) {
        String why = PlainText.clean(reason);
        if (why != null && (PlainText.length(why) > 500 || PlainText.hasHiddenCharacters(why, true))) {
            return Mono.error(ProblemException.invalid("reason", "size", 0, 500));
        }
        return owned(id, user)
                .then(store.lock(id)
                        .flatMap(row -> !row.status().equals("published") ? Mono.error(ProblemException.state("document_status"))
                                : store.withdraw(id, why == null || why.isEmpty() ? null : why, user.id(), clock.instant())
                                        .then(audit.record(user.id(), "disclosure.document.withdrawn", "disclosure_document", id,
                                                Map.of("reason", why == null ? "" : why))))
                        .as(tx::transactional))
                .then(Mono.defer(() -> view(id, user)));
    }

    /** A document as the caller may see it: withdrawn ones only for officials of its department. */
    Mono<DisclosureViews.Document> get(long id, PortalUser user) {
        return visible(id, user).flatMap(row -> view(row, canManage(row, user)));
    }

    Mono<DisclosureViews.Version> version(long id, int version, PortalUser user) {
        return visible(id, user).flatMap(row -> Mono.zip(reference.get(), attachmentsOf(id, version)).flatMap(t -> {
            ReferenceData.Snapshot ref = t.getT1();
            if (version == row.version()) {
                return Mono.just(new DisclosureViews.Version(id, row.version(), row.title(), ref.category(row.categoryId()),
                        row.docNumber(), row.topic(), row.publishedOn(), row.validity(), row.body(), row.updatedAt(), true,
                        t.getT2()));
            }
            return store.version(id, version)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("version", version)))
                    .map(v -> new DisclosureViews.Version(id, v.version(), v.title(), ref.category(v.categoryId()),
                            v.docNumber(), v.topic(), v.publishedOn(), v.validity(), v.body(), v.savedAt(), false, t.getT2()));
        }));
    }

    private Mono<List<DisclosureViews.Attachment>> attachmentsOf(long id, int version) {
        return attachments.ofVersion(id, version).map(DocumentAttachmentStore.Attachment::view).collectList();
    }

    /** The document if the caller may read it (published, or withdrawn and theirs); 404 otherwise. */
    Mono<DocumentStore.Row> visible(long id, PortalUser user) {
        return store.find(id)
                .filter(row -> row.status().equals("published") || canManage(row, user))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("document", id)));
    }

    /** The document exists (404 otherwise) and belongs to the official's department (403 otherwise). */
    Mono<DocumentStore.Row> owned(long id, PortalUser user) {
        return store.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("document", id)))
                .flatMap(row -> canManage(row, user) ? Mono.just(row) : Mono.error(ProblemException.forbidden()));
    }

    static boolean canManage(DocumentStore.Row row, PortalUser user) {
        return user != null && user.has(Role.OFFICIAL) && user.departmentId() != null
                && user.departmentId() == row.departmentId();
    }

    private Mono<DisclosureViews.Document> view(long id, PortalUser user) {
        return store.find(id).flatMap(row -> view(row, canManage(row, user)));
    }

    private Mono<DisclosureViews.Document> view(DocumentStore.Row row, boolean manager) {
        return Mono.zip(reference.get(), store.related(row.id(), manager).collectList(), store.versions(row.id()).collectList(),
                        attachments.current(row.id()).map(DocumentAttachmentStore.Attachment::view).collectList())
                .map(t -> {
                    List<DisclosureViews.VersionSummary> versions = new ArrayList<>();
                    t.getT3().forEach(v -> versions.add(new DisclosureViews.VersionSummary(v.version(), v.title(), v.savedAt(), false)));
                    versions.add(new DisclosureViews.VersionSummary(row.version(), row.title(), row.updatedAt(), true));
                    return new DisclosureViews.Document(row.id(), row.indexNumber(), row.title(),
                            t.getT1().department(row.departmentId()), t.getT1().category(row.categoryId()), row.docNumber(),
                            row.topic(), row.publishedOn(), row.validity(), row.body(), row.status(), row.withdrawReason(),
                            row.version(), row.updatedAt(), t.getT2(), t.getT4(), versions);
                });
    }

    private static List<Long> related(DocumentRequest request) {
        return request.relatedIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.relatedIds()));
    }

    /** Validates and cleans what an official wrote; {@code self} is the document being revised, if any. */
    private Mono<DocumentStore.Content> content(DocumentRequest r, Long self) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = PlainText.clean(r.title());
        if (title == null || PlainText.length(title) < 2 || PlainText.length(title) > 300 || PlainText.hasHiddenCharacters(title, false)) {
            problems.add(FieldProblem.of("title", "size", 2, 300));
        }
        String number = blankToNull(PlainText.clean(r.docNumber()));
        if (number != null && (PlainText.length(number) > 64 || PlainText.hasHiddenCharacters(number, false))) {
            problems.add(FieldProblem.of("docNumber", "size", 0, 64));
        }
        String topic = blankToNull(PlainText.clean(r.topic()));
        if (topic != null && (PlainText.length(topic) > 100 || PlainText.hasHiddenCharacters(topic, false))) {
            problems.add(FieldProblem.of("topic", "size", 0, 100));
        }
        if (r.publishedOn() == null) {
            problems.add(FieldProblem.of("publishedOn", "required"));
        } else if (r.publishedOn().getYear() < 1949 || r.publishedOn().isAfter(org.onestop.platform.CityTime.today(clock).plusYears(1))) {
            problems.add(FieldProblem.of("publishedOn", "range"));
        }
        String validity = r.validity() == null ? "valid" : r.validity();
        if (!VALIDITIES.contains(validity)) {
            problems.add(FieldProblem.of("validity", "validity"));
        }
        RichText.Sanitized body = RichText.sanitize(r.body());
        if (body.text().isEmpty()) {
            problems.add(FieldProblem.of("body", "required"));
        }
        List<Long> related = related(r);
        if (related.size() > 20 || related.stream().anyMatch(id -> id == null || id.equals(self))) {
            problems.add(FieldProblem.of("relatedIds", "related_unknown"));
        }
        if (r.category() == null || r.category().isBlank()) {
            problems.add(FieldProblem.of("category", "required"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        Mono<Void> relatedExist = related.isEmpty() ? Mono.empty() : store.countPublished(related)
                .flatMap(n -> n == related.size() ? Mono.<Void>empty()
                        : Mono.error(ProblemException.invalid("relatedIds", "related_unknown")));
        return relatedExist.then(reference.get()).flatMap(ref -> {
            ReferenceData.Category category = ref.category(r.category());
            if (category == null) {
                return Mono.error(ProblemException.invalid("category", "unknown_category"));
            }
            return Mono.just(new DocumentStore.Content(category.id(), title, number, topic, r.publishedOn(), validity,
                    body.html(), body.text()));
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
