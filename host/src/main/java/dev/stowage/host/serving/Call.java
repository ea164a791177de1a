package dev.stowage.host.serving;

import dev.stowage.domain.metrics.InvocationRecord;
import dev.stowage.wire.runtime.InvocationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One invocation on its way: what it is for, the request, when it entered the router ({@code nanoTime}), and how long
 * it may wait for a copy when none is serving, how many requests a copy of its component takes at once, and the
 * stateful session it opens or belongs to ({@link Sessions}).
 */
record Call(
        Target target,
        InvocationRequest request,
        String requestId,
        long started,
        Duration waitForCapacity,
        int limit,
        Sessions.Binding session) {

    /** When a model sent the request at {@code sent} must have answered by: the whole answer, or the stream's end. */
    long deadline(ServingSettings settings, long sent) {
        Duration limit = request.streaming() ? settings.streamTimeout() : settings.invocationTimeout();
        return sent + limit.toNanos();
    }

    /** Whether the request has not yet waited as long as it may for capacity ({@link CapacityWait}). */
    boolean mayStillWaitForCapacity() {
        return elapsed().compareTo(waitForCapacity) < 0;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    InvocationRecord record(
            Optional<InvocationRecord.CopyRef> copy,
            InvocationRecord.Kind kind,
            int serving,
            Duration model,
            Duration overhead,
            Instant at) {
        return new InvocationRecord(
                target.endpoint(), target.variant(), target.component(), copy, kind, serving, model, overhead, at);
    }
}
