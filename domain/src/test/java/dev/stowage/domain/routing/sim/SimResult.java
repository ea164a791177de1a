package dev.stowage.domain.routing.sim;

/**
 * What one simulation run measured.
 *
 * @param latencies end-to-end seconds (router queue + copy queue + decoding) of the measured requests, sorted
 * @param waits seconds from arrival until decoding started (router queue + copy queue), sorted: time to first
 *     token without prefill and without the first step
 * @param maxOutstanding the most requests any copy ever had (batch plus its queue)
 * @param queuedAtRouter requests that found every copy at its limit and waited at their entry host
 */
record SimResult(double[] latencies, double[] waits, int maxOutstanding, long queuedAtRouter) {

    /** The {@code q}-quantile (0 < q ≤ 1) of the measured latencies, nearest rank. */
    double quantile(double q) {
        return quantile(latencies, q);
    }

    /** The {@code q}-quantile (0 < q ≤ 1) of the measured waits, nearest rank. */
    double waitQuantile(double q) {
        return quantile(waits, q);
    }

    double meanWait() {
        double sum = 0;
        for (double wait : waits) {
            sum += wait;
        }
        return sum / waits.length;
    }

    private static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
