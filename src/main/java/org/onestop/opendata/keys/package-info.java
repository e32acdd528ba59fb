/**
 * API keys of open data users: creating, naming and revoking keys, per-key quotas in Redis token
 * buckets shared by every node, and usage counted per key and day.
 */
package org.onestop.opendata.keys;
