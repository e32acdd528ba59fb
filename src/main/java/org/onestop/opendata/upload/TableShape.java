package org.onestop.opendata.upload;

import java.util.List;
import org.onestop.opendata.datastore.DatastoreField;

/** What a checked tabular file holds: its columns with inferred types, and its number of data rows. */
record TableShape(List<DatastoreField> fields, long rows) {
}
