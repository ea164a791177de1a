package dev.stowage.host.serving;

import dev.stowage.domain.metrics.InvocationRecord;
import dev.stowage.functions.runtime.InvocationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One invocation on its way: what it is for, the request, and when it entered the router ({@code nanoTime}). */
record Call(Target target, InvocationRequest request, String requestId, long started) {

    /** When the model must have answered by: the whole answer, or the end of a stream. */
    long deadline(ServingSettings settings) {
        Duration limit = request.streaming() ? settings.streamTimeout() : settings.invocationTimeout();
        return started + limit.toNanos();
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
