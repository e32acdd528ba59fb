package org.onestop.robustness;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;

/**
 * Every write endpoint (POST, PUT, PATCH, DELETE) the application maps, read from its own
 * {@link RequestMappingHandlerMapping}: a new endpoint is fuzzed without anyone listing it here.
 */
final class WriteRoutes {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)(:[^}]*)?}");

    /** How an endpoint takes its body. */
    enum BodyKind {
        /** No declared body; the handler may still read form data from the exchange (Open311). */
        NONE, JSON, MULTIPART
    }

    /**
     * One method and path template; {@code template} has plain {@code {name}} variables, {@code bodyType}
     * is the declared body type (null when the handler reads no body itself).
     */
    record Route(HttpMethod method, String template, List<String> variables, BodyKind body, Type bodyType,
            boolean bodyRequired, String handler) {

        String key() {
            return method + " " + template;
        }
    }

    private WriteRoutes() {
    }

    static List<Route> of(ApplicationContext app) {
        List<Route> routes = new ArrayList<>();
        app.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                        if (!WRITES.contains(m)) {
                            continue;
                        }
                        for (PathPattern p : info.getPatternsCondition().getPatterns()) {
                            routes.add(route(HttpMethod.valueOf(m.name()), p.getPatternString(), handler,
                                    !info.getConsumesCondition().isEmpty() && info.getConsumesCondition().getConsumableMediaTypes()
                                            .stream().anyMatch(t -> t.getSubtype().equals("form-data"))));
                        }
                    }
                }));
        routes.sort(Comparator.comparing((Route r) -> r.method() == HttpMethod.DELETE).thenComparing(Route::key));
        return routes;
    }

    private static Route route(HttpMethod method, String pattern, HandlerMethod handler, boolean multipart) {
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder template = new StringBuilder();
        while (m.find()) {
            variables.add(m.group(1));
            m.appendReplacement(template, Matcher.quoteReplacement("{" + m.group(1) + "}"));
        }
        m.appendTail(template);
        BodyKind kind = BodyKind.NONE;
        Type type = null;
        boolean required = false;
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestBody body = p.getParameterAnnotation(RequestBody.class);
            if (body == null) {
                continue;
            }
            type = p.getGenericParameterType();
            required = body.required();
            boolean parts = p.getParameterType() == Flux.class && p.getGenericParameterType().getTypeName()
                    .contains(PartEvent.class.getName());
            kind = parts || multipart ? BodyKind.MULTIPART : BodyKind.JSON;
        }
        return new Route(method, template.toString(), List.copyOf(variables), kind, type, required,
                handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
    }
}
