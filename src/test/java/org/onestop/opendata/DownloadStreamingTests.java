package org.onestop.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalTest;
import org.onestop.account.Departments;
import org.onestop.opendata.DatasetWriter.NewDataset;
import org.onestop.opendata.DatasetWriter.NewResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Resource downloads: streamed without buffering, exact byte ranges, revalidation, and batched counts. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadStreamingTests {

    private static final int LINE = 100;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private long datasetId;
    private DataResource small;

    @BeforeAll
    void dataset() {
        long department = app.getBean(Departments.class).byCode("STATS").block().id();
        Instant at = Instant.parse("2026-03-01T02:00:00Z");
        datasetId = app.getBean(DatasetWriter.class).insert(new NewDataset("download-test", "下载测试", "用于测试下载的数据集。".repeat(5),
                Theme.ECONOMY, department, List.of("测试"), Licence.CC_BY_4, Frequency.MONTHLY, null, null, "青岛市",
                new Dataset.Contact("联络员", "stats@data.onestop.example.cn", null), at, at)).block();
        small = resource(store(lines(1_000)), 0);
    }

    @Test
    void streamsTwoHundredMegabyteFileWithoutGrowingTheHeap() throws Exception {
        long lines = 210L * 1024 * 1024 / LINE;
        DataResource big = resource(store(lines(lines)), 1);
        assertThat(big.byteSize()).isGreaterThanOrEqualTo(200L * 1024 * 1024);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        AtomicLong received = new AtomicLong();
        WebClient.create("http://localhost:" + port).get().uri("/api/opendata/resources/{id}/download", big.id())
                .retrieve().bodyToFlux(DataBuffer.class)
                .doOnNext(buffer -> {
                    received.addAndGet(buffer.readableByteCount());
                    try (var it = buffer.readableByteBuffers()) {
                        it.forEachRemaining(sha::update);
                    }
                    DataBufferUtils.release(buffer);
                })
                .blockLast(Duration.ofMinutes(5));
        running.set(false);
        sampler.join();
        long growth = peak.get() - baseline;
        System.out.printf("Download of %d MB: heap growth %.1f MB%n", received.get() >> 20, growth / 1048576.0);
        assertThat(received.get()).isEqualTo(big.byteSize());
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(big.digest());
        assertThat(growth).isLessThan(64L * 1024 * 1024);
        // The file is 210 MB of build folder; it has served its purpose.
        app.getBean(org.onestop.platform.storage.FileStore.class).delete(List.of(big.storageKey())).block();
    }

    @Test
    void answersRangeRequestsWithExactlyThoseBytes() {
        byte[] all = client().get().uri("/api/opendata/resources/{id}/download", small.id()).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        assertThat(all).hasSize(small.byteSize().intValue());
        byte[] part = client().get().uri("/api/opendata/resources/{id}/download", small.id()).header("Range", "bytes=1234-5677")
                .exchange().expectStatus().isEqualTo(206)
                .expectHeader().valueEquals("Content-Range", "bytes 1234-5677/" + small.byteSize())
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(part).isEqualTo(Arrays.copyOfRange(all, 1234, 5678));
        byte[] tail = client().get().uri("/api/opendata/resources/{id}/download", small.id()).header("Range", "bytes=-77")
                .exchange().expectStatus().isEqualTo(206).expectBody().returnResult().getResponseBodyContent();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(all, all.length - 77, all.length));
        client().get().uri("/api/opendata/resources/{id}/download", small.id()).header("Range", "bytes=999999999-")
                .exchange().expectStatus().isEqualTo(416);
    }

    @Test
    void answersRevalidationWithNotModified() {
        var first = client().get().uri("/api/opendata/resources/{id}/download", small.id()).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"" + small.digest() + "\"")
                .expectHeader().exists("Last-Modified")
                .expectHeader().valueEquals("Accept-Ranges", "bytes")
                .returnResult(byte[].class);
        String etag = first.getResponseHeaders().getETag();
        client().get().uri("/api/opendata/resources/{id}/download", small.id()).header("If-None-Match", etag).exchange()
                .expectStatus().isNotModified().expectBody().isEmpty();
        client().get().uri("/api/opendata/resources/{id}/download", small.id())
                .header("If-Modified-Since", first.getResponseHeaders().getFirst("Last-Modified")).exchange()
                .expectStatus().isNotModified();
        client().get().uri("/api/opendata/resources/{id}/download", small.id()).header("If-None-Match", "\"other\"").exchange()
                .expectStatus().isOk();
    }

    @Test
    void countsDownloadsInMemoryAndWritesThemInOneFlush() {
        DataResource counted = resource(store(lines(10)), 2);
        DownloadCounter counter = app.getBean(DownloadCounter.class);
        counter.flush().block();
        long datasetBefore = downloads("opendata_dataset", datasetId);
        for (int i = 0; i < 3; i++) {
            client().get().uri("/api/opendata/resources/{id}/download", counted.id()).exchange().expectStatus().isOk();
        }
        client().get().uri("/api/opendata/resources/{id}/download", counted.id()).header("Range", "bytes=10-20").exchange()
                .expectStatus().isEqualTo(206);
        client().get().uri("/api/opendata/resources/{id}/download", counted.id()).header("If-None-Match", "\"" + counted.digest() + "\"")
                .exchange().expectStatus().isNotModified();
        assertThat(downloads("opendata_resource", counted.id())).isZero();
        counter.flush().block();
        assertThat(downloads("opendata_resource", counted.id())).isEqualTo(3);
        assertThat(downloads("opendata_dataset", datasetId) - datasetBefore).isEqualTo(3);
    }

    @Test
    void answersUnknownResourceWithNotFound() {
        client().get().uri("/api/opendata/resources/987654/download").exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofMinutes(1)).build();
    }

    private long downloads(String table, long id) {
        String sql = table.equals("opendata_dataset") ? "SELECT downloads FROM opendata_dataset WHERE id = :id"
                : "SELECT downloads FROM opendata_resource WHERE id = :id";
        return app.getBean(DatabaseClient.class).sql(sql).bind("id", id).map(r -> r.get(0, Long.class)).one().block();
    }

    private DataResource resource(StoredFile file, int position) {
        long id = app.getBean(DatasetWriter.class).insert(new NewResource(datasetId, position, "文件" + position, "", ResourceFormat.CSV,
                file, null, null, null, null, Instant.parse("2026-03-01T02:00:00Z"))).block();
        return app.getBean(DatasetStore.class).resource(id).block();
    }

    private StoredFile store(Flux<byte[]> chunks) {
        return app.getBean(ResourceFiles.class).store(chunks).block(Duration.ofMinutes(5));
    }

    /** {@code count} numbered lines of exactly {@value #LINE} bytes, in chunks of 10,000 lines. */
    private static Flux<byte[]> lines(long count) {
        return Flux.range(0, (int) ((count + 9_999) / 10_000)).map(chunk -> {
            StringBuilder b = new StringBuilder();
            for (long i = chunk * 10_000L; i < Math.min(count, chunk * 10_000L + 10_000); i++) {
                String head = "row-" + i + ",";
                b.append(head).append("x".repeat(LINE - head.length() - 1)).append('\n');
            }
            return b.toString().getBytes(StandardCharsets.US_ASCII);
        });
    }
}
