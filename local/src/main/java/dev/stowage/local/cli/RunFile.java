package dev.stowage.local.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a running {@code stowage up} tells the other commands about itself ({@link RunFiles}): which process it is,
 * where it listens and where it writes.
 *
 * @param pid the process
 * @param processStart when that process started, to tell it from a later process given the same id; null when the
 *     system does not say
 * @param url where it listens, {@code http://127.0.0.1:<port>}
 * @param region the region clients sign for
 * @param dataDir its data dir, or null when in memory
 * @param logFile the file its own logs go to, or null when they go to its terminal
 */
record RunFile(
        long pid,
        @Nullable Instant processStart,
        URI url,
        String region,
        @Nullable String dataDir,
        @Nullable String logFile) {

    /** This process, listening at {@code url}. */
    static RunFile ofThisProcess(URI url, String region, @Nullable Path dataDir, @Nullable Path logFile) {
        ProcessHandle self = ProcessHandle.current();
        return new RunFile(
                self.pid(),
                self.info().startInstant().orElse(null),
                url,
                region,
                dataDir == null ? null : dataDir.toString(),
                logFile == null ? null : logFile.toString());
    }

    /** Whether the process that wrote it still runs: its id is alive and, where the system says, started then. */
    boolean alive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return processStart == null
                || started.isEmpty()
                || Math.abs(started.get().toEpochMilli() - processStart.toEpochMilli()) < 1000;
    }

    /** The file's name in the run folder: a process (a test) may run several. */
    String fileName() {
        return pid + "-" + url.getPort() + ".json";
    }
}
