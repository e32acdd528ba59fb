package org.onestop.security;

import java.util.Locale;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Admins lift a login lockout, for a person who proved who they are by other means before the
 * window ends. Lifting a lock that is not there is harmless, and is recorded all the same.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class LoginLockController {

    private final LoginThrottle throttle;
    private final AuditTrail audit;

    LoginLockController(LoginThrottle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @DeleteMapping("/api/admin/login-locks/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unlock(@PathVariable String username, @AuthenticationPrincipal PortalUser admin) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 32) {
            return Mono.error(org.onestop.web.ProblemException.invalid("username", "size", 1, 32));
        }
        return throttle.unlock(name).then(audit.record(admin.id(), "login.unlocked", "app_user", name, Map.of()));
    }
}
