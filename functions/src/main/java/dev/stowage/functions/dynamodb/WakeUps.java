package dev.stowage.functions.dynamodb;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.stowage.functions.metrics.BatchFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A record of the {@code events} table's stream is only a wake-up: all a consumer takes from it is the stream
 * it names (the item's {@code stream} key), then it reads what it needs itself.
 */
public final class WakeUps {
    private WakeUps() {}

    /** The stream a record wakes, or empty for a record that is not an event's. */
    public static Optional<String> streamOf(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
        AttributeValue stream = keys == null ? null : keys.get(EventsTable.STREAM);
        return stream == null ? Optional.empty() : Optional.ofNullable(stream.getS());
    }

    /**
     * Runs {@code catchUp} once per stream the batch wakes, in order; records without a stream are skipped. A record
     * whose catch-up throws is logged (as {@code what} of the stream failed) and reported in {@code
     * batchItemFailures}, and a later record of the same stream tries again; Lambda retries from the lowest one
     * reported. The batch is recorded in {@code figures}, the streams caught up as its work.
     */
    public static StreamsEventResponse catchUpEach(
            DynamodbEvent event, Context context, String what, Consumer<String> catchUp, BatchFigures figures) {
        long started = System.nanoTime();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> caughtUp = new HashSet<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String stream = streamOf(record).orElse(null);
            if (stream == null || caughtUp.contains(stream)) {
                continue;
            }
            try {
                catchUp.accept(stream);
                caughtUp.add(stream);
            } catch (RuntimeException e) {
                context.getLogger().log(what + " of " + stream + " failed: " + e);
                failures.add(new StreamsEventResponse.BatchItemFailure(
                        record.getDynamodb().getSequenceNumber()));
            }
        }
        figures.batch(
                event.getRecords().size(),
                caughtUp.size(),
                !failures.isEmpty(),
                Duration.ofNanos(System.nanoTime() - started));
        return new StreamsEventResponse(failures);
    }
}
