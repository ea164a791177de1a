package dev.stowage.host.metrics;

import dev.stowage.domain.metrics.InvocationMetric;
import dev.stowage.domain.metrics.MetricNamespaces;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The host's metrics on CloudWatch. {@link #publish} only folds the point into a buffer (never blocks on the network,
 * never throws); a virtual thread sends what has gathered every {@code interval} with {@code PutMetricData}, one call
 * per namespace and at most {@value #MAX_DATA_PER_CALL} metric data per call, each datum a statistic set. {@code
 * ConcurrentRequestsPerCopy} goes at storage resolution 1 (per second, as the high-resolution scaling metric needs);
 * the rest at 60. Namespaces are mapped with {@link MetricNamespaces#onAws}. A failed call is logged and its data
 * dropped: metrics are best effort. {@link #close()} sends what is left.
 *
 * <p>IAM: {@code cloudwatch:PutMetricData} on {@code *} with condition {@code cloudwatch:namespace} like {@code
 * Stowage/*}.
 */
public final class CloudWatchMetricsPublisher implements MetricsPublisher, AutoCloseable {
    static final int MAX_DATA_PER_CALL = 1000;
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final int BUFFER_CAPACITY = 100_000;
    private static final System.Logger LOG = System.getLogger(CloudWatchMetricsPublisher.class.getName());

    private final CloudWatchClient cloudWatch;
    private final MetricBuffer buffer = new MetricBuffer(BUFFER_CAPACITY);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread flusher;

    public CloudWatchMetricsPublisher(CloudWatchClient cloudWatch, Duration interval) {
        this.cloudWatch = cloudWatch;
        this.flusher = Thread.ofVirtual().name("cloudwatch-metrics").start(() -> {
            try {
                while (!stop.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                    flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The publisher of a host on EC2: the region and the instance role from the environment, every 5 seconds. */
    public static CloudWatchMetricsPublisher fromEnvironment() {
        return new CloudWatchMetricsPublisher(CloudWatchClient.create(), DEFAULT_INTERVAL);
    }

    @Override
    public void publish(
            String namespace,
            String name,
            Map<String, String> dimensions,
            double value,
            String unit,
            Instant timestamp) {
        buffer.add(
                MetricNamespaces.onAws(namespace),
                name,
                dimensions,
                value,
                unit,
                timestamp,
                name.equals(InvocationMetric.CONCURRENT_REQUESTS_PER_COPY.metricName()));
    }

    /** Sends everything gathered so far; what CloudWatch refuses is dropped. */
    public void flush() {
        Map<String, List<MetricBuffer.Aggregate>> byNamespace = buffer.drain().stream()
                .collect(Collectors.groupingBy(a -> a.key().namespace(), LinkedHashMap::new, Collectors.toList()));
        byNamespace.forEach((namespace, aggregates) -> {
            for (int from = 0; from < aggregates.size(); from += MAX_DATA_PER_CALL) {
                List<MetricDatum> data =
                        aggregates.subList(from, Math.min(aggregates.size(), from + MAX_DATA_PER_CALL)).stream()
                                .map(CloudWatchMetricsPublisher::datum)
                                .toList();
                try {
                    cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(data));
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "PutMetricData to " + namespace + " failed; " + data.size() + " metric data dropped: " + e);
                }
            }
        });
    }

    private static MetricDatum datum(MetricBuffer.Aggregate aggregate) {
        MetricBuffer.Key key = aggregate.key();
        return MetricDatum.builder()
                .metricName(key.name())
                .dimensions(key.dimensions().entrySet().stream()
                        .map(d -> Dimension.builder()
                                .name(d.getKey())
                                .value(d.getValue())
                                .build())
                        .toList())
                .timestamp(key.timestamp())
                .unit(key.unit())
                .storageResolution(key.highResolution() ? 1 : 60)
                .statisticValues(StatisticSet.builder()
                        .sampleCount((double) aggregate.sampleCount())
                        .sum(aggregate.sum())
                        .minimum(aggregate.minimum())
                        .maximum(aggregate.maximum())
                        .build())
                .build();
    }

    /** Stops the flushing thread and sends what is left. */
    @Override
    public void close() {
        stop.countDown();
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
