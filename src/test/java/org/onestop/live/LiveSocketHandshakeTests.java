package org.onestop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The /ws handshake, served in front of WebFlux, decides origin and user as the security chain would. */
@PortalTest
class LiveSocketHandshakeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    record Response(int status, String headers, JsonNode body) {
    }

    /** A handshake as a browser sends it, over a plain socket: the response is read as it comes. */
    private Response handshake(String origin, String language) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Accept-Language: " + language + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var in = new BufferedInputStream(socket.getInputStream());
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            if (status == 101) {
                return new Response(status, head, null);
            }
            var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : readChunked(in);
            return new Response(status, head, JSON.readTree(body));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new IOException("closed in chunk size");
                }
                size.append((char) b);
            }
            int n = Integer.parseInt(size.toString().trim(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }

    @Test
    void foreignOriginGets403ProblemInTheRequestedLanguage() throws IOException {
        Response en = handshake("https://evil.example", "en");
        assertThat(en.status()).isEqualTo(403);
        assertThat(en.headers()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(en.body().path("type").asString()).isEqualTo("urn:onestop:problem:origin");
        assertThat(en.body().path("status").asInt()).isEqualTo(403);
        assertThat(en.body().path("detail").asString()).isEqualTo("WebSocket connections are accepted only from the portal pages.");
        Response zh = handshake("http://localhost:" + port + ".evil.example", "zh-CN");
        assertThat(zh.status()).isEqualTo(403);
        assertThat(zh.body().path("title").asString()).isEqualTo("无权访问");
    }

    @Test
    void sameOriginAndOriginlessHandshakesAreUpgraded() throws IOException {
        assertThat(handshake("http://localhost:" + port, "zh-CN").status()).isEqualTo(101);
        assertThat(handshake(null, "zh-CN").status()).isEqualTo(101);
    }

    @Test
    void plainGetWithoutUpgradeGets400Problem() {
        new PortalClient(port).get("/ws").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:bad-request");
    }

    @Test
    void signedInCookieOpensOwnTopicAndAnUnknownOrSignedOutCookieIsAnonymous() {
        long id = TestAccounts.citizen(app, "hs_citizen");
        PortalClient citizen = new PortalClient(port).login("hs_citizen", TestAccounts.PASSWORD);
        String origin = "http://localhost:" + port;
        try (WsClient ws = WsClient.connect(port, citizen.cookies(), origin)) {
            assertThat(ws.join("user:" + id, null).path("status").asString()).isEqualTo("ok");
        }

        Map<String, String> forged = new HashMap<>(citizen.cookies());
        forged.put("SESSION", "00000000-0000-0000-0000-000000000000");
        try (WsClient ws = WsClient.connect(port, forged, origin)) {
            assertThat(ws.join("user:" + id, null).path("error").path("code").asString()).isEqualTo("forbidden");
        }

        Map<String, String> before = new HashMap<>(citizen.cookies());
        citizen.post("/api/auth/logout", Map.of()).expectStatus().isNoContent();
        try (WsClient ws = WsClient.connect(port, before, origin)) {
            assertThat(ws.join("user:" + id, null).path("error").path("code").asString())
                    .as("the session ended at sign-out").isEqualTo("forbidden");
        }
    }
}
