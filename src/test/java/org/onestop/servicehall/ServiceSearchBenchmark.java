package org.onestop.servicehall;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.onestop.Latencies;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Loads the whole demo catalogue (2,400 services, 57 departments) and measures keyword search
 * over HTTP, with and without filters; each answer carries its page, total and four facets
 * (target p95 ≤ 50 ms). Runs only when asked for:
 * {@code SERVICEHALL_BENCHMARK=true ./mvnw -B -ntp -o test -Dtest=ServiceSearchBenchmark}.
 */
@PortalTest
@EnabledIfEnvironmentVariable(named = "SERVICEHALL_BENCHMARK", matches = "true")
class ServiceSearchBenchmark {

    private static final List<String> QUERIES = List.of("转学", "公积金", "营业执照", "出生", "社保 转移", "不动产登记", "医保",
            "school transfer", "business licence", "provident fund", "registration", "marriage", "护照", "驾驶证",
            "高中 transfer", "补贴", "残疾人", "birth", "税务", "建设工程");
    private static final List<String> FILTERS = List.of("", "&audience=citizen", "&audience=enterprise", "&depth=4",
            "&online=true", "&department=EDU", "&department=HRSS");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void searchesTheWholeDemoCatalogue() {
        CatalogueFixture.load(app, 2_400);
        // A slow outlier (autovacuum after the load, a busy machine) belongs in the figures, not in a 5 s timeout.
        WebTestClient client = new PortalClient(port).http().mutate().responseTimeout(Duration.ofSeconds(60)).build();
        for (int i = 0; i < 60; i++) {
            // Warm the JIT and PostgreSQL's caches before measuring.
            client.get().uri("/api/services?q={q}", QUERIES.get(i % QUERIES.size())).exchange().expectStatus().isOk().expectBody().returnResult();
        }
        SplittableRandom random = new SplittableRandom(1);
        Latencies search = new Latencies();
        for (int i = 0; i < 300; i++) {
            String q = QUERIES.get(random.nextInt(QUERIES.size()));
            String filter = FILTERS.get(i % FILTERS.size());
            search.time(() -> client.get().uri("/api/services?q={q}" + filter, q).exchange().expectStatus().isOk().expectBody().returnResult());
        }
        Latencies browse = new Latencies();
        for (int i = 0; i < 100; i++) {
            String path = "/api/services?page=" + (i % 5) + FILTERS.get(i % FILTERS.size());
            browse.time(() -> client.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult());
        }
        System.out.println(search.summary("service search"));
        System.out.println(browse.summary("service catalogue without words"));
    }
}
