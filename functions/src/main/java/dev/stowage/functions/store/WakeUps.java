package dev.stowage.functions.store;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import java.util.Optional;

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
}
