package dev.stowage.local.stream;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/** Where a poller stands in one shard: its iterator, the last record it settled, and whether the shard is done. */
final class ShardCursor {
    final String shardId;
    final @Nullable String parentShardId;

    @Nullable
    String iterator;

    @Nullable
    String lastSequenceNumber;

    ShardIteratorType startAt;
    boolean finished;

    ShardCursor(String shardId, @Nullable String parentShardId, ShardIteratorType startAt) {
        this.shardId = shardId;
        this.parentShardId = parentShardId;
        this.startAt = startAt;
    }

    /** The iterator type to ask for when this cursor has no live iterator. */
    ShardIteratorType resumeType() {
        return lastSequenceNumber == null ? startAt : ShardIteratorType.AFTER_SEQUENCE_NUMBER;
    }
}
