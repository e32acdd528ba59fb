package org.onestop.privacy;

import java.util.Set;

/**
 * Common Chinese surnames, single and compound, for telling where a name starts.
 * <p>
 * The list is the few hundred surnames that cover nearly all of the population, minus those that
 * are far more often ordinary words than surnames in a letter (时, 和, 都, 明, 平, 长, 居, 位...):
 * with them, 本人明天 or 居民王先生 would be read as names. A person with such a surname is still
 * masked when the caller passes the name as known.
 */
final class ChineseSurnames {

    private static final String SINGLE = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            + "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶"
            + "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳"
            + "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆"
            + "农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎"
            + "甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥栗燕楚鄢劳谌奚皮粟冼蔺伊仝郜阚帅屠豆朴练廉禹井祖漆巴丰"
            + "卿狄宣晋初云容扈晁芮阙浦伏鹿邸雍辜裘亓修邰赫杭况宿鲜逯隆茹战慕危玉银亢嵇湛戎勾茅揭尉冶斯束檀衣阴昝幸"
            + "奉衡富尧";

    /** Compound surnames that are not also everyday words (第五, 西门 and 百里 are left out). */
    private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "独孤", "南宫", "端木",
            "呼延", "申屠", "太史", "万俟", "闻人", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔",
            "仲孙", "赫连", "东郭", "拓跋", "司空", "左丘", "谷梁", "梁丘", "亓官", "颛孙", "羊舌", "微生",
            "公羊", "公良", "漆雕", "巫马", "鲜于", "闾丘", "公西");

    /**
     * Surnames that are also the last character of words often written right before a person:
     * 感谢, 对方, 主任, 保安, 城管, and the prepositions 向 and 于. Followed by another surname, as in
     * 感谢王先生, they are read as the end of that word, not as the start of a name.
     */
    private static final String WORD_ENDINGS = "谢方任安管向于";

    private ChineseSurnames() {
    }

    /** Whether the surname of {@code length} (1 or 2) code points starts at {@code index}. */
    static boolean isAt(CodePointText text, int index, int length) {
        if (length == 1) {
            return isSingle(text.at(index));
        }
        int first = text.at(index);
        int second = text.at(index + 1);
        return first >= 0 && second >= 0
                && COMPOUND.contains(new StringBuilder().appendCodePoint(first).appendCodePoint(second).toString());
    }

    static boolean isSingle(int codePoint) {
        return codePoint >= 0 && SINGLE.indexOf(codePoint) >= 0;
    }

    static boolean endsCommonWords(int codePoint) {
        return codePoint >= 0 && WORD_ENDINGS.indexOf(codePoint) >= 0;
    }

    /** How many code points of a full name are its surname: 2 for a listed compound surname, else 1. */
    static int lengthOf(CodePointText name) {
        return name.length() > 2 && isAt(name, 0, 2) ? 2 : 1;
    }
}
