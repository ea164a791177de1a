package dev.stowage.domain.routing.sim;

import dev.stowage.domain.routing.AdapterKey;

/**
 * Adapters on one run's copies: which adapter each request names, at most {@code resident} adapters held by each
 * copy (least recently used unloaded first, as vLLM's LoRA slots), and {@code loadSeconds} to load one that is not,
 * spent by the copy's engine ({@code blocksEngine}) or by the request alone. Records which requests had to load
 * theirs. An adapter still in use by requests decoding on
 * the copy is treated as usable by them even after it falls out of the resident set (the engine pins it); the
 * resident set decides only what later requests find.
 */
final class AdapterLoads {
    private final int[] adapterOf;
    private final AdapterKey[] keys;
    private final int resident;
    private final double loadSeconds;
    private final boolean[] missed;
    private final boolean blocksEngine;

    AdapterLoads(int[] adapterOf, int adapters, int resident, double loadSeconds, boolean blocksEngine) {
        this.blocksEngine = blocksEngine;
        this.adapterOf = adapterOf;
        this.keys = new AdapterKey[adapters];
        for (int a = 0; a < adapters; a++) {
            keys[a] = new AdapterKey("adapter-" + a);
        }
        this.resident = resident;
        this.loadSeconds = loadSeconds;
        this.missed = new boolean[adapterOf.length];
    }

    /** A fresh copy's adapter slots: empty, so the warm-up requests fill them. */
    PrefillSetup forCopy() {
        BlockCache slots = new BlockCache(resident);
        return new PrefillSetup() {
            @Override
            public double seconds(int request) {
                long[] adapter = {adapterOf[request]};
                if (slots.match(adapter) == 1) {
                    return 0;
                }
                slots.insert(adapter);
                missed[request] = true;
                return loadSeconds;
            }

            @Override
            public boolean blocksEngine() {
                return blocksEngine;
            }
        };
    }

    AdapterKey key(int request) {
        return keys[adapterOf[request]];
    }

    /** Requests in {@code [from, to)} that had to load their adapter. */
    int misses(int from, int to) {
        int misses = 0;
        for (int i = from; i < to; i++) {
            misses += missed[i] ? 1 : 0;
        }
        return misses;
    }
}
