package org.onestop.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.onestop.Identities;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.onestop.servicehall.ServiceHallTestData;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people and services of an applications test: the school-transfer service (EDU) and a few
 * others, an EDU official (the owning department), an HRSS official (another department), an admin,
 * and applicants made on demand.
 */
final class ApplicationFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    /** The start of a Windows executable (MZ header), to be sent under a .pdf name. */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    static final Path FILES = Path.of("target/test-files");

    final ApplicationContext app;
    final int port;
    final String prefix;
    final List<ServiceHallTestData.Loaded> services;
    final PortalClient edu;
    final PortalClient hrss;
    final PortalClient admin;

    ApplicationFixture(ApplicationContext app, int port, String prefix) {
        this.app = app;
        this.port = port;
        this.prefix = prefix;
        this.services = ServiceHallTestData.load(app);
        TestAccounts.staff(app, prefix + "_edu", "EDU", Role.OFFICIAL);
        TestAccounts.staff(app, prefix + "_hrss", "HRSS", Role.OFFICIAL);
        TestAccounts.staff(app, prefix + "_admin", null, Role.ADMIN);
        this.edu = login(prefix + "_edu");
        this.hrss = login(prefix + "_hrss");
        this.admin = login(prefix + "_admin");
    }

    PortalClient login(String username) {
        return new PortalClient(port).login(username, TestAccounts.PASSWORD);
    }

    record Person(PortalClient client, long id) {
    }

    Person citizen(String name) {
        long id = TestAccounts.citizen(app, prefix + "_" + name);
        return new Person(login(prefix + "_" + name), id);
    }

    /** An enterprise account registered through the API, as an enterprise signs up. */
    Person enterprise(String name) {
        PortalClient client = new PortalClient(port);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", prefix + "_" + name);
        body.put("password", TestAccounts.PASSWORD);
        body.put("displayName", "青岛" + name + "科技有限公司");
        body.put("kind", "enterprise");
        body.put("realName", "王经理");
        body.put("enterpriseName", "青岛" + name + "科技有限公司");
        body.put("creditCode", Identities.creditCode());
        body.put("mobile", Identities.mobile());
        JsonNode account = json(client.post("/api/auth/register", body).expectStatus().isCreated());
        return new Person(login(prefix + "_" + name), account.path("id").asLong());
    }

    String service(String nameZh) {
        return services.stream().filter(s -> s.nameZh().equals(nameZh)).findFirst().orElseThrow().code();
    }

    String serviceFor(String audience) {
        return services.stream().filter(s -> s.audience().equals(audience)).findFirst().orElseThrow().code();
    }

    static JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    static long create(PortalClient client, String serviceCode) {
        return json(client.post("/api/applications", Map.of("serviceCode", serviceCode)).expectStatus().isCreated())
                .path("id").asLong();
    }

    static WebTestClient.ResponseSpec put(PortalClient client, String path, Object body) {
        client.withCsrf();
        return client.http().put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static WebTestClient.ResponseSpec upload(PortalClient client, long id, String code, String fileName, byte[] bytes) {
        client.withCsrf();
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", bytes).filename(fileName).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return client.http().post().uri("/api/applications/" + id + "/materials/" + code)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    /** Complete data for 普通高中转学, moving with the family (so the new address and 户口簿 are asked for). */
    static Map<String, Object> transferData() {
        return transferData("g10");
    }

    static Map<String, Object> transferData(String grade) {
        String student = Identities.idNumber();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("studentName", "李小明");
        data.put("studentIdNumber", student);
        data.put("gender", "male");
        data.put("studentNumber", "G" + student);
        data.put("grade", grade);
        data.put("guardianName", "李建国");
        data.put("guardianRelation", "father");
        data.put("guardianIdNumber", Identities.idNumber());
        data.put("guardianMobile", Identities.mobile());
        data.put("fromSchool", "青岛第二中学");
        data.put("toSchool", "青岛第五十八中学");
        data.put("toDistrict", "370212");
        data.put("transferDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString());
        data.put("reason", "relocation");
        data.put("newAddress", "崂山区香港东路100号");
        data.put("declaration", true);
        return data;
    }

    static final List<String> TRANSFER_MATERIALS = List.of("transfer-out", "transfer-in", "student-record", "household");

    /** A filled, fully uploaded 普通高中转学 draft of this applicant. */
    long transferDraft(PortalClient applicant) {
        return transferDraft(applicant, "普通高中转学");
    }

    /** As above, for 普通高中转学 or 初中转学. */
    long transferDraft(PortalClient applicant, String service) {
        long id = create(applicant, service(service));
        String grade = service.startsWith("初中") ? "g7" : "g10";
        put(applicant, "/api/applications/" + id + "/data", Map.of("data", transferData(grade))).expectStatus().isOk();
        for (String code : TRANSFER_MATERIALS) {
            upload(applicant, id, code, code + ".pdf", PDF).expectStatus().isCreated();
        }
        return id;
    }

    long count(String sql) {
        return app.getBean(DatabaseClient.class).sql(sql).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    static long storedFiles() {
        if (!Files.isDirectory(FILES)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(FILES)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
