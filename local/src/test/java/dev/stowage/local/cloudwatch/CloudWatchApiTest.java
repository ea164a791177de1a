package dev.stowage.local.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.time.TimeScale;
import dev.stowage.local.alarms.LocalAlarmEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One implementation of each operation behind three wires: what one wire puts, the others read back, and each
 * refuses a bad request in its own format.
 */
class CloudWatchApiTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
    private static final Map<String, String> QUERY = WireRequests.QUERY_HEADERS;

    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CloudWatchApi api = new CloudWatchApi(
            new LocalAlarmEngine(metrics::all, clock, TimeScale.REAL_TIME, "us-east-1", "123456789012", Runnable::run),
            metrics,
            clock);

    @Test
    void data_put_over_the_query_protocol_reads_back_over_json_and_cbor() throws IOException {
        APIGatewayProxyResponseEvent put =
                call(form("Action=PutMetricData&Version=2010-08-01&Namespace=App&MetricData.member.1.MetricName=m"
                        + "&MetricData.member.1.Value=2&MetricData.member.1.Timestamp=2026-01-01T00%3A00%3A30Z"
                        + "&MetricData.member.2.MetricName=m&MetricData.member.2.Value=3"
                        + "&MetricData.member.2.Timestamp=2026-01-01T00%3A00%3A40Z"));
        String statistics = "{\"Namespace\":\"App\",\"MetricName\":\"m\",\"StartTime\":1767225600,"
                + "\"EndTime\":1767225720,\"Period\":60,\"Statistics\":[\"Sum\"]}";

        APIGatewayProxyResponseEvent json = call(json("GetMetricStatistics", statistics));
        APIGatewayProxyResponseEvent cbor = call(cbor("GetMetricStatistics", statistics));

        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(json.getBody())
                .isEqualTo("{\"Label\":\"m\",\"Datapoints\":[{\"Timestamp\":1767225600.000,\"Unit\":\"None\","
                        + "\"Sum\":5.0}]}");
        assertThat(CBOR.readTree(Base64.getDecoder().decode(cbor.getBody()))
                        .at("/Datapoints/0/Sum")
                        .asDouble())
                .isEqualTo(5.0);
    }

    @Test
    void an_alarm_put_over_json_is_described_over_the_query_protocol() {
        APIGatewayProxyResponseEvent put = call(json(
                "PutMetricAlarm",
                "{\"AlarmName\":\"high\",\"Namespace\":\"App\",\"MetricName\":\"m\",\"Statistic\":\"Average\","
                        + "\"Period\":60,\"EvaluationPeriods\":2,\"Threshold\":5,"
                        + "\"ComparisonOperator\":\"GreaterThanThreshold\"}"));

        APIGatewayProxyResponseEvent described =
                call(form("Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=high"));

        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(described.getBody())
                .contains("<AlarmName>high</AlarmName>")
                .contains("<Period>60</Period><EvaluationPeriods>2</EvaluationPeriods>")
                .contains("<Threshold>5.0</Threshold><ComparisonOperator>GreaterThanThreshold</ComparisonOperator>")
                .contains("<AlarmConfigurationUpdatedTimestamp>2026-01-01T00:10:00.000Z<");
    }

    @Test
    void a_constraint_violation_is_refused_on_the_requests_wire() {
        APIGatewayProxyResponseEvent json = call(json("DescribeAlarms", "{\"MaxRecords\":0}"));
        APIGatewayProxyResponseEvent query = call(form("Action=DescribeAlarms&Version=2010-08-01&MaxRecords=0"));

        assertThat(json.getStatusCode()).isEqualTo(400);
        assertThat(json.getHeaders()).containsEntry("x-amzn-query-error", "ValidationError;Sender");
        assertThat(json.getBody()).contains("\"__type\":\"com.amazonaws.cloudwatch#ValidationException\"");
        assertThat(query.getStatusCode()).isEqualTo(400);
        assertThat(query.getBody())
                .contains("<Code>ValidationError</Code><Message>1 validation error detected: Value '0' at"
                        + " 'maxRecords' failed to satisfy constraint: Member must have value greater than or equal"
                        + " to 1</Message>");
    }

    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
        return api.handleRequest(event, null);
    }

    private static APIGatewayProxyRequestEvent form(String body) {
        return event("/", QUERY, body);
    }

    private static APIGatewayProxyRequestEvent json(String operation, String body) {
        return event(
                "/",
                Map.of(
                        "X-Amz-Target",
                        "GraniteServiceVersion20100801." + operation,
                        "Content-Type",
                        CloudWatchJson.CONTENT_TYPE),
                body);
    }

    private static APIGatewayProxyRequestEvent cbor(String operation, String json) throws IOException {
        byte[] body = CBOR.writeValueAsBytes(new ObjectMapper().readTree(json));
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath(CloudWatchRpc.PATH_PREFIX + operation)
                .withMultiValueHeaders(Map.of("smithy-protocol", List.of("rpc-v2-cbor")))
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(body));
    }

    private static APIGatewayProxyRequestEvent event(String path, Map<String, String> headers, String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath(path)
                .withHeaders(headers)
                .withBody(body);
    }
}
