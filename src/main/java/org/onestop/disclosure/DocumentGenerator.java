package org.onestop.disclosure;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.onestop.account.Department;

/**
 * Deterministic demo documents: the same seed and departments always give the same documents in
 * the same order, so a benchmark or a bug report can be reproduced. Titles, document numbers and
 * bodies follow the forms of real municipal disclosure catalogues, built from templates and word
 * lists (some with Latin words such as WTO, 5G, PM2.5, so mixed search is exercised).
 */
final class DocumentGenerator implements Iterable<GeneratedDocument> {

    private static final String[] TOPICS = {"住房公积金提取", "老旧小区改造", "养老服务体系建设", "义务教育招生入学", "高校毕业生就业创业",
        "优化营商环境", "海洋经济高质量发展", "乡村振兴", "生态环境保护", "安全生产专项整治", "食品安全监管", "城乡居民医疗保障",
        "公共文化服务", "科技创新平台建设", "知识产权保护", "政务公开", "数字政府建设", "城市更新", "交通拥堵治理", "生活垃圾分类",
        "消防安全", "退役军人优待抚恤", "人才引进", "创业担保贷款", "农村人居环境整治", "水资源节约保护", "城市排水防涝",
        "5G基站建设", "PM2.5污染防治", "WTO规则应对", "跨境电商综合试验区", "RCEP经贸合作", "AI人工智能产业", "IPv6规模部署",
        "LNG应急储备", "新能源汽车推广", "工业互联网", "集成电路产业", "冷链物流", "中小企业纾困", "最低生活保障", "残疾人两项补贴",
        "住房租赁市场", "学前教育", "职业技能提升", "社会保险经办", "耕地保护", "森林防火", "防汛抗旱", "统计调查"};
    private static final String[] DOC_KINDS = {"管理办法", "实施细则", "工作方案", "实施方案", "若干措施", "管理规定", "暂行办法", "行动计划"};
    private static final String[] VERBS = {"进一步加强", "加快推进", "全面深化", "规范", "优化", "持续完善", "切实做好", "大力支持"};
    private static final String[] BASES = {"《中华人民共和国政府信息公开条例》", "党中央、国务院决策部署", "省委、省政府工作要求",
        "市第十三次党代会精神", "《优化营商环境条例》", "国家“十四五”规划纲要"};
    private static final String[] GOALS = {"体制机制更加健全", "服务水平明显提升", "群众满意度持续提高", "主要指标位居全省前列",
        "覆盖城乡的服务网络基本建成", "重点领域风险有效防控"};
    private static final String[] MEASURES = {"建立健全工作协调机制，明确责任分工", "加大财政资金投入，统筹用好各类专项资金",
        "推进数据共享和业务协同，实现“一网通办”", "强化监督检查和绩效评估，确保各项任务落地见效", "加强宣传引导，及时回应社会关切",
        "完善考核评价体系，将落实情况纳入年度考核", "简化办事流程，压减办理时限和申请材料", "发挥5G、大数据等新技术支撑作用"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "秀英", "晓东", "丽华", "文博", "国庆", "明", "静", "磊", "红梅", "立新", "晨"};
    private static final String[] POSTS = {"副局长", "副主任", "处长", "调研员", "总工程师", "副处长", "主任科员"};
    private static final String[] CATEGORIES = {"regulation", "normative-gov", "normative-dept", "bulletin", "notice-notice",
        "notice-announcement", "interpretation", "functions", "plan-development", "plan-annual", "budget-budget", "budget-final",
        "budget-three", "personnel"};
    /** How often each category occurs, per thousand: notices and normative documents dominate real catalogues. */
    private static final int[] WEIGHTS = {15, 40, 140, 15, 230, 110, 90, 20, 30, 60, 50, 50, 40, 110};

    static final LocalDate FIRST_DAY = LocalDate.of(2010, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);

    private final long seed;
    private final int count;
    private final List<Department> departments;

    DocumentGenerator(long seed, int count, List<Department> departments) {
        if (departments.isEmpty()) {
            throw new IllegalArgumentException("The generator needs departments");
        }
        this.seed = seed;
        this.count = count;
        this.departments = List.copyOf(departments);
    }

    @Override
    public Iterator<GeneratedDocument> iterator() {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> numberSerials = new HashMap<>();
        Map<Long, Integer> lastNormative = new HashMap<>();
        long days = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public GeneratedDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int ordinal = next++;
                Department d = departments.get(random.nextInt(departments.size()));
                String category = pickCategory(random);
                // More documents in recent years, as portals publish more each year: sqrt skews toward the end.
                LocalDate on = FIRST_DAY.plusDays((long) (Math.sqrt(random.nextDouble()) * days));
                String topic = pick(random, TOPICS);
                String dept = d.nameZh();
                int year = on.getYear();
                String title = title(random, category, dept, topic, year);
                String number = number(random, category, d, year, numberSerials);
                String validity = validity(random, category, on);
                String body = body(random, category, dept, topic, year, on);
                int related = -1;
                if (category.startsWith("normative")) {
                    lastNormative.put(d.id(), ordinal);
                } else if (category.equals("interpretation") && lastNormative.containsKey(d.id())) {
                    related = lastNormative.get(d.id());
                }
                return new GeneratedDocument(ordinal, d.id(), d.code(), category, title, number, topic, on, validity,
                        body, related);
            }
        };
    }

    private static String title(SplittableRandom r, String category, String dept, String topic, int year) {
        return switch (category) {
            case "regulation" -> "青岛市" + topic + pick(r, "管理办法", "管理规定", "实施办法");
            case "normative-gov", "normative-dept" -> switch (r.nextInt(4)) {
                case 0 -> "关于印发《青岛市" + topic + pick(r, DOC_KINDS) + "》的通知";
                case 1 -> "关于" + pick(r, VERBS) + topic + "工作的实施意见";
                case 2 -> dept + "关于" + topic + "的" + pick(r, "若干措施", "指导意见", "补充通知");
                default -> "青岛市" + topic + pick(r, DOC_KINDS) + "（" + year + "年修订）";
            };
            case "bulletin" -> "青岛市人民政府公报" + year + "年第" + (1 + r.nextInt(24)) + "期";
            case "notice-notice" -> "关于开展" + year + "年度" + topic + pick(r, "工作", "专项检查", "申报工作", "评估工作") + "的通知";
            case "notice-announcement" -> pick(r, year + "年" + topic + "项目拟支持名单公示", "关于" + topic + "有关事项的公告",
                    dept + year + "年公开招聘工作人员公告");
            case "interpretation" -> pick(r, "《青岛市" + topic + pick(r, DOC_KINDS) + "》政策解读", "一图读懂" + topic + "新政策",
                    "关于" + topic + "的政策问答");
            case "functions" -> dept + pick(r, "主要职责", "内设机构及职能", "领导分工", "机构概况");
            case "plan-development" -> "青岛市“十" + (year < 2016 ? "二" : year < 2021 ? "三" : "四") + "五”" + topic + "发展规划";
            case "plan-annual" -> dept + year + "年" + pick(r, "工作计划", "工作要点", "政务公开工作要点");
            case "budget-budget" -> dept + year + "年度部门预算公开";
            case "budget-final" -> dept + (year - 1) + "年度部门决算公开";
            case "budget-three" -> dept + year + "年度“三公”经费预算情况说明";
            default -> "青岛市人民政府关于" + pick(r, SURNAMES) + pick(r, GIVEN) + "等同志职务任免的通知";
        };
    }

    private static String number(SplittableRandom r, String category, Department d, int year, Map<String, Integer> serials) {
        String prefix = switch (category) {
            case "regulation" -> "青岛市人民政府令第";
            case "normative-gov", "personnel" -> pick(r, "青政发", "青政办发", "青政字", "青政办字");
            case "normative-dept", "notice-notice" -> "青" + abbreviation(d) + pick(r, "发", "字", "规");
            default -> null;
        };
        if (prefix == null) {
            return null;
        }
        int serial = serials.merge(prefix + year, 1 + r.nextInt(3), Integer::sum);
        return category.equals("regulation") ? prefix + (200 + serial) + "号" : prefix + "〔" + year + "〕" + serial + "号";
    }

    /** The one- or two-character abbreviation departments put in their document numbers (青人社发, 青财预...). */
    private static String abbreviation(Department d) {
        String name = d.nameZh().replace("市", "").replace("人民政府", "").replace("委员会", "委");
        return name.length() <= 2 ? name : name.substring(0, 2);
    }

    private static String validity(SplittableRandom r, String category, LocalDate on) {
        if (!category.startsWith("normative") && !category.equals("regulation") || on.getYear() > 2020) {
            return "valid";
        }
        int roll = r.nextInt(100);
        return roll < 30 ? "expired" : roll < 38 ? "repealed" : "valid";
    }

    private static String body(SplittableRandom r, String category, String dept, String topic, int year, LocalDate on) {
        StringBuilder b = new StringBuilder();
        switch (category) {
            case "budget-budget", "budget-final", "budget-three" -> {
                b.append(dept).append(year).append("年度").append(category.equals("budget-final") ? "决算" : "预算")
                        .append("按照《中华人民共和国预算法》和政府信息公开有关规定予以公开。\n");
                b.append("一、部门主要职责。").append(dept).append("负责").append(topic).append("相关工作的组织实施和监督管理。\n");
                long total = 500 + r.nextInt(50_000);
                b.append("二、收支总体情况。").append(year).append("年度收入总计").append(total).append("万元，支出总计")
                        .append(total - r.nextInt(100)).append("万元，其中基本支出").append(total / 3).append("万元，项目支出")
                        .append(total - total / 3).append("万元。\n");
                b.append("三、“三公”经费情况。因公出国（境）费").append(r.nextInt(50)).append("万元，公务用车购置及运行费")
                        .append(r.nextInt(80)).append("万元，公务接待费").append(r.nextInt(30)).append("万元，较上年有所下降。\n");
                b.append("四、名词解释。基本支出指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。");
            }
            case "personnel" -> {
                for (int i = 0, n = 2 + r.nextInt(4); i < n; i++) {
                    b.append(i % 2 == 0 ? "任命" : "免去").append(pick(r, SURNAMES)).append(pick(r, GIVEN)).append("同志为")
                            .append(dept).append(pick(r, POSTS)).append(i % 2 == 0 ? "，试用期一年" : "职务").append("。\n");
                }
                b.append("青岛市人民政府\n").append(on.getYear()).append("年").append(on.getMonthValue()).append("月")
                        .append(on.getDayOfMonth()).append("日");
            }
            default -> {
                b.append("各区、市人民政府，市政府各部门，市直各单位：\n");
                b.append("为深入贯彻落实").append(pick(r, BASES)).append("，").append(pick(r, VERBS)).append(topic)
                        .append("工作，结合我市实际，制定本").append(pick(r, DOC_KINDS)).append("。\n");
                b.append("一、总体要求。坚持以人民为中心的发展思想，到").append(year + 3).append("年，").append(topic)
                        .append(pick(r, GOALS)).append("。\n");
                b.append("二、主要任务。");
                for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
                    b.append("（").append("一二三四五".charAt(i)).append("）").append(pick(r, MEASURES)).append("，")
                            .append(pick(r, VERBS)).append(pick(r, TOPICS)).append("。");
                }
                b.append("\n三、保障措施。各区、市和各有关部门要").append(pick(r, MEASURES)).append("，")
                        .append(pick(r, MEASURES)).append("。\n");
                b.append("本").append(pick(r, "通知", "办法", "方案", "意见")).append("自").append(on.getYear()).append("年")
                        .append(on.getMonthValue()).append("月").append(on.getDayOfMonth()).append("日起施行，有效期5年。");
            }
        }
        return b.toString();
    }

    private static String pickCategory(SplittableRandom r) {
        int roll = r.nextInt(1000);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                return CATEGORIES[i];
            }
        }
        return CATEGORIES[CATEGORIES.length - 1];
    }

    private static String pick(SplittableRandom r, String... words) {
        return words[r.nextInt(words.length)];
    }
}
