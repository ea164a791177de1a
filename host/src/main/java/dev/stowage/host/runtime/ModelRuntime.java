package dev.stowage.host.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs one copy of a model so that it serves the SageMaker container contract on a loopback port: {@code GET
 * /ping} answers 200 once the model is ready and {@code POST /invocations} runs inference.
 *
 * <p>{@link #start} returns as soon as the runtime is launched; it does not wait for {@code /ping}. The caller
 * polls readiness and owns the returned handle. Implementations may be called from many threads at once, one
 * copy per call.
 */
public interface ModelRuntime {

    /**
     * Launches the model.
     *
     * @param port the free loopback port to serve on
     * @param environment the copy's environment: its device visibility and the container's {@code Environment}
     * @param artifactDir the folder holding the fetched model artifact, or null when the copy has none
     * @param log where the runtime writes what it says
     * @throws IOException when the runtime cannot be launched at all
     */
    RunningModel start(int port, Map<String, String> environment, @Nullable Path artifactDir, CopyLog log)
            throws IOException;
}
