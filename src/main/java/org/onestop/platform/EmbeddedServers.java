package org.onestop.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The embedded PostgreSQL and Redis servers of this JVM, one pair per data folder.
 *
 * <p>Several application contexts may run in one JVM (the test suite's cached contexts, two
 * "nodes" in a scale-out test), so servers are reference-counted: the first context using a
 * data folder starts its servers, the last one to close stops them. A JVM shutdown hook stops
 * whatever is still running, so no server outlives the JVM.
 */
public final class EmbeddedServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final Map<Path, Pair> running = new HashMap<>();
    private static int starts;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopAll, "embedded-servers-stop"));
    }

    private EmbeddedServers() {
    }

    /** Where a started PostgreSQL and Redis listen; -1 for a server that was not asked for. */
    public record Endpoints(int postgresPort, int redisPort) {
    }

    /**
     * Starts (or shares) the servers for {@code dataFolder}. Blocking by nature: it runs once per
     * context at start-up, before any connection is made.
     */
    public static synchronized Endpoints acquire(Path dataFolder, boolean postgres, boolean redis, boolean clean) {
        Path key = dataFolder.toAbsolutePath().normalize();
        Pair pair = running.get(key);
        if (pair == null) {
            pair = new Pair(key);
            running.put(key, pair);
        }
        if (postgres && pair.postgres == null) {
            pair.postgres = startPostgres(key.resolve("postgres"), clean);
            starts++;
        }
        if (redis && pair.redis == null) {
            pair.redisPort = freePort();
            pair.redis = startRedis(key.resolve("redis"), pair.redisPort, clean);
            starts++;
        }
        pair.users++;
        return new Endpoints(pair.postgres == null ? -1 : pair.postgres.getPort(), pair.redis == null ? -1 : pair.redisPort);
    }

    /** Releases one use of the folder's servers, stopping them when no context uses them any more. */
    public static synchronized void release(Path dataFolder) {
        Path key = dataFolder.toAbsolutePath().normalize();
        Pair pair = running.get(key);
        if (pair != null && --pair.users <= 0) {
            running.remove(key);
            pair.stop();
        }
    }

    /** How many servers this JVM has started so far; lets tests prove that none was started. */
    public static synchronized int startCount() {
        return starts;
    }

    /** Whether servers for the folder are running now. */
    public static synchronized boolean isRunning(Path dataFolder) {
        return running.containsKey(dataFolder.toAbsolutePath().normalize());
    }

    private static synchronized void stopAll() {
        running.values().forEach(Pair::stop);
        running.clear();
    }

    private static EmbeddedPostgres startPostgres(Path folder, boolean clean) {
        try {
            Files.createDirectories(folder);
            log.info("Starting embedded PostgreSQL with data in {}", folder);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(clean)
                    // Chinese text everywhere: the cluster must be UTF-8 whatever the host locale is.
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + folder, e);
        }
    }

    private static RedisServer startRedis(Path folder, int port, boolean clean) {
        try {
            if (clean && Files.exists(folder)) {
                try (var files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(folder);
            log.info("Starting embedded Redis on port {} with data in {}", port, folder);
            RedisServer server = RedisServer.builder()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + folder)
                    // Append-only file so sessions and rate-limit state survive a restart.
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .setting("maxmemory 512mb")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start in " + folder, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for embedded Redis", e);
        }
    }

    private static final class Pair {
        final Path folder;
        EmbeddedPostgres postgres;
        RedisServer redis;
        int redisPort;
        int users;

        Pair(Path folder) {
            this.folder = folder;
        }

        void stop() {
            log.info("Stopping embedded servers of {}", folder);
            try {
                if (redis != null) {
                    redis.stop();
                }
            } catch (RuntimeException e) {
                log.warn("Embedded Redis did not stop cleanly", e);
            }
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
