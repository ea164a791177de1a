package dev.stowage.host.trust;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The signatures a host has accepted lately, so that each is accepted once: a signature is kept for {@code keepNanos}
 * after it arrived (twice the allowed clock skew, as long as its time could still pass the skew check), then
 * forgotten. Arrivals come in time order, so the oldest are dropped from the head. Bounded: past {@code capacity}
 * entries the oldest are dropped early, which can only let a replay of a signature older than the window's through,
 * never refuse a fresh one. Thread-safe.
 */
final class ReplayWindow {
    private record Seen(String id, long until) {}

    private final long keepNanos;
    private final int capacity;
    private final Deque<Seen> order = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();

    ReplayWindow(long keepNanos, int capacity) {
        this.keepNanos = keepNanos;
        this.capacity = capacity;
    }

    /** Whether {@code id} arrives for the first time within the window; remembers it. */
    synchronized boolean firstSeen(String id, long nowNanos) {
        while (!order.isEmpty() && (order.peekFirst().until() - nowNanos < 0 || order.size() >= capacity)) {
            ids.remove(order.pollFirst().id());
        }
        if (!ids.add(id)) {
            return false;
        }
        order.addLast(new Seen(id, nowNanos + keepNanos));
        return true;
    }
}
