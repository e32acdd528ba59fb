package org.onestop.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Coordination of the probe processes of one run ({@code -Dshard=k/m}) through small files in
 * {@code <fanout.dir>/shards/}; the processes run on one machine anyway (they share the server's
 * clock). Each file names the process that wrote it, and counts only while that process lives,
 * so files left by a killed run are ignored.
 *
 * <ul>
 *   <li>Process k connects only after process k − 1 is ready, so each measures the server's memory
 *       with its own viewers only; it then writes {@code ready-k-of-m}.</li>
 *   <li>Process 0 drives the events (or starts the idle hold) once every process is ready, and
 *       writes {@code posted-of-m} with the number of events sent and when the first was sent.</li>
 *   <li>Processes k > 0 wait for that file, then for their stragglers as usual.</li>
 * </ul>
 */
final class Shards {

    private final int index;
    private final int count;
    private final Path dir;
    private final long pid = ProcessHandle.current().pid();

    Shards(ProbeOptions options) {
        this.index = options.shard;
        this.count = options.shards;
        this.dir = options.outputDir.resolve("shards");
    }

    boolean active() {
        return count > 1;
    }

    /** Waits until process k − 1 has joined all its viewers (nothing to wait for as process 0). */
    void awaitPrevious(Duration limit) throws Exception {
        if (active() && index > 0) {
            await(ready(index - 1), limit);
        }
    }

    /** Waits until every other process has joined all its viewers. */
    void awaitAll(Duration limit) throws Exception {
        for (int k = 0; active() && k < count; k++) {
            if (k != index) {
                await(ready(k), limit);
            }
        }
    }

    void markReady() throws IOException {
        if (active()) {
            write(ready(index), new Properties());
        }
    }

    void markPosted(int posted, long firstPostEpochMillis) throws IOException {
        if (active()) {
            Properties p = new Properties();
            p.setProperty("posted", Integer.toString(posted));
            p.setProperty("firstPostEpochMillis", Long.toString(firstPostEpochMillis));
            write(posted(), p);
        }
    }

    /** Waits for process 0's {@code posted} file: the number of events sent and when the first was. */
    long[] awaitPosted(Duration limit) throws Exception {
        Properties p = await(posted(), limit);
        return new long[] {Long.parseLong(p.getProperty("posted")), Long.parseLong(p.getProperty("firstPostEpochMillis"))};
    }

    /** Removes this process's files (at the end, and before it starts). */
    void cleanUp() {
        try {
            Files.deleteIfExists(ready(index));
            if (index == 0) {
                Files.deleteIfExists(posted());
            }
        } catch (IOException e) {
            System.err.println("probe: cannot remove shard files: " + e);
        }
    }

    private Path ready(int k) {
        return dir.resolve("ready-" + k + "-of-" + count);
    }

    private Path posted() {
        return dir.resolve("posted-of-" + count);
    }

    private void write(Path file, Properties p) throws IOException {
        Files.createDirectories(dir);
        p.setProperty("pid", Long.toString(pid));
        Path tmp = dir.resolve(file.getFileName() + ".tmp" + pid);
        try (var out = Files.newOutputStream(tmp)) {
            p.store(out, null);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Properties await(Path file, Duration limit) throws Exception {
        System.err.println("probe: shard " + index + "/" + count + " waits for " + file.getFileName());
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(file)) {
                    p.load(in);
                } catch (IOException e) {
                    p.clear(); // removed between the two calls
                }
                String writer = p.getProperty("pid");
                if (writer != null && ProcessHandle.of(Long.parseLong(writer)).map(ProcessHandle::isAlive).orElse(false)) {
                    return p;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("shard " + index + "/" + count + ": " + file.getFileName() + " did not appear within "
                + limit.toSeconds() + " s");
    }
}
