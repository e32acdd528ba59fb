package org.onestop.security;

import org.onestop.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ProblemWriter problems,
            ServerSecurityContextRepository contexts) {
        SecurityProblemHandlers handlers = new SecurityProblemHandlers(problems);
        // The browser front end reads the XSRF-TOKEN cookie and echoes it in X-XSRF-TOKEN, so the
        // token is compared as sent (no per-request masking) and the cookie must be readable by JS.
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        return http
                .securityContextRepository(contexts)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        // Open311 and CKAN clients are other systems authenticated by a key in the
                        // request, not browsers carrying a session cookie: there is no session to
                        // forge, and the CKAN actions served here only read.
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/open311/**", "/api/3/action/**"))))
                        .accessDeniedHandler(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/logout").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/auth/csrf", "/api/departments", "/api/departments/*").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/calendar/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/me").authenticated()
                        // Live streams: anyone may connect; each topic's policy decides at join. The
                        // WebSocket (/ws) never reaches this chain: see SocketHandshakes.
                        .pathMatchers(HttpMethod.GET, "/api/live/events").permitAll()
                        .pathMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .pathMatchers(HttpMethod.GET, "/api/inquiry/**").permitAll()
                        // Government mailbox: published letters, statistics and consultations are
                        // public; anyone holding a tracking number and its query code may track a
                        // letter; everything else needs a sign-in and each service checks the role.
                        .pathMatchers(HttpMethod.GET, "/api/mailbox/public/**", "/api/consultations", "/api/consultations/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/mailbox/track").permitAll()
                        .pathMatchers("/api/mailbox/**", "/api/consultations/**").authenticated()
                        // Government information disclosure: guides, catalogues, documents, search and
                        // feeds are public; publishing and disclosure requests need a sign-in.
                        .pathMatchers("/api/disclosure/requests", "/api/disclosure/requests/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/disclosure/**").permitAll()
                        // Online service hall: the catalogue and its CPSV-AP export are public.
                        .pathMatchers(HttpMethod.GET, "/api/services", "/api/services/**").permitAll()
                        // Open311 GeoReport v2: reads are public; a POST carries its api_key, which the
                        // endpoint checks itself (the spec's error form, not a session).
                        .pathMatchers(HttpMethod.GET, "/open311/v2/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/open311/v2/requests.json", "/open311/v2/requests.xml").permitAll()
                        .pathMatchers("/api/disclosure/**").authenticated()
                        // Applications, enterprise grants and everything under "My Government" belong
                        // to a signed-in person; each service checks ownership or department.
                        .pathMatchers("/api/applications", "/api/applications/**", "/api/enterprise/**", "/api/me/**")
                        .authenticated()
                        // Open data: the catalogue, dataset pages and downloads are public; API keys and
                        // dataset requests need a sign-in. The CKAN Action API reads are public and
                        // identify a key holder by the Authorization header, not by the session.
                        .pathMatchers("/api/opendata/keys", "/api/opendata/keys/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/opendata/**").permitAll()
                        .pathMatchers("/api/opendata/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/3/action/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/3/action/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/inquiry/sessions").hasAnyRole(Role.ADMIN.name(), Role.MODERATOR.name())
                        .pathMatchers("/api/inquiry/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/prometheus").access((authentication, context) ->
                                authentication.map(a -> new AuthorizationDecision(a.isAuthenticated() && a.getAuthorities()
                                                .contains(Role.ADMIN.authority())))
                                        .defaultIfEmpty(new AuthorizationDecision(false))
                                        .map(decision -> decision.isGranted() || isLoopback(context.getExchange())
                                                ? new AuthorizationDecision(true) : decision))
                        .pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/**").permitAll()
                        .pathMatchers("/api/**").denyAll()
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().denyAll())
                .addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF)
                .build();
    }

    /**
     * The firewall refuses requests whose path holds encoded slashes, control characters and the
     * like before any route is matched; they get a 400 problem like every other bad request.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request");
    }

    /** Sessions, and the security context in them, live in Redis through Spring Session. */
    @Bean
    ServerSecurityContextRepository securityContextRepository() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The CSRF token is lazy; touching it makes the repository write the XSRF-TOKEN cookie. */
    private static WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /** Metrics may be scraped by an agent on the node itself, or read by an admin. */
    private static boolean isLoopback(org.springframework.web.server.ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress()
                && !exchange.getRequest().getHeaders().containsHeader("X-Forwarded-For");
    }
}
