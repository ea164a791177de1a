package dev.stowage.host.serving;

import dev.stowage.domain.metrics.ConcurrencySample;
import dev.stowage.domain.metrics.InvocationDatapoints;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.copies.RoutableCopy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Samples a host's copies into metrics once a period, whether or not anyone invokes them: each component's {@code
 * ConcurrentRequestsPerCopy} from its copies' exact in-flight counts, and zero {@code Invocations} and {@code
 * InvocationsPerCopy}, so an idle component reads 0 rather than missing data and its low alarm can scale it in (as
 * SageMaker publishes zeros for an idle inference component).
 */
final class LoadSampler implements AutoCloseable {
    private final String endpointName;
    private final String variantName;
    private final String instanceId;
    private final CopyTable copies;
    private final InvocationMetrics metrics;
    private final Duration period;
    private final Thread thread;

    LoadSampler(HostServing.Identity identity, CopyTable copies, InvocationMetrics metrics, Duration period) {
        this.endpointName = identity.endpointName();
        this.variantName = identity.variantName();
        this.instanceId = identity.instanceId();
        this.copies = copies;
        this.metrics = metrics;
        this.period = period;
        this.thread = Thread.ofVirtual().name("load-sampler-" + instanceId).start(this::run);
    }

    private void run() {
        while (true) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    /** One sample of every component with a serving copy here. */
    void sample() {
        Map<String, List<RoutableCopy>> byComponent = copies.all().stream()
                .filter(copy -> copy.state() == RoutableCopy.State.SERVING)
                .collect(
                        Collectors.groupingBy(RoutableCopy::inferenceComponentName, TreeMap::new, Collectors.toList()));
        byComponent.forEach((component, serving) -> {
            metrics.sample(new ConcurrencySample(
                    endpointName,
                    variantName,
                    component,
                    serving.stream()
                            .map(c -> new ConcurrencySample.CopyLoad(instanceId, c.copyId(), c.inFlight()))
                            .toList(),
                    metrics.now()));
            metrics.publish(InvocationDatapoints.idle(component, metrics.now()));
        });
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
