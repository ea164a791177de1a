package dev.stowage.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * One consumer of the {@code events} table's stream (a projector or reactor): an event source mapping on the
 * function's alias with partial batch responses, bisection on error, bounded retries and record age, and its own
 * dead-letter queue. Records are only wake-ups (the handler reads the table), so a record that lands in the queue
 * loses nothing: the next record of the stream, or the fleet tick, catches up.
 */
public final class StreamConsumer extends Construct {
    public static final int BATCH_SIZE = 100;
    public static final int RETRY_ATTEMPTS = 10;
    public static final Duration MAX_RECORD_AGE = Duration.hours(6);

    private final Queue deadLetters;
    private final JavaFunction consumer;

    public StreamConsumer(Construct scope, String id, JavaFunction consumer, ITable events) {
        super(scope, id);
        this.consumer = consumer;
        this.deadLetters = DeadLetters.queue(this, "DeadLetters");
        consumer.alias()
                .addEventSource(new DynamoEventSource(
                        events,
                        DynamoEventSourceProps.builder()
                                .startingPosition(StartingPosition.TRIM_HORIZON)
                                .batchSize(BATCH_SIZE)
                                .maxBatchingWindow(Duration.seconds(0))
                                .bisectBatchOnError(true)
                                .retryAttempts(RETRY_ATTEMPTS)
                                .maxRecordAge(MAX_RECORD_AGE)
                                .reportBatchItemFailures(true)
                                .parallelizationFactor(1)
                                .onFailure(new SqsDlq(deadLetters))
                                .build()));
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    public JavaFunction consumer() {
        return consumer;
    }
}
