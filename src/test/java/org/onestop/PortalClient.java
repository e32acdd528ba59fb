package org.onestop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * A WebTestClient that behaves like one browser: it keeps the cookies the portal sets (session,
 * XSRF-TOKEN) and echoes the CSRF cookie in the X-XSRF-TOKEN header on writes, as the front end does.
 */
public final class PortalClient {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final WebTestClient http;
    private String language = "zh-CN";

    public PortalClient(int port) {
        // 30 s rather than WebTestClient's 5: a 2-core CI machine running the whole suite must not turn
        // a slow but correct answer (an RDF export, a first JIT-cold request) into a failure.
        this.http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30))
                // Exports (DCAT-AP, CPSV-AP pages) are larger than the default 256 KB in-memory buffer.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .filter((request, next) -> {
                    ClientRequest.Builder builder = ClientRequest.from(request)
                            .cookies(c -> cookies.forEach(c::set))
                            .header("Accept-Language", language);
                    if (request.method() != HttpMethod.GET && cookies.containsKey("XSRF-TOKEN")
                            && !request.headers().containsHeader("X-XSRF-TOKEN")) {
                        builder.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
                    }
                    return next.exchange(builder.build()).doOnNext(response -> response.cookies().forEach(
                            (name, values) -> values.forEach(cookie -> {
                                if (cookie.getMaxAge().isZero()) {
                                    cookies.remove(name);
                                } else {
                                    cookies.put(name, cookie.getValue());
                                }
                            })));
                })
                .build();
    }

    public WebTestClient http() {
        return http;
    }

    public PortalClient language(String tag) {
        this.language = tag;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** Fetches the CSRF cookie as the front end does before its first write. */
    public PortalClient withCsrf() {
        if (!cookies.containsKey("XSRF-TOKEN")) {
            http.get().uri("/api/auth/csrf").exchange().expectStatus().isOk();
        }
        return this;
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        withCsrf();
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).exchange();
    }

    public PortalClient login(String username, String password) {
        post("/api/auth/login", Map.of("username", username, "password", password)).expectStatus().isOk();
        return this;
    }
}
