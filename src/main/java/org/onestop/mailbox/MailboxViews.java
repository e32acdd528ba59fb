package org.onestop.mailbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onestop.account.Department;

/** The JSON shapes of the mailbox API. */
final class MailboxViews {

    private MailboxViews() {
    }

    /** The answer to writing a letter; the query code is shown this once and never stored in clear. */
    record Written(long id, String trackingNumber, String queryCode, String status, Instant receivedAt) {
    }

    /** A mailbox: {@code mayor}, or {@code department} with the department or district. */
    record Mailbox(String mailbox, Department department) {
    }

    /** A public timeline entry: what happened, when, which department, and its public text. */
    record Entry(String type, Instant at, Department department, String text) {
    }

    /** A timeline entry as staff see it: with internal entries, notes and who acted. */
    record StaffEntry(long id, String type, boolean isPublic, Instant at, Department department, String text, String note,
            Long actorId, String actorName) {
    }

    record Attachment(long id, String fileName, String contentType, long size) {
    }

    record Reply(String text, Department department, Instant repliedAt) {
    }

    record Rating(int satisfaction, String comment, Instant ratedAt) {
    }

    /** One of a writer's letters (or petitions, by {@code channel}) in their list, with its clock. */
    record Summary(long id, String trackingNumber, String channel, Mailbox mailbox, String kind, String title, String status,
            Instant receivedAt, Instant repliedAt, Instant closedAt, Clock clock) {
    }

    /**
     * The writer's own letter or petition with its public timeline and clock, and what the writer
     * may do next: {@code allowedActions} of supplement, rate, reopen (also as the can* flags).
     */
    record WriterLetter(long id, String trackingNumber, String channel, Mailbox mailbox, String kind, String title,
            String body, String petitionRequest, String location, boolean consentToPublish, String contactPreference,
            String status, Instant receivedAt, String notAcceptedReason, Reply reply, Rating rating, Instant ratingDueAt,
            boolean canRate, boolean canReopen, boolean canSupplement, List<String> allowedActions, Clock clock,
            List<Attachment> attachments, List<Entry> timeline) {
    }

    /** What tracking by number and code shows: channel, status, clock and the public timeline. */
    record Tracked(String trackingNumber, String channel, String kind, String title, Mailbox mailbox, String status,
            Instant receivedAt, Clock clock, List<Entry> timeline) {
    }

    /**
     * Where a case's clock stands: the current step's due date, the working days left, and the days
     * left as the channel counts them ({@code counted}: working for letters, calendar for petitions
     * by default), negative when overdue; null when no clock runs (waiting for the writer, replied,
     * closed). The nearly-due flag is judged by {@code daysLeft}.
     */
    record Clock(String step, LocalDate dueOn, Integer workingDaysLeft, Integer daysLeft, String counted, boolean nearlyDue,
            boolean overdue) {
    }

    /**
     * A case as staff see it. {@code triageDepartment} null means the city mailbox office;
     * {@code allowedActions} are the steps the current user may take now ({@link CaseAction} codes).
     */
    record StaffCase(long id, String trackingNumber, String channel, String source, Mailbox mailbox, String kind, String title,
            String body, String petitionRequest, String location, boolean consentToPublish, String contactPreference,
            long writerId, String writerName, String status, Department triageDepartment, Department leadDepartment,
            List<Department> cohandlers, Clock clock, boolean reopened, boolean published, String notAcceptedReason,
            Reply reply, Rating rating, Instant receivedAt, List<String> allowedActions, List<Attachment> attachments,
            List<StaffEntry> timeline) {
    }

    /** The latest supervision notice on a case. */
    record Supervision(String text, Instant at) {
    }

    /**
     * One case in a queue. {@code assignment} says why it is there: {@code triage}, {@code dispatch}
     * (clerks), {@code lead} or {@code co} (a department's officials), {@code overdue} (supervision).
     */
    record QueueItem(long id, String trackingNumber, String channel, String kind, String title, String status, String assignment,
            Mailbox mailbox, Department triageDepartment, Department leadDepartment, Instant receivedAt, Clock clock,
            Supervision supervision) {
    }

    /** The {@code letter.status} event on the writer's user topic. */
    record LetterStatus(long letterId, String trackingNumber, String status, String step, Instant at) {
    }

    record Template(long id, String kind, String name, String body) {
    }

    record Draft(long templateId, String text) {
    }
}
