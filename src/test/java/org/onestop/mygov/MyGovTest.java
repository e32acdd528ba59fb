package org.onestop.mygov;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.onestop.PortalTest;
import org.onestop.mailbox.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * A My Government test of the whole running portal ({@link PortalTest}) whose clock the test
 * controls ({@link TestClock}) and whose subscription scanner runs only when the test says.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PortalTest
@Import(MyGovTest.Clock.class)
@TestPropertySource(properties = "onestop.mygov.scan.interval=0")
public @interface MyGovTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clock {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
