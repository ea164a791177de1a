package dev.stowage.domain.routing.sim;

import java.util.Arrays;

/** What a prefix simulation records per request, and the figures it gives over a measured range of requests. */
final class PrefixMeasures {
    private final double[] arrival;
    private final double[] firstToken;
    private final double[] done;
    private final int[] hitBlocks;
    private final int[] blocks;

    PrefixMeasures(double[] arrival) {
        this.arrival = arrival;
        this.firstToken = new double[arrival.length];
        this.done = new double[arrival.length];
        this.hitBlocks = new int[arrival.length];
        this.blocks = new int[arrival.length];
    }

    void prefill(int request, int hits, int total) {
        hitBlocks[request] = hits;
        blocks[request] = total;
    }

    void firstToken(int request, double now) {
        firstToken[request] = now;
    }

    void done(int request, double now) {
        done[request] = now;
    }

    /** The figures of requests {@code [from, to)}. */
    PrefixResult over(int from, int to, int maxOutstanding) {
        double[] ttft = new double[to - from];
        double[] latency = new double[to - from];
        long hits = 0;
        long total = 0;
        for (int i = from; i < to; i++) {
            ttft[i - from] = firstToken[i] - arrival[i];
            latency[i - from] = done[i] - arrival[i];
            hits += hitBlocks[i];
            total += blocks[i];
        }
        Arrays.sort(ttft);
        Arrays.sort(latency);
        return new PrefixResult(ttft, latency, total == 0 ? 0 : (double) hits / total, maxOutstanding);
    }
}
