package org.onestop.mygov.subscriptions;

/**
 * The body of creating a subscription ({@code kind}, {@code target}, {@code frequency}) or of
 * changing one (only {@code frequency} is read). Strings, so a wrong value gets a field problem.
 */
record SubscriptionRequest(String kind, String target, String frequency) {
}
