package org.onestop.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.account.identity.MainlandMobile;

/**
 * Finds mobile and fixed-line numbers.
 * <p>
 * Both need the full shape of a number, not just enough digits: a mobile is {@code 1[3-9]} and
 * nine more digits, a fixed line an area code starting with {@code 0} and a seven- or eight-digit
 * local number starting with 2–9. A local number without its area code is taken only after a word
 * that announces a phone number (电话, 座机, 固话, Tel), because on its own it cannot be told from
 * an amount or a serial number. Short service numbers (12345, 110, 95588) never have these shapes.
 */
final class PhoneFinder {

    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9A-Za-z+])(?:\\+?86[ -]?)?1[3-9](?:[ -]?[0-9]){9}(?![0-9])");

    /** 010 and 02x are the three-digit codes; every other area code has four digits. */
    private static final String AREA_CODE = "0(?:10|2[0-9]|[3-9][0-9]{2})";

    private static final String LOCAL_NUMBER = "(?<local>[2-9](?:[ -]?[0-9]){6,7})";

    private static final String EXTENSION = "(?: ?(?:-|转|分机|(?i:ext)\\.?) ?(?<extension>[0-9]{1,5}))?(?![0-9])";

    private static final Pattern WITH_AREA_CODE = Pattern.compile("(?<![0-9A-Za-z])"
            + "(?:\\( ?(?<bracketed>" + AREA_CODE + ") ?\\) ?|(?<area>" + AREA_CODE + ")[ -]?)"
            + LOCAL_NUMBER + EXTENSION);

    private static final Pattern ANNOUNCED_LOCAL = Pattern.compile(
            "(?:电话|座机|固话|(?i:tel))(?:号码)? ?:? ?(?:是|为)? ?" + LOCAL_NUMBER + EXTENSION);

    private static final int LOCAL_DIGITS_KEPT = 2;

    private PhoneFinder() {
    }

    static List<Span> mobiles(SearchForm text, MaskingContext context) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = MOBILE.matcher(text.folded());
        while (matcher.find()) {
            spans.add(new Span(PersonalDataKind.MOBILE, matcher.start(), matcher.end(),
                    MainlandMobile.mask(matcher.group())));
        }
        return spans;
    }

    static List<Span> landlines(SearchForm text, MaskingContext context) {
        List<Span> spans = new ArrayList<>();
        Matcher withArea = WITH_AREA_CODE.matcher(text.folded());
        while (withArea.find()) {
            String area = withArea.group("area") != null ? withArea.group("area") : withArea.group("bracketed");
            spans.add(new Span(PersonalDataKind.LANDLINE, withArea.start(), withArea.end(),
                    area + "-" + masked(withArea)));
        }
        Matcher announced = ANNOUNCED_LOCAL.matcher(text.folded());
        while (announced.find()) {
            spans.add(new Span(PersonalDataKind.LANDLINE, announced.start("local"), announced.end(),
                    masked(announced)));
        }
        return spans;
    }

    /**
     * Keeps only the last two digits of the local number. Less than a mobile keeps: a home line is
     * shared by a household and was printed in directories, so more of it narrows the search more.
     * The area code stays because it names a city, which the letter usually names anyway.
     */
    private static String masked(Matcher matcher) {
        String local = SearchForm.withoutSeparators(matcher.group("local"));
        String extension = matcher.group("extension");
        return Masks.keepEnds(local, 0, LOCAL_DIGITS_KEPT)
                + (extension == null ? "" : "转" + Masks.stars(extension.length()));
    }
}
