package dev.stowage.local.alarms;

import dev.stowage.domain.alarms.AlarmState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The composite alarms of the local engine. A composite's state follows its rule over the states of the alarms it
 * names (metric or composite): {@code ALARM} while the rule holds, {@code OK} otherwise; an alarm that does not exist
 * is in no state. Evaluated when put and whenever the engine has evaluated its metric alarms, until no composite
 * changes (composites may name composites). Not safe for concurrent use: the engine holds its lock.
 */
final class CompositeAlarms {
    private final String arnPrefix;
    private final Map<String, CompositeStatus> composites = new TreeMap<>();

    CompositeAlarms(String arnPrefix) {
        this.arnPrefix = arnPrefix;
    }

    /**
     * Creates or replaces {@code alarm} and evaluates it at once.
     *
     * @param exists whether a metric alarm of that name exists
     * @throws IllegalArgumentException when its rule names alarms that do not exist, or it would depend on itself
     */
    void put(
            CompositeAlarm alarm,
            Predicate<String> exists,
            Function<String, Optional<AlarmState>> states,
            Instant now) {
        List<String> missing = alarm.rule().alarms().stream()
                .filter(name -> !exists.test(name) && !composites.containsKey(name) && !name.equals(alarm.alarmName()))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Could not save the composite alarm as alarms " + missing + " in the alarm rule do not exist");
        }
        if (dependsOn(alarm.rule().alarms(), alarm.alarmName())) {
            throw new IllegalArgumentException("Could not save the composite alarm as its alarm rule would make "
                    + alarm.alarmName() + " depend on itself");
        }
        CompositeStatus current = composites.get(alarm.alarmName());
        composites.put(
                alarm.alarmName(),
                current != null
                        ? current.redefined(alarm, now)
                        : new CompositeStatus(
                                alarm,
                                arnPrefix + alarm.alarmName(),
                                AlarmState.INSUFFICIENT_DATA,
                                "Unchecked: Initial alarm creation",
                                now,
                                now));
        evaluate(states, now);
    }

    void delete(Collection<String> names) {
        names.forEach(composites::remove);
    }

    Optional<CompositeStatus> status(String name) {
        return Optional.ofNullable(composites.get(name));
    }

    /** Every composite whose name starts with {@code prefix}, by name. */
    List<CompositeStatus> statuses(String prefix) {
        return composites.values().stream()
                .filter(s -> s.alarm().alarmName().startsWith(prefix))
                .toList();
    }

    /**
     * Brings every composite in line with its rule, {@code metricStates} giving the metric alarms' states, until
     * nothing changes.
     */
    void evaluate(Function<String, Optional<AlarmState>> metricStates, Instant now) {
        for (int round = 0; round <= composites.size(); round++) {
            boolean changed = false;
            for (CompositeStatus status : List.copyOf(composites.values())) {
                boolean holds = status.alarm().rule().holds(name -> stateOf(name, metricStates));
                AlarmState next = holds ? AlarmState.ALARM : AlarmState.OK;
                if (next != status.state()) {
                    composites.put(
                            status.alarm().alarmName(),
                            status.changed(
                                    next,
                                    "The alarm rule " + status.alarm().rule() + " is " + (holds ? "TRUE" : "FALSE")
                                            + ".",
                                    now));
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    private Optional<AlarmState> stateOf(String name, Function<String, Optional<AlarmState>> metricStates) {
        CompositeStatus composite = composites.get(name);
        return composite != null ? Optional.of(composite.state()) : metricStates.apply(name);
    }

    /** Whether any of {@code names}, or the composites they name in turn, is {@code target}. */
    private boolean dependsOn(Collection<String> names, String target) {
        Deque<String> pending = new ArrayDeque<>(names);
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.equals(target)) {
                return true;
            }
            CompositeStatus composite = composites.get(name);
            if (seen.add(name) && composite != null) {
                pending.addAll(composite.alarm().rule().alarms());
            }
        }
        return false;
    }
}
