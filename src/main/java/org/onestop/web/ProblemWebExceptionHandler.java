package org.onestop.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * The last resort for errors raised outside any controller (filters, the static resource
 * handler): they too are answered with problem+json, ahead of Boot's default error page.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);
    private final ProblemWriter writer;

    ProblemWebExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            return Mono.error(ex);
        }
        if (ex instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code != null && code.is4xxClientError()) {
                return writer.write(exchange, code, Problems.typeFor(code));
            }
        }
        if (ex instanceof DataBufferLimitException) {
            return writer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
        }
        if (ex instanceof IllegalArgumentException && String.valueOf(ex.getMessage()).startsWith("URLDecoder:")) {
            // A filter (CSRF looks for a _csrf field) read a form body that is not valid
            // x-www-form-urlencoded: the request is malformed, the server is fine.
            return writer.write(exchange, HttpStatus.BAD_REQUEST, "malformed-body");
        }
        String dependency = Problems.unavailableDependency(ex);
        if (dependency != null) {
            log.warn("Dependency unavailable ({}) on {}: {}", dependency, exchange.getRequest().getPath(), ex.toString());
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return writer.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", dependency);
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return writer.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal");
    }
}
