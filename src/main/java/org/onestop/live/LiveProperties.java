package org.onestop.live;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream.
 *
 * @param pingInterval how often the server pings each WebSocket; two missed pongs close it
 * @param outboxCapacity frames a viewer may have waiting before it is closed as a slow consumer
 * @param pollInterval how often each node checks the event log for events Redis did not bring
 * @param coalesceInterval the shortest time between two coalesced frames (votes) of a topic
 * @param viewerInterval how often viewer counts are exchanged between nodes
 * @param maxFramesPerMinute client frames one socket may send per minute before 4029
 * @param maxTopicsPerSocket topics one socket may have joined at once
 * @param allowedOrigins origins besides the portal's own that may open a WebSocket
 * @param socketSendBuffer the kernel send buffer of each WebSocket ({@code SO_SNDBUF}). Left to
 *     the kernel it grows to megabytes for a viewer that stops reading, so the backlog of a stalled
 *     viewer would sit in kernel memory, out of sight of its outbox, for thousands of events; a small
 *     fixed buffer makes the bounded outbox see the stall and close the viewer (4008)
 */
@ConfigurationProperties("onestop.live")
public record LiveProperties(
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("1024") int outboxCapacity,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("250ms") Duration coalesceInterval,
        @DefaultValue("1s") Duration viewerInterval,
        @DefaultValue("120") int maxFramesPerMinute,
        @DefaultValue("20") int maxTopicsPerSocket,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("64KB") DataSize socketSendBuffer) {
}
