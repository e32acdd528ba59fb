package org.onestop.mygov.records;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A local department system for connector tests: a Reactor Netty server answering
 * {@code GET /records/{type}} as told (records, slowly, or with a 503), and noting every request.
 */
final class FakeDepartmentSystem implements AutoCloseable {

    enum Mode { OK, SLOW, FAIL }

    /** What a request carried. */
    record Seen(String path, String authorization, String idNumber) {
    }

    private final DisposableServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.OK;

    FakeDepartmentSystem() {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/records/{type}", (request, response) -> {
                    seen.add(new Seen(request.path(), request.requestHeaders().get("Authorization"),
                            request.requestHeaders().get(RecordConnector.ID_HEADER)));
                    String body = """
                            {"type":"%s","records":[{"id":"r-1","title":"2026年11月账单","period":"2026-11","amount":"86.40",
                            "status":"unpaid","issuedAt":"2026-11-05","detail":"测试"}]}""".formatted(request.param("type"));
                    return switch (mode) {
                        case OK -> response.header("Content-Type", "application/json")
                                .sendString(Mono.just(body), StandardCharsets.UTF_8);
                        case SLOW -> response.header("Content-Type", "application/json")
                                .sendString(Mono.just(body).delayElement(Duration.ofSeconds(3)), StandardCharsets.UTF_8);
                        case FAIL -> response.status(503).sendString(Mono.just("down"));
                    };
                }))
                .bindNow();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    List<Seen> seen(String type) {
        return seen.stream().filter(s -> s.path().endsWith("/" + type)).toList();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
