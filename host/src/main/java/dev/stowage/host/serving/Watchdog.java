package dev.stowage.host.serving;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Ends reads that run past their deadline: {@link #closeAfter} closes a stream once the time is up, so a thread
 * blocked reading it gets an {@link IOException} and can tell the client the model timed out.
 */
final class Watchdog implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("serving-watchdog").factory());

    /** A deadline on one stream: {@link #cancel} it when the read is over; {@link #fired} tells whether it hit. */
    static final class Guard {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile @Nullable ScheduledFuture<?> task;

        boolean fired() {
            return fired.get();
        }

        void cancel() {
            ScheduledFuture<?> scheduled = task;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    Guard closeAfter(Duration timeout, Closeable stream) {
        Guard guard = new Guard();
        guard.task = timer.schedule(
                () -> {
                    guard.fired.set(true);
                    try {
                        stream.close();
                    } catch (IOException e) {
                        // closing is all we wanted
                    }
                },
                Math.max(0, timeout.toNanos()),
                TimeUnit.NANOSECONDS);
        return guard;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
