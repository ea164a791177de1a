package dev.stowage.domain.store;

/** Another writer appended to the stream after it was read; nothing was written. */
public final class ConcurrencyConflict extends RuntimeException {
    private final String stream;
    private final long expectedVersion;

    public ConcurrencyConflict(String stream, long expectedVersion) {
        super("Stream " + stream + " is past version " + expectedVersion, null, false, false);
        this.stream = stream;
        this.expectedVersion = expectedVersion;
    }

    public String stream() {
        return stream;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
