package org.onestop.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.ReactiveSessionRepository;

/** Puts {@link SessionFallback} in front of the session repository that Spring Session configures. */
@Configuration(proxyBeanMethods = false)
class SessionFallbackConfiguration {

    /** Sessions remembered per node for a Redis outage; a few hundred bytes each. */
    private static final int REMEMBERED_SESSIONS = 20_000;

    @Bean
    static BeanPostProcessor sessionFallback() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ReactiveSessionRepository<?> sessions && !(bean instanceof SessionFallback<?>)
                        ? new SessionFallback<>(sessions, REMEMBERED_SESSIONS) : bean;
            }
        };
    }
}
