package org.onestop.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Masks personal data in Chinese free text (a mailbox letter before publication, a log line).
 * <table>
 * <caption>What is masked, and how</caption>
 * <tr><th>kind</th><th>example</th><th>masked</th></tr>
 * <tr><td>name</td><td>我叫张三 / 欧阳娜娜女士 / a known name anywhere</td><td>张* / 欧阳**女士</td></tr>
 * <tr><td>mobile</td><td>+86 138-1234-5678</td><td>138****5678</td></tr>
 * <tr><td>landline</td><td>(0532)8888 6666转801</td><td>0532-******66转***</td></tr>
 * <tr><td>ID number</td><td>11010519491231002X, 15-digit 110105491231002</td>
 * <td>1101**********002X, 1101********002</td></tr>
 * <tr><td>address</td><td>香港中路88号金茂小区3号楼2单元301室</td><td>香港中路**号金茂小区*号楼*单元***室</td></tr>
 * <tr><td>e-mail</td><td>zhangsan@163.com</td><td>z*******@163.com</td></tr>
 * <tr><td>bank card</td><td>6222 0212 3456 7890 128</td><td>6222***********0128</td></tr>
 * </table>
 * Digits may be full-width and numbers may contain spaces or hyphens; a masked number is written in
 * its plain form. A surname with a form of address (张先生) is already anonymous and stays.
 * <p>
 * Masking is idempotent: masked values contain stars where the finders need digits or Chinese
 * characters, so masking a masked text changes nothing. Ordinary numbers (amounts, dates, document
 * and case numbers, the 12345 hotline) do not have the shape of any of these and are left alone.
 * <p>
 * The class is stateless and thread-safe; it needs no Spring context.
 */
public final class PersonalDataMasker {

    /** Proposes candidate spans; the finders share nothing, so each can be read and tested alone. */
    @FunctionalInterface
    private interface Finder {
        List<Span> find(SearchForm text, MaskingContext context);
    }

    /**
     * Earlier finders win where candidates overlap. E-mail comes first because its local part may
     * be a phone number; identity numbers before cards because one in ten passes the Luhn check;
     * numbers before addresses and names, whose rules are looser.
     */
    private static final List<Finder> BY_PRIORITY = List.of(EmailFinder::find, IdNumberFinder::find,
            BankCardFinder::find, PhoneFinder::mobiles, PhoneFinder::landlines, AddressFinder::find,
            NameFinder::find);

    /** Within one finder: the leftmost candidate first, and of two starting together, the longer. */
    private static final Comparator<Span> LEFTMOST_LONGEST = Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt(Span::length).reversed());

    private PersonalDataMasker() {
    }

    /** Masks a text about which nothing is known beforehand. */
    public static MaskedText mask(String text) {
        return mask(text, MaskingContext.NONE);
    }

    /**
     * Masks a text.
     * @param text the text as written
     * @param context names the system already knows, masked wherever they occur
     * @return the masked text and what was masked, with offsets into {@code text}
     */
    public static MaskedText mask(String text, MaskingContext context) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        SearchForm searchForm = SearchForm.of(text);
        TreeMap<Integer, Span> chosen = new TreeMap<>();
        for (Finder finder : BY_PRIORITY) {
            List<Span> candidates = new ArrayList<>(finder.find(searchForm, context));
            candidates.sort(LEFTMOST_LONGEST);
            for (Span candidate : candidates) {
                if (isFree(chosen, candidate)) {
                    chosen.put(candidate.start(), candidate);
                }
            }
        }
        StringBuilder masked = new StringBuilder(text.length());
        List<Finding> findings = new ArrayList<>(chosen.size());
        int copied = 0;
        for (Span span : chosen.values()) {
            masked.append(text, copied, span.start()).append(span.replacement());
            findings.add(span.finding());
            copied = span.end();
        }
        masked.append(text, copied, text.length());
        return new MaskedText(masked.toString(), findings);
    }

    /** Chosen spans never overlap, so only the one starting last before the candidate's end can. */
    private static boolean isFree(TreeMap<Integer, Span> chosen, Span candidate) {
        Map.Entry<Integer, Span> before = chosen.lowerEntry(candidate.end());
        return before == null || before.getValue().end() <= candidate.start();
    }
}
