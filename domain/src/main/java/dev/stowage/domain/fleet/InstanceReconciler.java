package dev.stowage.domain.fleet;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes the instance provider's machines match the fleet: launches requested instances it has not launched
 * (with a client token unique to the instance) and terminates launched ones the fleet no longer has (retired or
 * lost). It reads state, not events, so a missed or repeated wake-up is harmless.
 */
public final class InstanceReconciler {
    private final FleetRepository fleets;
    private final InstanceProvider provider;
    private final Clock clock;

    public InstanceReconciler(FleetRepository fleets, InstanceProvider provider, Clock clock) {
        this.fleets = fleets;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * Instance ids never repeat within a fleet, so the fleet and the id make a unique client token.
     *
     * <p>A launch the provider refuses for want of capacity of the type ({@link InsufficientCapacity}) is recorded on
     * the fleet ({@code InstanceLaunchFailed}), so placement turns to the next pool. Another refusal (a limit) does not
     * hold up the other launches and the terminations of the round; the first is thrown once the round is done, so
     * that the caller's retry (the stream's, or the next tick) tries it again.
     */
    public void reconcile(FleetKey key) {
        FleetState fleet = fleets.load(key.stream()).state();
        Set<String> launched = new HashSet<>(provider.launched(key.stream()));
        RuntimeException refused = null;
        for (FleetInstanceRecord instance : fleet.instances().values()) {
            if (instance.status() == FleetInstanceRecord.Status.REQUESTED
                    && !launched.contains(instance.instanceId())) {
                try {
                    provider.launch(
                            key.stream(),
                            instance.instanceId(),
                            instance.instanceType(),
                            key.stream() + "/" + instance.instanceId());
                } catch (InsufficientCapacity e) {
                    fleets.handle(
                            key.stream(),
                            new FleetCommand.ReportLaunchFailed(instance.instanceId(), e.getMessage(), clock.instant()),
                            clock,
                            key.stream() + "/" + instance.instanceId());
                } catch (RuntimeException e) {
                    if (refused == null) {
                        refused = e;
                    } else {
                        refused.addSuppressed(e);
                    }
                }
            }
        }
        for (String instanceId : launched) {
            if (!fleet.instances().containsKey(instanceId)) {
                provider.terminate(key.stream(), instanceId);
            }
        }
        if (refused != null) {
            throw refused;
        }
    }
}
