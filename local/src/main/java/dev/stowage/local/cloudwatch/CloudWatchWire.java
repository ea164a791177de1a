package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.Operation;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One of the wires CloudWatch is spoken in, each reading a request into the operation and its input as a Jackson
 * tree (members as in the model, timestamps as epoch seconds) and writing the operation's output tree and errors
 * back: Smithy RPC v2 CBOR (the Java SDK v2) and JSON 1.0 (boto3, the AWS CLI, the JS SDK v3). The operations never
 * see which one carried a request. Thread-safe.
 */
sealed interface CloudWatchWire permits CloudWatchRpc, CloudWatchJson {
    ServiceModel MODEL = ServiceModel.load(CloudWatchApi.MODEL);
    CloudWatchWire RPC = new CloudWatchRpc(MODEL);
    CloudWatchWire JSON = new CloudWatchJson(MODEL);

    /** The operation a request names and its input. */
    record Call(Operation operation, ObjectNode input) {}

    /** The wire a request speaks when it is CloudWatch's: RPC v2 CBOR's path or a CloudWatch target on {@code /}. */
    static Optional<CloudWatchWire> of(CloudWatchRequest request) {
        if (CloudWatchRpc.speaks(request)) {
            return Optional.of(RPC);
        }
        return CloudWatchJson.speaks(request) ? Optional.of(JSON) : Optional.empty();
    }

    /**
     * Reads the operation and its input.
     *
     * @throws dev.stowage.wire.protocol.WireException the wire's answer to an unknown operation or an unreadable body
     */
    Call read(CloudWatchRequest request);

    /** A 200 with {@code output} as the operation's output ({@code null}: the operation has none). */
    APIGatewayProxyResponseEvent success(@Nullable JsonNode output, Operation operation, CloudWatchRequest request);

    /** The error as CloudWatch sends it on this wire. */
    APIGatewayProxyResponseEvent failure(WireError error, CloudWatchRequest request);
}
