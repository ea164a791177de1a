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
 * One of the three wires CloudWatch is spoken in, each reading a request into the operation and its input as a
 * Jackson tree (members as in the model, timestamps as epoch seconds) and writing the operation's output tree and
 * errors back: Smithy RPC v2 CBOR (the Java SDK v2), JSON 1.0 (boto3, the AWS CLI, the JS SDK v3) and the query
 * protocol (older SDKs and CLIs). The operations never see which one carried a request. Thread-safe.
 */
sealed interface CloudWatchWire permits CloudWatchRpc, CloudWatchJson, CloudWatchQuery {
    ServiceModel MODEL = ServiceModel.load(CloudWatchApi.MODEL);
    CloudWatchWire RPC = new CloudWatchRpc(MODEL);
    CloudWatchWire JSON = new CloudWatchJson(MODEL);
    CloudWatchWire QUERY = new CloudWatchQuery(MODEL);

    /** The operation a request names and its input. */
    record Call(Operation operation, ObjectNode input) {}

    /**
     * The wire a request speaks when it is CloudWatch's: RPC v2 CBOR's path, a {@code GraniteServiceVersion20100801.*}
     * target on {@code /}, or a form post to {@code /} with an {@code Action} and {@code Version=2010-08-01}.
     */
    static Optional<CloudWatchWire> of(CloudWatchRequest request) {
        if (CloudWatchRpc.speaks(request)) {
            return Optional.of(RPC);
        }
        if (CloudWatchJson.speaks(request)) {
            return Optional.of(JSON);
        }
        return CloudWatchQuery.speaks(request) ? Optional.of(QUERY) : Optional.empty();
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
