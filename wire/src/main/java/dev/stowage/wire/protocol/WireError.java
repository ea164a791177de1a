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

    /** The longest message sent: a message quotes the request's values, which may be megabytes long. */
    public static final int MAX_MESSAGE_CHARS = 4096;

    /**
     * A blank message (an exception's {@code null} one) becomes one that at least names the error; a message past
     * {@value #MAX_MESSAGE_CHARS} characters is cut (issue 13: 10 MB of quoted values made an error no client could
     * read), and a lone surrogate (half of an emoji a parser quoted) becomes U+FFFD, since it has no UTF-8 form and
     * failed the error's encoding with a 502.
     */
    @SuppressWarnings("ConstantConditions")
    public WireError {
        if (message == null || message.isBlank()) {
            message = code + " (no further detail)";
        }
        message = wellFormed(message);
    }

    /** A value a message quotes (a target, a path, a parser's complaint), cut at 200 characters. */
    public static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static String wellFormed(String message) {
        boolean cut = message.length() > MAX_MESSAGE_CHARS;
        String kept = cut ? message.substring(0, MAX_MESSAGE_CHARS) : message;
        StringBuilder out = new StringBuilder(kept.length() + 1);
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < kept.length() && Character.isLowSurrogate(kept.charAt(i + 1))) {
                out.append(c).append(kept.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return cut ? out.append('…').toString() : out.toString();
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
