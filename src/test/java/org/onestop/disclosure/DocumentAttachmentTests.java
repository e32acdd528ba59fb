package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.platform.storage.FileStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * Attachments of disclosure documents: upload by the department's officials with the type checked
 * by content, the limits, nothing kept from a refused upload, public download headers, withdrawal,
 * removal, and which attachments each version had.
 */
@PortalTest
class DocumentAttachmentTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    /** The start of a Windows executable (MZ header, then the DOS stub). */
    static final byte[] EXE = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF}, 256);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int users;

    private DisclosureFixture fixture() {
        return new DisclosureFixture(app, port);
    }

    private PortalClient official(String department) {
        return fixture().official("att" + (++users), department);
    }

    private static Map<String, Object> document(String title, String body) {
        return Map.of("title", title, "category", "normative-dept", "docNumber", "青人社发〔2026〕12号",
                "publishedOn", "2026-03-02", "validity", "valid", "body", body);
    }

    private long publish(PortalClient official, String title) {
        return DisclosureFixture.json(official.post("/api/disclosure/manage/documents", document(title, "<p>正文</p>"))
                .expectStatus().isCreated()).path("id").asLong();
    }

    private static WebTestClient.ResponseSpec upload(PortalClient who, long id, String name, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        // Declared as a PDF whatever it is: the server must judge by the content alone.
        body.part("files", bytes).filename(name).contentType(MediaType.APPLICATION_PDF);
        return send(who, id, body);
    }

    private static WebTestClient.ResponseSpec send(PortalClient who, long id, MultipartBodyBuilder body) {
        who.withCsrf();
        return who.http().post().uri("/api/disclosure/manage/documents/" + id + "/attachments")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private static WebTestClient.ResponseSpec delete(PortalClient who, long id, long attachment) {
        who.withCsrf();
        return who.http().delete().uri("/api/disclosure/manage/documents/" + id + "/attachments/" + attachment).exchange();
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

    private long count(String sql, Object id) {
        return db.sql(sql).bind(0, id).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private long rows(long document) {
        return count("SELECT count(*) FROM disclosure_attachment WHERE document_id = $1", document);
    }

    private String storageKey(long attachment) {
        return db.sql("SELECT storage_key FROM disclosure_attachment WHERE id = $1").bind(0, attachment)
                .map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
    }

    private static List<String> names(JsonNode attachments) {
        return attachments.valueStream().map(a -> a.path("name").asString()).toList();
    }

    @Test
    void uploadsPdfThenDocumentListsItAndAnyoneDownloadsItAsAttachmentWithChineseName() {
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于印发《青岛市创业担保贷款实施办法》的通知");
        String name = "青岛市创业担保贷款实施办法（2026年修订）.pdf";
        JsonNode doc = DisclosureFixture.json(upload(hrss, id, name, PDF).expectStatus().isOk());
        JsonNode a = doc.path("attachments").get(0);
        assertThat(doc.path("attachments")).hasSize(1);
        assertThat(a.path("name").asString()).isEqualTo(name);
        assertThat(a.path("size").asLong()).isEqualTo(PDF.length);
        assertThat(a.path("contentType").asString()).isEqualTo("application/pdf");
        String href = a.path("href").asString();
        assertThat(href).isEqualTo("/api/disclosure/documents/" + id + "/attachments/" + a.path("id").asLong());

        PortalClient anyone = fixture().anonymous();
        assertThat(names(DisclosureFixture.json(anyone.get("/api/disclosure/documents/" + id).expectStatus().isOk())
                .path("attachments"))).containsExactly(name);
        var download = anyone.get(href).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().returnResult();
        String disposition = download.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo(name);
        assertThat(download.getResponseBody()).isEqualTo(PDF);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'disclosure.document.attachment_added' AND target_id = $1",
                String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void refusesExecutableRenamedPdfByItsContentAndStoresNothing() {
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于公布2026年度就业补助资金的公告");
        long before = storedFiles();
        upload(hrss, id, "资金明细.pdf", EXE).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("files[0]").jsonPath("$.errors[0].code").isEqualTo("file_type");
        assertThat(storedFiles()).as("files in the storage folder").isEqualTo(before);
        assertThat(rows(id)).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'disclosure.document.attachment_added' AND target_id = $1",
                String.valueOf(id))).isZero();
    }

    @Test
    void refusesFileOverSizeLimitAndStoresNothing() {
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于2026年部门预算公开的说明");
        long before = storedFiles();
        long limit = app.getBean(AttachmentProperties.class).maxFileSize().toBytes();
        upload(hrss, id, "部门预算.pdf", Arrays.copyOf(PDF, Math.toIntExact(limit + 1))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("file_too_large");
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(rows(id)).isZero();
    }

    @Test
    void refusesMoreFilesThanDocumentMayCarryAndStoresNothing() {
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于公布2026年度职业技能培训机构名单的公告");
        int max = app.getBean(AttachmentProperties.class).maxPerDocument();
        MultipartBodyBuilder full = new MultipartBodyBuilder();
        for (int i = 0; i < max - 1; i++) {
            full.part("files", PNG).filename("图" + i + ".png");
        }
        DisclosureFixture.json(send(hrss, id, full).expectStatus().isOk());
        long before = storedFiles();
        MultipartBodyBuilder two = new MultipartBodyBuilder();
        two.part("files", PDF).filename("名单一.pdf");
        two.part("files", PDF).filename("名单二.pdf");
        send(hrss, id, two).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("disclosure.too_many_files")
                .jsonPath("$.errors[0].message").isEqualTo("每件政府信息最多可有 " + max + " 个附件。");
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(rows(id)).isEqualTo(max - 1);
    }

    @Test
    void officialOfAnotherDepartmentCitizenAndStrangerCannotAttachOrRemove() {
        DisclosureFixture f = fixture();
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于调整失业保险金标准的通知");
        long attachment = DisclosureFixture.json(upload(hrss, id, "标准.pdf", PDF).expectStatus().isOk())
                .path("attachments").get(0).path("id").asLong();
        long before = storedFiles();

        PortalClient housing = official("HOUSING");
        upload(housing, id, "篡改.pdf", PDF).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        delete(housing, id, attachment).expectStatus().isForbidden();
        upload(housing, 999_999, "篡改.pdf", PDF).expectStatus().isNotFound();
        delete(hrss, id, 999_999).expectStatus().isNotFound();
        upload(f.anonymous(), id, "篡改.pdf", PDF).expectStatus().isUnauthorized();
        org.onestop.account.TestAccounts.citizen(app, "attcitizen" + (++users));
        PortalClient citizen = new PortalClient(port).login("attcitizen" + users, org.onestop.account.TestAccounts.PASSWORD);
        upload(citizen, id, "篡改.pdf", PDF).expectStatus().isForbidden();
        delete(citizen, id, attachment).expectStatus().isForbidden();

        assertThat(storedFiles()).isEqualTo(before);
        assertThat(rows(id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM disclosure_attachment WHERE document_id = $1 AND removed_in IS NULL", id)).isEqualTo(1);
    }

    @Test
    void withdrawnDocumentsAttachmentsAreNotFoundForThePublicButStayWithItsDepartment() {
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于开展2026年度社会保险待遇资格认证的通知");
        String href = DisclosureFixture.json(upload(hrss, id, "认证流程图.png", PNG).expectStatus().isOk())
                .path("attachments").get(0).path("href").asString();
        PortalClient anyone = fixture().anonymous();
        anyone.get(href).expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);

        hrss.post("/api/disclosure/manage/documents/" + id + "/withdraw", Map.of("reason", "重新发布")).expectStatus().isOk();
        anyone.get(href).expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        official("HOUSING").get(href).expectStatus().isNotFound();
        hrss.get(href).expectStatus().isOk();
        long before = storedFiles();
        upload(hrss, id, "补充.pdf", PDF).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("document_status");
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void removingAttachmentKeepsItInTheVersionsThatHadIt() {
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于印发《青岛市就业见习管理办法》的通知");
        long first = DisclosureFixture.json(upload(hrss, id, "管理办法.pdf", PDF).expectStatus().isOk())
                .path("attachments").get(0).path("id").asLong();
        hrss.withCsrf().http().put().uri("/api/disclosure/manage/documents/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(document("关于印发《青岛市就业见习管理办法》的通知", "<p>第二稿</p>")).exchange().expectStatus().isOk();
        JsonNode both = DisclosureFixture.json(upload(hrss, id, "见习单位名单.pdf", PDF).expectStatus().isOk());
        assertThat(names(both.path("attachments"))).containsExactly("管理办法.pdf", "见习单位名单.pdf");
        long second = both.path("attachments").get(1).path("id").asLong();
        String firstKey = storageKey(first);
        String secondKey = storageKey(second);

        JsonNode after = DisclosureFixture.json(delete(hrss, id, first).expectStatus().isOk());
        assertThat(names(after.path("attachments"))).containsExactly("见习单位名单.pdf");
        PortalClient anyone = fixture().anonymous();
        assertThat(names(DisclosureFixture.json(anyone.get("/api/disclosure/documents/" + id + "/versions/1").expectStatus().isOk())
                .path("attachments"))).containsExactly("管理办法.pdf");
        assertThat(names(DisclosureFixture.json(anyone.get("/api/disclosure/documents/" + id + "/versions/2").expectStatus().isOk())
                .path("attachments"))).containsExactly("见习单位名单.pdf");
        // The first version still serves the file it carried.
        anyone.get("/api/disclosure/documents/" + id + "/attachments/" + first).expectStatus().isOk();
        FileStore store = app.getBean(FileStore.class);
        assertThat(store.exists(firstKey)).isTrue();
        delete(hrss, id, first).expectStatus().isNotFound();

        // Added and removed within the current version: no version had it, so it is gone.
        DisclosureFixture.json(delete(hrss, id, second).expectStatus().isOk());
        assertThat(store.exists(secondKey)).isFalse();
        assertThat(rows(id)).isEqualTo(1);
        anyone.get("/api/disclosure/documents/" + id + "/attachments/" + second).expectStatus().isNotFound();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'disclosure.document.attachment_removed' AND target_id = $1",
                String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void unknownAttachmentOrDocumentIsNotFoundInTheCallersLanguage() {
        PortalClient hrss = official("HRSS");
        long id = publish(hrss, "关于发布2026年度最低工资标准的通知");
        PortalClient anyone = fixture().anonymous();
        anyone.get("/api/disclosure/documents/" + id + "/attachments/424242").expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("请求的附件（编号 424242）不存在。");
        anyone.language("en").get("/api/disclosure/documents/999999/attachments/1").expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("The requested document (id 999999) does not exist.");
    }
}
