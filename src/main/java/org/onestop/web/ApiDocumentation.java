package org.onestop.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the OpenAPI document served at /v3/api-docs (and shown by /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI oneStopApi() {
        return new OpenAPI().info(new Info()
                .title("OneStop (一站通) portal API")
                .version("v1")
                .description("JSON over HTTP with a cookie session. Writes need the XSRF-TOKEN cookie echoed in the "
                        + "X-XSRF-TOKEN header (GET /api/auth/csrf issues it). Errors are RFC 9457 "
                        + "application/problem+json in Chinese or English by Accept-Language. The live stream "
                        + "(WebSocket /ws, SSE /api/live/events) follows live-protocol.md."));
    }
}
