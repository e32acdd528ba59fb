package org.onestop.opendata;

import java.time.Instant;
import java.util.List;
import org.onestop.opendata.datastore.DatastoreField;

/**
 * One resource of a dataset: a stored file (with its size and SHA-256) or an API. A tabular file
 * may also be in the datastore, under a generated table name with its column list.
 */
public record DataResource(long id, long datasetId, int position, String name, String description, ResourceFormat format,
        String storageKey, Long byteSize, String digest, String apiUrl, String datastoreTable, List<DatastoreField> fields,
        Long rowCount, Instant createdAt, Instant updatedAt, long downloads) {

    public boolean inDatastore() {
        return datastoreTable != null;
    }

    public boolean isFile() {
        return format != ResourceFormat.API;
    }
}
