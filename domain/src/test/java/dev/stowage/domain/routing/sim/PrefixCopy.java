package dev.stowage.domain.routing.sim;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * One copy as {@link PrefixServing} describes it. Requests wait (FIFO) for one of the batch slots, then for the
 * prefill, which runs one at a time and pauses decoding, then decode as a fluid like {@link SimCopy}. The first
 * token comes out of the prefill, which a {@link PrefillSetup} (an adapter load) may precede: on the prefill engine
 * (decoding pauses) or, when the setup does not block the engine, while the request holds its batch slot and the
 * engine serves others. {@link #version()} changes whenever the next event may have moved.
 */
final class PrefixCopy {
    private final PrefixServing model;
    private final LlmTrace trace;
    private final BlockCache cache;
    private final PrefixMeasures measures;
    private final PrefillSetup setup;
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private final ArrayDeque<Integer> toPrefill = new ArrayDeque<>();
    private final PriorityQueue<Loading> loading = new PriorityQueue<>(Comparator.comparingDouble(Loading::readyAt));
    private final double[] finishAt;
    private final int[] inBatch;
    private int decoding;
    private int prefilling = -1;
    private double prefillEnd;
    private double served;
    private double lastTime;
    private long version;

    PrefixCopy(PrefixServing model, LlmTrace trace, PrefixMeasures measures) {
        this(model, trace, measures, PrefillSetup.NONE);
    }

    PrefixCopy(PrefixServing model, LlmTrace trace, PrefixMeasures measures, PrefillSetup setup) {
        this.setup = setup;
        this.model = model;
        this.trace = trace;
        this.cache = new BlockCache(model.cacheBlocks());
        this.measures = measures;
        this.finishAt = new double[model.batchSlots()];
        this.inBatch = new int[model.batchSlots()];
    }

    void admit(int request, double now) {
        advance(now);
        waiting.add(request);
        fill(now);
        version++;
    }

    private record Loading(double readyAt, int request) {}

    /** Handles the copy's next event at {@code now}; returns the request that finished, or −1. */
    int next(double now) {
        advance(now);
        int done = -1;
        if (!loading.isEmpty() && loading.peek().readyAt() <= now) {
            while (!loading.isEmpty() && loading.peek().readyAt() <= now) {
                toPrefill.add(loading.poll().request());
            }
        } else if (prefilling >= 0) {
            int request = prefilling;
            prefilling = -1;
            measures.firstToken(request, now);
            cache.insert(trace.blocks()[request]);
            int rest = trace.output()[request] - 1;
            if (rest <= 0) {
                done = request;
            } else {
                finishAt[decoding] = served + rest;
                inBatch[decoding++] = request;
            }
        } else {
            int first = 0;
            for (int i = 1; i < decoding; i++) {
                if (finishAt[i] < finishAt[first]) {
                    first = i;
                }
            }
            done = inBatch[first];
            decoding--;
            finishAt[first] = finishAt[decoding];
            inBatch[first] = inBatch[decoding];
        }
        fill(now);
        version++;
        return done;
    }

    double nextEvent() {
        double ready =
                loading.isEmpty() ? Double.POSITIVE_INFINITY : loading.peek().readyAt();
        if (prefilling >= 0) {
            return Math.min(ready, prefillEnd);
        }
        if (decoding == 0) {
            return ready;
        }
        double least = finishAt[0];
        for (int i = 1; i < decoding; i++) {
            least = Math.min(least, finishAt[i]);
        }
        return Math.min(ready, lastTime + Math.max(0, least - served) * model.stepTime(decoding));
    }

    long version() {
        return version;
    }

    int outstanding() {
        return waiting.size() + running();
    }

    private int running() {
        return loading.size() + toPrefill.size() + (prefilling >= 0 ? 1 : 0) + decoding;
    }

    private void fill(double now) {
        while (running() < model.batchSlots() && !waiting.isEmpty()) {
            int request = waiting.poll();
            double wait = setup.blocksEngine() ? 0 : setup.seconds(request);
            if (wait > 0) {
                loading.add(new Loading(now + wait, request));
            } else {
                toPrefill.add(request);
            }
        }
        if (prefilling < 0 && !toPrefill.isEmpty()) {
            int request = toPrefill.poll();
            long[] blocks = trace.blocks()[request];
            int hits = cache.match(blocks);
            int input = trace.input()[request];
            int cached = Math.min(input - 1, hits * model.blockTokens());
            measures.prefill(request, hits, blocks.length);
            prefilling = request;
            prefillEnd = now + setup.seconds(request) + (input - Math.max(0, cached)) / model.prefillTokensPerSecond();
        }
    }

    private void advance(double now) {
        if (prefilling < 0 && decoding > 0) {
            served += (now - lastTime) / model.stepTime(decoding);
        }
        lastTime = now;
    }
}
