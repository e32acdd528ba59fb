package org.onestop.mailbox.open311;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of Open311 requests: the request's own row, written in the letter's transaction, and
 * reads of Open311 letters with their request. Only letters that came in through Open311 are
 * served: web letters are private to their writer unless published.
 */
@Repository
class RequestStore {

    private static final String SELECT = """
            SELECT l.id, l.tracking_number, l.service_code, l.kind, l.status, l.not_accepted_reason, l.mailbox_department_id,
                   l.lead_department_id, l.received_at, l.due_on, l.reply_due_on,
                   GREATEST(l.received_at, l.accepted_at, l.dispatched_at, l.replied_at, l.rated_at, l.closed_at) AS updated_at,
                   r.token, r.description, r.address_string, r.address_id, r.lat, r.long, r.media_url, r.first_name, r.last_name
            FROM mailbox_letter l JOIN open311_request r ON r.letter_id = l.id
            WHERE l.source = 'open311'""";

    private final DatabaseClient db;
    private final JsonMapper json;

    RequestStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** An Open311 letter as the API shows it. */
    record Row(long letterId, String trackingNumber, String serviceCode, String kind, String status, String notAcceptedReason,
            Long mailboxDepartmentId, Long leadDepartmentId, Instant receivedAt, Instant updatedAt, LocalDate dueOn,
            LocalDate replyDueOn, String token, String description, String addressString, String addressId, Double lat,
            Double lon, String mediaUrl, String firstName, String lastName) {
    }

    Mono<Void> insert(long letterId, long keyId, String token, RequestForm f) {
        var spec = db.sql("""
                INSERT INTO open311_request (letter_id, api_key_id, token, description, address_string, address_id, lat, long,
                    email, phone, first_name, last_name, device_id, account_id, media_url, attributes)
                VALUES (:letter, :key, :token, :description, :address, :addressId, :lat, :long, :email, :phone, :first, :last,
                    :device, :account, :media, :attributes)""")
                .bind("letter", letterId).bind("key", keyId).bind("token", token)
                .bind("attributes", Json.of(json.writeValueAsString(f.attributes())));
        spec = text(spec, "description", f.description());
        spec = text(spec, "address", f.addressString());
        spec = text(spec, "addressId", f.addressId());
        spec = f.lat() == null ? spec.bindNull("lat", Double.class) : spec.bind("lat", f.lat());
        spec = f.lon() == null ? spec.bindNull("long", Double.class) : spec.bind("long", f.lon());
        spec = text(spec, "email", f.email());
        spec = text(spec, "phone", f.phone());
        spec = text(spec, "first", f.firstName());
        spec = text(spec, "last", f.lastName());
        spec = text(spec, "device", f.deviceId());
        spec = text(spec, "account", f.accountId());
        spec = text(spec, "media", f.mediaUrl());
        return spec.then();
    }

    /** Newest first, at most {@code q.limit()}; the ids of a query by id override its other filters. */
    Flux<Row> search(RequestQuery q) {
        return db.sql(SELECT + """
                 AND ((:byIds AND l.tracking_number = ANY(:ids))
                   OR (NOT :byIds AND l.received_at >= :start AND l.received_at <= :end
                       AND (cardinality(:codes) = 0 OR l.service_code = ANY(:codes))
                       AND (cardinality(:statuses) = 0 OR l.status = ANY(:statuses))))
                ORDER BY l.received_at DESC, l.id DESC LIMIT :limit""")
                .bind("byIds", q.byIds()).bind("ids", q.ids().toArray(String[]::new))
                .bind("start", q.start()).bind("end", q.end())
                .bind("codes", q.serviceCodes().toArray(String[]::new)).bind("statuses", q.statuses().toArray(String[]::new))
                .bind("limit", q.limit())
                .map(RequestStore::row).all();
    }

    Mono<Row> byNumber(String trackingNumber) {
        return db.sql(SELECT + " AND l.tracking_number = :n").bind("n", trackingNumber).map(RequestStore::row).one();
    }

    Mono<Row> byToken(String token) {
        return db.sql(SELECT + " AND r.token = :t").bind("t", token).map(RequestStore::row).one();
    }

    private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static Row row(Readable r) {
        return new Row(r.get("id", Long.class), r.get("tracking_number", String.class), r.get("service_code", String.class),
                r.get("kind", String.class), r.get("status", String.class), r.get("not_accepted_reason", String.class),
                r.get("mailbox_department_id", Long.class), r.get("lead_department_id", Long.class),
                r.get("received_at", Instant.class), r.get("updated_at", Instant.class), r.get("due_on", LocalDate.class),
                r.get("reply_due_on", LocalDate.class), r.get("token", String.class), r.get("description", String.class),
                r.get("address_string", String.class), r.get("address_id", String.class), r.get("lat", Double.class),
                r.get("long", Double.class), r.get("media_url", String.class), r.get("first_name", String.class),
                r.get("last_name", String.class));
    }
}
