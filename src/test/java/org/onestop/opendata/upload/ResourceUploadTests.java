package org.onestop.opendata.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.platform.storage.StorageProperties;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * Departments upload, replace and delete resource files: CSV and XLSX load into a queryable table
 * with inferred types; the file downloads byte for byte; a refused file leaves no row, table or
 * stored file behind; other departments and citizens cannot touch the dataset.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceUploadTests {

    private static final String CSV = "\uFEFF区县,date,人数,金额,邮编,备注\r\n"
            + "市南区,2026-01-05,120,3.50,266001,\"含逗号, 与\"\"引号\"\"\"\r\n"
            + "市北区,2026-01-06,80,10,0266,\r\n"
            + "崂山区,2026-01-07,200,7.25,266100,\"两行\n说明\"\r\n";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private PortalClient hrss;
    private PortalClient housing;
    private PortalClient citizen;

    @BeforeAll
    void setUp() {
        TestAccounts.staff(app, "up_hrss", "HRSS", Role.OFFICIAL);
        TestAccounts.staff(app, "up_housing", "HOUSING", Role.OFFICIAL);
        TestAccounts.citizen(app, "up_citizen");
        hrss = new PortalClient(port).login("up_hrss", TestAccounts.PASSWORD).withCsrf();
        housing = new PortalClient(port).login("up_housing", TestAccounts.PASSWORD).withCsrf();
        citizen = new PortalClient(port).login("up_citizen", TestAccounts.PASSWORD).withCsrf();
    }

    @Test
    void uploadsCsvWithChineseHeadersThenDatastoreAnswersTypedQueries() throws Exception {
        String dataset = dataset();
        String before = json(new PortalClient(port).get("/api/opendata/datasets/" + dataset).expectStatus().isOk()).path("updatedAt").asString();
        byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
        JsonNode resource = json(upload(hrss, dataset, form("就业人数（CSV）", "CSV", null), "就业.csv", bytes).expectStatus().isCreated());
        assertThat(resource.path("rows").asLong()).isEqualTo(3);
        assertThat(resource.path("datastore").asBoolean()).isTrue();
        assertThat(resource.path("fields").toString()).contains("\"label\":\"区县\"", "\"type\":\"int\"", "\"type\":\"numeric\"",
                "\"type\":\"date\"");
        assertThat(types(resource)).containsExactly("text", "date", "int", "numeric", "text", "text");

        JsonNode search = json(new PortalClient(port).http().get()
                .uri("/api/3/action/datastore_search?resource_id={id}&filters={f}&sort={s}", resource.path("id").asLong(),
                        "{\"col_3\":{\"gte\":100}}", "col_3 desc")
                .exchange().expectStatus().isOk());
        assertThat(search.path("result").path("total").asLong()).isEqualTo(2);
        JsonNode first = search.path("result").path("records").get(0);
        assertThat(first.path("col_1").asString()).isEqualTo("崂山区");
        assertThat(first.path("col_6").asString()).isEqualTo("两行\n说明");
        JsonNode zeros = json(new PortalClient(port).http().get()
                .uri("/api/3/action/datastore_search?resource_id={id}&q=0266", resource.path("id").asLong()).exchange().expectStatus().isOk());
        assertThat(zeros.path("result").path("records").get(0).path("col_5").asString()).isEqualTo("0266");

        var download = new PortalClient(port).http().get().uri(resource.path("downloadUrl").asString()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        assertThat(download.getResponseBody()).isEqualTo(bytes);
        assertThat(download.getResponseHeaders().getETag()).isEqualTo("\"" + sha256(bytes) + "\"");

        JsonNode page = json(new PortalClient(port).get("/api/opendata/datasets/" + dataset).expectStatus().isOk());
        assertThat(page.path("history").get(0).path("summary").asString()).isEqualTo("新增资源：就业人数（CSV）");
        assertThat(page.path("updatedAt").asString()).isGreaterThan(before);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'opendata.resource.add' AND target_id = '"
                + resource.path("id").asLong() + "'")).isEqualTo(1);
    }

    @Test
    void uploadsXlsxAndLoadsItsDatesAndNumbersAsTheyShow() throws IOException {
        String dataset = dataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("数据");
        sheet.value(0, 0, "站点");
        sheet.value(0, 1, "日期");
        sheet.value(0, 2, "PM2.5");
        sheet.value(1, 0, "李村");
        sheet.value(1, 1, LocalDate.of(2026, 3, 1));
        sheet.style(1, 1).format("yyyy-mm-dd").set();
        sheet.value(1, 2, 35.5);
        sheet.value(2, 0, "四方");
        sheet.value(2, 1, LocalDate.of(2026, 3, 2));
        sheet.style(2, 1).format("yyyy-mm-dd").set();
        sheet.value(2, 2, 41);
        workbook.finish();
        JsonNode resource = json(upload(hrss, dataset, form("空气质量（XLSX）", "XLSX", null), "空气.xlsx", out.toByteArray())
                .expectStatus().isCreated());
        assertThat(resource.path("rows").asLong()).isEqualTo(2);
        assertThat(types(resource)).containsExactly("text", "date", "numeric");
        JsonNode search = json(new PortalClient(port).http().get()
                .uri("/api/3/action/datastore_search?resource_id={id}&sort=col_2 desc", resource.path("id").asLong())
                .exchange().expectStatus().isOk());
        assertThat(search.path("result").path("records").get(0).path("col_2").asString()).isEqualTo("2026-03-02");
        assertThat(search.path("result").path("records").get(1).path("col_3").decimalValue()).isEqualByComparingTo("35.5");
    }

    @Test
    void replacesFileThenOldTableAndFileAreGoneAndTheEtagChanges() {
        String dataset = dataset();
        JsonNode first = json(upload(hrss, dataset, form("名单", "CSV", null), "a.csv", CSV.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isCreated());
        long id = first.path("id").asLong();
        String oldTable = one("SELECT datastore_table FROM opendata_resource WHERE id = " + id);
        String oldKey = one("SELECT storage_key FROM opendata_resource WHERE id = " + id);
        byte[] newer = "区县,人数\n黄岛区,5\n即墨区,6\n胶州市,7\n平度市,8\n".getBytes(StandardCharsets.UTF_8);
        JsonNode replaced = json(replace(hrss, dataset, id, Map.of("summary", "补充 2 月数据"), "b.csv", newer).expectStatus().isOk());
        assertThat(replaced.path("rows").asLong()).isEqualTo(4);
        assertThat(replaced.path("id").asLong()).isEqualTo(id);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'opendata_store' AND tablename = '" + oldTable + "'")).isZero();
        assertThat(Files.exists(storage().resolve(oldKey))).isFalse();
        var download = new PortalClient(port).http().get().uri(replaced.path("downloadUrl").asString()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        assertThat(download.getResponseBody()).isEqualTo(newer);
        assertThat(download.getResponseHeaders().getETag()).isEqualTo("\"" + sha256(newer) + "\"");
        JsonNode page = json(new PortalClient(port).get("/api/opendata/datasets/" + dataset).expectStatus().isOk());
        assertThat(page.path("history").get(0).path("summary").asString()).isEqualTo("更新资源：名单（补充 2 月数据）");
    }

    @Test
    void refusedReplacementKeepsTheOldFileAndTable() {
        String dataset = dataset();
        long id = json(upload(hrss, dataset, form("名单", "CSV", null), "a.csv", CSV.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isCreated()).path("id").asLong();
        String table = one("SELECT datastore_table FROM opendata_resource WHERE id = " + id);
        long files = storedFiles();
        JsonNode problem = json(replace(hrss, dataset, id, Map.of(), "b.csv", "区县,人数\n黄岛区\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest());
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("第 2 行有 1 个单元格");
        assertThat(one("SELECT datastore_table FROM opendata_resource WHERE id = " + id)).isEqualTo(table);
        assertThat(count("SELECT count(*) FROM opendata_store." + table)).isEqualTo(3);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void refusesBrokenOrMislabelledFilesAndKeepsNothing() {
        String dataset = dataset();
        long resources = count("SELECT count(*) FROM opendata_resource");
        long tables = count("SELECT count(*) FROM pg_tables WHERE schemaname = 'opendata_store'");
        long files = storedFiles();
        Map<String, byte[]> broken = Map.of(
                "CSV gbk", "区县,人数\n市南区,12\n".getBytes(Charset.forName("GBK")),
                "CSV ragged", "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8),
                "JSON trailing", "{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8),
                "JSON cut", "[{\"a\":1},".getBytes(StandardCharsets.UTF_8),
                "GEOJSON plain", "{\"type\":\"Table\",\"rows\":[]}".getBytes(StandardCharsets.UTF_8),
                "XLSX text", "这不是工作簿".getBytes(StandardCharsets.UTF_8),
                "CSV empty", new byte[0]);
        broken.forEach((label, bytes) -> {
            String format = label.substring(0, label.indexOf(' '));
            JsonNode problem = json(upload(hrss, dataset, form(label, format, null), "x", bytes).expectStatus().isBadRequest());
            assertThat(problem.path("errors").get(0).path("field").asString()).as(label).isEqualTo("file");
        });
        JsonNode fields = json(upload(hrss, dataset, Map.of("name", "", "format", "PDF", "datastore", "maybe"), "x.csv",
                CSV.getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest());
        assertThat(fields.path("errors").toString()).contains("name", "format", "datastore");
        JsonNode jsonInStore = json(upload(hrss, dataset, form("JSON", "JSON", "true"), "x.json", "[]".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest());
        assertThat(jsonInStore.path("errors").get(0).path("field").asString()).isEqualTo("datastore");
        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        form("无文件", "CSV", null).forEach(noFile::part);
        JsonNode missing = json(hrss.http().post().uri("/api/opendata/manage/datasets/{d}/resources", dataset)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(noFile.build())).exchange()
                .expectStatus().isBadRequest());
        assertThat(missing.path("errors").get(0).path("field").asString()).isEqualTo("file");

        assertThat(count("SELECT count(*) FROM opendata_resource")).isEqualTo(resources);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'opendata_store'")).isEqualTo(tables);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void acceptsGeoJsonAndJsonWithoutLoadingThem() {
        String dataset = dataset();
        JsonNode geo = json(upload(hrss, dataset, form("站点分布", "GEOJSON", null), "s.geojson",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"名称\":\"李村\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.4,36.1]}}]}"
                        .getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated());
        assertThat(geo.path("format").asString()).isEqualTo("GEOJSON");
        assertThat(geo.path("datastore").asBoolean()).isFalse();
        JsonNode plain = json(upload(hrss, dataset, form("名录", "JSON", null), "m.json", "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isCreated());
        assertThat(plain.path("byteSize").asLong()).isEqualTo(9);
    }

    @Test
    void deletesResourceWithItsTableAndFile() {
        String dataset = dataset();
        long id = json(upload(hrss, dataset, form("名单", "CSV", null), "a.csv", CSV.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isCreated()).path("id").asLong();
        String table = one("SELECT datastore_table FROM opendata_resource WHERE id = " + id);
        String key = one("SELECT storage_key FROM opendata_resource WHERE id = " + id);
        housing.http().delete().uri("/api/opendata/manage/datasets/{d}/resources/{id}", dataset, id).exchange().expectStatus().isNotFound();
        hrss.http().delete().uri("/api/opendata/manage/datasets/{d}/resources/{id}", dataset, id).exchange().expectStatus().isNoContent();
        assertThat(count("SELECT count(*) FROM opendata_resource WHERE id = " + id)).isZero();
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'opendata_store' AND tablename = '" + table + "'")).isZero();
        assertThat(Files.exists(storage().resolve(key))).isFalse();
        hrss.http().delete().uri("/api/opendata/manage/datasets/{d}/resources/{id}", dataset, id).exchange().expectStatus().isNotFound();
    }

    @Test
    void listsApiResourceThenDeletesItAndRefusesAddressesThatAreNotWebOrPortalApi() {
        String dataset = dataset();
        JsonNode api = json(hrss.post("/api/opendata/manage/datasets/" + dataset + "/api-resources",
                Map.of("name", "就业数据接口", "description", "按区县查询", "url", "https://data.hrss.example.gov.cn/api/employment?q=1"))
                .expectStatus().isCreated());
        assertThat(api.path("format").asString()).isEqualTo("API");
        assertThat(api.path("apiUrl").asString()).isEqualTo("https://data.hrss.example.gov.cn/api/employment?q=1");
        for (String url : List.of("javascript:alert(1)", "file:///etc/passwd", "https://user:pw@example.gov.cn/", "//evil.example/x",
                "/static/../api", "ftp://example.gov.cn/data", "https://", "")) {
            JsonNode problem = json(hrss.post("/api/opendata/manage/datasets/" + dataset + "/api-resources", Map.of("name", "接口", "url", url))
                    .expectStatus().isBadRequest());
            assertThat(problem.path("errors").get(0).path("field").asString()).as(url).isEqualTo("url");
        }
        housing.post("/api/opendata/manage/datasets/" + dataset + "/api-resources", Map.of("name", "越权", "url", "https://x.example.cn/"))
                .expectStatus().isNotFound();
        hrss.http().delete().uri("/api/opendata/manage/datasets/{d}/resources/{id}", dataset, api.path("id").asLong()).exchange()
                .expectStatus().isNoContent();
        assertThat(count("SELECT count(*) FROM opendata_resource r JOIN opendata_dataset d ON d.id = r.dataset_id WHERE d.name = '"
                + dataset + "'")).isZero();
    }

    @Test
    void otherDepartmentsGetNotFoundAndCitizensAreRefused() {
        String dataset = dataset();
        byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
        upload(housing, dataset, form("越权", "CSV", null), "a.csv", bytes).expectStatus().isNotFound();
        upload(citizen, dataset, form("越权", "CSV", null), "a.csv", bytes).expectStatus().isForbidden();
        upload(new PortalClient(port).withCsrf(), dataset, form("匿名", "CSV", null), "a.csv", bytes).expectStatus().isUnauthorized();
        assertThat(count("SELECT count(*) FROM opendata_resource r JOIN opendata_dataset d ON d.id = r.dataset_id WHERE d.name = '"
                + dataset + "'")).isZero();
    }

    private String dataset() {
        String name = "upload-" + UUID.randomUUID().toString().substring(0, 8);
        hrss.post("/api/opendata/manage/datasets", Map.of("name", name, "title", "就业登记人数", "description",
                "全市各区县每日就业登记人数统计，供研究使用。", "theme", "social", "keywords", List.of("就业"), "licence", "cc-by-4.0",
                "frequency", "monthly", "spatial", "青岛市", "contactName", "数据联络员", "contactEmail", "hrss@data.onestop.example.cn"))
                .expectStatus().isCreated();
        return name;
    }

    private static Map<String, String> form(String name, String format, String datastore) {
        return datastore == null ? Map.of("name", name, "format", format) : Map.of("name", name, "format", format, "datastore", datastore);
    }

    private WebTestClient.ResponseSpec upload(PortalClient who, String dataset, Map<String, String> fields, String fileName, byte[] file) {
        return send(who, HttpMethod.POST, "/api/opendata/manage/datasets/" + dataset + "/resources", fields, fileName, file);
    }

    private WebTestClient.ResponseSpec replace(PortalClient who, String dataset, long id, Map<String, String> fields, String fileName,
            byte[] file) {
        return send(who, HttpMethod.PUT, "/api/opendata/manage/datasets/" + dataset + "/resources/" + id + "/file", fields, fileName, file);
    }

    private static WebTestClient.ResponseSpec send(PortalClient who, HttpMethod method, String path, Map<String, String> fields,
            String fileName, byte[] file) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        fields.forEach(parts::part);
        parts.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return who.http().method(method).uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    private static List<String> types(JsonNode resource) {
        return resource.path("fields").valueStream().map(f -> f.path("type").asString()).toList();
    }

    private long count(String sql) {
        return app.getBean(DatabaseClient.class).sql(sql).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    private String one(String sql) {
        return app.getBean(DatabaseClient.class).sql(sql).map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(10));
    }

    private Path storage() {
        return app.getBean(StorageProperties.class).dir().toAbsolutePath().normalize();
    }

    private long storedFiles() {
        try (Stream<Path> files = Files.walk(storage())) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
