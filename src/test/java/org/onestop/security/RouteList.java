package org.onestop.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP route the running application has registered, read from its own handler mappings:
 * controllers (ours, springdoc's and the actuator's), functional routes (the welcome page) and the
 * static-resource handlers. A route is "METHOD pattern"; a mapping without a method is "ANY".
 */
final class RouteList {

    /** A registered route, and whether it takes a multipart body. */
    record Route(String method, String pattern, boolean multipart) implements Comparable<Route> {

        String key() {
            return method + " " + pattern;
        }

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        @Override
        public int compareTo(Route other) {
            return key().compareTo(other.key());
        }
    }

    private RouteList() {
    }

    static Set<Route> of(ApplicationContext app) {
        Set<Route> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : app.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .anyMatch(MediaType.MULTIPART_FORM_DATA::isCompatibleWith);
                for (var pattern : info.getPatternsCondition().getPatterns()) {
                    if (methods.isEmpty()) {
                        routes.add(new Route("ANY", pattern.getPatternString(), multipart));
                    }
                    methods.forEach(m -> routes.add(new Route(m, pattern.getPatternString(), multipart)));
                }
            }
        }
        for (RouterFunctionMapping mapping : app.getBeansOfType(RouterFunctionMapping.class).values()) {
            if (mapping.getRouterFunction() != null) {
                mapping.getRouterFunction().accept(new Functional(routes));
            }
        }
        for (SimpleUrlHandlerMapping mapping : app.getBeansOfType(SimpleUrlHandlerMapping.class).values()) {
            Map<String, ?> urls = mapping.getUrlMap();
            urls.keySet().forEach(pattern -> routes.add(new Route("GET", pattern, false)));
        }
        return routes;
    }

    /** Collects the method and path predicates of functional routes. */
    private static final class Functional implements RouterFunctions.Visitor, RequestPredicates.Visitor {

        private final Set<Route> routes;
        private final Set<String> methods = new TreeSet<>();
        private final Set<String> paths = new TreeSet<>();

        Functional(Set<Route> routes) {
            this.routes = routes;
        }

        @Override
        public void route(org.springframework.web.reactive.function.server.RequestPredicate predicate,
                org.springframework.web.reactive.function.server.HandlerFunction<?> handler) {
            methods.clear();
            paths.clear();
            predicate.accept(this);
            for (String path : paths) {
                (methods.isEmpty() ? Set.of("ANY") : methods).forEach(m -> routes.add(new Route(m, path, false)));
            }
        }

        @Override
        public void startNested(org.springframework.web.reactive.function.server.RequestPredicate predicate) {
        }

        @Override
        public void endNested(org.springframework.web.reactive.function.server.RequestPredicate predicate) {
        }

        @Override
        public void resources(Function<org.springframework.web.reactive.function.server.ServerRequest,
                reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookup) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(org.springframework.web.reactive.function.server.RouterFunction<?> function) {
        }

        @Override
        public void method(Set<HttpMethod> set) {
            set.forEach(m -> methods.add(m.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(org.springframework.web.reactive.function.server.RequestPredicate predicate) {
        }
    }
}
