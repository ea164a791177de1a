package dev.stowage.local.simulate;

/**
 * One request of a workload: when it arrives (milliseconds from the start of the trace, after time compression), the
 * inference component it goes to, and its prompt and output tokens (0 when the trace does not record them).
 */
public record Arrival(long timestampMillis, String component, int inputTokens, int outputTokens) {
    public Arrival {
        if (timestampMillis < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("negative arrival time or token count");
        }
    }
}
