package dev.stowage.functions.alarms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import dev.stowage.domain.metrics.Statistic;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The EventBridge event CloudWatch sends on an alarm state change, as the CloudWatch User Guide's "Alarm events and
 * EventBridge" shows it: {@code source} {@code aws.cloudwatch}, the alarm ARN in {@code resources}, and in {@code
 * detail} the alarm name, the new {@code state} and the {@code previousState} (each with {@code value}, {@code
 * reason}, {@code reasonData} as a JSON string holding {@code recentDatapoints}, and {@code timestamp}) and the
 * alarm's {@code configuration} (description and metric).
 *
 * <p>The event does not carry the alarm's thresholds or actions, so {@link #parse} looks the alarm up by name, as the
 * scaling Lambda must (DescribeAlarms on AWS). Pure and thread-safe.
 */
public final class AlarmStateChangeJson {
    public static final String SOURCE = "aws.cloudwatch";
    public static final String DETAIL_TYPE = "CloudWatch Alarm State Change";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private AlarmStateChangeJson() {}

    /** What the previous state said, when known (the engine knows; a first evaluation has only its value). */
    public record PriorState(String reason, String reasonData, Instant at) {}

    /** The event for {@code change}, with event id {@code id}. */
    public static ObjectNode render(String id, AlarmStateChange change, Optional<PriorState> prior) {
        String[] arn = change.alarmArn().split(":", 6);
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", DETAIL_TYPE)
                .put("source", SOURCE)
                .put("account", arn.length > 4 ? arn[4] : "")
                .put("time", change.at().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", arn.length > 3 ? arn[3] : "");
        event.putArray("resources").add(change.alarmArn());
        ObjectNode detail =
                event.putObject("detail").put("alarmName", change.alarm().alarmName());
        ObjectNode state = detail.putObject("state")
                .put("value", change.state().name())
                .put("reason", change.reason())
                .put("reasonData", reasonData(change.alarm(), change.recentDatapoints(), change.at()))
                .put("timestamp", STATE_TIME.format(change.at()));
        ObjectNode previous = detail.putObject("previousState")
                .put("value", change.previousState().name());
        prior.ifPresent(p -> previous.put("reason", p.reason())
                .put("reasonData", p.reasonData())
                .put("timestamp", STATE_TIME.format(p.at())));
        configuration(detail.putObject("configuration"), change.alarm());
        return event;
    }

    /**
     * CloudWatch's {@code StateReasonData}: a JSON document with the statistic, period, threshold and the {@code
     * recentDatapoints} (oldest first) of an evaluation made at {@code queryDate}.
     */
    public static String reasonData(AlarmDefinition alarm, List<Double> recentDatapoints, Instant queryDate) {
        ObjectNode data = JSON.createObjectNode().put("version", "1.0").put("queryDate", STATE_TIME.format(queryDate));
        Statistic statistic = alarm.statistic();
        data.put(
                statistic.kind() == Statistic.Kind.PERCENTILE ? "extendedStatistic" : "statistic",
                statistic.cloudWatchName());
        data.put("period", alarm.periodSeconds());
        ArrayNode values = data.putArray("recentDatapoints");
        recentDatapoints.forEach(values::add);
        data.put("threshold", alarm.threshold());
        return data.toString();
    }

    /**
     * The state change an event tells, with the alarm's definition as {@code definitions} has it now; empty when the
     * alarm is gone (deleted since), as there is nothing left to act on.
     *
     * @throws IllegalArgumentException when the JSON is not such an event
     */
    public static Optional<AlarmStateChange> parse(
            String json, Function<String, Optional<AlarmDefinition>> definitions) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (event == null
                || !SOURCE.equals(event.path("source").asText())
                || !DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            throw new IllegalArgumentException("not a " + DETAIL_TYPE + " event from " + SOURCE);
        }
        JsonNode detail = event.path("detail");
        JsonNode state = detail.path("state");
        return definitions
                .apply(detail.path("alarmName").asText())
                .map(alarm -> new AlarmStateChange(
                        alarm,
                        event.path("resources").path(0).asText(),
                        AlarmState.valueOf(
                                detail.path("previousState").path("value").asText()),
                        AlarmState.valueOf(state.path("value").asText()),
                        state.path("reason").asText(),
                        recentDatapoints(state.path("reasonData").asText()),
                        Instant.from(STATE_TIME.parse(state.path("timestamp").asText()))));
    }

    static List<Double> recentDatapoints(String reasonData) {
        if (reasonData.isEmpty()) {
            return List.of();
        }
        try {
            List<Double> values = new ArrayList<>();
            JSON.readTree(reasonData).path("recentDatapoints").forEach(v -> values.add(v.asDouble()));
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reasonData is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void configuration(ObjectNode configuration, AlarmDefinition alarm) {
        configuration.put("description", alarm.alarmDescription());
        ObjectNode stat = configuration
                .putArray("metrics")
                .addObject()
                .put("id", "m1")
                .put("returnData", true)
                .putObject("metricStat");
        ObjectNode metric = stat.putObject("metric");
        ObjectNode dimensions = metric.putObject("dimensions");
        new TreeMap<>(alarm.dimensions()).forEach(dimensions::put);
        metric.put("name", alarm.metricName()).put("namespace", alarm.namespace());
        stat.put("period", alarm.periodSeconds()).put("stat", alarm.statistic().cloudWatchName());
        alarm.unit().ifPresent(unit -> stat.put("unit", unit));
    }
}
