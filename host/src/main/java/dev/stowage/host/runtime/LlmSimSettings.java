package dev.stowage.host.runtime;

import dev.stowage.host.time.TimeScale;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings of one {@code stowage/llm-sim} copy, read from its environment (a missing, blank, malformed or
 * out-of-range value takes the default; every duration is scaled by the host's {@link TimeScale}):
 *
 * <ul>
 *   <li>{@code STOWAGE_TOKEN_MS} (20): the time of a decode step with one sequence;
 *   <li>{@code STOWAGE_BATCH_SLOWDOWN} (0.2): what each further sequence in the batch adds to a step, as a fraction
 *       of the token time, so that 16 sequences decode 4× slower each than one (and 4× the tokens per second of the
 *       copy);
 *   <li>{@code STOWAGE_MAX_BATCH} (16): sequences decoded together; more wait in the copy's queue;
 *   <li>{@code STOWAGE_PREFILL_US_PER_TOKEN} (0): prefill time per prompt token, paid in the step where a sequence
 *       joins (about 200–300 µs resembles a 7–8B model on one A10G);
 *   <li>{@code STOWAGE_PREFIX_CACHE_BLOCKS} (1000): the copy's prefix cache ({@link PrefixCache}), in blocks; a
 *       prompt's cached leading blocks are not prefilled again; 0 turns it off;
 *   <li>{@code STOWAGE_PREFIX_BLOCK_TOKENS} (512): tokens per block of the prefix cache (Mooncake's block);
 *   <li>{@code STOWAGE_LOAD_MS} (0): time from start until {@code /ping} answers 200;
 *   <li>{@code STOWAGE_SESSION_TTL_S} (1200, DJL's default): how long a stateful session lives ({@link
 *       LlmSimSessions});
 *   <li>{@code STOWAGE_ADAPTER_LOAD_MS} (100): time to load an adapter ({@code POST /adapters}, or a request for an
 *       evicted one);
 *   <li>{@code STOWAGE_MAX_ADAPTERS} (4): adapters resident at once (LMI's {@code max_loras}); the least recently used
 *       is evicted to make room, and reloaded when asked for again;
 *   <li>{@code STOWAGE_ADAPTER_MEMORY_MB} (160): accelerator memory each resident adapter takes (a rank-16 LoRA of a
 *       7–8B model), reported in the stats;
 *   <li>{@code STOWAGE_SEED}, else {@code STOWAGE_COPY_ID}: the seed of the output lengths and texts.
 * </ul>
 */
record LlmSimSettings(
        StepTime stepTime,
        int maxBatch,
        Duration prefillPerToken,
        int prefixCacheBlocks,
        int prefixBlockTokens,
        Duration load,
        Duration sessionLifetime,
        long seed,
        Duration adapterLoad,
        int maxAdapters,
        long adapterMemoryMib) {
    static final String TOKEN_MS = "STOWAGE_TOKEN_MS";
    static final String BATCH_SLOWDOWN = "STOWAGE_BATCH_SLOWDOWN";
    static final String MAX_BATCH = "STOWAGE_MAX_BATCH";
    static final String PREFILL_US_PER_TOKEN = "STOWAGE_PREFILL_US_PER_TOKEN";
    static final String PREFIX_CACHE_BLOCKS = "STOWAGE_PREFIX_CACHE_BLOCKS";
    static final String PREFIX_BLOCK_TOKENS = "STOWAGE_PREFIX_BLOCK_TOKENS";
    static final String LOAD_MS = "STOWAGE_LOAD_MS";
    static final String SESSION_TTL_S = "STOWAGE_SESSION_TTL_S";
    static final String SEED = "STOWAGE_SEED";
    static final String ADAPTER_LOAD_MS = "STOWAGE_ADAPTER_LOAD_MS";
    static final String MAX_ADAPTERS = "STOWAGE_MAX_ADAPTERS";
    static final String ADAPTER_MEMORY_MB = "STOWAGE_ADAPTER_MEMORY_MB";
    /** Set by the host to the copy id so that an unseeded copy is still deterministic. */
    static final String COPY_ID = "STOWAGE_COPY_ID";

    static final long DEFAULT_TOKEN_MS = 20;
    static final double DEFAULT_BATCH_SLOWDOWN = 0.2;
    static final int DEFAULT_MAX_BATCH = 16;
    static final int DEFAULT_PREFIX_CACHE_BLOCKS = 1_000;
    static final int DEFAULT_PREFIX_BLOCK_TOKENS = 512;
    static final long DEFAULT_SESSION_TTL_S = 1_200;
    static final long DEFAULT_ADAPTER_LOAD_MS = 100;
    static final int DEFAULT_MAX_ADAPTERS = 4;
    static final long DEFAULT_ADAPTER_MEMORY_MB = 160;

    static LlmSimSettings from(Map<String, String> environment, TimeScale timeScale, String fallbackSeed) {
        Duration tokenTime = timeScale.millis(Math.max(0, longEnv(environment, TOKEN_MS, DEFAULT_TOKEN_MS)));
        double slowdown = doubleEnv(environment, BATCH_SLOWDOWN, DEFAULT_BATCH_SLOWDOWN);
        long maxBatch = longEnv(environment, MAX_BATCH, DEFAULT_MAX_BATCH);
        Duration prefill =
                timeScale.scale(Duration.ofNanos(Math.max(0, longEnv(environment, PREFILL_US_PER_TOKEN, 0)) * 1000));
        long cacheBlocks = longEnv(environment, PREFIX_CACHE_BLOCKS, DEFAULT_PREFIX_CACHE_BLOCKS);
        long blockTokens = longEnv(environment, PREFIX_BLOCK_TOKENS, DEFAULT_PREFIX_BLOCK_TOKENS);
        Duration load = timeScale.millis(Math.max(0, longEnv(environment, LOAD_MS, 0)));
        long ttl = longEnv(environment, SESSION_TTL_S, DEFAULT_SESSION_TTL_S);
        Duration sessionLifetime = timeScale.scale(
                Duration.ofSeconds(ttl >= 1 ? Math.min(ttl, Duration.ofDays(1).toSeconds()) : DEFAULT_SESSION_TTL_S));
        String seedText = environment.getOrDefault(SEED, environment.getOrDefault(COPY_ID, fallbackSeed));
        long seed = seedText.matches("-?\\d+") ? Long.parseLong(seedText) : seedText.hashCode();
        Duration adapterLoad =
                timeScale.millis(Math.max(0, longEnv(environment, ADAPTER_LOAD_MS, DEFAULT_ADAPTER_LOAD_MS)));
        long maxAdapters = longEnv(environment, MAX_ADAPTERS, DEFAULT_MAX_ADAPTERS);
        long adapterMemory = longEnv(environment, ADAPTER_MEMORY_MB, DEFAULT_ADAPTER_MEMORY_MB);
        return new LlmSimSettings(
                new StepTime(tokenTime, slowdown >= 0 && Double.isFinite(slowdown) ? slowdown : DEFAULT_BATCH_SLOWDOWN),
                maxBatch >= 1 ? (int) Math.min(maxBatch, 4096) : DEFAULT_MAX_BATCH,
                prefill,
                cacheBlocks >= 0 ? (int) Math.min(cacheBlocks, 10_000_000) : DEFAULT_PREFIX_CACHE_BLOCKS,
                blockTokens >= 1 ? (int) Math.min(blockTokens, 1 << 20) : DEFAULT_PREFIX_BLOCK_TOKENS,
                load,
                sessionLifetime,
                seed,
                adapterLoad,
                maxAdapters >= 1 ? (int) Math.min(maxAdapters, 1024) : DEFAULT_MAX_ADAPTERS,
                adapterMemory >= 0 ? adapterMemory : DEFAULT_ADAPTER_MEMORY_MB);
    }

    @Override
    public String toString() {
        return "batches of up to " + maxBatch + ", " + stepTime.tokenTime() + " per token alone, slowdown "
                + stepTime.slowdown() + " per further sequence (" + stepTime.slowdownAt(maxBatch) + "x at "
                + maxBatch + "), prefill " + prefillPerToken + " per prompt token, prefix cache of " + prefixCacheBlocks
                + " blocks of " + prefixBlockTokens + " tokens, sessions of " + sessionLifetime + ", up to "
                + maxAdapters
                + " adapters resident (" + adapterLoad + " to load, " + adapterMemoryMib + " MB each), seed " + seed;
    }

    private static long longEnv(Map<String, String> environment, String name, long fallback) {
        return env(environment, name, Long::parseLong, fallback);
    }

    private static double doubleEnv(Map<String, String> environment, String name, double fallback) {
        return env(environment, name, Double::parseDouble, fallback);
    }

    private static <T> T env(Map<String, String> environment, String name, Function<String, T> parse, T fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
