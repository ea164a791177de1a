package dev.stowage.host.copies;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loaded copy as the router sees it: where it serves, its inference component, the adapter inference components
 * its runtime has loaded, whether it takes new requests, and how many requests it is serving now.
 *
 * <p>The router calls {@link #tryAcquire()} before sending a request and {@link #release()} once the response is
 * over (including a streamed one). Once {@link #startDraining()} has been called no acquisition succeeds, so
 * {@link #awaitIdle} sees the count only fall. It remembers the stateful sessions its container closed (the latest
 * {@value #CLOSED_SESSIONS_KEPT}), so that a closed session's later requests are refused by the router rather than
 * sent to a container that no longer knows them (ADR 31). Safe for concurrent use.
 */
public final class RoutableCopy {
    /** How many closed sessions a copy remembers; an older one's requests reach its container, which refuses them. */
    public static final int CLOSED_SESSIONS_KEPT = 10_000;

    public enum State {
        SERVING,
        DRAINING
    }

    private final String copyId;
    private final String inferenceComponentName;
    private final URI baseUrl;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Set<String> adapters = ConcurrentHashMap.newKeySet();
    private int inFlight;
    private State state = State.SERVING;
    private final Map<String, Boolean> closedSessions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CLOSED_SESSIONS_KEPT;
        }
    };

    public RoutableCopy(String copyId, String inferenceComponentName, URI baseUrl) {
        this.copyId = copyId;
        this.inferenceComponentName = inferenceComponentName;
        this.baseUrl = baseUrl;
    }

    public String copyId() {
        return copyId;
    }

    public String inferenceComponentName() {
        return inferenceComponentName;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Whether the runtime has the adapter inference component loaded, so requests for it may come here. */
    public boolean hasAdapter(String adapterName) {
        return adapters.contains(adapterName);
    }

    /** The runtime loaded the adapter: requests for it may come here from now on. */
    public void adapterLoaded(String adapterName) {
        adapters.add(adapterName);
    }

    /** Requests for the adapter go elsewhere from now on (its runtime is about to unload it). */
    public void adapterGone(String adapterName) {
        adapters.remove(adapterName);
    }

    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Counts one more request in flight, unless the copy is draining (then false: pick another copy). */
    public boolean tryAcquire() {
        lock.lock();
        try {
            if (state != State.SERVING) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #tryAcquire()}, and false too when {@code limit} requests are in flight already. */
    public boolean tryAcquire(int limit) {
        lock.lock();
        try {
            if (state != State.SERVING || inFlight >= limit) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** One request acquired with {@link #tryAcquire()} is over. */
    public void release() {
        lock.lock();
        try {
            if (inFlight == 0) {
                throw new IllegalStateException("Copy " + copyId + " released more requests than it acquired.");
            }
            if (--inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The container closed its session {@code sessionId} (its own id, as its container named it). */
    public void sessionClosed(String sessionId) {
        lock.lock();
        try {
            closedSessions.put(sessionId, Boolean.TRUE);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the container closed its session {@code sessionId} (as far as this copy remembers). */
    public boolean isSessionClosed(String sessionId) {
        lock.lock();
        try {
            return closedSessions.containsKey(sessionId);
        } finally {
            lock.unlock();
        }
    }

    /** Takes no new requests from now on. */
    public void startDraining() {
        lock.lock();
        try {
            state = State.DRAINING;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no request is in flight, at most {@code timeout}; true when idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return copyId + "(" + inferenceComponentName + " at " + baseUrl + ", " + state() + ", " + inFlight()
                + " in flight)";
    }
}
