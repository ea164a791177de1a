package dev.stowage.host.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs copies of a model so that each serves the SageMaker container contract on a loopback port: {@code GET /ping}
 * answers 200 once the model is ready and {@code POST /invocations} runs inference.
 *
 * <p>{@link #start} returns as soon as the runtime is launched; it does not wait for {@code /ping}. The caller
 * polls readiness and owns the returned handle. Implementations may be called from many threads at once, one
 * copy per call.
 */
public interface ModelRuntime {

    /**
     * Gets {@code image} onto the host (a container image is pulled), within {@code timeout}, telling {@code progress}
     * how far it has come. Runtimes that need nothing do nothing.
     *
     * @throws IOException when the image cannot be had, with the reason
     * @throws TimeoutException when {@code timeout} passed first
     */
    default void prepare(String image, Duration timeout, Consumer<String> progress, CopyLog log)
            throws IOException, TimeoutException, InterruptedException {}

    /**
     * Launches the model.
     *
     * @throws IOException when the runtime cannot be launched at all
     */
    RunningModel start(Launch launch) throws IOException;

    /**
     * The copy's model as it still runs from before its host restarted, when this runtime outlives its host (a
     * container does; a child process or an in-process server does not).
     */
    default Optional<RunningModel> adopt(Launch.CopyIdentity copy, CopyLog log) {
        return Optional.empty();
    }
}
