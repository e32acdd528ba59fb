package org.onestop.disclosure.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.onestop.mailbox.MailboxTest;

/**
 * A disclosure-request test of the whole running portal with a clock the test controls. It is
 * the mailbox tests' configuration, so both share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MailboxTest
@interface RequestTest {
}
