package dev.stowage.local.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * The shards of one stream as a poller knows them. A shard is readable once its parent has been read to its end (or
 * the parent is no longer in the stream), which keeps the records of a key in order across a shard split.
 */
final class Shards {
    private final StartingPosition startingPosition;
    private final Map<String, ShardCursor> cursors = new LinkedHashMap<>();
    private boolean discoveredAny;

    Shards(StartingPosition startingPosition) {
        this.startingPosition = startingPosition;
    }

    /**
     * Adds the shards not seen before. Those in the first description start at the poller's starting position (at
     * LATEST, a shard that is already closed has nothing newer and counts as read); later ones, being new, start at
     * TRIM_HORIZON.
     */
    void discovered(List<Shard> described) {
        boolean latest = !discoveredAny && startingPosition == StartingPosition.LATEST;
        for (Shard shard : described) {
            cursors.computeIfAbsent(shard.shardId(), id -> cursor(shard, latest));
        }
        discoveredAny = true;
    }

    /** The shards to read now, parents before children. */
    List<ShardCursor> readable() {
        return cursors.values().stream().filter(this::isReadable).toList();
    }

    private boolean isReadable(ShardCursor cursor) {
        if (cursor.finished) {
            return false;
        }
        ShardCursor parent = cursor.parentShardId == null ? null : cursors.get(cursor.parentShardId);
        return parent == null || parent.finished;
    }

    private static ShardCursor cursor(Shard shard, boolean latest) {
        ShardCursor cursor = new ShardCursor(
                shard.shardId(),
                shard.parentShardId(),
                latest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON);
        cursor.finished = latest && shard.sequenceNumberRange().endingSequenceNumber() != null;
        return cursor;
    }
}
