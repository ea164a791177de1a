package dev.stowage.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one invocation of an inference component ended, as the router saw it: the copy that took it (none when no
 * copy did), how long the model took ({@code modelLatency}, the time in the call to the copy) and how long Stowage
 * took around it ({@code overheadLatency}), and how many copies were serving ({@code servingCopies}, for {@code
 * InvocationsPerCopy}). Requests for an unknown endpoint or component have no record: there is no component to
 * publish for.
 */
public record InvocationRecord(
        String endpoint,
        String variant,
        String component,
        Optional<CopyRef> copy,
        Kind kind,
        int servingCopies,
        Duration modelLatency,
        Duration overheadLatency,
        Instant at) {

    /** The copy that served the request, and its instance. */
    public record CopyRef(String instanceId, String copyId) {}

    /** How the invocation ended, in the terms the metrics distinguish. */
    public enum Kind {
        SERVED,
        /** The model answered with a 4xx status. */
        MODEL_ERROR_4XX,
        /** The model answered with a 5xx (or no) status. */
        MODEL_ERROR_5XX,
        /** Every copy was at its concurrency limit (429). */
        THROTTLED,
        /** The component had no serving copy. */
        NO_CAPACITY;

        /** The kind of a model failure with this original status. */
        public static Kind modelError(int status) {
            return status >= 400 && status < 500 ? MODEL_ERROR_4XX : MODEL_ERROR_5XX;
        }
    }
}
