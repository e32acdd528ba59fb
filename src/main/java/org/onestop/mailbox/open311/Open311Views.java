package org.onestop.mailbox.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The GeoReport v2 shapes, with the spec's field names; {@link Open311Xml} writes the same records
 * as XML under the same names. Date-times are strings already in the spec's ISO 8601 form.
 */
final class Open311Views {

    private Open311Views() {
    }

    record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
            String description, boolean metadata, String type, String keywords, String group) {
    }

    record Value(String key, String name) {
    }

    record Attribute(boolean variable, String code, String datatype, boolean required,
            @JsonProperty("datatype_description") String datatypeDescription, int order, String description,
            List<Value> values) {
    }

    record Definition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {
    }

    record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
            @JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode, String description,
            @JsonProperty("agency_responsible") String agencyResponsible, @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") String requestedDatetime,
            @JsonProperty("updated_datetime") String updatedDatetime,
            @JsonProperty("expected_datetime") String expectedDatetime, String address,
            @JsonProperty("address_id") String addressId, String zipcode, Double lat, @JsonProperty("long") Double lon,
            @JsonProperty("media_url") String mediaUrl) {
    }

    /** The answer to a POST: the request's id, or (when answering with tokens) its token. */
    record Posted(@JsonProperty("service_request_id") String serviceRequestId, String token,
            @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {
    }

    record Token(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }

    record Error(int code, String description) {
    }
}
