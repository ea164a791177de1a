package dev.stowage.local.simulate;

import java.util.stream.Stream;

/** A workload read from a trace, with its rate scale, compression and seed applied. */
public interface Workload {
    /**
     * The requests in time order, read as the stream is consumed; the stream holds the trace's files open until it is
     * closed. A line the reader cannot take ends it with an {@link InputException} that names the file and line.
     */
    Stream<Arrival> arrivals();

    /** Requests and span per component; by default one pass over {@link #arrivals()}. */
    default WorkloadSummary summary() {
        WorkloadSummary.Tally tally = new WorkloadSummary.Tally();
        try (Stream<Arrival> arrivals = arrivals()) {
            arrivals.forEach(tally::add);
        }
        return tally.summary();
    }
}
