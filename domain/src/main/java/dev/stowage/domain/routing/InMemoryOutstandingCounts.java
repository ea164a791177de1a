package dev.stowage.domain.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outstanding counts of one process, one {@link AtomicInteger} per copy: linearizable, so every guarantee of
 * {@link OutstandingCounts} holds with zero staleness. Thread-safe.
 */
public final class InMemoryOutstandingCounts implements OutstandingCounts {
    private final ConcurrentMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public int get(String copyId) {
        AtomicInteger count = counts.get(copyId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void increment(String copyId) {
        counter(copyId).incrementAndGet();
    }

    @Override
    public boolean tryIncrement(String copyId, int limit) {
        AtomicInteger count = counter(copyId);
        int current = count.get();
        while (current < limit) {
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
            current = count.get();
        }
        return false;
    }

    @Override
    public void decrement(String copyId) {
        AtomicInteger count = counts.get(copyId);
        if (count != null) {
            count.updateAndGet(value -> Math.max(0, value - 1));
        }
    }

    @Override
    public void forget(String copyId) {
        counts.remove(copyId);
    }

    private AtomicInteger counter(String copyId) {
        return counts.computeIfAbsent(copyId, id -> new AtomicInteger());
    }
}
