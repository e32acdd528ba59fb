package org.onestop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Live fan-out smoke probe: how long an answer takes from the server's commit to every viewer of a
 * live inquiry, and whether every viewer gets every answer.
 *
 * <p>Opens {@code viewers} anonymous WebSockets to {@code /ws} (Reactor Netty, non-blocking; the
 * client side of each socket bound to one of 127.0.0.2–51 when the portal is on loopback, so that
 * far more sockets than one source address allows are possible), each joining
 * {@code inquiry:<session>}. Then the demo official posts {@code answers} answers to a published
 * question of that session at a fixed {@code rate} per second (open model: sends are timed by the
 * clock, never by the previous response). For each {@code answer.posted} event of this run that a
 * viewer receives, the latency is the receive time minus the event's {@code ts} (stamped by the
 * server inside the write's transaction; probe and portal share the machine's clock).
 *
 * <p>Prints one summary line starting with {@code FANOUT} and exits 0 only when every answer post
 * succeeded and every viewer that had joined before the first answer received every answer exactly
 * once (reach 1.0). Exit 1: reach below 1.0 or a failed answer post; exit 2: setup failed or the
 * hard timeout was reached. See README "Live fan-out smoke".
 *
 * <p>System properties (an empty value means the default): {@code baseUrl}
 * (http://localhost:8080), {@code viewers} (1000), {@code answers} (30), {@code rate} (2 answers/s),
 * {@code session} (the first live session), {@code serverPid} (none: no server CPU/RSS figures),
 * {@code timeout} (120 s, hard limit for the whole run), {@code drain} (5 s to wait for stragglers
 * after the last answer's response).
 */
public final class FanOutProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_PASSWORD = "Demo#2026";
    /** Snapshots grow with every run's answers; Netty's client default (64 KiB) is too small. */
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    private static final int CONNECT_CONCURRENCY = 100;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(20);
    /** Source addresses 127.0.0.2 .. 127.0.0.51. */
    private static final int SOURCE_ADDRESSES = 50;
    /** /proc/<pid>/stat counts CPU time in clock ticks; USER_HZ is 100 on every Linux we run. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final String baseUrl = stripTrailingSlash(text("baseUrl", "http://localhost:8080"));
    private final int viewerCount = integer("viewers", 1000);
    private final int answerCount = integer("answers", 30);
    private final double rate = Double.parseDouble(text("rate", "2"));
    private final String sessionOption = text("session", "");
    private final String serverPid = text("serverPid", "");
    private final Duration timeout = Duration.ofSeconds(integer("timeout", 120));
    private final Duration drain = Duration.ofSeconds(integer("drain", 5));

    /** Answers of this run are recognised by this prefix; the sequence number follows it. */
    private final String answerPrefix = "Fan-out probe " + Long.toString(System.currentTimeMillis(), 36) + " answer #";

    private final long startNanos = System.nanoTime();
    private final List<Viewer> viewers = new ArrayList<>();
    private final CompletableFuture<Long> firstSnapshotQuestion = new CompletableFuture<>();
    /** Latency in microseconds, recorded from the client's event-loop threads. */
    private final Histogram latency = new ConcurrentHistogram(1, TimeUnit.MINUTES.toMicros(10), 3);
    /** HTTP response time of the answer posts, in microseconds. */
    private final Histogram postTime = new ConcurrentHistogram(1, TimeUnit.MINUTES.toMicros(10), 3);
    private final LongAdder received = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder negative = new LongAdder();
    private final AtomicLong lastDeliveryNanos = new AtomicLong();
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger postFailures = new AtomicInteger();
    private final AtomicReference<String> firstPostError = new AtomicReference<>();
    private final AtomicBoolean summaryPrinted = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fanout-timer");
        t.setDaemon(true);
        return t;
    });
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private long sessionId;
    private long questionId;
    private int counted;
    private double connectSeconds;
    private long firstPostNanos;
    private double serverCpuPercent = Double.NaN;
    private long serverRssKb = -1;
    private long serverPeakRssKb = -1;

    public static void main(String[] args) {
        FanOutProbe probe = new FanOutProbe();
        int code;
        try {
            code = probe.run();
        } catch (Exception e) {
            System.err.println("probe: failed: " + e);
            probe.printSummary("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    private int run() throws Exception {
        ScheduledFuture<?> watchdog = timer.schedule(() -> {
            System.err.println("probe: hard timeout of " + timeout.toSeconds() + " s reached");
            printSummary("TIMEOUT");
            Runtime.getRuntime().halt(2);
        }, timeout.toSeconds(), TimeUnit.SECONDS);

        sessionId = sessionOption.isBlank() ? firstLiveSession() : Long.parseLong(sessionOption);
        Portal official = new Portal();
        official.login("official");
        log("session %d; official signed in; connecting %d viewers", sessionId, viewerCount);

        connectViewers();
        counted = (int) viewers.stream().filter(v -> v.joined.isDone() && !v.joined.isCompletedExceptionally()).count();
        log("%d of %d viewers joined in %.1f s", counted, viewerCount, connectSeconds);
        if (counted == 0) {
            throw new IllegalStateException("no viewer could join inquiry:" + sessionId + failureSample());
        }
        questionId = firstSnapshotQuestion.getNow(-1L);
        if (questionId <= 0) {
            questionId = approvedQuestionByModerator();
        }
        viewers.forEach(v -> v.counting = v.joined.isDone() && !v.joined.isCompletedExceptionally());

        log("posting %d answers to question %d at %.1f/s", answerCount, questionId, rate);
        long[] cpuBefore = serverCpuTicks();
        long windowStart = System.nanoTime();
        postAnswers(official);
        waitForStragglers();
        long windowNanos = System.nanoTime() - windowStart;
        long[] cpuAfter = serverCpuTicks();
        if (cpuBefore != null && cpuAfter != null) {
            double cpuSeconds = (cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1]) / CLOCK_TICKS_PER_SECOND;
            serverCpuPercent = 100.0 * cpuSeconds / (windowNanos / 1e9);
        }
        readServerMemory();

        closeViewers();
        watchdog.cancel(false);
        double reach = printSummary(null);
        http.close();
        HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        return reach >= 1.0 && postFailures.get() == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- viewers

    private void connectViewers() throws Exception {
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        if ("https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the probe speaks plain ws:// only; baseUrl must be http://");
        }
        InetAddress target = Arrays.stream(InetAddress.getAllByName(uri.getHost()))
                .filter(a -> a instanceof Inet4Address).findFirst()
                .orElseGet(() -> {
                    try {
                        return InetAddress.getByName(uri.getHost());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        boolean spreadSources = target instanceof Inet4Address && target.isLoopbackAddress();
        if (!spreadSources) {
            log("portal is not on IPv4 loopback (%s): sockets use the default source address", target);
        }
        String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        InetSocketAddress remote = new InetSocketAddress(target, port);
        HttpClient base = HttpClient.newConnection()
                .remoteAddress(() -> remote)
                .headers(h -> h.set(HttpHeaderNames.HOST, authority).set(HttpHeaderNames.ORIGIN, baseUrl)
                        .set(HttpHeaderNames.USER_AGENT, "OneStop-load-tests (fan-out probe)"));
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME).build();
        String join = "{\"op\":\"join\",\"topic\":\"inquiry:" + sessionId + "\",\"ref\":\"1\"}";

        for (int i = 0; i < viewerCount; i++) {
            viewers.add(new Viewer(i));
        }
        long t0 = System.nanoTime();
        Flux.fromIterable(viewers)
                .flatMap(v -> {
                    HttpClient client = spreadSources
                            ? base.bindAddress(() -> new InetSocketAddress("127.0.0." + (2 + v.index % SOURCE_ADDRESSES), 0))
                            : base;
                    client.websocket(spec).uri("/ws")
                            .handle((in, out) -> v.session(in, out, join))
                            .subscribe(null, v::ended, () -> v.ended(null));
                    return Mono.fromFuture(v.joined).timeout(JOIN_TIMEOUT).onErrorResume(e -> {
                        v.joined.completeExceptionally(e);
                        return Mono.empty();
                    });
                }, CONNECT_CONCURRENCY)
                .then()
                .timeout(JOIN_TIMEOUT.multipliedBy(2), Mono.empty()) // carry on with those that made it
                .block();
        connectSeconds = (System.nanoTime() - t0) / 1e9;
    }

    private void closeViewers() {
        viewers.forEach(v -> {
            v.stopping = true;
            v.stop.tryEmitEmpty();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Viewer v : viewers) {
            long left = deadline - System.nanoTime();
            try {
                v.done.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // counted below
            }
        }
        long open = viewers.stream().filter(v -> !v.done.isDone()).count();
        if (open > 0) {
            log("%d sockets did not finish closing within 5 s", open);
        }
    }

    private String failureSample() {
        return viewers.stream().filter(v -> v.joined.isCompletedExceptionally()).findFirst()
                .map(v -> v.joined.handle((x, e) -> ": " + e).join()).orElse("");
    }

    /** One viewer: its socket, its join, and the answers it has seen. */
    private final class Viewer {

        final int index;
        final Sinks.Empty<Void> stop = Sinks.empty();
        final CompletableFuture<Void> joined = new CompletableFuture<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        /** Whether this viewer had joined when the first answer was posted, so counts in "expected". */
        volatile boolean counting;
        /** Set once the probe starts closing: a close frame after that is the server's echo. */
        volatile boolean stopping;
        /** The close code of a close the server started (4008 slow consumer, 1001...), or -1. */
        volatile int serverCloseCode = -1;
        /** Sequence numbers of this run's answers seen; touched only by the socket's event loop. */
        final BitSet seen = new BitSet();

        Viewer(int index) {
            this.index = index;
        }

        Mono<Void> session(WebsocketInbound in, WebsocketOutbound out, String join) {
            in.receiveCloseStatus().subscribe(status -> {
                if (!stopping) {
                    serverCloseCode = status.code();
                    if (counting) {
                        System.err.println("probe: the server closed viewer " + index + ": " + status);
                    }
                }
            });
            Mono<Void> inbound = in.aggregateFrames(MAX_FRAME).receiveFrames()
                    .doOnNext(frame -> {
                        if (frame instanceof TextWebSocketFrame text) {
                            Instant at = Instant.now();
                            onFrame(text.text(), at);
                        }
                    })
                    .then()
                    .onErrorResume(e -> Mono.empty())
                    .cache();
            Mono<Void> outbound = out.sendString(Mono.just(join)).then()
                    .then(Mono.firstWithSignal(stop.asMono(), inbound))
                    .then(Mono.defer(() -> serverCloseCode < 0 ? out.sendClose(1000, "probe finished") : Mono.<Void>empty()))
                    .onErrorResume(e -> Mono.empty());
            return Mono.when(inbound, outbound);
        }

        void ended(Throwable error) {
            if (!joined.isDone()) {
                joined.completeExceptionally(error != null ? error
                        : new IllegalStateException("socket closed before the snapshot, close code " + serverCloseCode));
            }
            done.complete(null);
        }

        private void onFrame(String frame, Instant at) {
            try {
                if (!joined.isDone()) {
                    onJoinFrame(JSON.readTree(frame));
                } else if (counting && frame.contains("\"answer.posted\"")) {
                    onAnswer(JSON.readTree(frame), at);
                }
            } catch (IOException | RuntimeException e) {
                joined.completeExceptionally(e);
                System.err.println("probe: viewer " + index + " could not read a frame: " + e);
            }
        }

        private void onJoinFrame(JsonNode f) {
            String op = f.path("op").asText();
            if ("reply".equals(op) && "1".equals(f.path("ref").asText()) && !"ok".equals(f.path("status").asText())) {
                joined.completeExceptionally(new IllegalStateException("join refused: " + f.path("error")));
            } else if ("snapshot".equals(op)) {
                JsonNode questions = f.path("data").path("questions");
                firstSnapshotQuestion.complete(questions.size() > 0 ? questions.get(0).path("id").asLong(-1) : -1L);
                joined.complete(null);
            }
        }

        private void onAnswer(JsonNode f, Instant at) {
            if (!"event".equals(f.path("op").asText()) || !"answer.posted".equals(f.path("type").asText())) {
                return;
            }
            String text = f.path("data").path("text").asText("");
            if (!text.startsWith(answerPrefix)) {
                return; // someone else's answer
            }
            int end = answerPrefix.length();
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            int n = Integer.parseInt(text.substring(answerPrefix.length(), end));
            if (seen.get(n)) {
                duplicates.increment();
                return;
            }
            seen.set(n);
            long micros = Duration.between(Instant.parse(f.path("ts").asText()), at).toNanos() / 1000;
            if (micros < 0) {
                negative.increment();
                micros = 0;
            }
            latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
            received.increment();
            lastDeliveryNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    // ---------------------------------------------------------------- answers

    private void postAnswers(Portal official) throws InterruptedException {
        CountDownLatch responses = new CountDownLatch(answerCount);
        AtomicInteger sequence = new AtomicInteger();
        long periodNanos = Math.max(1, Math.round(1e9 / rate));
        firstPostNanos = System.nanoTime();
        ScheduledFuture<?> ticker = timer.scheduleAtFixedRate(() -> {
            int n = sequence.incrementAndGet();
            if (n > answerCount) {
                return;
            }
            ObjectNode body = JSON.createObjectNode()
                    .put("text", answerPrefix + n + ": thank you for the question; this is an automated load-test answer.");
            long t0 = System.nanoTime();
            official.postAsync("/api/inquiry/questions/" + questionId + "/answers", body).whenComplete((response, error) -> {
                postTime.recordValue(Math.min((System.nanoTime() - t0) / 1000, postTime.getHighestTrackableValue()));
                if (error == null && response.statusCode() == 201) {
                    posted.incrementAndGet();
                } else {
                    postFailures.incrementAndGet();
                    firstPostError.compareAndSet(null, error != null ? error.toString()
                            : response.statusCode() + " " + abbreviate(response.body()));
                }
                responses.countDown();
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        long scheduleNanos = periodNanos * answerCount;
        boolean all = responses.await(scheduleNanos + HTTP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        ticker.cancel(false);
        if (!all) {
            log("%d answer posts had no response", responses.getCount());
        }
        if (postFailures.get() > 0) {
            log("%d answer posts failed, first: %s", postFailures.get(), firstPostError.get());
        }
    }

    /** Waits until every counted viewer has every answer, or {@code drain} has passed. */
    private void waitForStragglers() throws InterruptedException {
        long expected = expected();
        long deadline = System.nanoTime() + drain.toNanos();
        while (received.sum() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private long expected() {
        return (long) counted * posted.get();
    }

    private long approvedQuestionByModerator() throws Exception {
        log("the snapshot has no published question: the moderator approves one");
        Portal moderator = new Portal();
        moderator.login("moderator");
        JsonNode pending = moderator.get("/api/inquiry/sessions/" + sessionId + "/questions?status=pending");
        long id;
        if (pending.isArray() && pending.size() > 0) {
            id = pending.get(0).path("id").asLong();
        } else {
            ObjectNode ask = JSON.createObjectNode().put("text", "Fan-out probe question: when are the answers published?")
                    .put("anonymous", false);
            id = moderator.post("/api/inquiry/sessions/" + sessionId + "/questions", ask, 201).path("id").asLong();
        }
        moderator.post("/api/inquiry/questions/" + id + "/approve", JSON.createObjectNode(), 200);
        return id;
    }

    private long firstLiveSession() throws Exception {
        JsonNode page = new Portal().get("/api/inquiry/sessions?status=live");
        JsonNode items = page.path("items");
        if (items.size() == 0) {
            throw new IllegalStateException("no live session at " + baseUrl + " (demo data off, or not seeded yet?)");
        }
        return items.get(0).path("id").asLong();
    }

    /** One browser's cookie jar against the portal, for the few ordinary HTTP calls. */
    private final class Portal {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        void login(String username) throws Exception {
            JsonNode csrf = get("/api/auth/csrf");
            cookies.putIfAbsent("XSRF-TOKEN", csrf.path("token").asText());
            post("/api/auth/login", JSON.createObjectNode().put("username", username).put("password", DEMO_PASSWORD), 200);
            if (!cookies.containsKey("SESSION")) {
                throw new IllegalStateException("sign-in of " + username + " gave no SESSION cookie");
            }
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(r);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + abbreviate(r.body()));
            }
            return JSON.readTree(r.body());
        }

        JsonNode post(String path, JsonNode body, int expectedStatus) throws Exception {
            HttpResponse<String> r = postAsync(path, body).get(HTTP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.statusCode() != expectedStatus) {
                throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + abbreviate(r.body()));
            }
            return JSON.readTree(r.body());
        }

        CompletableFuture<HttpResponse<String>> postAsync(String path, JsonNode body) {
            HttpRequest.Builder request = request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            String token = cookies.get("XSRF-TOKEN");
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                keepCookies(r);
                return r;
            });
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(HTTP_TIMEOUT)
                    .header("Accept", "application/json").header("User-Agent", "OneStop-load-tests (fan-out probe)");
            if (!cookies.isEmpty()) {
                b.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            return b;
        }

        private void keepCookies(HttpResponse<?> r) {
            for (String header : r.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0");
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    // ---------------------------------------------------------------- server figures

    /** utime and stime of the server process in clock ticks, or null without -DserverPid. */
    private long[] serverCpuTicks() {
        if (serverPid.isBlank()) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", serverPid, "stat"));
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            log("cannot read /proc/%s/stat: %s", serverPid, e);
            return null;
        }
    }

    private void readServerMemory() {
        if (serverPid.isBlank()) {
            return;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", serverPid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    serverRssKb = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    serverPeakRssKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            log("cannot read /proc/%s/status: %s", serverPid, e);
        }
    }

    // ---------------------------------------------------------------- summary

    /** Prints the one summary line (once) and returns the reach. */
    private double printSummary(String problem) {
        long expected = expected();
        long got = received.sum();
        double reach = expected == 0 ? 0.0 : (double) got / expected;
        if (!summaryPrinted.compareAndSet(false, true)) {
            return reach;
        }
        long last = lastDeliveryNanos.get();
        double window = firstPostNanos == 0 || last <= firstPostNanos ? 0 : (last - firstPostNanos) / 1e9;
        StringBuilder line = new StringBuilder("FANOUT");
        line.append(String.format(Locale.ROOT,
                " session=%d question=%d viewers=%d/%d connect_s=%.1f answers=%d/%d rate=%.1f/s expected=%d received=%d"
                        + " reach=%.4f latency_ms p50=%s p99=%s p99.9=%s max=%s deliveries/s=%.0f",
                sessionId, questionId, counted, viewerCount, connectSeconds, posted.get(), answerCount, rate, expected, got,
                reach, ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(99)),
                ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()), window == 0 ? 0 : got / window));
        line.append(String.format(Locale.ROOT, " post_ms p50=%s p99=%s", ms(postTime.getValueAtPercentile(50)),
                ms(postTime.getValueAtPercentile(99))));
        if (!Double.isNaN(serverCpuPercent)) {
            line.append(String.format(Locale.ROOT, " server_cpu=%.0f%%", serverCpuPercent));
        }
        if (serverRssKb >= 0) {
            line.append(String.format(Locale.ROOT, " server_rss_mb=%d peak_rss_mb=%d", serverRssKb / 1024, serverPeakRssKb / 1024));
        }
        long dropped = viewers.stream().filter(v -> v.counting && v.serverCloseCode >= 0).count();
        if (dropped > 0) {
            line.append(" closed_by_server=").append(dropped);
        }
        if (duplicates.sum() > 0) {
            line.append(" duplicates=").append(duplicates.sum());
        }
        if (negative.sum() > 0) {
            line.append(" negative_latencies=").append(negative.sum());
        }
        if (postFailures.get() > 0) {
            line.append(" post_failures=").append(postFailures.get());
        }
        if (problem != null) {
            line.append(" problem=\"").append(problem.replace('"', '\'')).append('"');
        }
        System.out.println(line);
        System.out.flush();
        return reach;
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "probe [%5.1f s]: %s%n", (System.nanoTime() - startNanos) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String text(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private static int integer(String name, int defaultValue) {
        return Integer.parseInt(text(name, Integer.toString(defaultValue)));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
