package dev.stowage.host.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.core.NameParser;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One image pull through the Engine, with the registry's credentials, its progress summed over the image's layers
 * ({@code pulling <image>: 312 of 1,840 MiB}), and a deadline: a pull that is not done in time is abandoned.
 */
final class ImagePull {
    private static final long MIB = 1024 * 1024;

    private final DockerClient docker;
    private final String image;
    private final Optional<AuthConfig> auth;
    private final Consumer<String> progress;
    private final Map<String, long[]> layers = new ConcurrentHashMap<>();

    ImagePull(DockerClient docker, String image, Optional<AuthConfig> auth, Consumer<String> progress) {
        this.docker = docker;
        this.image = image;
        this.auth = auth;
        this.progress = progress;
    }

    /** Whether the image is on the engine already. */
    static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Pulls the image, returning once the engine has it.
     *
     * @throws IOException with the registry's or the engine's reason when the pull fails
     * @throws TimeoutException when {@code timeout} passes first (the pull is abandoned)
     */
    void run(Duration timeout) throws IOException, TimeoutException, InterruptedException {
        NameParser.ReposTag name = NameParser.parseRepositoryTag(image);
        String tag = name.tag.isEmpty() ? "latest" : name.tag;
        var command = docker.pullImageCmd(name.repos).withTag(tag);
        auth.ifPresent(command::withAuthConfig);
        ResultCallback.Adapter<PullResponseItem> callback = command.exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                record(item);
            }
        });
        try {
            if (!callback.awaitCompletion(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("pulling " + image + " took longer than " + timeout);
            }
            callback.awaitCompletion();
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            throw new IOException(reason(e.getMessage()), e);
        } finally {
            callback.close();
        }
        if (!present(docker, image)) {
            throw new IOException("Could not pull image " + image + ": the engine does not have it after the pull.");
        }
    }

    private void record(PullResponseItem item) {
        if (item.isErrorIndicated()) {
            return; // the callback's completion throws it
        }
        String layer = item.getId();
        var detail = item.getProgressDetail();
        if (layer == null || detail == null) {
            return;
        }
        long[] sizes = layers.computeIfAbsent(layer, id -> new long[2]);
        String status = String.valueOf(item.getStatus());
        if (status.startsWith("Downloading") && detail.getTotal() != null && detail.getCurrent() != null) {
            sizes[0] = detail.getCurrent();
            sizes[1] = detail.getTotal();
        } else if (status.startsWith("Download complete") || status.startsWith("Pull complete")) {
            sizes[0] = sizes[1];
        } else {
            return;
        }
        long done = 0;
        long total = 0;
        for (long[] s : layers.values()) {
            done += s[0];
            total += s[1];
        }
        progress.accept(String.format(Locale.ROOT, "pulling %s: %,d of %,d MiB", image, done / MIB, total / MIB));
    }

    private String reason(@Nullable String message) {
        String text = message == null ? "the engine gave no reason" : message.strip();
        return "Could not pull image " + image + ": " + text;
    }
}
