package dev.stowage.testing;

import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.domain.store.EventStore;
import dev.stowage.events.Document;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.ModelEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * Writers on their own threads, released together, each appending its events to one stream one at a
 * time: read the stream's last version, append after it, and on {@link ConcurrencyConflict} read again.
 * Writer {@code w} stamps its events with correlation id {@link #writerId(int)}.
 */
final class RacingWriters {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    private final EventStore store;
    private final String stream;
    private final int writers;
    private final int eventsPerWriter;

    RacingWriters(EventStore store, String stream, int writers, int eventsPerWriter) {
        this.store = store;
        this.stream = stream;
        this.writers = writers;
        this.eventsPerWriter = eventsPerWriter;
    }

    static String writerId(int writer) {
        return "writer-" + writer;
    }

    /** The events writer {@code writer} appends, in order. */
    List<ModelEvent.Created> eventsOf(int writer) {
        return IntStream.range(0, eventsPerWriter)
                .mapToObj(i -> new ModelEvent.Created(writerId(writer), "event-" + i, Document.empty(), AT))
                .toList();
    }

    /** Runs every writer to completion; fails if one throws or the race takes over a minute. */
    void run() throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                results.add(pool.submit(() -> write(w, start)));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("A racing writer failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Void write(int writer, CountDownLatch start) throws InterruptedException {
        start.await();
        long lastVersion = 0;
        int appended = 0;
        List<ModelEvent.Created> events = eventsOf(writer);
        while (appended < events.size()) {
            List<EventEnvelope> tail = store.read(stream, lastVersion);
            if (!tail.isEmpty()) {
                lastVersion = tail.getLast().version();
            }
            AppendContext context = new AppendContext(AT, writerId(writer), writerId(writer) + "/" + appended);
            try {
                store.append(stream, lastVersion, List.of(events.get(appended)), context);
                appended++;
                lastVersion++;
            } catch (ConcurrencyConflict conflict) {
                // Another writer got there first: read what it wrote and try again.
            }
        }
        return null;
    }
}
