package org.onestop.opendata;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

/**
 * A dataset's quality score out of 100, with the reason for each part: an open licence, a
 * description long enough to be useful, updates on time for the promised frequency (with half a
 * period of grace), at least one open machine-readable format, documented columns, and every
 * file resource present in storage.
 */
public record QualityScore(int total, List<Part> parts) {

    public record Part(String code, int points, int max) {
    }

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    public static QualityScore of(Dataset d, Instant now, Predicate<DataResource> reachable) {
        List<Part> parts = List.of(
                new Part("licence", d.licence() != null ? 15 : 0, 15),
                new Part("description", d.description().codePointCount(0, d.description().length()) >= 40 ? 15 : 0, 15),
                new Part("timeliness", onTime(d, now) ? 20 : 0, 20),
                new Part("open_formats", d.resources().stream().anyMatch(r -> r.format().open() && r.isFile()) ? 15 : 0, 15),
                new Part("documentation", documented(d) ? 15 : 0, 15),
                new Part("reachable", !d.resources().isEmpty() && d.resources().stream().filter(DataResource::isFile)
                        .allMatch(reachable) ? 20 : 0, 20));
        return new QualityScore(parts.stream().mapToInt(Part::points).sum(), parts);
    }

    /** Whether the last update is within the promised period plus half of it. */
    public static boolean onTime(Dataset d, Instant now) {
        Instant due = dueAt(d);
        return due == null || now.isBefore(due);
    }

    /**
     * The instant from which the dataset is overdue: its last update plus the promised period
     * (counted in city dates, so a month is a calendar month) plus half that period of grace.
     * Null when no period is promised. Overdue alerts are keyed by it, so one lapse is one instant.
     */
    public static Instant dueAt(Dataset d) {
        if (d.frequency().period() == null) {
            return null;
        }
        var updated = d.updatedAt().atZone(CITY);
        var due = updated.plus(d.frequency().period());
        return due.toInstant().plus(Duration.between(updated, due).dividedBy(2));
    }

    private static boolean documented(Dataset d) {
        return d.resources().stream().filter(DataResource::inDatastore)
                .anyMatch(r -> r.fields().stream().allMatch(f -> f.label() != null && !f.label().isBlank()));
    }
}
