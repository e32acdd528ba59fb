package org.onestop.security;

import java.net.URI;
import java.util.List;
import org.onestop.live.LiveProperties;
import org.onestop.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses cross-site WebSocket hijacking: a browser sends the session cookie with any site's
 * WebSocket handshake, so a handshake from a foreign Origin gets 403. Clients that send no Origin
 * (load tests, native apps) are not browsers acting for someone else and may connect. It runs
 * inside the security filter chain only.
 */
class WebSocketOriginCheck implements WebFilter {

    private final ProblemWriter problems;
    private final List<String> allowed;

    WebSocketOriginCheck(ProblemWriter problems, LiveProperties properties) {
        this.problems = problems;
        this.allowed = properties.allowedOrigins();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
        if (!upgrade || origin == null || sameOrigin(origin, request.getURI()) || allowed.contains(origin)) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, HttpStatus.FORBIDDEN, "origin");
    }

    private static boolean sameOrigin(String origin, URI target) {
        try {
            URI o = URI.create(origin);
            String scheme = "wss".equals(target.getScheme()) ? "https" : "ws".equals(target.getScheme()) ? "http" : target.getScheme();
            return scheme.equalsIgnoreCase(o.getScheme()) && target.getHost() != null
                    && target.getHost().equalsIgnoreCase(o.getHost()) && port(target) == port(o);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
