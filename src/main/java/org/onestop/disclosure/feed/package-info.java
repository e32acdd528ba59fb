/**
 * Atom feeds (RFC 4287) of published disclosure documents, per department and per category.
 * Feeds serve feed readers and other sites; people signed in follow departments and categories
 * through "My Government" subscriptions, which notify them of new documents themselves.
 * Beans are named explicitly ({@code disclosureFeed…}) so they cannot clash with other features' names.
 */
package org.onestop.disclosure.feed;
