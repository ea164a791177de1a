package dev.stowage.host.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** A launched copy of a model: where it serves, whether it died, and how to stop it. */
public interface RunningModel {

    /** Where the copy serves the container contract, for example {@code http://127.0.0.1:41234}. */
    URI baseUrl();

    /** Why the runtime is gone if it ended by itself (a process that exited), else empty. */
    default Optional<String> exited() {
        return Optional.empty();
    }

    /**
     * Calls {@code whenGone} once, with the reason {@link #exited()} gives, if the runtime ends by itself after this
     * call; never when it is stopped, and never for a runtime that cannot end by itself (an in-process server).
     */
    default void onExit(Consumer<String> whenGone) {}

    /**
     * What the copy uses now, for its utilization metrics; empty where the runtime cannot tell (an in-process model
     * shares the host's process). May take a moment (a container engine samples twice, a second apart).
     */
    default Optional<Usage> usage() {
        return Optional.empty();
    }

    /**
     * Stops the copy: asks it to end, and forces it once {@code grace} has passed. Returns when it is gone.
     * Stopping twice is harmless.
     */
    void stop(Duration grace);
}
