package org.onestop.mygov.records;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One {@link RecordConnector} per record type, made on first use: a type with a configured base
 * URL talks to that department system; the others talk to the built-in demo records service on
 * this node, whose port is only known once the server has started.
 */
@Component
class RecordConnectors {

    private final RecordsProperties properties;
    private final Clock clock;
    private final ApplicationContext context;
    private final String demoToken;
    private final Map<RecordType, RecordConnector> connectors = new EnumMap<>(RecordType.class);

    RecordConnectors(RecordsProperties properties, Clock clock, ApplicationContext context) {
        this.properties = properties;
        this.clock = clock;
        this.context = context;
        this.demoToken = properties.demoToken().isBlank() ? randomToken() : properties.demoToken();
    }

    /** The token the demo records service accepts. */
    String demoToken() {
        return demoToken;
    }

    boolean demo(RecordType type) {
        return properties.connector(type).demo();
    }

    synchronized RecordConnector of(RecordType type) {
        return connectors.computeIfAbsent(type, t -> {
            RecordsProperties.Connector settings = properties.connector(t);
            String base = settings.demo() ? demoBaseUrl() : settings.baseUrl();
            String token = settings.demo() ? demoToken : settings.token();
            return new RecordConnector(t, settings, WebClient.builder(), base, token, clock);
        });
    }

    private String demoBaseUrl() {
        if (!properties.demoBaseUrl().isBlank()) {
            return properties.demoBaseUrl();
        }
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : -1;
        if (port <= 0) {
            throw new IllegalStateException("The demo records service needs the web server's port or onestop.mygov.records.demo-base-url");
        }
        return "http://127.0.0.1:" + port + DemoRecordsController.BASE;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
