package dev.stowage.local.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Delivers one batch to a stream handler with Lambda's retry semantics. A reported item failure (partial batch
 * response) retries from the earliest failed record, so the records before it are never delivered again; a thrown
 * exception, or a failure naming a record that is not in the batch, retries the whole remaining batch. After {@code
 * maxRetryAttempts} retries the remaining records go to the on-failure callback and the batch counts as settled.
 */
final class BatchInvoker {
    private static final System.Logger LOG = System.getLogger(BatchInvoker.class.getName());

    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final Supplier<Context> contexts;
    private final StreamPollerConfig config;
    private final Consumer<FailedBatch> onFailure;
    private final Pause pause;

    BatchInvoker(
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
            Supplier<Context> contexts,
            StreamPollerConfig config,
            Consumer<FailedBatch> onFailure,
            Pause pause) {
        this.handler = handler;
        this.contexts = contexts;
        this.config = config;
        this.onFailure = onFailure;
        this.pause = pause;
    }

    /**
     * Delivers {@code batch} until it succeeds or its retries are exhausted. Returns false only when the poller was
     * stopped during a retry pause: the batch is then not settled and must not be checkpointed.
     */
    boolean deliver(String tableName, String shardId, List<DynamodbEvent.DynamodbStreamRecord> batch) {
        List<DynamodbEvent.DynamodbStreamRecord> remaining = batch;
        for (int attempt = 1; ; attempt++) {
            Throwable error = null;
            int failedFrom;
            try {
                failedFrom = firstFailure(remaining, handler.handleRequest(eventOf(remaining), contexts.get()));
            } catch (RuntimeException | Error e) {
                error = e;
                failedFrom = 0;
            }
            if (failedFrom < 0) {
                return true;
            }
            remaining = remaining.subList(failedFrom, remaining.size());
            if (attempt > config.maxRetryAttempts()) {
                giveUp(new FailedBatch(tableName, shardId, remaining, attempt, error));
                return true;
            }
            if (!pause.pause(config.retryBackoff())) {
                return false;
            }
        }
    }

    private void giveUp(FailedBatch failed) {
        try {
            onFailure.accept(failed);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the on-failure callback failed; the batch is dropped", e);
        }
    }

    /** The index of the first record to retry, or -1 when the handler reported no failure. */
    private static int firstFailure(
            List<DynamodbEvent.DynamodbStreamRecord> records, @Nullable StreamsEventResponse response) {
        if (response == null
                || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        Set<String> failed = new HashSet<>();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            if (failure == null
                    || failure.getItemIdentifier() == null
                    || failure.getItemIdentifier().isBlank()) {
                return 0;
            }
            failed.add(failure.getItemIdentifier());
        }
        for (int i = 0; i < records.size(); i++) {
            if (failed.contains(records.get(i).getDynamodb().getSequenceNumber())) {
                return i;
            }
        }
        return 0;
    }

    private static DynamodbEvent eventOf(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.copyOf(records));
        return event;
    }
}
