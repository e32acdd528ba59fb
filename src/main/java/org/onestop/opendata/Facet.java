package org.onestop.opendata;

import java.util.List;

/** The dimensions the catalogue can be filtered and counted by. */
public enum Facet {
    THEME, DEPARTMENT, FORMAT, LICENCE, TAG;

    /** The dataset's values in this dimension (a dataset has several formats and tags). */
    public List<String> values(Dataset d) {
        return switch (this) {
            case THEME -> List.of(d.theme().code());
            case DEPARTMENT -> List.of(d.publisher().code());
            case FORMAT -> d.resources().stream().map(r -> r.format().name()).distinct().toList();
            case LICENCE -> List.of(d.licence().code());
            case TAG -> d.keywords();
        };
    }
}
