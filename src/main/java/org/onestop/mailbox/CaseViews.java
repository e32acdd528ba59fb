package org.onestop.mailbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onestop.account.Department;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns stored letters into what the writer, a tracker and staff are shown. */
@Component
class CaseViews {

    private final MailboxDepartments departments;
    private final CaseStore cases;
    private final AttachmentStore attachments;
    private final Deadlines deadlines;
    private final WorkingDays workingDays;
    private final Clock clock;

    CaseViews(MailboxDepartments departments, CaseStore cases, AttachmentStore attachments, Deadlines deadlines,
            WorkingDays workingDays, Clock clock) {
        this.departments = departments;
        this.cases = cases;
        this.attachments = attachments;
        this.deadlines = deadlines;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    Mono<MailboxViews.WriterLetter> writer(Letter l, PortalUser writer) {
        return Mono.zip(departments.all(), publicTimeline(l.id()), attachmentsOf(l.id()), workingDays.calendar()).map(t -> {
            Map<Long, Department> d = t.getT1();
            List<String> allowed = CaseAccess.allowedWriterActions(l, writer, clock.instant());
            return new MailboxViews.WriterLetter(l.id(), l.trackingNumber(), l.channel(), mailbox(l, d), l.kind().code(),
                    l.title(), l.body(), l.petitionRequest(), l.location(), l.consentToPublish(), l.contactPreference(),
                    l.status().code(), l.receivedAt(), l.notAcceptedReason(), reply(l, d), rating(l),
                    l.status() == Status.REPLIED ? l.ratingDueAt() : null, allowed.contains(CaseAction.RATE.code()),
                    allowed.contains(CaseAction.REOPEN.code()), allowed.contains(CaseAction.SUPPLEMENT.code()), allowed,
                    clock(t.getT4(), l), t.getT3(), entries(t.getT2(), d));
        });
    }

    Mono<MailboxViews.Tracked> tracked(Letter l) {
        return Mono.zip(departments.all(), publicTimeline(l.id()), workingDays.calendar()).map(t -> new MailboxViews.Tracked(
                l.trackingNumber(), l.channel(), l.kind().code(), l.title(), mailbox(l, t.getT1()), l.status().code(),
                l.receivedAt(), clock(t.getT3(), l), entries(t.getT2(), t.getT1())));
    }

    Mono<List<MailboxViews.Summary>> summaries(List<Letter> letters) {
        return Mono.zip(departments.all(), workingDays.calendar()).map(t -> letters.stream().map(l -> new MailboxViews.Summary(
                l.id(), l.trackingNumber(), l.channel(), mailbox(l, t.getT1()), l.kind().code(), l.title(), l.status().code(),
                l.receivedAt(), l.repliedAt(), l.closedAt(), clock(t.getT2(), l))).toList());
    }

    /** The case as {@code user} sees it, with the steps they may take now. */
    Mono<MailboxViews.StaffCase> staff(Letter l, PortalUser user) {
        return Mono.zip(departments.all(), cases.timeline(l.id(), false).collectList(), attachmentsOf(l.id()),
                cases.cohandlerList(l.id()), workingDays.calendar()).map(t -> {
                    Map<Long, Department> d = t.getT1();
                    List<MailboxViews.StaffEntry> timeline = t.getT2().stream().map(e -> new MailboxViews.StaffEntry(e.id(),
                            e.type(), e.isPublic(), e.at(), department(d, e.departmentId()), e.publicText(), e.note(), e.actorId(),
                            e.actorName())).toList();
                    return new MailboxViews.StaffCase(l.id(), l.trackingNumber(), l.channel(), l.source(), mailbox(l, d),
                            l.kind().code(), l.title(), l.body(), l.petitionRequest(), l.location(), l.consentToPublish(),
                            l.contactPreference(), l.writerId(), l.writerName(), l.status().code(),
                            department(d, l.triageDepartmentId()), department(d, l.leadDepartmentId()),
                            t.getT4().stream().map(id -> department(d, id)).toList(), clock(t.getT5(), l), l.reopened(),
                            l.published(), l.notAcceptedReason(), reply(l, d), rating(l), l.receivedAt(),
                            CaseAccess.allowedStaffActions(l, t.getT4(), user, clock.instant()), t.getT3(), timeline);
                });
    }

    /** Queue items; {@code assignment} says why each case is in this user's queue. */
    Mono<List<MailboxViews.QueueItem>> queue(List<QueueStore.Queued> rows, Function<Letter, String> assignment) {
        return Mono.zip(departments.all(), workingDays.calendar()).map(t -> rows.stream().map(q -> {
            Letter l = q.letter();
            Map<Long, Department> d = t.getT1();
            return new MailboxViews.QueueItem(l.id(), l.trackingNumber(), l.channel(), l.kind().code(), l.title(), l.status().code(),
                    assignment.apply(l), mailbox(l, d), department(d, l.triageDepartmentId()), department(d, l.leadDepartmentId()),
                    l.receivedAt(), clock(t.getT2(), l),
                    q.supervisedAt() == null ? null : new MailboxViews.Supervision(q.supervisionNote(), q.supervisedAt()));
        }).toList());
    }

    MailboxViews.Clock clock(WorkingCalendar calendar, Letter l) {
        LocalDate today = CityTime.today(clock);
        Deadlines.Standing s = deadlines.standing(calendar, l.channelOf(), l.dueOn(), today);
        return new MailboxViews.Clock(l.step() == null ? null : l.step().code(), s.dueOn(), s.workingDaysLeft(), s.daysLeft(),
                s.counted(), s.nearlyDue(), s.overdue());
    }

    private Mono<List<CaseStore.Entry>> publicTimeline(long letterId) {
        return cases.timeline(letterId, true).collectList();
    }

    private Mono<List<MailboxViews.Attachment>> attachmentsOf(long letterId) {
        return attachments.ofLetter(letterId)
                .map(a -> new MailboxViews.Attachment(a.id(), a.fileName(), a.contentType(), a.size()))
                .collectList();
    }

    private static List<MailboxViews.Entry> entries(List<CaseStore.Entry> entries, Map<Long, Department> d) {
        return entries.stream().map(e -> new MailboxViews.Entry(e.type(), e.at(), department(d, e.departmentId()), e.publicText()))
                .toList();
    }

    static MailboxViews.Mailbox mailbox(Letter l, Map<Long, Department> d) {
        return new MailboxViews.Mailbox(l.mailbox(), department(d, l.mailboxDepartmentId()));
    }

    private static MailboxViews.Reply reply(Letter l, Map<Long, Department> d) {
        return l.replyText() == null ? null : new MailboxViews.Reply(l.replyText(), department(d, l.replyDepartmentId()), l.repliedAt());
    }

    private static MailboxViews.Rating rating(Letter l) {
        return l.satisfaction() == null ? null : new MailboxViews.Rating(l.satisfaction(), l.ratingComment(), l.ratedAt());
    }

    private static Department department(Map<Long, Department> d, Long id) {
        return id == null ? null : d.get(id);
    }
}
