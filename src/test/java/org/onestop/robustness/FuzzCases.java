package org.onestop.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests sent to one route: its valid sample, then the sample with one field at a time
 * replaced by hostile values or left out, the sample with every text field hostile at once,
 * malformed and mistyped bodies, and hostile path variables. Multipart routes also get lying,
 * empty and misnamed files and broken multipart framing; the Open311 form gets hostile fields.
 */
final class FuzzCases {

    /** Magic bytes of a Windows executable: never an accepted upload type. */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    private static final List<String> BAD_IDS = List.of("0", "-1", "9223372036854775808", "abc", "１２", "1.5", "1e3", "%00");

    private final FuzzWorld world;
    private final SampleBodies samples;
    private final HostileValues values;
    private final int perField;

    FuzzCases(FuzzWorld world, SampleBodies samples, HostileValues values, int perField) {
        this.world = world;
        this.samples = samples;
        this.values = values;
        this.perField = perField;
    }

    List<FuzzCase> of(WriteRoutes.Route route) {
        List<FuzzCase> cases = new ArrayList<>();
        Map<String, String> vars = variables(route);
        boolean form = route.template().startsWith("/open311/");
        if (form) {
            formCases(route, vars, cases);
        } else if (route.body() == WriteRoutes.BodyKind.MULTIPART) {
            multipartCases(route, vars, cases);
        } else {
            jsonCases(route, vars, cases);
        }
        for (String name : vars.keySet()) {
            for (int i = 0; i < 3; i++) {
                Map<String, String> bad = new LinkedHashMap<>(vars);
                // Capped: a path beyond Netty's 16 KB request line is refused before the application sees it.
                String hostile = values.string();
                bad.put(name, i < 2 ? values.pick(BAD_IDS) : hostile.substring(0, Math.min(hostile.length(), 300)));
                cases.add(withVariables(cases.getFirst(), bad, "path " + name));
            }
        }
        return cases;
    }

    private void jsonCases(WriteRoutes.Route route, Map<String, String> vars, List<FuzzCase> cases) {
        ObjectNode sample = samples.json(route);
        cases.add(json(route, vars, "sample", sample));
        for (String field : new ArrayList<>(sample.propertyNames())) {
            for (int i = 0; i < perField; i++) {
                ObjectNode mutated = samples.json(route);
                mutated.set(field, values.value());
                cases.add(json(route, vars, "field " + field, mutated));
            }
            // PostgreSQL text cannot hold NUL: every field gets one, not only when the dice say so.
            ObjectNode nul = samples.json(route);
            nul.put(field, "a\u0000b");
            cases.add(json(route, vars, "NUL in " + field, nul));
            ObjectNode missing = samples.json(route);
            missing.remove(field);
            cases.add(json(route, vars, "missing " + field, missing));
        }
        for (int i = 0; i < 2 && !sample.isEmpty(); i++) {
            ObjectNode all = samples.json(route);
            for (String field : new ArrayList<>(all.propertyNames())) {
                if (all.get(field).isString()) {
                    all.put(field, values.string());
                }
            }
            cases.add(json(route, vars, "every text field hostile", all));
        }
        for (int i = 0; i < 4; i++) {
            cases.add(new FuzzCase(route, "malformed JSON", vars, MediaType.APPLICATION_JSON, values.pick(HostileValues.MALFORMED)));
        }
        byte[] sampleBytes = bytes(sample);
        cases.add(new FuzzCase(route, "text/plain body", vars, MediaType.TEXT_PLAIN, sampleBytes));
        cases.add(new FuzzCase(route, "XML body", vars, MediaType.APPLICATION_XML, "<a>&lt;</a>".getBytes()));
        cases.add(new FuzzCase(route, "empty JSON body", vars, MediaType.APPLICATION_JSON, new byte[0]));
        cases.add(new FuzzCase(route, "no body", vars, null, null));
        cases.add(new FuzzCase(route, "array of samples", vars, MediaType.APPLICATION_JSON, ("[" + sample + "," + sample + "]").getBytes()));
        cases.add(new FuzzCase(route, "200 KB body", vars, MediaType.APPLICATION_JSON,
                ("{\"text\":\"" + "x".repeat(200_000) + "\"}").getBytes()));
    }

    private void multipartCases(WriteRoutes.Route route, Map<String, String> vars, List<FuzzCase> cases) {
        Map<String, String> fields = samples.multipartFields(route);
        String part = SampleBodies.filePart(route);
        FuzzCase.FilePart pdf = new FuzzCase.FilePart(part, "材料.pdf", "application/pdf", FuzzWorld.PDF);
        cases.add(multipart(route, vars, "sample", fields, List.of(pdf)));
        for (String field : fields.keySet()) {
            JsonNode parsed = parseOrNull(fields.get(field));
            for (int i = 0; i < perField * 2; i++) {
                Map<String, String> mutated = new LinkedHashMap<>(fields);
                if (parsed instanceof ObjectNode object && !object.isEmpty()) {
                    ObjectNode copy = object.deepCopy();
                    List<String> names = new ArrayList<>(copy.propertyNames());
                    copy.set(names.get(values.nextInt(names.size())), values.value());
                    mutated.put(field, copy.toString());
                } else {
                    mutated.put(field, values.string());
                }
                cases.add(multipart(route, vars, "part " + field, mutated, List.of(pdf)));
            }
            Map<String, String> malformed = new LinkedHashMap<>(fields);
            malformed.put(field, new String(values.pick(HostileValues.MALFORMED), StandardCharsets.UTF_8));
            cases.add(multipart(route, vars, "malformed part " + field, malformed, List.of(pdf)));
        }
        cases.add(multipart(route, vars, "executable named .pdf", fields,
                List.of(new FuzzCase.FilePart(part, "材料.pdf", "application/pdf", EXE))));
        cases.add(multipart(route, vars, "empty file", fields, List.of(new FuzzCase.FilePart(part, "空.pdf", "application/pdf", new byte[0]))));
        for (int i = 0; i < 3; i++) {
            String name = values.pick(List.of("../../../etc/passwd.pdf", "\u202Efdp.exe", "a".repeat(5000) + ".pdf", "", "con.pdf",
                    "\"quoted\".pdf", values.string() + ".pdf"));
            cases.add(multipart(route, vars, "file name", fields, List.of(new FuzzCase.FilePart(part, name, "application/pdf", FuzzWorld.PDF))));
        }
        cases.add(multipart(route, vars, "file in an unknown part", fields,
                List.of(new FuzzCase.FilePart("other", "x.pdf", "application/pdf", FuzzWorld.PDF))));
        byte[] whole = FuzzCase.multipart(fields, contentTypes(fields), List.of(pdf));
        cases.add(new FuzzCase(route, "multipart cut short", vars, FuzzCase.MULTIPART, java.util.Arrays.copyOf(whole, whole.length / 2)));
        cases.add(new FuzzCase(route, "multipart without boundary", vars, MediaType.MULTIPART_FORM_DATA, whole));
        cases.add(new FuzzCase(route, "JSON instead of multipart", vars, MediaType.APPLICATION_JSON, "{}".getBytes()));
        cases.add(new FuzzCase(route, "garbage multipart", vars, FuzzCase.MULTIPART, values.randomText(200).getBytes(StandardCharsets.UTF_8)));
    }

    private void formCases(WriteRoutes.Route route, Map<String, String> vars, List<FuzzCase> cases) {
        Map<String, String> sample = samples.form();
        cases.add(form(route, vars, "sample", sample));
        for (String field : sample.keySet()) {
            for (int i = 0; i < perField; i++) {
                Map<String, String> mutated = new LinkedHashMap<>(sample);
                mutated.put(field, values.string());
                cases.add(form(route, vars, "field " + field, mutated));
            }
            Map<String, String> missing = new LinkedHashMap<>(sample);
            missing.remove(field);
            cases.add(form(route, vars, "missing " + field, missing));
        }
        cases.add(new FuzzCase(route, "bad percent-encoding", vars, MediaType.APPLICATION_FORM_URLENCODED, "a=%zz&b=%".getBytes()));
        cases.add(new FuzzCase(route, "JSON body", vars, MediaType.APPLICATION_JSON, bytes(HostileValues.JSON.valueToTree(sample))));
    }

    /** Values for a route's path variables: the seeded object its path names. */
    Map<String, String> variables(WriteRoutes.Route route) {
        Map<String, String> vars = new LinkedHashMap<>();
        String t = route.template();
        for (String name : route.variables()) {
            String before = t.substring(0, t.indexOf("{" + name + "}"));
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1).replace("/", "");
            vars.put(name, value(segment, name, t));
        }
        return vars;
    }

    private String value(String segment, String name, String template) {
        Map<String, Long> ids = world.ids;
        Object v = switch (segment + "/" + name) {
            case "calendar/year" -> FuzzWorld.CALENDAR_YEAR;
            case "cases/id", "letters/id" -> ids.get("letter");
            case "keys/id" -> ids.get("openKey");
            case "consultations/id" -> ids.get("consultation");
            case "comments/commentId" -> ids.get("comment");
            case "attachments/attachmentId" -> ids.get("attachment");
            case "sessions/id" -> ids.get("session");
            case "questions/id" -> template.endsWith("/merge") ? ids.get("question2") : ids.get("question");
            case "answers/id" -> ids.get("answer");
            case "applications/id" -> template.matches(".*/(accept|supplement|approve|reject|result)$") ? ids.get("submitted")
                    : ids.get("application");
            case "materials/code" -> "transfer-in";
            case "materials/materialId" -> ids.get("material");
            case "members/accountId" -> ids.get("other");
            case "services/code" -> world.formService;
            case "subscriptions/id" -> ids.get("subscription");
            case "requests/id" -> ids.get("request");
            case "documents/id" -> ids.get("document");
            case "departments/id" -> ids.get("hrss");
            case "datasets/name" -> world.dataset;
            case "resources/id" -> ids.get("dataResource");
            default -> name.equals("format") ? "json" : "1";
        };
        return String.valueOf(v);
    }

    private FuzzCase json(WriteRoutes.Route route, Map<String, String> vars, String description, JsonNode body) {
        return new FuzzCase(route, description, vars, MediaType.APPLICATION_JSON, bytes(body));
    }

    private static FuzzCase multipart(WriteRoutes.Route route, Map<String, String> vars, String description,
            Map<String, String> fields, List<FuzzCase.FilePart> files) {
        return new FuzzCase(route, description, vars, FuzzCase.MULTIPART, FuzzCase.multipart(fields, contentTypes(fields), files));
    }

    private static Map<String, String> contentTypes(Map<String, String> fields) {
        return fields.keySet().stream().filter(f -> f.equals("letter"))
                .collect(Collectors.toMap(f -> f, f -> MediaType.APPLICATION_JSON_VALUE));
    }

    private static FuzzCase form(WriteRoutes.Route route, Map<String, String> vars, String description, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> UriUtils.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + UriUtils.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new FuzzCase(route, description, vars, MediaType.APPLICATION_FORM_URLENCODED, body.getBytes(StandardCharsets.UTF_8));
    }

    private static FuzzCase withVariables(FuzzCase base, Map<String, String> vars, String description) {
        return new FuzzCase(base.route(), description, vars, base.contentType(), base.body());
    }

    private static byte[] bytes(JsonNode node) {
        return HostileValues.JSON.writeValueAsBytes(node);
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return HostileValues.JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
