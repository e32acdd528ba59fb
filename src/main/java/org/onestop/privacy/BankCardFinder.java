package org.onestop.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers: 16 to 19 digits, grouped as the writer likes, passing the Luhn
 * check, and starting with a digit that card schemes use (3 JCB/American Express, 4 Visa,
 * 5 Mastercard, 6 UnionPay, 9 older domestic cards).
 * <p>
 * The leading-digit rule keeps date-based reference numbers (2026050100012344) from being taken
 * for cards: one in ten of them passes the Luhn check by chance.
 */
final class BankCardFinder {

    private static final int SHORTEST = 16;

    private static final int LONGEST = 19;

    /**
     * One pattern per length, longest first. A single pattern with a variable length would stop at
     * its longest match even when that fails the Luhn check and a shorter one passes, as in a
     * 16-digit card followed by a space and three more digits.
     */
    private static final List<Pattern> BY_LENGTH = lengths();

    private BankCardFinder() {
    }

    static List<Span> find(SearchForm text, MaskingContext context) {
        List<Span> spans = new ArrayList<>();
        for (Pattern pattern : BY_LENGTH) {
            Matcher matcher = pattern.matcher(text.folded());
            while (matcher.find()) {
                String digits = SearchForm.withoutSeparators(matcher.group());
                if (passesLuhn(digits)) {
                    spans.add(new Span(PersonalDataKind.BANK_CARD, matcher.start(), matcher.end(),
                            Masks.keepEnds(digits, 4, 4)));
                }
            }
        }
        return spans;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static List<Pattern> lengths() {
        List<Pattern> patterns = new ArrayList<>();
        for (int length = LONGEST; length >= SHORTEST; length--) {
            patterns.add(Pattern.compile(
                    "(?<![0-9A-Za-z])[3-69](?:[ -]?[0-9]){" + (length - 1) + "}(?![0-9])"));
        }
        return List.copyOf(patterns);
    }
}
