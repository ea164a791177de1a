package dev.stowage.domain.scaling;

import dev.stowage.events.ScalingEvent.NotScaledReason;
import dev.stowage.events.ScalingEvent.ScalingActivityCompleted;
import dev.stowage.events.ScalingEvent.ScalingActivityRecorded;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One scaling activity as DescribeScalingActivities shows it: how it started and, once over, how it ended. */
public record ScalingActivity(ScalingActivityRecorded started, Optional<ScalingActivityCompleted> completed) {
    public static final String IN_PROGRESS = "InProgress";
    public static final String SUCCESSFUL = "Successful";
    public static final String FAILED = "Failed";

    public String activityId() {
        return started.activityId();
    }

    public String policyName() {
        return started.policyName();
    }

    public String description() {
        return started.description();
    }

    public String cause() {
        return started.cause();
    }

    public String details() {
        return started.details();
    }

    public int fromCapacity() {
        return started.fromCapacity();
    }

    public int toCapacity() {
        return started.toCapacity();
    }

    public List<NotScaledReason> notScaledReasons() {
        return started.notScaledReasons();
    }

    public Instant startTime() {
        return started.startTime();
    }

    public String statusCode() {
        return completed.map(ScalingActivityCompleted::statusCode).orElse(started.statusCode());
    }

    public String statusMessage() {
        return completed.map(ScalingActivityCompleted::statusMessage).orElse(started.statusMessage());
    }

    public Optional<Instant> endTime() {
        return completed.map(ScalingActivityCompleted::endTime);
    }

    /** Whether it changed (or is changing) the capacity; a not-scaled or failed activity did not. */
    public boolean scaled() {
        return notScaledReasons().isEmpty() && !statusCode().equals(FAILED);
    }

    public boolean scaledOut() {
        return scaled() && toCapacity() > fromCapacity();
    }

    public boolean scaledIn() {
        return scaled() && toCapacity() < fromCapacity();
    }

    /** When its cooldown starts: when it ended, or when it started while it runs. */
    public Instant settledAt() {
        return endTime().orElse(startTime());
    }
}
