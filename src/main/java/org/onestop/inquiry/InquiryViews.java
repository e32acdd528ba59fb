package org.onestop.inquiry;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of live inquiry, shared by the HTTP API and the live events (live-protocol.md). */
final class InquiryViews {

    private InquiryViews() {
    }

    /** Label shown instead of the asker's name when they chose to ask anonymously. */
    static final String ANONYMOUS = "匿名网友";

    record Official(long id, String name, String title) {
    }

    record Person(long id, String name) {
    }

    /** A session, also the data of {@code session.updated}. */
    record Session(long id, String title, String description, String department, String departmentEn,
            long departmentId, String status, Instant startsAt, Instant endsAt, List<Official> officials,
            List<Person> moderators) {
    }

    record Signature(String name, String title, String department) {
    }

    /** An answer, also the data of {@code answer.posted}. */
    record Answer(long id, long questionId, String text, Signature official, Instant postedAt, Instant editedAt) {
    }

    /** A published question, also the data of {@code question.published} (with no answers yet). */
    record PublicQuestion(long id, String text, String asker, boolean anonymous, Instant askedAt, int votes,
            boolean pinned, boolean followupRequested, List<Answer> answers) {
    }

    record Asker(long id, String displayName, boolean anonymous) {
    }

    /** A question as staff see it, also the data of {@code question.submitted} (without the extras). */
    record StaffQuestion(long id, String text, String originalText, String status, Asker asker, List<String> flags,
            Instant submittedAt, int votes, boolean pinned, boolean followupRequested, List<Answer> answers) {
    }

    record Submitted(long id, String text, Asker asker, List<String> flags, Instant submittedAt) {
    }

    record Reviewed(long id, String status, String reason, String by) {
    }

    record QuestionStatus(long questionId, long sessionId, String status, String reason) {
    }

    record Snapshot(Session session, List<PublicQuestion> questions, long viewers) {
    }

    record Stats(long participants, long peakViewers, long received, long published, long answered, long followedUp) {
    }

    record Transcript(Session session, List<PublicQuestion> questions, Stats stats, List<FollowUpCase> followUps) {
    }

    /** {@code question.followup}: the question became a mailbox case with this number. */
    record FollowUp(long questionId, String caseNo) {
    }

    /** A followed-up question's case in the archive, with the mailbox's status of it. */
    record FollowUpCase(long questionId, String caseNo, String status) {
    }
}
