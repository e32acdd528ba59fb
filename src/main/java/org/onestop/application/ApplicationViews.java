package org.onestop.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON bodies of the applications API. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    record Summary(long id, String number, String serviceCode, String serviceName, String departmentName, String status,
            Instant submittedAt, Instant updatedAt, LocalDate dueDate, boolean overdue) {
    }

    record MaterialView(long id, String materialCode, String fileName, long size, String contentType, Instant uploadedAt) {
    }

    record TimelineEntry(String status, Instant at, String actor, String note) {
    }

    record Detail(long id, String number, String serviceCode, String serviceName, String departmentName, String status,
            Instant submittedAt, Instant updatedAt, LocalDate dueDate, boolean overdue, int formVersion,
            JsonNode definition, JsonNode data, List<MaterialView> materials, List<TimelineEntry> timeline,
            JsonNode missing, List<String> allowedActions, boolean resultAvailable, boolean enterprise) {
    }

    record Receipt(String number, String serviceName, String departmentName, Instant submittedAt, String applicant,
            List<MaterialView> materials, LocalDate dueDate) {
    }

    /** Body of create: the service, and the enterprise to file for when the caller is its colleague. */
    record NewRequest(String serviceCode, Long enterpriseId) {
    }

    record DataRequest(JsonNode data) {
    }

    /** Body of the review actions; which parts are used depends on the action. */
    record ReviewRequest(String note, String reason, List<Missing> missing) {
    }

    record Missing(String kind, String code, String note) {
    }
}
