package dev.stowage.domain.routing.sim;

import dev.stowage.domain.routing.Candidate;
import dev.stowage.domain.routing.Pick;
import dev.stowage.domain.routing.Router;
import dev.stowage.domain.routing.RoutingStrategy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Runs one trace through the real {@link Router}: each entry host routes from the outstanding counts it sees
 * (its own at once, the other hosts' after {@link ServingModel#staleness()}), requests that find every copy at
 * its limit wait in FIFO order at their entry host, and copies serve as {@link SimCopy} says.
 */
final class RoutingSimulation {
    private final ServingModel model;
    private final Trace trace;
    private final double[] arrival;
    private final SimCopy[] copies;
    private final String[] copyIds;
    private final String[] hostNames;
    private final Router[] routers;
    private final int[][] seen;
    private final List<ArrayDeque<Integer>> waiting = new ArrayList<>();
    private final PriorityQueue<SimEvent> events = new PriorityQueue<>(SimEvent.ORDER);
    private final double[] latency;
    private final double[] started;
    private double now;
    private long seq;
    private int maxOutstanding;
    private long queuedAtRouter;

    private RoutingSimulation(ServingModel model, RoutingStrategy strategy, Trace trace, double rate, long seed) {
        this.model = model;
        this.trace = trace;
        this.arrival = Arrays.stream(trace.unitArrivals()).map(t -> t / rate).toArray();
        this.latency = new double[trace.size()];
        this.started = new double[trace.size()];
        this.copies = new SimCopy[model.copies()];
        this.copyIds = new String[model.copies()];
        for (int c = 0; c < copies.length; c++) {
            copies[c] = new SimCopy(model, trace.tokens(), started);
            copyIds[c] = "copy-" + c;
        }
        this.hostNames = new String[model.hosts()];
        this.routers = new Router[model.hosts()];
        for (int h = 0; h < hostNames.length; h++) {
            hostNames[h] = "host-" + h;
            routers[h] = new Router(strategy, new SplittableRandom(seed + h));
            waiting.add(new ArrayDeque<>());
        }
        this.seen = new int[model.hosts()][model.copies()];
    }

    /**
     * Simulates the whole trace at {@code rate} requests per second and measures requests
     * {@code [warmUp, warmUp + measured)}; the trace should extend beyond them so that they run under load.
     */
    static SimResult run(
            ServingModel model,
            RoutingStrategy strategy,
            Trace trace,
            double rate,
            int warmUp,
            int measured,
            long routerSeed) {
        RoutingSimulation simulation = new RoutingSimulation(model, strategy, trace, rate, routerSeed);
        simulation.runAll();
        double[] latencies = Arrays.copyOfRange(simulation.latency, warmUp, warmUp + measured);
        double[] waits = new double[measured];
        for (int i = 0; i < measured; i++) {
            waits[i] = simulation.started[warmUp + i] - simulation.arrival[warmUp + i];
        }
        Arrays.sort(latencies);
        Arrays.sort(waits);
        return new SimResult(latencies, waits, simulation.maxOutstanding, simulation.queuedAtRouter);
    }

    private void runAll() {
        schedule(new SimEvent.Arrival(arrival[0], seq++, 0));
        while (!events.isEmpty()) {
            SimEvent event = events.poll();
            now = event.time();
            switch (event) {
                case SimEvent.Arrival arrived -> arrive(arrived.request());
                case SimEvent.Completion completion -> {
                    if (completion.version() == copies[completion.copy()].version()) {
                        finish(completion.copy());
                    }
                }
                case SimEvent.Visible visible -> {
                    seen[visible.host()][visible.copy()] += visible.delta();
                    drain(visible.host());
                }
            }
        }
    }

    private void arrive(int request) {
        int host = trace.entryHost()[request];
        waiting.get(host).add(request);
        drain(host);
        if (!waiting.get(host).isEmpty() && waiting.get(host).peekLast() == request) {
            queuedAtRouter++;
        }
        if (request + 1 < trace.size()) {
            schedule(new SimEvent.Arrival(arrival[request + 1], seq++, request + 1));
        }
    }

    private void drain(int host) {
        ArrayDeque<Integer> queue = waiting.get(host);
        while (!queue.isEmpty()) {
            switch (routers[host].pick(candidates(host))) {
                case Pick.Routed routed -> send(queue.poll(), host, copyIndex(routed.copy()));
                case Pick.Saturated saturated -> {
                    return;
                }
                case Pick.NoCapacity noCapacity -> throw new IllegalStateException("every copy serves here");
            }
        }
    }

    private void send(int request, int host, int copy) {
        count(host, copy, +1);
        copies[copy].admit(request, now);
        maxOutstanding = Math.max(maxOutstanding, copies[copy].outstanding());
        scheduleCompletion(copy);
    }

    private void finish(int copy) {
        int request = copies[copy].complete(now);
        latency[request] = now - arrival[request];
        scheduleCompletion(copy);
        count(trace.entryHost()[request], copy, -1);
    }

    private void count(int host, int copy, int delta) {
        seen[host][copy] += delta;
        for (int other = 0; other < seen.length; other++) {
            if (other == host) {
                continue;
            }
            if (model.staleness() == 0) {
                seen[other][copy] += delta;
            } else {
                schedule(new SimEvent.Visible(now + model.staleness(), seq++, other, copy, delta));
            }
        }
        if (delta < 0) {
            for (int h = 0; h < seen.length; h++) {
                if (h == host || model.staleness() == 0) {
                    drain(h);
                }
            }
        }
    }

    private List<Candidate> candidates(int host) {
        List<Candidate> candidates = new ArrayList<>(copies.length);
        for (int c = 0; c < copies.length; c++) {
            candidates.add(new Candidate(
                    copyIds[c],
                    hostNames[model.hostOf(c)],
                    Candidate.State.SERVING,
                    seen[host][c],
                    model.concurrencyLimit()));
        }
        return candidates;
    }

    private int copyIndex(Candidate candidate) {
        return Integer.parseInt(candidate.copyId().substring("copy-".length()));
    }

    private void scheduleCompletion(int copy) {
        double at = copies[copy].nextCompletion();
        if (at != Double.POSITIVE_INFINITY) {
            schedule(new SimEvent.Completion(at, seq++, copy, copies[copy].version()));
        }
    }

    private void schedule(SimEvent event) {
        events.add(event);
    }
}
