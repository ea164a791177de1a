package dev.stowage.domain.alarms;

/** The three states of a CloudWatch alarm, by their wire names. */
public enum AlarmState {
    OK,
    ALARM,
    INSUFFICIENT_DATA
}
