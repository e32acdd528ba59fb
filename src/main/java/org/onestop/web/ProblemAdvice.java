package org.onestop.web;

import io.r2dbc.spi.R2dbcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions of handlers become RFC 9457 problem+json responses. It runs
 * first, ahead of any framework advice, so every error of the API speaks the same format.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Unique indexes whose violation means "this value is taken", keyed to the request field. */
    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "app_user_username_key", "username",
            "app_user_id_number_key", "idNumber",
            "app_user_credit_code_key", "creditCode");

    private final Problems problems;

    ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> problem(ProblemException e, ServerWebExchange exchange) {
        return problems.entity(problems.build(exchange, e), e.retryAfter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> binding(WebExchangeBindException e, ServerWebExchange exchange) {
        List<FieldProblem> fields = new ArrayList<>();
        for (FieldError error : e.getFieldErrors()) {
            fields.add(fieldProblem(error));
        }
        return respond(exchange, ProblemException.invalid(fields));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> input(ServerWebInputException e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class) != null) {
            return respond(exchange, new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    List.of(), List.of(), null));
        }
        DatabindException databind = causedBy(e, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            String field = String.join(".", databind.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                    .toList());
            return respond(exchange, ProblemException.invalid(field, "type"));
        }
        boolean body = causedBy(e, DecodingException.class) != null || e.getMethodParameter() == null
                || e.getReason() != null && e.getReason().contains("body");
        return respond(exchange, new ProblemException(HttpStatus.BAD_REQUEST, body ? "malformed-body" : "bad-request",
                List.of(), List.of(), null));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        ProblemDetail body = problems.build(exchange, e.getStatusCode(), Problems.typeFor(e.getStatusCode()),
                List.of(), List.of());
        return problems.entity(body, null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, ServerWebExchange exchange) {
        return respond(exchange, ProblemException.forbidden());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, ServerWebExchange exchange) {
        return respond(exchange, new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", List.of(),
                List.of(), null));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, ServerWebExchange exchange) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        for (var entry : UNIQUE_FIELDS.entrySet()) {
            if (message.contains(entry.getKey())) {
                return respond(exchange, ProblemException.conflict(entry.getValue(), "taken"));
            }
        }
        log.warn("Integrity violation not tied to a field: {}", message);
        return respond(exchange, new ProblemException(HttpStatus.CONFLICT, "conflict", List.of(), List.of(), null));
    }

    @ExceptionHandler
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e, ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // The client went away (or the answer is already on its way): there is nobody to tell,
            // and a problem written now would fail on read-only headers. WebFlux logs these quietly.
            return Mono.error(e);
        }
        if (textPostgresCannotStore(e)) {
            // A NUL character (U+0000) in any text sent to PostgreSQL: the database refuses it, the
            // statement and its transaction roll back, and the value was the client's to fix.
            return Mono.just(respond(exchange, new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", List.of(), List.of(), null)));
        }
        String dependency = Problems.unavailableDependency(e);
        if (dependency != null) {
            log.warn("Dependency unavailable ({}): {}", dependency, e.toString());
            return Mono.just(respond(exchange, ProblemException.unavailable(dependency)));
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        return Mono.just(respond(exchange, new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal", List.of(),
                List.of(), null)));
    }

    private ResponseEntity<ProblemDetail> respond(ServerWebExchange exchange, ProblemException e) {
        return problems.entity(problems.build(exchange, e), e.retryAfter());
    }

    private static FieldProblem fieldProblem(FieldError error) {
        String constraint = error.getCode() == null ? "invalid" : error.getCode();
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> FieldProblem.of(error.getField(), "required");
            // Bean Validation passes Size's attributes in name order: the field, max, min.
            case "Size" -> FieldProblem.of(error.getField(), "size", args.length > 2 ? args[2] : 0, args.length > 1 ? args[1] : 0);
            case "Pattern" -> FieldProblem.of(error.getField(), "pattern");
            case "Email" -> FieldProblem.of(error.getField(), "email");
            case "Min", "Max", "Positive", "PositiveOrZero" -> FieldProblem.of(error.getField(), "range");
            case "typeMismatch" -> FieldProblem.of(error.getField(), "type");
            default -> FieldProblem.of(error.getField(), "invalid");
        };
    }

    /** SQLSTATE 22021 (text) or 22P05 (jsonb): a character the database cannot hold, in practice U+0000. */
    private static boolean textPostgresCannotStore(Throwable e) {
        R2dbcException sql = causedBy(e, R2dbcException.class);
        return sql != null && ("22021".equals(sql.getSqlState()) || "22P05".equals(sql.getSqlState()));
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
