package dev.stowage.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

class ShardsTest {
    private static final Shard PARENT = shard("shard-1", null, "100");
    private static final Shard CHILD = shard("shard-2", "shard-1", null);
    private static final Shard ORPHAN = shard("shard-3", "trimmed-away", null);

    @Test
    void aChildIsReadOnlyOnceItsParentIsFinished() {
        Shards shards = new Shards(StartingPosition.TRIM_HORIZON);
        shards.discovered(List.of(PARENT, CHILD, ORPHAN));

        assertThat(ids(shards.readable())).containsExactly("shard-1", "shard-3");

        shards.readable().getFirst().finished = true;

        assertThat(ids(shards.readable())).containsExactly("shard-2", "shard-3");
    }

    @Test
    void atLatestClosedShardsAreSkippedAndLaterShardsStartAtTrimHorizon() {
        Shards shards = new Shards(StartingPosition.LATEST);
        shards.discovered(List.of(PARENT, CHILD));

        assertThat(shards.readable()).singleElement().satisfies(cursor -> {
            assertThat(cursor.shardId).isEqualTo("shard-2");
            assertThat(cursor.resumeType()).isEqualTo(ShardIteratorType.LATEST);
        });

        shards.discovered(List.of(PARENT, CHILD, ORPHAN));

        assertThat(shards.readable().getLast().resumeType()).isEqualTo(ShardIteratorType.TRIM_HORIZON);
    }

    @Test
    void aCursorResumesAfterTheLastSettledRecord() {
        Shards shards = new Shards(StartingPosition.TRIM_HORIZON);
        shards.discovered(List.of(CHILD));
        ShardCursor cursor = shards.readable().getFirst();

        cursor.lastSequenceNumber = "42";

        assertThat(cursor.resumeType()).isEqualTo(ShardIteratorType.AFTER_SEQUENCE_NUMBER);
    }

    private static List<String> ids(List<ShardCursor> cursors) {
        return cursors.stream().map(cursor -> cursor.shardId).toList();
    }

    private static Shard shard(String id, String parent, String endingSequenceNumber) {
        return Shard.builder()
                .shardId(id)
                .parentShardId(parent)
                .sequenceNumberRange(r -> r.startingSequenceNumber("1").endingSequenceNumber(endingSequenceNumber))
                .build();
    }
}
