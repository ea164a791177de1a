package dev.stowage.functions.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.testing.AlarmFixtures;
import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** The alarm port on CloudWatch, checked on the RPC v2 CBOR requests the real SDK client sends. */
class CloudWatchAlarmServiceTest {
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final AlarmDefinition ALARM = AlarmFixtures.highInvocations(
            "TargetTracking-inference-component/ic-AlarmHigh-1", 60, TreatMissingData.missing);

    private final CapturingAwsServer server = CapturingAwsServer.start();
    private final CloudWatchClient client =
            server.configure(CloudWatchClient.builder()).build();
    private final CloudWatchAlarmService alarms = new CloudWatchAlarmService(client);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void put_sends_the_alarm_in_the_stowage_namespace() throws Exception {
        server.respond(request -> CannedResponse.cbor(200, cbor(CBOR.createObjectNode())));

        alarms.put(ALARM);

        CapturedRequest request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricAlarm");
        assertThat(request.header("smithy-protocol")).contains("rpc-v2-cbor");
        JsonNode body = CBOR.readTree(request.body());
        assertThat(body.path("Namespace").asText()).isEqualTo("Stowage/SageMaker");
        assertThat(body.path("MetricName").asText()).isEqualTo("InvocationsPerCopy");
        assertThat(body.path("AlarmName").asText()).isEqualTo(ALARM.alarmName());
        assertThat(body.path("Statistic").asText()).isEqualTo("Sum");
        assertThat(body.path("Threshold").asDouble()).isEqualTo(4.0);
        assertThat(body.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(body.path("Dimensions").path(0).path("Name").asText()).isEqualTo("InferenceComponentName");
        assertThat(body.path("Dimensions").path(0).path("Value").asText()).isEqualTo("ic");
        assertThat(body.path("AlarmActions").path(0).asText()).isEqualTo(AlarmFixtures.POLICY_ARN);
    }

    @Test
    void an_alarm_read_back_equals_the_alarm_put() throws Exception {
        ObjectNode described = CBOR.createObjectNode();
        ObjectNode alarm = described
                .putArray("MetricAlarms")
                .addObject()
                .put("AlarmName", ALARM.alarmName())
                .put("AlarmDescription", "")
                .put("Namespace", "Stowage/SageMaker")
                .put("MetricName", "InvocationsPerCopy")
                .put("Statistic", "Sum")
                .put("Period", 60)
                .put("EvaluationPeriods", 3)
                .put("DatapointsToAlarm", 3)
                .put("Threshold", 4.0)
                .put("ComparisonOperator", "GreaterThanThreshold")
                .put("TreatMissingData", "missing")
                .put("ActionsEnabled", true);
        alarm.putArray("Dimensions")
                .addObject()
                .put("Name", "InferenceComponentName")
                .put("Value", "ic");
        alarm.putArray("AlarmActions").add(AlarmFixtures.POLICY_ARN);
        server.respond(request -> CannedResponse.cbor(200, cbor(described)));

        List<AlarmDefinition> listed = alarms.list("TargetTracking-inference-component/ic-");

        assertThat(listed).containsExactly(ALARM);
        JsonNode body = CBOR.readTree(server.requests().getFirst().body());
        assertThat(body.path("AlarmNamePrefix").asText()).isEqualTo("TargetTracking-inference-component/ic-");
    }

    private static byte[] cbor(JsonNode node) {
        try {
            return CBOR.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
