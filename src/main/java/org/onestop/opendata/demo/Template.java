package org.onestop.opendata.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.onestop.opendata.Frequency;
import org.onestop.opendata.Theme;
import org.onestop.opendata.datastore.DatastoreField;

/**
 * A kind of demo dataset: its theme and publisher, its title (with {@code %s} for the scope), its
 * columns, its indexes (an entry "a,b" is one index on both columns) and how rows are made. A
 * row maker is called with row indexes in order and a random
 * source seeded per dataset, so the same dataset always gets the same rows.
 */
record Template(String key, Theme theme, String departmentCode, boolean districtScoped, String title,
        String description, List<String> keywords, Frequency frequency, List<DatastoreField> fields, List<String> indexed,
        int smallRows, RowMaker rows) {

    interface RowMaker {
        Object[] row(SplittableRandom random, long index, Scope scope);
    }

    boolean geo() {
        return fields.stream().anyMatch(f -> f.id().equals("longitude"));
    }
}
