/**
 * Subscriptions to updates (new records of a type, departments' and categories' disclosure
 * documents, datasets, departments' live sessions), and their delivery: a scanner finds new items
 * in each source, tells immediate subscribers on their user topic, and sums up the others in daily
 * or weekly digests. Each source is an {@link org.onestop.mygov.subscriptions.UpdateSource} bean
 * declared by the feature that owns its items (inquiry sessions, disclosure documents).
 */
package org.onestop.mygov.subscriptions;
