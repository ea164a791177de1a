package dev.stowage.local.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the clients other than the Java SDK (python3 with boto3, the AWS CLI, node and npm) as processes, with local
 * mode's credentials and region in their environment and no AWS configuration of the machine's user: what the README
 * tells a user to run, run by the ITs.
 */
final class ClientProcesses {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** How a process ended: its exit code (-1 when it was stopped at the timeout) and its stdout and stderr. */
    record Run(int exit, String output) {}

    private final Path home;

    /** Processes whose AWS config and credentials files would be in {@code home} (none are written there). */
    ClientProcesses(Path home) {
        this.home = home;
    }

    Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return run(command, env, null, TIMEOUT);
    }

    Run run(List<String> command, Map<String, String> env, @Nullable Path directory, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(home, "process", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .directory(directory == null ? null : directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", RunningStowage.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", RunningStowage.SECRET_KEY);
        environment.put("AWS_DEFAULT_REGION", RunningStowage.REGION);
        environment.put("AWS_REGION", RunningStowage.REGION);
        environment.put("AWS_CONFIG_FILE", home.resolve("none").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
        environment.put("AWS_PAGER", "");
        environment.putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        return new Run(ended ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Whether the command runs and exits 0 (false when it is not installed). */
    boolean succeeds(List<String> command) {
        try {
            return run(command, Map.of()).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
