package org.onestop.robustness;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.onestop.Identities;
import org.onestop.account.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible, valid body for each write endpoint, built from the declared body type's record
 * components and a table of field names, so that one mutated field at a time reaches the code
 * behind validation (a stored value, a SQL parameter). A few routes whose names alone do not say
 * enough have their own sample. A new endpoint gets a sample from its record without a change here.
 */
final class SampleBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicInteger SERIAL = new AtomicInteger();
    static final String FORM_DEFINITION = """
            {"definition": {"sections": [{"id": "a", "title": {"zh": "申请人", "en": "Applicant"}}],
             "fields": [{"name": "name", "section": "a", "type": "text", "label": {"zh": "姓名"}, "required": true, "maxLength": 20},
                        {"name": "agree", "type": "checkbox", "label": {"zh": "同意"}, "required": true}]}}""";

    private final FuzzWorld world;

    SampleBodies(FuzzWorld world) {
        this.world = world;
    }

    /** A JSON sample for a route with a JSON body; fresh on each call (new usernames, ID numbers). */
    ObjectNode json(WriteRoutes.Route route) {
        String t = route.template();
        if (t.equals("/api/admin/services/{code}/form")) {
            return (ObjectNode) HostileValues.JSON.readTree(FORM_DEFINITION);
        }
        if (t.equals("/api/applications/{id}/data")) {
            return NODES.objectNode().set("data", HostileValues.JSON.valueToTree(transferData()));
        }
        if (t.equals("/api/auth/login")) {
            return NODES.objectNode().put("username", "fz_other").put("password", TestAccounts.PASSWORD);
        }
        if (route.bodyType() instanceof Class<?> c && c.isRecord()) {
            return record(c, t);
        }
        return NODES.objectNode();
    }

    /** The fields of a multipart sample, each a JSON or text part; files are added by the caller. */
    Map<String, String> multipartFields(WriteRoutes.Route route) {
        if (route.template().equals("/api/mailbox/letters")) {
            return Map.of("letter", HostileValues.JSON.writeValueAsString(Map.of("mailbox", "HRSS", "kind", "suggestion",
                    "title", "建议增设社保自助终端", "body", "社区没有自助终端，办事要跑很远。", "location", "市南区",
                    "consentToPublish", true, "contactPreference", "sms")));
        }
        if (route.template().startsWith("/api/opendata/manage/") && route.template().endsWith("/resources")) {
            return Map.of("name", "就业登记人数（CSV）", "format", "CSV");
        }
        if (route.template().endsWith("/reply")) {
            return Map.of("outcome", "disclosed", "text", "经审查，您申请的信息予以公开，详见附件。");
        }
        return Map.of();
    }

    /** The part name under which a multipart route takes its files. */
    static String filePart(WriteRoutes.Route route) {
        if (route.template().startsWith("/api/mailbox/")) {
            return "attachments";
        }
        return route.template().contains("/materials/") || route.template().startsWith("/api/opendata/") ? "file" : "files";
    }

    /** The Open311 form of a service request (the GeoReport v2 fields). */
    Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", world.openKey);
        form.put("service_code", "HOUSING.complaint");
        form.put("lat", "36.0671");
        form.put("long", "120.3826");
        form.put("description", "楼道灯坏了一个月");
        return form;
    }

    private ObjectNode record(Class<?> type, String template) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode value = value(c.getName(), c.getGenericType(), template);
            if (value != null) {
                node.set(c.getName(), value);
            }
        }
        return node;
    }

    private JsonNode value(String name, Type type, String template) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            ArrayNode list = NODES.arrayNode();
            JsonNode one = name.equals("relatedIds") || name.equals("followUp") ? null : value(singular(name), element, template);
            if (one != null) {
                list.add(one);
            }
            return list;
        }
        if (raw.isRecord()) {
            return record(raw, template);
        }
        if (raw == Instant.class) {
            Instant soon = Instant.now().plus(2, ChronoUnit.HOURS);
            return NODES.stringNode((name.startsWith("ends") || name.startsWith("closes") ? soon.plus(10, ChronoUnit.DAYS) : soon)
                    .toString());
        }
        if (raw == LocalDate.class) {
            return NODES.stringNode(template.contains("/calendar/") ? FuzzWorld.CALENDAR_YEAR + "-10-01" : LocalDate.now().toString());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.booleanNode(!name.equals("anonymous") && !name.equals("draft"));
        }
        if (raw == Integer.class || raw == int.class) {
            return NODES.numberNode(5);
        }
        if (raw == Long.class || raw == long.class) {
            Long id = id(name, template);
            return id == null ? null : NODES.numberNode(id);
        }
        if (raw == String.class) {
            String text = text(name, template);
            return text == null ? null : NODES.stringNode(text);
        }
        return null;
    }

    private Long id(String name, String template) {
        return switch (name) {
            case "departmentId", "leadDepartmentId" -> world.ids.get("hrss");
            case "cohandlerId" -> world.ids.get("civil");
            case "officialId" -> world.ids.get("official");
            case "moderatorId" -> world.ids.get("moderator");
            case "userId" -> world.ids.get("other");
            case "into" -> world.ids.get("question2");
            case "commentId" -> world.ids.get("comment");
            case "upTo" -> 1L;
            default -> null;
        };
    }

    private String text(String name, String template) {
        int n = SERIAL.incrementAndGet();
        return switch (name) {
            case "username" -> template.contains("/auth/") || template.contains("/admin/users") ? "fz_new" + n : "fz_citizen";
            case "password" -> TestAccounts.PASSWORD;
            case "idNumber" -> Identities.idNumber();
            case "mobile", "contactPhone" -> Identities.mobile();
            case "creditCode" -> null;
            case "enterpriseName" -> null;
            case "contactEmail" -> "someone@example.com";
            case "kind" -> kind(template);
            case "role" -> "official";
            case "category" -> "normative";
            case "validity" -> "valid";
            case "delivery" -> "electronic";
            case "frequency" -> "weekly";
            case "target" -> "HRSS";
            case "decision" -> "adopted";
            case "code" -> "household";
            case "serviceCode" -> world.serviceCode;
            case "number" -> "XX20260000001";
            case "publishedOn", "date" -> LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            case "name" -> template.contains("/calendar/") ? "国庆节" : "合作方" + n;
            case "title", "documentTitle" -> "关于就业补贴的建议" + n;
            case "docNumber" -> "青人社发〔2026〕" + n + "号";
            default -> "灵活就业人员社保缴费问题的说明" + n;
        };
    }

    private static String kind(String template) {
        if (template.contains("/auth/")) {
            return "citizen";
        }
        if (template.contains("/calendar/")) {
            return "holiday";
        }
        if (template.contains("/subscriptions")) {
            return "disclosure_department";
        }
        return template.contains("/applications/") ? "material" : "suggestion";
    }

    private static String singular(String name) {
        if (name.endsWith("Ids")) {
            return name.substring(0, name.length() - 3) + "Id";
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** Complete form data for 普通高中转学 (moving with the family), as its default form asks. */
    static Map<String, Object> transferData() {
        Map<String, Object> data = new LinkedHashMap<>();
        String student = Identities.idNumber();
        data.put("studentName", "李小明");
        data.put("studentIdNumber", student);
        data.put("gender", "male");
        data.put("studentNumber", "G" + student);
        data.put("grade", "g10");
        data.put("guardianName", "李建国");
        data.put("guardianRelation", "father");
        data.put("guardianIdNumber", Identities.idNumber());
        data.put("guardianMobile", Identities.mobile());
        data.put("fromSchool", "青岛第二中学");
        data.put("toSchool", "青岛第五十八中学");
        data.put("toDistrict", "370212");
        data.put("transferDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString());
        data.put("reason", "relocation");
        data.put("newAddress", "崂山区香港东路100号");
        data.put("declaration", true);
        return data;
    }
}
