package dev.stowage.events.codec;

import static dev.stowage.events.codec.GoldenEvents.T1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Event;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import dev.stowage.events.ScalingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final String COPY_COUNT_SET = "inference-component.desired-copy-count-set";

    private final EventCodec codec = new EventCodec();

    @Test
    void writes_only_the_newest_schema_version() {
        EventCodec.Encoded encoded =
                codec.encode(new InferenceComponentEvent.DesiredCopyCountSet(2, CopyCountCause.SCHEDULE, T1));

        assertThat(encoded.type()).isEqualTo(COPY_COUNT_SET);
        assertThat(encoded.schemaVersion()).isEqualTo(2);
        assertThat(encoded.data()).contains("\"cause\":\"SCHEDULE\"").contains("\"at\":\"2026-03-01T10:20:00.123Z\"");
    }

    @Test
    void upcasts_v1_copy_count_to_an_api_cause() {
        Event event = codec.decode(COPY_COUNT_SET, 1, "{\"copyCount\":5,\"at\":\"2026-03-01T10:20:00.123Z\"}");

        assertThat(event).isEqualTo(new InferenceComponentEvent.DesiredCopyCountSet(5, CopyCountCause.API, T1));
    }

    @Test
    void documents_are_plain_json_objects() throws Exception {
        Event created = GoldenEvents.EXPECTED.get("model.created/v1");

        var json = new ObjectMapper().readTree(codec.encode(created).data());

        assertThat(json.get("description").isObject()).isTrue();
        assertThat(json.at("/description/PrimaryContainer/Environment/MAX_TOKENS")
                        .asText())
                .isEqualTo("512");
        assertThat(codec.decode("model.created", 1, codec.encode(created).data()))
                .isEqualTo(created);
    }

    @Test
    void scaling_policies_keep_their_configuration_as_given() throws Exception {
        Event put = GoldenEvents.EXPECTED.get("scalable-target.policy-put/v1");

        var json = new ObjectMapper().readTree(codec.encode(put).data());

        assertThat(json.at("/configuration/PredefinedMetricSpecification/PredefinedMetricType")
                        .asText())
                .isEqualTo("SageMakerInferenceComponentInvocationsPerCopy");
        assertThat(json.at("/alarms/0/alarmName").asText()).startsWith("TargetTracking-inference-component/llm-ic-");
        assertThat(codec.decode(
                        "scalable-target.policy-put", 1, codec.encode(put).data()))
                .isEqualTo(put);
    }

    @Test
    void scaling_activities_keep_their_not_scaled_reasons() {
        Event recorded = GoldenEvents.EXPECTED.get("scalable-target.activity-recorded/v1");

        Event decoded = codec.decode(
                "scalable-target.activity-recorded", 1, codec.encode(recorded).data());

        assertThat(decoded).isEqualTo(recorded);
        assertThat(((ScalingEvent.ScalingActivityRecorded) decoded).notScaledReasons())
                .extracting(ScalingEvent.NotScaledReason::code)
                .containsExactly("AlreadyAtMaxCapacity");
    }

    @Test
    void rejects_an_unknown_type() {
        assertThatThrownBy(() -> codec.decode("model.renamed", 1, "{}"))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("Unknown stored event type \"model.renamed\"");
    }

    @Test
    void rejects_a_version_newer_than_this_build_knows() {
        assertThatThrownBy(() -> codec.decode(COPY_COUNT_SET, 3, "{}"))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("schema version 3")
                .hasMessageContaining("versions 1 to 2");
        assertThatThrownBy(() -> codec.decode("model.deleted", 0, "{}")).isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void rejects_data_that_does_not_fit_the_record() {
        assertThatThrownBy(() -> codec.decode("model.deleted", 1, "not json")).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> codec.decode("model.deleted", 1, "[]")).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> codec.decode("model.deleted", 1, "{}"))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("deletedAt");
        assertThatThrownBy(() -> codec.decode(COPY_COUNT_SET, 2, "{\"copyCount\":1,\"at\":\"2026-03-01T10:20:00Z\"}"))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("cause");
    }

    @Test
    void refuses_a_registry_with_a_version_gap_in_its_upcasters() {
        List<EventType> types = List.of(new EventType("model.deleted", 3, ModelEvent.Deleted.class));
        List<Upcaster> upcasters = List.of(new Upcaster("model.deleted", 1, json -> json));

        assertThatThrownBy(() -> new EventCodec(types, upcasters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No upcaster");
    }

    @Test
    void chains_upcasters_through_every_version() {
        EventCodec chained = new EventCodec(
                List.of(new EventType("model.deleted", 3, ModelEvent.Deleted.class)),
                List.of(
                        new Upcaster(
                                "model.deleted",
                                1,
                                json -> json.put(
                                        "deletedAt", json.remove("when").asText())),
                        new Upcaster("model.deleted", 2, json -> json)));

        assertThat(chained.decode("model.deleted", 1, "{\"when\":\"2026-03-01T10:20:00.123Z\"}"))
                .isEqualTo(new ModelEvent.Deleted(T1));
    }
}
