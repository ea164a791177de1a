package dev.stowage.local.runtime;

import java.util.Map;

/** How an invocation ended, before it is put on the wire. */
public sealed interface Outcome {

    /** The copy answered; {@code headers} are those of the copy's response the caller should see. */
    record Served(byte[] body, Map<String, String> headers, String invokedVariant, String copyId) implements Outcome {}

    /** The request cannot be served as asked: unknown endpoint or component, no capacity (400 ValidationError). */
    record Refused(String message) implements Outcome {}

    /** Every copy is at its concurrency limit (429). */
    record Throttled(String message) implements Outcome {}

    /** The model answered with an error status (424 ModelError). */
    record ModelFailed(int originalStatusCode, String originalMessage) implements Outcome {}
}
