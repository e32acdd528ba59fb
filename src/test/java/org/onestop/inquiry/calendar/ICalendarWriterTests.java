package org.onestop.inquiry.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ICalendarWriterTests {

    private static final Instant STAMP = Instant.parse("2025-03-01T02:00:00Z");

    private static final Instant START = Instant.parse("2025-03-05T01:30:00Z");

    private static final Instant END = Instant.parse("2025-03-05T03:00:00Z");

    private static final Instant MODIFIED = Instant.parse("2025-02-28T09:15:42.123Z");

    private static CalendarEvent event(String summary, String description, boolean cancelled) {
        return new CalendarEvent("inquiry-42@onestop.gov.cn", summary, description,
                "https://www.onestop.gov.cn/inquiry/live/42?lang=zh&from=ics", START, END, MODIFIED, cancelled);
    }

    private static List<String> physicalLines(String feed) {
        assertThat(feed).endsWith("\r\n");
        return Arrays.asList(feed.substring(0, feed.length() - 2).split("\r\n", -1));
    }

    private static String unfold(String feed) {
        return feed.replace("\r\n ", "");
    }

    /** The logical line for a property, unfolded, without the property name. */
    private static String value(String feed, String name) {
        return Arrays.stream(unfold(feed).split("\r\n"))
                .filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + name + " in feed"));
    }

    @Test
    void writeWhenOneEventThenCalendarStructureIsComplete() {
        String feed = ICalendarWriter.write("一站通在线访谈", List.of(event("市长在线访谈", "欢迎提问", false)), STAMP);

        assertThat(physicalLines(feed)).containsExactly(
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//OneStop//Live Inquiry//ZH",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:一站通在线访谈",
                "X-WR-TIMEZONE:Asia/Shanghai",
                "BEGIN:VEVENT",
                "UID:inquiry-42@onestop.gov.cn",
                "DTSTAMP:20250301T020000Z",
                "DTSTART:20250305T013000Z",
                "DTEND:20250305T030000Z",
                "LAST-MODIFIED:20250228T091542Z",
                "SUMMARY:市长在线访谈",
                "DESCRIPTION:欢迎提问",
                "URL:https://www.onestop.gov.cn/inquiry/live/42?lang=zh&from=ics",
                "STATUS:CONFIRMED",
                "END:VEVENT",
                "END:VCALENDAR");
    }

    @Test
    void writeWhenAnyLineThenEndsWithCrlfAndHasNoBareLineFeed() {
        String feed = ICalendarWriter.write("访谈", List.of(event("标题", "第一行\n第二行\r\n第三行", false)), STAMP);

        assertThat(feed.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(feed).endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void writeWhenNoEventsThenEmptyCalendar() {
        String feed = ICalendarWriter.write("访谈", List.of(), STAMP);

        assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").doesNotContain("VEVENT");
    }

    @Test
    void writeWhenTextHasSpecialCharactersThenEscaped() {
        String feed = ICalendarWriter.write("访谈; 第一期, 上",
                List.of(event("住房, 教育; 医疗\\社保", "第一行\n第二行\r\n第三行\r第四行", false)), STAMP);

        assertThat(value(feed, "X-WR-CALNAME")).isEqualTo("访谈\\; 第一期\\, 上");
        assertThat(value(feed, "SUMMARY")).isEqualTo("住房\\, 教育\\; 医疗\\\\社保");
        assertThat(value(feed, "DESCRIPTION")).isEqualTo("第一行\\n第二行\\n第三行\\n第四行");
    }

    @Test
    void writeWhenUrlHasQueryThenNotTextEscaped() {
        CalendarEvent withCommas = new CalendarEvent("u1", "标题", null,
                "https://www.onestop.gov.cn/s?a=1,2;b=3", START, END, MODIFIED, false);

        String feed = ICalendarWriter.write("访谈", List.of(withCommas), STAMP);

        assertThat(value(feed, "URL")).isEqualTo("https://www.onestop.gov.cn/s?a=1,2;b=3");
    }

    @Test
    void writeWhenDescriptionAndUrlNullThenOmitted() {
        CalendarEvent bare = new CalendarEvent("u1", "标题", null, null, START, END, MODIFIED, false);

        String feed = ICalendarWriter.write("访谈", List.of(bare), STAMP);

        assertThat(feed).doesNotContain("DESCRIPTION").doesNotContain("URL");
        assertThat(feed).contains("SUMMARY:标题\r\n");
    }

    @Test
    void writeWhenLongChineseSummaryThenFoldedWithinSeventyFiveOctets() {
        String summary = "关于进一步优化营商环境、深化一网通办改革以及推进政务服务标准化规范化便利化的在线访谈"
                .repeat(4);

        String feed = ICalendarWriter.write("访谈", List.of(event(summary, summary, false)), STAMP);

        List<String> lines = physicalLines(feed);
        assertThat(lines).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        assertThat(lines).filteredOn(line -> line.startsWith(" ")).hasSizeGreaterThan(4);
        assertThat(value(feed, "SUMMARY")).isEqualTo(summary);
        assertThat(value(feed, "DESCRIPTION")).isEqualTo(summary);
    }

    @Test
    void writeWhenLongChineseSummaryThenEveryLineIsWholeUtf8() {
        String summary = "政务公开" + "一站通".repeat(60);

        String feed = ICalendarWriter.write("访谈", List.of(event(summary, null, false)), STAMP);

        for (String line : physicalLines(feed)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(line);
            assertThat(line).doesNotContain("\uFFFD");
        }
        // Fold points are exact: the first line is filled as far as whole 3-octet characters allow.
        String first = physicalLines(feed).stream().filter(l -> l.startsWith("SUMMARY:")).findFirst().orElseThrow();
        assertThat(first.getBytes(StandardCharsets.UTF_8).length).isEqualTo(8 + 22 * 3);
    }

    @Test
    void writeWhenFeedBytesDecodedThenRoundTripsExactly() {
        String summary = "市民热线🙂答疑".repeat(20);
        String feed = ICalendarWriter.write("访谈", List.of(event(summary, "说明", false)), STAMP);

        byte[] wire = feed.getBytes(StandardCharsets.UTF_8);
        String decoded = new String(wire, StandardCharsets.UTF_8);

        assertThat(decoded).isEqualTo(feed);
        assertThat(decoded.getBytes(StandardCharsets.UTF_8)).isEqualTo(wire);
    }

    @Test
    void writeWhenEmojiAtFoldPointThenSurrogatePairNotSplit() {
        // "SUMMARY:" is 8 octets; 66 ASCII octets leave one free, too few for a 4-octet emoji.
        String summary = "a".repeat(66) + "🏛🏛🏛" + "b".repeat(80) + "😀".repeat(40);

        String feed = ICalendarWriter.write("访谈", List.of(event(summary, null, false)), STAMP);

        List<String> lines = physicalLines(feed);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(Character.isHighSurrogate(line.charAt(line.length() - 1))).as(line).isFalse();
            assertThat(Character.isLowSurrogate(line.charAt(0))).as(line).isFalse();
        });
        assertThat(lines).contains("SUMMARY:" + "a".repeat(66));
        assertThat(value(feed, "SUMMARY")).isEqualTo(summary);
    }

    @Test
    void writeWhenLineExactlySeventyFiveOctetsThenNotFolded() {
        String summary = "x".repeat(75 - "SUMMARY:".length());

        String feed = ICalendarWriter.write("访谈", List.of(event(summary, null, false)), STAMP);

        assertThat(physicalLines(feed)).contains("SUMMARY:" + summary);
        assertThat(feed).doesNotContain("\r\n x");
    }

    @Test
    void writeWhenTimesHaveOffsetsAndFractionsThenUtcBasicFormat() {
        Instant beijingNineThirty = java.time.OffsetDateTime.parse("2025-03-05T09:30:00.987+08:00").toInstant();
        CalendarEvent morning = new CalendarEvent("u1", "早间访谈", null, null, beijingNineThirty,
                beijingNineThirty.plusSeconds(5400), Instant.parse("2024-12-31T23:59:59.999Z"), false);

        String feed = ICalendarWriter.write("访谈", List.of(morning), Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(value(feed, "DTSTART")).isEqualTo("20250305T013000Z");
        assertThat(value(feed, "DTEND")).isEqualTo("20250305T030000Z");
        assertThat(value(feed, "LAST-MODIFIED")).isEqualTo("20241231T235959Z");
        assertThat(value(feed, "DTSTAMP")).isEqualTo("20250101T000000Z");
    }

    @Test
    void writeWhenEventCancelledThenStatusCancelled() {
        String feed = ICalendarWriter.write("访谈",
                List.of(event("已取消的访谈", null, true), event("照常举行的访谈", null, false)), STAMP);

        assertThat(feed).containsSubsequence("SUMMARY:已取消的访谈\r\n", "STATUS:CANCELLED\r\n",
                "SUMMARY:照常举行的访谈\r\n", "STATUS:CONFIRMED\r\n");
    }

    @Test
    void eventWhenUrlHasLineBreakThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CalendarEvent("u1", "标题", null,
                "https://www.onestop.gov.cn/\r\nSTATUS:CANCELLED", START, END, MODIFIED, false));
    }

    @Test
    void eventWhenEndBeforeStartThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new CalendarEvent("u1", "标题", null, null, END, START, MODIFIED, false));
    }
}
