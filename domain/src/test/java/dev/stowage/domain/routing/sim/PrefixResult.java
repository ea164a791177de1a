package dev.stowage.domain.routing.sim;

/**
 * What one prefix simulation measured.
 *
 * @param ttft seconds from arrival to first token (router queue, copy queue, prefill queue, prefill), sorted
 * @param latencies seconds from arrival to last token, sorted
 * @param hitRate prompt blocks found in the copy's cache ÷ prompt blocks
 * @param maxOutstanding the most requests any copy ever had
 */
record PrefixResult(double[] ttft, double[] latencies, double hitRate, int maxOutstanding) {

    double ttft(double q) {
        return quantile(ttft, q);
    }

    double meanTtft() {
        double sum = 0;
        for (double t : ttft) {
            sum += t;
        }
        return sum / ttft.length;
    }

    double latency(double q) {
        return quantile(latencies, q);
    }

    private static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
