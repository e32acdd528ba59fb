package org.onestop.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One request the fuzzer sends: a route, the values of its path variables, and a body as raw bytes
 * with the content type it claims (null for none), plus a short description for the report.
 */
record FuzzCase(WriteRoutes.Route route, String description, Map<String, String> variables, MediaType contentType,
        byte[] body) {

    static final String BOUNDARY = "fuzzBoundary7MA4YWxkTrZu0gW";
    static final MediaType MULTIPART = MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);

    HttpMethod method() {
        return route.method();
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
        return route.key() + " " + variables + " [" + description + "] " + contentType + " (" + (body == null ? 0 : body.length)
                + " bytes) " + shown.replaceAll("\\p{Cntrl}", "·");
    }

    /** A file part of a multipart body. */
    record FilePart(String name, String fileName, String contentType, byte[] bytes) {
    }

    /** A multipart/form-data body with the fixed boundary: text fields then files. */
    static byte[] multipart(Map<String, String> fields, Map<String, String> fieldTypes, List<FilePart> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n");
            String type = fieldTypes.get(name);
            write(out, (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n");
            write(out, value);
            write(out, "\r\n");
        });
        for (FilePart f : files) {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\"; filename=\""
                    + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n");
            out.writeBytes(f.bytes());
            write(out, "\r\n");
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
