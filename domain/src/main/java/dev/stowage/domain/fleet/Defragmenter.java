package dev.stowage.domain.fleet;

import dev.stowage.domain.placement.Decision;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Resources;
import dev.stowage.events.FleetEvent.Capacity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Makes room for a blocked copy when the fleet has enough free in total but not on any one instance: it moves
 * one copy of another kind to another instance that can take it, so that the instance it leaves can take the
 * blocked copy. The move is make before break — a replacement is scheduled with {@code replaces} and placement
 * removes the original once the replacement serves — and it is only tried when nothing else is in flight, one
 * move at a time.
 */
final class Defragmenter {
    private Defragmenter() {}

    static Optional<Decision.ScheduleCopy> move(
            FleetState fleet, Map<String, IcTarget> targets, Set<String> blocked, Set<String> stale) {
        boolean settled = fleet.copies().values().stream()
                        .allMatch(c -> c.status() == FleetCopyRecord.Status.LOADED && !fleet.replacing(c))
                && fleet.instances().values().stream().allMatch(i -> i.status() == FleetInstanceRecord.Status.RUNNING);
        if (!settled || !stale.isEmpty()) {
            return Optional.empty();
        }
        for (String ic : new TreeSet<>(blocked)) {
            IcTarget target = targets.get(ic);
            if (target == null) {
                continue;
            }
            Optional<Decision.ScheduleCopy> move = moveFor(fleet, ic, target.demand());
            if (move.isPresent()) {
                return move;
            }
        }
        return Optional.empty();
    }

    private static Optional<Decision.ScheduleCopy> moveFor(FleetState fleet, String blockedIc, Resources demand) {
        List<FleetInstanceRecord> instances = fleet.instances().values().stream()
                .filter(i -> i.capacity().isPresent())
                .sorted(Comparator.comparing(FleetInstanceRecord::instanceId))
                .toList();
        for (FleetInstanceRecord from : instances) {
            List<FleetCopyRecord> movable = onInstance(fleet, from.instanceId()).stream()
                    .filter(c -> !c.inferenceComponentName().equals(blockedIc))
                    .sorted(Comparator.comparing(FleetCopyRecord::copyId))
                    .toList();
            for (FleetCopyRecord copy : movable) {
                if (!demand.fitsIn(free(fleet, from).plus(resources(copy)))) {
                    continue;
                }
                for (FleetInstanceRecord to : instances) {
                    if (!to.instanceId().equals(from.instanceId())
                            && resources(copy).fitsIn(free(fleet, to))) {
                        return Optional.of(replacement(fleet, copy, to, blockedIc));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Decision.ScheduleCopy replacement(
            FleetState fleet, FleetCopyRecord copy, FleetInstanceRecord to, String blockedIc) {
        Set<Integer> used = new TreeSet<>();
        onInstance(fleet, to.instanceId()).forEach(c -> used.addAll(c.deviceIndices()));
        List<Integer> devices = IntStream.range(0, capacityOf(to).devices())
                .filter(d -> !used.contains(d))
                .limit(copy.deviceIndices().size())
                .boxed()
                .toList();
        String ic = copy.inferenceComponentName();
        int next = fleet.usedCopyNumbers().getOrDefault(ic, 0) + 1;
        return new Decision.ScheduleCopy(
                ic,
                ic + "-c" + next,
                to.instanceId(),
                devices,
                resources(copy),
                Optional.of(copy.copyId()),
                "moves " + copy.copyId() + " off " + copy.instanceId() + " to make room for a copy of " + blockedIc
                        + " (enough is free in the fleet, but not on one instance)");
    }

    private static List<FleetCopyRecord> onInstance(FleetState fleet, String instanceId) {
        return new ArrayList<>(fleet.copies().values().stream()
                .filter(c -> c.instanceId().equals(instanceId))
                .toList());
    }

    private static Resources free(FleetState fleet, FleetInstanceRecord instance) {
        Resources held = onInstance(fleet, instance.instanceId()).stream()
                .map(Defragmenter::resources)
                .reduce(Resources.ZERO, Resources::plus);
        return capacityOf(instance).minus(held);
    }

    private static Resources capacityOf(FleetInstanceRecord instance) {
        Capacity capacity = instance.capacity().orElseThrow();
        return new Resources(capacity.milliCores(), capacity.acceleratorDevices(), capacity.memoryMib());
    }

    private static Resources resources(FleetCopyRecord copy) {
        return new Resources(copy.milliCores(), copy.deviceIndices().size(), copy.memoryMib());
    }
}
