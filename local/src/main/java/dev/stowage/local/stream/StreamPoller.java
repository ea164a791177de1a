package dev.stowage.local.stream;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.local.lambda.LocalLambdaContext;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A Lambda event source mapping for one table's DynamoDB stream and one handler, run on a virtual thread.
 *
 * <p>Per shard, records reach the handler in stream order, in batches of at most {@code batchSize}; a parent shard
 * is read to its end before its children. A batch is settled (and the shard moves past it) when the handler
 * succeeds or when its retries are exhausted and it went to the on-failure callback; see {@link BatchInvoker}.
 * Delivery is at least once: the position is kept in memory only, so a new poller starts again from its {@link
 * StartingPosition}. Handlers must be idempotent, as they must be on Lambda.
 */
public final class StreamPoller implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamPoller.class.getName());
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(1);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final String tableName;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final StreamPollerConfig config;
    private final BatchInvoker invoker;
    private final Shards shards;
    // A lock and condition rather than synchronized/wait: on JDK 21 a virtual thread waiting in a monitor pins its
    // carrier.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private volatile boolean running = true;
    private @Nullable String streamArn;
    private long nextRefreshNanos;
    private final Thread thread;

    private StreamPoller(
            String tableName,
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
            DynamoDbClient dynamo,
            DynamoDbStreamsClient streams,
            StreamPollerConfig config,
            Consumer<FailedBatch> onFailure) {
        this.tableName = tableName;
        this.dynamo = dynamo;
        this.streams = streams;
        this.config = config;
        this.shards = new Shards(config.startingPosition());
        String functionName = tableName + "-stream-" + handler.getClass().getSimpleName();
        this.invoker = new BatchInvoker(
                handler,
                () -> LocalLambdaContext.invocation(functionName, config.region(), config.account()),
                config,
                onFailure,
                this::pause);
        this.thread = Thread.ofVirtual().name("stream-poller-" + tableName).unstarted(this::run);
    }

    /** Starts polling the stream of {@code tableName}; the table may be created later. */
    public static StreamPoller start(
            String tableName,
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
            DynamoDbClient dynamo,
            DynamoDbStreamsClient streams,
            StreamPollerConfig config,
            Consumer<FailedBatch> onFailure) {
        StreamPoller poller = new StreamPoller(tableName, handler, dynamo, streams, config, onFailure);
        poller.thread.start();
        return poller;
    }

    /** An on-failure callback that logs the failed batch at ERROR level. */
    public static Consumer<FailedBatch> logFailures() {
        return failed -> LOG.log(
                System.Logger.Level.ERROR,
                "stream handler gave up on {0} record(s) of table {1}, shard {2}, sequence numbers {3}..{4} after"
                        + " {5} attempt(s)",
                failed.records().size(),
                failed.tableName(),
                failed.shardId(),
                failed.firstSequenceNumber(),
                failed.lastSequenceNumber(),
                failed.attempts());
    }

    public String tableName() {
        return tableName;
    }

    /** Stops polling; an invocation in progress finishes first. Waits up to 10 s for the thread to end. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (!thread.join(CLOSE_GRACE)) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                if (!pollOnce()) {
                    pause(config.pollInterval());
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(System.Logger.Level.WARNING, "polling the stream of " + tableName + " failed; retrying", e);
                    pause(ERROR_PAUSE);
                }
            }
        }
    }

    /** One pass over the readable shards; true when some shard returned records. */
    private boolean pollOnce() {
        if (streamArn == null) {
            streamArn = resolveStreamArn();
            if (streamArn == null) {
                return false;
            }
        }
        if (System.nanoTime() - nextRefreshNanos >= 0) {
            refreshShards(streamArn);
            nextRefreshNanos = System.nanoTime() + SHARD_REFRESH.toNanos();
        }
        boolean gotRecords = false;
        for (ShardCursor cursor : shards.readable()) {
            if (!running) {
                break;
            }
            gotRecords |= poll(streamArn, cursor);
        }
        return gotRecords;
    }

    private @Nullable String resolveStreamArn() {
        try {
            String arn =
                    dynamo.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
            if (arn == null) {
                throw new IllegalStateException("table " + tableName + " has no stream enabled");
            }
            return arn;
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private void refreshShards(String arn) {
        String exclusiveStart = null;
        do {
            String start = exclusiveStart;
            var description = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(start))
                    .streamDescription();
            shards.discovered(description.shards());
            exclusiveStart = description.lastEvaluatedShardId();
        } while (exclusiveStart != null);
    }

    private boolean poll(String arn, ShardCursor cursor) {
        if (cursor.iterator == null) {
            cursor.iterator = streams.getShardIterator(b -> b.streamArn(arn)
                            .shardId(cursor.shardId)
                            .shardIteratorType(cursor.resumeType())
                            .sequenceNumber(cursor.lastSequenceNumber))
                    .shardIterator();
        }
        GetRecordsResponse response;
        try {
            String iterator = cursor.iterator;
            response = streams.getRecords(b -> b.shardIterator(iterator).limit(config.batchSize()));
        } catch (ExpiredIteratorException e) {
            cursor.iterator = null;
            return false;
        } catch (TrimmedDataAccessException e) {
            cursor.iterator = null;
            cursor.lastSequenceNumber = null;
            cursor.startAt = ShardIteratorType.TRIM_HORIZON;
            return false;
        }
        var records = response.records();
        if (!records.isEmpty()) {
            var batch = StreamRecords.convert(records, arn, config.region());
            if (!invoker.deliver(tableName, cursor.shardId, batch)) {
                return false;
            }
            cursor.lastSequenceNumber = records.getLast().dynamodb().sequenceNumber();
        }
        cursor.iterator = response.nextShardIterator();
        if (cursor.iterator == null) {
            cursor.finished = true;
            nextRefreshNanos = System.nanoTime();
        }
        return !records.isEmpty();
    }

    private boolean pause(Duration duration) {
        lock.lock();
        try {
            if (running) {
                stopped.awaitNanos(duration.toNanos());
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } finally {
            lock.unlock();
        }
    }
}
