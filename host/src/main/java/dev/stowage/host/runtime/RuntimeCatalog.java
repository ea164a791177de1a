package dev.stowage.host.runtime;

import dev.stowage.host.time.TimeScale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the runtime for a container image: a command line in {@code STOWAGE_COMMAND} in the environment whatever the
 * image, then a {@code process:<command>}, the built-in {@code stowage/echo} and {@code stowage/llm-sim}, and every
 * other image on the {@link ContainerEngine}; without an engine such an image is refused with a reason the user can
 * act on.
 *
 * <p>{@code STOWAGE_COMMAND} comes first because it is the only way to give a process arguments through the API: an
 * image may hold no whitespace (the service model's pattern for {@code Image} is {@code [\S]+}), so {@code
 * process:<program>} names a program alone, while an environment value may be any command line.
 */
public final class RuntimeCatalog {
    private final ModelRuntime echo = new EchoRuntime();
    private final ModelRuntime llmSim;
    private final ContainerEngine containers;

    public RuntimeCatalog(TimeScale timeScale, ContainerEngine containers) {
        this.llmSim = new LlmSimRuntime(timeScale);
        this.containers = containers;
    }

    /** The engine that runs container images (or {@link ContainerEngine#NONE}). */
    public ContainerEngine containers() {
        return containers;
    }

    /** The environment variable the host sets to the copy id (seeds {@code stowage/llm-sim}). */
    public static String copyIdVariable() {
        return LlmSimRuntime.COPY_ID;
    }

    public ModelRuntime forImage(String image, Map<String, String> environment) throws UnsupportedImageException {
        String name = image.strip();
        String command = environment.get(ProcessRuntime.COMMAND);
        if (command != null && !command.isBlank()) {
            return process(command);
        }
        if (name.startsWith(ProcessRuntime.PREFIX)) {
            return process(name.substring(ProcessRuntime.PREFIX.length()));
        }
        String repository = withoutTag(name);
        if (repository.equals(EchoRuntime.IMAGE)) {
            return echo;
        }
        if (repository.equals(LlmSimRuntime.IMAGE)) {
            return llmSim;
        }
        Optional<String> unavailable = containers.unavailable();
        if (unavailable.isPresent()) {
            throw new UnsupportedImageException("Image " + image + " needs a Docker Engine, and " + unavailable.get()
                    + ". " + NoContainerEngine.HOW_TO_START);
        }
        return containers;
    }

    private static ModelRuntime process(String commandLine) throws UnsupportedImageException {
        try {
            return new ProcessRuntime(commandLine);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedImageException(e.getMessage());
        }
    }

    private static String withoutTag(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }
}
