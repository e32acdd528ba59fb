package org.onestop.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.account.identity.ResidentIdNumber;
import org.onestop.account.identity.ResidentIdNumber.Problem;

/**
 * Finds resident identity numbers: 18 characters, or the 15 digits of first-generation cards, with
 * spaces or hyphens wherever the writer put them.
 * <p>
 * A run of the right length is taken as an identity number when its region code and birth date
 * are plausible. The check character is not required: a number copied with one wrong digit still
 * identifies its holder to anyone who tries the eleven possible corrections.
 */
final class IdNumberFinder {

    private static final Pattern EIGHTEEN = Pattern.compile(
            "(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9]){16}[ -]?[0-9Xx](?![0-9A-Za-z])");

    private static final Pattern FIFTEEN = Pattern.compile(
            "(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9]){14}(?![0-9A-Za-z])");

    /**
     * The "today" for the birth-date rule. A birth date in the future is a typing mistake in a
     * number that is still personal data, so only real calendar dates after 1900 are asked for.
     */
    private static final LocalDate ANY_DAY = LocalDate.MAX;

    private IdNumberFinder() {
    }

    static List<Span> find(SearchForm text, MaskingContext context) {
        List<Span> spans = new ArrayList<>();
        Matcher eighteen = EIGHTEEN.matcher(text.folded());
        while (eighteen.find()) {
            String number = SearchForm.withoutSeparators(eighteen.group()).toUpperCase(Locale.ROOT);
            if (looksLikeIdNumber(number)) {
                spans.add(new Span(PersonalDataKind.ID_NUMBER, eighteen.start(), eighteen.end(),
                        ResidentIdNumber.mask(number)));
            }
        }
        Matcher fifteen = FIFTEEN.matcher(text.folded());
        while (fifteen.find()) {
            String number = SearchForm.withoutSeparators(fifteen.group());
            if (looksLikeIdNumber(upgraded(number))) {
                // First 4 and last 3 so that, as in the 18-character mask, no digit of the birth date shows.
                spans.add(new Span(PersonalDataKind.ID_NUMBER, fifteen.start(), fifteen.end(),
                        Masks.keepEnds(number, 4, 3)));
            }
        }
        return spans;
    }

    private static boolean looksLikeIdNumber(String eighteen) {
        Optional<Problem> problem = ResidentIdNumber.check(eighteen, ANY_DAY);
        return problem.isEmpty() || problem.get() == Problem.CHECK_DIGIT;
    }

    /**
     * The 18-character form GB 11643 derives from a 15-digit number: the century 19 inserted
     * before the two-digit birth year and a check character appended. The appended {@code 0} is
     * a placeholder, since the check character is not required here anyway.
     */
    private static String upgraded(String fifteen) {
        return fifteen.substring(0, 6) + "19" + fifteen.substring(6) + "0";
    }
}
