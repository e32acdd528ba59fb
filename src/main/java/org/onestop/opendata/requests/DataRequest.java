package org.onestop.opendata.requests;

import java.time.Instant;

/** A dataset request as stored. */
record DataRequest(long id, long userId, long departmentId, String departmentName, String title, String description,
        String status, String answer, String datasetName, Instant createdAt, Instant answeredAt) {
}
