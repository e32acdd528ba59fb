package org.onestop.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.onestop.OneStopApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import redis.embedded.RedisServer;

/**
 * A PostgreSQL and a Redis that a fault test owns and may stop and restart at will, on fixed ports
 * and data folders of their own, apart from the pair the rest of the suite shares. Portal nodes
 * started here are pointed at them by URL, so they start no embedded server of their own.
 */
public final class FaultServers implements AutoCloseable {

    private final Path folder;
    private final int postgresPort = freePort();
    private final int redisPort = freePort();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private RedisServer redis;

    public FaultServers(String name) {
        try {
            this.folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "faults-" + name + "-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startPostgres();
        startRedis();
    }

    public void startPostgres() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(postgresPort)
                    .setDataDirectory(folder.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops PostgreSQL the way an operator's restart does: open sessions are cut, their transactions rolled back. */
    public void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void startRedis() {
        try {
            Path dir = Files.createDirectories(folder.resolve("redis"));
            redis = RedisServer.builder().port(redisPort).bind("127.0.0.1")
                    .setting("dir " + dir).setting("appendonly yes").setting("save \"\"").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stopRedis() {
        redis.stop();
    }

    /** Starts a portal node on these servers; extra settings are given as "name=value". */
    public ConfigurableApplicationContext node(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--onestop.demo.enabled=false",
                "--onestop.storage.dir=" + folder.resolve("files"),
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:" + postgresPort + "/postgres",
                "--spring.r2dbc.username=postgres",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        ConfigurableApplicationContext node = new SpringApplicationBuilder(OneStopApplication.class, OwnNettyResources.class)
                .run(args.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Override
    public void close() throws IOException {
        for (ConfigurableApplicationContext node : nodes) {
            node.close();
        }
        try {
            redis.stop();
        } catch (RuntimeException ignored) {
            // Already stopped by the test.
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // Already stopped by the test.
        }
    }

    /**
     * Each node its own Netty event loops. By default every context of a JVM shares Reactor Netty's
     * global ones and the first context to close disposes them, taking every other node's server
     * (and the rest of the suite's) down with it; a node stopped here must die alone.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
