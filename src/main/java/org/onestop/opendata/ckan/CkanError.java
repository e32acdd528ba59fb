package org.onestop.opendata.ckan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A CKAN error: the HTTP status and the error object ({@code __type}, a message, and for
 * validation errors the messages per parameter), as CKAN's action API returns them.
 */
class CkanError extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> error;
    private final Duration retryAfter;

    private CkanError(HttpStatus status, Map<String, Object> error, Duration retryAfter) {
        super(String.valueOf(error.get("__type")));
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    static CkanError validation(Map<String, List<String>> fields) {
        Map<String, Object> e = new LinkedHashMap<>(fields);
        e.put("__type", "Validation Error");
        return new CkanError(HttpStatus.CONFLICT, e, null);
    }

    static CkanError validation(String field, String message) {
        return validation(Map.of(field, List.of(message)));
    }

    static CkanError notFound(String message) {
        return new CkanError(HttpStatus.NOT_FOUND, ordered("Not Found Error", message), null);
    }

    static CkanError forbidden() {
        return new CkanError(HttpStatus.FORBIDDEN, ordered("Authorization Error", "Access denied: the API key is not valid"), null);
    }

    static CkanError searchQuery(String message) {
        return new CkanError(HttpStatus.CONFLICT, ordered("Search Query Error", "Search Query is invalid: " + message), null);
    }

    static CkanError search(String message) {
        return new CkanError(HttpStatus.CONFLICT, ordered("Search Error", "Search error: " + message), null);
    }

    static CkanError badRequest(String message) {
        return new CkanError(HttpStatus.BAD_REQUEST, ordered("Bad Request", "Bad request - " + message), null);
    }

    static CkanError rateLimited(Duration retryAfter) {
        return new CkanError(HttpStatus.TOO_MANY_REQUESTS, ordered("Rate Limit Error",
                "Too many requests: retry after " + Math.max(1, retryAfter.toSeconds()) + " s"), retryAfter);
    }

    private static Map<String, Object> ordered(String type, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("__type", type);
        e.put("message", message);
        return e;
    }

    HttpStatus status() {
        return status;
    }

    Map<String, Object> error() {
        return error;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
