package org.onestop.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo applicant 张三 (the demo account {@code citizen}, with the identity the demo
 * accounts give him) writes in his forms: his particulars on the human-resources services, and
 * his two children's school transfers. Every value passes the forms' checks (identity numbers
 * carry their GB 11643 check digit).
 */
final class DemoApplicationData {

    static final String SENIOR_TRANSFER = "370200-EDU-0001";
    static final String JUNIOR_TRANSFER = "370200-EDU-0002";
    static final String UNEMPLOYMENT_BENEFIT = "370200-HRSS-0001";
    static final String UNEMPLOYMENT_CHANGE = "370200-HRSS-0002";
    static final String UNEMPLOYMENT_STOP = "370200-HRSS-0003";
    static final List<String> SERVICES = List.of(SENIOR_TRANSFER, JUNIOR_TRANSFER, UNEMPLOYMENT_BENEFIT,
            UNEMPLOYMENT_CHANGE, UNEMPLOYMENT_STOP);

    static final String NAME = "张三";
    static final String ID_NUMBER = "370202199003071233";
    static final String MOBILE = "13800138000";

    /** A school-transfer material slot and the file the demo uploads into it. */
    record Upload(String code, String fileName, byte[] bytes) {
    }

    private DemoApplicationData() {
    }

    /** The applicant's particulars on a human-resources form; complete leaves out nothing required. */
    static Map<String, Object> applicant(boolean complete) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantName", NAME);
        data.put("applicantIdNumber", ID_NUMBER);
        if (complete) {
            data.put("mobile", MOBILE);
            data.put("address", "青岛市市南区香港中路 61 号");
        }
        return data;
    }

    /** 张小明 leaves 青岛第二中学 for 青岛第五十八中学 as the family moves to 崂山区. */
    static Map<String, Object> seniorTransfer(LocalDate transferOn) {
        return transfer("张小明", "370202201009120032", "male", "g10", "青岛第二中学", "青岛第五十八中学", "370212", transferOn);
    }

    /** 张小雨 leaves 青岛第三十九中学 for 青岛第六十七中学, the same move. */
    static Map<String, Object> juniorTransfer(LocalDate transferOn) {
        return transfer("张小雨", "370202201204180022", "female", "g8", "青岛第三十九中学", "青岛第六十七中学", "370212",
                transferOn);
    }

    private static Map<String, Object> transfer(String student, String idNumber, String gender, String grade, String from,
            String to, String district, LocalDate transferOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("studentName", student);
        data.put("studentIdNumber", idNumber);
        data.put("gender", gender);
        data.put("studentNumber", "G" + idNumber);
        data.put("grade", grade);
        data.put("guardianName", NAME);
        data.put("guardianRelation", "father");
        data.put("guardianIdNumber", ID_NUMBER);
        data.put("guardianMobile", MOBILE);
        data.put("fromSchool", from);
        data.put("toSchool", to);
        data.put("toDistrict", district);
        data.put("transferDate", transferOn.toString());
        data.put("reason", "relocation");
        data.put("newAddress", "青岛市崂山区香港东路 195 号");
        data.put("declaration", true);
        return data;
    }

    /** The files of a school transfer for a family move: three school papers and a photo of the 户口簿. */
    static List<Upload> transferMaterials(String student) {
        return List.of(new Upload("transfer-out", student + "-转出学校同意转学证明.pdf", DemoFiles.pdf("Consent of the school left")),
                new Upload("transfer-in", student + "-转入学校接收证明.pdf", DemoFiles.pdf("Acceptance by the school joined")),
                new Upload("student-record", student + "-学生学籍信息表.pdf", DemoFiles.pdf("Student record sheet")),
                new Upload("household", "户口簿.png", DemoFiles.png()));
    }

    /** The files of a human-resources service: its application form, the ID card photo, and any further papers. */
    static List<Upload> hrssMaterials(String formName, String... further) {
        List<Upload> uploads = new ArrayList<>();
        uploads.add(new Upload("m1", formName + ".pdf", DemoFiles.pdf("Application form")));
        uploads.add(new Upload("m2", "居民身份证.png", DemoFiles.png()));
        for (int i = 0; i < further.length; i++) {
            uploads.add(new Upload("m" + (i + 3), further[i] + ".pdf", DemoFiles.pdf("Supporting document")));
        }
        return uploads;
    }
}
