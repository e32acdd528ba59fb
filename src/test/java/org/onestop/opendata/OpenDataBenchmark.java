package org.onestop.opendata;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.onestop.PortalTest;
import org.onestop.opendata.demo.DemoSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Loads the full demo catalogue (120 datasets, three of them over a million rows) as the first
 * start does, then measures over HTTP: datastore_search p95 on the million-row tables with a
 * filter and a sort, and download throughput beside a plain file copy of the same file. Not part
 * of the regular suite; it runs only when asked for:
 * {@code OPENDATA_BENCHMARK=true ./mvnw -B -ntp -o test -Dtest=OpenDataBenchmark}.
 * Figures go to standard output (and load-tests/opendata-benchmark.md records a run).
 */
@PortalTest
// One client makes hundreds of calls a minute here; the per-address allowance is not what is measured.
@TestPropertySource(properties = {"onestop.opendata.api-calls-per-ip=1000000", "onestop.opendata.downloads-per-ip=1000000"})
@EnabledIfEnvironmentVariable(named = "OPENDATA_BENCHMARK", matches = "true")
class OpenDataBenchmark {

    private static final List<String> DISTRICTS = List.of("市南区", "市北区", "李沧区", "崂山区", "黄岛区", "城阳区", "即墨区",
            "胶州市", "平度市", "莱西市");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void loadsTheDemoCatalogueAndMeasuresDatastoreAndDownloads() throws Exception {
        long started = System.nanoTime();
        long rows = DemoSet.loadAll(app);
        System.out.printf("BENCHMARK load: 120 datasets, %d datastore rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);

        DatasetStore store = app.getBean(DatasetStore.class);
        DataResource air = store.byName("air-quality-city").block().resources().get(0);
        DataResource bus = store.byName("bus-ridership-2016-2025").block().resources().get(0);
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 40; i++) {
            // Warm the JIT and PostgreSQL's caches before measuring.
            search(http, air.id(), DISTRICTS.get(i % 10), "aqi desc", 0);
        }
        List<Double> airTimes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            search(http, air.id(), DISTRICTS.get(random.nextInt(10)), i % 2 == 0 ? "aqi desc" : "observed_at desc",
                    random.nextInt(50) * 100);
            airTimes.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> busTimes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String filter = "{\"line\":\"" + (1 + random.nextInt(300)) + "路\"}";
            long t = System.nanoTime();
            http.get().uri(b -> b.path("/api/3/action/datastore_search").queryParam("resource_id", bus.id())
                            .queryParam("filters", "{filter}").queryParam("sort", "boardings desc").queryParam("limit", 100)
                            .build(filter))
                    .retrieve().bodyToMono(String.class).block();
            busTimes.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf("BENCHMARK datastore_search air-quality (%d rows, filter district, sort aqi/observed_at, limit 100): "
                + "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", air.rowCount(), airTimes.size(), p(airTimes, 50), p(airTimes, 95),
                p(airTimes, 100));
        System.out.printf("BENCHMARK datastore_search bus-ridership (%d rows, filter line, sort boardings, limit 100): "
                + "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", bus.rowCount(), busTimes.size(), p(busTimes, 50), p(busTimes, 95),
                p(busTimes, 100));

        Path file = Path.of(app.getBean(Environment.class).getProperty("onestop.storage.dir")).resolve(air.storageKey());
        double mb = air.byteSize() / 1048576.0;
        for (int round = 0; round < 3; round++) {
            Path copy = Files.createTempFile("opendata-bench", ".csv");
            long t = System.nanoTime();
            try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(copy)) {
                in.transferTo(out);
            }
            double copySeconds = (System.nanoTime() - t) / 1e9;
            Files.delete(copy);
            AtomicLong received = new AtomicLong();
            t = System.nanoTime();
            http.get().uri("/api/opendata/resources/{id}/download", air.id()).retrieve().bodyToFlux(DataBuffer.class)
                    .doOnNext(b -> {
                        received.addAndGet(b.readableByteCount());
                        DataBufferUtils.release(b);
                    }).then(Mono.empty()).block(Duration.ofMinutes(5));
            double httpSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("BENCHMARK download %.1f MB: HTTP %.0f MB/s (%.2f s), plain file copy %.0f MB/s (%.2f s)%n",
                    received.get() / 1048576.0, mb / httpSeconds, httpSeconds, mb / copySeconds, copySeconds);
        }
    }

    private static void search(WebClient http, long resource, String district, String sort, int offset) {
        http.get().uri(b -> b.path("/api/3/action/datastore_search").queryParam("resource_id", resource)
                        .queryParam("filters", "{filter}").queryParam("sort", sort).queryParam("limit", 100)
                        .queryParam("offset", offset).build("{\"district\":\"" + district + "\"}"))
                .retrieve().bodyToMono(String.class).block();
    }

    private static double p(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
