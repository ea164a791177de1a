package dev.stowage.host.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The log of one copy: a file ({@code <logs dir>/<ic>/<copyId>.log}, DESIGN §6.5) that the host, in-process
 * runtimes and child processes append to. Lines written through {@link #line} carry a timestamp from the clock.
 * Safe for concurrent use.
 */
public final class CopyLog {
    private final Path file;
    private final Clock clock;

    private CopyLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Opens (creating folders and file) the log at {@code file}; existing content is kept. */
    public static CopyLog open(Path file, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the copy log " + file, e);
        }
        return new CopyLog(file, clock);
    }

    public Path file() {
        return file;
    }

    /** Appends one line; a failure to write is not the copy's failure, so it is ignored. */
    public synchronized void line(String text) {
        try {
            Files.writeString(
                    file,
                    clock.instant() + " " + text + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The log is best effort; the copy's report carries the reason anyway.
        }
    }

    /** The last lines of the log: at most {@code maxLines} lines and {@code maxChars} characters. */
    public String tail(int maxLines, int maxChars) {
        return LogTail.of(file, maxLines, maxChars);
    }

    /** The tail a failure report carries: the last 50 lines, at most 4 KiB. */
    public String tail() {
        return tail(50, 4096);
    }
}
