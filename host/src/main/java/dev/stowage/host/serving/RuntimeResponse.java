package dev.stowage.host.serving;

import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.runtime.InvocationResponses;
import dev.stowage.wire.runtime.RuntimeError;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/** What the runtime API answers: a whole body, or a 200 whose body is written as it is produced. */
public sealed interface RuntimeResponse {

    Map<String, String> headers();

    /** The runtime API's answer for {@code error}: its status, headers and JSON body. */
    static RuntimeResponse error(RuntimeError error, String requestId) {
        return new Whole(
                error.status(),
                InvocationResponses.errorHeaders(error, requestId),
                InvocationResponses.errorBody(error));
    }

    /**
     * The runtime API's answer refusing a request that is not authenticated (ADR 23): the status and code of {@code
     * refusal} (AWS's for a missing, unknown or bad credential) in the runtime's error shape.
     */
    static RuntimeResponse refused(WireError refusal, String requestId) {
        return error(
                new RuntimeError(
                        refusal.code(), refusal.status(), Objects.requireNonNullElse(refusal.message(), ""), null),
                requestId);
    }

    /** A response known in full, success or error. */
    record Whole(int status, Map<String, String> headers, byte[] body) implements RuntimeResponse {}

    /** A 200 whose body {@code body} writes, flushing as parts become available. */
    record Streamed(Map<String, String> headers, BodyWriter body) implements RuntimeResponse {}

    /** Writes a streamed body; it must end (and release what it holds) whether or not the client is still there. */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
