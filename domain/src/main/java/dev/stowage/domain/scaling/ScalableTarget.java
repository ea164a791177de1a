package dev.stowage.domain.scaling;

import dev.stowage.events.ScalingEvent.SuspendedState;
import java.time.Instant;

/** A registered scalable target as DescribeScalableTargets shows it. */
public record ScalableTarget(
        ScalableTargetKey key,
        int minCapacity,
        int maxCapacity,
        String roleArn,
        SuspendedState suspendedState,
        String scalableTargetArn,
        Instant creationTime) {

    ScalableTarget with(int min, int max, String role, SuspendedState suspended) {
        return new ScalableTarget(key, min, max, role, suspended, scalableTargetArn, creationTime);
    }

    /** {@code capacity} brought within the target's bounds. */
    public int clamp(int capacity) {
        return Math.max(minCapacity, Math.min(maxCapacity, capacity));
    }
}
