package org.onestop.disclosure.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of disclosure requests. Text is plain text; pages show it with textContent. */
final class RequestViews {

    private RequestViews() {
    }

    record Named(long id, String code, String name, String nameEn) {
    }

    record Ground(String code, String article, String name, String nameEn) {
    }

    /**
     * The reply clock: received on, counted from (the first working day from receipt), the
     * original and extended due days, the one in force, and flags as of today.
     */
    record Clock(LocalDate receivedOn, LocalDate countedFrom, LocalDate dueOn, LocalDate extendedDueOn,
            LocalDate effectiveDueOn, Integer workingDaysLeft, boolean nearlyDue, boolean overdue, Boolean onTime) {
    }

    record File(long id, String fileName, String contentType, long size, String href) {
    }

    record Submitted(long id, String number, String status, Clock clock) {
    }

    /** A request in a list: the applicant's own, or a department's queue. */
    record Summary(long id, String number, String status, Named department, String applicantName, String description,
            String delivery, Instant receivedAt, Clock clock, String outcome) {
    }

    /** The whole request, for its applicant and for staff of its department ({@code mayHandle}). */
    record Detail(long id, String number, String status, String applicantKind, String applicantName, Named department,
            String description, String documentTitle, String documentNumber, String purpose, String delivery,
            String contactPhone, String contactEmail, String contactAddress, Instant receivedAt, Clock clock,
            String extensionReason, LocalDate extendedOn, String outcome, Ground legalGround, String replyText,
            Instant repliedAt, List<File> files, boolean mayHandle) {
    }
}
