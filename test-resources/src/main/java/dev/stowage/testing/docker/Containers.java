package dev.stowage.testing.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the helpers here do with a container, by id. */
final class Containers {
    private Containers() {}

    static Optional<Long> awaitExit(DockerClient docker, String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var state = docker.inspectContainerCmd(id).exec().getState();
            if ("exited".equals(state.getStatus()) || "dead".equals(state.getStatus())) {
                return Optional.ofNullable(state.getExitCodeLong());
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(100);
        }
    }

    /** Whatever stdout and stderr held; what arrived so far if interrupted. Usable as an assertion's description. */
    static String logs(DockerClient docker, String id) {
        var out = new StringBuffer();
        try {
            docker.logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    static void remove(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // Already gone.
        }
    }
}
