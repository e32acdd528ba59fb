package org.onestop.live;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Leaves the live SSE stream out of HTTP request observations. It lasts as long as the viewer
 * watches, so its "duration" measures nothing, while its observation and context maps stay in
 * memory for every connected viewer. (The WebSocket is served before WebFlux by LiveSocketRoute,
 * so request observations never see it.)
 */
@Configuration(proxyBeanMethods = false)
class StreamObservations {

    @Bean
    ObservationPredicate noObservationOfLiveStreams() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && isStream(request.getCarrier().getPath().pathWithinApplication().value()));
    }

    static boolean isStream(String path) {
        return path.equals("/api/live/events");
    }
}
