package dev.stowage.domain.alarms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where alarms live: CloudWatch on AWS, the local alarm engine locally. {@link #put} creates or replaces an alarm
 * by name, as {@code PutMetricAlarm} does; {@link #delete} ignores names it does not know, as {@code DeleteAlarms}
 * does.
 */
public interface AlarmService {

    void put(AlarmDefinition alarm);

    void delete(Collection<String> alarmNames);

    Optional<AlarmDefinition> describe(String alarmName);

    /** Every alarm whose name starts with {@code prefix} (all of them for ""), by name. */
    List<AlarmDefinition> list(String prefix);
}
