package dev.stowage.wire.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON 1.1 request after the wire: which service and operation it calls, and its body.
 *
 * @param service the model of the service named by the target prefix
 * @param operation the operation named by {@code X-Amz-Target}
 * @param body the request body; {@code {}} when the request had none
 */
public record JsonRequest(ServiceModel service, Operation operation, ObjectNode body) {}
