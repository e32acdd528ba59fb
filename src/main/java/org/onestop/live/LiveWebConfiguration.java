package org.onestop.live;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveWebConfiguration {

    /** {@code /ws} goes to {@link LiveSocketRoute} before WebFlux sees the request. */
    @Bean
    NettyRouteProvider liveSocketRouteProvider(LiveSocketRoute route) {
        return routes -> routes.get("/ws", route::handle);
    }
}
