package org.onestop.mailbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.privacy.MaskingContext;
import org.onestop.privacy.PersonalDataMasker;

/**
 * A deterministic year of demo letters to the mayor's mailbox: the same seed, departments and
 * last day give the same letters. Texts come from templates per kind and carry names, phone
 * numbers and addresses, so published ones show the masking. Most are replied (a few late, some
 * rated); the recent ones and about one in forty older ones are still open, some of those overdue.
 * Clocks are simplified to the reply step: each letter is taken as dispatched on the day received.
 */
final class DemoLetters {

    static final long SEED = 20_260_705L;
    /** The tracking-number prefix of demo letters, so a loaded set is recognised and never loaded twice. */
    static final String PREFIX = "YS";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "晓梅", "建国"};
    private static final String[] ROADS = {"香港中路", "山东路", "延安三路", "辽阳西路", "福州南路", "南京路", "燕儿岛路", "长江中路"};
    private static final String[] PLACES = {"金茂小区", "海信花园", "万科城", "阳光家园", "和平里", "幸福苑"};
    private static final String[][] TOPICS = {
            {"灵活就业人员社保缴费", "公积金提取", "居住证办理", "新生儿落户", "义务教育入学", "医保异地备案"},
            {"小区停水多日", "楼道路灯损坏", "老人高龄补贴未到账", "工资被拖欠", "房屋漏水无人维修", "低保申请进度"},
            {"增设公交线路", "增加社区养老服务点", "优化停车收费", "建设口袋公园", "延长图书馆开放时间", "增设充电桩"},
            {"窗口办事效率低", "工作人员态度生硬", "政策宣传不到位", "道路施工无围挡", "热线电话长期占线", "网上办事系统卡顿"},
            {"餐馆油烟扰民", "夜间施工噪音", "占道经营", "违章搭建", "物业乱收费", "垃圾清运不及时"}};

    private DemoLetters() {
    }

    /** One generated letter, ready to be inserted. Null fields are not set for the letter's status. */
    record Generated(int ordinal, String trackingNumber, LetterKind kind, String title, String body, boolean consent,
            String writerName, Status status, long departmentId, LocalDate dueOn, String replyText, LocalDate replyDueOn,
            Integer satisfaction, Instant receivedAt, Instant repliedAt, Instant ratedAt, Instant closedAt, Instant ratingDueAt,
            boolean published, String maskedTitle, String maskedBody, String maskedReply) {
    }

    /**
     * {@code count} letters received over the 365 days up to {@code lastDay}, to these departments
     * (the first few get more letters, as the busiest bureaus do).
     */
    static List<Generated> generate(int count, List<Long> departments, LocalDate lastDay, WorkingCalendar calendar,
            MailboxProperties properties) {
        Random random = new Random(SEED);
        List<Generated> letters = new ArrayList<>(count);
        LocalDate firstDay = lastDay.minusDays(364);
        for (int i = 0; i < count; i++) {
            LocalDate day = firstDay.plusDays((long) i * 365 / count);
            Instant received = day.atTime(LocalTime.of(7 + random.nextInt(15), random.nextInt(60))).atZone(CityTime.ZONE).toInstant();
            LetterKind kind = LetterKind.values()[random.nextInt(5)];
            int skew = random.nextInt(3) == 0 ? Math.min(8, departments.size()) : departments.size();
            long department = departments.get(random.nextInt(skew));
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String topic = TOPICS[kind.ordinal()][random.nextInt(TOPICS[kind.ordinal()].length)];
            String address = ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(200)) + "号" + PLACES[random.nextInt(PLACES.length)]
                    + (1 + random.nextInt(20)) + "号楼" + (1 + random.nextInt(4)) + "单元" + (101 + random.nextInt(1500)) + "室";
            String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
            String title = topic + "的" + switch (kind) {
                case CONSULTATION -> "咨询";
                case HELP -> "求助";
                case SUGGESTION -> "建议";
                case CRITICISM -> "意见";
                case COMPLAINT -> "投诉";
            };
            String body = "尊敬的市长：我叫" + name + "，家住" + address + "。关于" + topic + "的问题，" + switch (kind) {
                case CONSULTATION -> "想咨询具体办理条件、材料和流程，网上没有找到明确说明。";
                case HELP -> "已经持续一段时间，多次向社区反映仍未解决，恳请相关部门帮助协调。";
                case SUGGESTION -> "建议相关部门结合群众需求统筹研究，尽快推进落实。";
                case CRITICISM -> "群众意见较大，希望相关部门认真整改，改进工作作风。";
                case COMPLAINT -> "严重影响周边居民正常生活，请有关部门依法查处。";
            } + "联系电话" + phone + "，谢谢！";
            boolean consent = random.nextInt(10) < 6;
            LocalDate due = calendar.addWorkingDays(day, properties.replyDays().of(kind));
            // Mostly within the period, one in eight late, one in forty never answered.
            int used = random.nextInt(8) == 0 ? properties.replyDays().of(kind) + 1 + random.nextInt(10)
                    : 1 + random.nextInt(properties.replyDays().of(kind));
            LocalDate repliedOn = random.nextInt(40) == 0 ? null : calendar.addWorkingDays(day, used);
            String number = PREFIX + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%06d", i);
            if (repliedOn == null || !repliedOn.isBefore(lastDay)) {
                letters.add(new Generated(i, number, kind, title, body, consent, name, Status.HANDLING, department, due, null, null,
                        null, received, null, null, null, null, false, null, null, null));
                continue;
            }
            Instant replied = repliedOn.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(CityTime.ZONE).toInstant();
            String reply = name + "您好！您反映的" + topic + "问题已收悉。经调查核实，我单位已会同属地街道进行处理，"
                    + "相关情况已电话告知。如有疑问，请拨打12345市民热线。";
            Integer satisfaction = random.nextInt(10) < 7 ? new int[] {1, 2, 3, 4, 4, 5, 5, 5}[random.nextInt(8)] : null;
            Instant ratingDue = replied.plus(properties.ratingWindow());
            boolean closed = ratingDue.isBefore(lastDay.atStartOfDay(CityTime.ZONE).toInstant());
            Instant rated = satisfaction == null ? null : replied.plus(java.time.Duration.ofHours(2 + random.nextInt(100)));
            Instant closedAt = !closed ? null : rated != null ? rated : ratingDue;
            boolean published = closed && consent && random.nextInt(6) == 0;
            MaskingContext writer = MaskingContext.ofNames(name);
            letters.add(new Generated(i, number, kind, title, body, consent, name, closed ? Status.CLOSED : Status.REPLIED,
                    department, null, reply, due, satisfaction, received, replied, rated, closedAt, closed ? null : ratingDue,
                    published, published ? PersonalDataMasker.mask(title, writer).text() : null,
                    published ? PersonalDataMasker.mask(body, writer).text() : null,
                    published ? PersonalDataMasker.mask(reply, writer).text() : null));
        }
        return letters;
    }
}
