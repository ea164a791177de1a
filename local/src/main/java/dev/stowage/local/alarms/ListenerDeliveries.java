package dev.stowage.local.alarms;

import dev.stowage.domain.alarms.AlarmListener;
import dev.stowage.domain.alarms.AlarmStateChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells each listener of every state change, in order, on {@code executor}'s threads, at least once: a listener that
 * throws keeps the change at the head of its queue and is called with it again once {@code retryDelay} has passed on
 * {@code clock} and {@link #retryDue()} runs (the engine calls it on every tick). One listener failing holds back
 * neither the others nor the engine.
 */
final class ListenerDeliveries {
    private static final System.Logger LOG = System.getLogger(ListenerDeliveries.class.getName());

    private final Executor executor;
    private final Clock clock;
    private final Duration retryDelay;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    ListenerDeliveries(Executor executor, Clock clock, Duration retryDelay) {
        this.executor = executor;
        this.clock = clock;
        this.retryDelay = retryDelay;
    }

    void add(AlarmListener listener) {
        subscribers.add(new Subscriber(listener));
    }

    void publish(AlarmStateChange change) {
        for (Subscriber subscriber : subscribers) {
            subscriber.queue.add(change);
            executor.execute(subscriber::drain);
        }
    }

    /** Calls again the listeners whose last call failed long enough ago. */
    void retryDue() {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.ready()) {
                executor.execute(subscriber::drain);
            }
        }
    }

    /** How many changes wait for their listeners. */
    int pending() {
        return subscribers.stream().mapToInt(s -> s.queue.size()).sum();
    }

    private final class Subscriber {
        private final AlarmListener listener;
        private final Queue<AlarmStateChange> queue = new ConcurrentLinkedQueue<>();
        private final ReentrantLock delivering = new ReentrantLock();
        private volatile Instant retryAt = Instant.MIN;

        Subscriber(AlarmListener listener) {
            this.listener = listener;
        }

        boolean ready() {
            return !queue.isEmpty() && !clock.instant().isBefore(retryAt);
        }

        /** Delivers what is queued; re-checks after letting go, so a change queued meanwhile is not left behind. */
        void drain() {
            while (ready() && delivering.tryLock()) {
                try {
                    deliverQueued();
                } finally {
                    delivering.unlock();
                }
            }
        }

        private void deliverQueued() {
            AlarmStateChange next;
            while (ready() && (next = queue.peek()) != null) {
                try {
                    listener.onStateChange(next);
                    queue.poll();
                } catch (RuntimeException e) {
                    retryAt = clock.instant().plus(retryDelay);
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "an alarm listener failed on " + next.alarm().alarmName() + " -> " + next.state()
                                    + "; it is called again in " + retryDelay,
                            e);
                    return;
                }
            }
        }
    }
}
