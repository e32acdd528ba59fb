package org.onestop.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json response outside a controller: from security filters, which run before
 * any handler and so never reach the error advice.
 */
@Component
public class ProblemWriter {

    private final Problems problems;
    private final JsonMapper json;

    public ProblemWriter(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, Object... args) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = encode(problems.build(exchange, status, type, List.of(args), List.of()));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The problem+json body for a request answered outside WebFlux, in the language it asked for. */
    public byte[] body(String acceptLanguage, String path, HttpStatus status, String type, Object... args) {
        return encode(problems.build(Problems.locale(acceptLanguage), path, status, type, List.of(args), List.of()));
    }

    private byte[] encode(org.springframework.http.ProblemDetail problem) {
        return json.writeValueAsString(Problems.asMap(problem)).getBytes(StandardCharsets.UTF_8);
    }
}
