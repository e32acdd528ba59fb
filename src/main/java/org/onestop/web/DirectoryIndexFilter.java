package org.onestop.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves {@code /area/} from {@code /area/index.html}: the front end is plain files with one
 * folder per portal area, and WebFlux only resolves the welcome page at the root.
 */
@Component
class DirectoryIndexFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean read = exchange.getRequest().getMethod() == HttpMethod.GET
                || exchange.getRequest().getMethod() == HttpMethod.HEAD;
        if (read && path.endsWith("/") && !path.startsWith("/api/") && !path.startsWith("/actuator/")) {
            var request = exchange.getRequest().mutate().path(path + "index.html").build();
            return chain.filter(exchange.mutate().request(request).build());
        }
        return chain.filter(exchange);
    }
}
