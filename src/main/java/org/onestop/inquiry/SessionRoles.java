package org.onestop.inquiry;

import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who is who in one session: its assigned moderators and officials; admins act as moderators. */
@Component
class SessionRoles {

    private final SessionStore sessions;

    SessionRoles(SessionStore sessions) {
        this.sessions = sessions;
    }

    Mono<Boolean> isModerator(long sessionId, PortalUser user) {
        if (user == null) {
            return Mono.just(false);
        }
        return user.has(Role.ADMIN) ? Mono.just(true) : sessions.hasStaff(sessionId, user.id(), "moderator");
    }

    Mono<Boolean> isOfficial(long sessionId, PortalUser user) {
        return user == null ? Mono.just(false) : sessions.hasStaff(sessionId, user.id(), "official");
    }

    Mono<Boolean> isStaff(long sessionId, PortalUser user) {
        return isModerator(sessionId, user).flatMap(m -> m ? Mono.just(true) : isOfficial(sessionId, user));
    }

    Mono<Void> requireModerator(long sessionId, PortalUser user) {
        return require(user, isModerator(sessionId, user));
    }

    Mono<Void> requireOfficial(long sessionId, PortalUser user) {
        return require(user, isOfficial(sessionId, user));
    }

    Mono<Void> requireStaff(long sessionId, PortalUser user) {
        return require(user, isStaff(sessionId, user));
    }

    private static Mono<Void> require(PortalUser user, Mono<Boolean> check) {
        if (user == null) {
            return Mono.error(ProblemException.unauthenticated());
        }
        return check.flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(ProblemException.forbidden()));
    }
}
