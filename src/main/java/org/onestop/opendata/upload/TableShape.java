package org.onestop.opendata.upload;

import java.util.List;
import org.onestop.opendata.datastore.DatastoreField;

/**
 * What a checked tabular file holds: its columns with inferred types, its number of data rows, and
 * the ids of the columns worth an index (see {@link TableCheck}).
 */
record TableShape(List<DatastoreField> fields, long rows, List<String> indexed) {
}
