package org.onestop.opendata.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.test.StepVerifier;

/**
 * A datastore query that runs longer than the statement timeout is cancelled by PostgreSQL and
 * refused as CKAN refuses it; the timeout is local to the query's transaction, so the pooled
 * connection runs the next statement without it.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatastoreTimeoutTests {

    private static final List<DatastoreField> FIELDS = List.of(new DatastoreField("district", FieldType.TEXT, "区县"),
            new DatastoreField("note", FieldType.TEXT, "备注"), new DatastoreField("n", FieldType.INT, "序号"));

    @Autowired
    ApplicationContext app;

    private String table;

    @BeforeAll
    void createLargeTable() {
        DatabaseClient db = app.getBean(DatabaseClient.class);
        table = app.getBean(DatastoreTables.class).create(FIELDS).block(Duration.ofSeconds(30));
        db.sql("INSERT INTO " + DatastoreTables.qualified(table) + " (district, note, n) "
                + "SELECT '市南区', md5(g::text) || '登记记录', g FROM generate_series(1, 300000) g").then().block(Duration.ofMinutes(2));
    }

    @Test
    void fullTextScanBeyondTheTimeoutIsRefusedAsQueryTookTooLong() {
        Datastore hurried = new Datastore(app.getBean(DatabaseClient.class), app.getBean(TransactionalOperator.class),
                new DatastoreProperties(Duration.ofMillis(1)));
        StepVerifier.create(hurried.search(table, FIELDS, request("不存在的词", true)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DatastoreInvalid.class);
                    assertThat(((DatastoreInvalid) e).issues()).singleElement()
                            .satisfies(i -> assertThat(i.code()).isEqualTo("opendata_query_timeout"))
                            .satisfies(i -> assertThat(i.message()).isEqualTo("Query took too long"));
                })
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void sameQueryWithinTheConfiguredTimeoutAnswersAndLeavesNoTimeoutOnTheConnection() {
        Datastore datastore = app.getBean(Datastore.class);
        DatastoreResult result = datastore.search(table, FIELDS, request("登记记录", true)).block(Duration.ofSeconds(60));
        assertThat(result.total()).isEqualTo(300_000);
        assertThat(result.rows().collectList().block(Duration.ofSeconds(30))).hasSize(10);
        String setting = app.getBean(DatabaseClient.class).sql("SHOW statement_timeout").map(r -> r.get(0, String.class)).one()
                .block(Duration.ofSeconds(5));
        assertThat(setting).isEqualTo("0");
    }

    private static DatastoreRequest request(String q, boolean total) {
        return new DatastoreRequest(Map.of(), q, List.of(), null, "10", null, total);
    }
}
