package dev.stowage.wire.protocol;

import org.jspecify.annotations.Nullable;

/**
 * An error as it goes on the wire: HTTP status and the body {@code {"__type":"<code>","message":"<text>"}}.
 * The AWS SDKs map {@code code} to their typed exceptions. A {@code null} message is left out of the
 * body, as Coral does for some protocol errors.
 *
 * @param code the error code, unqualified (e.g. {@code ValidationException})
 * @param message the human-readable text clients show
 * @param status the HTTP status
 */
public record WireError(String code, @Nullable String message, int status) {

    /** A 400 {@code ValidationException}, the answer to any invalid input on SageMaker. */
    public static WireError validation(String message) {
        return new WireError("ValidationException", message, 400);
    }

    /** A 400 {@code SerializationException}: the body is not JSON or a value has the wrong JSON type. */
    public static WireError serialization(@Nullable String message) {
        return new WireError("SerializationException", message, 400);
    }

    /** This error thrown. */
    public WireException exception() {
        return new WireException(this);
    }
}
