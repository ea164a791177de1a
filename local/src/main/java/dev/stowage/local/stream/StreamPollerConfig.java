package dev.stowage.local.stream;

import java.time.Duration;

/**
 * How a {@link StreamPoller} polls and retries: the knobs of a Lambda event source mapping.
 *
 * @param batchSize at most this many records per handler invocation (GetRecords limit), 1..1000
 * @param maxRetryAttempts retries of a failing batch before it goes to the on-failure callback (Lambda's
 *     {@code MaximumRetryAttempts}); 0 means no retry
 * @param retryBackoff pause before each retry
 * @param pollInterval pause after a pass over the shards that returned no record
 * @param startingPosition where a new poller starts reading
 * @param region the {@code awsRegion} of the records handed to the handler
 * @param account the account in the ARN of the handler's invocation context
 */
public record StreamPollerConfig(
        int batchSize,
        int maxRetryAttempts,
        Duration retryBackoff,
        Duration pollInterval,
        StartingPosition startingPosition,
        String region,
        String account) {

    public StreamPollerConfig {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must be within 1..1000: " + batchSize);
        }
        if (maxRetryAttempts < 0) {
            throw new IllegalArgumentException("maxRetryAttempts must not be negative: " + maxRetryAttempts);
        }
    }

    /** Batches of 100, 5 retries 50 ms apart, polled every 100 ms from TRIM_HORIZON, us-east-1, account 000000000000. */
    public static StreamPollerConfig defaults() {
        return new StreamPollerConfig(
                100,
                5,
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                StartingPosition.TRIM_HORIZON,
                "us-east-1",
                "000000000000");
    }

    public StreamPollerConfig withBatchSize(int size) {
        return new StreamPollerConfig(
                size, maxRetryAttempts, retryBackoff, pollInterval, startingPosition, region, account);
    }

    public StreamPollerConfig withRetries(int attempts, Duration backoff) {
        return new StreamPollerConfig(batchSize, attempts, backoff, pollInterval, startingPosition, region, account);
    }

    public StreamPollerConfig withPollInterval(Duration interval) {
        return new StreamPollerConfig(
                batchSize, maxRetryAttempts, retryBackoff, interval, startingPosition, region, account);
    }

    public StreamPollerConfig withStartingPosition(StartingPosition position) {
        return new StreamPollerConfig(
                batchSize, maxRetryAttempts, retryBackoff, pollInterval, position, region, account);
    }

    public StreamPollerConfig withRegionAndAccount(String awsRegion, String accountId) {
        return new StreamPollerConfig(
                batchSize, maxRetryAttempts, retryBackoff, pollInterval, startingPosition, awsRegion, accountId);
    }
}
