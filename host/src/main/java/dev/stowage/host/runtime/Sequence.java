package dev.stowage.host.runtime;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One generation in a {@link DecodeBatch}: the batch's scheduler {@link #emit}s its tokens, the request's handler
 * thread takes them with {@link #next} and writes them as they come. The handler {@link #cancel}s it when its client
 * has gone, and the batch drops it at the next step.
 */
final class Sequence {
    /** What {@link #next} answers when the sequence is over: every token emitted, or the batch closed. */
    static final int END = -1;

    private final int tokens;
    private final int promptTokens;
    private final long[] prefixBlocks;
    private final BlockingQueue<Integer> emitted = new LinkedBlockingQueue<>();
    private int count;
    private volatile boolean cancelled;

    Sequence(int tokens, int promptTokens) {
        this(tokens, promptTokens, new long[0]);
    }

    /** A generation whose prompt's prefix blocks are {@code prefixBlocks} (chained ids, see {@link PrefixCache}). */
    Sequence(int tokens, int promptTokens, long[] prefixBlocks) {
        if (tokens < 1) {
            throw new IllegalArgumentException("A sequence generates at least one token, not " + tokens + ".");
        }
        this.tokens = tokens;
        this.promptTokens = Math.max(0, promptTokens);
        this.prefixBlocks = prefixBlocks.clone();
    }

    /** The id of the next token (0, 1, …), waiting for the batch to decode it, or {@link #END}. */
    int next() throws InterruptedException {
        return emitted.take();
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    int promptTokens() {
        return promptTokens;
    }

    long[] prefixBlocks() {
        return prefixBlocks;
    }

    /** The scheduler's: hands over the next token; true when that was the last one. */
    boolean emit() {
        emitted.add(count++);
        if (count == tokens) {
            end();
            return true;
        }
        return false;
    }

    /** The scheduler's: no more tokens will come. */
    void end() {
        emitted.add(END);
    }
}
