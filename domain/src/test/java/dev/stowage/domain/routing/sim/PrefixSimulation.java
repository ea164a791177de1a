package dev.stowage.domain.routing.sim;

import dev.stowage.domain.routing.AdapterKey;
import dev.stowage.domain.routing.Affinity;
import dev.stowage.domain.routing.Candidate;
import dev.stowage.domain.routing.Pick;
import dev.stowage.domain.routing.PrefixAffinity;
import dev.stowage.domain.routing.PrefixKey;
import dev.stowage.domain.routing.Router;
import dev.stowage.domain.routing.RoutingStrategy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Replays a real trace through the real {@link Router} onto {@link PrefixCopy} copies. Each request enters the
 * host the trace drew for it, whose router picks from exact outstanding counts (the routing simulation showed
 * that gossip staleness of milliseconds does not matter at these request lengths, and prefix-aware routing's
 * ranking needs no shared state); requests that find every copy at its limit wait FIFO at their entry host.
 */
final class PrefixSimulation {
    private final PrefixServing model;
    private final LlmTrace trace;
    private final double[] arrival;
    private final PrefixCopy[] copies;
    private final Router[] routers;
    private final List<ArrayDeque<Integer>> waiting = new ArrayList<>();
    private final PriorityQueue<SimEvent> events = new PriorityQueue<>(SimEvent.ORDER);
    private final PrefixMeasures measures;
    private final PrefixKey[] keys;
    private final @Nullable AdapterLoads adapters;
    private final boolean routeByAdapter;
    private double now;
    private long seq;
    private int maxOutstanding;

    private PrefixSimulation(
            PrefixServing model,
            RoutingStrategy strategy,
            PrefixAffinity affinity,
            LlmTrace trace,
            double speedUp,
            long seed,
            @Nullable AdapterLoads adapters,
            boolean routeByAdapter,
            Affinity adapterAffinity) {
        this.model = model;
        this.adapters = adapters;
        this.routeByAdapter = routeByAdapter;
        this.trace = trace;
        this.arrival = new double[trace.size()];
        this.keys = new PrefixKey[trace.size()];
        for (int i = 0; i < arrival.length; i++) {
            arrival[i] = trace.arrivals()[i] / speedUp;
            keys[i] = PrefixKey.of(trace.blocks()[i], affinity.depth()).orElse(null);
        }
        this.measures = new PrefixMeasures(arrival);
        this.copies = new PrefixCopy[model.copies()];
        for (int c = 0; c < copies.length; c++) {
            copies[c] =
                    new PrefixCopy(model, trace, measures, adapters == null ? PrefillSetup.NONE : adapters.forCopy());
        }
        this.routers = new Router[model.hosts()];
        for (int h = 0; h < routers.length; h++) {
            routers[h] = new Router(strategy, new SplittableRandom(seed + h), affinity, adapterAffinity);
            waiting.add(new ArrayDeque<>());
        }
    }

    /**
     * Replays the whole trace {@code speedUp} times faster than recorded and measures requests from
     * {@code warmUp} on (the first ones fill the caches).
     */
    static PrefixResult run(
            PrefixServing model,
            RoutingStrategy strategy,
            PrefixAffinity affinity,
            LlmTrace trace,
            double speedUp,
            int warmUp,
            long seed) {
        PrefixSimulation simulation =
                new PrefixSimulation(model, strategy, affinity, trace, speedUp, seed, null, false, Affinity.DEFAULT);
        simulation.runAll();
        return simulation.measures.over(warmUp, trace.size(), simulation.maxOutstanding);
    }

    /**
     * Replays {@code trace} as recorded (its arrivals already at the load wanted) with each request naming the
     * adapter {@code adapters} says, which copies load on a miss; the router is told the adapter only when
     * {@code routeByAdapter} (LOR with and without adapter affinity). Misses are read from {@code adapters}.
     */
    static PrefixResult runAdapters(
            PrefixServing model,
            RoutingStrategy strategy,
            LlmTrace trace,
            AdapterLoads adapters,
            boolean routeByAdapter,
            Affinity adapterAffinity,
            int warmUp,
            long seed) {
        PrefixSimulation simulation = new PrefixSimulation(
                model, strategy, PrefixAffinity.DEFAULT, trace, 1.0, seed, adapters, routeByAdapter, adapterAffinity);
        simulation.runAll();
        return simulation.measures.over(warmUp, trace.size(), simulation.maxOutstanding);
    }

    private void runAll() {
        events.add(new SimEvent.Arrival(arrival[0], seq++, 0));
        while (!events.isEmpty()) {
            SimEvent event = events.poll();
            now = event.time();
            switch (event) {
                case SimEvent.Arrival arrived -> arrive(arrived.request());
                case SimEvent.Completion completion -> {
                    if (completion.version() == copies[completion.copy()].version()) {
                        step(completion.copy());
                    }
                }
                case SimEvent.Visible visible -> throw new IllegalStateException("counts are exact here");
            }
        }
    }

    private void arrive(int request) {
        int host = trace.entryHost()[request];
        waiting.get(host).add(request);
        drain(host);
        if (request + 1 < trace.size()) {
            events.add(new SimEvent.Arrival(arrival[request + 1], seq++, request + 1));
        }
    }

    private void drain(int host) {
        ArrayDeque<Integer> queue = waiting.get(host);
        while (!queue.isEmpty()) {
            int request = queue.peek();
            @Nullable AdapterKey adapter = adapters != null && routeByAdapter ? adapters.key(request) : null;
            switch (routers[host].pick(candidates(), adapter, keys[request])) {
                case Pick.Routed routed ->
                    send(queue.poll(), Integer.parseInt(routed.copy().copyId()));
                case Pick.Saturated saturated -> {
                    return;
                }
                case Pick.NoCapacity noCapacity -> throw new IllegalStateException("every copy serves here");
            }
        }
    }

    private void send(int request, int copy) {
        copies[copy].admit(request, now);
        maxOutstanding = Math.max(maxOutstanding, copies[copy].outstanding());
        schedule(copy);
    }

    private void step(int copy) {
        int done = copies[copy].next(now);
        schedule(copy);
        if (done >= 0) {
            measures.done(done, now);
            for (int h = 0; h < routers.length; h++) {
                drain(h);
            }
        }
    }

    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>(copies.length);
        for (int c = 0; c < copies.length; c++) {
            candidates.add(new Candidate(
                    Integer.toString(c),
                    "host-" + model.hostOf(c),
                    Candidate.State.SERVING,
                    copies[c].outstanding(),
                    model.concurrencyLimit()));
        }
        return candidates;
    }

    private void schedule(int copy) {
        double at = copies[copy].nextEvent();
        if (at != Double.POSITIVE_INFINITY) {
            events.add(new SimEvent.Completion(at, seq++, copy, copies[copy].version()));
        }
    }
}
