package org.onestop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One browser's cookie jar against the portal, for the probe's few ordinary HTTP calls. */
final class PortalClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(20);
    private static final String DEMO_PASSWORD = "Demo#2026";

    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    PortalClient(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** Signs in as a demo account (CSRF token first; the SESSION cookie is kept). */
    PortalClient login(String username) throws Exception {
        JsonNode csrf = get("/api/auth/csrf");
        cookies.putIfAbsent("XSRF-TOKEN", csrf.path("token").asText());
        post("/api/auth/login", JSON.createObjectNode().put("username", username).put("password", DEMO_PASSWORD), 200);
        if (!cookies.containsKey("SESSION")) {
            throw new IllegalStateException("sign-in of " + username + " gave no SESSION cookie");
        }
        return this;
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

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
