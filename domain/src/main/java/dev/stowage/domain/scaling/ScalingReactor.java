package dev.stowage.domain.scaling;

import dev.stowage.domain.alarms.AlarmListener;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.scaling.ScalingCommand.AlarmTrigger;
import dev.stowage.domain.scaling.ScalingCommand.RunPolicy;
import dev.stowage.domain.scaling.ScalingCommand.ScaleFromZero;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.EventStore;
import dev.stowage.events.CopyCountCause;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs scaling policies when their alarms go into {@code ALARM}: each alarm action that is a policy ARN runs that
 * policy against the inference component's desired copy count ({@link PolicyRun} decides, with cooldowns divided by
 * {@code timeScale}); a change is recorded as an {@code InProgress} activity, then set through the control plane
 * (cause {@link CopyCountCause#AUTOSCALING}), then completed. The activity id is derived from the alarm, the time of
 * its change and the policy, so a redelivered change finds its activity and only finishes it.
 *
 * <p>CloudWatch tells only of state changes, while Application Auto Scaling keeps acting on an alarm that stays in
 * {@code ALARM}. Whoever evaluates alarms calls {@link #onStillInAlarm} with the alarm's latest evaluation; the
 * reactor runs its policies again at most once per {@link #REEVALUATION} (divided by {@code timeScale}), and records
 * no not-scaled activity for these runs (ADR 0009).
 */
public final class ScalingReactor implements AlarmListener {
    /** How often a policy whose alarm stays in ALARM runs again. */
    public static final Duration REEVALUATION = Duration.ofMinutes(1);

    private final CommandService commands;
    private final ScalableTargetDecider decider;
    private final ControlPlane controlPlane;
    private final Clock clock;
    private final Duration reevaluation;
    private final ActivityCompletion completion;
    private final Supplier<String> ids;
    private final Map<String, Instant> lastRuns = new ConcurrentHashMap<>();

    /** {@code ids} gives each scaling activity its id (UUIDs in production, fixed ones in tests). */
    public ScalingReactor(
            EventStore events,
            ControlPlane controlPlane,
            ScalingArns arns,
            Clock clock,
            double timeScale,
            Supplier<String> ids) {
        this.ids = ids;
        this.commands = new CommandService(events, clock);
        this.decider = new ScalableTargetDecider(arns, timeScale);
        this.controlPlane = controlPlane;
        this.clock = clock;
        this.reevaluation = Duration.ofNanos((long) (REEVALUATION.toNanos() / timeScale));
        this.completion = new ActivityCompletion(commands, decider, controlPlane, clock);
    }

    @Override
    public void onStateChange(AlarmStateChange change) {
        if (change.state() == AlarmState.ALARM) {
            run(change, true);
        }
    }

    /**
     * The alarm of {@code change} is still in {@code ALARM} (its latest evaluation): runs its policies again unless
     * they ran within the re-evaluation interval.
     */
    public void onStillInAlarm(AlarmStateChange change) {
        if (change.state() != AlarmState.ALARM) {
            return;
        }
        Instant now = clock.instant();
        boolean[] due = {false};
        lastRuns.compute(change.alarm().alarmName(), (name, last) -> {
            if (last != null && now.isBefore(last.plus(reevaluation))) {
                return last;
            }
            due[0] = true;
            return now;
        });
        if (due[0]) {
            run(change, false);
        }
    }

    /**
     * A request is waiting for {@code waitedFor}, which may have no copy (for an adapter inference component, its base
     * may have none): when that component is at zero and its scalable target allows more, scale it out now (one
     * activity for a burst of waiting requests).
     */
    public void onWaitingRequest(String waitedFor) {
        // A request for an adapter inference component waits for a copy of its base.
        String component = controlPlane.servedBy(waitedFor);
        Optional<Integer> current = controlPlane.desiredCopyCount(component);
        if (current.isEmpty() || current.get() > 0) {
            return;
        }
        ScalableTargetKey key = ScalableTargetKey.ofComponent(component);
        String activityId = ids.get();
        commands.handle(
                key.stream(), decider, new ScaleFromZero(key, current.get(), activityId, clock.instant()), activityId);
        completion.finish(key, component, activityId);
    }

    private void run(AlarmStateChange change, boolean recordNotScaled) {
        lastRuns.put(change.alarm().alarmName(), clock.instant());
        AlarmTrigger trigger = new AlarmTrigger(
                change.alarm().alarmName(),
                change.alarm().comparison(),
                change.alarm().threshold(),
                change.recentDatapoints());
        for (String action : change.alarm().alarmActions()) {
            ScalingArns.parsePolicy(action).ifPresent(policy -> {
                var key = new ScalableTargetKey(
                        policy.serviceNamespace(), policy.resourceId(), ScalableTargetKey.DIMENSION);
                key.componentName()
                        .ifPresent(component -> runPolicy(
                                key, component, policy.policyName(), action, trigger, change, recordNotScaled));
            });
        }
    }

    private void runPolicy(
            ScalableTargetKey key,
            String component,
            String policyName,
            String policyArn,
            AlarmTrigger trigger,
            AlarmStateChange change,
            boolean recordNotScaled) {
        Optional<Integer> current = controlPlane.desiredCopyCount(component);
        if (current.isEmpty()) {
            return;
        }
        String activityId = activityId(change, policyArn);
        commands.handle(
                key.stream(),
                decider,
                new RunPolicy(
                        key,
                        policyName,
                        policyArn,
                        trigger,
                        current.get(),
                        recordNotScaled,
                        activityId,
                        clock.instant()),
                activityId);
        completion.finish(key, component, activityId);
    }

    private static String activityId(AlarmStateChange change, String policyArn) {
        String seed = change.alarmArn() + "|" + change.alarm().alarmName() + "|" + change.at() + "|" + policyArn;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
