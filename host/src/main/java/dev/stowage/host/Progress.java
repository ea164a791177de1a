package dev.stowage.host;

import dev.stowage.host.runtime.CopyLog;
import java.util.function.Consumer;

/**
 * How far a copy's start has come ({@code pulling <image>: 312 of 1,840 MiB}): written to the copy's log at most every
 * {@value #EVERY_MILLIS} ms, and the last word kept for whoever asks.
 */
final class Progress implements Consumer<String> {
    static final long EVERY_MILLIS = 2000;

    private final CopyLog log;
    private long lastLogged = Long.MIN_VALUE;
    private volatile String last = "";

    Progress(CopyLog log) {
        this.log = log;
    }

    @Override
    public synchronized void accept(String progress) {
        last = progress;
        long now = System.nanoTime();
        if (lastLogged == Long.MIN_VALUE || now - lastLogged >= EVERY_MILLIS * 1_000_000) {
            lastLogged = now;
            log.line(progress);
        }
    }

    /** The last thing said, or nothing yet. */
    String last() {
        return last;
    }
}
