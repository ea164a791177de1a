package dev.stowage.local.alarms;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmState;
import java.time.Instant;
import java.util.Optional;

/**
 * An alarm as the engine keeps it: its definition and ARN, its state with CloudWatch's reason and reason data (a JSON
 * document, empty before the first evaluation), when the state last changed and when the definition was last put,
 * and the end of the last window evaluated.
 */
public record AlarmStatus(
        AlarmDefinition alarm,
        String arn,
        AlarmState state,
        String reason,
        String reasonData,
        Instant stateUpdated,
        Instant configurationUpdated,
        Optional<Instant> evaluatedUntil) {

    AlarmStatus redefined(AlarmDefinition next, Instant at) {
        return new AlarmStatus(next, arn, state, reason, reasonData, stateUpdated, at, Optional.empty());
    }

    AlarmStatus evaluatedUntil(Instant end) {
        return new AlarmStatus(
                alarm, arn, state, reason, reasonData, stateUpdated, configurationUpdated, Optional.of(end));
    }

    AlarmStatus changed(AlarmState next, String nextReason, String nextReasonData, Instant at) {
        return new AlarmStatus(alarm, arn, next, nextReason, nextReasonData, at, configurationUpdated, evaluatedUntil);
    }
}
