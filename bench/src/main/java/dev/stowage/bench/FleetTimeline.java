package dev.stowage.bench;

import dev.stowage.events.EventEnvelope;
import dev.stowage.events.FleetEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fleet stream replayed into intervals: when each instance ran (from {@code InstanceRegistered} to {@code
 * InstanceRetired} or {@code InstanceLost}) and when each inference component had a live copy (from a {@code
 * CopyScheduled} until its last copy was removed, failed or lost with its instance). An interval still open at the end
 * of the stream ends at the end of the window it is read over.
 */
final class FleetTimeline {
    /** A real-time interval, {@code [from, to)}. */
    record Interval(Instant from, Instant to) {
        Duration length() {
            return Duration.between(from, to);
        }

        Interval clip(Instant start, Instant end) {
            Instant a = from.isBefore(start) ? start : from;
            Instant b = to.isAfter(end) ? end : to;
            return new Interval(a, b.isBefore(a) ? a : b);
        }
    }

    private final List<Interval> instances = new ArrayList<>();
    private final Map<String, List<Interval>> componentsWithCopies = new TreeMap<>();
    private final List<Instant> instanceRequests = new ArrayList<>();
    private int instancesLost;

    private FleetTimeline() {}

    /** Replays {@code events}; intervals still open end at {@code end}. */
    static FleetTimeline of(List<EventEnvelope> events, Instant end) {
        FleetTimeline timeline = new FleetTimeline();
        Map<String, Instant> running = new LinkedHashMap<>();
        Map<String, String> copyComponent = new HashMap<>();
        Map<String, String> copyInstance = new HashMap<>();
        Map<String, Integer> liveCopies = new HashMap<>();
        Map<String, Instant> liveSince = new HashMap<>();
        for (EventEnvelope envelope : events) {
            if (!(envelope.event() instanceof FleetEvent event)) {
                continue;
            }
            switch (event) {
                case FleetEvent.InstanceRequested requested -> timeline.instanceRequests.add(requested.at());
                case FleetEvent.InstanceRegistered registered -> running.put(registered.instanceId(), registered.at());
                case FleetEvent.InstanceRetired retired -> timeline.stop(running, retired.instanceId(), retired.at());
                case FleetEvent.InstanceLost lost -> {
                    timeline.instancesLost++;
                    timeline.stop(running, lost.instanceId(), lost.at());
                    List<String> gone = copyInstance.entrySet().stream()
                            .filter(e -> e.getValue().equals(lost.instanceId()))
                            .map(Map.Entry::getKey)
                            .toList();
                    gone.forEach(copy ->
                            timeline.copyGone(copy, lost.at(), copyComponent, copyInstance, liveCopies, liveSince));
                }
                case FleetEvent.CopyScheduled scheduled -> {
                    copyComponent.put(scheduled.copyId(), scheduled.inferenceComponentName());
                    copyInstance.put(scheduled.copyId(), scheduled.instanceId());
                    if (liveCopies.merge(scheduled.inferenceComponentName(), 1, Integer::sum) == 1) {
                        liveSince.put(scheduled.inferenceComponentName(), scheduled.at());
                    }
                }
                case FleetEvent.CopyRemoved removed ->
                    timeline.copyGone(
                            removed.copyId(), removed.at(), copyComponent, copyInstance, liveCopies, liveSince);
                case FleetEvent.CopyFailed failed ->
                    timeline.copyGone(failed.copyId(), failed.at(), copyComponent, copyInstance, liveCopies, liveSince);
                case FleetEvent.InstanceLaunchFailed ignored -> {} // it never ran
                case FleetEvent.InstanceDrainStarted ignored -> {}
                case FleetEvent.CopyLoaded ignored -> {}
                case FleetEvent.AdapterLoaded ignored -> {}
                case FleetEvent.AdapterUnloaded ignored -> {}
                case FleetEvent.AdapterLoadFailed ignored -> {}
                case FleetEvent.CopyRemovalScheduled ignored -> {}
                case FleetEvent.PlacementBlocked ignored -> {}
            }
        }
        running.values().forEach(since -> timeline.instances.add(new Interval(since, end)));
        liveSince.forEach((component, since) -> timeline.withCopies(component).add(new Interval(since, end)));
        return timeline;
    }

    private void stop(Map<String, Instant> running, String instanceId, Instant at) {
        Instant since = running.remove(instanceId);
        if (since != null) {
            instances.add(new Interval(since, at));
        }
    }

    private void copyGone(
            String copyId,
            Instant at,
            Map<String, String> copyComponent,
            Map<String, String> copyInstance,
            Map<String, Integer> liveCopies,
            Map<String, Instant> liveSince) {
        String component = copyComponent.remove(copyId);
        copyInstance.remove(copyId);
        if (component == null) {
            return;
        }
        if (liveCopies.merge(component, -1, Integer::sum) == 0) {
            liveCopies.remove(component);
            withCopies(component).add(new Interval(liveSince.remove(component), at));
        }
    }

    private List<Interval> withCopies(String component) {
        return componentsWithCopies.computeIfAbsent(component, c -> new ArrayList<>());
    }

    /** Instance time within {@code [start, end)}: the sum over instances of how long each ran then. */
    Duration instanceTime(Instant start, Instant end) {
        return total(instances, start, end);
    }

    /** How long {@code component} had at least one live copy within {@code [start, end)}. */
    Duration timeWithCopies(String component, Instant start, Instant end) {
        return total(componentsWithCopies.getOrDefault(component, List.of()), start, end);
    }

    /** The intervals within {@code [start, end)} when {@code component} had a live copy. */
    List<Interval> intervalsWithCopies(String component, Instant start, Instant end) {
        return componentsWithCopies.getOrDefault(component, List.of()).stream()
                .map(i -> i.clip(start, end))
                .filter(i -> i.length().isPositive())
                .toList();
    }

    /** The most instances running at once within {@code [start, end)}. */
    int maxInstancesAtOnce(Instant start, Instant end) {
        TreeMap<Instant, Integer> steps = new TreeMap<>();
        for (Interval interval : instances) {
            Interval clipped = interval.clip(start, end);
            if (clipped.length().isPositive()) {
                steps.merge(clipped.from(), 1, Integer::sum);
                steps.merge(clipped.to(), -1, Integer::sum);
            }
        }
        int now = 0;
        int max = 0;
        for (int step : steps.values()) {
            now += step;
            max = Math.max(max, now);
        }
        return max;
    }

    /** Instances requested within {@code [start, end)}. */
    long instancesRequested(Instant start, Instant end) {
        return instanceRequests.stream()
                .filter(at -> !at.isBefore(start) && at.isBefore(end))
                .count();
    }

    int instancesLost() {
        return instancesLost;
    }

    /** When the last instance stopped running, if none runs at {@code end}. */
    Optional<Instant> lastInstanceStopped(Instant end) {
        if (instances.stream().anyMatch(i -> !i.to().isBefore(end))) {
            return Optional.empty();
        }
        return instances.stream().map(Interval::to).max(Instant::compareTo);
    }

    private static Duration total(List<Interval> intervals, Instant start, Instant end) {
        return intervals.stream().map(i -> i.clip(start, end).length()).reduce(Duration.ZERO, Duration::plus);
    }
}
