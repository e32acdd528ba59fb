package org.onestop.account;

import jakarta.validation.Valid;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import org.onestop.security.LoginThrottle;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** Registration, sign-in and sign-out, the CSRF token, and the caller's own account. */
@RestController
class AuthController {

    private final Registration registration;
    private final SignIn signIn;
    private final LoginThrottle throttle;
    private final ServerSecurityContextRepository contexts;
    private final AccountViews views;

    AuthController(Registration registration, SignIn signIn, LoginThrottle throttle,
            ServerSecurityContextRepository contexts, AccountViews views) {
        this.registration = registration;
        this.signIn = signIn;
        this.throttle = throttle;
        this.contexts = contexts;
        this.views = views;
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AccountView> register(@RequestBody RegistrationRequest request, ServerWebExchange exchange) {
        return registration.register(request).flatMap(a -> views.of(a, true, exchange));
    }

    @PostMapping("/api/auth/login")
    Mono<AccountView> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        String address = clientAddress(exchange);
        return throttle.attempt(username, address)
                .then(signIn.authenticate(username, request.password()))
                .flatMap(account -> {
                    PortalUser user = account.toPrincipal();
                    var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                            user.roles().stream().map(r -> r.authority()).toList());
                    // Saving the context also gives the session a new id: no session fixation.
                    return contexts.save(exchange, new SecurityContextImpl(authentication))
                            .then(throttle.succeeded(username, address))
                            .then(views.of(account, true, exchange));
                });
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(ServerWebExchange exchange) {
        return contexts.save(exchange, null).then(exchange.getSession()).flatMap(WebSession::invalidate);
    }

    @GetMapping("/api/auth/csrf")
    Mono<Map<String, String>> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.error(ProblemException.forbidden());
        }
        return token.map(t -> Map.of("token", t.getToken(), "headerName", t.getHeaderName()));
    }

    @GetMapping("/api/me")
    Mono<AccountView> me(@AuthenticationPrincipal PortalUser user, ServerWebExchange exchange) {
        return views.byId(user.id(), true, exchange);
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
