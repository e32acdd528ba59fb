package org.onestop.servicehall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The templates of the demo catalogue (service-templates.txt beside this class): per department,
 * the subjects it handles, and the action word lists that turn one subject into the items of a
 * real catalogue (新办, 变更, 延续, 注销, 补证 ...).
 */
final class ServiceTemplates {

    record Department(String code, String theme, boolean districts, List<Subject> subjects) {
    }

    /**
     * One line of the file.
     *
     * @param set the action word list, or null for a single service named as is
     * @param type the item type of a single service
     */
    record Subject(String set, String type, String nameZh, String nameEn, String audience, List<String> events,
            List<String> laws, Integer days, BigDecimal fee, String feeBasis, boolean onsite, boolean online,
            List<String> materials, String result) {
    }

    /** One word of an action list: how it names the item in Chinese and English, and what it does. */
    record Action(String zh, String en, Kind kind) {

        String nameZh(String subject) {
            return zh.replace("{s}", subject);
        }

        String nameEn(String subject) {
            String name = en.replace("{s}", subject);
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    enum Kind { NEW, CHANGE, RENEW, CANCEL, REISSUE, APPLY }

    private static final Action AS_IS = new Action("{s}", "{s}", Kind.NEW);

    /** The item type of each action list, as the catalogue classifies items (事项类型). */
    static String typeOf(String set) {
        return switch (set) {
            case "LIC", "PLIC" -> "licensing";
            case "CERT", "REG" -> "confirmation";
            case "BEN" -> "benefit";
            case "FILE" -> "filing";
            default -> throw new IllegalArgumentException("unknown set " + set);
        };
    }

    static List<Action> actions(Subject subject) {
        if (subject.set() == null) {
            return List.of(AS_IS);
        }
        return switch (subject.set()) {
            case "LIC" -> List.of(new Action("{s}（新办）", "{s} (new application)", Kind.NEW),
                    new Action("{s}（变更名称）", "{s} (change of name)", Kind.CHANGE),
                    new Action("{s}（变更法定代表人）", "{s} (change of legal representative)", Kind.CHANGE),
                    new Action("{s}（变更地址）", "{s} (change of address)", Kind.CHANGE),
                    new Action("{s}（延续）", "{s} (renewal)", Kind.RENEW),
                    new Action("{s}（注销）", "{s} (cancellation)", Kind.CANCEL),
                    new Action("{s}（补证）", "{s} (reissue)", Kind.REISSUE));
            case "PLIC" -> List.of(new Action("{s}首次注册", "initial registration: {s}", Kind.NEW),
                    new Action("{s}变更注册", "change of registration: {s}", Kind.CHANGE),
                    new Action("{s}延续注册", "renewal of registration: {s}", Kind.RENEW),
                    new Action("{s}注销注册", "cancellation of registration: {s}", Kind.CANCEL),
                    new Action("{s}证书补办", "reissue of certificate: {s}", Kind.REISSUE));
            case "CERT" -> List.of(new Action("{s}首次申领", "first application for a {s}", Kind.NEW),
                    new Action("{s}换领", "renewal of a {s}", Kind.RENEW),
                    new Action("{s}补领", "replacement of a lost {s}", Kind.REISSUE),
                    new Action("{s}信息变更", "change of details on a {s}", Kind.CHANGE));
            case "REG" -> List.of(new Action("{s}登记", "{s}", Kind.NEW),
                    new Action("{s}变更登记", "change of {s}", Kind.CHANGE),
                    new Action("{s}注销登记", "cancellation of {s}", Kind.CANCEL));
            case "BEN" -> List.of(new Action("{s}申领", "application for {s}", Kind.APPLY),
                    new Action("{s}待遇变更", "change of {s}", Kind.CHANGE),
                    new Action("{s}停发", "stopping {s}", Kind.CANCEL));
            case "FILE" -> List.of(new Action("{s}备案", "filing: {s}", Kind.NEW),
                    new Action("{s}变更备案", "change filing: {s}", Kind.CHANGE),
                    new Action("{s}注销备案", "cancellation filing: {s}", Kind.CANCEL));
            default -> throw new IllegalArgumentException("unknown set " + subject.set());
        };
    }

    private ServiceTemplates() {
    }

    static List<Department> load() {
        try (InputStream in = ServiceTemplates.class.getResourceAsStream("service-templates.txt")) {
            if (in == null) {
                throw new IllegalStateException("service-templates.txt is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Department> parse(List<String> lines) {
        List<Department> departments = new ArrayList<>();
        List<Subject> subjects = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                String[] f = line.substring(1).split("\\|");
                subjects = new ArrayList<>();
                departments.add(new Department(f[0], f[1], f.length > 2 && f[2].equals("districts"), subjects));
                continue;
            }
            if (subjects == null) {
                throw new IllegalArgumentException("subject before any department: " + line);
            }
            subjects.add(subject(line));
        }
        return departments;
    }

    private static Subject subject(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("expected 8 fields: " + line);
        }
        boolean single = f[0].startsWith("ONE:");
        String set = single ? null : f[0];
        String type = single ? f[0].substring(4) : typeOf(set);
        String audience = switch (f[3]) {
            case "c" -> "citizen";
            case "e" -> "enterprise";
            case "b" -> "both";
            default -> throw new IllegalArgumentException("audience must be c, e or b: " + line);
        };
        BigDecimal fee = null;
        String feeBasis = null;
        boolean onsite = false;
        boolean online = false;
        List<String> materials = List.of();
        String result = null;
        for (String extra : f[7].isEmpty() ? new String[0] : f[7].split(";")) {
            if (extra.startsWith("fee=")) {
                String[] parts = extra.substring(4).split(":", 2);
                fee = new BigDecimal(parts[0]);
                feeBasis = parts[1];
            } else if (extra.equals("onsite")) {
                onsite = true;
            } else if (extra.equals("online")) {
                online = true;
            } else if (extra.startsWith("mat=")) {
                materials = List.of(extra.substring(4).split("/"));
            } else if (extra.startsWith("out=")) {
                result = extra.substring(4);
            } else {
                throw new IllegalArgumentException("unknown extra '" + extra + "': " + line);
            }
        }
        return new Subject(set, type, f[1], f[2], audience,
                f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split(",")),
                Arrays.asList(f[5].split(";")), f[6].isEmpty() ? null : Integer.valueOf(f[6]),
                fee, feeBasis, onsite, online, materials, result);
    }
}
