package dev.stowage.domain.scaling;

import dev.stowage.domain.alarms.AlarmService;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingCommand.ApplyBounds;
import dev.stowage.domain.scaling.ScalingCommand.DeleteScalingPolicy;
import dev.stowage.domain.scaling.ScalingCommand.DeregisterScalableTarget;
import dev.stowage.domain.scaling.ScalingCommand.PolicyIds;
import dev.stowage.domain.scaling.ScalingCommand.PutScalingPolicy;
import dev.stowage.domain.scaling.ScalingCommand.RegisterScalableTarget;
import dev.stowage.domain.scaling.ScalingCommand.SuspendedStateRequest;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.EventStore;
import dev.stowage.events.Document;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Application Auto Scaling's write side: each operation looks up what it needs (whether the inference component
 * exists, fresh ids), runs one command through the {@link ScalableTargetDecider}, then brings the target's alarms in
 * line with its stream ({@link AlarmReconciler}). A rejected request writes nothing and touches no alarm.
 */
public final class AutoScaling {
    private final CommandService commands;
    private final ScalableTargetDecider decider;
    private final ControlPlane controlPlane;
    private final AlarmReconciler alarms;
    private final ActivityCompletion completion;
    private final Clock clock;
    private final Supplier<String> ids;

    /** {@code ids} mints the fresh ids of target ARNs, policy ARNs and alarm names (random UUIDs in service). */
    public AutoScaling(
            EventStore events,
            ControlPlane controlPlane,
            AlarmService alarmService,
            ScalingArns arns,
            Clock clock,
            Supplier<String> ids) {
        this.commands = new CommandService(events, clock);
        this.decider = new ScalableTargetDecider(arns, 1.0);
        this.controlPlane = controlPlane;
        this.alarms = new AlarmReconciler(events, alarmService, arns, clock);
        this.completion = new ActivityCompletion(commands, decider, controlPlane, clock);
        this.clock = clock;
        this.ids = ids;
    }

    /** What PutScalingPolicy answers: the policy's ARN and the alarms it owns. */
    public record PolicyCreated(String policyArn, List<PolicyAlarm> alarms) {}

    /**
     * Registers or updates the target, carries out any activity left in progress, then brings a desired copy count
     * outside the minimum and maximum inside them (a scaling activity, as on the service); returns the target's ARN.
     */
    public String register(
            ScalableTargetKey key,
            Optional<Integer> minCapacity,
            Optional<Integer> maxCapacity,
            Optional<String> roleArn,
            SuspendedStateRequest suspended,
            String requestId) {
        boolean exists =
                key.componentName().flatMap(controlPlane::desiredCopyCount).isPresent();
        String targetId = ids.get().replace("-", "");
        commands.handle(
                key.stream(),
                decider,
                new RegisterScalableTarget(
                        key, minCapacity, maxCapacity, roleArn, suspended, exists, targetId, clock.instant()),
                requestId);
        Registered registered = registered(key);
        key.componentName().ifPresent(component -> {
            finishUnfinished(key, component, registered);
            intoBounds(key, component, registered.target());
        });
        return registered.target().scalableTargetArn();
    }

    /** Activities a crash left {@code InProgress} are carried out now, so a registration always converges. */
    private void finishUnfinished(ScalableTargetKey key, String component, Registered registered) {
        registered.activities().stream()
                .filter(a -> a.statusCode().equals(ScalingActivity.IN_PROGRESS))
                .forEach(a -> completion.finish(key, component, a.activityId()));
    }

    private void intoBounds(ScalableTargetKey key, String component, ScalableTarget target) {
        Optional<Integer> current = controlPlane.desiredCopyCount(component);
        if (current.isEmpty() || target.clamp(current.get()) == current.get()) {
            return;
        }
        String activityId = ids.get();
        commands.handle(
                key.stream(), decider, new ApplyBounds(key, current.get(), activityId, clock.instant()), activityId);
        completion.finish(key, component, activityId);
    }

    public void deregister(ScalableTargetKey key, String requestId) {
        commands.handle(key.stream(), decider, new DeregisterScalableTarget(key, clock.instant()), requestId);
        alarms.reconcile(key);
    }

    /**
     * The inference component {@code componentName} was deleted: its scalable target, policies and alarms go too
     * (as on the service); nothing happens when it had none.
     */
    public void forget(String componentName, String requestId) {
        ScalableTargetKey key = ScalableTargetKey.ofComponent(componentName);
        if (load(key) instanceof ScalableTargetState.Registered) {
            deregister(key, requestId);
        }
    }

    public PolicyCreated putPolicy(
            ScalableTargetKey key,
            String policyName,
            Optional<String> policyType,
            Optional<Document> targetTracking,
            Optional<Document> stepScaling,
            boolean predictiveGiven,
            String requestId) {
        var command = new PutScalingPolicy(
                key,
                policyName,
                policyType,
                targetTracking,
                stepScaling,
                predictiveGiven,
                new PolicyIds(ids.get(), ids.get(), ids.get()),
                clock.instant());
        commands.handle(key.stream(), decider, command, requestId);
        alarms.reconcile(key);
        ScalingPolicy policy = registered(key).policy(policyName).orElseThrow();
        return new PolicyCreated(policy.policyArn(), policy.alarms());
    }

    public void deletePolicy(ScalableTargetKey key, String policyName, String requestId) {
        commands.handle(key.stream(), decider, new DeleteScalingPolicy(key, policyName, clock.instant()), requestId);
        alarms.reconcile(key);
    }

    /** The target of {@code key} as its stream says now (a consistent read). */
    public ScalableTargetState load(ScalableTargetKey key) {
        return commands.load(key.stream(), decider).state();
    }

    private Registered registered(ScalableTargetKey key) {
        if (load(key) instanceof Registered registered) {
            return registered;
        }
        throw key.notRegistered();
    }
}
