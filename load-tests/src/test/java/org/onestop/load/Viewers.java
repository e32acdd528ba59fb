package org.onestop.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * This process's viewers: anonymous WebSockets (Reactor Netty, non-blocking) that join one topic,
 * and what each of them sees. Viewer {@code i} (numbered over all shards; with k = i div shards,
 * its number within its process) goes to node {@code k mod 2} when there are two nodes, is bound
 * to source address 127.0.0.(2 + k mod 50) when its node is on IPv4 loopback, and is one of the
 * paused viewers when {@link ProbeOptions#isPaused(int)} says so: a paused viewer stops reading
 * once its snapshot arrived (auto-read off, so TCP pushes back on the server) and reads again
 * only at the end.
 */
final class Viewers {

    /** Snapshots grow with every run's answers; Netty's client default (64 KiB) is too small. */
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    private static final int CONNECT_CONCURRENCY = 100;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    /** Source addresses 127.0.0.2 .. 127.0.0.51. */
    private static final int SOURCE_ADDRESSES = 50;
    /** Close code recorded for a socket the server dropped without a close frame. */
    static final int NO_CLOSE_FRAME = 1006;

    private final ProbeOptions options;
    private final ProbeEvents events;
    private final Deliveries deliveries;
    final List<Viewer> all = new ArrayList<>();
    /** The first snapshot any viewer received. */
    final CompletableFuture<JsonNode> firstSnapshot = new CompletableFuture<>();
    final AtomicInteger snapshotBytes = new AtomicInteger();
    private final AtomicInteger reportedCloses = new AtomicInteger();
    double connectSeconds;

    Viewers(ProbeOptions options, ProbeEvents events, Deliveries deliveries) {
        this.options = options;
        this.events = events;
        this.deliveries = deliveries;
    }

    /** Opens this process's viewers and joins each to {@code topic}; returns once all joined or gave up. */
    void connect(String topic) {
        HttpClient[] nodes = options.twoNodes()
                ? new HttpClient[] {client(options.baseUrl), client(options.baseUrl2)}
                : new HttpClient[] {client(options.baseUrl)};
        boolean[] spread = new boolean[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            spread[n] = onLoopback(n == 0 ? options.baseUrl : options.baseUrl2);
        }
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME).build();
        String join = "{\"op\":\"join\",\"topic\":\"" + topic + "\",\"ref\":\"1\"}";
        for (int i = 0; i < options.viewers; i++) {
            if (options.mine(i)) {
                // i / shards: with two processes, i mod 2 alone would give each process only one node.
                all.add(new Viewer(i, (i / options.shards) % nodes.length, options.isPaused(i)));
            }
        }
        long t0 = System.nanoTime();
        Flux.fromIterable(all)
                .flatMap(v -> {
                    HttpClient client = nodes[v.node];
                    if (spread[v.node]) {
                        int k = v.index / options.shards;
                        InetSocketAddress source = new InetSocketAddress("127.0.0." + (2 + k % SOURCE_ADDRESSES), 0);
                        client = client.bindAddress(() -> source);
                    }
                    if (v.paused && options.pausedRcvBuf > 0) {
                        client = client.option(ChannelOption.SO_RCVBUF, options.pausedRcvBuf);
                    }
                    client.websocket(spec).uri("/ws")
                            .handle((in, out) -> v.session(in, out, join))
                            .subscribe(null, v::ended, () -> v.ended(null));
                    return Mono.fromFuture(v.joined).timeout(JOIN_TIMEOUT).onErrorResume(e -> {
                        v.joined.completeExceptionally(e);
                        return Mono.empty();
                    });
                }, CONNECT_CONCURRENCY)
                .then()
                // Carry on with those that made it; allows for at least 50 viewers a second.
                .timeout(Duration.ofSeconds(60).plusMillis(20L * all.size()), Mono.empty())
                .block();
        connectSeconds = (System.nanoTime() - t0) / 1e9;
    }

    private HttpClient client(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the probe speaks plain ws:// only; " + baseUrl + " must be http://");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : 80;
        InetAddress target = address(uri.getHost());
        String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        InetSocketAddress remote = new InetSocketAddress(target, port);
        return HttpClient.newConnection()
                .remoteAddress(() -> remote)
                .headers(h -> h.set(HttpHeaderNames.HOST, authority).set(HttpHeaderNames.ORIGIN, baseUrl)
                        .set(HttpHeaderNames.USER_AGENT, "OneStop-load-tests (fan-out probe)"));
    }

    private static boolean onLoopback(String baseUrl) {
        InetAddress target = address(URI.create(baseUrl).getHost());
        boolean loopback = target instanceof Inet4Address && target.isLoopbackAddress();
        if (!loopback) {
            System.err.printf("probe: %s is not on IPv4 loopback (%s): sockets use the default source address%n", baseUrl, target);
        }
        return loopback;
    }

    private static InetAddress address(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return Arrays.stream(all).filter(a -> a instanceof Inet4Address).findFirst().orElse(all[0]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve " + host, e);
        }
    }

    /** Marks the viewers that count: joined by now and not paused. */
    void startCounting() {
        all.forEach(v -> v.counting = v.hasJoined() && !v.paused);
    }

    long count(Predicate<Viewer> which) {
        return all.stream().filter(which).count();
    }

    /** Sockets still open. */
    long held() {
        return count(v -> v.hasJoined() && !v.done.isDone());
    }

    String failureSample() {
        return all.stream().filter(v -> v.joined.isCompletedExceptionally()).findFirst()
                .map(v -> v.joined.handle((x, e) -> ": " + e).join()).orElse("");
    }

    /**
     * Lets the paused viewers read again and waits until each was closed by the server or has caught
     * up with all {@code events} events, or {@code limit} has passed.
     */
    void resumePaused(int eventCount, Duration limit) throws InterruptedException {
        List<Viewer> paused = all.stream().filter(v -> v.paused && v.hasJoined()).toList();
        paused.forEach(Viewer::resume);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline
                && paused.stream().anyMatch(v -> !v.done.isDone() && v.seenCount < eventCount)) {
            Thread.sleep(20);
        }
    }

    /** Close codes of the sockets among {@code which} that the server closed, e.g. {@code 4008:3,1006:1}. */
    String closeCodes(Predicate<Viewer> which) {
        Map<Integer, Long> codes = all.stream().filter(which).filter(Viewer::closedByServer)
                .collect(Collectors.groupingBy(v -> v.serverCloseCode < 0 ? NO_CLOSE_FRAME : v.serverCloseCode, TreeMap::new,
                        Collectors.counting()));
        return codes.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** Closes every socket with a close frame (1000) and waits up to 5 s for them to finish. */
    void close() {
        all.forEach(v -> {
            v.stopping = true;
            v.stop.tryEmitEmpty();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Viewer v : all) {
            try {
                v.done.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // counted below
            }
        }
        long open = count(v -> !v.done.isDone());
        if (open > 0) {
            System.err.printf("probe: %d sockets did not finish closing within 5 s%n", open);
        }
    }

    /** One viewer: its socket, its join, and the events it has seen. */
    final class Viewer {

        final int index;
        /** 0: baseUrl, 1: baseUrl2. */
        final int node;
        final boolean paused;
        final Sinks.Empty<Void> stop = Sinks.empty();
        final CompletableFuture<Void> joined = new CompletableFuture<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Channel channel;
        /** Whether this viewer had joined when the first event was sent, so counts in "expected". */
        volatile boolean counting;
        /** Set once the probe starts closing: a close frame after that is the server's echo. */
        volatile boolean stopping;
        /** Set when the socket ended while the probe was not closing it. */
        volatile boolean droppedByServer;
        /** The close code of a close the server started (4008 slow consumer, 1001...), or -1. */
        volatile int serverCloseCode = -1;
        /** Distinct events of this run seen; written only by the socket's event loop. */
        volatile int seenCount;
        /** Sequence numbers of this run's events seen; touched only by the socket's event loop. */
        final BitSet seen = new BitSet();

        Viewer(int index, int node, boolean paused) {
            this.index = index;
            this.node = node;
            this.paused = paused;
        }

        boolean hasJoined() {
            return joined.isDone() && !joined.isCompletedExceptionally();
        }

        boolean closedByServer() {
            return hasJoined() && (droppedByServer || serverCloseCode >= 0);
        }

        Mono<Void> session(WebsocketInbound in, WebsocketOutbound out, String join) {
            in.withConnection(c -> channel = c.channel());
            in.receiveCloseStatus().subscribe(status -> {
                if (!stopping) {
                    serverCloseCode = status.code();
                    if (counting && reportedCloses.incrementAndGet() <= 10) {
                        System.err.println("probe: the server closed viewer " + index + ": " + status);
                    }
                }
            });
            Mono<Void> inbound = in.aggregateFrames(MAX_FRAME).receiveFrames()
                    .doOnNext(frame -> {
                        if (frame instanceof TextWebSocketFrame text) {
                            Instant at = Instant.now();
                            onFrame(text.text(), text.content().readableBytes(), at);
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
            if (!stopping) {
                droppedByServer = true;
            }
            done.complete(null);
        }

        void resume() {
            Channel c = channel;
            if (c != null) {
                c.eventLoop().execute(() -> c.config().setAutoRead(true));
            }
        }

        private void onFrame(String frame, int bytes, Instant at) {
            try {
                if (!joined.isDone()) {
                    onJoinFrame(PortalClient.JSON.readTree(frame), bytes);
                    return;
                }
                if (!counting && !paused) {
                    return;
                }
                int n = events.sequenceOf(frame);
                if (n < 0) {
                    return;
                }
                if (seen.get(n)) {
                    if (counting) {
                        deliveries.duplicates.increment();
                    }
                    return;
                }
                seen.set(n);
                seenCount++;
                if (counting) {
                    events.measure(frame, bytes);
                    deliveries.record(node, Duration.between(ProbeEvents.timestamp(frame), at).toNanos() / 1000, bytes);
                }
            } catch (IOException | RuntimeException e) {
                joined.completeExceptionally(e);
                System.err.println("probe: viewer " + index + " could not read a frame: " + e);
            }
        }

        private void onJoinFrame(JsonNode f, int bytes) {
            String op = f.path("op").asText();
            if ("reply".equals(op) && "1".equals(f.path("ref").asText()) && !"ok".equals(f.path("status").asText())) {
                joined.completeExceptionally(new IllegalStateException("join refused: " + f.path("error")));
            } else if ("snapshot".equals(op)) {
                if (firstSnapshot.complete(f)) {
                    snapshotBytes.set(bytes);
                }
                if (paused && channel != null) {
                    channel.config().setAutoRead(false); // on the socket's event loop: this is its frame handler
                }
                joined.complete(null);
            }
        }
    }
}
