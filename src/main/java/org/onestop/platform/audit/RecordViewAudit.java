package org.onestop.platform.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Records every time a member of staff opens a person's records: a letter with its writer's
 * identity and contact, an application with the ID numbers in its form, a disclosure request with
 * the requester's contact, and the files attached to each. The entry is written before the answer
 * is sent, so a record that was shown was also audited (a failed write fails the request instead).
 * The people's own views of their own records are not staff access and are not recorded.
 */
@Component
class RecordViewAudit implements WebFilter, Ordered {

    /** The routes that show personal records to staff, and the kind of record each shows. */
    static final Map<String, String> ROUTES = Map.of(
            "/api/mailbox/cases/{id}", "mailbox_letter",
            "/api/mailbox/letters/{id}/attachments/{attachmentId}", "mailbox_letter",
            "/api/applications/{id}", "application",
            "/api/applications/{id}/materials/{materialId}", "application",
            "/api/disclosure/requests/{id}", "disclosure_request",
            "/api/disclosure/requests/{id}/files/{fileId}", "disclosure_request");

    private final AuditTrail audit;

    RecordViewAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /** After the security chain, so the exchange carries the signed-in principal. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!"GET".equals(exchange.getRequest().getMethod().name())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> record(exchange));
        return chain.filter(exchange);
    }

    private Mono<Void> record(ServerWebExchange exchange) {
        var status = exchange.getResponse().getStatusCode();
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern instanceof PathPattern p ? p.getPatternString() : null;
        if (route == null || !ROUTES.containsKey(route) || status != null && !status.is2xxSuccessful()) {
            return Mono.empty();
        }
        Map<String, String> variables = exchange.getAttributeOrDefault(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of());
        return exchange.getPrincipal()
                .mapNotNull(principal -> principal instanceof Authentication a && a.getPrincipal() instanceof PortalUser u
                        && u.isStaff() ? u : null)
                .flatMap(user -> {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("route", route);
                    variables.forEach((name, value) -> {
                        if (!name.equals("id")) {
                            detail.put(name, value);
                        }
                    });
                    return audit.record(user.id(), "personal_record.viewed", ROUTES.get(route), variables.get("id"), detail);
                });
    }
}
