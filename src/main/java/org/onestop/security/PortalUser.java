package org.onestop.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import org.onestop.web.ProblemException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * The signed-in account as kept in the (Redis-stored, hence serialisable) session. It holds only
 * what authorisation needs; personal data is read fresh from the database when shown.
 */
public record PortalUser(long id, String username, String displayName, Set<Role> roles, Long departmentId)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    /** The caller of the current request, or empty when anonymous. */
    public static Mono<PortalUser> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .mapNotNull(auth -> auth.getPrincipal() instanceof PortalUser user ? user : null);
    }

    /** The caller of the current request; anonymous callers get a 401 problem. */
    public static Mono<PortalUser> required() {
        return current().switchIfEmpty(Mono.error(ProblemException::unauthenticated));
    }
}
