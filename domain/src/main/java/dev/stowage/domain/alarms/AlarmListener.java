package dev.stowage.domain.alarms;

/**
 * Told of every alarm state change, as EventBridge rules deliver them on AWS. The scaling reactor is one. A
 * listener that throws is told again (at-least-once), so it must be idempotent.
 */
@FunctionalInterface
public interface AlarmListener {
    void onStateChange(AlarmStateChange change);
}
