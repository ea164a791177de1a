package dev.stowage.wire.protocol;

/** Carries a {@link WireError} out of a codec, validator or verifier; the edge encodes it. */
public final class WireException extends RuntimeException {

    private final WireError error;

    /** An exception for that error; no stack trace is kept, it is an answer, not a fault. */
    public WireException(WireError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    /** The error to send. */
    public WireError error() {
        return error;
    }
}
