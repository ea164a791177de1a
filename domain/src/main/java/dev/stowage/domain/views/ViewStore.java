package dev.stowage.domain.views;

import java.util.List;
import java.util.Optional;

/**
 * The read models behind Describe-after-the-fact and List, kept by the {@link Projector}.
 *
 * <p><b>Checkpoints.</b> Besides the rows, the store keeps one checkpoint per stream: the version of the
 * last event applied to that stream's view. A row's {@code lastVersion} always equals its stream's
 * checkpoint, but the checkpoint outlives the row: after a Deleted event the row is gone while the
 * checkpoint stays at the Deleted event's version, like a tombstone. Without it a projector that read
 * the stream before the delete (or a redelivered stale wake-up) would find "no row, version 0", fold the
 * old Created again and resurrect the deleted resource. Every write therefore compares against the
 * checkpoint, not against the row, and writes checkpoint and row (or row removal) atomically; on DynamoDB
 * that is one {@code TransactWriteItems}. Checkpoints are never removed: one small item per stream ever
 * projected, and a reused name continues the same stream, hence the same checkpoint.
 *
 * <p><b>Concurrency.</b> Writes are compare-and-set on the checkpoint: when it is not {@code
 * expectedLastVersion} nothing is written and the write returns {@code false} (a lost race; reload and
 * retry). Implementations are safe for concurrent use.
 *
 * <p><b>Listing.</b> {@link #list} returns every row of a kind; {@link ListQuery} filters, sorts and pages
 * them in memory. That is fine at this scale (hundreds of resources per account and region, as the
 * service's own limits suggest); a store that outgrows it can push filters down without changing callers.
 * Lists may lag writes (eventually consistent index); reads of one stream do not.
 */
public interface ViewStore {

    /** The row of resource {@code name} of kind {@code kind}, if it exists. A strongly consistent read. */
    Optional<ViewRow> get(ViewKind kind, String name);

    /** The checkpoint and row of {@code stream}, read together (one snapshot, never torn). */
    StreamView load(String stream);

    /** The checkpoint of {@code stream}: 0 when nothing was ever applied. */
    default long checkpoint(String stream) {
        return load(stream).lastVersion();
    }

    /**
     * Writes {@code row} and moves its stream's checkpoint to {@code row.lastVersion()}, when the checkpoint
     * is {@code expectedLastVersion} (0 for a stream never written); otherwise writes nothing and returns
     * false.
     *
     * @throws IllegalArgumentException when {@code row.lastVersion()} is not above {@code expectedLastVersion}
     */
    boolean put(ViewRow row, long expectedLastVersion);

    /**
     * Removes the row of {@code stream} (if any) and moves the checkpoint to {@code appliedVersion}, when the
     * checkpoint is {@code expectedLastVersion}; otherwise writes nothing and returns false.
     *
     * @throws IllegalArgumentException when {@code appliedVersion} is not above {@code expectedLastVersion}
     */
    boolean delete(String stream, long expectedLastVersion, long appliedVersion);

    /** Every row of kind {@code kind}, in no particular order. */
    List<ViewRow> list(ViewKind kind);

    /** Rejects a write that would not move the checkpoint forward. */
    static void requireForward(long expectedLastVersion, long newVersion) {
        if (newVersion <= expectedLastVersion) {
            throw new IllegalArgumentException(
                    "Version " + newVersion + " does not move past checkpoint " + expectedLastVersion);
        }
    }
}
