package org.onestop.mailbox.open311;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A POSTed service request, checked against the spec and the service's definition. A request
 * needs a location (lat and long, address_string or address_id); attributes must be defined by the
 * service, required ones present, list ones one of their keys.
 */
record RequestForm(String description, Double lat, Double lon, String addressString, String addressId, String email,
        String phone, String firstName, String lastName, String deviceId, String accountId, String mediaUrl,
        Map<String, String> attributes) {

    static RequestForm check(MultiValueMap<String, String> form, Open311Views.Definition definition) {
        String description = text(form, "description", 4000);
        String latText = text(form, "lat", 32);
        String longText = text(form, "long", 32);
        if ((latText == null) != (longText == null)) {
            throw Open311Exception.badRequest("lat and long must be given together");
        }
        Double lat = number(latText, "lat", 90);
        Double lon = number(longText, "long", 180);
        String address = text(form, "address_string", 250);
        String addressId = text(form, "address_id", 64);
        if (lat == null && address == null && addressId == null) {
            throw Open311Exception.badRequest("A location is required: lat and long, address_string or address_id");
        }
        String email = text(form, "email", 100);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw Open311Exception.badRequest("email is not a valid e-mail address");
        }
        String media = text(form, "media_url", 1000);
        if (media != null && !isWebUrl(media)) {
            throw Open311Exception.badRequest("media_url must be an http or https URL");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Open311Views.Attribute attribute : definition.attributes()) {
            String value = text(form, "attribute[" + attribute.code() + "]", 100);
            if (value == null) {
                if (attribute.required()) {
                    throw Open311Exception.badRequest("attribute[" + attribute.code() + "] is required");
                }
                continue;
            }
            if (!attribute.values().isEmpty() && attribute.values().stream().noneMatch(v -> v.key().equals(value))) {
                throw Open311Exception.badRequest("attribute[" + attribute.code() + "] must be one of the service's values");
            }
            attributes.put(attribute.code(), value);
        }
        return new RequestForm(description, lat, lon, address, addressId, email, text(form, "phone", 30),
                text(form, "first_name", 50), text(form, "last_name", 50), text(form, "device_id", 100),
                text(form, "account_id", 100), media, attributes);
    }

    /** The stripped value, null when absent or blank; too long is a 400 naming the field. */
    private static String text(MultiValueMap<String, String> form, String name, int max) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > max) {
            throw Open311Exception.badRequest(name + " is longer than " + max + " characters");
        }
        return value;
    }

    private static Double number(String text, String name, double bound) {
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && Math.abs(value) <= bound) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same answer as an out-of-range number.
        }
        throw Open311Exception.badRequest(name + " is not a valid coordinate");
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
