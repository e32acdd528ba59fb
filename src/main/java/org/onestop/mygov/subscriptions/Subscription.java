package org.onestop.mygov.subscriptions;

import java.time.Instant;

/** A person's subscription as stored and as shown to them. */
record Subscription(long id, String kind, String target, String frequency, Instant createdAt) {
}
