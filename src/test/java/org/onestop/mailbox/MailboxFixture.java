package org.onestop.mailbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people of a mailbox test, signed in over HTTP: a clerk of the city mailbox office, officials
 * of HRSS (lead), CIVIL (co-handler) and HOUSING (uninvolved), a supervisor, and writers.
 */
final class MailboxFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The smallest valid PNG: the signature and an IHDR chunk are all the type check looks at. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    final ApplicationContext app;
    final int port;
    final String prefix;
    final PortalClient clerk;
    final PortalClient hrss;
    final PortalClient civil;
    final PortalClient housing;
    final PortalClient supervisor;
    final long clerkId;
    final long hrssId;
    final long civilId;
    final long supervisorId;

    MailboxFixture(ApplicationContext app, int port, String prefix) {
        this.app = app;
        this.port = port;
        this.prefix = prefix;
        this.clerkId = TestAccounts.staff(app, prefix + "_clerk", null, Role.MAILBOX_CLERK);
        this.hrssId = TestAccounts.staff(app, prefix + "_hrss", "HRSS", Role.OFFICIAL);
        this.civilId = TestAccounts.staff(app, prefix + "_civil", "CIVIL", Role.OFFICIAL);
        TestAccounts.staff(app, prefix + "_housing", "HOUSING", Role.OFFICIAL);
        this.supervisorId = TestAccounts.staff(app, prefix + "_sup", null, Role.SUPERVISOR);
        this.clerk = login(prefix + "_clerk");
        this.hrss = login(prefix + "_hrss");
        this.civil = login(prefix + "_civil");
        this.housing = login(prefix + "_housing");
        this.supervisor = login(prefix + "_sup");
    }

    private PortalClient login(String username) {
        return new PortalClient(port).login(username, TestAccounts.PASSWORD);
    }

    /** A signed-in citizen and their account id. */
    record Writer(PortalClient client, long id) {
    }

    Writer writer(String name) {
        long id = TestAccounts.citizen(app, prefix + "_" + name);
        return new Writer(login(prefix + "_" + name), id);
    }

    long department(String code) {
        return app.getBean(DatabaseClient.class).sql("SELECT id FROM department WHERE code = :c").bind("c", code)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    static Map<String, Object> letter(String mailbox, String kind, String title, String body) {
        return Map.of("mailbox", mailbox, "kind", kind, "title", title, "body", body, "location", "市南区香港中路",
                "consentToPublish", true, "contactPreference", "sms");
    }

    /** A file part: name and bytes. */
    record File(String name, byte[] bytes) {
    }

    /** Posts a letter as a JSON part plus files; the raw JSON lets tests send malformed text. */
    static WebTestClient.ResponseSpec post(PortalClient writer, String json, List<File> files) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        if (json != null) {
            body.part("letter", json, MediaType.APPLICATION_JSON);
        }
        for (File f : files) {
            body.part("attachments", f.bytes()).filename(f.name()).contentType(MediaType.APPLICATION_OCTET_STREAM);
        }
        writer.withCsrf();
        return writer.http().post().uri("/api/mailbox/letters").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    static WebTestClient.ResponseSpec post(PortalClient writer, Map<String, Object> letter, List<File> files) {
        return post(writer, JSON.writeValueAsString(letter), files);
    }

    /** Writes a letter and returns the answer: id, trackingNumber, queryCode. */
    static JsonNode write(PortalClient writer, Map<String, Object> letter, File... files) {
        return json(post(writer, letter, List.of(files)).expectStatus().isCreated());
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return JSON.readTree(spec.expectBody().returnResult().getResponseBodyContent());
    }

    static JsonNode ok(PortalClient who, String path, Object body) {
        return json(who.post(path, body).expectStatus().isOk());
    }

    static JsonNode get(PortalClient who, String path) {
        return json(who.get(path).expectStatus().isOk());
    }

    /** Accepts (clerk) and dispatches (clerk) a letter to the mayor: HRSS leads, CIVIL co-handles. */
    void acceptAndDispatch(long letter) {
        ok(clerk, "/api/mailbox/cases/" + letter + "/accept", Map.of());
        dispatch(letter);
    }

    /** Dispatches an accepted letter (clerk): HRSS leads, CIVIL co-handles. */
    void dispatch(long letter) {
        ok(clerk, "/api/mailbox/cases/" + letter + "/dispatch", Map.of("leadDepartmentId", department("HRSS"),
                "cohandlerIds", List.of(department("CIVIL")), "note", "请人社局主办，民政局协办"));
    }

    /** The case's item in the user's queue, or null when it is not there (other tests' cases may be). */
    static JsonNode queued(PortalClient who, long id) {
        return get(who, "/api/mailbox/queue?size=100").path("items").valueStream()
                .filter(item -> item.path("id").asLong() == id).findFirst().orElse(null);
    }

    static List<String> types(JsonNode timeline) {
        return timeline.valueStream().map(e -> e.path("type").asString()).toList();
    }

    /** The files in the storage directory, to show that refused requests leave none behind. */
    long storedFiles() {
        Path dir = Path.of(app.getEnvironment().getProperty("onestop.storage.dir"));
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
