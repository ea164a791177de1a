package dev.stowage.domain.routing.sim;

import java.util.Comparator;

/** What happens next in the simulation; events at the same time run in the order they were scheduled. */
sealed interface SimEvent {
    Comparator<SimEvent> ORDER = Comparator.comparingDouble(SimEvent::time).thenComparingLong(SimEvent::seq);

    double time();

    long seq();

    /** A request of the trace reaches its entry host. */
    record Arrival(double time, long seq, int request) implements SimEvent {}

    /** The first request in a copy's batch finishes, unless the batch changed since (then {@code version} is old). */
    record Completion(double time, long seq, int copy, long version) implements SimEvent {}

    /** A change of a copy's outstanding count made on another host becomes visible to {@code host}. */
    record Visible(double time, long seq, int host, int copy, int delta) implements SimEvent {}
}
