package dev.stowage.domain.alarms;

import java.util.Collection;
import java.util.Set;

/** Which alarms are in ALARM now: CloudWatch's on AWS ({@code DescribeAlarms}), the local alarm engine's locally. */
public interface AlarmStates {
    /** Knows no alarm: nothing is ever in ALARM. */
    AlarmStates NONE = names -> Set.of();

    /** The alarms among {@code alarmNames} that are in ALARM; names it does not know are not. */
    Set<String> inAlarm(Collection<String> alarmNames);
}
