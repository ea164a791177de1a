package dev.stowage.domain.routing.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A copy's prefix cache: at most {@code capacity} blocks, least recently used evicted first, as vLLM's automatic
 * prefix caching frees blocks no running request holds. A lookup matches the longest leading run of a prompt's
 * (chained) block ids and touches what it matched.
 */
final class BlockCache {
    private final int capacity;
    private final LinkedHashMap<Long, Boolean> blocks;

    BlockCache(int capacity) {
        this.capacity = capacity;
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > BlockCache.this.capacity;
            }
        };
    }

    /** How many leading blocks of {@code ids} are cached; those are touched. */
    int match(long[] ids) {
        int hits = 0;
        while (hits < ids.length && blocks.get(ids[hits]) != null) {
            hits++;
        }
        return hits;
    }

    /** Caches every block of the prompt (most recently used last, so that a prefix outlives its own tail). */
    void insert(long[] ids) {
        for (int i = ids.length - 1; i >= 0; i--) {
            blocks.put(ids[i], Boolean.TRUE);
        }
    }

    int size() {
        return blocks.size();
    }
}
