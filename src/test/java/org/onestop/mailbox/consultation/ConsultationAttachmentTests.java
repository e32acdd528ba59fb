package org.onestop.mailbox.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * Attachments of consultations: drafts kept unpublished until their files are in place, the type
 * checked by content, the size limit, nothing kept from a refused upload, and who may download.
 */
@PortalTest
@Import(MovableClock.Configuration.class)
class ConsultationAttachmentTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static int fixtures;

    private ConsultationFixture fixture() {
        return new ConsultationFixture(app, port, "ca" + (++fixtures));
    }

    /** An unpublished draft of HRSS whose window opens in an hour. */
    private long draft(ConsultationFixture f, String title) {
        Instant opens = f.now().plus(Duration.ofHours(1));
        Map<String, Object> body = new HashMap<>(ConsultationFixture.draft(title, opens, opens.plus(Duration.ofDays(7))));
        body.put("draft", true);
        return ConsultationFixture.json(f.official.post("/api/consultations", body).expectStatus().isCreated()).get("id").asLong();
    }

    private static WebTestClient.ResponseSpec upload(PortalClient who, long id, String name, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        // Declared as harmless text whatever it is: the server must judge by the content alone.
        body.part("files", bytes).filename(name).contentType(MediaType.TEXT_PLAIN);
        who.withCsrf();
        return who.http().post().uri("/api/consultations/" + id + "/attachments").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private long storedFiles() {
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

    @Test
    void attachesPdfToDraftThenDownloadIsAttachmentWithNosniffAndTheCheckedType() {
        ConsultationFixture f = fixture();
        long id = draft(f, "公共就业服务办法（征求意见稿）");
        JsonNode files = ConsultationFixture.json(upload(f.official, id, "征求意见稿.pdf", PDF).expectStatus().isOk());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("fileName").asString()).isEqualTo("征求意见稿.pdf");
        assertThat(files.get(0).path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(files.get(0).path("size").asLong()).isEqualTo(PDF.length);
        long attachment = files.get(0).path("id").asLong();

        ConsultationFixture.json(f.official.post("/api/consultations/" + id + "/publish", Map.of()).expectStatus().isOk());
        var download = new PortalClient(port).get("/api/consultations/" + id + "/attachments/" + attachment)
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().returnResult();
        assertThat(download.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''");
        assertThat(download.getResponseBody()).isEqualTo(PDF);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.attachment.added' AND target_id = $1",
                String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void refusesHtmlNamedAsPdfByItsContentAndStoresNothing() {
        ConsultationFixture f = fixture();
        long id = draft(f, "养老服务补贴办法（征求意见稿）");
        long before = storedFiles();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(f.official, id, "附件.pdf", html).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("files[0]")
                .jsonPath("$.errors[0].code").isEqualTo("file_type");
        assertThat(storedFiles()).as("files in the storage folder").isEqualTo(before);
        assertThat(f.count("SELECT count(*) FROM consultation_attachment WHERE consultation_id = $1", id)).isZero();
    }

    @Test
    void refusesFileOverSizeLimitAndStoresNothing() {
        ConsultationFixture f = fixture();
        long id = draft(f, "职业技能培训补贴办法（征求意见稿）");
        long before = storedFiles();
        long limit = app.getBean(ConsultationProperties.class).maxAttachmentSize().toBytes();
        byte[] large = Arrays.copyOf(PDF, Math.toIntExact(limit + 1));
        upload(f.official, id, "全文.pdf", large).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("file_too_large");
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(f.count("SELECT count(*) FROM consultation_attachment WHERE consultation_id = $1", id)).isZero();

        byte[] exact = Arrays.copyOf(PDF, Math.toIntExact(limit));
        upload(f.official, id, "全文.pdf", exact).expectStatus().isOk();
        assertThat(f.count("SELECT count(*) FROM consultation_attachment WHERE consultation_id = $1", id)).isEqualTo(1);
    }

    @Test
    void draftAndItsAttachmentsAreNotPublicBeforePublication() {
        ConsultationFixture f = fixture();
        long id = draft(f, "失业保险金申领办法（征求意见稿）");
        long attachment = ConsultationFixture.json(upload(f.official, id, "示意图.png", PNG).expectStatus().isOk()).get(0)
                .path("id").asLong();
        PortalClient anyone = new PortalClient(port);
        PortalClient citizen = f.citizen("reader");
        String file = "/api/consultations/" + id + "/attachments/" + attachment;

        for (PortalClient outsider : new PortalClient[] {anyone, citizen, f.otherOfficial, f.moderator}) {
            outsider.get("/api/consultations/" + id).expectStatus().isNotFound();
            outsider.get(file).expectStatus().isNotFound();
        }
        assertThat(ConsultationFixture.json(anyone.get("/api/consultations?size=100").expectStatus().isOk()).get("items")
                .valueStream().noneMatch(c -> c.path("id").asLong() == id)).isTrue();
        f.official.get("/api/consultations/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.publishedAt").doesNotExist()
                .jsonPath("$.attachments[0].fileName").isEqualTo("示意图.png");
        f.official.get(file).expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
        upload(f.otherOfficial, id, "冒名.pdf", PDF).expectStatus().isNotFound();
        f.otherOfficial.post("/api/consultations/" + id + "/publish", Map.of()).expectStatus().isNotFound();

        f.official.post("/api/consultations/" + id + "/publish", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("upcoming")
                .jsonPath("$.publishedAt").exists();
        anyone.get(file).expectStatus().isOk();
        anyone.get("/api/consultations/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.attachments[0].contentType").isEqualTo("image/png");
        f.official.post("/api/consultations/" + id + "/publish", Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("consultation.not_draft");
    }

    @Test
    void attachmentsAreFixedOnceTheWindowOpensAndOnlyTheDepartmentChangesThem() {
        ConsultationFixture f = fixture();
        long id = draft(f, "就业见习管理办法（征求意见稿）");
        long attachment = ConsultationFixture.json(upload(f.official, id, "全文.pdf", PDF).expectStatus().isOk()).get(0)
                .path("id").asLong();
        f.official.post("/api/consultations/" + id + "/publish", Map.of()).expectStatus().isOk();
        upload(f.otherOfficial, id, "冒名.pdf", PDF).expectStatus().isForbidden();
        f.otherOfficial.withCsrf().http().delete().uri("/api/consultations/" + id + "/attachments/" + attachment).exchange()
                .expectStatus().isForbidden();
        upload(f.citizen("c"), id, "网友.pdf", PDF).expectStatus().isForbidden();

        f.clock.advance(Duration.ofHours(2));
        upload(f.official, id, "补充.pdf", PDF).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("consultation.attachments_fixed");
        f.official.withCsrf().http().delete().uri("/api/consultations/" + id + "/attachments/" + attachment).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(f.count("SELECT count(*) FROM consultation_attachment WHERE consultation_id = $1", id)).isEqualTo(1);
    }

    @Test
    void removesAttachmentOfDraftWithItsStoredFile() {
        ConsultationFixture f = fixture();
        long id = draft(f, "创业担保贷款办法（征求意见稿）");
        JsonNode files = ConsultationFixture.json(upload(f.official, id, "一.pdf", PDF).expectStatus().isOk());
        long attachment = files.get(0).path("id").asLong();
        String key = f.db.sql("SELECT storage_key FROM consultation_attachment WHERE id = :id").bind("id", attachment)
                .map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
        Path stored = Path.of(app.getEnvironment().getProperty("onestop.storage.dir")).resolve(key);
        assertThat(stored).exists();

        JsonNode left = ConsultationFixture.json(f.official.withCsrf().http().delete()
                .uri("/api/consultations/" + id + "/attachments/" + attachment).exchange().expectStatus().isOk());
        assertThat(left).isEmpty();
        assertThat(stored).doesNotExist();
        f.official.get("/api/consultations/" + id + "/attachments/" + attachment).expectStatus().isNotFound();
    }

    @Test
    void publishingDraftWhoseWindowHasOpenedIsRefusedUntilNewDatesAreSet() {
        ConsultationFixture f = fixture();
        long id = draft(f, "灵活就业社保补贴办法（征求意见稿）");
        f.clock.advance(Duration.ofHours(2));
        f.official.post("/api/consultations/" + id + "/publish", Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("opensAt");
        Instant opens = f.now().plus(Duration.ofHours(1));
        f.official.withCsrf().http().put().uri("/api/consultations/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ConsultationFixture.draft("灵活就业社保补贴办法（征求意见稿）", opens, opens.plus(Duration.ofDays(5))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("draft");
        f.official.post("/api/consultations/" + id + "/publish", Map.of()).expectStatus().isOk();
        JsonNode mine = ConsultationFixture.json(f.official.get("/api/consultations/department?size=100").expectStatus().isOk());
        assertThat(mine.get("items").valueStream().filter(c -> c.path("id").asLong() == id).findFirst().orElseThrow()
                .path("status").asString()).isEqualTo("upcoming");
        f.otherOfficial.get("/api/consultations/department").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + id + ")]").doesNotExist();
        new PortalClient(port).get("/api/consultations/department").expectStatus().isUnauthorized();
    }
}
