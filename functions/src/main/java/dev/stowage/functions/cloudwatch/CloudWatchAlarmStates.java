package dev.stowage.functions.cloudwatch;

import dev.stowage.domain.alarms.AlarmStates;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Which of the named CloudWatch alarms (metric or composite) are in ALARM: {@code DescribeAlarms} with the names, at
 * most {@value #NAMES_PER_CALL} per call (its limit), {@code StateValue=ALARM}, page by page.
 *
 * <p>IAM: {@code cloudwatch:DescribeAlarms} on the alarms named (any alarm of the account a {@code DeploymentConfig}
 * may name).
 */
public final class CloudWatchAlarmStates implements AlarmStates {
    static final int NAMES_PER_CALL = 100;

    private final CloudWatchClient cloudWatch;

    public CloudWatchAlarmStates(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /** On AWS: the region and the function's role from the environment. */
    public static CloudWatchAlarmStates fromEnvironment() {
        return new CloudWatchAlarmStates(CloudWatchClient.create());
    }

    @Override
    public Set<String> inAlarm(Collection<String> alarmNames) {
        List<String> names = List.copyOf(new LinkedHashSet<>(alarmNames));
        Set<String> alarming = new HashSet<>();
        for (int from = 0; from < names.size(); from += NAMES_PER_CALL) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + NAMES_PER_CALL));
            cloudWatch
                    .describeAlarmsPaginator(b -> b.alarmNames(batch)
                            .stateValue(StateValue.ALARM)
                            .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM))
                    .forEach(page -> {
                        page.metricAlarms().stream().map(MetricAlarm::alarmName).forEach(alarming::add);
                        page.compositeAlarms().stream()
                                .map(CompositeAlarm::alarmName)
                                .forEach(alarming::add);
                    });
        }
        return alarming;
    }
}
