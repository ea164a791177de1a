package dev.stowage.wire.runtime;

/** Carries a {@link RuntimeError} out of parsing or routing; the edge encodes it with {@link InvocationResponses}. */
public final class RuntimeErrorException extends RuntimeException {

    private final RuntimeError error;

    /** An exception for that error; no stack trace is kept, it is an answer, not a fault. */
    public RuntimeErrorException(RuntimeError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    /** The error to send. */
    public RuntimeError error() {
        return error;
    }
}
