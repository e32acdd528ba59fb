package org.onestop.mygov.subscriptions;

import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * A stream of new items subscribers may follow, read by the scanner from a persisted position:
 * disclosure documents, scheduled live sessions, and (once open data exists) datasets. A feature
 * adds a source by declaring a bean of this type; its kinds then become available to subscribe.
 */
public interface UpdateSource {

    /** The source's name, the key of its scanner position and of its items' deliveries. */
    String name();

    /** The subscription kinds its items match. */
    Set<TargetKind> kinds();

    /** Whether the target names something this source reports on (a department that exists...). */
    Mono<Boolean> knows(TargetKind kind, String target);

    /** The newest position now: where a scanner that never ran starts, so old items are not news. */
    Mono<Long> latest();

    /** Up to {@code limit} items after {@code position}, in order, and the position after them. */
    Mono<Batch> after(long position, int limit);

    /** Items found and the position after the last of them (unchanged when there are none). */
    record Batch(List<Found> items, long position) {
    }

    /** One new item: a key unique within the source, what to tell, where to look, and whom it concerns. */
    record Found(String key, String title, String link, List<Target> targets) {
    }

    /** A subscription target an item matches. */
    record Target(TargetKind kind, String value) {
    }
}
