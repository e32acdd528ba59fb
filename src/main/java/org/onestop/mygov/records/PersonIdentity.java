package org.onestop.mygov.records;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The verified resident ID number of a signed-in citizen, the key department systems know people
 * by. It is read from the account itself, never taken from a request. The account feature offers
 * no public method for it yet, hence this one read of its table.
 */
@Component
class PersonIdentity {

    private final DatabaseClient db;

    PersonIdentity(DatabaseClient db) {
        this.db = db;
    }

    /** The ID number, or empty for accounts that are not enabled citizens (staff, enterprises). */
    Mono<String> idNumber(long userId) {
        return db.sql("SELECT id_number FROM app_user WHERE id = :id AND kind = 'citizen' AND enabled AND id_number IS NOT NULL")
                .bind("id", userId)
                .map(row -> row.get(0, String.class))
                .one();
    }
}
