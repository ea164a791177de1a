package dev.stowage.testing.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Docker Engine on {@code unix:///var/run/docker.sock}, for tests. As a JUnit 5 extension ({@code
 * @ExtendWith(DockerEngine.class)}) it skips the test class when no engine answers, saying how to start one, or
 * fails it instead when the environment requires an engine ({@code CI} set, or {@code STOWAGE_REQUIRE_DOCKER=1});
 * and it resolves {@link DockerClient} parameters. Outside JUnit, {@link #client()} gives the same client.
 *
 * <p>One client per JVM (docker-java's zero-dependency transport), shared by every test; it is thread-safe and is
 * never closed.
 */
public final class DockerEngine implements ExecutionCondition, ParameterResolver {
    public static final String HOST = "unix:///var/run/docker.sock";

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
    private static final Object LOCK = new Object();
    private static @Nullable Availability availability;
    private static @Nullable DockerClient client;

    /** Whether an engine answered the first time this JVM asked; the answer is kept for the JVM's life. */
    public static boolean available() {
        return availability().reason() == null;
    }

    /** Whether tests must fail rather than skip without an engine: {@code CI} set, or {@code STOWAGE_REQUIRE_DOCKER=1}. */
    public static boolean required() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
                || "1".equals(System.getenv("STOWAGE_REQUIRE_DOCKER"));
    }

    /** The shared client of an answering engine; throws, saying how to start one, when none answers. */
    public static DockerClient client() {
        String reason = availability().reason();
        if (reason != null) {
            throw new IllegalStateException(message(reason));
        }
        synchronized (LOCK) {
            if (client == null) {
                client = connect(null);
            }
            return client;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = availability().reason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("a Docker Engine answers on " + HOST);
        }
        if (required()) {
            throw new IllegalStateException(
                    "a Docker Engine is required (CI or STOWAGE_REQUIRE_DOCKER=1 is set), but " + message(reason));
        }
        return ConditionEvaluationResult.disabled(
                "skipped: " + message(reason) + " Set CI or STOWAGE_REQUIRE_DOCKER=1 to fail instead of skipping.");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DockerClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client();
    }

    private static String message(String reason) {
        return "no Docker Engine answers on " + HOST + " (" + reason + "). Start one with `scripts/docker-engine start`"
                + " (as root).";
    }

    private static Availability availability() {
        synchronized (LOCK) {
            if (availability == null) {
                availability = probe();
            }
            return availability;
        }
    }

    private static Availability probe() {
        if (!Files.exists(Path.of(HOST.substring("unix://".length())))) {
            return new Availability("the socket does not exist");
        }
        try (DockerClient probe = connect(PING_TIMEOUT)) {
            probe.pingCmd().exec();
            return new Availability(null);
        } catch (Exception e) {
            return new Availability("ping failed: " + e.getMessage());
        }
    }

    private static DockerClient connect(@Nullable Duration responseTimeout) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(HOST)
                .withDockerTlsVerify(false)
                .build();
        var http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(PING_TIMEOUT);
        if (responseTimeout != null) {
            // Only the probe: builds, waits and followed logs legitimately take minutes.
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    private record Availability(@Nullable String reason) {}
}
