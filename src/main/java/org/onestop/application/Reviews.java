package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.onestop.live.LivePublisher;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owning department's side: its queue by due date, and accept, request 补正, approve, reject
 * and issue the result. Each change locks the application, checks the state it starts from, and
 * commits with its timeline entry, audit entry and the applicant's notification.
 */
@Service
class Reviews {

    static final int MAX_NOTE = 1000;

    private final ApplicationStore store;
    private final ApplicationAccess access;
    private final ApplicationDetails details;
    private final StatusChanges changes;
    private final ResultDocument documents;
    private final LivePublisher live;
    private final JsonMapper json;
    private final Clock clock;

    Reviews(ApplicationStore store, ApplicationAccess access, ApplicationDetails details, StatusChanges changes,
            ResultDocument documents, LivePublisher live, JsonMapper json, Clock clock) {
        this.store = store;
        this.access = access;
        this.details = details;
        this.changes = changes;
        this.documents = documents;
        this.live = live;
        this.json = json;
        this.clock = clock;
    }

    Mono<PageResponse<ApplicationViews.Summary>> queue(PortalUser user, String status, PageQuery page) {
        if (!user.has(Role.OFFICIAL) || user.departmentId() == null) {
            return Mono.error(ProblemException.forbidden());
        }
        Status s = Applications.status(status);
        return Mono.zip(store.queue(user.departmentId(), s, page.offset(), page.size()).map(details::summary).collectList(),
                store.countQueue(user.departmentId(), s))
                .map(t -> new PageResponse<>(t.getT1(), page.page(), page.size(), t.getT2()));
    }

    Mono<ApplicationViews.Detail> accept(long id, ApplicationViews.ReviewRequest body, PortalUser user) {
        return change(id, user, Set.of(Status.SUBMITTED), Status.ACCEPTED, note(body == null ? null : body.note(), false, "note"),
                null);
    }

    Mono<ApplicationViews.Detail> approve(long id, ApplicationViews.ReviewRequest body, PortalUser user) {
        return change(id, user, Set.of(Status.ACCEPTED), Status.APPROVED, note(body == null ? null : body.note(), false, "note"),
                null);
    }

    Mono<ApplicationViews.Detail> reject(long id, ApplicationViews.ReviewRequest body, PortalUser user) {
        String reason = note(body == null ? null : body.reason(), true, "reason");
        return change(id, user, Set.of(Status.SUBMITTED, Status.ACCEPTED), Status.REJECTED, reason, null);
    }

    Mono<ApplicationViews.Detail> issueResult(long id, PortalUser user) {
        return change(id, user, Set.of(Status.APPROVED), Status.COMPLETED, null, null);
    }

    Mono<ApplicationViews.Detail> supplement(long id, ApplicationViews.ReviewRequest body, PortalUser user) {
        String note = note(body == null ? null : body.note(), true, "note");
        List<ApplicationViews.Missing> missing = body.missing() == null ? List.of() : body.missing();
        List<FieldProblem> problems = new ArrayList<>();
        if (missing.isEmpty() || missing.size() > 50) {
            problems.add(FieldProblem.of("missing", "application.missing"));
        }
        List<ApplicationViews.Missing> cleaned = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            ApplicationViews.Missing m = missing.get(i);
            String code = m == null ? null : PlainText.clean(m.code());
            if (m == null || !Set.of("material", "field").contains(m.kind()) || code == null || code.isEmpty()
                    || code.length() > 40) {
                problems.add(FieldProblem.of("missing[" + i + "]", "application.missing_item"));
            } else {
                String itemNote = m.note() == null ? null : PlainText.clean(m.note());
                if (itemNote != null && (PlainText.length(itemNote) > 200 || PlainText.hasHiddenCharacters(itemNote, false))) {
                    problems.add(FieldProblem.of("missing[" + i + "].note", "application.note", 200));
                }
                cleaned.add(new ApplicationViews.Missing(m.kind(), code, itemNote));
            }
        }
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        return change(id, user, Set.of(Status.SUBMITTED, Status.ACCEPTED), Status.SUPPLEMENT_REQUESTED, note,
                json.writeValueAsString(cleaned));
    }

    private Mono<ApplicationViews.Detail> change(long id, PortalUser user, Set<Status> from, Status to, String note,
            String missing) {
        return live.write(events -> access.asOfficial(access.lock(id, user), id).flatMap(row -> {
            if (!from.contains(row.status())) {
                return Mono.error(ProblemException.state("application.cannot_" + to.code()));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Mono<Void> update = to == Status.COMPLETED || to == Status.REJECTED
                    ? documents.render(row, to, note, user, now).flatMap(html -> store.result(id, to, html, now))
                    : store.status(id, to, missing == null ? "[]" : missing, now);
            return update.then(changes.record(events, row, row.number(), to, user, note, now));
        })).then(access.view(id, user)).flatMap(details::detail);
    }

    /** A note or reason as stored: plain text, at most {@value #MAX_NOTE} characters; required ones must be there. */
    static String note(String raw, boolean required, String field) {
        String note = PlainText.clean(raw);
        if (note == null || note.isEmpty()) {
            if (required) {
                throw ProblemException.invalid(field, "required");
            }
            return null;
        }
        if (PlainText.length(note) > MAX_NOTE || PlainText.hasHiddenCharacters(note, true)) {
            throw ProblemException.invalid(field, "application.note", MAX_NOTE);
        }
        return note;
    }
}
