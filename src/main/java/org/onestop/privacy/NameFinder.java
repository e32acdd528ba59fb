package org.onestop.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds people's names: the names the caller knows, wherever they appear, and names that a cue
 * introduces. Each name keeps its surname and has every character of the given name starred
 * (张*, 欧阳**).
 * <p>
 * Two kinds of cue are recognised. A label before the name (我叫张三, 本人李四, 姓名：王五,
 * 联系人：欧阳娜娜) and a form of address after a full name (张三先生, 李小红女士, 刘芳老师). A surname
 * with a form of address alone (张先生, 李女士, 王师傅) is left as it is: it is already the anonymous
 * way letters and replies refer to people, and the ones the portal publishes use it on purpose.
 * <p>
 * Without a dictionary, a name is only taken where nothing else reads naturally: a listed surname,
 * then one or two Chinese characters none of which is a character that practically never occurs
 * in given names (的, 了, 在, 时, 某...), and after a label the name must be followed by punctuation
 * or by a word that typically follows a name (是, 男, 身份证...). So 本人于今年, 申请人何时 and
 * 当事人王某 are not taken for names.
 */
final class NameFinder {

    /** A label that introduces a name; a strict one must be followed by punctuation, not a word. */
    private record Cue(int[] word, boolean strict) {

        static Cue of(String word, boolean strict) {
            return new Cue(word.codePoints().toArray(), strict);
        }
    }

    private static final List<Cue> CUES = List.of(
            Cue.of("我叫", false), Cue.of("本人叫", false), Cue.of("名叫", false), Cue.of("名字叫", false),
            Cue.of("名字是", false), Cue.of("姓名", false), Cue.of("联系人", false), Cue.of("来信人", false),
            Cue.of("写信人", false), Cue.of("投诉人", false), Cue.of("举报人", false), Cue.of("反映人", false),
            Cue.of("申请人", false), Cue.of("当事人", false),
            // 本人 is followed by verbs as often as by names (本人安装了, 本人常年在外). 签名 and 署名
            // are not cues at all: 签名齐全 and 署名文章 read as names under the looser rule.
            Cue.of("本人", true));

    private static final List<int[]> TITLES = codePoints("先生", "女士", "小姐", "师傅", "老师", "阿姨", "大爷",
            "大妈", "同志");

    private static final List<int[]> FOLLOWERS = codePoints("是", "系", "现", "家住", "住", "今年", "男", "女",
            "身份证", "电话", "手机", "联系", "反映", "投诉", "举报", "咨询", "因", "先生", "女士", "同志");

    /** Characters that practically never occur in given names but often follow a surname-like character. */
    private static final String NOT_IN_GIVEN_NAMES = "的了着过在是于和与及或因为从向对被把将已也都就还又要会能想说去来"
            + "到给让等们这那其此所个些每某次年日号岁时中装龄级区院局室部委办厅处站校司务位住系现曾自有没不无非请求"
            + "申报反投举咨询联电话手机身份证男女妻夫儿孩父母爷奶哥弟姐妹邻居同事先士师老姨叔婶";

    private static final String LABEL_PUNCTUATION = " :";

    private NameFinder() {
    }

    static List<Span> find(SearchForm text, MaskingContext context) {
        // The folded form turns ： and full-width spaces into ASCII and leaves Chinese characters alone.
        CodePointText points = CodePointText.of(text.folded());
        List<Span> spans = new ArrayList<>();
        for (String name : context.knownNames()) {
            CodePointText known = CodePointText.of(name);
            if (known.length() > 1) {
                for (int start : points.indexesOf(known.points())) {
                    spans.add(span(text, points, start, ChineseSurnames.lengthOf(known), known.length()));
                }
            }
        }
        for (Cue cue : CUES) {
            for (int at : points.indexesOf(cue.word())) {
                afterLabel(text, points, at + cue.word().length, cue.strict(), spans);
            }
        }
        for (int[] title : TITLES) {
            for (int at : points.indexesOf(title)) {
                beforeTitle(text, points, at, spans);
            }
        }
        return spans;
    }

    private static void afterLabel(SearchForm text, CodePointText points, int index, boolean strict,
            List<Span> spans) {
        int start = skipLabelPunctuation(points, index);
        if (points.at(start) == '是' || points.at(start) == '为') {
            start = skipLabelPunctuation(points, start + 1);
        }
        // A compound surname is never re-read as a single one: 欧阳** must not become 欧 and the name 阳.
        int surname = ChineseSurnames.isAt(points, start, 2) ? 2 : 1;
        if (!ChineseSurnames.isAt(points, start, surname)) {
            return;
        }
        for (int given = 2; given >= 1; given--) {
            int end = start + surname + given;
            if (isGivenName(points, start + surname, given) && endsName(points, end, strict)) {
                spans.add(span(text, points, start, surname, surname + given));
                return;
            }
        }
    }

    /**
     * Looks for a full name ending right before a form of address, longest first so that a
     * compound surname wins over its second character (欧阳娜娜女士, not 阳娜娜).
     */
    private static void beforeTitle(SearchForm text, CodePointText points, int title, List<Span> spans) {
        for (int start = title - 4; start <= title - 2; start++) {
            for (int surname = 2; surname >= 1; surname--) {
                int given = title - start - surname;
                if (given < 1 || given > 2 || !ChineseSurnames.isAt(points, start, surname)
                        || !isGivenName(points, start + surname, given)) {
                    continue;
                }
                // 感谢王先生: 谢 ends 感谢 and 王 starts the (anonymous) name, not 谢王.
                boolean endsPrecedingWord = surname == 1 && ChineseSurnames.endsCommonWords(points.at(start))
                        && ChineseSurnames.isSingle(points.at(start + 1));
                if (!endsPrecedingWord) {
                    spans.add(span(text, points, start, surname, surname + given));
                    return;
                }
            }
        }
    }

    private static boolean isGivenName(CodePointText points, int start, int length) {
        for (int i = start; i < start + length; i++) {
            int codePoint = points.at(i);
            if (!CodePointText.isHan(codePoint) || NOT_IN_GIVEN_NAMES.indexOf(codePoint) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsName(CodePointText points, int index, boolean strict) {
        if (!CodePointText.isHan(points.at(index))) {
            return true;
        }
        return !strict && FOLLOWERS.stream().anyMatch(follower -> points.startsWith(follower, index));
    }

    private static int skipLabelPunctuation(CodePointText points, int index) {
        int at = index;
        while (at < points.length() && LABEL_PUNCTUATION.indexOf(points.at(at)) >= 0) {
            at++;
        }
        return at;
    }

    /** A name of {@code length} code points from {@code start}, keeping its surname. */
    private static Span span(SearchForm text, CodePointText points, int start, int surname, int length) {
        int from = points.offsets()[start];
        int to = points.offsets()[start + length];
        String kept = text.original().substring(from, points.offsets()[start + surname]);
        return new Span(PersonalDataKind.NAME, from, to, kept + Masks.stars(length - surname));
    }

    private static List<int[]> codePoints(String... words) {
        return Arrays.stream(words).map(word -> word.codePoints().toArray()).toList();
    }
}
