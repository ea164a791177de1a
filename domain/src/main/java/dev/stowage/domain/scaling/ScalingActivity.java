package dev.stowage.domain.scaling;

import dev.stowage.events.ScalingEvent.NotScaledReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One scaling activity as DescribeScalingActivities shows it. */
public record ScalingActivity(
        String activityId,
        String policyName,
        String description,
        String cause,
        String statusCode,
        String statusMessage,
        String details,
        int fromCapacity,
        int toCapacity,
        List<NotScaledReason> notScaledReasons,
        Instant startTime,
        Optional<Instant> endTime) {
    public static final String IN_PROGRESS = "InProgress";
    public static final String SUCCESSFUL = "Successful";
    public static final String FAILED = "Failed";

    public ScalingActivity {
        notScaledReasons = List.copyOf(notScaledReasons);
    }

    /** Whether it changed (or is changing) the capacity; a not-scaled activity did not. */
    public boolean scaled() {
        return notScaledReasons.isEmpty() && !statusCode.equals(FAILED);
    }

    public boolean scaledOut() {
        return scaled() && toCapacity > fromCapacity;
    }

    public boolean scaledIn() {
        return scaled() && toCapacity < fromCapacity;
    }

    /** When its cooldown starts: when it ended, or when it started while it runs. */
    public Instant settledAt() {
        return endTime.orElse(startTime);
    }

    ScalingActivity completed(String status, String message, Instant at) {
        return new ScalingActivity(
                activityId,
                policyName,
                description,
                cause,
                status,
                message,
                details,
                fromCapacity,
                toCapacity,
                notScaledReasons,
                startTime,
                Optional.of(at));
    }
}
