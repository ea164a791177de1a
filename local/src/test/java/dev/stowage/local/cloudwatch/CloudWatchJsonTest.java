package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.WireRequests.BOTO3_HEADERS;
import static dev.stowage.local.cloudwatch.WireRequests.BOTO3_PUT_METRIC_DATA;
import static dev.stowage.local.cloudwatch.WireRequests.JS_DESCRIBE_ALARMS;
import static dev.stowage.local.cloudwatch.WireRequests.JS_HEADERS;
import static dev.stowage.local.cloudwatch.WireRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.Operation;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON 1.0 codec against the requests boto3 and the JS SDK v3 sent ({@link WireRequests}). */
class CloudWatchJsonTest {
    private static final CloudWatchWire JSON = CloudWatchWire.JSON;

    @Test
    void reads_boto3s_put_metric_data_with_its_epoch_seconds() {
        CloudWatchWire.Call call = JSON.read(post("/", BOTO3_HEADERS, BOTO3_PUT_METRIC_DATA));

        assertThat(call.operation().name()).isEqualTo("PutMetricData");
        assertThat(call.input().path("Namespace").asText()).isEqualTo("App");
        assertThat(Members.instant(call.input().at("/MetricData/0/Timestamp").asDouble()))
                .hasToString("2026-01-01T00:00:00Z");
        assertThat(call.input().at("/MetricData/0/Dimensions/0/Value").asText()).isEqualTo("v");
    }

    @Test
    void reads_the_js_sdks_describe_alarms_whatever_the_header_case() {
        CloudWatchWire.Call call = JSON.read(post("/", JS_HEADERS, JS_DESCRIBE_ALARMS));

        assertThat(call.operation().name()).isEqualTo("DescribeAlarms");
        assertThat(call.input().path("AlarmNames").get(0).asText()).isEqualTo("a");
    }

    @Test
    void an_unknown_target_is_an_unknown_operation() {
        Map<String, String> headers = new HashMap<>(BOTO3_HEADERS);
        headers.put("X-Amz-Target", "GraniteServiceVersion20100801.DescribeAlarmHistory");

        WireException refused = catchThrowableOfType(WireException.class, () -> JSON.read(post("/", headers, "{}")));

        assertThat(refused.error().code()).isEqualTo("UnknownOperationException");
        assertThat(refused.error().status()).isEqualTo(400);
    }

    @Test
    void only_post_runs_an_operation() {
        WireException refused = catchThrowableOfType(
                WireException.class, () -> JSON.read(WireRequests.request("GET", "/", BOTO3_HEADERS, new byte[0])));

        assertThat(refused.error().code()).isEqualTo("UnknownOperationException");
    }

    @Test
    void a_body_that_is_not_an_object_is_a_serialization_error() {
        WireException refused =
                catchThrowableOfType(WireException.class, () -> JSON.read(post("/", BOTO3_HEADERS, "[1]")));

        assertThat(refused.error().code()).isEqualTo("SerializationException");
    }

    @Test
    void writes_timestamps_of_the_output_shape_as_plain_epoch_seconds() {
        ObjectNode output = Members.TREE.createObjectNode().put("Label", "m");
        output.putArray("Datapoints")
                .addObject()
                .put("Timestamp", 1767225600.25)
                .put("Sum", 3.0)
                .put("Unit", "Count");

        APIGatewayProxyResponseEvent response =
                JSON.success(output, operation("GetMetricStatistics"), WireRequests.ANY);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/x-amz-json-1.0")
                .containsEntry("x-amzn-RequestId", "request-1");
        assertThat(response.getBody())
                .isEqualTo(
                        "{\"Label\":\"m\",\"Datapoints\":[{\"Timestamp\":1767225600.250,\"Sum\":3.0,\"Unit\":\"Count\"}]}");
    }

    @Test
    void an_operation_without_output_answers_an_empty_body() {
        APIGatewayProxyResponseEvent response = JSON.success(null, operation("PutMetricData"), WireRequests.ANY);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void errors_carry_the_namespaced_shape_and_the_query_code() {
        APIGatewayProxyResponseEvent response =
                JSON.failure(new WireError("InvalidParameterValue", "bad", 400), WireRequests.ANY);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("x-amzn-query-error", "InvalidParameterValue;Sender");
        assertThat(response.getBody())
                .isEqualTo(
                        "{\"__type\":\"com.amazonaws.cloudwatch#InvalidParameterValueException\",\"message\":\"bad\"}");
    }

    @Test
    void a_refused_signature_keeps_its_code() {
        APIGatewayProxyResponseEvent response =
                JSON.failure(new WireError("InvalidSignatureException", "no", 403), WireRequests.ANY);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).contains("#InvalidSignatureException\"");
        assertThat(response.getHeaders()).containsEntry("x-amzn-query-error", "InvalidSignatureException;Sender");
    }

    static Operation operation(String name) {
        return CloudWatchWire.MODEL.operation(name).orElseThrow();
    }
}
