package org.onestop.inquiry.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the public iCalendar (RFC 5545) feed of live-inquiry sessions, so that citizens can
 * subscribe from any calendar client and see new, moved and cancelled sessions without visiting
 * the portal.
 *
 * <p>All times are written in UTC, which needs no VTIMEZONE block; X-WR-TIMEZONE merely tells
 * clients that honour it to display them in Beijing time.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendarWriter() {
    }

    /**
     * @param calendarName the name clients show for the subscribed calendar
     * @param events the sessions to publish, cancelled ones included
     * @param stamp when this feed was generated (DTSTAMP of every event)
     * @return the feed, with CRLF line endings, ready to be sent as UTF-8 {@code text/calendar}
     */
    public static String write(String calendarName, List<CalendarEvent> events, Instant stamp) {
        StringBuilder feed = new StringBuilder(512 + events.size() * 512);
        line(feed, "BEGIN", "VCALENDAR");
        line(feed, "VERSION", "2.0");
        line(feed, "PRODID", "-//OneStop//Live Inquiry//ZH");
        line(feed, "CALSCALE", "GREGORIAN");
        line(feed, "METHOD", "PUBLISH");
        line(feed, "X-WR-CALNAME", ContentLine.escapeText(calendarName));
        line(feed, "X-WR-TIMEZONE", "Asia/Shanghai");
        for (CalendarEvent event : events) {
            writeEvent(feed, event, stamp);
        }
        line(feed, "END", "VCALENDAR");
        return feed.toString();
    }

    private static void writeEvent(StringBuilder feed, CalendarEvent event, Instant stamp) {
        line(feed, "BEGIN", "VEVENT");
        line(feed, "UID", ContentLine.escapeText(event.uid()));
        line(feed, "DTSTAMP", UTC.format(stamp));
        line(feed, "DTSTART", UTC.format(event.start()));
        line(feed, "DTEND", UTC.format(event.end()));
        line(feed, "LAST-MODIFIED", UTC.format(event.lastModified()));
        line(feed, "SUMMARY", ContentLine.escapeText(event.summary()));
        if (event.description() != null) {
            line(feed, "DESCRIPTION", ContentLine.escapeText(event.description()));
        }
        if (event.url() != null) {
            // URL is of type URI, not TEXT, so TEXT escaping would corrupt query strings.
            line(feed, "URL", event.url());
        }
        line(feed, "STATUS", event.cancelled() ? "CANCELLED" : "CONFIRMED");
        line(feed, "END", "VEVENT");
    }

    private static void line(StringBuilder feed, String name, String value) {
        feed.append(ContentLine.fold(name + ":" + value)).append(ContentLine.CRLF);
    }
}
