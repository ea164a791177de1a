package dev.stowage.local.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/** The randomness of one request: derived from the run's seed and the request's index alone. */
final class Dice {
    private final SplittableRandom random;

    private Dice(SplittableRandom random) {
        this.random = random;
    }

    static Dice of(long seed, long index) {
        return new Dice(new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A number in {@code [from, to]}. */
    int between(int from, int to) {
        return to <= from ? from : from + random.nextInt(to - from + 1);
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }
}
