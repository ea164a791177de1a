package dev.stowage.domain.fleet;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.RollingUpdate;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.events.FleetEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Replacing copies that run an old specification after UpdateInferenceComponent, make before break: placement
 * sees stale copies as leaving (they keep their resources) and schedules fresh ones; the stale copies are
 * removed once enough fresh copies serve. When there is no room for a fresh copy beside the stale ones, one
 * stale copy is removed to make room. An update with a {@code RollingUpdatePolicy} goes in batches instead: at most
 * one batch of fresh copies is unproven at a time, and an old copy goes only when a fresh one has served through
 * the baking period ({@code WaitIntervalInSeconds}).
 */
final class Rollout {
    private Rollout() {}

    /**
     * Copies that run another specification than their component's now: an older one after an update, a newer one
     * after the update was rolled back.
     */
    static Set<String> staleCopies(FleetState fleet, Map<String, InferenceComponentState.Present> components) {
        return fleet.copies().values().stream()
                .filter(copy -> {
                    var ic = components.get(copy.inferenceComponentName());
                    return ic != null && !copy.specifiedAt().equals(ic.specifiedAt());
                })
                .map(FleetCopyRecord::copyId)
                .collect(Collectors.toSet());
    }

    /**
     * The targets with each component whose copies roll out under a {@link RollingUpdate} held to the copies it may
     * have now: those that have served through the baking period, and one batch more.
     */
    static Map<String, IcTarget> batched(
            Map<String, IcTarget> targets,
            FleetState fleet,
            Map<String, InferenceComponentState.Present> components,
            Set<String> stale,
            Instant now,
            double timeScale) {
        Map<String, IcTarget> held = new TreeMap<>(targets);
        targets.forEach((name, target) -> {
            InferenceComponentState.Present ic = components.get(name);
            Optional<RollingUpdate> rolling =
                    ic == null ? Optional.empty() : ic.rollingUpdate().map(r -> r.scaled(timeScale));
            boolean rollingOut = fleet.copiesOf(name).stream().anyMatch(c -> stale.contains(c.copyId()));
            if (rolling.isEmpty() || !rollingOut) {
                return;
            }
            List<FleetCopyRecord> fresh = fleet.copiesOf(name).stream()
                    .filter(c -> !stale.contains(c.copyId()))
                    .toList();
            long allowed =
                    baked(fleet, fresh, rolling.get(), now) + rolling.get().batchCopies(target.desiredCopies());
            held.put(name, new IcTarget((int) Math.min(target.desiredCopies(), allowed), target.demand()));
        });
        return held;
    }

    /** New copies that have served for the baking period. */
    static long baked(FleetState fleet, List<FleetCopyRecord> fresh, RollingUpdate rolling, Instant now) {
        return fresh.stream()
                .filter(c -> c.status() == FleetCopyRecord.Status.LOADED && !fleet.replacing(c))
                .filter(c -> !c.since().plus(rolling.bakingPeriod()).isAfter(now))
                .count();
    }

    /**
     * The removals of stale copies the planned fleet allows now. {@code wanted} is how many copies each component
     * wants: none for one being deleted, whatever its desired count says, so its stale copies go at once.
     */
    static List<FleetEvent> removals(
            FleetState planned,
            Map<String, InferenceComponentState.Present> components,
            Map<String, IcTarget> wanted,
            Set<String> stale,
            Instant now,
            double timeScale) {
        List<FleetEvent> removals = new ArrayList<>();
        components.forEach((name, ic) -> {
            List<FleetCopyRecord> copies = planned.copiesOf(name);
            List<FleetCopyRecord> old = copies.stream()
                    .filter(c -> stale.contains(c.copyId()) && c.status() != FleetCopyRecord.Status.REMOVING)
                    .sorted(Comparator.comparing(FleetCopyRecord::copyId))
                    .toList();
            if (old.isEmpty()) {
                return;
            }
            List<FleetCopyRecord> fresh =
                    copies.stream().filter(c -> !stale.contains(c.copyId())).toList();
            long freshServing = fresh.stream()
                    .filter(c -> c.status() == FleetCopyRecord.Status.LOADED && !planned.replacing(c))
                    .count();
            int desired = wanted.get(name).desiredCopies();
            Optional<RollingUpdate> rolling = ic.rollingUpdate().map(r -> r.scaled(timeScale));
            List<FleetCopyRecord> replaced;
            String why;
            if (desired == 0) {
                replaced = old;
                why = name + " wants no copies.";
            } else if (rolling.isPresent()) {
                // One old copy goes for each new one that has served through its baking period.
                long keep = Math.max(0, desired - baked(planned, fresh, rolling.get(), now));
                replaced = old.subList(0, (int) Math.max(0, old.size() - keep));
                why = "Replaced by a copy running the new specification of " + name
                        + " that served through its baking period.";
            } else {
                replaced = freshServing >= desired ? old : List.of();
                why = "Replaced by copies running the new specification of " + name + ".";
            }
            replaced.forEach(c -> removals.add(new FleetEvent.CopyRemovalScheduled(c.copyId(), why, now)));
            if (replaced.isEmpty()
                    && planned.blocked().containsKey(name)
                    && fresh.stream().noneMatch(c -> c.status() == FleetCopyRecord.Status.SCHEDULED)) {
                removals.add(new FleetEvent.CopyRemovalScheduled(
                        old.getFirst().copyId(),
                        "Makes room for a copy running the new specification of " + name + ".",
                        now));
            }
        });
        return removals;
    }
}
