package dev.stowage.functions.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import dev.stowage.testing.AlarmFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The EventBridge event of an alarm state change: its shape, and parsed back to the same change. */
class AlarmStateChangeJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-25T10:04:05.123Z");
    private static final AlarmDefinition ALARM = AlarmFixtures.highInvocations(
            "TargetTracking-inference-component/ic-AlarmHigh-1", 60, TreatMissingData.missing);
    private static final AlarmStateChange CHANGE = new AlarmStateChange(
            ALARM,
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + ALARM.alarmName(),
            AlarmState.OK,
            AlarmState.ALARM,
            "Threshold Crossed: 3 out of the last 3 datapoints [...]",
            List.of(5.0, 6.5, 7.0),
            AT);

    @Test
    void renders_the_event_eventbridge_delivers() throws Exception {
        JsonNode event = AlarmStateChangeJson.render(
                "e-1", CHANGE, Optional.of(new AlarmStateChangeJson.PriorState("was fine", "{}", AT.minusSeconds(60))));

        assertThat(event.path("detail-type").asText()).isEqualTo("CloudWatch Alarm State Change");
        assertThat(event.path("source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(event.path("account").asText()).isEqualTo("123456789012");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        assertThat(event.path("time").asText()).isEqualTo("2026-11-25T10:04:05Z");
        assertThat(event.path("resources").path(0).asText()).isEqualTo(CHANGE.alarmArn());
        JsonNode detail = event.path("detail");
        assertThat(detail.path("alarmName").asText()).isEqualTo(ALARM.alarmName());
        assertThat(detail.path("state").path("value").asText()).isEqualTo("ALARM");
        assertThat(detail.path("state").path("reason").asText()).isEqualTo(CHANGE.reason());
        assertThat(detail.path("state").path("timestamp").asText()).isEqualTo("2026-11-25T10:04:05.123+0000");
        JsonNode reasonData =
                JSON.readTree(detail.path("state").path("reasonData").asText());
        assertThat(reasonData.path("recentDatapoints").toString()).isEqualTo("[5.0,6.5,7.0]");
        assertThat(reasonData.path("statistic").asText()).isEqualTo("Sum");
        assertThat(reasonData.path("period").asInt()).isEqualTo(60);
        assertThat(reasonData.path("threshold").asDouble()).isEqualTo(4.0);
        assertThat(detail.path("previousState").path("value").asText()).isEqualTo("OK");
        assertThat(detail.path("previousState").path("reason").asText()).isEqualTo("was fine");
        JsonNode metricStat =
                detail.path("configuration").path("metrics").path(0).path("metricStat");
        assertThat(metricStat.path("metric").path("name").asText()).isEqualTo("InvocationsPerCopy");
        assertThat(metricStat.path("metric").path("namespace").asText()).isEqualTo("AWS/SageMaker");
        assertThat(metricStat
                        .path("metric")
                        .path("dimensions")
                        .path("InferenceComponentName")
                        .asText())
                .isEqualTo("ic");
        assertThat(metricStat.path("period").asInt()).isEqualTo(60);
        assertThat(metricStat.path("stat").asText()).isEqualTo("Sum");
    }

    @Test
    void parses_back_to_the_same_change() {
        String json =
                AlarmStateChangeJson.render("e-1", CHANGE, Optional.empty()).toString();

        Optional<AlarmStateChange> parsed = AlarmStateChangeJson.parse(
                json, name -> name.equals(ALARM.alarmName()) ? Optional.of(ALARM) : Optional.empty());

        assertThat(parsed).contains(CHANGE);
    }

    @Test
    void parses_the_guides_example_event() {
        String json =
                """
                {"version":"0","id":"c4c1c1c9-6542-e61b-6ef0-8c4d36933a92","detail-type":"CloudWatch Alarm State Change",
                 "source":"aws.cloudwatch","account":"123456789012","time":"2019-10-02T17:04:40Z","region":"us-east-1",
                 "resources":["arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh"],
                 "detail":{"alarmName":"ServerCpuTooHigh",
                  "configuration":{"description":"Goes into alarm when server CPU utilization is too high!",
                   "metrics":[{"id":"30b6c6b2-a864-43a2-4877-c09a1afc3b87","metricStat":{"metric":{"dimensions":
                    {"InstanceId":"i-12345678901234567"},"name":"CPUUtilization","namespace":"AWS/EC2"},
                    "period":300,"stat":"Average"},"returnData":true}]},
                  "previousState":{"reason":"Threshold Crossed: 1 out of the last 1 datapoints [0.0666851903306472 (01/10/19 13:46:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).",
                   "reasonData":"{\\"version\\":\\"1.0\\",\\"queryDate\\":\\"2019-10-01T13:56:40.985+0000\\",\\"startDate\\":\\"2019-10-01T13:46:00.000+0000\\",\\"statistic\\":\\"Average\\",\\"period\\":300,\\"recentDatapoints\\":[0.0666851903306472],\\"threshold\\":50.0}",
                   "timestamp":"2019-10-01T13:56:40.987+0000","value":"OK"},
                  "state":{"reason":"Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).",
                   "reasonData":"{\\"version\\":\\"1.0\\",\\"queryDate\\":\\"2019-10-02T17:04:40.985+0000\\",\\"startDate\\":\\"2019-10-02T16:59:00.000+0000\\",\\"statistic\\":\\"Average\\",\\"period\\":300,\\"recentDatapoints\\":[99.50160229693434],\\"threshold\\":50.0}",
                   "timestamp":"2019-10-02T17:04:40.989+0000","value":"ALARM"}}}
                """;

        AlarmStateChange change =
                AlarmStateChangeJson.parse(json, name -> Optional.of(ALARM)).orElseThrow();

        assertThat(change.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh");
        assertThat(change.previousState()).isEqualTo(AlarmState.OK);
        assertThat(change.state()).isEqualTo(AlarmState.ALARM);
        assertThat(change.recentDatapoints()).containsExactly(99.50160229693434);
        assertThat(change.at()).isEqualTo(Instant.parse("2019-10-02T17:04:40.989Z"));
        assertThat(AlarmStateChangeJson.parse(json, name -> Optional.empty())).isEmpty();
    }

    @Test
    void refuses_other_events() {
        assertThatThrownBy(() -> AlarmStateChangeJson.parse(
                        "{\"source\":\"aws.ec2\",\"detail-type\":\"EC2 Instance State-change Notification\"}",
                        name -> Optional.of(ALARM)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CloudWatch Alarm State Change");
    }
}
