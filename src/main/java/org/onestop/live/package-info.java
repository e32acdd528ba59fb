/**
 * The topic hub: the durable per-topic event log, the Redis relay between nodes, and the
 * WebSocket and SSE endpoints. It knows nothing of inquiry; features publish events to topics
 * and describe their topics through {@link org.onestop.live.TopicPolicy}.
 */
package org.onestop.live;
