package dev.stowage.domain.fleet;

import dev.stowage.domain.fleet.FleetCommand.DeclareInstanceLost;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

/**
 * What a restart of local mode does first: its hosts ran in the process that stopped, so every instance its fleets
 * still hold is lost at once, rather than serving "no capacity" until each one's heartbeat times out. Placement then
 * requests new instances for their copies.
 */
public final class PreviousRun {
    static final String WHY = "Stowage restarted: the hosts of its previous run stopped with it.";

    private PreviousRun() {}

    /** Declares lost every instance of {@code fleets}, in the order of their ids; returns how many. */
    public static int declareHostsLost(List<FleetKey> fleets, FleetRepository repository, Clock clock) {
        int lost = 0;
        for (FleetKey key : fleets) {
            for (String instanceId : new TreeSet<>(
                    repository.load(key.stream()).state().instances().keySet())) {
                repository.handle(
                        key.stream(), new DeclareInstanceLost(instanceId, WHY, clock.instant()), clock, "restart");
                lost++;
            }
        }
        return lost;
    }
}
