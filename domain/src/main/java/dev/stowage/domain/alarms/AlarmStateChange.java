package dev.stowage.domain.alarms;

import java.time.Instant;
import java.util.List;

/**
 * What an alarm tells when its state changes: the content of EventBridge's "CloudWatch Alarm State Change" event
 * that matters to Stowage. {@code recentDatapoints} are the values of the periods evaluated, oldest first (the
 * event's {@code state.reasonData.recentDatapoints}); {@code alarm} is the definition at the time of the change, so
 * its actions say which scaling policies to run.
 */
public record AlarmStateChange(
        AlarmDefinition alarm,
        String alarmArn,
        AlarmState previousState,
        AlarmState state,
        String reason,
        List<Double> recentDatapoints,
        Instant at) {

    public AlarmStateChange {
        recentDatapoints = List.copyOf(recentDatapoints);
    }
}
