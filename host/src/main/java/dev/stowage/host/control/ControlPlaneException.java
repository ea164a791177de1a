package dev.stowage.host.control;

import org.jspecify.annotations.Nullable;

/** The control plane refused a call ({@code code} is the error's {@code __type}) or could not be reached. */
public final class ControlPlaneException extends RuntimeException {
    private final String code;
    private final int status;

    public ControlPlaneException(String code, @Nullable String message, int status, @Nullable Throwable cause) {
        super(code + (message == null ? "" : ": " + message) + " (HTTP " + status + ")", cause);
        this.code = code;
        this.status = status;
    }

    /** The error code, e.g. {@code ValidationException}; {@code IOException} when no answer came. */
    public String code() {
        return code;
    }

    /** The HTTP status; 0 when no answer came. */
    public int status() {
        return status;
    }
}
