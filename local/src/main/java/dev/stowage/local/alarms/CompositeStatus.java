package dev.stowage.local.alarms;

import dev.stowage.domain.alarms.AlarmState;
import java.time.Instant;

/**
 * A composite alarm as the engine keeps it: its definition and ARN, its state with the reason, when the state last
 * changed and when the definition was last put.
 */
public record CompositeStatus(
        CompositeAlarm alarm,
        String arn,
        AlarmState state,
        String reason,
        Instant stateUpdated,
        Instant configurationUpdated) {

    CompositeStatus redefined(CompositeAlarm next, Instant at) {
        return new CompositeStatus(next, arn, state, reason, stateUpdated, at);
    }

    CompositeStatus changed(AlarmState next, String nextReason, Instant at) {
        return new CompositeStatus(alarm, arn, next, nextReason, at, configurationUpdated);
    }
}
