package org.onestop.mailbox;

import java.time.Instant;
import java.time.LocalDate;

/** A letter (or petition, see {@link Channel}) as stored, with where its case stands. */
record Letter(long id, String trackingNumber, String queryCodeHash, String channel, String source, String mailbox,
        Long mailboxDepartmentId, LetterKind kind, String title, String body, String location, boolean consentToPublish,
        String contactPreference, long writerId, String writerName, Status status, Long triageDepartmentId,
        Long leadDepartmentId, Step step, LocalDate dueOn, Integer pausedDaysLeft, boolean reopened,
        String notAcceptedReason, String replyText, Long replyDepartmentId, LocalDate replyDueOn, Instant ratingDueAt,
        Integer satisfaction, String ratingComment, Instant receivedAt, Instant acceptedAt, Instant dispatchedAt,
        Instant repliedAt, Instant ratedAt, Instant closedAt, boolean published, String petitionRequest) {

    /** The channel; a code the schema does not allow would not have been stored. */
    Channel channelOf() {
        return Channel.fromCode(channel);
    }

    boolean isPetition() {
        return channelOf() == Channel.PETITION;
    }

    /** Whether the current reply has been rated (a reopened case is rated again after its new reply). */
    boolean ratedSinceReply() {
        return ratedAt != null && repliedAt != null && !ratedAt.isBefore(repliedAt);
    }

    boolean isOpen() {
        return status != Status.NOT_ACCEPTED && status != Status.CLOSED;
    }
}
