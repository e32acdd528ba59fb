package org.onestop.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the house-level part of addresses and masks its numbers, keeping everything above it.
 * <p>
 * The rule: district, street, road, compound and village names stay, because they say where the
 * matter is and a letter about a compound's drains means nothing without them; the numbers that
 * lead to one door (house number, building, unit, floor, room) become stars, with their unit words
 * kept so the text still reads as an address. 香港中路88号金茂小区3号楼2单元301室 becomes
 * 香港中路**号金茂小区*号楼*单元***室.
 * <p>
 * A run of numbered units counts as an address when it cannot be anything else (it has a
 * 号楼, 号院, 单元 or 室, or several units in a row), or when it directly follows a road or a
 * compound (香港中路88号, 王家村12号). A lone 12号, 3楼 or 5栋 elsewhere is left alone: it is as
 * likely a date, a document number, a metro line, a service-hall floor or a count of buildings.
 */
final class AddressFinder {

    private static final String NUMERALS = "一二三四五六七八九十两";

    private static final String ARABIC_PIECE = "[0-9]+(?:-[0-9]+)*"
            // 3室1厅 describes a flat's layout, not a room number.
            + "(?:号楼|号院|单元|栋|幢|座|层|楼|室(?![0-9" + NUMERALS + "]厅)|户|弄|号)";

    private static final String LETTER_PIECE = "(?<![A-Za-z])[A-Za-z](?:号楼|单元|座|栋|幢|区)";

    /** Chinese numerals only before unambiguous units: 三室 and 一户 are usually counts, 十室九空 an idiom. */
    private static final String CHINESE_PIECE = "[" + NUMERALS + "]+(?:号楼|号院|单元|号)";

    private static final String PIECE = "(?:" + ARABIC_PIECE + "|" + LETTER_PIECE + "|" + CHINESE_PIECE + ")";

    /** Pieces in a row, then perhaps a bare room number (2单元301), which must end the phrase. */
    private static final Pattern RUN = Pattern.compile("(?<![0-9A-Za-z" + NUMERALS + "第-])"
            + PIECE + "(?: ?" + PIECE + ")*(?<room>[0-9]{2,4}(?=$|[\\s\\p{P}的房住]))?");

    private static final Pattern PIECES = Pattern.compile(PIECE);

    private static final Pattern UNAMBIGUOUS_UNIT = Pattern.compile("号楼|号院|单元|室");

    /** Building-unit-room written with hyphens only (3-2-301); taken only right after a compound name. */
    private static final Pattern HYPHENATED = Pattern.compile("(?<![0-9-])[0-9]{1,3}-[0-9]{1,2}-[0-9]{3,4}(?![0-9-])");

    private static final List<String> ROADS = List.of("大街", "大道", "胡同", "路", "街", "巷", "弄", "道");

    private static final List<String> COMPOUNDS = List.of("小区", "花园", "公寓", "家园", "新村", "大厦",
            "公馆", "宿舍", "社区", "村", "苑", "庄", "屯");

    private AddressFinder() {
    }

    static List<Span> find(SearchForm text, MaskingContext context) {
        String folded = text.folded();
        List<Span> spans = new ArrayList<>();
        Matcher run = RUN.matcher(folded);
        while (run.find()) {
            boolean anchored = follows(folded, run.start(), ROADS) || follows(folded, run.start(), COMPOUNDS);
            if (anchored || isUnambiguous(run)) {
                spans.add(masked(text, run.start(), run.end()));
            }
        }
        Matcher hyphenated = HYPHENATED.matcher(folded);
        while (hyphenated.find()) {
            if (follows(folded, hyphenated.start(), COMPOUNDS)) {
                spans.add(masked(text, hyphenated.start(), hyphenated.end()));
            }
        }
        return spans;
    }

    private static boolean isUnambiguous(Matcher run) {
        String matched = run.group();
        if (UNAMBIGUOUS_UNIT.matcher(matched).find()) {
            return true;
        }
        int pieces = run.group("room") == null ? 0 : 1;
        Matcher piece = PIECES.matcher(matched);
        while (piece.find()) {
            pieces++;
        }
        return pieces > 1;
    }

    /** Whether one of {@code words} ends right before {@code index}, allowing one space in between. */
    private static boolean follows(String folded, int index, List<String> words) {
        int end = index > 0 && folded.charAt(index - 1) == ' ' ? index - 1 : index;
        for (String word : words) {
            if (folded.startsWith(word, end - word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Stars the digits, letters and numerals, and keeps every other character as the writer typed it. */
    private static Span masked(SearchForm text, int start, int end) {
        StringBuilder replacement = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char folded = text.folded().charAt(i);
            boolean number = (folded >= '0' && folded <= '9') || (folded >= 'A' && folded <= 'Z')
                    || (folded >= 'a' && folded <= 'z') || NUMERALS.indexOf(folded) >= 0;
            replacement.append(number ? Masks.STAR : text.original().charAt(i));
        }
        return new Span(PersonalDataKind.ADDRESS, start, end, replacement.toString());
    }
}
