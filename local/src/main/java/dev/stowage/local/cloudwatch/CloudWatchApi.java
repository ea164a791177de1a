package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.local.alarms.LocalAlarmEngine;
import dev.stowage.wire.protocol.Operation;
import dev.stowage.wire.protocol.RequestValidator;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Violation;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Local mode's CloudWatch: reads the RPC v2 CBOR request, checks it against CloudWatch's trimmed model (Coral's
 * constraint messages, as {@code ValidationError}), runs the operation and writes its output. Signatures are checked
 * before (signing name {@value #SIGNING_NAME}).
 */
public final class CloudWatchApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    public static final String SIGNING_NAME = "monitoring";
    static final String MODEL = "/service-models/cloudwatch.json";

    private final ServiceModel model = ServiceModel.load(MODEL);
    private final RequestValidator validator = new RequestValidator(model, false);
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
    }

    /** Whether a request path is CloudWatch's. */
    public static boolean serves(String path) {
        return CloudWatchRpc.serves(path);
    }

    /** A refused request (e.g. a bad signature) as CloudWatch answers it. */
    public static APIGatewayProxyResponseEvent refusal(WireError error) {
        return CloudWatchRpc.failure(error);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            String name = CloudWatchRpc.operation(event);
            Function<JsonNode, ObjectNode> operation = operations.get(name);
            Operation modeled = model.operation(name).orElse(null);
            if (operation == null || modeled == null) {
                throw new WireError("UnknownOperationException", null, 404).exception();
            }
            ObjectNode body = CloudWatchRpc.decode(event);
            List<Violation> violations = validator.validate(name, body);
            if (!violations.isEmpty()) {
                throw CloudWatchErrors.validation(RequestValidator.message(violations));
            }
            return CloudWatchRpc.success(operation.apply(body), modeled.output(), model);
        } catch (WireException e) {
            return CloudWatchRpc.failure(e.error());
        }
    }

    private static Function<JsonNode, ObjectNode> noOutput(Consumer<JsonNode> operation) {
        return body -> {
            operation.accept(body);
            return null;
        };
    }
}
