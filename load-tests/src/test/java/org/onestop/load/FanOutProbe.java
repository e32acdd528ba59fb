package org.onestop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.netty.http.HttpResources;

/**
 * Live fan-out probe: how long an event takes from the server's commit to every viewer of a live
 * inquiry, whether every viewer gets every event, and what holding the viewers costs the server.
 *
 * <p>Opens {@code viewers} anonymous WebSockets to {@code /ws} (see {@link Viewers}), each joining
 * {@code inquiry:<session>}. Then, in the default mode, the demo official posts {@code answers}
 * answers to a published question of that session at a fixed {@code rate} per second (open model:
 * sends are timed by the clock, never by the previous response); with {@code mode=approval} the
 * demo moderator instead approves questions the demo netizens asked beforehand; with
 * {@code target=reference} the probe publishes events on the {@link ReferenceBroadcaster}; with
 * {@code idle=S} it sends nothing and holds the viewers for S seconds. For each event of this run
 * that a counted viewer receives, the latency is the receive time minus the event's {@code ts}
 * (stamped by the server inside the write's transaction; probe and server share the machine's
 * clock).
 *
 * <p>Prints one summary line starting with {@code FANOUT}, writes it with the full latency
 * distributions to {@code target/fanout/<mode>-<timestamp>.txt}, and exits 0 only when every post
 * succeeded and every counted viewer received every event exactly once (reach 1.0), or, idle, when
 * every viewer is still connected at the end. Exit 1: reach below 1.0, a failed post, or idle
 * viewers lost; exit 2: setup failed or the hard timeout was reached. See README "Live fan-out
 * smoke" for the options.
 */
public final class FanOutProbe {

    private final ProbeOptions options = new ProbeOptions();
    private final long startNanos = System.nanoTime();
    private final ProbeEvents events;
    private final Deliveries deliveries = new Deliveries();
    private final Viewers viewers;
    private final ServerProcess server = new ServerProcess(options.serverPid);
    private final ServerProcess server2 = new ServerProcess(options.serverPid2);
    private final Shards shards = new Shards(options);
    private final ProbeReport report = new ProbeReport(options);
    /** HTTP response time of the posts that drive the events, in microseconds. */
    private final Histogram postTime = new ConcurrentHistogram(1, Deliveries.HIGHEST, 3);
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
    private long questionId = -1;
    /** Events sent by the driving process (this one, or shard 0 as its file says). */
    private volatile long sent;
    private volatile long firstPostNanos;
    private volatile long held = -1;

    private FanOutProbe() {
        String run = options.drives() ? Long.toString(System.currentTimeMillis(), 36) : null;
        events = new ProbeEvents(options.mode == ProbeOptions.Mode.APPROVAL ? "question.published" : "answer.posted", run);
        viewers = new Viewers(options, events, deliveries);
    }

    public static void main(String[] args) {
        FanOutProbe probe;
        try {
            probe = new FanOutProbe();
        } catch (RuntimeException e) {
            System.err.println("probe: " + e.getMessage());
            System.exit(2);
            return;
        }
        int code;
        try {
            code = probe.run();
        } catch (Exception e) {
            System.err.println("probe: failed: " + e);
            probe.printSummary("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
            probe.shards.cleanUp();
            code = 2;
        }
        System.exit(code);
    }

    private int run() throws Exception {
        ScheduledFuture<?> watchdog = timer.schedule(() -> {
            System.err.println("probe: hard timeout of " + options.timeout.toSeconds() + " s reached");
            printSummary("TIMEOUT");
            shards.cleanUp();
            Runtime.getRuntime().halt(2);
        }, options.timeout.toSeconds(), TimeUnit.SECONDS);
        shards.cleanUp();

        sessionId = !options.session.isBlank() ? Long.parseLong(options.session) : options.reference ? 1 : firstLiveSession();
        String topic = "inquiry:" + sessionId;
        PortalClient driver = null;
        boolean driving = options.drives() && options.mode != ProbeOptions.Mode.IDLE;
        if (driving && !options.reference) {
            driver = new PortalClient(http, options.baseUrl)
                    .login(options.mode == ProbeOptions.Mode.APPROVAL ? "moderator" : "official");
        }
        log("%s on %s, session %d; connecting %d of %d viewers%s", options.modeName(), options.baseUrl, sessionId,
                viewerShare(), options.viewers, options.twoNodes() ? " (alternately to " + options.baseUrl2 + ")" : "");

        shards.awaitPrevious(options.timeout);
        server.rssNoneKb = server.rssKb();
        server2.rssNoneKb = server2.rssKb();
        viewers.connect(topic);
        long joined = viewers.count(Viewers.Viewer::hasJoined);
        log("%d of %d viewers joined in %.1f s (snapshot %d bytes)", joined, viewers.all.size(), viewers.connectSeconds,
                viewers.snapshotBytes.get());
        if (joined == 0) {
            throw new IllegalStateException("no viewer could join " + topic + viewers.failureSample());
        }
        server.rssWithNKb = server.rssKb();
        server2.rssWithNKb = server2.rssKb();
        shards.markReady();
        viewers.startCounting();

        List<Long> questions = List.of();
        if (driving && options.mode == ProbeOptions.Mode.APPROVAL) {
            events.estimate(topic, viewers.firstSnapshot.getNow(null));
            questions = askQuestions();
        }
        if (options.drives()) {
            shards.awaitAll(options.timeout);
        }

        if (options.mode == ProbeOptions.Mode.IDLE) {
            log("holding %d viewers for %d s", joined, options.idleSeconds);
            startCpuWindows();
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.idleSeconds));
        } else if (driving) {
            startCpuWindows();
            drive(driver, topic, questions);
            shards.markPosted(posted.get(), System.currentTimeMillis() - (System.nanoTime() - firstPostNanos) / 1_000_000);
            sent = posted.get();
            waitForStragglers();
        } else {
            startCpuWindows();
            long[] p = shards.awaitPosted(options.timeout);
            firstPostNanos = System.nanoTime() - (System.currentTimeMillis() - p[1]) * 1_000_000;
            sent = p[0];
            log("shard 0 sent %d events", sent);
            waitForStragglers();
        }
        server.endCpuWindow();
        server2.endCpuWindow();
        server.rssEndKb = server.rssKb();
        server2.rssEndKb = server2.rssKb();

        if (viewers.count(v -> v.paused) > 0) {
            log("letting the paused viewers read again");
            viewers.resumePaused((int) sent, options.drain);
        }
        held = viewers.held();
        viewers.close();
        watchdog.cancel(false);
        int code = printSummary(null);
        shards.cleanUp();
        http.close();
        HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        return code;
    }

    private int viewerShare() {
        int n = 0;
        for (int i = 0; i < options.viewers; i++) {
            n += options.mine(i) ? 1 : 0;
        }
        return n;
    }

    private void startCpuWindows() {
        server.startCpuWindow();
        server2.startCpuWindow();
    }

    // ---------------------------------------------------------------- driving the events

    private void drive(PortalClient driver, String topic, List<Long> questions) throws Exception {
        JsonNode snapshot = viewers.firstSnapshot.getNow(null);
        IntFunction<CompletableFuture<HttpResponse<String>>> send;
        int expectedStatus;
        String what;
        if (options.reference) {
            String uri = options.baseUrl + "/publish" + (options.payloadBytes > 0 ? "?bytes=" + options.payloadBytes : "");
            send = n -> http.sendAsync(HttpRequest.newBuilder(URI.create(uri)).timeout(PortalClient.HTTP_TIMEOUT)
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(events.head(n))).build(), HttpResponse.BodyHandlers.ofString());
            expectedStatus = 201;
            what = "events to " + uri;
        } else if (options.mode == ProbeOptions.Mode.APPROVAL) {
            send = n -> driver.postAsync("/api/inquiry/questions/" + questions.get(n - 1) + "/approve",
                    PortalClient.JSON.createObjectNode());
            expectedStatus = 200;
            what = "approvals";
        } else {
            JsonNode q = snapshot == null ? null : snapshot.path("data").path("questions").path(0).path("id");
            questionId = q != null && q.asLong(-1) > 0 ? q.asLong() : approvedQuestionByModerator();
            if (snapshot != null) {
                events.estimate(topic, snapshot);
            }
            send = n -> driver.postAsync("/api/inquiry/questions/" + questionId + "/answers",
                    PortalClient.JSON.createObjectNode().put("text", events.text(n, options.payloadBytes)));
            expectedStatus = 201;
            what = "answers to question " + questionId;
        }
        int count = options.mode == ProbeOptions.Mode.APPROVAL ? questions.size() : options.answers;
        log("sending %d %s at %.1f/s", count, what, options.rate);
        CountDownLatch responses = new CountDownLatch(count);
        AtomicInteger sequence = new AtomicInteger();
        long periodNanos = Math.max(1, Math.round(1e9 / options.rate));
        firstPostNanos = System.nanoTime();
        ScheduledFuture<?> ticker = timer.scheduleAtFixedRate(() -> {
            int n = sequence.incrementAndGet();
            if (n > count) {
                return;
            }
            long t0 = System.nanoTime();
            send.apply(n).whenComplete((response, error) -> {
                postTime.recordValue(Math.min((System.nanoTime() - t0) / 1000, postTime.getHighestTrackableValue()));
                if (error == null && response.statusCode() == expectedStatus) {
                    posted.incrementAndGet();
                } else {
                    postFailures.incrementAndGet();
                    firstPostError.compareAndSet(null, error != null ? error.toString()
                            : response.statusCode() + " " + PortalClient.abbreviate(response.body()));
                }
                responses.countDown();
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        boolean all = responses.await(periodNanos * count + PortalClient.HTTP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        ticker.cancel(false);
        if (!all) {
            log("%d posts had no response", responses.getCount());
        }
        if (postFailures.get() > 0) {
            log("%d posts failed, first: %s", postFailures.get(), firstPostError.get());
        }
    }

    /** Waits until every counted viewer has every event, or {@code drain} has passed. */
    private void waitForStragglers() throws InterruptedException {
        long expected = expected(-1);
        long deadline = System.nanoTime() + options.drain.toNanos();
        while (deliveries.received() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Counted viewers (on {@code node}, or all for -1) × events sent. */
    private long expected(int node) {
        return viewers.count(v -> v.counting && (node < 0 || v.node == node)) * sent;
    }

    /**
     * The demo netizens ask the questions the moderator will approve (several at a time, spread over
     * three accounts); the portal must allow that many questions per user (see README).
     */
    private List<Long> askQuestions() throws Exception {
        List<PortalClient> netizens = new ArrayList<>();
        for (String name : List.of("citizen", "lisi", "wangwu")) {
            netizens.add(new PortalClient(http, options.baseUrl).login(name));
        }
        log("asking %d questions as citizen, lisi and wangwu", options.answers);
        Long[] ids = new Long[options.answers];
        Semaphore inFlight = new Semaphore(4);
        List<CompletableFuture<Void>> asks = new ArrayList<>();
        for (int n = 1; n <= options.answers; n++) {
            int number = n;
            inFlight.acquire();
            ObjectNode body = PortalClient.JSON.createObjectNode().put("text", events.text(n, options.payloadBytes))
                    .put("anonymous", false);
            asks.add(netizens.get(n % netizens.size()).postAsync("/api/inquiry/sessions/" + sessionId + "/questions", body)
                    .thenAccept(r -> {
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("asking question " + number + ": " + r.statusCode() + " "
                                    + PortalClient.abbreviate(r.body()));
                        }
                        try {
                            ids[number - 1] = PortalClient.JSON.readTree(r.body()).path("id").asLong();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .whenComplete((x, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).get(options.timeout.toSeconds(), TimeUnit.SECONDS);
        return List.of(ids);
    }

    private long approvedQuestionByModerator() throws Exception {
        log("the snapshot has no published question: the moderator approves one");
        PortalClient moderator = new PortalClient(http, options.baseUrl).login("moderator");
        JsonNode pending = moderator.get("/api/inquiry/sessions/" + sessionId + "/questions?status=pending");
        long id;
        if (pending.isArray() && pending.size() > 0) {
            id = pending.get(0).path("id").asLong();
        } else {
            ObjectNode ask = PortalClient.JSON.createObjectNode()
                    .put("text", "Fan-out probe question: when are the answers published?").put("anonymous", false);
            id = moderator.post("/api/inquiry/sessions/" + sessionId + "/questions", ask, 201).path("id").asLong();
        }
        moderator.post("/api/inquiry/questions/" + id + "/approve", PortalClient.JSON.createObjectNode(), 200);
        return id;
    }

    private long firstLiveSession() throws Exception {
        JsonNode items = new PortalClient(http, options.baseUrl).get("/api/inquiry/sessions?status=live").path("items");
        if (items.size() == 0) {
            throw new IllegalStateException("no live session at " + options.baseUrl + " (demo data off, or not seeded yet?)");
        }
        return items.get(0).path("id").asLong();
    }

    // ---------------------------------------------------------------- summary

    /** Prints the one summary line (once), writes the report, and returns the exit status. */
    private synchronized int printSummary(String problem) {
        boolean idle = options.mode == ProbeOptions.Mode.IDLE;
        long expected = expected(-1);
        long got = deliveries.received();
        double reach = expected == 0 ? 0.0 : (double) got / expected;
        long joined = viewers.count(Viewers.Viewer::hasJoined);
        int code = idle ? (held == viewerShare() ? 0 : 1) : (reach >= 1.0 && postFailures.get() == 0 ? 0 : 1);
        if (!summaryPrinted.compareAndSet(false, true)) {
            return code;
        }
        StringBuilder line = new StringBuilder("FANOUT");
        line.append(String.format(Locale.ROOT, " session=%d", sessionId));
        if (questionId > 0) {
            line.append(" question=").append(questionId);
        }
        line.append(String.format(Locale.ROOT, " viewers=%d/%d connect_s=%.1f", joined, viewerShare(), viewers.connectSeconds));
        if (idle) {
            line.append(" idle_s=").append(options.idleSeconds);
        } else {
            long last = deliveries.lastNanos.get();
            double window = firstPostNanos == 0 || last <= firstPostNanos ? 0 : (last - firstPostNanos) / 1e9;
            line.append(String.format(Locale.ROOT,
                    " %s=%d/%d rate=%.1f/s expected=%d received=%d reach=%.4f latency_ms %s deliveries/s=%.0f",
                    options.mode == ProbeOptions.Mode.APPROVAL ? "approvals" : "answers", sent,
                    options.drives() ? options.answers : sent, options.rate, expected, got, reach, percentiles(deliveries.all),
                    window == 0 ? 0 : got / window));
            if (options.drives()) {
                line.append(String.format(Locale.ROOT, " post_ms p50=%s p99=%s", ms(postTime.getValueAtPercentile(50)),
                        ms(postTime.getValueAtPercentile(99))));
            }
            if (options.twoNodes()) {
                for (int node = 0; node < 2; node++) {
                    int n = node;
                    long e = expected(n);
                    long r = deliveries.receivedByNode[n].sum();
                    line.append(String.format(Locale.ROOT, " node%d viewers=%d reach=%.4f %s", n + 1,
                            viewers.count(v -> v.counting && v.node == n), e == 0 ? 0.0 : (double) r / e,
                            percentiles(deliveries.byNode[n])));
                }
            }
            if (got > 0) {
                line.append(" frame_bytes=").append(deliveries.meanFrameBytes());
            }
        }
        if (held >= 0) {
            line.append(" held=").append(held);
        }
        line.append(" snapshot_bytes=").append(viewers.snapshotBytes.get());
        int node2 = options.twoNodes() ? 1 : -1;
        line.append(server.summary("", viewers.count(v -> v.hasJoined() && v.node == 0)));
        if (node2 > 0) {
            line.append(server2.summary("server2_", viewers.count(v -> v.hasJoined() && v.node == 1)));
        }
        long paused = viewers.count(v -> v.paused && v.hasJoined());
        if (paused > 0) {
            line.append(" paused=").append(paused)
                    .append(" paused_closed=").append(viewers.count(v -> v.paused && v.closedByServer()))
                    .append(" paused_caught_up=").append(viewers.count(v -> v.paused && v.hasJoined() && v.seenCount >= sent
                            && !v.closedByServer()));
            String codes = viewers.closeCodes(v -> v.paused);
            if (!codes.isEmpty()) {
                line.append(" paused_close_codes=").append(codes);
            }
        }
        long dropped = viewers.count(v -> v.counting && v.closedByServer());
        if (dropped > 0) {
            line.append(" closed_by_server=").append(dropped).append(" close_codes=").append(viewers.closeCodes(v -> v.counting));
        }
        if (deliveries.duplicates.sum() > 0) {
            line.append(" duplicates=").append(deliveries.duplicates.sum());
        }
        if (deliveries.negative.sum() > 0) {
            line.append(" negative_latencies=").append(deliveries.negative.sum());
        }
        if (postFailures.get() > 0) {
            line.append(" post_failures=").append(postFailures.get());
        }
        line.append(" mode=").append(options.mode.name().toLowerCase(Locale.ROOT))
                .append(" target=").append(options.reference ? "reference" : "portal");
        if (options.payloadBytes > 0) {
            line.append(" payload_bytes=").append(options.payloadBytes);
        }
        if (options.shards > 1) {
            line.append(" shard=").append(options.shard).append('/').append(options.shards);
        }
        if (problem != null) {
            line.append(" problem=\"").append(problem.replace('"', '\'')).append('"');
        }
        report.add("latency, all counted viewers", deliveries.all);
        if (options.twoNodes()) {
            report.add("latency, viewers on node 1 (" + options.baseUrl + ")", deliveries.byNode[0]);
            report.add("latency, viewers on node 2 (" + options.baseUrl2 + ")", deliveries.byNode[1]);
        }
        report.add("post response time", postTime);
        report.write(line.toString());
        System.out.println(line);
        System.out.println("FANOUT report: " + report.file());
        System.out.flush();
        return code;
    }

    private static String percentiles(Histogram h) {
        return String.format(Locale.ROOT, "p50=%s p99=%s p99.9=%s max=%s", ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "probe [%5.1f s]: %s%n", (System.nanoTime() - startNanos) / 1e9,
                String.format(Locale.ROOT, format, args));
    }
}
