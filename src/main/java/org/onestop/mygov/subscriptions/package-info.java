/**
 * Subscriptions to updates (new records of a type, departments' and categories' disclosure
 * documents, datasets, departments' live sessions), and their delivery: a scanner finds new items
 * in each source, tells immediate subscribers on their user topic, and sums up the others in daily
 * or weekly digests.
 */
package org.onestop.mygov.subscriptions;
