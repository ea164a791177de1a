package dev.stowage.domain.routing.sim;

/**
 * How one copy serves, in the manner of an LLM server with continuous batching (vLLM, TGI): up to
 * {@code batchSlots} requests decode together, each receiving one token per step; a step takes
 * {@code tokenTime × (1 + alpha × (active − 1))}, so batching raises throughput while each request slows mildly.
 * Requests beyond the batch wait at the copy in FIFO order. The router may send a copy up to
 * {@code concurrencyLimit} requests (batch plus the copy's queue); beyond that, a request waits at its entry host.
 * Output tokens are treated as a fluid (a request with k tokens needs k token-steps); prefill is not modelled.
 *
 * @param copies copies of the inference component, spread evenly over {@code hosts}
 * @param tokenTime seconds per decode step with one request in the batch
 * @param alpha relative slow-down of a step per extra request in the batch
 * @param staleness seconds before a routing decision or completion on one host is visible to the other hosts
 *     (a host sees its own at once)
 */
public record ServingModel(
        int copies, int hosts, int batchSlots, int concurrencyLimit, double tokenTime, double alpha, double staleness) {

    /** 8 one-GPU copies of a 7–8B model on 2 four-GPU hosts (think ml.g5.12xlarge), 16 sequences per batch. */
    public static ServingModel llm() {
        return new ServingModel(8, 2, 16, 64, 0.030, 0.02, 0.0);
    }

    public ServingModel withStaleness(double seconds) {
        return new ServingModel(copies, hosts, batchSlots, concurrencyLimit, tokenTime, alpha, seconds);
    }

    public ServingModel withConcurrencyLimit(int limit) {
        return new ServingModel(copies, hosts, batchSlots, limit, tokenTime, alpha, staleness);
    }

    /** Seconds per decode step with {@code active} requests in the batch (at least one). */
    public double stepTime(int active) {
        return tokenTime * (1 + alpha * (active - 1));
    }

    /** Tokens per second of all copies together with full batches: what 100 % utilisation means here. */
    public double peakTokensPerSecond() {
        return copies * batchSlots / stepTime(batchSlots);
    }

    public int hostOf(int copy) {
        return copy * hosts / copies;
    }
}
