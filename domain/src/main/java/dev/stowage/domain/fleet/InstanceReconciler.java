package dev.stowage.domain.fleet;

import dev.stowage.domain.endpoint.CapacityReservationConfig;
import dev.stowage.domain.endpoint.ProductionVariant;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the instance provider's machines match the fleet: launches requested instances it has not launched
 * (with a client token unique to the instance) and terminates launched ones the fleet no longer has (retired or
 * lost). Each launch is asked in the zone placement chose for the instance and, when the fleet's variant has a
 * {@code CapacityReservationConfig} (read from the endpoint's stream), into that reservation. It reads state, not
 * events, so a missed or repeated wake-up is harmless.
 */
public final class InstanceReconciler {
    private final FleetRepository fleets;
    private final FleetVariants variants;
    private final InstanceProvider provider;
    private final Clock clock;

    public InstanceReconciler(FleetRepository fleets, FleetVariants variants, InstanceProvider provider, Clock clock) {
        this.fleets = fleets;
        this.variants = variants;
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
        List<FleetInstanceRecord> toLaunch = fleet.instances().values().stream()
                .filter(i -> i.status() == FleetInstanceRecord.Status.REQUESTED && !launched.contains(i.instanceId()))
                .toList();
        Optional<CapacityReservationConfig> reservation = toLaunch.isEmpty()
                ? Optional.empty()
                : variants.of(key).flatMap(ProductionVariant::capacityReservation);
        RuntimeException refused = null;
        for (FleetInstanceRecord instance : toLaunch) {
            try {
                provider.launch(new Launch(
                        key.stream(),
                        instance.instanceId(),
                        instance.instanceType(),
                        instance.zone(),
                        key.stream() + "/" + instance.instanceId(),
                        reservation));
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
