package dev.stowage.local.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Sends the requests of a run from a few threads, checks every answer ({@link ResponseCheck}) and, every second,
 * that the events table still holds what it held before the run: no request the fuzzer sends may write an event.
 * Stops at the request count or the duration of its {@link FuzzSettings}.
 */
final class FuzzCampaign {
    private static final int MAX_REPORTED = 30;
    private static final int PER_KIND = 3;
    private static final int RECENT = 40;

    private final FuzzSettings settings;
    private final RequestFactory factory;
    private final LongSupplier events;
    private final AtomicLong next = new AtomicLong();
    private final LongAdder sent = new LongAdder();
    private final ConcurrentMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> kinds = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final java.util.Map<String, Integer> reported = new java.util.HashMap<>();
    private final AtomicLong failureCount = new AtomicLong();
    private final Deque<String> recentlyAccepted = new ArrayDeque<>();
    private long expectedEvents;
    private volatile boolean over;

    FuzzCampaign(FuzzSettings settings, RequestFactory factory, LongSupplier events, long expectedEvents) {
        this.settings = settings;
        this.factory = factory;
        this.events = events;
        this.expectedEvents = expectedEvents;
    }

    FuzzReport run() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + settings.duration().toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(settings.threads());
        List<Future<?>> workers = new ArrayList<>();
        try (Sender sender = new Sender()) {
            for (int i = 0; i < settings.threads(); i++) {
                workers.add(threads.submit(() -> work(sender, deadline)));
            }
            while (workers.stream().anyMatch(w -> !w.isDone())) {
                Thread.sleep(1000);
                checkEvents();
            }
            over = true;
        } finally {
            threads.shutdownNow();
        }
        Thread.sleep(500);
        checkEvents();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> counts = new ArrayList<>();
        outcomes.forEach((outcome, count) -> counts.add(outcome + " " + count.sum()));
        counts.sort(null);
        List<String> byKind = new ArrayList<>();
        kinds.forEach((kind, count) -> byKind.add(count.sum() + " × " + kind));
        byKind.sort(null);
        synchronized (failures) {
            return new FuzzReport(
                    settings.seed(), sent.sum(), took, counts, byKind, List.copyOf(failures), failureCount.get());
        }
    }

    private void work(Sender sender, long deadline) {
        while (!over && System.nanoTime() < deadline) {
            long taken = next.getAndIncrement();
            if (taken >= settings.requests()) {
                return;
            }
            long index = settings.only().orElse(taken);
            FuzzRequest request;
            try {
                request = factory.make(index);
            } catch (RuntimeException e) {
                fail("the fuzzer could not make request #" + index + ": " + e, settings.replayFlags(index));
                continue;
            }
            Reply reply;
            try {
                reply = sender.send(request);
            } catch (RuntimeException e) {
                fail(
                        "the fuzzer could not send request #" + index + ": " + e + "\n" + request.describe(),
                        settings.replayFlags(index));
                continue;
            }
            sent.increment();
            outcomes.computeIfAbsent(outcome(reply), o -> new LongAdder()).increment();
            if (reply.status() > 0 && reply.status() < 400) {
                synchronized (recentlyAccepted) {
                    recentlyAccepted.addLast("#" + index + " " + request.operation() + " -> " + reply.status()
                            + (request.writes() ? " (writes)" : ""));
                    if (recentlyAccepted.size() > RECENT) {
                        recentlyAccepted.removeFirst();
                    }
                }
            }
            ResponseCheck.problem(request, reply)
                    .ifPresent(problem -> fail(
                            problem + "\n" + request.describe() + "\n  answer: " + summary(reply),
                            settings.replayFlags(index)));
        }
    }

    private void checkEvents() {
        long now = events.getAsLong();
        if (now != expectedEvents) {
            String accepted;
            synchronized (recentlyAccepted) {
                accepted = String.join("\n  ", recentlyAccepted);
            }
            fail(
                    "the events table went from " + expectedEvents + " to " + now
                            + " items; requests accepted just before:\n  " + accepted,
                    "-Dstowage.fuzz.seed=" + settings.seed());
            expectedEvents = now;
        }
    }

    private void fail(String problem, String replay) {
        failureCount.incrementAndGet();
        String kind = problem.lines()
                .findFirst()
                .orElse("")
                .replaceAll("(: | #| \\().*", "")
                .strip();
        kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
        synchronized (failures) {
            if (failures.size() < MAX_REPORTED && reported.merge(kind, 1, Integer::sum) <= PER_KIND) {
                failures.add(problem + "\n  replay: " + replay);
            }
        }
    }

    private static String outcome(Reply reply) {
        if (reply.status() == 0) {
            return "no answer";
        }
        return reply.status() == 413 ? "413" : (reply.status() / 100) + "xx";
    }

    private static String summary(Reply reply) {
        if (reply.failure() != null) {
            return reply.failure();
        }
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        return reply.status() + " " + reply.mediaType() + " " + (body.length() > 500 ? body.substring(0, 500) : body);
    }
}
