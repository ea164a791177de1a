package dev.stowage.domain.scaling;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.Decider;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalableTargetState.Unregistered;
import dev.stowage.domain.scaling.ScalingCommand.ApplyBounds;
import dev.stowage.domain.scaling.ScalingCommand.CompleteActivity;
import dev.stowage.domain.scaling.ScalingCommand.DeleteScalingPolicy;
import dev.stowage.domain.scaling.ScalingCommand.DeregisterScalableTarget;
import dev.stowage.domain.scaling.ScalingCommand.PutScalingPolicy;
import dev.stowage.domain.scaling.ScalingCommand.RegisterScalableTarget;
import dev.stowage.domain.scaling.ScalingCommand.RunPolicy;
import dev.stowage.domain.scaling.ScalingCommand.ScaleFromZero;
import dev.stowage.events.ScalingEvent;
import dev.stowage.events.ScalingEvent.SuspendedState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers, updates and deregisters an inference component's scalable target, puts and deletes its scaling
 * policies, and records the scaling activities its alarms start. A repeated request that changes nothing yields no
 * event. {@code timeScale} divides cooldowns (local mode's {@code --time-scale}).
 */
public final class ScalableTargetDecider implements Decider<ScalingCommand, ScalableTargetState, ScalingEvent> {
    /** The service's quota of scaling policies per scalable target. */
    static final int MAX_POLICIES = 50;
    /** Activities kept in the state (the service shows six weeks; the stream keeps them all). */
    static final int KEPT_ACTIVITIES = 1000;

    private final ScalingArns arns;
    private final double timeScale;

    public ScalableTargetDecider(ScalingArns arns, double timeScale) {
        this.arns = arns;
        this.timeScale = timeScale;
    }

    @Override
    public ScalableTargetState initialState() {
        return new Unregistered();
    }

    @Override
    public List<ScalingEvent> decide(ScalingCommand command, ScalableTargetState state) {
        return switch (command) {
            case RegisterScalableTarget register -> register(register, state);
            case DeregisterScalableTarget deregister -> {
                deregister.key().requireComponent();
                registered(deregister.key(), state);
                yield List.of(new ScalingEvent.ScalableTargetDeregistered(deregister.at()));
            }
            case PutScalingPolicy put -> PolicyRules.put(put, registered(put.key(), state), arns);
            case DeleteScalingPolicy delete -> deletePolicy(delete, state);
            case RunPolicy run ->
                state instanceof Registered registered ? PolicyRun.decide(run, registered, timeScale) : List.of();
            case ApplyBounds apply ->
                state instanceof Registered registered ? PolicyRun.intoBounds(apply, registered) : List.of();
            case CompleteActivity complete -> complete(complete, state);
            case ScaleFromZero wake ->
                state instanceof Registered registered ? PolicyRun.fromZero(wake, registered) : List.of();
        };
    }

    private List<ScalingEvent> register(RegisterScalableTarget command, ScalableTargetState state) {
        String component = command.key().requireComponent();
        if (!command.componentExists()) {
            // SageMaker's own text, but as the ValidationException Application Auto Scaling answers with.
            throw CommandRejected.validation(
                    InferenceComponentDecider.notFound(component).getMessage());
        }
        if (state instanceof Registered registered) {
            ScalableTarget now = registered.target();
            int min = command.minCapacity().orElse(now.minCapacity());
            int max = command.maxCapacity().orElse(now.maxCapacity());
            checkBounds(min, max);
            String role = command.roleArn().orElse(now.roleArn());
            SuspendedState suspended = command.suspendedState().applyTo(now.suspendedState());
            if (now.with(min, max, role, suspended).equals(now)) {
                return List.of();
            }
            return List.of(new ScalingEvent.ScalableTargetUpdated(min, max, role, suspended, command.at()));
        }
        if (command.minCapacity().isEmpty() || command.maxCapacity().isEmpty()) {
            throw CommandRejected.validation(
                    "MinCapacity and MaxCapacity are required to register a new scalable target.");
        }
        int min = command.minCapacity().get();
        int max = command.maxCapacity().get();
        checkBounds(min, max);
        return List.of(new ScalingEvent.ScalableTargetRegistered(
                command.key().serviceNamespace(),
                command.key().resourceId(),
                command.key().scalableDimension(),
                min,
                max,
                command.roleArn().orElse(arns.serviceLinkedRole()),
                command.suspendedState().applyTo(SuspendedState.none()),
                arns.scalableTarget(command.newTargetId()),
                command.at()));
    }

    private static void checkBounds(int min, int max) {
        if (min < 0) {
            throw CommandRejected.validation("MinCapacity must be greater than or equal to 0.");
        }
        if (max < 0) {
            throw CommandRejected.validation("MaxCapacity must be greater than or equal to 0.");
        }
        if (min > max) {
            throw CommandRejected.validation("Minimum capacity cannot be greater than maximum capacity");
        }
    }

    private List<ScalingEvent> deletePolicy(DeleteScalingPolicy command, ScalableTargetState state) {
        ScalableTargetKey key = command.key();
        key.requireComponent();
        if (state instanceof Registered registered
                && registered.policy(command.policyName()).isPresent()) {
            return List.of(new ScalingEvent.ScalingPolicyDeleted(command.policyName(), command.at()));
        }
        throw CommandRejected.notFound("No scaling policy found for service namespace: " + key.serviceNamespace()
                + ", resource ID: " + key.resourceId() + ", scalable dimension: " + key.scalableDimension()
                + ", policy name: " + command.policyName());
    }

    private static List<ScalingEvent> complete(CompleteActivity command, ScalableTargetState state) {
        if (state instanceof Registered registered
                && registered
                        .activity(command.activityId())
                        .filter(a -> a.statusCode().equals(ScalingActivity.IN_PROGRESS))
                        .isPresent()) {
            return List.of(new ScalingEvent.ScalingActivityCompleted(
                    command.activityId(), command.statusCode(), command.statusMessage(), command.at()));
        }
        return List.of();
    }

    private static Registered registered(ScalableTargetKey key, ScalableTargetState state) {
        key.requireComponent();
        if (state instanceof Registered registered) {
            return registered;
        }
        throw key.notRegistered();
    }

    @Override
    public ScalableTargetState evolve(ScalableTargetState state, ScalingEvent event) {
        if (event instanceof ScalingEvent.ScalableTargetRegistered registered) {
            ScalableTarget target = new ScalableTarget(
                    new ScalableTargetKey(
                            registered.serviceNamespace(), registered.resourceId(), registered.scalableDimension()),
                    registered.minCapacity(),
                    registered.maxCapacity(),
                    registered.roleArn(),
                    registered.suspendedState(),
                    registered.scalableTargetArn(),
                    registered.at());
            return new Registered(target, new LinkedHashMap<>(), List.of());
        }
        if (!(state instanceof Registered current)) {
            return state;
        }
        return switch (event) {
            case ScalingEvent.ScalableTargetRegistered registered -> current;
            case ScalingEvent.ScalableTargetUpdated updated ->
                current.withTarget(current.target()
                        .with(
                                updated.minCapacity(),
                                updated.maxCapacity(),
                                updated.roleArn(),
                                updated.suspendedState()));
            case ScalingEvent.ScalableTargetDeregistered deregistered -> new Unregistered();
            case ScalingEvent.ScalingPolicyPut put -> {
                Map<String, ScalingPolicy> policies = new LinkedHashMap<>(current.policies());
                policies.put(put.policyName(), PolicyRules.policyOf(put));
                yield current.withPolicies(policies);
            }
            case ScalingEvent.ScalingPolicyDeleted deleted -> {
                Map<String, ScalingPolicy> policies = new LinkedHashMap<>(current.policies());
                policies.remove(deleted.policyName());
                yield current.withPolicies(policies);
            }
            case ScalingEvent.ScalingActivityRecorded recorded -> current.withActivities(kept(current, recorded));
            case ScalingEvent.ScalingActivityCompleted completed ->
                current.withActivities(current.activities().stream()
                        .map(a -> a.activityId().equals(completed.activityId())
                                ? new ScalingActivity(a.started(), Optional.of(completed))
                                : a)
                        .toList());
        };
    }

    private static List<ScalingActivity> kept(Registered current, ScalingEvent.ScalingActivityRecorded recorded) {
        List<ScalingActivity> activities = new ArrayList<>(current.activities());
        activities.add(new ScalingActivity(recorded, Optional.empty()));
        int from = Math.max(0, activities.size() - KEPT_ACTIVITIES);
        return activities.subList(from, activities.size());
    }
}
