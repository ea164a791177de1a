package dev.stowage.local.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch the handler did not process within the allowed retries; the poller moved past it. What Lambda would send
 * to an event source mapping's on-failure destination.
 *
 * @param tableName the table whose stream the records came from
 * @param shardId the shard they came from
 * @param records the records that were still failing, in stream order (a suffix of the batch read)
 * @param attempts how many times the handler was invoked with them
 * @param lastError what the handler threw on the last attempt, or null if it reported item failures
 */
public record FailedBatch(
        String tableName,
        String shardId,
        List<DynamodbEvent.DynamodbStreamRecord> records,
        int attempts,
        @Nullable Throwable lastError) {

    public FailedBatch {
        records = List.copyOf(records);
    }

    /** The sequence number of the first failed record. */
    public String firstSequenceNumber() {
        return records.getFirst().getDynamodb().getSequenceNumber();
    }

    /** The sequence number of the last failed record. */
    public String lastSequenceNumber() {
        return records.getLast().getDynamodb().getSequenceNumber();
    }
}
