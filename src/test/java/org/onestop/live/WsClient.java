package org.onestop.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client for tests (the JDK's): it records every frame it receives, can stop
 * reading to play a slow consumer, and remembers the close code.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger refs = new AtomicInteger();
    private volatile boolean paused;
    private volatile int unrequested;
    private WebSocket socket;

    private WsClient() {
    }

    public static WsClient connect(int port, Map<String, String> cookies, String origin) {
        WsClient client = new WsClient();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), client).join();
        return client;
    }

    public static WsClient anonymous(int port) {
        return connect(port, Map.of(), "http://localhost:" + port);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a join and returns its reply frame. */
    public JsonNode join(String topic, Long since) {
        String ref = "r" + refs.incrementAndGet();
        send("{\"op\":\"join\",\"topic\":\"" + topic + "\"" + (since == null ? "" : ",\"since\":" + since) + ",\"ref\":\"" + ref + "\"}");
        return await(f -> "reply".equals(f.path("op").asString()) && ref.equals(f.path("ref").asString()));
    }

    public JsonNode leave(String topic) {
        String ref = "r" + refs.incrementAndGet();
        send("{\"op\":\"leave\",\"topic\":\"" + topic + "\",\"ref\":\"" + ref + "\"}");
        return await(f -> "reply".equals(f.path("op").asString()) && ref.equals(f.path("ref").asString()));
    }

    /** Waits up to 15 s for a frame matching the condition, looking at every frame received so far. */
    public JsonNode await(Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (JsonNode f : frames) {
                if (condition.test(f)) {
                    return f;
                }
            }
            if (closed.isDone()) {
                break;
            }
            sleepBriefly();
        }
        throw new AssertionError("No matching frame; received: " + frames);
    }

    /** Waits until the condition holds for the list of frames received. */
    public void awaitFrames(Predicate<List<JsonNode>> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.test(frames())) {
                return;
            }
            sleepBriefly();
        }
        throw new AssertionError("Condition not met; received " + frames.size() + " frames: " + tail());
    }

    public JsonNode event(String topic, String type, Predicate<JsonNode> data) {
        return await(f -> "event".equals(f.path("op").asString()) && topic.equals(f.path("topic").asString())
                && type.equals(f.path("type").asString()) && data.test(f.path("data")));
    }

    /** Durable events of a topic received so far, in arrival order. */
    public List<JsonNode> events(String topic) {
        return frames.stream().filter(f -> "event".equals(f.path("op").asString()) && topic.equals(f.path("topic").asString())
                && f.has("seq")).toList();
    }

    public List<JsonNode> frames() {
        return new ArrayList<>(frames);
    }

    public void clear() {
        frames.clear();
    }

    /** Stops reading: frames pile up in the socket buffers and then in the server's outbox. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        int owed = unrequested;
        unrequested = 0;
        socket.request(Math.max(1, owed));
    }

    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Socket not closed within " + timeout + "; frames: " + tail(), e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        if (paused) {
            unrequested++;
        } else {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    private String tail() {
        List<JsonNode> all = frames();
        return all.subList(Math.max(0, all.size() - 5), all.size()).toString();
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
