package dev.stowage.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a workload on {@code threads} platform threads until a duration has passed or each thread has done its
 * iterations, whichever comes first. Any failure stops the run and is rethrown: a benchmark that hides errors
 * measures the wrong thing.
 */
final class Load {
    private Load() {}

    /** One iteration of a workload on thread {@code thread}; time the calls to report with {@code latencies}. */
    @FunctionalInterface
    interface Step {
        void run(int thread, long iteration, Latencies latencies) throws Exception;
    }

    /** What a run did: iterations over all threads, the wall-clock time they took, and the latencies recorded. */
    record Result(int threads, long iterations, Duration elapsed, Latencies latencies) {
        double perSecond() {
            return iterations / (elapsed.toNanos() / 1e9);
        }
    }

    static Result run(int threads, Duration duration, long iterationsPerThread, Step step) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<Latencies>> futures = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                long[] count = new long[1];
                counts.add(count);
                Callable<Latencies> worker = () -> {
                    Latencies latencies = new Latencies();
                    while (count[0] < iterationsPerThread && System.nanoTime() < deadline) {
                        step.run(thread, count[0], latencies);
                        count[0]++;
                    }
                    return latencies;
                };
                futures.add(pool.submit(worker));
            }
            Latencies all = new Latencies();
            for (Future<Latencies> future : futures) {
                all.merge(future.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long iterations = counts.stream().mapToLong(c -> c[0]).sum();
            return new Result(threads, iterations, elapsed, all);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the workload failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
