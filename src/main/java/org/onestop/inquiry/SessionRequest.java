package org.onestop.inquiry;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/inquiry/sessions}. */
record SessionRequest(String title, String description, Long departmentId, Instant startsAt, Instant endsAt,
        List<Long> officialIds, List<Long> moderatorIds) {
}
