package dev.stowage.host.serving;

import java.time.Duration;

/**
 * How a router serves: requests one copy takes at once (about an LLM server's batch) before the router looks
 * elsewhere, how long a request may wait for a free copy before it is throttled, how long a model has to answer
 * whole ({@code InvokeEndpoint}) or to finish a stream, how often a host tells its peers its copies' loads, and how
 * often it samples them into metrics (so an idle component still has datapoints: {@link LoadSampler}).
 * Every duration is in real-world terms; {@link #scaled} divides the model and queue times by the time scale.
 */
public record ServingSettings(
        int concurrencyLimit,
        Duration queueTimeout,
        Duration invocationTimeout,
        Duration streamTimeout,
        Duration gossipInterval,
        Duration samplePeriod) {

    /**
     * 16 requests per copy, 2 s in the queue, 60 s to answer (as SageMaker), 8 minutes to stream, gossip every 20 ms,
     * samples every 10 s (the high-resolution metric's period).
     */
    public static ServingSettings defaults() {
        return new ServingSettings(
                16,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                Duration.ofMinutes(8),
                Duration.ofMillis(20),
                Duration.ofSeconds(10));
    }

    public ServingSettings scaled(double timeScale) {
        return new ServingSettings(
                concurrencyLimit,
                divide(queueTimeout, timeScale),
                divide(invocationTimeout, timeScale),
                divide(streamTimeout, timeScale),
                gossipInterval,
                divide(samplePeriod, timeScale));
    }

    public ServingSettings withConcurrencyLimit(int limit) {
        return new ServingSettings(limit, queueTimeout, invocationTimeout, streamTimeout, gossipInterval, samplePeriod);
    }

    public ServingSettings withStreamTimeout(Duration timeout) {
        return new ServingSettings(
                concurrencyLimit, queueTimeout, invocationTimeout, timeout, gossipInterval, samplePeriod);
    }

    public ServingSettings withInvocationTimeout(Duration timeout) {
        return new ServingSettings(
                concurrencyLimit, queueTimeout, timeout, streamTimeout, gossipInterval, samplePeriod);
    }

    public ServingSettings withQueueTimeout(Duration timeout) {
        return new ServingSettings(
                concurrencyLimit, timeout, invocationTimeout, streamTimeout, gossipInterval, samplePeriod);
    }

    private static Duration divide(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() / factor));
    }
}
