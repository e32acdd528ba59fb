package org.onestop.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserTopicPolicy;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How every step of a case is taken: the letter is locked, the step checks who acts and the
 * case's state, changes it, adds its timeline entries and the writer's {@code letter.status}
 * events, and the audit entry is written, all in one transaction; the events are published after
 * the commit.
 */
@Component
class CaseSteps {

    private final LetterStore letters;
    private final CaseStore cases;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final WorkingDays workingDays;
    private final Deadlines deadlines;
    private final Clock clock;

    CaseSteps(LetterStore letters, CaseStore cases, LivePublisher live, AuditTrail audit, WorkingDays workingDays,
            Deadlines deadlines, Clock clock) {
        this.letters = letters;
        this.cases = cases;
        this.live = live;
        this.audit = audit;
        this.workingDays = workingDays;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** What a step sees while the case is locked: the case, its co-handlers, the time and the calendar. */
    record Context(Letter letter, List<Long> cohandlers, LivePublisher.Events events, Instant now, WorkingCalendar calendar) {

        LocalDate today() {
            return now.atZone(CityTime.ZONE).toLocalDate();
        }
    }

    interface Action {
        Mono<Void> apply(Context context);
    }

    /**
     * Takes a step on the case and returns the case after it. {@code actor} null is the portal
     * itself (closing a case whose rating window ran out).
     */
    Mono<Letter> run(long id, PortalUser actor, String auditAction, Map<String, ?> detail, Action action) {
        return workingDays.calendar().flatMap(calendar -> live.write(events -> letters.lock(id)
                .switchIfEmpty(Mono.error(() -> CaseAccess.notFound(id)))
                .flatMap(letter -> cases.cohandlerList(id).flatMap(cohandlers -> action.apply(new Context(letter, cohandlers,
                        events, clock.instant().truncatedTo(ChronoUnit.MICROS), calendar))))
                .then(Mono.defer(() -> audit.record(actor == null ? null : actor.id(), auditAction, "mailbox_letter", id, detail)))
                .then(letters.find(id))));
    }

    /** The case, for staff who may see it (403 for non-staff, 404 for staff who may not). */
    Mono<Letter> visible(long id, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            return letters.find(id).switchIfEmpty(Mono.error(() -> CaseAccess.notFound(id)))
                    .flatMap(l -> cases.cohandlerList(id).map(cohandlers -> {
                        CaseAccess.require(l, cohandlers, user, true);
                        return l;
                    }));
        });
    }

    /** A public entry on the timeline, and the writer told of the case's new status. */
    Mono<Void> publicEntry(Context c, Status status, String type, String text, String note, Long departmentId, PortalUser actor) {
        Letter l = c.letter();
        return cases.add(new CaseStore.NewEntry(l.id(), type, true, text, note, departmentId, actor == null ? null : actor.id(),
                        actor == null ? null : actor.displayName(), c.now()))
                .then(c.events().append(UserTopicPolicy.topicOf(l.writerId()), "letter.status",
                        new MailboxViews.LetterStatus(l.id(), l.trackingNumber(), status.code(), type, c.now())))
                .then();
    }

    /** An entry for staff only. */
    Mono<Void> internalEntry(Context c, String type, String note, Long departmentId, PortalUser actor) {
        return cases.add(new CaseStore.NewEntry(c.letter().id(), type, false, null, note, departmentId, actor.id(),
                actor.displayName(), c.now())).then();
    }

    /**
     * The due date of a step of this case started today. A letter's step gets its full period from
     * the day the case reaches it. A petition's clock is statutory: acceptance is due a period
     * after receipt, whoever triages it, and conclusion a period after acceptance, so dispatching
     * or transferring an accepted petition keeps the due date it has.
     */
    LocalDate due(Context c, Step step) {
        Letter l = c.letter();
        if (!l.isPetition()) {
            return deadlines.due(c.calendar(), Channel.MAILBOX, step, l.kind(), c.today());
        }
        if (step == Step.ACCEPT) {
            return deadlines.due(c.calendar(), Channel.PETITION, step, l.kind(), WorkingCalendar.receivedOn(l.receivedAt()));
        }
        boolean concluding = (l.step() == Step.DISPATCH || l.step() == Step.REPLY) && l.dueOn() != null;
        return concluding ? l.dueOn() : deadlines.due(c.calendar(), Channel.PETITION, step, l.kind(), c.today());
    }

    /** The reply step's due date when the writer reopens the case today. */
    LocalDate reopenedDue(Context c) {
        return deadlines.reopenedDue(c.calendar(), c.letter().channelOf(), c.letter().kind(), c.today());
    }

    /** Days the current step has left as its channel counts them (none when overdue). */
    int daysLeft(Context c) {
        return deadlines.daysLeft(c.calendar(), c.letter().channelOf(), c.letter().dueOn(), c.today());
    }

    /** The due date of the paused step resumed today with the days it kept. */
    LocalDate resumed(Context c, int daysLeft) {
        return deadlines.resume(c.calendar(), c.letter().channelOf(), c.today(), daysLeft);
    }
}
