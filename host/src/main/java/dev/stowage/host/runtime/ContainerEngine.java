package dev.stowage.host.runtime;

import java.util.Optional;
import java.util.Set;

/**
 * Runs container images (every image but the built-in ones and {@code process:} commands): a Docker Engine, or
 * {@link #NONE} where there is no engine. Containers outlive their host's process, so the engine also finds them
 * again ({@link ModelRuntime#adopt}) and removes those no copy owns.
 */
public interface ContainerEngine extends ModelRuntime {
    /** No engine: every image is refused, saying how to start one. */
    ContainerEngine NONE = new NoContainerEngine("this host has no Docker Engine");

    /** No engine, for {@code reason} ({@code no Docker Engine answers on …}). */
    static ContainerEngine without(String reason) {
        return new NoContainerEngine(reason);
    }

    /** Why no container can run on this host, or empty when they can. */
    Optional<String> unavailable();

    /**
     * Removes this host's containers whose copy is not among {@code keep} (copy ids): what a crash, a kill or a
     * lost report left behind. Returns the copy ids of the containers it removed.
     */
    Set<String> removeOthers(String endpointName, String variantName, String instanceId, Set<String> keep);

    /** The images, artifacts and clients this engine holds are let go; running containers are left to their copies. */
    default void close() {}
}
