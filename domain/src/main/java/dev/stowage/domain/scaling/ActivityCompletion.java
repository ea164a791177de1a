package dev.stowage.domain.scaling;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingCommand.CompleteActivity;
import dev.stowage.domain.store.CommandService;
import dev.stowage.events.CopyCountCause;
import java.time.Clock;
import java.util.Optional;

/**
 * Carries out an {@code InProgress} scaling activity: sets the inference component's desired copy count through the
 * control plane (cause {@link CopyCountCause#AUTOSCALING}) and completes the activity as successful, or as failed
 * with the control plane's reason. An activity no longer in progress is left alone, so finishing twice is harmless.
 */
final class ActivityCompletion {
    private final CommandService commands;
    private final ScalableTargetDecider decider;
    private final ControlPlane controlPlane;
    private final Clock clock;

    ActivityCompletion(CommandService commands, ScalableTargetDecider decider, ControlPlane controlPlane, Clock clock) {
        this.commands = commands;
        this.decider = decider;
        this.controlPlane = controlPlane;
        this.clock = clock;
    }

    void finish(ScalableTargetKey key, String component, String activityId) {
        if (!(commands.load(key.stream(), decider).state() instanceof Registered registered)) {
            return;
        }
        Optional<ScalingActivity> activity =
                registered.activity(activityId).filter(a -> a.statusCode().equals(ScalingActivity.IN_PROGRESS));
        if (activity.isEmpty()) {
            return;
        }
        int capacity = activity.get().toCapacity();
        String status = ScalingActivity.SUCCESSFUL;
        String message = ActivityTexts.succeeded(capacity);
        try {
            controlPlane.setDesiredCopyCount(component, capacity, CopyCountCause.AUTOSCALING, activityId);
        } catch (CommandRejected refused) {
            status = ScalingActivity.FAILED;
            message = ActivityTexts.failed(capacity, refused.getMessage());
        }
        commands.handle(
                key.stream(),
                decider,
                new CompleteActivity(key, activityId, status, message, clock.instant()),
                activityId);
    }
}
