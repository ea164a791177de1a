package dev.stowage.domain.alarms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link AlarmService} that only keeps definitions, in memory: it never evaluates an alarm. Thread-safe. */
public final class InMemoryAlarmService implements AlarmService {
    private final ConcurrentNavigableMap<String, AlarmDefinition> alarms = new ConcurrentSkipListMap<>();

    @Override
    public void put(AlarmDefinition alarm) {
        alarms.put(alarm.alarmName(), alarm);
    }

    @Override
    public void delete(Collection<String> alarmNames) {
        alarmNames.forEach(alarms::remove);
    }

    @Override
    public Optional<AlarmDefinition> describe(String alarmName) {
        return Optional.ofNullable(alarms.get(alarmName));
    }

    @Override
    public List<AlarmDefinition> list(String prefix) {
        return alarms.tailMap(prefix).values().stream()
                .takeWhile(alarm -> alarm.alarmName().startsWith(prefix))
                .toList();
    }
}
