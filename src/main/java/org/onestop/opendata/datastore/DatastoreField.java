package org.onestop.opendata.datastore;

/**
 * A column of a datastore table. Ids are generated lower-case identifiers, never user text, and
 * every identifier in a query is checked against this list before it is quoted into SQL.
 */
public record DatastoreField(String id, FieldType type, String label) {
}
