package dev.stowage.functions.fleet;

import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.functions.metrics.EmfMetrics;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the endpoint dashboards chart as copies and instances over time, printed as Embedded Metric Format lines in
 * {@code Stowage/SageMaker}: {@code InstanceCount} per endpoint and variant (every instance that costs money:
 * launching, running or draining) and {@code CopyCount} per inference component (serving copies).
 */
public final class FleetGauges {
    public static final String NAMESPACE = "Stowage/SageMaker";
    public static final String INSTANCE_COUNT = "InstanceCount";
    public static final String COPY_COUNT = "CopyCount";

    private final PrintStream out;
    private final Clock clock;

    public FleetGauges(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void publish(FleetKey fleet, FleetState state) {
        EmfMetrics instances = new EmfMetrics(
                NAMESPACE,
                Map.of("EndpointName", fleet.endpointName(), "VariantName", fleet.variantName()),
                out,
                clock);
        instances.add(INSTANCE_COUNT, "Count", state.instances().size());
        instances.flush();
        var components = new TreeSet<String>();
        state.copies().values().stream()
                .map(FleetCopyRecord::inferenceComponentName)
                .forEach(components::add);
        for (String component : components) {
            EmfMetrics copies = new EmfMetrics(NAMESPACE, Map.of("InferenceComponentName", component), out, clock);
            copies.add(COPY_COUNT, "Count", state.loadedCopies(component));
            copies.flush();
        }
    }
}
