package org.onestop.mailbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.onestop.PortalTest;
import org.springframework.context.annotation.Import;

/**
 * A mailbox test of the whole running portal ({@link PortalTest}) whose clock the test controls
 * ({@link TestClock}). All mailbox tests share this one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PortalTest
@Import(TestClock.Configuration.class)
public @interface MailboxTest {
}
