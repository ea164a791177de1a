package dev.stowage.functions.cloudwatch;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmService;
import dev.stowage.domain.metrics.MetricNamespaces;
import dev.stowage.domain.metrics.Statistic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * Alarms as CloudWatch metric alarms: {@code PutMetricAlarm}, {@code DeleteAlarms} (in batches of 100, its limit) and
 * {@code DescribeAlarms} by name or prefix. Only the standard statistics are written as {@code Statistic}; a
 * percentile goes as {@code ExtendedStatistic}. Namespaces are mapped by {@link MetricNamespaces#onAws} on the way
 * in and back by {@link MetricNamespaces#fromAws} on the way out, so an alarm watches where the host publishes and
 * reads back equal to the alarm that was put.
 *
 * <p>IAM: {@code cloudwatch:PutMetricAlarm}, {@code cloudwatch:DeleteAlarms} and {@code cloudwatch:DescribeAlarms}
 * on {@code arn:aws:cloudwatch:<region>:<account>:alarm:TargetTracking-*}.
 */
public final class CloudWatchAlarmService implements AlarmService {
    private static final int DELETE_BATCH = 100;

    private final CloudWatchClient cloudWatch;

    public CloudWatchAlarmService(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public void put(AlarmDefinition alarm) {
        PutMetricAlarmRequest.Builder request = PutMetricAlarmRequest.builder()
                .alarmName(alarm.alarmName())
                .alarmDescription(alarm.alarmDescription())
                .namespace(MetricNamespaces.onAws(alarm.namespace()))
                .metricName(alarm.metricName())
                .dimensions(alarm.dimensions().entrySet().stream()
                        .map(d -> Dimension.builder()
                                .name(d.getKey())
                                .value(d.getValue())
                                .build())
                        .toList())
                .period(alarm.periodSeconds())
                .evaluationPeriods(alarm.evaluationPeriods())
                .datapointsToAlarm(alarm.datapointsToAlarm())
                .threshold(alarm.threshold())
                .comparisonOperator(alarm.comparison().name())
                .treatMissingData(alarm.treatMissingData().name())
                .actionsEnabled(alarm.actionsEnabled())
                .alarmActions(alarm.alarmActions())
                .okActions(alarm.okActions())
                .insufficientDataActions(alarm.insufficientDataActions());
        alarm.unit().ifPresent(request::unit);
        if (alarm.statistic().kind() == Statistic.Kind.PERCENTILE) {
            request.extendedStatistic(alarm.statistic().cloudWatchName());
        } else {
            request.statistic(alarm.statistic().cloudWatchName());
        }
        cloudWatch.putMetricAlarm(request.build());
    }

    @Override
    public void delete(Collection<String> alarmNames) {
        List<String> names = List.copyOf(alarmNames);
        for (int from = 0; from < names.size(); from += DELETE_BATCH) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + DELETE_BATCH));
            cloudWatch.deleteAlarms(b -> b.alarmNames(batch));
        }
    }

    @Override
    public Optional<AlarmDefinition> describe(String alarmName) {
        return cloudWatch.describeAlarms(b -> b.alarmNames(alarmName)).metricAlarms().stream()
                .findFirst()
                .map(CloudWatchAlarmService::definition);
    }

    @Override
    public List<AlarmDefinition> list(String prefix) {
        List<AlarmDefinition> alarms = new ArrayList<>();
        cloudWatch
                .describeAlarmsPaginator(b -> {
                    if (!prefix.isEmpty()) {
                        b.alarmNamePrefix(prefix);
                    }
                })
                .metricAlarms()
                .forEach(alarm -> alarms.add(definition(alarm)));
        return alarms;
    }

    public static AlarmDefinition definition(MetricAlarm alarm) {
        Map<String, String> dimensions =
                alarm.dimensions().stream().collect(Collectors.toMap(Dimension::name, Dimension::value));
        String statistic = alarm.extendedStatistic() != null ? alarm.extendedStatistic() : alarm.statisticAsString();
        return new AlarmDefinition(
                alarm.alarmName(),
                Optional.ofNullable(alarm.alarmDescription()).orElse(""),
                MetricNamespaces.fromAws(alarm.namespace()),
                alarm.metricName(),
                dimensions,
                Statistic.parse(statistic),
                Optional.ofNullable(alarm.unitAsString()),
                alarm.period(),
                alarm.evaluationPeriods(),
                Optional.ofNullable(alarm.datapointsToAlarm()).orElse(alarm.evaluationPeriods()),
                alarm.threshold(),
                AlarmDefinition.ComparisonOperator.valueOf(alarm.comparisonOperatorAsString()),
                AlarmDefinition.TreatMissingData.valueOf(
                        Optional.ofNullable(alarm.treatMissingData()).orElse("missing")),
                Boolean.TRUE.equals(alarm.actionsEnabled()),
                alarm.alarmActions(),
                alarm.okActions(),
                alarm.insufficientDataActions());
    }
}
