package dev.stowage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sequential calls along several paths to the same server, interleaved one by one so that every path sees the same
 * machine, each path's latencies then printed against the first path's (the baseline: calling the server directly).
 */
final class InterleavedCalls {
    /** One way to make the call. */
    record Path(String name, Runnable call) {}

    private InterleavedCalls() {}

    /** Warms every path up {@code warmUp} times, then times {@code calls} rounds; each path's nanoseconds, sorted. */
    static long[][] measure(List<Path> paths, int warmUp, int calls) {
        for (int i = 0; i < warmUp; i++) {
            paths.forEach(path -> path.call().run());
        }
        long[][] nanos = new long[paths.size()][calls];
        for (int i = 0; i < calls; i++) {
            for (int p = 0; p < paths.size(); p++) {
                long start = System.nanoTime();
                paths.get(p).call().run();
                nanos[p][i] = System.nanoTime() - start;
            }
        }
        for (long[] samples : nanos) {
            Arrays.sort(samples);
        }
        return nanos;
    }

    /** Each path's p50 and p99, ÷ and − the first path's. */
    static void print(List<Path> paths, long[][] sorted, PrintStream out) {
        double dp50 = Latencies.percentileMillis(sorted[0], 50);
        double dp99 = Latencies.percentileMillis(sorted[0], 99);
        for (int p = 0; p < paths.size(); p++) {
            double p50 = Latencies.percentileMillis(sorted[p], 50);
            double p99 = Latencies.percentileMillis(sorted[p], 99);
            out.printf(
                    Locale.ROOT,
                    "  %-80s p50 %.3f ms  p99 %.3f ms;  ÷ direct p50 %.2f p99 %.2f;  − direct p50 %.3f ms p99 %.3f ms%n",
                    paths.get(p).name(),
                    p50,
                    p99,
                    p50 / dp50,
                    p99 / dp99,
                    p50 - dp50,
                    p99 - dp99);
        }
    }

    /** Sends {@code request}; anything but a 200 is an error. */
    static void send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
