package dev.stowage.functions.alarms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import dev.stowage.domain.scaling.ScalingReactor;
import dev.stowage.functions.api.ApiWiring;
import dev.stowage.functions.cloudwatch.CloudWatchAlarmService;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Runs once a minute (an EventBridge schedule): CloudWatch sends an event only when an alarm changes state, but
 * Application Auto Scaling keeps acting while an alarm stays in {@code ALARM}. Every alarm in {@code ALARM} is handed
 * to {@link ScalingReactor#onStillInAlarm}, which runs its policies again once per re-evaluation interval and
 * ignores alarms that trigger none.
 */
public final class StillInAlarmHandler implements RequestStreamHandler {
    private final ScalingReactor reactor;
    private final CloudWatchClient cloudWatch;

    /** Lambda's entry point: stores and the CloudWatch client come from the environment, once per container. */
    public StillInAlarmHandler() {
        this(CloudWatchClient.create());
    }

    private StillInAlarmHandler(CloudWatchClient cloudWatch) {
        this(ApiWiring.fromEnvironment(cloudWatch).scalingReactor(1.0), cloudWatch);
    }

    public StillInAlarmHandler(ScalingReactor reactor, CloudWatchClient cloudWatch) {
        this.reactor = reactor;
        this.cloudWatch = cloudWatch;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        cloudWatch
                .describeAlarmsPaginator(b -> b.stateValue(StateValue.ALARM))
                .metricAlarms()
                .forEach(alarm -> reactor.onStillInAlarm(change(alarm)));
    }

    private static AlarmStateChange change(MetricAlarm alarm) {
        return new AlarmStateChange(
                CloudWatchAlarmService.definition(alarm),
                alarm.alarmArn(),
                AlarmState.ALARM,
                AlarmState.ALARM,
                Optional.ofNullable(alarm.stateReason()).orElse(""),
                AlarmStateChangeJson.recentDatapoints(
                        Optional.ofNullable(alarm.stateReasonData()).orElse("")),
                Optional.ofNullable(alarm.stateUpdatedTimestamp()).orElseGet(Instant::now));
    }
}
