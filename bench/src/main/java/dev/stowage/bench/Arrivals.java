package dev.stowage.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Poisson arrival times (offsets from the start, ns) over {@code length}. */
record Arrivals(long[] offsetsNanos) {
    static Arrivals poisson(SplittableRandom random, double perSecond, Duration length) {
        List<Long> offsets = new ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / perSecond;
            if (t * 1e9 >= length.toNanos()) {
                break;
            }
            offsets.add((long) (t * 1e9));
        }
        return new Arrivals(offsets.stream().mapToLong(Long::longValue).toArray());
    }
}
