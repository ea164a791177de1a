package dev.stowage.host.serving;

import dev.stowage.domain.metrics.ConcurrencySample;
import dev.stowage.domain.metrics.InvocationDatapoints;
import dev.stowage.domain.metrics.InvocationRecord;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.host.metrics.MetricsPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Publishes the invocation metrics of inference components (namespace {@code AWS/SageMaker}) through the metrics
 * port, stamped with {@code clock}. Safe for concurrent use as far as the publisher is.
 */
public final class InvocationMetrics {
    private final MetricsPublisher publisher;
    private final Clock clock;

    public InvocationMetrics(MetricsPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Now, as the datapoints' timestamps read it. */
    Instant now() {
        return clock.instant();
    }

    void record(InvocationRecord record) {
        publish(InvocationDatapoints.of(record));
    }

    void sample(ConcurrencySample sample) {
        publish(sample.datapoints());
    }

    void publish(List<MetricDatum> data) {
        for (MetricDatum datum : data) {
            publisher.publish(
                    datum.namespace(),
                    datum.name(),
                    datum.dimensions(),
                    datum.value(),
                    datum.unit(),
                    datum.timestamp());
        }
    }
}
