package org.onestop.opendata.datastore;

import java.util.List;

/**
 * A datastore query the resource cannot answer: each issue names the parameter, a stable code
 * (the portal's message key {@code field.<code>}), the offending name or value, and the English
 * message CKAN clients expect in their error object.
 */
public class DatastoreInvalid extends RuntimeException {

    /** One refused parameter. */
    public record Issue(String param, String code, String value, String message) {
    }

    private final List<Issue> issues;

    public DatastoreInvalid(List<Issue> issues) {
        super(issues.toString());
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
