package org.onestop.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the app at real embedded servers when no database or Redis URL is configured.
 *
 * <p>It runs while the environment is prepared, before any bean exists, so the servers are up
 * before the first connection is attempted. The properties it adds sit last in precedence: a
 * configured URL always wins, and then nothing embedded is started. It also derives Flyway's JDBC
 * URL from a configured R2DBC URL, so operators configure the database once.
 */
public class EmbeddedServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "onestopEmbeddedServers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        boolean enabled = env.getProperty("onestop.embedded.enabled", Boolean.class, true);
        boolean needPostgres = enabled && !env.containsProperty("spring.r2dbc.url");
        boolean needRedis = enabled && !env.containsProperty("spring.data.redis.url")
                && !env.containsProperty("spring.data.redis.host");
        if (!needPostgres) {
            deriveFlywayFromR2dbc(env, props);
        }
        if (needPostgres || needRedis) {
            Path folder = Path.of(env.getProperty("onestop.embedded.data-dir", ".onestop-data"));
            boolean clean = env.getProperty("onestop.embedded.clean", Boolean.class, false);
            EmbeddedServers.Endpoints endpoints = EmbeddedServers.acquire(folder, needPostgres, needRedis, clean);
            application.addListeners(new Release(folder));
            if (needPostgres) {
                String hostPort = "localhost:" + endpoints.postgresPort() + "/postgres";
                props.put("spring.r2dbc.url", "r2dbc:postgresql://" + hostPort);
                props.put("spring.r2dbc.username", "postgres");
                props.put("spring.r2dbc.password", "");
                props.put("spring.flyway.url", "jdbc:postgresql://" + hostPort);
                props.put("spring.flyway.user", "postgres");
                props.put("spring.flyway.password", "");
                props.put("onestop.embedded.postgres-port", endpoints.postgresPort());
            }
            if (needRedis) {
                props.put("spring.data.redis.host", "127.0.0.1");
                props.put("spring.data.redis.port", endpoints.redisPort());
                props.put("onestop.embedded.redis-port", endpoints.redisPort());
            }
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, props));
        }
    }

    private static void deriveFlywayFromR2dbc(ConfigurableEnvironment env, Map<String, Object> props) {
        String r2dbc = env.getProperty("spring.r2dbc.url");
        if (r2dbc == null || env.containsProperty("spring.flyway.url")) {
            return;
        }
        props.put("spring.flyway.url", r2dbc.replaceFirst("^r2dbc:(pool:)?", "jdbc:"));
        String user = env.getProperty("spring.r2dbc.username");
        if (user != null) {
            props.put("spring.flyway.user", user);
            props.put("spring.flyway.password", env.getProperty("spring.r2dbc.password", ""));
        }
    }

    @Override
    public int getOrder() {
        // After config files and test properties are loaded, so configured URLs are visible.
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Gives the servers back when the context that took them closes or fails to start. */
    private static final class Release implements ApplicationListener<ApplicationEvent> {
        private final Path folder;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile ApplicationContext context;

        Release(Path folder) {
            this.folder = folder;
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationPreparedEvent prepared) {
                context = prepared.getApplicationContext();
            } else if (event instanceof ApplicationFailedEvent
                    // Child contexts' close events reach this one too; only our own counts.
                    || (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context)) {
                if (released.compareAndSet(false, true)) {
                    EmbeddedServers.release(folder);
                }
            }
        }
    }
}
