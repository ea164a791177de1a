package dev.stowage.domain.fleet;

import dev.stowage.domain.app.InstanceProvider;
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

    public InstanceReconciler(FleetRepository fleets, InstanceProvider provider) {
        this.fleets = fleets;
        this.provider = provider;
    }

    /** Instance ids never repeat within a fleet, so the fleet and the id make a unique client token. */
    public void reconcile(FleetKey key) {
        FleetState fleet = fleets.load(key.stream()).state();
        Set<String> launched = new HashSet<>(provider.launched(key.stream()));
        for (FleetInstanceRecord instance : fleet.instances().values()) {
            if (instance.status() == FleetInstanceRecord.Status.REQUESTED
                    && !launched.contains(instance.instanceId())) {
                provider.launch(
                        key.stream(),
                        instance.instanceId(),
                        instance.instanceType(),
                        key.stream() + "/" + instance.instanceId());
            }
        }
        for (String instanceId : launched) {
            if (!fleet.instances().containsKey(instanceId)) {
                provider.terminate(key.stream(), instanceId);
            }
        }
    }
}
