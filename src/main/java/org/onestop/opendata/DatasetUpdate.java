package org.onestop.opendata;

import java.time.Instant;

/** One entry of a dataset's update history. */
public record DatasetUpdate(Instant at, String summary) {
}
