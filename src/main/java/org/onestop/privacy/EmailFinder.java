package org.onestop.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses and masks their local part, keeping its first character and the domain:
 * the domain (qq.com, 163.com) says nothing about the person, while the local part is often a
 * name, a QQ number or a phone number.
 */
final class EmailFinder {

    /**
     * The look-behind makes a match start only where a run of address characters starts, so that
     * a long run without an {@code @} is scanned once rather than once per character.
     */
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])(?<local>[A-Za-z0-9._%+-]+)"
            + "@(?<domain>[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})(?![A-Za-z0-9-])");

    private EmailFinder() {
    }

    static List<Span> find(SearchForm text, MaskingContext context) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = EMAIL.matcher(text.folded());
        while (matcher.find()) {
            String local = matcher.group("local");
            // A one-character local part would otherwise be kept whole.
            String masked = local.length() == 1 ? Masks.stars(1) : Masks.keepEnds(local, 1, 0);
            spans.add(new Span(PersonalDataKind.EMAIL, matcher.start(), matcher.end(),
                    masked + "@" + matcher.group("domain")));
        }
        return spans;
    }
}
