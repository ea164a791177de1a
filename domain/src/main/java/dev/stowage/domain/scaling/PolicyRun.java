package dev.stowage.domain.scaling;

import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingCommand.ApplyBounds;
import dev.stowage.domain.scaling.ScalingCommand.RunPolicy;
import dev.stowage.domain.scaling.ScalingCommand.ScaleFromZero;
import dev.stowage.events.ScalingEvent;
import dev.stowage.events.ScalingEvent.NotScaledReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an alarm running a policy does to the target, as Application Auto Scaling decides it: the policy proposes a
 * capacity; a suspended direction does nothing; a scale-in waits out the scale-in cooldown of the last scale-in and
 * the scale-out cooldown of the last scale-out; during a scale-out cooldown the capacity the initiating scale-out
 * added counts as already there (the proposal starts from the capacity before it) and only a larger scale-out goes
 * ahead; the result is held within min and max. A change starts an {@code InProgress} activity; no change records a
 * not-scaled activity, when asked.
 */
final class PolicyRun {
    private PolicyRun() {}

    static List<ScalingEvent> decide(RunPolicy run, Registered state, double timeScale) {
        if (state.activity(run.activityId()).isPresent()) {
            return List.of();
        }
        Optional<ScalingPolicy> found =
                state.policy(run.policyName()).filter(p -> p.policyArn().equals(run.policyArn()));
        if (found.isEmpty()) {
            return List.of();
        }
        ScalingPolicy policy = found.get();
        int current = run.currentCapacity();
        Optional<Proposal> proposed = Proposal.of(policy, run.trigger(), current);
        if (proposed.isEmpty()) {
            return notScaled(run, state, current, current);
        }
        boolean out = proposed.get().raises(current);
        ScalableTarget target = state.target();
        if (out
                ? target.suspendedState().dynamicScalingOutSuspended()
                : target.suspendedState().dynamicScalingInSuspended()) {
            return List.of();
        }
        Optional<ScalingActivity> lastOut = last(state, true);
        boolean inScaleOutCooldown = lastOut.filter(a -> cooling(a, state, true, run.at(), timeScale))
                .isPresent();
        if (!out) {
            boolean inScaleInCooldown = last(state, false)
                    .filter(a -> cooling(a, state, false, run.at(), timeScale))
                    .isPresent();
            if (inScaleInCooldown || inScaleOutCooldown) {
                return List.of();
            }
        } else if (inScaleOutCooldown) {
            proposed = Proposal.of(policy, run.trigger(), lastOut.get().fromCapacity())
                    .filter(p -> p.raises(current));
            if (proposed.isEmpty()) {
                return List.of();
            }
        }
        int wanted = proposed.get().capacity();
        int capacity = target.clamp(wanted);
        if (out ? capacity <= current : capacity >= current) {
            return notScaled(run, state, wanted, current);
        }
        return List.of(new ScalingEvent.ScalingActivityRecorded(
                run.activityId(),
                policy.policyName(),
                ActivityTexts.description(capacity),
                ActivityTexts.cause(run.trigger().alarmName(), policy.policyName()),
                ScalingActivity.IN_PROGRESS,
                "",
                proposed.get().how(),
                current,
                capacity,
                List.of(),
                run.at()));
    }

    /**
     * A request waits for a component at zero: scale out to the smallest capacity the target allows above zero,
     * unless the component has copies, scale-out is suspended, the target's maximum is zero, or an activity is still
     * in progress (the waiting requests of one burst scale once).
     */
    static List<ScalingEvent> fromZero(ScaleFromZero wake, Registered state) {
        ScalableTarget target = state.target();
        boolean busy = state.activities().stream().anyMatch(a -> a.statusCode().equals(ScalingActivity.IN_PROGRESS));
        int capacity = target.clamp(1);
        if (wake.currentCapacity() > 0
                || busy
                || capacity < 1
                || target.suspendedState().dynamicScalingOutSuspended()
                || state.activity(wake.activityId()).isPresent()) {
            return List.of();
        }
        return List.of(new ScalingEvent.ScalingActivityRecorded(
                wake.activityId(),
                "",
                ActivityTexts.description(capacity),
                ActivityTexts.waiting(wake.key().requireComponent()),
                ScalingActivity.IN_PROGRESS,
                "",
                "a request waits for capacity (X-Stowage-Wait-For-Capacity)",
                0,
                capacity,
                List.of(),
                wake.at()));
    }

    /** A new minimum or maximum leaves the desired copy count outside them: set it to the nearest bound. */
    static List<ScalingEvent> intoBounds(ApplyBounds apply, Registered state) {
        int current = apply.currentCapacity();
        int capacity = state.target().clamp(current);
        if (capacity == current || state.activity(apply.activityId()).isPresent()) {
            return List.of();
        }
        return List.of(new ScalingEvent.ScalingActivityRecorded(
                apply.activityId(),
                "",
                ActivityTexts.description(capacity),
                ActivityTexts.boundSet(capacity > current, capacity),
                ScalingActivity.IN_PROGRESS,
                "",
                "RegisterScalableTarget set the range " + state.target().minCapacity() + " to "
                        + state.target().maxCapacity(),
                current,
                capacity,
                List.of(),
                apply.at()));
    }

    private static List<ScalingEvent> notScaled(RunPolicy run, Registered state, int wanted, int current) {
        if (!run.recordNotScaled()) {
            return List.of();
        }
        ScalableTarget target = state.target();
        String code = wanted > target.maxCapacity() || (wanted > current && current >= target.maxCapacity())
                ? "AlreadyAtMaxCapacity"
                : wanted < target.minCapacity() || (wanted < current && current <= target.minCapacity())
                        ? "AlreadyAtMinCapacity"
                        : "AlreadyAtDesiredCapacity";
        int capacity = target.clamp(wanted);
        return List.of(new ScalingEvent.ScalingActivityRecorded(
                run.activityId(),
                run.policyName(),
                ActivityTexts.NOT_SCALED,
                ActivityTexts.cause(run.trigger().alarmName(), run.policyName()),
                ScalingActivity.FAILED,
                ActivityTexts.notScaledMessage(capacity),
                "",
                current,
                capacity,
                List.of(new NotScaledReason(code, target.minCapacity(), target.maxCapacity(), current)),
                run.at()));
    }

    private static Optional<ScalingActivity> last(Registered state, boolean out) {
        return state.activities().reversed().stream()
                .filter(a -> out ? a.scaledOut() : a.scaledIn())
                .findFirst();
    }

    private static boolean cooling(
            ScalingActivity activity, Registered state, boolean out, Instant now, double timeScale) {
        int seconds = state.policy(activity.policyName())
                .map(p -> out ? p.scaleOutCooldownSeconds() : p.scaleInCooldownSeconds())
                .orElse(TargetTrackingConfig.DEFAULT_COOLDOWN);
        Duration cooldown = Duration.ofNanos((long) (Duration.ofSeconds(seconds).toNanos() / timeScale));
        return now.isBefore(activity.settledAt().plus(cooldown));
    }
}
