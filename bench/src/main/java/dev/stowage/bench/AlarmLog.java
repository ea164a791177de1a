package dev.stowage.bench;

import dev.stowage.domain.alarms.AlarmListener;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every alarm state change the local alarm engine told, with the time it was evaluated. */
final class AlarmLog implements AlarmListener {
    private final List<AlarmStateChange> changes = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChange(AlarmStateChange change) {
        changes.add(change);
    }

    /** When the first alarm whose name starts with {@code prefix} went into ALARM at or after {@code since}. */
    Optional<Instant> firstAlarm(String prefix, Instant since) {
        return changes.stream()
                .filter(c -> c.state() == AlarmState.ALARM)
                .filter(c -> c.alarm().alarmName().startsWith(prefix))
                .map(AlarmStateChange::at)
                .filter(at -> !at.isBefore(since))
                .min(Instant::compareTo);
    }
}
