package dev.stowage.local.stream;

/** Where a new poller starts reading, as in a Lambda event source mapping. */
public enum StartingPosition {
    /** The oldest record still in the stream (24 hours back at most). */
    TRIM_HORIZON,
    /** Only records written after the poller started. */
    LATEST
}
