package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.Blocked;
import dev.stowage.domain.placement.Decision.DrainInstance;
import dev.stowage.domain.placement.Decision.RemoveCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Under CONSOLIDATION, an instance whose last live copies are the originals of moves finished by this plan was
 * emptied on purpose (a step, or a return to a higher pool): it is drained at once, so that it is released as soon
 * as those copies are gone rather than after the idle cool-down. Not while a copy is blocked (the room may be what
 * it waits for), never an instance the plan schedules onto, and never below MinInstanceCount.
 */
final class MovedOff {
    private MovedOff() {}

    static List<DrainInstance> drains(
            Ledger ledger,
            List<RemoveCopy> finished,
            List<Decision> decisions,
            Set<String> targeted,
            int active,
            PlacementPolicy policy) {
        if (policy.scaleIn().strategy() != ScaleIn.Strategy.CONSOLIDATION
                || finished.isEmpty()
                || decisions.stream().anyMatch(Blocked.class::isInstance)) {
            return List.of();
        }
        Set<String> originals = finished.stream().map(RemoveCopy::copyId).collect(Collectors.toSet());
        List<DrainInstance> drains = new ArrayList<>();
        originals.stream()
                .map(id -> ledger.copies.get(id).instanceId())
                .distinct()
                .sorted(NaturalOrder.INSTANCE)
                .forEach(instanceId -> {
                    Host host = ledger.hosts.get(instanceId);
                    boolean emptied = host != null
                            && host.kind == Host.Kind.RUNNING
                            && !targeted.contains(instanceId)
                            && Emptying.live(host, ledger).stream().allMatch(c -> originals.contains(c.copyId()));
                    if (emptied && active - drains.size() > policy.minInstances()) {
                        drains.add(new DrainInstance(
                                instanceId,
                                instanceId + " was emptied by moves (make before break): its copies serve elsewhere,"
                                        + " so it is released once they are removed"));
                    }
                });
        return drains;
    }
}
