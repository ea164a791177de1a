package dev.stowage.functions.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Rolling updates' alarms on CloudWatch, checked on the RPC v2 CBOR requests the real SDK client sends. */
class CloudWatchAlarmStatesTest {
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private final CapturingAwsServer server = CapturingAwsServer.start();
    private final CloudWatchClient client =
            server.configure(CloudWatchClient.builder()).build();
    private final CloudWatchAlarmStates states = new CloudWatchAlarmStates(client);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void names_go_in_hundreds_asking_only_for_metric_and_composite_alarms_in_alarm() {
        server.respond(request -> {
            JsonNode asked = read(request.body());
            ObjectNode answer = CBOR.createObjectNode();
            answer.putArray("MetricAlarms");
            answer.putArray("CompositeAlarms");
            if (asked.path("AlarmNames").path(0).asText().equals("alarm-000") && !asked.has("NextToken")) {
                answer.withArray("MetricAlarms").addObject().put("AlarmName", "alarm-000");
                answer.put("NextToken", "page-2");
            } else if (asked.has("NextToken")) {
                answer.withArray("CompositeAlarms").addObject().put("AlarmName", "alarm-007");
            }
            return CannedResponse.cbor(200, write(answer));
        });
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            names.add(String.format("alarm-%03d", i));
        }

        assertThat(states.inAlarm(names)).containsExactlyInAnyOrder("alarm-000", "alarm-007");

        List<CapturedRequest> requests = server.requests();
        assertThat(requests).allSatisfy(r -> assertThat(r.path())
                .isEqualTo("/service/GraniteServiceVersion20100801/operation/DescribeAlarms"));
        List<JsonNode> bodies = new ArrayList<>();
        for (CapturedRequest request : requests) {
            bodies.add(read(request.body()));
        }
        assertThat(bodies).extracting(b -> b.path("AlarmNames").size()).contains(100, 50);
        assertThat(bodies).allSatisfy(b -> {
            assertThat(b.path("StateValue").asText()).isEqualTo("ALARM");
            assertThat(b.path("AlarmTypes").toString()).contains("MetricAlarm", "CompositeAlarm");
        });
        assertThat(states.inAlarm(List.of())).isEmpty();
    }

    private static JsonNode read(byte[] body) {
        try {
            return CBOR.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return CBOR.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
