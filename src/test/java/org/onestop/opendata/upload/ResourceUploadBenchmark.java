package org.onestop.opendata.upload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On demand: a department uploads a one-million-row CSV (about 60 MB) and the portal stores it,
 * checks every row, infers the column types and COPY-loads it into a new datastore table; then the
 * file is replaced by another of the same size. Prints the wall time of each request and the heap
 * in use before and after. Run with {@code UPLOAD_BENCHMARK=true ./mvnw -B -ntp -o test -Dtest=ResourceUploadBenchmark}.
 */
@PortalTest
@EnabledIfEnvironmentVariable(named = "UPLOAD_BENCHMARK", matches = "true")
class ResourceUploadBenchmark {

    private static final List<String> DISTRICTS = List.of("市南区", "市北区", "李沧区", "崂山区", "黄岛区", "城阳区", "即墨区",
            "胶州市", "平度市", "莱西市");
    private static final int ROWS = 1_000_000;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void uploadsAndReplacesAMillionRowCsv() throws IOException {
        TestAccounts.staff(app, "bench_hrss", "HRSS", Role.OFFICIAL);
        PortalClient hrss = new PortalClient(port).login("bench_hrss", TestAccounts.PASSWORD).withCsrf();
        hrss.post("/api/opendata/manage/datasets", Map.of("name", "bench-registrations", "title", "就业登记明细", "description",
                "全市各区县就业登记明细数据，用于上传基准测试。", "theme", "social", "keywords", List.of("就业"), "licence", "cc-by-4.0",
                "frequency", "monthly", "spatial", "青岛市", "contactName", "数据联络员", "contactEmail", "hrss@data.onestop.example.cn"))
                .expectStatus().isCreated();
        Path first = csv(1);
        Path second = csv(2);
        System.out.printf("BENCHMARK upload file: %d rows, %.1f MB%n", ROWS, Files.size(first) / 1048576.0);
        long heapBefore = usedHeap();
        long t = System.nanoTime();
        JsonNode added = send(hrss, "/api/opendata/manage/datasets/bench-registrations/resources", first, true);
        double addSeconds = (System.nanoTime() - t) / 1e9;
        long heapAfter = usedHeap();
        t = System.nanoTime();
        JsonNode replaced = send(hrss, "/api/opendata/manage/datasets/bench-registrations/resources/" + added.path("id").asLong() + "/file",
                second, false);
        double replaceSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("BENCHMARK upload new resource: %d rows loaded in %.1f s (%.0f rows/s); heap in use %d → %d MB%n",
                added.path("rows").asLong(), addSeconds, ROWS / addSeconds, heapBefore >> 20, heapAfter >> 20);
        System.out.printf("BENCHMARK replace file: %d rows loaded in %.1f s; fields %s%n", replaced.path("rows").asLong(), replaceSeconds,
                replaced.path("fields").valueStream().map(f -> f.path("type").asString()).toList());
        long id = replaced.path("id").asLong();
        SplittableRandom random = new SplittableRandom(3);
        List<Double> times = new java.util.ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String filter = "{\"col_2\":\"" + DISTRICTS.get(random.nextInt(10)) + "\",\"col_3\":{\"gte\":\"2024-0" + (1 + random.nextInt(9)) + "-01\"}}";
            long q = System.nanoTime();
            hrss.http().get().uri(b -> b.path("/api/3/action/datastore_search").queryParam("resource_id", id).queryParam("filters", "{f}")
                            .queryParam("sort", "col_3 desc").queryParam("limit", 100).build(filter))
                    .exchange().expectStatus().isOk().expectBody().returnResult();
            if (i >= 40) {
                times.add((System.nanoTime() - q) / 1e6);
            }
        }
        java.util.Collections.sort(times);
        System.out.printf("BENCHMARK datastore_search on the uploaded table (filter district + date range, sort date, limit 100, total): "
                + "n=%d p50=%.1f ms p95=%.1f ms%n", times.size(), times.get(times.size() / 2), times.get((int) (times.size() * 0.95) - 1));
        Files.delete(first);
        Files.delete(second);
    }

    private static JsonNode send(PortalClient who, String path, Path file, boolean create) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        if (create) {
            parts.part("name", "就业登记明细（CSV）");
            parts.part("format", "CSV");
        }
        parts.part("file", new FileSystemResource(file)).contentType(MediaType.APPLICATION_OCTET_STREAM);
        var request = create ? who.http().post().uri(path) : who.http().put().uri(path);
        byte[] body = request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange()
                .expectStatus().is2xxSuccessful().expectBody().returnResult().getResponseBodyContent();
        return JsonMapper.builder().build().readTree(body);
    }

    private static Path csv(long seed) throws IOException {
        Path file = Files.createTempFile("upload-bench", ".csv");
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate start = LocalDate.of(2020, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("登记编号,区县,登记日期,年龄,月薪,行业,备注\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + "," + DISTRICTS.get(random.nextInt(10)) + "," + start.plusDays(random.nextInt(2000)) + ","
                        + (18 + random.nextInt(45)) + "," + (3000 + random.nextInt(20000)) + "." + random.nextInt(10) + ",行业"
                        + random.nextInt(20) + "," + (random.nextInt(10) == 0 ? "\"灵活就业, 兼职\"" : "") + "\n");
            }
        }
        return file;
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
