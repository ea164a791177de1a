package dev.stowage.host.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Statistics;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.host.runtime.RunningModel;
import dev.stowage.host.runtime.Usage;
import java.io.Closeable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A copy's container while it runs: its output goes line by line to the copy's log, its end is watched (an exit code,
 * and whether the kernel killed it for memory), and stopping it is SIGTERM, the grace, SIGKILL, then removal, so no
 * container outlives its copy.
 */
final class RunningContainer implements RunningModel {
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final String id;
    private final String name;
    private final URI baseUrl;
    private final CopyLog log;
    private final Runnable afterRemoval;
    private final CompletableFuture<String> exit = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile @Nullable Closeable following;

    private RunningContainer(
            DockerClient docker, String id, String name, URI baseUrl, CopyLog log, Runnable afterRemoval) {
        this.docker = docker;
        this.id = id;
        this.name = name;
        this.baseUrl = baseUrl;
        this.log = log;
        this.afterRemoval = afterRemoval;
    }

    /**
     * Follows a container that was just started (its whole output) or adopted ({@code since}: its output from now
     * on), and watches for its end.
     */
    static RunningContainer watch(
            DockerClient docker,
            String id,
            String name,
            URI baseUrl,
            CopyLog log,
            boolean adopted,
            Runnable afterRemoval) {
        RunningContainer container = new RunningContainer(docker, id, name, baseUrl, log, afterRemoval);
        container.follow(adopted);
        Thread.ofVirtual().name("wait-" + name).start(container::awaitEnd);
        return container;
    }

    String id() {
        return id;
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public Optional<String> exited() {
        return Optional.ofNullable(exit.getNow(null));
    }

    @Override
    public void onExit(Consumer<String> whenGone) {
        exit.thenAccept(reason -> {
            if (!stopping) {
                whenGone.accept(reason);
            }
        });
    }

    @Override
    public Optional<Usage> usage() {
        if (exit.isDone()) {
            return Optional.empty();
        }
        try {
            var stats = new CompletableFuture<Statistics>();
            try (var ignored = docker.statsCmd(id).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
                @Override
                public void onNext(Statistics sample) {
                    stats.complete(sample);
                }

                @Override
                public void onError(Throwable error) {
                    stats.completeExceptionally(error);
                }
            })) {
                return ContainerUsage.of(
                        stats.get(STATS_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
            }
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void stop(Duration grace) {
        stopping = true;
        long seconds = (long) Math.ceil(grace.toMillis() / 1000.0);
        try {
            if (exit.isDone()) {
                log.line("removing container " + name);
            } else {
                log.line("stopping container " + name + ": SIGTERM, then SIGKILL after " + seconds + " s");
                docker.stopContainerCmd(id)
                        .withTimeout((int) Math.min(seconds, Integer.MAX_VALUE))
                        .exec();
            }
        } catch (NotFoundException gone) {
            // Removed already (a sweep, or by hand).
        } catch (DockerException e) {
            log.line("could not stop container " + name + ": " + e.getMessage() + "; removing it by force");
        }
        try {
            docker.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException gone) {
            // Nothing left to remove.
        } catch (DockerException e) {
            log.line("could not remove container " + name + ": " + e.getMessage());
        }
        closeFollowing();
        log.line("container " + name + " removed");
        afterRemoval.run();
    }

    private void follow(boolean fromNow) {
        var command =
                docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true);
        if (fromNow) {
            command.withSince((int) (System.currentTimeMillis() / 1000));
        }
        following = command.exec(new ResultCallback.Adapter<Frame>() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onNext(Frame frame) {
                partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                int newline;
                while ((newline = partial.indexOf("\n")) >= 0) {
                    log.line(partial.substring(0, newline));
                    partial.delete(0, newline + 1);
                }
            }

            @Override
            public void onComplete() {
                if (!partial.isEmpty()) {
                    log.line(partial.toString());
                }
                super.onComplete();
            }
        });
    }

    private void awaitEnd() {
        try {
            docker.waitContainerCmd(id)
                    .exec(new com.github.dockerjava.api.command.WaitContainerResultCallback())
                    .awaitStatusCode();
        } catch (RuntimeException e) {
            // The engine went away or the container was removed: say so below from what inspect tells.
        }
        exit.complete(reason());
    }

    /** Why the container ended, from the engine's record of it. */
    private String reason() {
        try {
            InspectContainerResponse.ContainerState state =
                    docker.inspectContainerCmd(id).exec().getState();
            return ContainerExit.describe(state.getExitCodeLong(), Boolean.TRUE.equals(state.getOOMKilled()));
        } catch (NotFoundException e) {
            return "The container was removed.";
        } catch (DockerException e) {
            return "The container ended, and the engine could not say how: " + e.getMessage();
        }
    }

    private void closeFollowing() {
        Closeable f = following;
        if (f != null) {
            try {
                f.close();
            } catch (java.io.IOException ignored) {
                // Following ends with the container anyway.
            }
        }
    }
}
