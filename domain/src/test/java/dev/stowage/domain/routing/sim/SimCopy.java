package dev.stowage.domain.routing.sim;

import java.util.ArrayDeque;

/**
 * One copy under continuous batching, as a fluid: every request in the batch has received the same number of
 * tokens since the copy's virtual clock {@code served} started, so a request admitted at {@code served = v} with
 * k tokens finishes when {@code served} reaches v + k; between events {@code served} grows at one token per step.
 */
final class SimCopy {
    private final ServingModel model;
    private final int[] tokens;
    private final double[] startedAt;
    private final double[] finishAt;
    private final int[] inBatch;
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private int active;
    private double served;
    private double lastTime;
    private long version;

    /**
     * A copy serving requests whose output lengths are {@code tokens[request]}; it writes the time each request
     * enters the batch to {@code startedAt[request]}.
     */
    SimCopy(ServingModel model, int[] tokens, double[] startedAt) {
        this.model = model;
        this.tokens = tokens;
        this.startedAt = startedAt;
        this.finishAt = new double[model.batchSlots()];
        this.inBatch = new int[model.batchSlots()];
    }

    void admit(int request, double now) {
        advance(now);
        if (active < finishAt.length) {
            start(request);
        } else {
            waiting.add(request);
        }
        version++;
    }

    /** Removes the request that finishes first, starts the next waiting one, and returns the finished one. */
    int complete(double now) {
        advance(now);
        int first = 0;
        for (int i = 1; i < active; i++) {
            if (finishAt[i] < finishAt[first]) {
                first = i;
            }
        }
        int done = inBatch[first];
        active--;
        finishAt[first] = finishAt[active];
        inBatch[first] = inBatch[active];
        Integer next = waiting.poll();
        if (next != null) {
            start(next);
        }
        version++;
        return done;
    }

    double nextCompletion() {
        if (active == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double least = finishAt[0];
        for (int i = 1; i < active; i++) {
            least = Math.min(least, finishAt[i]);
        }
        return lastTime + Math.max(0, least - served) * model.stepTime(active);
    }

    long version() {
        return version;
    }

    int outstanding() {
        return active + waiting.size();
    }

    private void start(int request) {
        finishAt[active] = served + tokens[request];
        startedAt[request] = lastTime;
        inBatch[active] = request;
        active++;
    }

    private void advance(double now) {
        if (active > 0) {
            served += (now - lastTime) / model.stepTime(active);
        }
        lastTime = now;
    }
}
