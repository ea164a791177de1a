package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.Members.epochSeconds;
import static dev.stowage.local.cloudwatch.Members.integer;
import static dev.stowage.local.cloudwatch.Members.text;
import static dev.stowage.local.cloudwatch.Members.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.metrics.Statistic;
import dev.stowage.local.alarms.AlarmStatus;
import dev.stowage.local.alarms.CompositeAlarm;
import dev.stowage.local.alarms.CompositeStatus;
import dev.stowage.local.alarms.LocalAlarmEngine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * PutMetricAlarm, PutCompositeAlarm, DescribeAlarms and DeleteAlarms over the local alarm engine. DescribeAlarms
 * filters by names or a name prefix (not both), state, action prefix and {@code AlarmTypes} (metric alarms only when
 * absent, as on CloudWatch), by name, at most {@code MaxRecords} (default 50) metric alarms per page (composite
 * alarms: the first {@code MaxRecords}, on every page).
 */
final class AlarmOperations {
    private static final int DEFAULT_PAGE = 50;

    private final LocalAlarmEngine engine;

    AlarmOperations(LocalAlarmEngine engine) {
        this.engine = engine;
    }

    void putMetricAlarm(JsonNode body) {
        engine.put(MetricAlarmRequest.read(body));
    }

    void putCompositeAlarm(JsonNode body) {
        try {
            engine.putComposite(CompositeAlarmRequest.read(body));
        } catch (IllegalArgumentException e) {
            throw CloudWatchErrors.validation(e.getMessage());
        }
    }

    void deleteAlarms(JsonNode body) {
        engine.delete(texts(body, "AlarmNames"));
    }

    ObjectNode describeAlarms(JsonNode body) {
        List<String> names = texts(body, "AlarmNames");
        Optional<String> prefix = text(body, "AlarmNamePrefix");
        if (!names.isEmpty() && prefix.isPresent()) {
            throw CloudWatchErrors.combination("AlarmNamePrefix and AlarmNames cannot be specified together.");
        }
        Optional<String> state = text(body, "StateValue");
        Optional<String> actionPrefix = text(body, "ActionPrefix");
        List<String> types = texts(body, "AlarmTypes");
        Predicate<AlarmStatus> wanted =
                status -> (names.isEmpty() || names.contains(status.alarm().alarmName()))
                        && state.map(s -> s.equals(status.state().name())).orElse(true)
                        && actionPrefix.map(p -> hasAction(status.alarm(), p)).orElse(true)
                        && (types.isEmpty() || types.contains("MetricAlarm"));
        Predicate<CompositeStatus> wantedComposite =
                status -> (names.isEmpty() || names.contains(status.alarm().alarmName()))
                        && state.map(s -> s.equals(status.state().name())).orElse(true)
                        && actionPrefix.map(p -> hasAction(status.alarm(), p)).orElse(true)
                        && types.contains("CompositeAlarm");
        int pageSize = integer(body, "MaxRecords").orElse(DEFAULT_PAGE);
        Pages<AlarmStatus> page = Pages.of(
                engine.statuses(prefix.orElse("")).stream().filter(wanted).toList(), text(body, "NextToken"), pageSize);
        List<CompositeStatus> composites = engine.compositeStatuses(prefix.orElse("")).stream()
                .filter(wantedComposite)
                .limit(pageSize)
                .toList();
        ObjectNode out = Members.TREE.createObjectNode();
        ArrayNode alarms = out.putArray("MetricAlarms");
        page.items().forEach(status -> alarms.add(metricAlarm(status)));
        ArrayNode composite = out.putArray("CompositeAlarms");
        composites.forEach(status -> composite.add(compositeAlarm(status)));
        page.nextToken().ifPresent(token -> out.put("NextToken", token));
        return out;
    }

    private static boolean hasAction(AlarmDefinition alarm, String prefix) {
        return hasAction(prefix, alarm.alarmActions(), alarm.okActions(), alarm.insufficientDataActions());
    }

    private static boolean hasAction(CompositeAlarm alarm, String prefix) {
        return hasAction(prefix, alarm.alarmActions(), alarm.okActions(), alarm.insufficientDataActions());
    }

    @SafeVarargs
    private static boolean hasAction(String prefix, List<String>... actions) {
        return Stream.of(actions).flatMap(List::stream).anyMatch(a -> a.startsWith(prefix));
    }

    private static ObjectNode compositeAlarm(CompositeStatus status) {
        CompositeAlarm alarm = status.alarm();
        return described(
                        alarm.alarmName(),
                        status.arn(),
                        alarm.alarmDescription(),
                        status.configurationUpdated(),
                        alarm.actionsEnabled(),
                        List.of(alarm.okActions(), alarm.alarmActions(), alarm.insufficientDataActions()),
                        status.state(),
                        status.reason(),
                        status.stateUpdated())
                .put("AlarmRule", alarm.rule().toString());
    }

    /** What DescribeAlarms shows of every alarm, metric or composite. */
    private static ObjectNode described(
            String name,
            String arn,
            String description,
            Instant configurationUpdated,
            boolean actionsEnabled,
            List<List<String>> okAlarmAndInsufficientDataActions,
            AlarmState state,
            String reason,
            Instant stateUpdated) {
        ObjectNode out = Members.TREE
                .createObjectNode()
                .put("AlarmName", name)
                .put("AlarmArn", arn)
                .put("AlarmDescription", description)
                .put("AlarmConfigurationUpdatedTimestamp", epochSeconds(configurationUpdated))
                .put("ActionsEnabled", actionsEnabled);
        okAlarmAndInsufficientDataActions.get(0).forEach(out.putArray("OKActions")::add);
        okAlarmAndInsufficientDataActions.get(1).forEach(out.putArray("AlarmActions")::add);
        okAlarmAndInsufficientDataActions.get(2).forEach(out.putArray("InsufficientDataActions")::add);
        return out.put("StateValue", state.name())
                .put("StateReason", reason)
                .put("StateUpdatedTimestamp", epochSeconds(stateUpdated))
                .put("StateTransitionedTimestamp", epochSeconds(stateUpdated));
    }

    private static ObjectNode metricAlarm(AlarmStatus status) {
        AlarmDefinition alarm = status.alarm();
        ObjectNode out = described(
                        alarm.alarmName(),
                        status.arn(),
                        alarm.alarmDescription(),
                        status.configurationUpdated(),
                        alarm.actionsEnabled(),
                        List.of(alarm.okActions(), alarm.alarmActions(), alarm.insufficientDataActions()),
                        status.state(),
                        status.reason(),
                        status.stateUpdated())
                .put("MetricName", alarm.metricName())
                .put("Namespace", alarm.namespace());
        if (!status.reasonData().isEmpty()) {
            out.put("StateReasonData", status.reasonData());
        }
        if (alarm.statistic().kind() == Statistic.Kind.PERCENTILE) {
            out.put("ExtendedStatistic", alarm.statistic().cloudWatchName());
        } else {
            out.put("Statistic", alarm.statistic().cloudWatchName());
        }
        out.set("Dimensions", Members.dimensions(alarm.dimensions()));
        out.put("Period", alarm.periodSeconds());
        alarm.unit().ifPresent(unit -> out.put("Unit", unit));
        return out.put("EvaluationPeriods", alarm.evaluationPeriods())
                .put("DatapointsToAlarm", alarm.datapointsToAlarm())
                .put("Threshold", alarm.threshold())
                .put("ComparisonOperator", alarm.comparison().name())
                .put("TreatMissingData", alarm.treatMissingData().name());
    }
}
