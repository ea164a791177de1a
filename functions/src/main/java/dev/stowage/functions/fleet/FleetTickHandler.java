package dev.stowage.functions.fleet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.fleet.InstanceReconciler;
import dev.stowage.domain.fleet.PlacementReactor;
import dev.stowage.functions.config.Environment;
import dev.stowage.functions.ec2.Ec2InstanceProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Runs once a minute (an EventBridge schedule) for what no event announces: a cooldown running out, a host falling
 * silent, an instance that became running and can join the load balancer. Every fleet is planned, its instances
 * reconciled and its gauges published; one fleet's failure does not hold up the others, and the run fails at the end
 * so the failure shows in the function's error metric.
 */
public final class FleetTickHandler implements RequestStreamHandler {
    private final PlacementReactor placement;
    private final InstanceReconciler instances;
    private final FleetRepository fleets;
    private final FleetGauges gauges;

    /** Lambda's entry point: stores, EC2 and the launch settings come from the environment, once per container. */
    public FleetTickHandler() {
        this(FleetWiring.fromEnvironment(), Ec2InstanceProvider.fromEnvironment(Environment.variables()));
    }

    private FleetTickHandler(FleetWiring wiring, Ec2InstanceProvider provider) {
        this(
                wiring.placement(),
                wiring.instances(provider),
                wiring.fleets(),
                new FleetGauges(System.out, Clock.systemUTC()));
    }

    public FleetTickHandler(
            PlacementReactor placement, InstanceReconciler instances, FleetRepository fleets, FleetGauges gauges) {
        this.placement = placement;
        this.instances = instances;
        this.fleets = fleets;
        this.gauges = gauges;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        RuntimeException first = null;
        for (FleetKey fleet : placement.allFleets()) {
            try {
                placement.reconcile(fleet);
                instances.reconcile(fleet);
                gauges.publish(fleet, fleets.load(fleet.stream()).state());
            } catch (RuntimeException e) {
                context.getLogger().log("Tick of " + fleet.stream() + " failed: " + e);
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
