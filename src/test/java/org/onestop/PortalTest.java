package org.onestop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole running portal over real HTTP, on the embedded PostgreSQL and Redis that
 * the suite starts once per JVM. Every test class starts from empty user data (see
 * {@link IsolatedData}); reference data seeded by migrations stays.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onestop.demo.enabled=false",
        "onestop.embedded.data-dir=target/embedded-test",
        "onestop.embedded.clean=true",
        // Uploaded files go to the build folder, never to the project's data folder.
        "onestop.storage.dir=target/test-files",
        // A small outbox makes a stalled viewer overflow quickly; a short poll makes catch-up quick.
        "onestop.live.outbox-capacity=128",
        "onestop.live.poll-interval=500ms",
        // Tests run the overdue scan themselves; a timer firing mid-suite would alert officials at random.
        "onestop.opendata.overdue-scan-interval=0"})
@ExtendWith(IsolatedData.class)
public @interface PortalTest {
}
