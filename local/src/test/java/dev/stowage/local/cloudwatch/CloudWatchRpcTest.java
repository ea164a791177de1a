package dev.stowage.local.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.WireError;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RPC v2 CBOR codec against a request the AWS SDK for Java 2.57.8 sent (captured with a JDK HttpServer). */
class CloudWatchRpcTest {
    /** {@code putMetricData(namespace "Custom", metricName "m", value 1.5, unit Count, 2026-11-25T10:00:00.250Z)}. */
    private static final String PUT_METRIC_DATA = "bf694e616d65737061636566437573746f6d6a4d65747269634461746181bf6a4d"
            + "65747269634e616d65616d6954696d657374616d70c1fb41dac1ac681000006556616c7565fa3fc0000064556e697465436f75"
            + "6e74ffff";

    private static final CloudWatchWire RPC = CloudWatchWire.RPC;

    @Test
    void reads_the_sdks_request_with_its_tagged_timestamp() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath(CloudWatchRpc.PATH_PREFIX + "PutMetricData")
                .withMultiValueHeaders(Map.of("Smithy-protocol", List.of("rpc-v2-cbor")))
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(PUT_METRIC_DATA)));
        CloudWatchRequest request = CloudWatchRequest.of(event);

        CloudWatchWire.Call call = RPC.read(request);
        ObjectNode body = call.input();

        assertThat(CloudWatchWire.of(request)).contains(RPC);
        assertThat(call.operation().name()).isEqualTo("PutMetricData");
        assertThat(body.path("Namespace").asText()).isEqualTo("Custom");
        assertThat(body.path("MetricData").path(0).path("Value").asDouble()).isEqualTo(1.5);
        assertThat(Members.instant(
                        body.path("MetricData").path(0).path("Timestamp").asDouble()))
                .hasToString("2026-11-25T10:00:00.250Z");
    }

    @Test
    void writes_timestamps_of_the_output_shape_as_tag_1() {
        ObjectNode output = Members.TREE.createObjectNode().put("Label", "m");
        output.putArray("Datapoints").addObject().put("Timestamp", 1764064800.0).put("Sum", 3.0);

        APIGatewayProxyResponseEvent response = RPC.success(
                output, CloudWatchWire.MODEL.operation("GetMetricStatistics").orElseThrow(), WireRequests.ANY);

        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(response.getBody()));
        assertThat(hex).contains("6954696d657374616d70" + "c1fb"); // "Timestamp", tag 1, float64
        assertThat(response.getHeaders()).containsEntry("smithy-protocol", "rpc-v2-cbor");
    }

    @Test
    void errors_carry_the_shape_and_the_query_code() {
        APIGatewayProxyResponseEvent response =
                RPC.failure(new WireError("InvalidParameterValue", "bad", 400), WireRequests.ANY);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("x-amzn-query-error", "InvalidParameterValue;Sender");
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(response.getBody()));
        assertThat(hex).contains(HexFormat.of().formatHex("InvalidParameterValueException".getBytes()));
    }
}
