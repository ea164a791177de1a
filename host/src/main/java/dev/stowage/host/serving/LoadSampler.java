package dev.stowage.host.serving;

import dev.stowage.domain.metrics.ConcurrencySample;
import dev.stowage.domain.metrics.InvocationDatapoints;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.copies.RoutableCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Samples a host's copies into metrics once a period, whether or not anyone invokes them (and, through {@link
 * #sampleTaken}, whenever a request takes one): each component's {@code ConcurrentRequestsPerCopy} from its copies'
 * exact in-flight counts, and zero {@code Invocations} and {@code
 * InvocationsPerCopy}, so an idle component reads 0 rather than missing data and its low alarm can scale it in (as
 * SageMaker publishes zeros for an idle inference component).
 *
 * <p>Samples are taken in the middle of each period, periods being aligned on the epoch in whole milliseconds as the
 * alarms' are (local mode's {@code AlarmWindow}), so that every period holds exactly one sample. A sampler that slept
 * one period after each sample would drift across the periods' edges and leave some empty, and a high-resolution low
 * alarm, which needs 90 datapoints out of its 92 periods, would wait for a run without a gap.
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
            Instant now = metrics.now();
            try {
                Thread.sleep(Duration.between(now, nextSample(now, period)));
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    /**
     * When to sample next: the middle of the period holding {@code now} if it is still ahead, else of the next one.
     * Periods are {@code period} truncated to whole milliseconds (at least 1), aligned on the epoch.
     */
    static Instant nextSample(Instant now, Duration period) {
        long size = Math.max(1, period.toMillis());
        long middle = Math.floorDiv(now.toEpochMilli(), size) * size + size / 2;
        Instant next = Instant.ofEpochMilli(middle);
        return next.isAfter(now) ? next : next.plusMillis(size);
    }

    /** One sample of every component with a serving copy here. */
    void sample() {
        Map<String, List<RoutableCopy>> byComponent = copies.all().stream()
                .filter(copy -> copy.state() == RoutableCopy.State.SERVING)
                .collect(
                        Collectors.groupingBy(RoutableCopy::inferenceComponentName, TreeMap::new, Collectors.toList()));
        byComponent.forEach((component, serving) -> {
            metrics.sample(concurrency(component, serving));
            metrics.publish(InvocationDatapoints.idle(component, metrics.now()));
        });
    }

    /**
     * One sample of {@code component}'s serving copies here, taken when a request has just taken one of them, so that
     * the period's Maximum sees the peaks between the periodic samples.
     */
    void sampleTaken(String component) {
        List<RoutableCopy> serving = copies.serving(component);
        if (!serving.isEmpty()) {
            metrics.sample(concurrency(component, serving));
        }
    }

    private ConcurrencySample concurrency(String component, List<RoutableCopy> serving) {
        return new ConcurrencySample(
                endpointName,
                variantName,
                component,
                serving.stream()
                        .map(c -> new ConcurrencySample.CopyLoad(instanceId, c.copyId(), c.inFlight()))
                        .toList(),
                metrics.now());
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
