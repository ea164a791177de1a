package dev.stowage.domain.fleet;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.events.FleetEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replacing copies that run an old specification after UpdateInferenceComponent, make before break: placement
 * sees stale copies as leaving (they keep their resources) and schedules fresh ones; the stale copies are
 * removed once enough fresh copies serve. When there is no room for a fresh copy beside the stale ones, one
 * stale copy is removed to make room.
 */
final class Rollout {
    private Rollout() {}

    /** Copies that run an older specification than their component's. */
    static Set<String> staleCopies(FleetState fleet, Map<String, InferenceComponentState.Present> components) {
        return fleet.copies().values().stream()
                .filter(copy -> {
                    var ic = components.get(copy.inferenceComponentName());
                    return ic != null && copy.specifiedAt().isBefore(ic.specifiedAt());
                })
                .map(FleetCopyRecord::copyId)
                .collect(Collectors.toSet());
    }

    /** The removals of stale copies the planned fleet allows now. */
    static List<FleetEvent> removals(
            FleetState planned,
            Map<String, InferenceComponentState.Present> components,
            Set<String> stale,
            Instant now) {
        List<FleetEvent> removals = new ArrayList<>();
        components.forEach((name, ic) -> {
            List<FleetCopyRecord> copies = planned.copiesOf(name);
            List<FleetCopyRecord> old = copies.stream()
                    .filter(c -> stale.contains(c.copyId()) && c.status() != FleetCopyRecord.Status.REMOVING)
                    .sorted(java.util.Comparator.comparing(FleetCopyRecord::copyId))
                    .toList();
            if (old.isEmpty()) {
                return;
            }
            List<FleetCopyRecord> fresh =
                    copies.stream().filter(c -> !stale.contains(c.copyId())).toList();
            long freshServing = fresh.stream()
                    .filter(c -> c.status() == FleetCopyRecord.Status.LOADED && !planned.replacing(c))
                    .count();
            if (freshServing >= ic.desiredCopyCount()) {
                old.forEach(c -> removals.add(new FleetEvent.CopyRemovalScheduled(
                        c.copyId(), "Replaced by copies running the new specification of " + name + ".", now)));
            } else if (planned.blocked().containsKey(name)
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
