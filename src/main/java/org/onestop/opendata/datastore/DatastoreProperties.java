package org.onestop.opendata.datastore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param statementTimeout the longest a datastore query may run in PostgreSQL before it is
 *     cancelled: a full-text {@code q} over millions of rows reads them all, and one caller must not
 *     hold a connection (and a core) for minutes
 */
@ConfigurationProperties("onestop.opendata.datastore")
public record DatastoreProperties(@DefaultValue("5s") Duration statementTimeout) {
}
