package org.onestop.inquiry.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * One live-inquiry session as it appears in the public calendar feed, kept apart from the
 * session's own model so that the feed's shape does not change whenever the domain does.
 *
 * @param uid stable identifier, so that calendar clients update an event rather than duplicate it
 * @param summary the title shown in calendar clients
 * @param description longer text, or {@code null} to leave it out
 * @param url the session's page on the portal, or {@code null} to leave it out
 * @param start when the session begins
 * @param end when the session ends
 * @param lastModified when the session was last changed, which clients use to decide whether to refresh
 * @param cancelled whether the session was called off; it stays in the feed so subscribers see the change
 */
public record CalendarEvent(String uid, String summary, String description, String url, Instant start,
        Instant end, Instant lastModified, boolean cancelled) {

    public CalendarEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(lastModified, "lastModified");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Event " + uid + " ends before it starts");
        }
        // URL is written unescaped (it is a URI, not TEXT), so a line break would inject properties.
        if (url != null && (url.indexOf('\r') >= 0 || url.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("Event " + uid + " has a line break in its URL");
        }
    }
}
