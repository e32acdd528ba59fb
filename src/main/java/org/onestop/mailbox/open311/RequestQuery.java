package org.onestop.mailbox.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * The filters of GET requests. service_request_id (comma list) overrides every other filter;
 * otherwise requests received between start_date and end_date (default: the configured window,
 * the spec's 90 days, up to now), of the service codes and statuses (open, closed) given. Both
 * dates given may span at most 90 days, as the spec requires; a wider span is a 400.
 */
record RequestQuery(List<String> ids, Instant start, Instant end, List<String> serviceCodes, List<String> statuses, int limit) {

    static final List<String> OPEN = List.of("received", "accepted", "handling", "awaiting_writer", "replied");
    static final List<String> CLOSED = List.of("closed", "not_accepted");
    /** GeoReport v2: "start_date and end_date ... may not exceed 90 days". */
    static final Duration MAX_SPAN = Duration.ofDays(90);

    boolean byIds() {
        return !ids.isEmpty();
    }

    static RequestQuery of(MultiValueMap<String, String> params, Instant now, Open311Properties properties) {
        List<String> ids = list(params.getFirst("service_request_id"));
        Instant end = date(params.getFirst("end_date"), "end_date");
        Instant start = date(params.getFirst("start_date"), "start_date");
        // Ids override the other filters, so their dates are not held to the span.
        if (ids.isEmpty() && start != null && end != null && Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw Open311Exception.badRequest("start_date and end_date must span at most 90 days");
        }
        if (end == null && start == null) {
            end = now;
        } else if (end == null) {
            // A start alone covers one window from it, not more, and never past now.
            Instant capped = start.plus(properties.defaultWindow());
            end = capped.isBefore(now) ? capped : now.isBefore(start) ? start : now;
        }
        if (start == null) {
            start = end.minus(properties.defaultWindow());
        }
        if (end.isBefore(start)) {
            throw Open311Exception.badRequest("end_date is before start_date");
        }
        List<String> statuses = new ArrayList<>();
        for (String status : list(params.getFirst("status"))) {
            switch (status) {
                case "open" -> statuses.addAll(OPEN);
                case "closed" -> statuses.addAll(CLOSED);
                default -> throw Open311Exception.badRequest("status must be open or closed");
            }
        }
        return new RequestQuery(ids, start, end, list(params.getFirst("service_code")), statuses, properties.maxRequests());
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().limit(1000).toList();
    }

    /**
     * An ISO 8601 date-time with its offset, as the spec requires. A '+' of the offset that was
     * not URL-encoded arrives as a space, and is read as the '+' it was meant to be.
     */
    private static Instant date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(name + " must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T08:00:00+08:00");
        }
    }
}
