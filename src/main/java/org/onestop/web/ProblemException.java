package org.onestop.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request the portal refuses for a reason the caller can act on. The advice turns it into an
 * RFC 9457 body whose title and detail come from {@code problem.<type>.title/.detail} in the
 * caller's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<Object> args;
    private final List<FieldProblem> fieldProblems;
    private final Duration retryAfter;

    public ProblemException(HttpStatus status, String type, List<Object> args, List<FieldProblem> fieldProblems,
            Duration retryAfter) {
        super(type);
        this.status = status;
        this.type = type;
        this.args = List.copyOf(args);
        this.fieldProblems = List.copyOf(fieldProblems);
        this.retryAfter = retryAfter;
    }

    public static ProblemException invalid(List<FieldProblem> problems) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", List.of(), problems, null);
    }

    public static ProblemException invalid(String field, String code, Object... args) {
        return invalid(List.of(FieldProblem.of(field, code, args)));
    }

    /** The request is well-formed but clashes with stored state, e.g. a taken username. */
    public static ProblemException conflict(String field, String code, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", List.of(), List.of(FieldProblem.of(field, code, args)), null);
    }

    /**
     * The {@code what} (a code word such as {@code "document"}) is shown in the caller's language
     * through the message key {@code entity.<what>}, or as it is when there is no such key: the
     * message source resolves an argument that is itself a resolvable message.
     */
    public static ProblemException notFound(String what, Object id) {
        var entity = new DefaultMessageSourceResolvable(new String[] {"entity." + what}, what);
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", List.of(entity, String.valueOf(id)), List.of(), null);
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", List.of(), List.of(), null);
    }

    /** The target is in a state that does not allow this action (e.g. approving a rejected question). */
    public static ProblemException state(String code) {
        return new ProblemException(HttpStatus.CONFLICT, "state", List.of(), List.of(FieldProblem.of("status", code)), null);
    }

    public static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", List.of(), List.of(), null);
    }

    public static ProblemException rateLimited(Duration retryAfter) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", List.of(), List.of(), retryAfter);
    }

    /** A dependency (database, Redis) cannot serve now; the same request may succeed later. */
    public static ProblemException unavailable(String what) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", List.of(what), List.of(),
                Duration.ofSeconds(5));
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<Object> args() {
        return args;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
