package org.onestop.disclosure.request;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The yearly figures in SQL, per department and in total (one grouping-sets query). A request is
 * received in the year of its city date of receipt; carried over when received before the year
 * and not replied before it began; replied, by outcome, and on time (replied on or before the due
 * day in force) in the year of its reply; extended in the year the extension was granted; carried
 * forward when received by the year's end and not replied by then.
 */
@Repository("disclosureRequestFiguresStore")
class FiguresStore {

    record Counts(Long departmentId, long received, long carriedOver, long replied, long disclosed,
            long partiallyDisclosed, long notHeld, long refused, long onTime, BigDecimal onTimeRate, long extended,
            long carriedForward) {
    }

    record GroundCount(String ground, long count) {
    }

    private static final String FILTER = " WHERE (CAST(:department AS bigint) IS NULL OR department_id = :department)";

    private final DatabaseClient db;

    FiguresStore(DatabaseClient db) {
        this.db = db;
    }

    /** One row per department with any figure, then the total row (department null). */
    Flux<Counts> counts(LocalDate first, LocalDate last, Long department) {
        var spec = db.sql("""
                WITH f AS (
                    SELECT department_id,
                           count(*) FILTER (WHERE received_on BETWEEN :first AND :last) AS received,
                           count(*) FILTER (WHERE received_on < :first AND (replied_on IS NULL OR replied_on >= :first)) AS carried_over,
                           count(*) FILTER (WHERE replied_on BETWEEN :first AND :last) AS replied,
                           count(*) FILTER (WHERE replied_on BETWEEN :first AND :last AND outcome = 'disclosed') AS disclosed,
                           count(*) FILTER (WHERE replied_on BETWEEN :first AND :last AND outcome = 'partially_disclosed') AS partial,
                           count(*) FILTER (WHERE replied_on BETWEEN :first AND :last AND outcome = 'not_held') AS not_held,
                           count(*) FILTER (WHERE replied_on BETWEEN :first AND :last AND outcome = 'refused') AS refused,
                           count(*) FILTER (WHERE replied_on BETWEEN :first AND :last AND replied_on <= effective_due_on) AS on_time,
                           count(*) FILTER (WHERE extended_on BETWEEN :first AND :last) AS extended,
                           count(*) FILTER (WHERE received_on <= :last AND (replied_on IS NULL OR replied_on > :last)) AS carried_forward,
                           GROUPING(department_id) AS is_total
                    FROM disclosure_request""" + FILTER + """
                      AND received_on <= :last AND (replied_on IS NULL OR replied_on >= :first OR extended_on >= :first)
                    GROUP BY GROUPING SETS ((department_id), ()))
                SELECT f.*, round(on_time::numeric / nullif(replied, 0), 4) AS on_time_rate FROM f
                ORDER BY is_total, department_id""")
                .bind("first", first).bind("last", last);
        return department(spec, department).map(FiguresStore::counts).all();
    }

    /** Refusals replied in the year, by legal ground. */
    Flux<GroundCount> refusedByGround(LocalDate first, LocalDate last, Long department) {
        var spec = db.sql("SELECT legal_ground, count(*) AS n FROM disclosure_request" + FILTER + """
                  AND outcome = 'refused' AND replied_on BETWEEN :first AND :last
                GROUP BY legal_ground ORDER BY legal_ground""").bind("first", first).bind("last", last);
        return department(spec, department)
                .map(r -> new GroundCount(r.get("legal_ground", String.class), r.get("n", Long.class))).all();
    }

    private static DatabaseClient.GenericExecuteSpec department(DatabaseClient.GenericExecuteSpec spec, Long department) {
        return department == null ? spec.bindNull("department", Long.class) : spec.bind("department", department);
    }

    private static Counts counts(Readable r) {
        boolean total = r.get("is_total", Integer.class) == 1;
        return new Counts(total ? null : r.get("department_id", Long.class), n(r, "received"), n(r, "carried_over"),
                n(r, "replied"), n(r, "disclosed"), n(r, "partial"), n(r, "not_held"), n(r, "refused"), n(r, "on_time"),
                r.get("on_time_rate", BigDecimal.class), n(r, "extended"), n(r, "carried_forward"));
    }

    private static long n(Readable r, String column) {
        Long value = r.get(column, Long.class);
        return value == null ? 0 : value;
    }
}
