package org.onestop.opendata;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * API resources a department lists beside its files: a service of its own (an absolute http or
 * https URL) or a query on this portal (a path under /api/). The URL is shown and harvested as the
 * distribution's access URL, never fetched by the portal, so no address can make it call inside
 * the network.
 */
@Service
class ApiResources {

    /** An API resource as the official describes it. */
    record NewApi(String name, String description, String url) {
    }

    private final DatasetOwners owners;
    private final DatasetWriter writer;
    private final DatasetStore store;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    ApiResources(DatasetOwners owners, DatasetWriter writer, DatasetStore store, AuditTrail audit, TransactionalOperator tx, Clock clock) {
        this.owners = owners;
        this.writer = writer;
        this.store = store;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<DataResource> add(PortalUser official, String datasetName, NewApi body) {
        return owners.owned(official, datasetName).flatMap(dataset -> {
            NewApi api = check(body);
            Instant now = clock.instant();
            return tx.transactional(writer.nextPosition(dataset.id())
                    .flatMap(position -> writer.insert(new DatasetWriter.NewResource(dataset.id(), position, api.name(), api.description(),
                            ResourceFormat.API, null, api.url(), null, null, null, now)))
                    .flatMap(id -> writer.recordUpdate(dataset.id(), now, "新增接口：" + api.name(), official.id())
                            .then(audit.record(official.id(), "opendata.resource.add", "opendata_resource", id,
                                    Map.of("dataset", dataset.name(), "name", api.name(), "url", api.url())))
                            .thenReturn(id)));
        }).flatMap(store::resource);
    }

    static NewApi check(NewApi body) {
        List<FieldProblem> p = new ArrayList<>();
        String name = body.name() == null ? "" : PlainText.clean(body.name()).strip();
        if (name.isEmpty() || name.length() > 200) {
            p.add(FieldProblem.of("name", "opendata_resource_name", 200));
        }
        String description = body.description() == null ? "" : PlainText.clean(body.description()).strip();
        if (description.length() > 1000) {
            p.add(FieldProblem.of("description", "opendata_resource_description", 1000));
        }
        String url = body.url() == null ? "" : body.url().strip();
        if (!acceptable(url)) {
            p.add(FieldProblem.of("url", "opendata_api_url"));
        }
        if (!p.isEmpty()) {
            throw ProblemException.invalid(p);
        }
        return new NewApi(name, description, url);
    }

    /** An absolute http(s) URL with a host and no credentials, or a path on this portal's API; at most 500 characters. */
    static boolean acceptable(String url) {
        if (url.isEmpty() || url.length() > 500 || url.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
            return false;
        }
        if (url.startsWith("/")) {
            return url.startsWith("/api/") && !url.contains("/../") && !url.startsWith("//");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

}
