package dev.stowage.domain.routing;

/**
 * Prefix block ids of a prompt given as text, for requests that do not carry their own: the text cut into blocks
 * of {@link #CHARS_PER_BLOCK} characters (≈ 512 tokens at ≈ 4 characters a token, Mooncake's and a common KV-cache
 * block multiple), each id chained on the one before, so that an id names the whole prefix up to its block, as
 * vLLM's automatic prefix caching names its blocks. A trailing partial block gets an id too. The router and
 * {@code stowage/llm-sim} use the same function, so what one routes by is what the other caches.
 */
public final class PromptBlocks {
    /** Characters per block: 512 tokens at about 4 characters per token. */
    public static final int CHARS_PER_BLOCK = 2_048;

    private PromptBlocks() {}

    /** The chained block ids of {@code text} in blocks of {@link #CHARS_PER_BLOCK} characters. */
    public static long[] ofText(String text) {
        return ofText(text, CHARS_PER_BLOCK);
    }

    /** The chained block ids of {@code text} in blocks of {@code charsPerBlock} characters; none for "". */
    public static long[] ofText(String text, int charsPerBlock) {
        if (charsPerBlock < 1) {
            throw new IllegalArgumentException("charsPerBlock must be at least 1: " + charsPerBlock);
        }
        int blocks = (text.length() + charsPerBlock - 1) / charsPerBlock;
        long[] ids = new long[blocks];
        long previous = Hashes.offset();
        for (int b = 0; b < blocks; b++) {
            int from = b * charsPerBlock;
            int to = Math.min(text.length(), from + charsPerBlock);
            previous = Hashes.mix(Hashes.fnv(previous, text, from, to));
            ids[b] = previous;
        }
        return ids;
    }
}
