package dev.stowage.bench;

import com.github.dockerjava.api.DockerClient;
import dev.stowage.testing.docker.ServingContainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How soon an image's server answers {@code GET /ping} once its container has started, with no host in between
 * (test-resources' {@link ServingContainer}: no CPU quota, polled every 100 ms): what the host's "first good ping"
 * phase would be if the host looked more often than its ping interval.
 */
final class ServerReadiness {
    private ServerReadiness() {}

    /** Starts {@code image} with {@code model} {@code runs} times and prints the median time to its first 200. */
    static Duration measure(DockerClient docker, String image, Path model, int runs, PrintStream out)
            throws InterruptedException {
        List<Duration> ready = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (ServingContainer container =
                    ServingContainer.of(image).model(model).start(docker)) {
                long started = System.nanoTime();
                if (!container.awaitHealthy(Duration.ofMinutes(2))) {
                    throw new IllegalStateException(image + " never answered /ping 200: " + container.logs());
                }
                ready.add(Duration.ofNanos(System.nanoTime() - started));
            }
        }
        Duration median = ready.stream().sorted().toList().get(runs / 2);
        out.printf(
                Locale.ROOT,
                "  the server alone (no host, no CPU quota, /ping polled every 100 ms): first 200 %d ms after its"
                        + " container started (median of %d: %s ms)%n",
                median.toMillis(),
                runs,
                ready.stream().map(d -> Long.toString(d.toMillis())).toList());
        return median;
    }
}
