package dev.stowage.domain.routing.sim;

/**
 * How one copy serves when prompts matter: {@link ServingModel}'s continuous batching for decoding, plus a prefill
 * of each prompt's uncached tokens before its first token. Prefill runs one request at a time, first come first
 * served, and pauses decoding while it runs (as vLLM schedules prefills first without chunking); a request holds
 * one of {@code batchSlots} from the start of its prefill to its last token. Cached leading blocks of the prompt
 * ({@link BlockCache}, {@code cacheBlocks} blocks of {@code blockTokens} tokens) are not prefilled again.
 *
 * @param prefillTokensPerSecond prompt tokens one copy prefills per second
 * @param cacheBlocks prefix-cache capacity per copy, in blocks
 */
record PrefixServing(
        int copies,
        int hosts,
        int batchSlots,
        int concurrencyLimit,
        double tokenTime,
        double alpha,
        double prefillTokensPerSecond,
        int cacheBlocks,
        int blockTokens) {

    /**
     * A 7–8B model on one GPU: decoding as {@link ServingModel#llm()} (30 ms a step, 16 together), prefill at
     * 8,000 tokens/s, 1,000 blocks of 512 tokens cached (512 k tokens, ≈ 64 GiB of KV cache for Llama-3-8B's
     * 128 KiB per token), and the router's limit at the batch (Stowage's default).
     */
    static PrefixServing llm(int copies) {
        return new PrefixServing(copies, 2, 16, 16, 0.030, 0.02, 8_000, 1_000, 512);
    }

    PrefixServing withCacheBlocks(int blocks) {
        return new PrefixServing(
                copies,
                hosts,
                batchSlots,
                concurrencyLimit,
                tokenTime,
                alpha,
                prefillTokensPerSecond,
                blocks,
                blockTokens);
    }

    PrefixServing withConcurrencyLimit(int limit) {
        return new PrefixServing(
                copies, hosts, batchSlots, limit, tokenTime, alpha, prefillTokensPerSecond, cacheBlocks, blockTokens);
    }

    double stepTime(int active) {
        return tokenTime * (1 + alpha * (active - 1));
    }

    /** Seconds of a copy's time one request takes with nothing cached and a full batch decoding. */
    double work(int inputTokens, int outputTokens) {
        return inputTokens / prefillTokensPerSecond + outputTokens * stepTime(batchSlots) / batchSlots;
    }

    int hostOf(int copy) {
        return copy * hosts / copies;
    }
}
