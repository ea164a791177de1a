package dev.stowage.domain.routing;

import java.util.Optional;

/**
 * What prefix-aware routing knows of a request's prompt: one 64-bit value derived from its leading prefix blocks
 * (see {@link PromptBlocks}), equal for two requests exactly when (up to hash collisions) those leading blocks are
 * equal. Any host computes the same key from the same request, with no shared state.
 */
public record PrefixKey(long value) implements AffinityKey {

    /**
     * The key of a prompt whose prefix blocks are {@code blockIds} (chained ids: each names the whole prefix up to
     * and including its block, as vLLM's and Mooncake's do), taken at depth {@code depth}: the id of block
     * {@code min(depth, blocks) − 1}, mixed. A prompt with no block has no key.
     *
     * @throws IllegalArgumentException if {@code depth} is below 1
     */
    public static Optional<PrefixKey> of(long[] blockIds, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        if (blockIds.length == 0) {
            return Optional.empty();
        }
        long id = blockIds[Math.min(depth, blockIds.length) - 1];
        return Optional.of(new PrefixKey(Hashes.mix(id ^ 0x5bd1e9955bd1e995L)));
    }
}
