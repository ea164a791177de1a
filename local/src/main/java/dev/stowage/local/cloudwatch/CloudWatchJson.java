package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.AwsJsonProtocol;
import dev.stowage.wire.protocol.JsonRequest;
import dev.stowage.wire.protocol.Operation;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import dev.stowage.wire.protocol.WireError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's JSON 1.0 wire, as boto3 and the AWS CLI (botocore 1.43) and the JS SDK v3 (3.1178) speak it: {@code
 * POST /} with {@code X-Amz-Target: GraniteServiceVersion20100801.<Operation>}, {@code Content-Type:
 * application/x-amz-json-1.0} and {@code x-amzn-query-mode: true}, timestamps as epoch seconds. Read by {@link
 * AwsJsonProtocol} (Coral's answers to unknown targets and bodies that are not JSON objects); responses are JSON with
 * timestamps as epoch seconds (placed by the output shape), an operation without output answers an empty body.
 * Errors are {@code {"__type": "com.amazonaws.cloudwatch#<shape>", "message": <text>}} with {@code
 * x-amzn-query-error: <code>;Sender}, from which botocore and the JS SDK take the code. Thread-safe.
 */
final class CloudWatchJson implements CloudWatchWire {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String NAMESPACE = "com.amazonaws.cloudwatch#";
    /** The JSON 1.1 services local mode serves beside CloudWatch. */
    private static final AwsJsonProtocol OTHERS = AwsJsonProtocol.standard();

    private final ServiceModel model;
    private final AwsJsonProtocol protocol;

    CloudWatchJson(ServiceModel model) {
        this.model = model;
        this.protocol = new AwsJsonProtocol(List.of(model));
    }

    /**
     * Whether the request is for CloudWatch over JSON: its target names CloudWatch, on {@code /}. A target that only
     * starts like CloudWatch's (no operation, another case) is CloudWatch's too, so that it gets CloudWatch's
     * unknown-operation error rather than a SageMaker signature error (issue 13); so is a JSON 1.0 request whose
     * target names none of the JSON 1.1 services, since CloudWatch is the only JSON 1.0 service served.
     */
    static boolean speaks(CloudWatchRequest request) {
        if (!request.path().equals("/")) {
            return false;
        }
        String target = request.headers()
                .first(AwsJsonProtocol.TARGET_HEADER)
                .orElse("")
                .toLowerCase(Locale.ROOT);
        return target.startsWith(CloudWatchWire.MODEL.targetPrefix().toLowerCase(Locale.ROOT))
                || (request.contentType().equals(CONTENT_TYPE)
                        && OTHERS.service(request.headers()).isEmpty());
    }

    @Override
    public Call read(CloudWatchRequest request) {
        if (!"POST".equals(request.method())) {
            throw AwsJsonProtocol.unknownOperation(request.headers()
                            .first(AwsJsonProtocol.TARGET_HEADER)
                            .orElse(""))
                    .exception();
        }
        JsonRequest parsed = protocol.parse(request.headers(), request.body());
        return new Call(parsed.operation(), parsed.body());
    }

    @Override
    public APIGatewayProxyResponseEvent success(
            @Nullable JsonNode output, Operation operation, CloudWatchRequest request) {
        if (output == null || operation.output() == null) {
            return response(200, "", Map.of(), request);
        }
        JsonNode body = epochSeconds(output, model.shape(operation.output()));
        return response(200, new String(AwsJsonProtocol.encode(body), StandardCharsets.UTF_8), Map.of(), request);
    }

    @Override
    public APIGatewayProxyResponseEvent failure(WireError error, CloudWatchRequest request) {
        String type = NAMESPACE + CloudWatchErrors.shapeOf(error.code());
        ObjectNode body = Members.TREE.createObjectNode().put("__type", type).put("message", error.message());
        Map<String, String> headers = new HashMap<>(CloudWatchErrors.queryErrorHeader(error));
        headers.put(AwsJsonProtocol.ERROR_TYPE_HEADER, type);
        return response(
                error.status(), new String(AwsJsonProtocol.encode(body), StandardCharsets.UTF_8), headers, request);
    }

    /** The tree with every timestamp of the shape as plain epoch seconds (milliseconds), not {@code 1.7E9}. */
    private JsonNode epochSeconds(JsonNode value, @Nullable Shape shape) {
        if (shape instanceof Shape.Structure structure && value.isObject()) {
            ObjectNode out = Members.TREE.createObjectNode();
            value.properties().forEach(member -> {
                String memberShape = structure.members().get(member.getKey());
                out.set(
                        member.getKey(),
                        epochSeconds(member.getValue(), memberShape == null ? null : model.shape(memberShape)));
            });
            return out;
        }
        if (shape instanceof Shape.ListOf list && value.isArray()) {
            ArrayNode out = Members.TREE.createArrayNode();
            value.forEach(item -> out.add(epochSeconds(item, model.shape(list.member()))));
            return out;
        }
        if (shape instanceof Shape.Timestamp && value.isNumber()) {
            return DecimalNode.valueOf(
                    BigDecimal.valueOf(Members.instant(value.doubleValue()).toEpochMilli(), 3));
        }
        return value;
    }

    private static APIGatewayProxyResponseEvent response(
            int status, String body, Map<String, String> extra, CloudWatchRequest request) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("x-amzn-RequestId", request.requestId());
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body);
    }
}
