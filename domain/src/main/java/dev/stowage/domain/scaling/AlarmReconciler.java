package dev.stowage.domain.scaling;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmService;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.EventStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes the alarms of a scalable target's target-tracking policies exist exactly as its stream says: puts the
 * alarms of every policy, deletes those of replaced and deleted policies and of a deregistered target. The stream is
 * the truth; running it again changes nothing, so it is safe after every write and from a stream consumer.
 */
public final class AlarmReconciler {
    private static final Pattern OWNED = Pattern.compile("Alarm(High|Low)-[0-9a-fA-F-]{36}");

    private final CommandService commands;
    private final ScalableTargetDecider decider;
    private final AlarmService alarms;

    public AlarmReconciler(EventStore events, AlarmService alarms, ScalingArns arns, Clock clock) {
        this.commands = new CommandService(events, clock);
        this.decider = new ScalableTargetDecider(arns, 1.0);
        this.alarms = alarms;
    }

    /** Reconciles the alarms of the target of {@code key}. */
    public void reconcile(ScalableTargetKey key) {
        Map<String, AlarmDefinition> wanted =
                wanted(key).stream().collect(Collectors.toMap(AlarmDefinition::alarmName, Function.identity()));
        String prefix = "TargetTracking-" + key.resourceId() + "-";
        List<AlarmDefinition> present = alarms.list(prefix).stream()
                .filter(alarm -> OWNED.matcher(alarm.alarmName().substring(prefix.length()))
                        .matches())
                .toList();
        Set<String> stale = present.stream()
                .map(AlarmDefinition::alarmName)
                .filter(name -> !wanted.containsKey(name))
                .collect(Collectors.toSet());
        if (!stale.isEmpty()) {
            alarms.delete(stale);
        }
        wanted.values().stream().filter(alarm -> !present.contains(alarm)).forEach(alarms::put);
    }

    private List<AlarmDefinition> wanted(ScalableTargetKey key) {
        if (!(commands.load(key.stream(), decider).state() instanceof Registered registered)) {
            return List.of();
        }
        String component = key.componentName().orElse("");
        return registered.policies().values().stream()
                .filter(policy -> policy.policyType() == PolicyType.TargetTrackingScaling)
                .flatMap(policy -> TargetTrackingAlarms.of(policy, component).stream())
                .toList();
    }
}
