package org.onestop.opendata;

import java.util.List;
import java.util.Map;

/** One page of matching datasets, the total, counts per facet value over all matches, and their publishers by code. */
public record CatalogueResult(long total, List<Dataset> datasets, Map<Facet, Map<String, Long>> facets,
        Map<String, Dataset.Publisher> publishers) {
}
