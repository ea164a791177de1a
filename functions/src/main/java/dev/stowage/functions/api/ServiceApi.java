package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.wire.protocol.Caller;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import java.util.Optional;

/** One AWS JSON 1.1 service the API handler serves: its model, its operations and its error codes. */
public interface ServiceApi {

    ServiceModel model();

    /** The output of {@code operation}, or empty when it is not served. Input is already validated. */
    Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId);

    /** {@link #invoke(String, ObjectNode, String)} knowing who signed the request; most services do not ask. */
    default Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId, Caller caller) {
        return invoke(operation, input, requestId);
    }

    /** How this service reports a domain rejection. */
    WireError error(CommandRejected rejected);

    /** How this service reports a write that kept losing the race for its stream. */
    default WireError conflict(ConcurrencyConflict conflict) {
        return new WireError(
                "ThrottlingException",
                "Too many concurrent changes to " + conflict.stream() + "; retry the request.",
                400);
    }
}
