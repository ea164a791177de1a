package dev.stowage.host.runtime;

import dev.stowage.host.time.TimeScale;
import java.util.Map;

/**
 * Chooses the runtime for a container image: the built-in {@code stowage/echo} and {@code stowage/llm-sim}, a
 * {@code process:<command>} (or {@code STOWAGE_COMMAND} in the environment), and nothing else: this host has no
 * container engine, so a real image is refused with a reason the user can act on.
 */
public final class RuntimeCatalog {
    private final ModelRuntime echo = new EchoRuntime();
    private final ModelRuntime llmSim;

    public RuntimeCatalog(TimeScale timeScale) {
        this.llmSim = new LlmSimRuntime(timeScale);
    }

    /** The environment variable the host sets to the copy id (seeds {@code stowage/llm-sim}). */
    public static String copyIdVariable() {
        return LlmSimRuntime.COPY_ID;
    }

    public ModelRuntime forImage(String image, Map<String, String> environment) throws UnsupportedImageException {
        String name = image.strip();
        if (name.startsWith(ProcessRuntime.PREFIX)) {
            return process(name.substring(ProcessRuntime.PREFIX.length()));
        }
        String command = environment.get(ProcessRuntime.COMMAND);
        if (command != null && !command.isBlank()) {
            return process(command);
        }
        String repository = withoutTag(name);
        if (repository.equals(EchoRuntime.IMAGE)) {
            return echo;
        }
        if (repository.equals(LlmSimRuntime.IMAGE)) {
            return llmSim;
        }
        throw new UnsupportedImageException("Image " + image
                + " needs a container runtime (Docker Engine), which this host does not have; use stowage/echo,"
                + " stowage/llm-sim or process:<command>.");
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
