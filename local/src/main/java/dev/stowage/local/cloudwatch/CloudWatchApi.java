package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.local.alarms.LocalAlarmEngine;
import dev.stowage.wire.protocol.RequestValidator;
import dev.stowage.wire.protocol.Violation;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Local mode's CloudWatch: reads the request in whichever of CloudWatch's wires it speaks ({@link CloudWatchWire}),
 * checks it against CloudWatch's trimmed model (Coral's constraint messages, as {@code ValidationError}), runs the
 * operation and writes its output on the same wire. Signatures are checked before (signing name {@value
 * #SIGNING_NAME}).
 */
public final class CloudWatchApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    public static final String SIGNING_NAME = "monitoring";
    static final String MODEL = "/service-models/cloudwatch.json";

    private final RequestValidator validator = new RequestValidator(CloudWatchWire.MODEL, false);
    private final Map<String, Function<JsonNode, ObjectNode>> operations;

    public CloudWatchApi(LocalAlarmEngine alarms, InMemoryMetrics metrics, Clock clock) {
        AlarmOperations alarmOps = new AlarmOperations(alarms);
        MetricOperations metricOps = new MetricOperations(metrics, clock);
        this.operations = Map.of(
                "PutMetricAlarm",
                noOutput(alarmOps::putMetricAlarm),
                "PutCompositeAlarm",
                noOutput(alarmOps::putCompositeAlarm),
                "DescribeAlarms",
                alarmOps::describeAlarms,
                "DeleteAlarms",
                noOutput(alarmOps::deleteAlarms),
                "PutMetricData",
                noOutput(metricOps::putMetricData),
                "GetMetricStatistics",
                metricOps::getMetricStatistics,
                "GetMetricData",
                metricOps::getMetricData,
                "ListMetrics",
                metricOps::listMetrics);
        if (!operations.keySet().equals(CloudWatchWire.MODEL.operations().keySet())) {
            // The wires answer an operation the model lacks as unknown; every modeled one must run.
            throw new IllegalStateException("CloudWatch's model and operations differ");
        }
    }

    /** Whether a request is CloudWatch's, in any of its wires. */
    public static boolean serves(APIGatewayProxyRequestEvent event) {
        return CloudWatchWire.of(CloudWatchRequest.of(event)).isPresent();
    }

    /** A refused request (e.g. a bad signature) as CloudWatch answers it on the request's wire. */
    public static APIGatewayProxyResponseEvent refusal(APIGatewayProxyRequestEvent event, WireError error) {
        CloudWatchRequest request = CloudWatchRequest.of(event);
        return wire(request).failure(error, request);
    }

    /**
     * A request refused before its body was read (a head the HTTP server refuses, a body past its limit), as
     * CloudWatch answers it, when its path and headers say it is for CloudWatch; a form post to {@code /} is taken as
     * the query protocol's, since its {@code Action} is in the unread body.
     */
    public static Optional<APIGatewayProxyResponseEvent> refusalOfHead(
            APIGatewayProxyRequestEvent event, WireError error) {
        CloudWatchRequest request = CloudWatchRequest.of(event);
        return CloudWatchWire.of(request)
                .or(() -> CloudWatchQuery.posted(request) ? Optional.of(CloudWatchWire.QUERY) : Optional.empty())
                .map(wire -> wire.failure(error, request));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        CloudWatchRequest request = CloudWatchRequest.of(event);
        CloudWatchWire wire = wire(request);
        try {
            CloudWatchWire.Call call = wire.read(request);
            String name = call.operation().name();
            List<Violation> violations = validator.validate(name, call.input());
            if (!violations.isEmpty()) {
                throw CloudWatchErrors.validation(RequestValidator.message(violations));
            }
            return wire.success(operations.get(name).apply(call.input()), call.operation(), request);
        } catch (WireException e) {
            return wire.failure(e.error(), request);
        }
    }

    /** The request's wire; RPC v2 CBOR (which answers any other request as an unknown operation) when none. */
    private static CloudWatchWire wire(CloudWatchRequest request) {
        return CloudWatchWire.of(request).orElse(CloudWatchWire.RPC);
    }

    private static Function<JsonNode, ObjectNode> noOutput(Consumer<JsonNode> operation) {
        return body -> {
            operation.accept(body);
            return null;
        };
    }
}
