package dev.stowage.bench;

import java.time.Duration;

/**
 * How long each part of the benchmark runs.
 *
 * @param warmUp how long each workload runs, untimed, before it is measured (zero skips warm-up)
 * @param measure how long each measured run lasts at most
 * @param iterationsPerThread at most this many iterations per thread in a measured run
 * @param otherCalls how many calls of each other operation (List, DescribeEndpoint) are timed
 */
record BenchSettings(Duration warmUp, Duration measure, long iterationsPerThread, int otherCalls) {

    /** The documented run: about 90 s on 2 cores. */
    static BenchSettings standard() {
        return new BenchSettings(Duration.ofSeconds(8), Duration.ofSeconds(12), Long.MAX_VALUE, 200);
    }

    /** A handful of iterations of every workload, untimed in effect: for the test that keeps the code working. */
    static BenchSettings smoke() {
        return new BenchSettings(Duration.ZERO, Duration.ofMinutes(1), 3, 3);
    }
}
