package dev.stowage.domain;

/**
 * A command the domain refuses. The message is the text the user sees; {@link Kind} picks the wire error
 * (SageMaker reports not-found as a validation error, Application Auto Scaling as its own code).
 */
public final class CommandRejected extends RuntimeException {

    public enum Kind {
        VALIDATION,
        NOT_FOUND,
        RESOURCE_IN_USE,
        RESOURCE_LIMIT_EXCEEDED,
        CONFLICT
    }

    private final Kind kind;

    private CommandRejected(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static CommandRejected validation(String message) {
        return new CommandRejected(Kind.VALIDATION, message);
    }

    public static CommandRejected notFound(String message) {
        return new CommandRejected(Kind.NOT_FOUND, message);
    }

    public static CommandRejected inUse(String message) {
        return new CommandRejected(Kind.RESOURCE_IN_USE, message);
    }

    public static CommandRejected limitExceeded(String message) {
        return new CommandRejected(Kind.RESOURCE_LIMIT_EXCEEDED, message);
    }

    public static CommandRejected conflict(String message) {
        return new CommandRejected(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
