package org.onestop.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds every problem+json body of the portal, in the caller's language, so that controllers,
 * the error advice and the security handlers all speak the same format.
 */
@Component
public class Problems {

    private static final String TYPE_PREFIX = "urn:onestop:problem:";
    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail build(ServerWebExchange exchange, HttpStatusCode status, String type, List<Object> args,
            List<FieldProblem> fieldProblems) {
        return build(locale(exchange), exchange.getRequest().getPath().value(), status, type, args, fieldProblems);
    }

    /** A problem for a request that has no WebFlux exchange (a raw Reactor Netty route). */
    public ProblemDetail build(Locale locale, String path, HttpStatusCode status, String type, List<Object> args,
            List<FieldProblem> fieldProblems) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(message("problem." + type + ".title", args, locale));
        problem.setDetail(message("problem." + type + ".detail", args, locale));
        problem.setInstance(URI.create(path));
        if (!fieldProblems.isEmpty()) {
            problem.setProperty("errors", fieldProblems.stream().map(f -> fieldError(f, locale)).toList());
        }
        return problem;
    }

    public ProblemDetail build(ServerWebExchange exchange, ProblemException e) {
        return build(exchange, e.status(), e.type(), e.args(), e.fieldProblems());
    }

    public ResponseEntity<ProblemDetail> entity(ProblemDetail problem, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        if (problem.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            // The refused body is left partly unread (and a multipart form field over the reader's
            // limit leaves its buffers released twice): the connection must not carry another request.
            builder.header(HttpHeaders.CONNECTION, "close");
        }
        return builder.body(problem);
    }

    /** The body as a plain map, for writers that serialise without Spring's ProblemDetail mix-in. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    /** The problem type for a bare HTTP status raised by the framework (no route, wrong method...). */
    public static String typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "no-such-path";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }

    /**
     * The dependency (database or Redis) whose failure or timeout caused this error, or null when
     * the error is not a dependency being unavailable. Such errors are answered with 503.
     */
    public static String unavailableDependency(Throwable error) {
        boolean unavailable = false;
        boolean redis = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            redis |= name.startsWith("io.lettuce.") || name.startsWith("org.springframework.data.redis.");
            unavailable |= t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.QueryTimeoutException
                    || t instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || t instanceof io.r2dbc.spi.R2dbcTransientResourceException
                    || name.equals("io.lettuce.core.RedisCommandTimeoutException")
                    || name.equals("io.lettuce.core.RedisConnectionException")
                    || name.equals("io.lettuce.core.RedisException") && lostConnection(t.getMessage());
        }
        return !unavailable ? null : redis ? "redis" : "database";
    }

    /**
     * Lettuce's plain RedisException for a lost connection: "Currently not connected" is answered at
     * once, instead of queueing, while it is disconnected; "Connection disconnected" or "closed"
     * fails the commands that were in flight when the connection dropped.
     */
    private static boolean lostConnection(String message) {
        String m = String.valueOf(message);
        return m.startsWith("Currently not connected") || m.startsWith("Connection disconnected") || m.startsWith("Connection closed");
    }

    /**
     * The locale for an Accept-Language header, as the WebFlux resolver picks it for the portal's
     * two languages: English when asked for before Chinese, otherwise Simplified Chinese.
     */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
            return found != null ? found : Locale.SIMPLIFIED_CHINESE;
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    public Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null ? locale : Locale.SIMPLIFIED_CHINESE;
    }

    private Map<String, Object> fieldError(FieldProblem f, Locale locale) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", f.field());
        error.put("code", f.code());
        error.put("message", message("field." + f.code(), f.args(), locale));
        return error;
    }

    private String message(String key, List<Object> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }
}
