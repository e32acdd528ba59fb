package org.onestop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;

/**
 * A viewer that stops reading must meet its bounded outbox, not hide its backlog in kernel buffers:
 * left to autotuning, a socket's send buffer grows to megabytes and a stalled viewer would take
 * thousands of small events before anything on the server noticed.
 */
@PortalTest
class StalledViewerTests {

    private static final int EVENTS = 1500;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    LivePublisher live;

    @Test
    void viewerThatStopsReadingIsClosedAtItsOutboxLongBeforeSmallEventsFillKernelBuffers() throws Exception {
        long userId = TestAccounts.citizen(app, "stalled_raw");
        String topic = UserTopicPolicy.topicOf(userId);
        PortalClient me = new PortalClient(port).login("stalled_raw", TestAccounts.PASSWORD);
        String cookies = me.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
        try (RawSocket viewer = RawSocket.open(port, cookies, 4096)) {
            viewer.sendText("{\"op\":\"join\",\"topic\":\"" + topic + "\",\"ref\":\"1\"}");
            RawSocket.Frame reply;
            while ((reply = viewer.read()).opcode() > 0 && !reply.text().contains("\"snapshot\"")) {
                // the join reply comes first
            }
            assertThat(reply.text()).as("the join's snapshot").contains("\"snapshot\"");
            // From here on the viewer reads nothing while about 600 KB of small events go out.
            String pad = "x".repeat(350);
            Flux.range(0, EVENTS)
                    .concatMap(i -> live.write(e -> e.append(topic, "notification", Map.of("n", i, "pad", pad))))
                    .blockLast(Duration.ofSeconds(90));

            int events = 0;
            RawSocket.Frame frame;
            // Until the close frame, or the end of the connection without one (opcode -1, -2: the assertion below fails).
            while ((frame = viewer.read()).opcode() != RawSocket.CLOSE && frame.opcode() > 0) {
                if (frame.opcode() == RawSocket.TEXT && frame.text().contains("\"notification\"")) {
                    events++;
                }
            }
            assertThat(frame.closeCode()).as("closed as a slow consumer").isEqualTo(4008);
            assertThat(events).as("cut off at the outbox, not after every event").isLessThan(EVENTS);
        }
    }
}
