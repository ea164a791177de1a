package dev.stowage.host.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The log of one copy: a file ({@code <logs dir>/<ic>/<copyId>.log}, DESIGN §6.5) that the host, in-process
 * runtimes and child processes append to. Lines written through {@link #line} carry a timestamp from the clock.
 * Safe for concurrent use.
 */
public final class CopyLog {
    /** A log past this size moves aside to {@code <file>.1} (replacing the one before), so a chatty copy cannot fill the disk. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final Clock clock;
    private final long maxBytes;
    private long written;

    private CopyLog(Path file, Clock clock, long maxBytes) {
        this.file = file;
        this.clock = clock;
        this.maxBytes = maxBytes;
        try {
            this.written = Files.size(file);
        } catch (IOException e) {
            this.written = 0;
        }
    }

    /** Opens (creating folders and file) the log at {@code file}; existing content is kept. */
    public static CopyLog open(Path file, Clock clock) {
        return open(file, clock, MAX_BYTES);
    }

    /** The same, moving the log aside past {@code maxBytes}. */
    static CopyLog open(Path file, Clock clock, long maxBytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the copy log " + file, e);
        }
        return new CopyLog(file, clock, maxBytes);
    }

    public Path file() {
        return file;
    }

    /** Appends one line; a failure to write is not the copy's failure, so it is ignored. */
    public synchronized void line(String text) {
        byte[] bytes = (clock.instant() + " " + text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        try {
            if (written + bytes.length > maxBytes) {
                rotate(bytes.length);
            }
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written += bytes.length;
        } catch (IOException ignored) {
            // The log is best effort; the copy's report carries the reason anyway.
        }
    }

    /** Moves a full log aside, unless what is in it (a child process writes there too) is still under the bound. */
    private void rotate(int incoming) throws IOException {
        written = Files.exists(file) ? Files.size(file) : 0;
        if (written + incoming > maxBytes && written > 0) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            written = 0;
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
