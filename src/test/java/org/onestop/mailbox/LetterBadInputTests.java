package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every bad letter gets a 4xx problem+json naming what is wrong, and leaves no row and no file behind. */
@MailboxTest
class LetterBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int fixtures;
    private MailboxFixture f;
    private PortalClient writer;

    @BeforeEach
    void writer() {
        f = new MailboxFixture(app, port, "bad" + (++fixtures));
        writer = f.writer("w").client();
    }

    private static Map<String, Object> good() {
        return new HashMap<>(MailboxFixture.letter("mayor", "suggestion", "建议增加公共自行车站点", "建议在地铁站周边增加公共自行车站点。"));
    }

    private long rows(String table) {
        return db.sql("SELECT count(*) FROM " + table).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    /** Sends the request and checks the problem answer and that nothing at all was stored. */
    private WebTestClient.BodyContentSpec refused(int status, java.util.function.Supplier<WebTestClient.ResponseSpec> request) {
        long letters = rows("mailbox_letter");
        long attachments = rows("mailbox_attachment");
        long files = f.storedFiles();
        WebTestClient.BodyContentSpec body = request.get().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
        assertThat(rows("mailbox_letter")).isEqualTo(letters);
        assertThat(rows("mailbox_attachment")).isEqualTo(attachments);
        assertThat(f.storedFiles()).as("files in the storage folder").isEqualTo(files);
        return body;
    }

    private static MailboxFixture.File png(String name) {
        return new MailboxFixture.File(name, MailboxFixture.PNG);
    }

    @Test
    void bodyOfMoreThan4000CharactersIsRefused() {
        Map<String, Object> letter = good();
        // 4,001 code points, each a character outside the BMP (two UTF-16 units): the limit counts characters.
        letter.put("body", "𠀀".repeat(4001));
        refused(400, () -> MailboxFixture.post(writer, letter, List.of(png("a.png"))))
                .jsonPath("$.errors[0].field").isEqualTo("body").jsonPath("$.errors[0].code").isEqualTo("size");
        letter.put("body", "𠀀".repeat(4000));
        MailboxFixture.post(writer, letter, List.of()).expectStatus().isCreated();
    }

    @Test
    void disallowedFileRenamedToPdfIsRefused() {
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes();
        refused(400, () -> MailboxFixture.post(writer, good(), List.of(png("ok.png"), new MailboxFixture.File("invoice.pdf", exe))))
                .jsonPath("$.errors[0].field").isEqualTo("attachments[1]").jsonPath("$.errors[0].code").isEqualTo("file_type");
        refused(400, () -> MailboxFixture.post(writer, good(), List.of(new MailboxFixture.File("page.pdf", html))))
                .jsonPath("$.errors[0].code").isEqualTo("file_type");
    }

    @Test
    void moreThanFiveFilesAreRefused() {
        List<MailboxFixture.File> six = List.of(png("1.png"), png("2.png"), png("3.png"), png("4.png"), png("5.png"), png("6.png"));
        refused(400, () -> MailboxFixture.post(writer, good(), six))
                .jsonPath("$.errors[0].field").isEqualTo("attachments").jsonPath("$.errors[0].code").isEqualTo("too_many_files");
    }

    @Test
    void fileLargerThanFiveMegabytesIsRefused() {
        byte[] big = Arrays.copyOf(MailboxFixture.PDF, 5 * 1024 * 1024 + 1);
        refused(400, () -> MailboxFixture.post(writer, good(), List.of(png("small.png"), new MailboxFixture.File("big.pdf", big))))
                .jsonPath("$.errors[0].field").isEqualTo("attachments[1]").jsonPath("$.errors[0].code").isEqualTo("file_too_large");
        byte[] limit = Arrays.copyOf(MailboxFixture.PDF, 5 * 1024 * 1024);
        MailboxFixture.post(writer, good(), List.of(new MailboxFixture.File("limit.pdf", limit))).expectStatus().isCreated();
    }

    @Test
    void unknownKindAndUnknownMailboxAreRefused() {
        Map<String, Object> letter = good();
        letter.put("kind", "praise");
        refused(400, () -> MailboxFixture.post(writer, letter, List.of(png("a.png"))))
                .jsonPath("$.errors[0].field").isEqualTo("kind").jsonPath("$.errors[0].code").isEqualTo("unknown_kind");
        Map<String, Object> nowhere = good();
        nowhere.put("mailbox", "NO-SUCH-BUREAU");
        refused(400, () -> MailboxFixture.post(writer, nowhere, List.of()))
                .jsonPath("$.errors[0].field").isEqualTo("mailbox").jsonPath("$.errors[0].code").isEqualTo("unknown_mailbox");
        nowhere.put("mailbox", "999999");
        refused(400, () -> MailboxFixture.post(writer, nowhere, List.of())).jsonPath("$.errors[0].code").isEqualTo("unknown_mailbox");
    }

    @Test
    void missingTitleIsRefusedWithEveryOtherProblem() {
        Map<String, Object> letter = good();
        letter.remove("title");
        letter.put("contactPreference", "pigeon");
        refused(400, () -> MailboxFixture.post(writer, letter, List.of(png("a.png"))))
                .jsonPath("$.errors[?(@.field == 'title')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'contactPreference')].code").isEqualTo("unknown_contact");
    }

    @Test
    void malformedJsonIsRefused() {
        refused(400, () -> MailboxFixture.post(writer, "{\"mailbox\": \"mayor\", \"kind\": ", List.of(png("a.png"))))
                .jsonPath("$.type").isEqualTo("urn:onestop:problem:malformed-body");
        refused(400, () -> MailboxFixture.post(writer, "{\"mailbox\": \"mayor\", \"consentToPublish\": \"maybe\"}", List.of()))
                .jsonPath("$.errors[0].field").isEqualTo("consentToPublish");
        refused(415, () -> writer.post("/api/mailbox/letters", good()));
    }

    @Test
    void staffAccountCannotWriteALetter() {
        refused(403, () -> MailboxFixture.post(f.clerk, good(), List.of(png("a.png"))));
    }
}
