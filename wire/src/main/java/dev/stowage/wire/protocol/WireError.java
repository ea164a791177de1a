package dev.stowage.wire.protocol;

/**
 * An error as it goes on the wire: HTTP status and the body {@code {"__type":"<code>","message":"<text>"}}.
 * The AWS SDKs map {@code code} to their typed exceptions. Every error has a message: Coral leaves it out of some
 * protocol errors ({@code UnknownOperationException}, {@code SerializationException}), but a client (or a person
 * reading its log) then learns nothing of what was wrong, and issue 13 asks that every error carry one.
 *
 * @param code the error code, unqualified (e.g. {@code ValidationException})
 * @param message the human-readable text clients show
 * @param status the HTTP status
 */
public record WireError(String code, String message, int status) {

    /** A blank message (an exception's {@code null} one) becomes one that at least names the error. */
    @SuppressWarnings("ConstantConditions")
    public WireError {
        if (message == null || message.isBlank()) {
            message = code + " (no further detail)";
        }
    }

    /** A 400 {@code ValidationException}, the answer to any invalid input on SageMaker. */
    public static WireError validation(String message) {
        return new WireError("ValidationException", message, 400);
    }

    /** A 400 {@code SerializationException}: the body is not JSON or a value has the wrong JSON type. */
    public static WireError serialization(String message) {
        return new WireError("SerializationException", message, 400);
    }

    /** This error thrown. */
    public WireException exception() {
        return new WireException(this);
    }
}
