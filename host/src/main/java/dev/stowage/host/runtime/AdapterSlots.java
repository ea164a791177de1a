package dev.stowage.host.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters of one {@code stowage/llm-sim} copy, as a multi-LoRA server keeps them: registered ones by name with
 * their source, of which at most {@code maxResident} are resident in accelerator memory ({@code memoryMib} each),
 * least recently used evicted first. Loading one takes {@code loadTime}: at registration, and again when a request
 * needs one that was evicted (a reload, counted). Registering a name again loads the new source before it replaces
 * the old one, so requests keep the old one meanwhile (make before break). Safe for concurrent use; loads run outside
 * the lock.
 */
final class AdapterSlots {
    /** A request named an adapter that is not registered. */
    static final class UnknownAdapter extends Exception {
        UnknownAdapter(String name) {
            super("Adapter \"" + name + "\" is not registered with this server; register it with POST /adapters.");
        }
    }

    /** What the copy's adapters are doing since it started. */
    record Stats(
            int registered, int resident, int maxResident, long memoryMib, long loads, long reloads, long evictions) {}

    private final Duration loadTime;
    private final int maxResident;
    private final long memoryMib;
    private final Map<String, String> registered = new LinkedHashMap<>();
    /** Resident adapters in access order: the first is the least recently used. */
    private final LinkedHashMap<String, String> resident = new LinkedHashMap<>(16, 0.75f, true);

    private long loads;
    private long reloads;
    private long evictions;

    AdapterSlots(Duration loadTime, int maxResident, long memoryMib) {
        this.loadTime = loadTime;
        this.maxResident = Math.max(1, maxResident);
        this.memoryMib = memoryMib;
    }

    /** Loads {@code source} as {@code name} (replacing what had that name once loaded) and makes it resident. */
    void register(String name, String source) throws InterruptedException {
        Thread.sleep(loadTime);
        synchronized (this) {
            registered.put(name, source);
            loads++;
            makeResident(name, source);
        }
    }

    /** Forgets {@code name}; false when it was not registered. */
    synchronized boolean unregister(String name) {
        resident.remove(name);
        return registered.remove(name) != null;
    }

    /** The source of {@code name} for a request, reloading it first when it was evicted. */
    String use(String name) throws UnknownAdapter, InterruptedException {
        String source;
        synchronized (this) {
            source = registered.get(name);
            if (source == null) {
                throw new UnknownAdapter(name);
            }
            if (resident.get(name) != null) {
                return source;
            }
        }
        Thread.sleep(loadTime);
        synchronized (this) {
            String now = registered.get(name);
            if (now == null) {
                throw new UnknownAdapter(name);
            }
            if (resident.get(name) == null) {
                reloads++;
                makeResident(name, now);
            }
            return now;
        }
    }

    synchronized Map<String, String> registered() {
        return Map.copyOf(registered);
    }

    synchronized List<String> resident() {
        return List.copyOf(resident.keySet());
    }

    synchronized Optional<String> source(String name) {
        return Optional.ofNullable(registered.get(name));
    }

    synchronized Stats stats() {
        return new Stats(
                registered.size(),
                resident.size(),
                maxResident,
                resident.size() * memoryMib,
                loads,
                reloads,
                evictions);
    }

    private void makeResident(String name, String source) {
        resident.put(name, source);
        while (resident.size() > maxResident) {
            String eldest = resident.keySet().iterator().next();
            resident.remove(eldest);
            evictions++;
        }
    }
}
