package org.onestop.mailbox.open311;

import java.util.Map;

/**
 * How an Open311 request reads as a mailbox letter for the staff who handle it: the description,
 * then the service's attributes, the location and the citizen's contact details, which staff need
 * to reply and which the mailbox has no other column for.
 */
final class LetterText {

    private static final int TITLE = 50;
    private static final int BODY = 4000;
    private static final int LOCATION = 100;
    private static final Map<String, String> LABELS = Map.of("location_detail", "具体位置", "respondent", "反映对象",
            "contact_preference", "联系方式偏好");

    private LetterText() {
    }

    /** The first line of the description, or the service's name when there is none. */
    static String title(RequestForm r, String serviceName) {
        String first = r.description() == null ? serviceName : r.description().lines().findFirst().orElse(serviceName).strip();
        return cut(first.isEmpty() ? serviceName : first, TITLE);
    }

    static String body(RequestForm r) {
        StringBuilder body = new StringBuilder(r.description() == null ? "（Open311 请求未附描述）" : r.description());
        StringBuilder extra = new StringBuilder();
        r.attributes().forEach((code, value) -> line(extra, LABELS.getOrDefault(code, code), value));
        line(extra, "地址", r.addressString());
        line(extra, "地址编号", r.addressId());
        line(extra, "坐标", r.lat() == null ? null : r.lat() + ", " + r.lon());
        String name = ((r.lastName() == null ? "" : r.lastName()) + " " + (r.firstName() == null ? "" : r.firstName())).strip();
        line(extra, "联系人", name.isEmpty() ? null : name);
        line(extra, "电话", r.phone());
        line(extra, "电子邮箱", r.email());
        line(extra, "图片", r.mediaUrl());
        if (!extra.isEmpty()) {
            body.append("\n\n——").append(extra);
        }
        if (body.length() > BODY) {
            throw Open311Exception.badRequest("description with the request's details is longer than " + BODY + " characters");
        }
        return body.toString();
    }

    static String location(RequestForm r) {
        String location = r.attributes().containsKey("location_detail") && r.addressString() != null
                ? r.addressString() + " " + r.attributes().get("location_detail")
                : r.addressString() != null ? r.addressString() : r.lat() != null ? r.lat() + ", " + r.lon() : r.addressId();
        return location == null ? null : cut(location, LOCATION);
    }

    /** The citizen's choice if given, else what their contact details allow. */
    static String contactPreference(RequestForm r) {
        String chosen = r.attributes().get("contact_preference");
        if (chosen != null) {
            return chosen;
        }
        return r.phone() != null ? "phone" : r.email() != null ? "email" : "none";
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append('\n').append(label).append("：").append(value);
        }
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
