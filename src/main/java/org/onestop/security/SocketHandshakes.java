package org.onestop.security;

import java.net.URI;
import java.util.List;
import org.onestop.live.LiveProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who opens a WebSocket handshake. The live socket is served by a Reactor Netty route in front
 * of WebFlux (a WebFlux exchange would stay in memory for the whole life of every socket), so the
 * security filter chain does not see it; these are the two decisions that chain made for it, made
 * the same way:
 * <ul>
 * <li>the Origin: a browser sends the session cookie with any site's handshake, so a foreign
 * Origin is cross-site WebSocket hijacking and is refused. Clients that send no Origin (load
 * tests, native apps) are not browsers acting for someone else and may connect;</li>
 * <li>the user: the security context that sign-in stored in the Spring Session named by the
 * session cookie; no cookie, an unknown or expired session, or no sign-in means anonymous.</li>
 * </ul>
 */
@Component
public class SocketHandshakes {

    private static final String SECURITY_CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private final ReactiveSessionRepository<? extends Session> sessions;
    private final List<String> allowedOrigins;
    private final String cookieName;

    SocketHandshakes(ReactiveSessionRepository<? extends Session> sessions, LiveProperties properties,
            @Value("${server.reactive.session.cookie.name:SESSION}") String cookieName) {
        this.sessions = sessions;
        this.allowedOrigins = properties.allowedOrigins();
        this.cookieName = cookieName;
    }

    /** The name of the cookie that carries the session id. */
    public String cookieName() {
        return cookieName;
    }

    /**
     * True when a handshake with this Origin header (null when absent) may go ahead at the server
     * reached as {@code scheme://host:port}.
     */
    public boolean originAllowed(String origin, String scheme, String host, int port) {
        return origin == null || allowedOrigins.contains(origin) || sameOrigin(origin, scheme, host, port);
    }

    /** The signed-in user of the session, empty for anonymous. */
    public Mono<PortalUser> user(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return Mono.empty();
        }
        return sessions.findById(sessionId)
                .mapNotNull(session -> session.<Object>getAttribute(SECURITY_CONTEXT))
                .mapNotNull(context -> context instanceof SecurityContext c ? c.getAuthentication() : null)
                .mapNotNull(authentication -> authentication instanceof Authentication a && a.isAuthenticated()
                        && a.getPrincipal() instanceof PortalUser user ? user : null);
    }

    private static boolean sameOrigin(String origin, String scheme, String host, int port) {
        try {
            URI o = URI.create(origin);
            String expected = "wss".equals(scheme) || "https".equals(scheme) ? "https" : "http";
            return expected.equalsIgnoreCase(o.getScheme()) && host != null && host.equalsIgnoreCase(o.getHost())
                    && port == portOf(o);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
