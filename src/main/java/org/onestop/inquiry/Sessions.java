package org.onestop.inquiry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.account.AccountDirectory;
import org.onestop.account.Departments;
import org.onestop.account.StaffCard;
import org.onestop.live.LivePublisher;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Scheduling sessions and moving them from scheduled to live to ended. */
@Service
class Sessions {

    private static final Set<String> STATUSES = Set.of("scheduled", "live", "ended");

    private final SessionStore store;
    private final SessionRoles roles;
    private final Departments departments;
    private final AccountDirectory accounts;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final Clock clock;
    private final QuestionStore questions;
    private final FollowUps followUps;

    Sessions(SessionStore store, SessionRoles roles, Departments departments, AccountDirectory accounts,
            LivePublisher live, AuditTrail audit, Clock clock, QuestionStore questions, FollowUps followUps) {
        this.questions = questions;
        this.followUps = followUps;
        this.store = store;
        this.roles = roles;
        this.departments = departments;
        this.accounts = accounts;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<InquiryViews.Session> create(SessionRequest r, PortalUser creator) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = PlainText.clean(r.title());
        String description = PlainText.clean(r.description()) == null ? "" : PlainText.clean(r.description());
        if (title == null || PlainText.length(title) < 2 || PlainText.length(title) > 100 || PlainText.hasHiddenCharacters(title, false)) {
            problems.add(FieldProblem.of("title", "size", 2, 100));
        }
        if (PlainText.length(description) > 2000 || PlainText.hasHiddenCharacters(description, true)) {
            problems.add(FieldProblem.of("description", "size", 0, 2000));
        }
        if (r.departmentId() == null) {
            problems.add(FieldProblem.of("departmentId", "required"));
        }
        if (r.startsAt() == null || r.endsAt() == null) {
            problems.add(FieldProblem.of(r.startsAt() == null ? "startsAt" : "endsAt", "required"));
        } else if (!r.endsAt().isAfter(r.startsAt())) {
            problems.add(FieldProblem.of("endsAt", "time_order"));
        } else if (Duration.between(r.startsAt(), r.endsAt()).compareTo(Duration.ofHours(12)) > 0) {
            problems.add(FieldProblem.of("endsAt", "duration"));
        }
        if (r.officialIds() == null || r.officialIds().isEmpty() || r.officialIds().size() > 20) {
            problems.add(FieldProblem.of("officialIds", "required"));
        }
        if (r.moderatorIds() != null && r.moderatorIds().size() > 20) {
            problems.add(FieldProblem.of("moderatorIds", "invalid"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        Set<Long> moderatorIds = new LinkedHashSet<>(r.moderatorIds() == null ? List.of() : r.moderatorIds());
        if (creator.has(Role.MODERATOR)) {
            moderatorIds.add(creator.id());
        }
        Mono<Void> departmentExists = departments.byId(r.departmentId())
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("departmentId", "unknown_department"))).then();
        Mono<List<SessionStore.Staff>> staff = staffOf(r.officialIds(), "officialIds", Role.OFFICIAL, "official")
                .concatWith(staffOf(moderatorIds, "moderatorIds", Role.MODERATOR, "moderator"))
                .collectList();
        return departmentExists.then(staff).flatMap(members -> live.write(events ->
                store.insert(title, description, r.departmentId(), r.startsAt(), r.endsAt(), creator.id(), clock.instant())
                        .flatMap(id -> Flux.fromIterable(members).concatMap(m -> store.insertStaff(id, m)).then(Mono.just(id)))
                        .flatMap(id -> audit.record(creator.id(), "inquiry.session.created", "inquiry_session", id,
                                Map.of("title", title)).thenReturn(id))
                        .flatMap(this::view)
                        .flatMap(view -> events.append(InquiryTopics.of(view.id()), "session.updated", view).thenReturn(view))));
    }

    private Flux<SessionStore.Staff> staffOf(java.util.Collection<Long> ids, String field, Role role, String code) {
        return accounts.cards(ids)
                .collectList()
                .flatMapMany(cards -> {
                    if (cards.size() != new LinkedHashSet<>(ids).size() || !cards.stream().allMatch(c -> c.has(role))) {
                        return Flux.error(ProblemException.invalid(field, "not_staff", code));
                    }
                    return Flux.fromIterable(cards).map(c -> staff(c, code));
                });
    }

    private static SessionStore.Staff staff(StaffCard c, String role) {
        return new SessionStore.Staff(c.id(), role, c.displayName(), c.jobTitle(), c.departmentName());
    }

    Mono<InquiryViews.Session> get(long id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("session", id))).flatMap(this::view);
    }

    Mono<InquiryViews.Session> view(long id) {
        return store.find(id).flatMap(this::view);
    }

    Mono<InquiryViews.Session> view(SessionStore.Row row) {
        return Mono.zip(departments.byId(row.departmentId()), store.staff(row.id()).collectList())
                .map(t -> new InquiryViews.Session(row.id(), row.title(), row.description(), t.getT1().nameZh(),
                        t.getT1().nameEn(), row.departmentId(), row.status(), row.startsAt(), row.endsAt(),
                        t.getT2().stream().filter(s -> s.role().equals("official"))
                                .map(s -> new InquiryViews.Official(s.userId(), s.displayName(), s.jobTitle())).toList(),
                        t.getT2().stream().filter(s -> s.role().equals("moderator"))
                                .map(s -> new InquiryViews.Person(s.userId(), s.displayName())).toList()));
    }

    Mono<PageResponse<InquiryViews.Session>> list(String status, Long departmentId, PageQuery page) {
        if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
            return Mono.error(ProblemException.invalid("status", "invalid"));
        }
        String s = status == null || status.isEmpty() ? null : status;
        return store.page(s, departmentId, page.offset(), page.size())
                .concatMap(this::view)
                .collectList()
                .zipWith(store.count(s, departmentId), (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
    }

    Mono<InquiryViews.Session> start(long id, PortalUser user) {
        return transition(id, user, "scheduled", "live", "inquiry.session.started");
    }

    /** Most questions a moderator may turn into mailbox cases when ending a session. */
    static final int MAX_FOLLOW_UPS = 200;

    /**
     * Ends a live session. The questions in {@code followUp} (approved, of this session, left
     * unanswered) become mailbox cases in the same transaction; a wrong choice refuses the whole
     * request and the session stays live.
     */
    Mono<InquiryViews.Session> end(long id, List<Long> followUp, PortalUser user) {
        List<Long> chosen = followUp == null ? List.of() : followUp;
        // List.of() refuses contains(null): look for nulls by streaming.
        if (chosen.size() > MAX_FOLLOW_UPS || chosen.stream().anyMatch(java.util.Objects::isNull)
                || new java.util.HashSet<>(chosen).size() != chosen.size()) {
            return Mono.error(ProblemException.invalid("followUp", "followup_choice", MAX_FOLLOW_UPS));
        }
        return roles.requireModerator(id, user).then(live.write(events -> store.lock(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("session", id)))
                .flatMap(row -> !row.status().equals("live") ? Mono.error(ProblemException.state("session_status"))
                        : chosenUnanswered(id, chosen).flatMap(questions -> followUps.open(row, questions, user, events)))
                .then(Mono.defer(() -> store.setStatus(id, "ended", clock.instant())))
                .then(audit.record(user.id(), "inquiry.session.ended", "inquiry_session", id, Map.of("followUp", chosen)))
                .then(Mono.defer(() -> view(id)))
                .flatMap(view -> events.append(InquiryTopics.of(id), "session.updated", view).thenReturn(view))));
    }

    /** The chosen questions, locked, in the order chosen; each must be an approved, unanswered question of the session. */
    private Mono<List<QuestionStore.Row>> chosenUnanswered(long sessionId, List<Long> chosen) {
        if (chosen.isEmpty()) {
            return Mono.just(List.of());
        }
        return questions.lockAll(chosen).collectMap(QuestionStore.Row::id)
                .zipWith(questions.answersOf(chosen).map(QuestionStore.AnswerRow::questionId).collect(java.util.stream.Collectors.toSet()))
                .flatMap(t -> {
                    for (int i = 0; i < chosen.size(); i++) {
                        QuestionStore.Row q = t.getT1().get(chosen.get(i));
                        if (q == null || q.sessionId() != sessionId || !q.status().equals("approved") || t.getT2().contains(q.id())) {
                            return Mono.error(ProblemException.invalid("followUp[" + i + "]", "followup_question"));
                        }
                    }
                    return Mono.just(chosen.stream().map(t.getT1()::get).toList());
                });
    }

    private Mono<InquiryViews.Session> transition(long id, PortalUser user, String from, String to, String action) {
        return roles.requireModerator(id, user).then(live.write(events -> store.lock(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("session", id)))
                .flatMap(row -> row.status().equals(from) ? store.setStatus(id, to, clock.instant())
                        : Mono.error(ProblemException.state("session_status")))
                .then(audit.record(user.id(), action, "inquiry_session", id, Map.of()))
                .then(Mono.defer(() -> view(id)))
                .flatMap(view -> events.append(InquiryTopics.of(id), "session.updated", view).thenReturn(view))));
    }
}
