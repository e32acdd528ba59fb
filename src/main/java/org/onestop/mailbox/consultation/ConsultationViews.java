package org.onestop.mailbox.consultation;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of opinion solicitation. */
final class ConsultationViews {

    private ConsultationViews() {
    }

    /** Shown instead of the author's name when they chose to comment anonymously. */
    static final String ANONYMOUS = "匿名";

    /** A consultation in a listing. */
    record Summary(long id, String title, String summary, long departmentId, String department, String departmentEn,
            String status, Instant opensAt, Instant closesAt, long approvedComments) {
    }

    /**
     * One consultation with its full text, its attachments and, once concluded, the feedback.
     * {@code publishedAt} is null for a draft, which only its department's officials see.
     */
    record Detail(long id, String title, String summary, String text, long departmentId, String department,
            String departmentEn, String status, Instant opensAt, Instant closesAt, Instant publishedAt,
            Instant updatedAt, long approvedComments, Feedback feedback, List<Attachment> attachments) {
    }

    /** A file attached to a consultation; its type is the one checked from its content. */
    record Attachment(long id, String fileName, String contentType, long size) {
    }

    /** A consultation in its department's own list, drafts and withdrawn ones included. */
    record DepartmentItem(long id, String title, String status, Instant opensAt, Instant closesAt, Instant createdAt,
            Instant publishedAt, long approvedComments, long pendingComments) {
    }

    /** How many approved comments got each decision; {@code undecided} were not addressed one by one. */
    record Counts(long approved, long adopted, long partlyAdopted, long notAdopted, long undecided) {
    }

    record Feedback(String text, Instant publishedAt, Counts counts) {
    }

    /** An approved comment as everyone sees it, with the department's decision once concluded. */
    record PublicComment(long id, String text, String author, boolean anonymous, Instant submittedAt,
            Instant publishedAt, String decision, String decisionReason) {
    }

    /** A comment as its author sees it: a rejection's reason is shown to them alone. */
    record MyComment(long id, String text, boolean anonymous, String status, String reason, Instant submittedAt,
            String decision, String decisionReason) {
    }

    record Author(long id, String displayName, boolean anonymous) {
    }

    /** A comment as moderators and the department's officials see it. */
    record StaffComment(long id, long consultationId, String text, String status, Author author, List<String> flags,
            String reason, Instant submittedAt, Instant reviewedAt, String decision, String decisionReason) {
    }

    record Submitted(long id, String status) {
    }
}
