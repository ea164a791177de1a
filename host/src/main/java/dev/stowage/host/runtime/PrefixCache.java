package dev.stowage.host.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prefix cache of one {@code stowage/llm-sim} copy, as vLLM's automatic prefix caching keeps one: prompt blocks
 * of {@code blockTokens} tokens named by chained ids (each names the whole prefix up to its block), at most
 * {@code capacityBlocks} of them, least recently used evicted first. A prompt reuses the longest leading run of its
 * blocks found here, so its prefill skips those tokens (always prefilling at least one). Counts lookups and hits
 * for the copy's stats. Thread-safe.
 */
final class PrefixCache {
    private final int blockTokens;
    private final int capacityBlocks;
    private final LinkedHashMap<Long, Boolean> blocks;
    private long prompts;
    private long promptTokens;
    private long hitTokens;
    private long lookedUpBlocks;
    private long hitBlocks;

    PrefixCache(int blockTokens, int capacityBlocks) {
        if (blockTokens < 1 || capacityBlocks < 0) {
            throw new IllegalArgumentException(
                    "A prefix cache needs blocks of at least 1 token and a capacity of at least 0 blocks, not "
                            + blockTokens + " and " + capacityBlocks + ".");
        }
        this.blockTokens = blockTokens;
        this.capacityBlocks = capacityBlocks;
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > PrefixCache.this.capacityBlocks;
            }
        };
    }

    /**
     * Looks the prompt up and caches its blocks; returns the prompt tokens its prefill still has to compute: all
     * but those of the leading blocks found, and at least one (none for an empty prompt).
     */
    synchronized int prefill(long[] blockIds, int tokens) {
        int hits = 0;
        while (hits < blockIds.length && blocks.get(blockIds[hits]) != null) {
            hits++;
        }
        for (int i = blockIds.length - 1; i >= 0; i--) {
            blocks.put(blockIds[i], Boolean.TRUE);
        }
        int cached = tokens == 0 ? 0 : (int) Math.min(tokens - 1L, (long) hits * blockTokens);
        prompts++;
        promptTokens += tokens;
        hitTokens += cached;
        lookedUpBlocks += blockIds.length;
        hitBlocks += hits;
        return tokens - cached;
    }

    int blockTokens() {
        return blockTokens;
    }

    synchronized Stats stats() {
        return new Stats(
                blockTokens,
                capacityBlocks,
                blocks.size(),
                prompts,
                promptTokens,
                hitTokens,
                lookedUpBlocks,
                hitBlocks);
    }

    /** What the cache holds and has saved since the copy started. */
    record Stats(
            int blockTokens,
            int capacityBlocks,
            int cachedBlocks,
            long prompts,
            long promptTokens,
            long hitTokens,
            long lookedUpBlocks,
            long hitBlocks) {

        /** Blocks found ÷ blocks looked up (0 before any). */
        double hitRate() {
            return lookedUpBlocks == 0 ? 0 : (double) hitBlocks / lookedUpBlocks;
        }
    }
}
