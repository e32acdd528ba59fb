package org.onestop.servicehall;

import static org.onestop.servicehall.FormDefinitions.field;
import static org.onestop.servicehall.FormDefinitions.material;
import static org.onestop.servicehall.FormDefinitions.option;
import static org.onestop.servicehall.FormDefinitions.section;
import static org.onestop.servicehall.FormDefinitions.when;
import static org.onestop.servicehall.FormDefinitions.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real application form of 普通高中转学 and 初中转学: the student, one or two guardians, the
 * schools, the grade and the reason, where the reason decides which further answers and
 * materials are asked for (a new address and 户口簿 for a family move, 军人证明 for 军人子女).
 */
final class SchoolTransferForm {

    private static final String HAN_NAME = "^[\\p{IsHan}·]{2,20}$";

    private SchoolTransferForm() {
    }

    static Map<String, Object> of(ServiceFacts service) {
        boolean senior = service.nameZh().startsWith("普通高中");
        List<Object> grades = senior
                ? List.of(option("g10", "高一", "Year 10"), option("g11", "高二", "Year 11"), option("g12", "高三", "Year 12"))
                : List.of(option("g7", "初一", "Year 7"), option("g8", "初二", "Year 8"), option("g9", "初三", "Year 9"));
        List<Object> districts = Areas.districts().stream()
                .map(a -> (Object) option(a.code(), a.nameZh(), a.nameEn())).toList();
        Map<String, Object> moving = Map.of("field", "reason", "in", List.of("relocation", "household"));
        Map<String, Object> other = Map.of("field", "reason", "equals", "other");
        Map<String, Object> military = Map.of("field", "reason", "equals", "military");
        Map<String, Object> secondGuardian = Map.of("field", "hasSecondGuardian", "equals", true);

        List<Object> fields = new ArrayList<>();
        fields.add(with(field("studentName", "student", "text", "学生姓名", "Student's name", true), "pattern", HAN_NAME));
        fields.add(field("studentIdNumber", "student", "idNumber", "学生居民身份证号码", "Student's resident ID number", true));
        fields.add(with(field("gender", "student", "radio", "性别", "Gender", true), "options",
                List.of(option("male", "男", "Male"), option("female", "女", "Female"))));
        fields.add(with(with(field("studentNumber", "student", "text", "全国学籍号", "National student number", true),
                "pattern", "^[GJL]\\d{17}[\\dX]$"), "help",
                FormDefinitions.text("G加身份证号码，共19位", "G followed by the ID number, 19 characters")));
        fields.add(with(field("grade", "student", "select", "当前年级", "Current year", true), "options", grades));
        fields.add(with(field("guardianName", "guardians", "text", "监护人姓名", "Guardian's name", true), "pattern", HAN_NAME));
        fields.add(with(field("guardianRelation", "guardians", "select", "与学生关系", "Relation to the student", true),
                "options", List.of(option("father", "父亲", "Father"), option("mother", "母亲", "Mother"),
                        option("other", "其他监护人", "Other guardian"))));
        fields.add(when(with(field("guardianRelationOther", "guardians", "text", "请说明监护关系",
                "Describe the guardianship", true), "maxLength", 50), Map.of("field", "guardianRelation", "equals", "other")));
        fields.add(field("guardianIdNumber", "guardians", "idNumber", "监护人居民身份证号码", "Guardian's resident ID number", true));
        fields.add(field("guardianMobile", "guardians", "mobile", "监护人手机号码", "Guardian's mobile number", true));
        fields.add(field("hasSecondGuardian", "guardians", "checkbox", "填写第二监护人", "Add a second guardian", false));
        fields.add(when(with(field("secondGuardianName", "guardians", "text", "第二监护人姓名", "Second guardian's name", true),
                "pattern", HAN_NAME), secondGuardian));
        fields.add(when(field("secondGuardianMobile", "guardians", "mobile", "第二监护人手机号码",
                "Second guardian's mobile number", true), secondGuardian));
        fields.add(with(field("fromSchool", "schools", "text", "转出学校", "School left", true), "maxLength", 60));
        fields.add(with(field("toSchool", "schools", "text", "拟转入学校", "School joined", true), "maxLength", 60));
        fields.add(with(field("toDistrict", "schools", "select", "转入学校所在区（市）", "District of the school joined", true),
                "options", districts));
        fields.add(with(field("transferDate", "schools", "date", "拟转入日期", "Planned date of transfer", true), "min", "today"));
        fields.add(with(field("reason", "reason", "radio", "转学原因", "Reason for the transfer", true), "options",
                List.of(option("relocation", "随父母工作调动迁居", "Family moves for work"),
                        option("household", "户籍迁移", "Change of household registration"),
                        option("military", "军人子女", "Child of service personnel"),
                        option("other", "其他原因", "Other reason"))));
        fields.add(when(with(field("newAddress", "reason", "textarea", "迁入后居住地址", "New home address", true),
                "maxLength", 200), moving));
        fields.add(when(with(field("reasonOther", "reason", "textarea", "请说明转学原因", "Explain the reason", true),
                "maxLength", 500), other));
        fields.add(field("boarding", "reason", "checkbox", "申请住校", "Apply for boarding", false));
        fields.add(field("declaration", "reason", "checkbox", "本人承诺所填信息真实有效", "I declare the information is true",
                true));

        List<Object> materials = new ArrayList<>();
        materials.add(material("transfer-out", "转出学校同意转学证明", "Consent of the school left", true, null));
        materials.add(material("transfer-in", "转入学校接收证明", "Acceptance by the school joined", true, null));
        materials.add(material("student-record", "学生学籍信息表", "Student record sheet", true, null));
        materials.add(material("household", "户口簿或居住证明", "Household register or residence proof", true, moving));
        materials.add(material("military", "军人身份证明", "Proof of military service", true, military));
        return FormDefinitions.form(List.of(section("student", "学生信息", "Student"),
                section("guardians", "监护人信息", "Guardians"), section("schools", "转出与转入学校", "Schools"),
                section("reason", "转学原因", "Reason")), fields, materials);
    }
}
