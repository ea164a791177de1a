package dev.stowage.local.app;

/**
 * What local mode runs: the application supplies the API handler and the stream handlers, built on the local
 * environment it is given. It is the local twin of the Lambda functions and event source mappings of the AWS
 * deployment, so an implementation should build the very handler classes that ship (through their package-private
 * constructors or a {@code Wiring}), pointed at the environment's clients.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: register one in {@code
 * META-INF/services/dev.stowage.local.app.LocalApplication}. When several are registered, the one with the highest
 * {@link #priority()} wins; a tie at the top is an error.
 */
public interface LocalApplication {

    /**
     * Creates what the application needs (tables with their streams, other local services) and returns its
     * handlers. Called once, before any request or stream record is delivered; the tables named in {@link
     * LocalHandlers#streams()} must exist with a stream enabled when this returns. Exceptions abort {@code up}.
     */
    LocalHandlers setUp(LocalEnvironment environment);

    /** A short name for messages. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Precedence among registered applications; higher wins. */
    default int priority() {
        return 0;
    }
}
