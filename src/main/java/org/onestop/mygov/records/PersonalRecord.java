package org.onestop.mygov.records;

import java.time.LocalDate;

/**
 * One record as a department system sends it: a stable id, a title and optional detail in the
 * department's words, the period it covers (2026-10), an amount in yuan as a decimal string, a
 * status code (paid, unpaid, deposited, processed, unprocessed) and the day it was issued.
 */
public record PersonalRecord(String id, String title, String period, String amount, String status, LocalDate issuedAt,
        String detail) {
}
