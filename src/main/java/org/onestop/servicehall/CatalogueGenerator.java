package org.onestop.servicehall;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.onestop.servicehall.ServiceDraft.Condition;
import org.onestop.servicehall.ServiceDraft.Fee;
import org.onestop.servicehall.ServiceDraft.Material;
import org.onestop.servicehall.ServiceDraft.Step;
import org.onestop.servicehall.ServiceTemplates.Action;
import org.onestop.servicehall.ServiceTemplates.Kind;
import org.onestop.servicehall.ServiceTemplates.Subject;

/**
 * Makes the demo catalogue from the templates. Deterministic: the same count gives the same
 * services, because every varying figure (time limits, online depth, channels) comes from a random
 * source seeded by the service's own code.
 *
 * <p>Each department's items come first at city level, then (for departments with district
 * branches) once per district for the services to citizens. Departments take turns, so any prefix
 * of the result, however small, spreads over as many departments as it can.
 */
final class CatalogueGenerator {

    /** Laws of the national people's congress: found in the national database of laws. */
    private static final String NATIONAL_LAWS = "https://flk.npc.gov.cn/";

    private static final Map<String, String> TYPE_ZH = Map.of("licensing", "行政许可", "confirmation", "行政确认",
            "benefit", "行政给付", "award", "行政奖励", "adjudication", "行政裁决", "filing", "其他行政权力", "public", "公共服务");
    private static final Map<String, String> AUDIENCE_ZH = Map.of("citizen", "自然人", "enterprise", "法人和其他组织",
            "both", "自然人、法人和其他组织");

    private CatalogueGenerator() {
    }

    /** The first {@code count} services of the demo catalogue (at most every service the templates make). */
    static List<ServiceDraft> generate(int count) {
        List<List<ServiceDraft>> perDepartment = ServiceTemplates.load().stream()
                .map(CatalogueGenerator::department).toList();
        List<ServiceDraft> out = new ArrayList<>(Math.min(count, 4096));
        for (int round = 0; out.size() < count; round++) {
            boolean any = false;
            for (List<ServiceDraft> items : perDepartment) {
                if (round < items.size() && out.size() < count) {
                    out.add(items.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    private static List<ServiceDraft> department(ServiceTemplates.Department d) {
        List<ServiceDraft> items = new ArrayList<>();
        List<Areas.Area> areas = new ArrayList<>();
        areas.add(Areas.of(Areas.CITY));
        if (d.districts()) {
            areas.addAll(Areas.districts());
        }
        for (Areas.Area area : areas) {
            int seq = 0;
            for (Subject s : d.subjects()) {
                for (Action action : ServiceTemplates.actions(s)) {
                    seq++;
                    if (area.code().equals(Areas.CITY) || !s.audience().equals("enterprise")) {
                        items.add(draft(d, area, seq, s, action));
                    }
                }
            }
        }
        return items;
    }

    private static ServiceDraft draft(ServiceTemplates.Department d, Areas.Area area, int seq, Subject s, Action action) {
        String code = "%s-%s-%04d".formatted(area.code(), d.code(), seq);
        Random random = new Random(code.hashCode());
        String name = action.nameZh(s.nameZh());
        String nameEn = action.nameEn(s.nameEn());
        int statutory = s.days() != null ? s.days() : defaultDays(s.type());
        int promised = promised(statutory, random);
        int depth;
        int visits;
        if (s.online()) {
            depth = 4;
            visits = 0;
        } else {
            double r = random.nextDouble();
            depth = r < 0.80 ? 4 : r < 0.93 ? 3 : r < 0.98 ? 2 : 1;
            visits = s.onsite() ? 1 : depth == 4 && random.nextDouble() < 0.9 ? 0 : depth == 1 ? 2 : 1;
        }
        String result = action.kind() == Kind.CANCEL ? null : s.result();
        List<String> channels = channels(depth, visits, result != null, random);
        LinkedHashSet<String> concepts = new LinkedHashSet<>(s.events());
        concepts.add(d.theme());
        String law = String.join("；", s.laws());
        String lawUrl = s.laws().getFirst().startsWith("《中华人民共和国") ? NATIONAL_LAWS : null;
        List<Fee> fees = s.fee() == null || action.kind() == Kind.CANCEL || action.kind() == Kind.CHANGE ? List.of()
                : List.of(new Fee(name + "工本费", s.fee(), s.feeBasis()));
        boolean fullyOnline = depth == 4 && visits == 0;
        String descriptionZh = "%s是在%s实施的%s事项，面向%s。法定办结时限%d个工作日，承诺办结时限%d个工作日；%s。".formatted(
                name, area.nameZh(), TYPE_ZH.get(s.type()), AUDIENCE_ZH.get(s.audience()), statutory, promised,
                fullyOnline ? "全程网办，无需到现场" : visits == 0 ? "可网上办理" : "需到现场" + visits + "次");
        String descriptionEn = "%s, a %s service carried out in %s. Statutory time limit %d working days, promised %d; %s."
                .formatted(nameEn, s.type(), area.nameEn(), statutory, promised,
                        fullyOnline ? "fully online, no visit needed" : visits + " visit(s) to a service window needed");
        return new ServiceDraft(code, name, nameEn, descriptionZh, descriptionEn, d.code(), area.code(), s.type(),
                s.audience(), List.copyOf(concepts), law, lawUrl, conditions(s, action, area), materials(s, action, name),
                fees, statutory, promised, steps(depth, visits, promised, result), channels, depth, visits, result);
    }

    private static int defaultDays(String type) {
        return switch (type) {
            case "licensing", "benefit" -> 20;
            case "filing" -> 5;
            default -> 15;
        };
    }

    private static int promised(int statutory, Random random) {
        if (statutory == 0) {
            return 0;
        }
        if (statutory <= 5 && random.nextDouble() < 0.3) {
            return 0;
        }
        double[] shares = {0.2, 0.3, 0.4, 0.5};
        return Math.max(1, (int) Math.round(statutory * shares[random.nextInt(shares.length)]));
    }

    private static List<String> channels(int depth, int visits, boolean hasResult, Random random) {
        List<String> channels = new ArrayList<>();
        if (depth >= 3) {
            channels.add("online");
        }
        if (depth == 4 && random.nextDouble() < 0.7) {
            channels.add("mobile");
        }
        // A fully online service may still be applied for at a window by those who prefer it.
        if (visits > 0 || depth < 3 || random.nextDouble() < 0.75) {
            channels.add("window");
        }
        if (hasResult && random.nextDouble() < 0.4) {
            channels.add("post");
        }
        return channels;
    }

    private static List<Condition> conditions(Subject s, Action action, Areas.Area area) {
        List<Condition> out = new ArrayList<>();
        String place = area.code().equals(Areas.CITY) ? "本市" : area.nameZh();
        out.add(new Condition(switch (s.audience()) {
            case "citizen" -> "申请人为" + place + "户籍居民，或持有" + place + "有效居住证的人员";
            case "enterprise" -> "申请人为在" + place + "依法设立的企业、社会组织或其他组织";
            default -> "申请人为" + place + "居民，或在" + place + "依法设立的企业、社会组织或其他组织";
        }));
        String law = s.laws().getFirst();
        out.add(new Condition(switch (action.kind()) {
            case NEW -> "符合" + law + "规定的" + s.nameZh() + "条件";
            case APPLY -> "符合" + law + "规定的" + s.nameZh() + "享受条件";
            case CHANGE -> "已依法取得" + s.nameZh() + "，且登记事项发生变化";
            case RENEW -> "已取得的" + s.nameZh() + "有效期届满前30日内提出申请";
            case CANCEL -> "已依法取得" + s.nameZh() + "，因故需要终止";
            case REISSUE -> "原" + s.nameZh() + "遗失或损毁";
        }));
        return out;
    }

    private static List<Material> materials(Subject s, Action action, String name) {
        List<Material> out = new ArrayList<>();
        out.add(new Material("m1", name + "申请表", "original", 1, true, name + "申请表.docx"));
        if (s.audience().equals("enterprise")) {
            out.add(new Material("m2", "营业执照或其他主体资格证明", "copy", 1, true, null));
            out.add(new Material("m3", "法定代表人身份证明", "copy", 1, true, null));
        } else {
            out.add(new Material("m2", "申请人居民身份证", "original_and_copy", 1, true, null));
        }
        for (String material : s.materials()) {
            out.add(new Material("m" + (out.size() + 1), material, "copy", 1, true, null));
        }
        switch (action.kind()) {
            case CHANGE -> out.add(new Material("m" + (out.size() + 1), "变更事项的证明材料", "copy", 1, true, null));
            case RENEW, CANCEL -> out.add(new Material("m" + (out.size() + 1), "原" + s.nameZh() + "证件", "original", 1, true, null));
            case REISSUE -> out.add(new Material("m" + (out.size() + 1), "遗失或损毁情况说明", "original", 1, true,
                    "遗失情况说明.docx"));
            default -> out.add(new Material("m" + (out.size() + 1), "委托代理人办理的授权委托书", "original", 1, false,
                    "授权委托书.docx"));
        }
        return out;
    }

    private static List<Step> steps(int depth, int visits, int promised, String result) {
        List<Step> out = new ArrayList<>();
        out.add(depth >= 3 ? new Step("网上申请", "登录一站通，在线填写申请表并上传申请材料")
                : new Step("窗口申请", "携带申请材料到政务服务大厅窗口提交申请"));
        if (promised == 0) {
            out.add(new Step("受理并办结", "材料齐全、符合法定形式的，当场受理并办结"));
        } else {
            out.add(new Step("受理", "材料齐全、符合法定形式的予以受理；材料不齐全的，一次性告知需要补正的全部内容"));
            out.add(new Step("审查", "自受理之日起" + promised + "个工作日内完成审查并作出决定"));
        }
        if (result != null) {
            out.add(depth == 4 && visits == 0 ? new Step("送达", "发放" + result + "电子证照，或免费邮寄送达")
                    : new Step("领取结果", "到窗口领取" + result + "，或选择邮寄送达"));
        } else {
            out.add(new Step("告知结果", "通过一站通消息和短信告知办理结果"));
        }
        return out;
    }
}
