package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
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
 * blocked copy. A copy moves only to an instance of its own type, where it needs what it holds. The move is make
 * before break — a replacement is scheduled with {@code replaces} and placement
 * removes the original once the replacement serves — and it is only tried when nothing else is in flight, one
 * move at a time.
 */
public final class Defragmenter {
    private Defragmenter() {}

    /**
     * The move that would let a copy of one of {@code blocked} (tried in name order) fit, when {@code fleet} is
     * settled: every copy serving and no move under way, every instance running.
     */
    public static Optional<ScheduleCopy> move(FleetView fleet, Map<String, IcTarget> targets, Set<String> blocked) {
        boolean settled = fleet.copies().stream()
                        .allMatch(c -> c.state() == FleetCopy.State.LOADED
                                && c.replaces().isEmpty())
                && fleet.instances().stream().allMatch(i -> i.state() == FleetInstance.State.RUNNING);
        if (!settled) {
            return Optional.empty();
        }
        for (String ic : new TreeSet<>(blocked)) {
            IcTarget target = targets.get(ic);
            if (target == null) {
                continue;
            }
            Optional<ScheduleCopy> move = moveFor(fleet, ic, target.demand());
            if (move.isPresent()) {
                return move;
            }
        }
        return Optional.empty();
    }

    private static Optional<ScheduleCopy> moveFor(FleetView fleet, String blockedIc, CopyDemand blockedDemand) {
        List<FleetInstance> instances = fleet.instances().stream()
                .sorted(Comparator.comparing(FleetInstance::instanceId))
                .toList();
        for (FleetInstance from : instances) {
            Optional<Resources> needed = blockedDemand.on(from.instanceType());
            if (needed.isEmpty()) {
                continue;
            }
            Resources demand = needed.get();
            List<FleetCopy> movable = onInstance(fleet, from.instanceId()).stream()
                    .filter(c -> !c.inferenceComponent().equals(blockedIc))
                    .sorted(Comparator.comparing(FleetCopy::copyId))
                    .toList();
            for (FleetCopy copy : movable) {
                if (!demand.fitsIn(free(fleet, from).plus(copy.resources()))) {
                    continue;
                }
                for (FleetInstance to : instances) {
                    if (!to.instanceId().equals(from.instanceId())
                            && to.instanceType().equals(from.instanceType())
                            && copy.resources().fitsIn(free(fleet, to))) {
                        return Optional.of(replacement(fleet, copy, to, blockedIc));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static ScheduleCopy replacement(FleetView fleet, FleetCopy copy, FleetInstance to, String blockedIc) {
        Set<Integer> used = new TreeSet<>();
        onInstance(fleet, to.instanceId()).forEach(c -> used.addAll(c.deviceIndices()));
        List<Integer> devices = IntStream.range(0, to.capacity().deviceCount())
                .filter(d -> !used.contains(d))
                .limit(copy.deviceIndices().size())
                .boxed()
                .toList();
        String ic = copy.inferenceComponent();
        int next = fleet.usedCopyNumbers().getOrDefault(ic, 0) + 1;
        return new ScheduleCopy(
                ic,
                ic + "-c" + next,
                to.instanceId(),
                devices,
                copy.resources(),
                Optional.of(copy.copyId()),
                "moves " + copy.copyId() + " off " + copy.instanceId() + " to make room for a copy of " + blockedIc
                        + " (enough is free in the fleet, but not on one instance)");
    }

    private static List<FleetCopy> onInstance(FleetView fleet, String instanceId) {
        return fleet.copies().stream()
                .filter(c -> c.instanceId().equals(instanceId))
                .toList();
    }

    private static Resources free(FleetView fleet, FleetInstance instance) {
        Resources held = onInstance(fleet, instance.instanceId()).stream()
                .map(FleetCopy::resources)
                .reduce(Resources.ZERO, Resources::plus);
        return instance.capacity().allocatable().minus(held);
    }
}
