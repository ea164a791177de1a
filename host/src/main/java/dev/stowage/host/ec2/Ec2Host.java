package dev.stowage.host.ec2;

import dev.stowage.host.InferenceHost;
import dev.stowage.host.metrics.MetricsPublisher;

/**
 * A host on EC2 with the adapters it sends through: closing it drains and stops the host, then sends the copy logs
 * and metrics still buffered and lets go of the Docker Engine's client (containers were stopped with their copies).
 */
public record Ec2Host(InferenceHost host, MetricsPublisher metrics) implements AutoCloseable {

    @Override
    public void close() {
        host.close();
        closeQuietly(host.config().copyLogSink());
        closeQuietly(metrics);
        host.config().containers().close();
    }

    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(Ec2Host.class.getName())
                        .log(System.Logger.Level.WARNING, "closing " + resource + " failed", e);
            }
        }
    }
}
