package org.onestop.servicehall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application form each catalogue service starts with, as form-definition data (see the
 * applications feature for the format). The two school-transfer services get their real form:
 * student, guardians, schools, grade and reason, with fields that appear only for some answers.
 * Every other service gets a form built from its guide: the applicant's particulars for its
 * audience and one upload slot per material of the guide.
 */
final class FormDefinitions {

    static final Set<String> SCHOOL_TRANSFER = Set.of("普通高中转学", "初中转学");
    static final List<String> TYPES = List.of("pdf", "jpeg", "png");
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final String HAN_NAME = "^[\\p{IsHan}·]{2,20}$";

    private FormDefinitions() {
    }

    static Map<String, Object> of(ServiceFacts service) {
        return SCHOOL_TRANSFER.contains(service.nameZh()) ? SchoolTransferForm.of(service) : generic(service);
    }

    private static Map<String, Object> generic(ServiceFacts service) {
        List<Object> fields = new ArrayList<>();
        boolean person = !service.audience().equals("enterprise");
        boolean organisation = !service.audience().equals("citizen");
        Map<String, Object> asPerson = null;
        Map<String, Object> asOrganisation = null;
        if (person && organisation) {
            fields.add(with(field("applicantType", "applicant", "radio", "申请人类型", "Applicant type", true), "options",
                    List.of(option("person", "自然人", "Individual"), option("organisation", "法人或其他组织", "Organisation"))));
            asPerson = Map.of("field", "applicantType", "equals", "person");
            asOrganisation = Map.of("field", "applicantType", "equals", "organisation");
        }
        if (person) {
            fields.add(when(with(field("applicantName", "applicant", "text", "申请人姓名", "Applicant's name", true),
                    "pattern", HAN_NAME), asPerson));
            fields.add(when(field("applicantIdNumber", "applicant", "idNumber", "居民身份证号码", "Resident ID number", true),
                    asPerson));
        }
        if (organisation) {
            fields.add(when(with(field("organisationName", "applicant", "text", "单位名称", "Organisation name", true),
                    "maxLength", 100), asOrganisation));
            fields.add(when(field("creditCode", "applicant", "creditCode", "统一社会信用代码", "Unified social credit code",
                    true), asOrganisation));
            fields.add(when(with(field("legalRepresentative", "applicant", "text", "法定代表人", "Legal representative", true),
                    "pattern", HAN_NAME), asOrganisation));
        }
        fields.add(field("mobile", "contact", "mobile", "联系电话", "Mobile number", true));
        fields.add(field("email", "contact", "email", "电子邮箱", "E-mail", false));
        fields.add(with(field("address", "contact", "textarea", "联系地址", "Postal address", false), "maxLength", 200));
        fields.add(with(field("remarks", "contact", "textarea", "申请说明", "Remarks", false), "maxLength", 1000));
        List<Object> materials = service.materials().stream()
                .map(m -> (Object) material(m.key(), m.name(), m.name(), m.required(), null)).toList();
        return form(List.of(section("applicant", "申请人信息", "Applicant"), section("contact", "联系方式", "Contact")),
                fields, materials);
    }

    static Map<String, Object> form(List<Object> sections, List<Object> fields, List<Object> materials) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("sections", sections);
        form.put("fields", fields);
        form.put("materials", materials);
        return form;
    }

    static Map<String, Object> text(String zh, String en) {
        return Map.of("zh", zh, "en", en);
    }

    static Map<String, Object> section(String id, String zh, String en) {
        return Map.of("id", id, "title", text(zh, en));
    }

    static Map<String, Object> field(String name, String section, String type, String zh, String en, boolean required) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("section", section);
        field.put("type", type);
        field.put("label", text(zh, en));
        field.put("required", required);
        return field;
    }

    static Map<String, Object> with(Map<String, Object> field, String key, Object value) {
        field.put(key, value);
        return field;
    }

    static Map<String, Object> when(Map<String, Object> field, Map<String, Object> condition) {
        return condition == null ? field : with(field, "visibleWhen", condition);
    }

    static Map<String, Object> option(String value, String zh, String en) {
        return Map.of("value", value, "label", text(zh, en));
    }

    static Map<String, Object> material(String code, String zh, String en, boolean required, Map<String, Object> when) {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("code", code);
        material.put("name", text(zh, en));
        material.put("required", required);
        material.put("types", TYPES);
        material.put("maxBytes", MAX_BYTES);
        if (when != null) {
            material.put("visibleWhen", when);
        }
        return material;
    }
}
