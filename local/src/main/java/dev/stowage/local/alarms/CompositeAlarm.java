package dev.stowage.local.alarms;

import dev.stowage.domain.alarms.AlarmRule;
import java.util.List;

/** A composite alarm as {@code PutCompositeAlarm} defines it. */
public record CompositeAlarm(
        String alarmName,
        AlarmRule rule,
        String alarmDescription,
        boolean actionsEnabled,
        List<String> alarmActions,
        List<String> okActions,
        List<String> insufficientDataActions) {
    public CompositeAlarm {
        alarmActions = List.copyOf(alarmActions);
        okActions = List.copyOf(okActions);
        insufficientDataActions = List.copyOf(insufficientDataActions);
    }
}
